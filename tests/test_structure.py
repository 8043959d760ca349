"""Headings, lists, tables of contents and table rows as real reports lay them out (document/headings.py),
and the structure rules' cost as the number of headings grows."""


import pytest

from reportlint.document import build_document
from reportlint.document.markers import match_marker
from reportlint.engine import lint_text
from reportlint.source import source_from_text


def doc_of(text: str):
    return build_document(source_from_text(text, "<t>"))


def structure_findings(text: str) -> list[tuple[str, str]]:
    from reportlint.config import Config

    cfg = Config(select={"section-duplicate", "section-gap", "section-order", "section-style", "enum-sequence"})
    r = lint_text(text, cfg)
    return [(f.rule, f.excerpt) for f in r.findings]


@pytest.mark.parametrize("text,kind,number", [
    ("三、2024年工作计划", "cn", 3),            # 工作总结's last section (real 112, 327, 328)
    ("一、一般公共预算财政拨款收入", "cn", 1),    # 一、 followed by 一 (real 306, PDF 普陀)
    ("一、１９９１年国内工作的回顾", "cn", 1),    # full-width digits (政府工作报告 1992)
    ("一 基本情况", "cn", 1),                   # no 、
    ("第一部分:广西壮族自治区人民检察院概况", "part", 1),  # real 318
    ("第3章 方法", "chapter", 3),
    ("第一条根据《上海市普陀区机构改革方案》", "article", 1),  # PDF 普陀 p4
    ("1.1 项目概况", "decimal2", 1),
    ("1.2.3 小节", "decimal3", 3),
    ("1)加强组织领导", "rparen", 1),
    ("１．加强学习", "arabic", 1),
    ("(一)基本支出情况", "paren-cn", 1),         # half-width brackets (the store's normalisation)
    ("1、2023年度主要工作", "arabic", 1),        # real 453
])
def test_markers_of_real_layouts(text, kind, number):
    m = match_marker(text)
    assert m is not None and (m.kind, m.number) == (kind, number)


@pytest.mark.parametrize("text", ["1.5万元用于购置设备", "一、二、三级指标", "第二十条第（一）项", "一是加强学习",
                                  "一般公共预算", "2.3亿元", "1、2、3号楼"])
def test_not_markers(text):
    assert match_marker(text) is None


def test_table_of_contents_is_its_own_tree_and_the_body_restarts():
    # shape of real 318/319 (广西 决算): 目 录, parts and numbered lines, then the body repeats part one
    text = ("目 录\n第一部分:概况\n一、本部门职责\n二、机构设置情况\n第二部分:部门决算报表\n第三部分:决算情况说明\n"
            "一、收入支出决算总体情况。\n二、一般公共预算财政拨款支出决算情况。\n"
            "第一部分:概况\n一、本部门职责\n本院是全区检察机关的领导机关。\n二、机构设置情况\n设5个处室。\n")
    doc = doc_of(text)
    assert [h.label for h in doc.toc] == ["第一部分", "一、", "二、", "第二部分", "第三部分", "一、", "二、"]
    assert [h.label for h in doc.headings] == ["第一部分", "一、", "二、"]
    assert structure_findings(text) == []


def test_toc_entry_numbered_differently_in_the_body():
    text = ("目录\n一、基本情况\n二、收入情况\n三、支出情况\n"
            "一、基本情况\n本单位……。\n二、收入情况\n全年收入……。\n四、支出情况\n全年支出……。\n")
    found = structure_findings(text)
    assert ("section-order", "三、支出情况") in found


def test_table_rows_written_as_text_are_not_headings():
    # shape of the PDF 淮安市洪泽区 年报 table (国办公开办函〔2021〕30号): numbered rows with numeric columns
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n"
            "一、本年新收政府信息公开申请数量21 0 0 0 0 0 21\n二、上年结转政府信息公开申请数量0 0 0 0 0 0 0\n"
            "（一）予以公开0 0 0 0 0 0 0\n（二）部分公开\n4 0 0 0 0 0 4\n（三）不予公开\n"
            "1.属于国家秘密1 0 0 0 0 0 1\n四、结转下年度继续办理0 0 0 0 0 0 0\n"
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n10 1 0 0 0\n五、存在的主要问题及改进情况\n"
            "2023年，工作取得一定成效。\n")
    doc = doc_of("一、总体情况\n全年……。\n二、主动公开政府信息情况\n全年……。\n" + text)
    assert [h.label for h in doc.headings] == ["一、", "二、", "三、", "四、", "五、"]


def test_two_column_rows_are_table_rows():
    # 收入支出决算总表 of the PDF 普陀: two markers on one row, rows ending in amounts, 二十六、 rows
    text = ("第二部分 部门决算表\n收入支出决算总表\n单位：万元\n"
            "一、一般公共预算财政拨款收入2,940.05一、一般公共服务支出2,106.66\n"
            "二、政府性基金预算财政拨款收入二、外交支出\n三、国有资本经营预算财政拨款收入三、国防支出\n"
            "九、卫生健康支出60.99\n十、节能环保支出\n十一、城乡社区支出\n本年收入合计2,946.25本年支出合计2,940.05\n")
    doc = doc_of(text)
    assert [h.label for h in doc.headings] == ["第二部分"]


