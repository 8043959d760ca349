"""punct-halfwidth, punct-pair, docnum-format, enum-sequence, outline-missing."""

from conftest import SAMPLE, lint


def found(text, rule, **cfg):
    return [(f.line, f.excerpt, f.suggestion) for f in lint(text, **cfg) if f.rule == rule]


def test_punct_halfwidth_fires_between_chinese():
    got = found("享受老年福利待遇,同时帮助老人;做好工作:完成任务?是的!执业(助理)医师。填报日期:2025年\n",
                "punct-halfwidth")
    assert [g[2] for g in got] == ["，", "；", "：", "？", "！", "（助理）", "："]


def test_punct_halfwidth_silent_on_numbers_english_urls():
    text = "金额1,000元，时间8:30，比例1:500，见 https://www.gov.cn/a(b)c,d 和 English, words (draft) 与 COVID-19。\n"
    assert found(text, "punct-halfwidth") == []


def test_punct_pair_unbalanced():
    got = found("按照《预算法规定执行，管控“三公经费支出（含接待费。\n", "punct-pair")
    assert [g[1] for g in got] == ["《", "“", "（"]
    assert [g[1] for g in found("多了一个右括号）和书名号》。\n", "punct-pair")] == ["）", "》"]


def test_punct_pair_silent_on_balanced_wrapped_and_quotations_over_paragraphs(tmp_path):
    assert found("按照《预算法》规定，管控“三公”经费（含接待费）。〔2025〕【注】\n", "punct-pair") == []
    quote = "“第一段引文，\n“第二段引文。”\n"
    assert found(quote, "punct-pair") == []


def test_punct_pair_silent_on_sample_wrapped_pairs(sample_result):
    # “两癌” and 《中华人民共和国…》 pairs cross hard line wraps in the sample
    assert [f for f in sample_result.findings if f.rule == "punct-pair"] == []


def test_docnum_format():
    got = found("根据徐财绩[2025]5号、湛开财资〔25〕26号、粤财绩〔2025〕第8号、湛财预（2024）012号文件。\n", "docnum-format")
    assert [g[2] for g in got] == ["徐财绩〔2025〕5号", "湛开财资〔2025〕26号", "粤财绩〔2025〕8号", "湛财预〔2024〕12号"]


def test_docnum_format_silent_on_correct_and_court_numbers():
    assert found("根据湛开财资〔2025〕26号文件；案号（2025）粤08民初123号；2024年（第3号）公告。\n", "docnum-format") == []


def test_enum_sequence_skip_repeat_and_missing_first():
    text = "（一）做法\n一是加强学习。三是规范管理。\n（二）经验\n一是严控支出；二是压减开支；二是强化监督。\n（三）其他\n二是补充说明。\n"
    got = found(text, "enum-sequence")
    assert [(g[0], g[1]) for g in got] == [(2, "三是"), (4, "二是"), (6, "二是")]
    assert got[0][2] == "二是" and got[1][2] == "三是"


def test_enum_sequence_silent_across_headings_and_paragraphs():
    text = ("（一）做法\n一是加强学习。二是规范管理。\n三是严控支出。\n（二）经验\n一是压减开支。二是强化监督。\n"
            "统一是原则，唯一是标准。第一，加强学习；第二，规范管理。\n")
    assert found(text, "enum-sequence") == []


def test_enum_sequence_silent_on_sample(sample_result):
    assert [f for f in sample_result.findings if f.rule == "enum-sequence"] == []


OUTLINE = ("{title}\n一、单位基本情况\n（一）单位机构设置、部门职能情况\n（二）部门整体支出情况\n二、自评工作开展情况\n"
           "（一）自评工作过程\n三、绩效自评情况\n（一）自评结果\n（二）部门整体支出绩效指标分析\n{tail}")


def test_outline_missing_section_and_order():
    text = OUTLINE.format(title="部门整体支出绩效自评报告", tail="（三）改进措施\n")
    got = found(text, "outline-missing")
    assert len(got) == 1 and got[0][0] == 7  # reported at 三、绩效自评情况: 存在问题 is missing
    text = OUTLINE.format(title="部门整体支出绩效自评报告", tail="（三）改进措施\n（四）存在问题\n")
    got = [f.message for f in lint(text) if f.rule == "outline-missing"]
    assert len(got) == 1 and "顺序" in got[0]


def test_outline_complete_and_other_genres_silent(sample_result):
    text = OUTLINE.format(title="部门整体支出绩效自评报告", tail="（三）存在问题\n（四）改进措施\n")
    assert found(text, "outline-missing") == []
    assert found(OUTLINE.format(title="2024年工作总结", tail=""), "outline-missing") == []
    assert [f for f in sample_result.findings if f.rule == "outline-missing"] == []


def test_sample_form_findings(sample_result):
    got = sorted((f.line, f.excerpt) for f in sample_result.findings if f.rule == "punct-halfwidth")
    assert got == [(147, ","), (205, "(助理)"), (323, "(社区)"), (563, ",")]
    assert SAMPLE.exists()
