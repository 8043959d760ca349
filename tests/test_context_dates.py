"""The report's own dates as the context reads them (filing field, closing date, page publication date):
exact values on headers shaped like the real ones (real 303/317/327/403/426/507/516/518/605/610/613/645,
wild W099/W114, holdout diagnosis copies 713/718/728)."""

from __future__ import annotations

import pytest

from reportlint.config import Config
from reportlint.engine import lint_text

BODY = "一、总体情况\n2023年，本单位严格执行预算，完成年度目标任务。\n二、下一步工作\n继续加强预算管理。\n"


def _filing(text: str) -> tuple[str | None, str | None]:
    ctx = lint_text(text).context
    return (ctx.filing_date.isoformat() if ctx.filing_date else None,
            ctx.filing_source if ctx.filing_date else None)


@pytest.mark.parametrize("head, date, source", [
    # labelled page fields, ISO and Chinese dates (real 645, 610; wild W099; diagnosis 728)
    ("来源:发布时间:2024-08-29浏览次数:【字体:\n", "2024-08-29", "published"),
    ("来源: 时间:2023年10月19日 17:59 点击率:打印 】【 关闭\n", "2023-10-19", "published"),
    ("公开时间:2025年10月15日\n", "2025-10-15", "published"),
    ("发布日期：2023年1月5日\n", "2023-01-05", "published"),
    # a bare 时间 after a field's value in a metadata line (real 303, 317, 327, 331)
    ("浏览次数: 来源:霍邱县教育局 时间:2023-03-30 17:56 文字大小:[ ]\n", "2023-03-30", "published"),
    ("【字号:】 时间:2025-09-10 作者:\n", "2025-09-10", "published"),
    ("- 时间:2023-02-24\n", "2023-02-24", "published"),
    # an unlabelled date opening a furniture line (diagnosis 728, 718; real 605, 516)
    ("2022-09-19 作者: 点击数: |\n", "2022-09-19", "published"),
    ("• 2025-02-10 15:59\n", "2025-02-10", "published"),
    ("2024-04-01 10:14 来源:正直镇\n", "2024-04-01", "published"),
    ("发布时间:\n2026-03-04\n", "2026-03-04", "published"),
    # a timestamp run into the breadcrumb before 来源 (real 613)
    ("当前位置:首页>财政信息>2023年度部门决算2024-10-17 17:46来源:财务处作者:\n", "2024-10-17", "published"),
    # a lone date under the title (real 507, wild W114)
    ("2024年1月31日\n", "2024-01-31", "published"),
    # filing fields with a table's separators (real 426, 419; diagnosis 713)
    ("文件编号: | 成文日期: | 2024年04月22日 | |||\n", "2024-04-22", "filing field"),
    ("[ 成文日期 ] | 2025-09-12 | [ 发布日期 ] | 2025-09-12\n", "2025-09-12", "filing field"),
    ("填报日期:2024年3月15日\n", "2024-03-15", "filing field"),
])
def test_page_and_form_dates(head, date, source):
    assert _filing("某县财政局2023年度部门决算\n" + head + BODY) == (date, source)


@pytest.mark.parametrize("head", [
    # a period is no date (报告时间:2024年1月1日至12月31日)
    "报告时间:2024年1月1日至12月31日\n",
    "填报时间:2024年1月1日—2024年12月31日\n",
    "公开时间:2024-01-01至2024-12-31\n",
    # a date that starts a sentence is no field (公开时间：2023年6月1日起，…)
    "公开时间:2023年6月1日起,每月更新一次。\n",
    # another moment than publication
    "文章来源:司法局 更新时间:2021/03/29 11:30:01\n",
    "会议时间:2024年3月5日,会议地点:县政府三楼会议室。\n",
    # a date inside prose
    "本单位于2024年3月5日召开会议,研究部署全年工作。\n",
    # a link to another page with its date
    "上一篇:关于做好2023年决算工作的通知 发布时间:2023-12-20\n",
])
def test_no_filing_date(head):
    assert _filing("某县财政局2023年度部门决算\n" + head + BODY) == (None, None)


def test_first_page_date_wins_over_a_later_misdated_field():
    """Diagnosis 728: the page is dated 2022-09-19; the body's 公开时间:2021年9月19日 on the 2021 accounts is the
    text's error (year-mismatch), not the page's date."""
    text = ("2021年度四川省某县乡村振兴局部门决算\n2022-09-19 作者: 点击数:\n"
            "2021年度某县乡村振兴局部门决算 公开时间:2021年9月19日\n" + BODY)
    assert _filing(text) == ("2022-09-19", "published")
    got = [(f.line, f.excerpt) for f in lint_text(text).findings if f.rule == "year-mismatch"]
    assert got == [(3, "2021年")]


def test_metadata_line_after_a_long_menu():
    """Real 403: eleven menu lines before the title, then 来源:五蛟镇 发布时间:… 浏览次数:."""
    menu = "".join(f"菜单{i}\n" for i in range(11))
    text = menu + "五蛟镇人民政府2020年政府信息公开年度报告\n来源:五蛟镇 发布时间:2021-04-09 08:59:08 浏览次数:【字体:\n" + BODY
    assert _filing(text) == ("2021-04-09", "published")


def test_closing_date_after_the_signature():
    text = "某县财政局2023年度部门整体支出绩效自评报告\n" + BODY + "某县财政局\n2024年3月15日\n"
    assert _filing(text) == ("2024-03-15", "closing date")


@pytest.mark.parametrize("tail", [
    "资产负债表\n2023年12月31日\n单位:元\n",
    "收入支出决算表\n2023年12月31日\n",
    "编制单位:某县财政局\n2023年12月31日\n",
    "2023年12月31日\n单位:万元\n| 项目 | 年初数 | 年末数 |\n| 资产合计 | 100 | 120 |\n",
])
def test_statement_header_date_is_no_closing_date(tail):
    """A lone 2023年12月31日 that heads a statement is the accounts' reference date: it sets no filing year
    (which would make the 2023 report's 今年 right)."""
    text = "某县财政局2023年度部门决算\n" + BODY + "今年全面完成各项任务。\n" + tail
    assert _filing(text) == (None, None)
    got = [f.rule for f in lint_text(text).findings if f.rule == "relative-time"]
    assert got == ["relative-time"]


def test_option_overrides_the_page_date():
    text = "某县财政局2023年度部门决算\n发布时间:2024-08-29\n" + BODY
    ctx = lint_text(text, Config()).context
    assert ctx.filing_source == "published" and ctx.written_after_year
