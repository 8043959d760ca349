"""sum-mismatch, count-mismatch, rate-mismatch, score-grade, score-subtotal, value-conflict, date-invalid."""

import pytest

from conftest import lint, run_cli


def found(text, rule, **cfg):
    return [(f.line, f.excerpt, str(f.severity), f.message) for f in lint(text, **cfg) if f.rule == rule]


# ------------------------------------------------------------------ sum-mismatch

def test_sum_parts_above_total_always_error():
    got = found("全年发放资金100万元，其中助学金60万元。\n全年发放资金100万元，其中助学金60万元、救助金50万元。\n",
                "sum-mismatch")
    assert [(g[0], g[2]) for g in got] == [(2, "error")]
    assert "多10万元" in got[0][3]


def test_sum_open_list_short_is_info_closed_list_short_is_error():
    open_list = found("全年发放资金100万元，其中助学金30万元、救助金50万元。\n", "sum-mismatch")
    assert [g[2] for g in open_list] == ["info"]
    closed = found("财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算250.00万元。\n", "sum-mismatch")
    assert [g[2] for g in closed] == ["error"]
    listed = found("三个项目分别为30万元、20万元、10万元，合计70万元。\n", "sum-mismatch")
    assert [g[2] for g in listed] == ["error"]


def test_sum_mixed_units_and_rounding_edge():
    assert found("收入1523.46万元，其中一般公共预算1200.00万元、政府性基金预算3234600元。\n", "sum-mismatch") == []
    # 33.3 × 3 = 99.9 meets 100.0 within ± half a unit in the last place
    assert found("三项分别为33.3万元、33.3万元、33.3万元，合计100.0万元。\n", "sum-mismatch") == []
    # with two decimals the same figures no longer meet
    assert len(found("三项分别为33.30万元、33.30万元、33.30万元，合计100.00万元。\n", "sum-mismatch")) == 1


def test_sum_silent_on_approximate_and_single_part():
    assert found("发放资金约100万元，其中助学金60万元、救助金50万元。\n", "sum-mismatch") == []
    assert found("核定编制82人，其中行政编制25人。\n", "sum-mismatch") == []
    assert found("资金100万元，其中超过60万元用于助学，50万元用于救助。\n", "sum-mismatch") == []


# ------------------------------------------------------------------ count-mismatch

def test_count_mismatch_both_frames():
    assert len(found("下设综合股、财务股、业务股4个股室。\n", "count-mismatch")) == 1
    assert len(found("共有3家单位，分别是：甲公司、乙公司、丙公司和丁公司。\n", "count-mismatch")) == 1


def test_count_mismatch_silent_on_open_lists_and_nested_commas():
    assert found("下设综合股、财务股等4个股室。\n", "count-mismatch") == []
    assert found("共有5家单位，包括：甲公司、乙公司等。\n", "count-mismatch") == []
    assert found("设有办公室（含档案室、机要室）、财务科2个科室。\n", "count-mismatch") == []


# ------------------------------------------------------------------ rate-mismatch

def test_rate_from_numerator_and_denominator():
    got = found("全年预算100万元，决算90万元，预算执行率95%。\n", "rate-mismatch")
    assert len(got) == 1 and "90%" in got[0][3]
    assert found("任务数200人，完成180人，完成率90%。\n", "rate-mismatch") == []
    assert len(found("任务数200人，完成180人，完成率95%。\n", "rate-mismatch")) == 1


def test_rate_occupies_frame():
    assert len(found("项目支出300万元占总支出1000万元的35%。\n", "rate-mismatch")) == 1
    assert found("项目支出300万元占总支出1000万元的30%。\n", "rate-mismatch") == []


def test_rate_rounding_within_precision_is_silent():
    # 2/3 = 66.666…%: 66.67% and 66.7% are both right
    assert found("计划3项，完成2项，完成率66.67%。\n", "rate-mismatch") == []
    assert found("计划3项，完成2项，完成率66.7%。\n", "rate-mismatch") == []
    assert len(found("计划3项，完成2项，完成率66.8%。\n", "rate-mismatch")) == 1


def test_two_rates_implying_different_bases():
    text = "参保总缴费人数225317人，完成率100.59%；已缴费人数184305人，参保缴费完成率为62.28%。\n"
    assert len(found(text, "rate-mismatch")) == 1
    assert found(text.replace("62.28", "82.28"), "rate-mismatch") == []


# ------------------------------------------------------------------ score-grade

@pytest.mark.parametrize("text", ["自评分数90分，等级为良好。", "综合得分79.5分，评价等级为“良”。",
                                  "自评得分59分，评价结果为合格。", "评价等级为优秀，自评得分88分。"])
def test_score_grade_fires(text):
    assert len(found(text + "\n", "score-grade")) == 1


@pytest.mark.parametrize("text", ["自评分数90分，等级为优。", "自评得分89.9分，等级为良好。", "综合得分60分，等级为中等。",
                                  "自评得分95分。医改工作进展情况总体良好。", "产出指标得分45分，等级为良。"])
def test_score_grade_silent(text):
    assert found(text + "\n", "score-grade") == []


def test_score_grade_bands_configurable(tmp_path):
    text = "自评得分86分，评价等级为优。\n"
    assert len(found(text, "score-grade")) == 1
    bands = [{"min": 85, "grade": "优"}, {"min": 75, "grade": "良"}, {"min": 60, "grade": "中"}, {"min": 0, "grade": "差"}]
    assert found(text, "score-grade", grade_bands=bands) == []
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text(
        'grade_bands = [{min = 85, grade = "优"}, {min = 75, grade = "良"}, {min = 0, grade = "差"}]\n', encoding="utf-8")
    assert run_cli("check", str(tmp_path / "r.txt"), "--select", "score-grade").returncode == 0


# ------------------------------------------------------------------ score-subtotal

def test_score_subtotal_sum_weight_and_total():
    assert len(found("产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分93分。\n", "score-subtotal")) == 1
    assert len(found("预算执行率（10分）得12分。\n", "score-subtotal")) == 1
    assert len(found("自评得分105分。\n", "score-subtotal")) == 1
    assert found("自评得分105分，满分120分。\n", "score-subtotal") == []
    assert found("产出指标得分45.5分、效益指标得分28分、满意度得分9分、预算执行率得分9.5分，总分92分。\n",
                 "score-subtotal") == []


# ------------------------------------------------------------------ value-conflict

def test_value_conflict_and_its_guards():
    assert len(found("全区托育服务机构共计28家。\n另据统计，全区托育服务机构共计26家。\n", "value-conflict")) == 1
    # a figure "as of" different dates, a change, a short generic indicator: not conflicts
    assert found("截至6月30日，已缴费人数10万人。\n截至12月31日，已缴费人数18万人。\n", "value-conflict") == []
    assert found("人数增加4人。\n人数增加6人。\n", "value-conflict") == []
    assert found("完成率90%。\n完成率95%。\n", "value-conflict") == []


# ------------------------------------------------------------------ date-invalid

COVER = "评价年度：2024\n填报日期：2025年3月15日\n"


def test_date_invalid():
    got = found(COVER + "2024年2月30日完成验收，2024年13月1日启动。截至2025年5月31日，已拨付资金600万元。\n", "date-invalid")
    assert [g[1] for g in got] == ["2024年2月30日", "2024年13月1日", "2025年5月31日"]


def test_date_invalid_silent_on_plans_and_leap_days():
    text = COVER + "2024年2月29日完成验收。计划于2025年6月30日前完成拨付。\n（五）改进措施\n2025年9月1日起实施新办法。\n"
    assert found(text, "date-invalid") == []
