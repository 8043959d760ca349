"""year-mismatch, relative-time, stale-forecast."""

from conftest import lint

COVER = "评价年度：2024\n填报日期：2025年7月24日\n"


def found(text, rule, **cfg):
    return [(f.line, f.excerpt, f.suggestion) for f in lint(text, **cfg) if f.rule == rule]


def test_year_mismatch_in_announcement():
    got = found(COVER + "现将2025年度本单位整体支出绩效自评情况报告如下：\n", "year-mismatch")
    assert got == [(3, "2025年度", "2024年度")]


def test_year_mismatch_stale_snapshot_and_budget_statement():
    text = COVER + "截至2023年12月31日，在职人员36人。\n2023年局本级财政拨款收入预算100万元。\n"
    assert [g[0] for g in found(text, "year-mismatch")] == [3, 4]


def test_year_mismatch_silent_on_titles_docnums_filing_comparisons_plans():
    text = (COVER
            + "根据《关于开展2025年区级财政资金绩效自评工作的通知》（湛开财资〔2025〕26号）要求开展自评。\n"
            + "2023年我区医改目标考核全市排名第六，比2023年提升两位。\n"
            + "2025年工作任务截至12月19日已缴费184305人。\n"
            + "现将2024年度整体支出绩效自评情况报告如下：\n"
            + "截至2024年12月31日，在职74人。\n")
    assert found(text, "year-mismatch") == []


def test_year_mismatch_needs_the_evaluation_year():
    text = "现将2025年度本单位整体支出绩效自评情况报告如下：\n"
    assert found(text, "year-mismatch") == []
    assert [g[0] for g in found(text, "year-mismatch", evaluation_year=2024)] == [1]


def test_year_mismatch_title_year():
    text = "2025年度部门整体支出绩效自评报告\n评价年度：2024\n填报日期：2025年3月1日\n"
    assert [g[0] for g in found(text, "year-mismatch")] == [1]


def test_relative_time_fires_when_filing_year_differs():
    got = found(COVER + "今年12月综合评比全市排名第四，去年排名第六。\n", "relative-time")
    assert got == [(3, "今年", "2024年"), (3, "去年", "2023年")]


def test_relative_time_silent_on_accounting_terms_and_same_year_filing():
    assert found(COVER + "本年在编在职人员增加4人，上年结转资金已使用，本年度支出100万元。\n", "relative-time") == []
    same_year = "评价年度：2024\n填报日期：2024年12月20日\n今年12月综合评比全市排名第四。\n"
    assert found(same_year, "relative-time") == []


def test_relative_time_silent_without_filing_date():
    assert found("评价年度：2024\n今年12月综合评比全市排名第四。\n", "relative-time") == []


def test_relative_time_respects_word_edges():
    assert found(COVER + "至今年均增长5%。\n", "relative-time") == []


def test_stale_forecast_fires_on_evaluated_period():
    text = COVER + "（一）主要成效\n已完成85.71%，预计12月底前完成。预计今年综合考核将比去年提升一个台阶。\n"
    got = found(text, "stale-forecast")
    assert [g[1] for g in got] == ["预计12月底前完成", "预计今年综合考核将比去年提升一个台阶"]


def test_stale_forecast_silent_on_plans_and_future_sections():
    text = (COVER + "（一）主要成效\n项目预计2025年6月完工。下一步，力争年底前完成验收。\n"
            + "（五）改进措施\n力争年底前完成项目库建设，预计全年节约资金。\n")
    assert found(text, "stale-forecast") == []


def test_stale_forecast_silent_when_filed_within_the_year():
    text = "评价年度：2024\n填报日期：2024年12月10日\n已完成85.71%，预计12月底前完成。\n"
    assert found(text, "stale-forecast") == []
