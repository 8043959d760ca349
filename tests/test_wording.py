"""jiezhi, scope-word, term-typo, law-name, template-left."""

import pytest

from conftest import SAMPLE, lint, run_cli

DISTRICT = "评价单位：湛江经济技术开发区人口和社会事务管理局\n"
COUNTY = "评价单位：遂溪县财政局\n"


def found(text, rule, **cfg):
    return [(f.line, f.excerpt, f.suggestion) for f in lint(text, **cfg) if f.rule == rule]


# ------------------------------------------------------------------ jiezhi

@pytest.mark.parametrize("text", ["截止2024年12月31日，在职74人。", "截止 11 月 30 日，已完成。", "截止目前，共办理20件。",
                                  "截止12月底，作出处罚20宗。", "截止十二月，共处置33例。", "截止年底，全部完成。"])
def test_jiezhi_fires_before_a_time_point(text):
    got = found(text + "\n", "jiezhi")
    assert len(got) == 1 and got[0][1] == "截止" and got[0][2] == "截至"


@pytest.mark.parametrize("text", ["截至2024年12月31日，在职74人。", "报名于5月30日截止。", "截止到11月底，完成火化657例。",
                                  "截止于2024年12月31日。", "截止日期为6月1日。", "申报截止时间另行通知。", "项目已按期截止。"])
def test_jiezhi_silent(text):
    assert found(text + "\n", "jiezhi") == []


# ------------------------------------------------------------------ scope-word

def test_scope_word_county_words_in_district_report():
    got = found(DISTRICT + "持续提升全县公共卫生服务能力，保障本县老年人福利，县委高度重视。\n", "scope-word")
    assert [(g[1], g[2]) for g in got] == [("全县", "全区"), ("本县", "本区"), ("县委", None)]


def test_scope_word_district_words_in_county_report():
    got = found(COUNTY + "全区共有12个乡镇，我县排名第一。\n", "scope-word")
    assert [g[1] for g in got] == ["全区"]


def test_scope_word_silent_on_parent_levels_own_names_and_titles():
    text = (DISTRICT + "全区医改考核全市排名第三，全省领先；经开区疫苗接种率全市第一。"
            "遂溪县委组织部来我区交流。根据《全县卫生工作规划》执行。\n")
    assert found(text, "scope-word") == []


def test_scope_word_autonomous_region_uses_quanqu_for_itself():
    text = "评价单位：广西壮族自治区某县财政局\n全区财政工作会议要求，全县预算执行率100%。\n"
    assert found(text, "scope-word") == []


def test_scope_word_silent_when_level_unknown():
    assert found("持续提升全县公共卫生服务能力。\n", "scope-word") == []
    # a clear majority of 全区 decides the level
    text = "全区共有5个街道。全区人口20万。我区医改考核第一。全县公共卫生服务能力提升。\n"
    assert [g[1] for g in found(text, "scope-word")] == ["全县"]


# ------------------------------------------------------------------ term-typo

CORRECT_TERMS = [
    "一般公共预算", "政府性基金预算", "国有资本经营预算", "社会保险基金预算", "财政拨款", "基本支出", "项目支出", "人员经费",
    "公用经费", "三公经费", "机关运行经费", "结转结余", "部门整体支出", "绩效自评", "绩效目标", "绩效指标", "预算执行率",
    "政府采购", "专项资金", "转移支付", "预决算公开", "公务接待费", "政府信息公开", "预算绩效管理", "资金到位率",
]


@pytest.mark.parametrize("term", CORRECT_TERMS)
def test_term_typo_silent_on_correct_terms(term):
    assert found(f"本单位{term}情况良好，{term}符合规定。\n", "term-typo") == []


def test_term_typo_silent_on_ordinary_words_sharing_characters():
    text = ("专项基金已拨付，资本支出合理，办公经费节约，科目支出规范，财政拨付及时，预算执行较低，"
            "加强对预算执行的管理，公共预算管理，政府性基金收入，一般性转移支付到位。\n")
    assert found(text, "term-typo") == []


@pytest.mark.parametrize("typo,term", [("般公共预算", "一般公共预算"), ("一般公共预箅", "一般公共预算"),
                                       ("政府性基金预箅", "政府性基金预算"), ("一般公公共预算", "一般公共预算"),
                                       ("国有资本经营预", "国有资本经营预算")])