def test_list_inside_a_paragraph_is_checked():
    text = "一、主要做法\n（一）加强管理\n全年做了以下工作：1.完善制度。2.规范流程。2.加强监督。\n"
    assert structure_findings(text) == [("section-duplicate", "2.加强监督")]
    doc = doc_of(text)
    assert [(h.label, h.inline) for h in doc.headings][-3:] == [("1.", True), ("2.", True), ("2.", True)]


def test_flattened_report_headings_after_a_dropped_space():
    # real 475: a report flattened to one line, items separated by spaces the join drops
    text = "(三)年度总体工作和重点工作任务 1、强化经济综合管理。 2、推进项目建设。 3、深化改革。\n"
    doc = doc_of(text)
    assert [h.label for h in doc.headings] == ["(三)", "1、", "2、", "3、"]


def test_excerpt_start_is_a_note_not_a_gap():
    # real 427: the page begins inside section 八
    text = "(一)会议费2023年预算0万元。\n(二)培训费2023年预算0万元。\n九、政府性基金预算支出情况说明\n本单位无。\n十、其他\n无。\n"
    doc = doc_of(text)
    assert doc.excerpt_start
    assert doc.source.notes == ("文本从中间开始（第一个一级标题是九、），其前的序号不检查",)
    assert structure_findings(text) == []


def test_restart_after_a_lead_in_is_a_new_list():
    # real 301: 三公经费 rows 1、2、3、 then 项目支出: and 1、 again, one cell per line
    text = "二、支出\n三公经费:\n1、公务用车\n2、出国经费\n3、公务接待\n项目支出:\n1、业务工作经费\n2、专项经费\n"
    assert structure_findings(text) == []


def test_lost_numerals_in_a_table_of_contents():
    # real 317 (湖北省人民检察院): 七、 八、 九、 lost their numerals, 、 kept (here 三、 四、)
    text = ("目录\n第二部分 决算表\n一、收入支出决算总表¨¨¨¨¨¨5\n二、收入决算表¨¨¨¨¨¨5\n"
            "、政府性基金预算财政拨款收入支出决算表¨¨¨¨¨6\n、国有资本经营预算财政拨款支出决算表¨¨¨¨¨6\n")
    assert structure_findings(text) == [("section-style", "、"), ("section-style", "、")]


def _assert_linear(run, make, n: int) -> None:
    """Work on ``make(4n)`` is linear in work on ``make(n)``: the count of calls grows ~4x (quadratic
    would be ~16x). A quadratic step inside one C call makes no extra calls: the timed ratio of the
    same shapes is in benchmarks/linearity.py (measured, never asserted)."""
    from workcount import CALLS, calls

    small = make(n)
    run(small)
    ratio = calls(lambda: run(make(4 * n))) / calls(lambda: run(small))
    assert ratio < CALLS, ratio


def _structure_text(n: int) -> str:
    return "".join(f"{'一二三四五六七八九'[i % 9]}、第{i}部分情况\n（一）机构\n1.职责。2.人员。\n本单位正文。\n"
                   for i in range(n))


def test_heading_building_and_structure_rules_scale_linearly():
    """Issue 16: 25k/50k/100k 一、 headings took 8/19/51 s. The cost of 4x and 8x the headings is
    measured by operation count (``_assert_linear``)."""
    from reportlint.config import Config

    cfg = Config(select={"section-duplicate", "section-gap", "section-order", "section-style", "enum-sequence"})
    _assert_linear(lambda text: lint_text(text, cfg), _structure_text, 300)


def test_items_inside_one_long_paragraph_scale_linearly():
    """A report flattened to one line holds thousands of items: each item's title is read from a short
    window, never from the rest of the paragraph (that was items x length)."""
    _assert_linear(doc_of, lambda n: "一、概况\n" + "".join(f"{i % 99 + 1}.加强管理工作。" for i in range(n)) + "\n",
                   1000)


def test_section_style_tie_when_both_lists_switch_names_the_standard():
    """Two lists that each switch forms (1、 2. and 1. 2、): neither form came first in the text, so the
    message says the standard's form, not 先写作 (REVIEW2 item 12)."""
    from reportlint.config import Config

    text = ("一、部门概况\n（一）机构设置\n1、内设机构。局机关内设办公室等8个科室。\n2.下属单位。下属学校45所。\n"
            "二、绩效目标完成情况\n（一）产出指标\n1.数量指标。完成校舍维修12所。\n2、质量指标。验收合格率100%。\n")
    r = lint_text(text, Config(select={"section-style"}))
    assert [f.message for f in r.findings] == [
        "同一层级序号写法不一致：本文三级标题按标准应写作「1.」，此处写作「1、」",
        "同一层级序号写法不一致：本文三级标题按标准应写作「1.」，此处写作「2、」"]
