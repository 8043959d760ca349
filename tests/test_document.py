"""Paragraph reflow, heading tree and offsets on the sample and on short texts."""

from reportlint.context import detect_context, level_of_name
from reportlint.document import build_document
from reportlint.source import load_source, source_from_text

from conftest import SAMPLE


def sample_doc():
    return build_document(load_source(SAMPLE))


def test_sample_is_recognised_as_hard_wrapped_and_reflowed():
    doc = sample_doc()
    assert doc.hard_wrapped
    texts = [doc.paragraph_text(p) for p in doc.paragraphs]
    # a sentence wrapped over 6 raw lines with blank lines between is one paragraph
    assert "本单位本级核定人员编制82人，其中行政编制25人，工勤3人，参公8人，事业编制核定46人。" in texts
    # spaces around digits from the PDF are dropped, the page number is not in the text
    assert any(t.startswith("截止2024年12月31日，本单位本级般公共预算财政拨款") for t in texts)
    assert "\n6\n" not in doc.text
    assert [a.text for a in doc.artifacts] == ["6"]


def test_heading_sharing_its_line_with_body_text():
    doc = sample_doc()
    h = next(h for h in doc.headings if h.title == "自评材料报送及公开一致情况")
    para = doc.paragraph_text(doc.paragraphs[h.paragraph])
    assert para.startswith("（四）自评材料报送及公开一致情况。本单位所报送的自评报告、数据表、评分表是否与公开的")
    assert h.path() == "三/（四）" or h.path() == "二/（四）"


def test_heading_tree_paths():
    doc = sample_doc()
    paths = [h.path() for h in doc.headings if h.level <= 2]
    assert paths[:6] == ["一", "一/（一）", "一/（二）", "一/（三）", "一/（三）", "二"]
    assert sum(1 for h in doc.headings if h.level == 1) == 4
    seven = [h for h in doc.headings if h.parent and h.parent.title == "部门整体支出绩效指标分析"]
    assert [h.title for h in seven] == ["预算编制", "预算执行", "信息公开", "绩效管理", "采购管理", "资产管理", "运行成本"]


def test_offsets_map_back_to_original_line_and_column():
    doc = sample_doc()
    raw_lines = doc.raw.split("\n")
    i = doc.text.index("般公共预算")
    line, col = doc.line_col(doc.offsets[i])
    assert line == 118 and raw_lines[117][col - 1:col + 4] == "般公共预算"
    i = doc.text.index("2025年度湛江")
    start, end = doc.raw_span(i, i + len("2025年度"))
    assert doc.raw[start:end] == "2025 年度"
    # a span crossing a hard wrap maps to two raw lines
    i = doc.text.index("可持续发展")
    start, end = doc.raw_span(i - 10, i + 5)
    assert doc.line_col(start)[0] == 44 and doc.line_col(end)[0] == 46


def test_plain_text_is_one_paragraph_per_line():
    text = "一、概况\n本单位是主管全区事务的机构。\n（一）机构设置。\n设办公室等7个科室。\n"
    doc = build_document(source_from_text(text))
    assert not doc.hard_wrapped
    assert [doc.paragraph_text(p) for p in doc.paragraphs] == text.strip().split("\n")


def test_markdown_heading_prefixes_are_read_through():
    doc = build_document(source_from_text("# 一、概况\n\n## （一）机构\n\n正文。\n", kind="markdown"))
    assert [h.path() for h in doc.headings] == ["一", "一/（一）"]
    assert doc.line_col(doc.offsets[doc.headings[1].start]) == (3, 4)


def test_unit_levels_from_names():
    cases = {"湛江经济技术开发区人口和社会事务管理局": "district", "湛江市霞山区财政局": "district",
             "遂溪县乡村振兴局": "county", "湛江市市场监督管理局": "city", "徐闻县前山镇人民政府": "town",
             "广东省财政厅": "province", "东山街道办事处": "subdistrict", "湛江市城市管理和综合执法局": "city"}
    assert {n: level_of_name(n) for n in cases} == cases


def test_context_unknown_and_overrides():
    doc = build_document(source_from_text("本单位是主管全区事务的机构。\n全区共有10个街道，我区排名第一。\n"))
    ctx = detect_context(doc)
    assert ctx.evaluation_year is None and ctx.filing_date is None
    assert ctx.unit_level == "district"  # from the scope words the text uses
    ctx = detect_context(doc, year=2023, unit_level="county")
    assert (ctx.evaluation_year, ctx.unit_level, ctx.year_source) == (2023, "county", "option")


def test_title_year_and_closing_date():
    text = "湛江市某局2023年度部门整体支出绩效自评报告\n一、概况\n正文。\n湛江市某局\n2024年3月5日\n"
    ctx = detect_context(build_document(source_from_text(text)))
    assert ctx.evaluation_year == 2023 and ctx.filing_date.isoformat() == "2024-03-05"