def test_term_typo_fires_with_suggestion(typo, term):
    got = found(f"本级{typo}财政拨款开支的人员74人。\n", "term-typo")
    assert [(g[1], g[2]) for g in got] == [(typo, term)]


def test_term_typo_zero_false_positives_on_sample(sample_result):
    got = [(f.line, f.excerpt) for f in sample_result.findings if f.rule == "term-typo"]
    assert got == [(118, "般公共预算")]


def test_term_from_configuration_is_known_without_code_changes(tmp_path):
    text = "本单位开展绩效运监控，覆盖全部项目。\n"
    assert found(text, "term-typo") == []
    assert [g[2] for g in found(text, "term-typo", extra_terms=["绩效运行监控"])] == ["绩效运行监控"]
    # the same through a configuration file found next to the report
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('[lexicon]\nextra_terms = ["绩效运行监控"]\n', encoding="utf-8")
    r = run_cli("check", str(tmp_path / "r.txt"), "--select", "term-typo")
    assert r.returncode == 1 and "绩效运行监控" in r.stdout


# ------------------------------------------------------------------ law-name

def test_law_name_fires_on_names_without_a_law():
    got = found("在遵循国家的《预算法》《采购法》基础上，依据《信息公开条例》和《政府采构法》办理。\n", "law-name")
    assert [(g[1], g[2]) for g in got] == [("《采购法》", "《政府采购法》"), ("《信息公开条例》", "《政府信息公开条例》"),
                                           ("《政府采构法》", "《政府采购法》")]


def test_law_name_silent_on_full_names_short_forms_and_other_titles():
    text = ("根据《中华人民共和国预算法》、《中华人民共和国政府信息公开条例》、《预算法》《政府采购法》《中医药法》，"
            "《关于开展2025年区级财政资金绩效自评工作的通知》和《湛江市某某专项资金管理办法》执行。\n")
    assert found(text, "law-name") == []


def test_law_name_extra_law_from_configuration():
    text = "依据《广东省实施办法》执行。\n"
    assert found(text, "law-name") == []


# ------------------------------------------------------------------ template-left

def test_template_left_unanswered_question():
    text = "（四）自评材料报送及公开一致情况。本单位所报送的自评报告、数据表、评分表是否与公开的自评报告、数据表、评分表一致。\n"
    got = found(text, "template-left")
    assert len(got) == 1 and got[0][1].startswith("是否与公开的")


@pytest.mark.parametrize("text", ["填报日期：XX年XX月", "项目名称：××××项目", "由某某负责实施。", "评价单位（公章）：",
                                  "共计X年X月完成。", "【请填写项目名称】已完成。", "（请填写本单位实际情况）本单位设3个科室。"])
def test_template_left_placeholders_and_instructions(text):
    assert found(text + "\n", "template-left") != []


def test_template_left_instruction_in_heading():
    got = found("（三）部门整体支出情况（包括整体收支预算数及决算数等）。\n", "template-left")
    assert [g[1] for g in got] == ["（包括整体收支预算数及决算数等）"]


def test_template_left_silent_on_real_questions_answers_and_statements():
    text = ("（四）存在问题\n（1）项目立项是否充分论证，仍需研究。\n（五）整体情况\n本单位对项目是否达到预期目标进行了评价。"
            "经核查，报送的评分表是否与公开版本一致，已逐项比对。\n资金1×2米展板。\n")
    assert found(text, "template-left") == []


def test_sample_wording_findings(sample_result):
    got = sorted((f.line, f.rule) for f in sample_result.findings
                 if f.rule in {"jiezhi", "scope-word", "law-name", "template-left"})
    assert got == [(118, "jiezhi"), (128, "scope-word"), (145, "scope-word"), (171, "jiezhi"), (211, "jiezhi"),
                   (219, "jiezhi"), (244, "jiezhi"), (317, "jiezhi"), (346, "jiezhi"), (379, "template-left"),
                   (438, "template-left"), (528, "law-name")]


def test_cli_jiezhi_suggestion_shown():
    r = run_cli("check", str(SAMPLE), "--select", "jiezhi")
    assert r.stdout.count("建议：截至") == 7
