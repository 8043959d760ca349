"""A year that refers to the evaluated period but is not the evaluation year.

**Finds**: years that ``years.classify_years`` gives a judged role, against the evaluation year Y:
``evaluated`` (the 现将…报告如下 announcement, …年收支预决算, the title) and ``heading`` (一、2023年度
收支情况说明) not Y; the statistics period of a 年报 (统计期限自2024年1月1日起至2023年12月31日止) not
Y; the report's own title quoted in its opening (编制了《田黄镇2020年政府信息公开工作年度报告》) not Y;
the accounts' own scope (纳入…局2020年度部门决算编制范围 in a 2021 决算) not Y; and, in a retrospective
report, a year's 年报 said to be published within that year (完成2024年政府信息公开年度报告，并于2024年1月
15日之前…公布: the report of year X is published by January 31 of X+1), a year-end snapshot
(截至2023年12月31日，在职人员36人; 2021年末实有在职人员60人 as the one year-end of its sentence; 截至
2021年底 as the one year of its sentence in a 年报, 决算 or 部门整体自评, ``snapshot_genres``) before Y
(the genre's period logic, ``lexicons/genres.yaml``), a year's results dated to another year (a sentence
opening 2023年全年共开展… in a 2024 report), the year's guidance of an earlier year (按照《X市2020年
政务公开工作要点》 in a 2021 report), year-end carry-over said to be used in Y (年末结转…在2021年度继续
安排使用), a 年报's requests carried over to be answered in another year than Y + 1 (0件转结2024年办结 in a
2024 report), a plan in 改进措施/下一步 naming Y or earlier (the plan is for Y+1), and the own date of a report
that cannot be dated inside its year (``published_after_year_genres``: a 决算 is compiled after the accounts
close, a 年报 counts the year to December 31) in Y or earlier (2021年度…部门决算 公开时间:2021年9月19日; its
filing, publication or closing date, ``years.classify_years`` roles ``filing`` and ``dated``), and that of any
retrospective report before Y (a 2023 self-evaluation 填报日期：2022年…).

**Why a reviewer cares**: a report written from last year's template keeps last year's (or next
year's) figures in its key sentences; the wrong year makes the report describe another period.

**Example**:

    评价年度：2024
    现将2025年度本单位整体支出绩效自评情况报告如下：
    → 年份与评价年度不符：此处指被评价期间，写的是2025年度，评价年度为2024年

**Fix**: write the evaluation year; the suggestion replaces the year.

**Leaves alone**: titles in 《》 other than the report's own and its basis, the year a 政府工作报告's title
gives (2023年政府工作报告 is delivered in 2023 and reviews 2022: 一、2022年工作回顾), document numbers
〔2025〕, the filing and publication dates of other genres (a project's 自评 finished and dated in
December of its year, a 预算执行 report delivered in December), the date fields of other documents (a cited
notice's （印发日期：2022年12月25日） in the brackets of a sentence; an attached 申报表's 填报日期 or an appended
earlier 年报's 发布日期 after a 附件：/附：/相关文件： heading: ``datefields.py``), any date after the year, a lone date line
at the end (it may head a table) and the year's last day (12月31日: the accounts' reference date), comparisons (比2023年, 较2023年增加41条), plans (2025年将…,
2023年工作计划), cut-off dates after the year (截至2024年12月31日 in a 2023 project's report), two year-ends side by side
(2021年末…，2022年末…), a year-end in a comparison (较2021年末增加) or a running total (截至2021年底，
累计…), 截至2021年底 in a project's report (its history), a budget's snapshot of the year before
(截至2022年底 in a 2023 预算), a year-end that is a base, a history or a carry-over (截至2023年底…40家；
截至2024年底，增加到45家 across ；; 成立于2019年，截至2019年底…，现有…; 截至2023年底，上年结转…; …发现的问题
已于2024年整改), a published 年报 named by a date (于2024年3月公布了2023年…年度报告，并于2024年4月编制发布…方案),
a 编制范围 compared with last year's (与上年相比减少1个，原因是2023年度…编制范围内的…划转), a
whole-year figure set against another (2024年培训人次比2023年增加) and any year whose role is not
certain; reports whose evaluation year is unknown. A year-end without 12月31日 (截至2021年底, 2021年末实有
在职人员) alone in its sentence is a suspicion of last year's figures: a warning, not an error.

**Source**: 财预〔2020〕10号 (绩效自评 covers the budget year it evaluates); the evaluation year is
the one the report states on its cover or title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding, Severity
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.years import classify_years

_YEAR_END_DATE = re.compile(r"\s*(?:年\s*)?12\s*月\s*31\s*日|\s*[-/.]\s*12\s*[-/.]\s*31(?!\d)")
_MESSAGES = {
    "evaluated": "此处指被评价期间",
    "heading": "章节标题说明的是被评价期间的情况",
    "period": "统计期限应为评价年度的1月1日至12月31日",
    "self-title": "报告自称的标题年份应为评价年度",
    "whole-year": "“全年”成果应是评价年度的",
}


# a heading about a year's results: in a budget or plan, those of the year before it (its base)
_PRIOR_RESULTS = re.compile(r"决算|执行|完成|回顾|总结")


def mismatch(role: str, year: int, y: int, plan_year: int) -> str | None:
    """Why a year of this role contradicts evaluation year ``y`` (None when it does not)."""
    if role in _MESSAGES:
        return _MESSAGES[role] if year != y else None
    if role in ("snapshot", "year-end") and year < y:
        return "年末时点（截至年底、年末在职人数）早于评价年度，疑似沿用上年数据"
    if role == "published-early":
        return f"{year}年的年度报告应在次年1月31日前公布，不会在{year}年内公布，报告年份与公布日期矛盾"
    if role in ("dated", "filing") and year < y:
        return f"回顾{y}年度的报告，其日期不会早于{y}年"
    if role in ("dated", "filing") and year == y:
        return f"{y}年度的决算或年度报告要到{y}年结束后才能编成公布，其日期不会在{year}年内"
    if role == "basis" and year < y:
        return f"依据的是{year}年的工作要点，评价年度的工作应依据{y}年的"
    if role == "carryover":
        return "年末结转的资金只能在结转的次年使用"
    if role == "review-later" and year != y:
        return f"回顾{y}年工作的部分写的是更晚年份的成果"
    if role == "carried-request" and year != y + 1:
        return f"结转的申请要在次年（{y + 1}年）办结"
    if role == "plan-section" and year <= y:
        return f"改进措施/下一步计划针对的是{plan_year}年"
    return None


@rule("year-mismatch", "T201", "error", "time",
      "指称被评价期间的年份与评价年度不符（2024年度报告中写“现将2025年度…情况报告如下”、统计期限止于上年、全年成果写成上年）",
      fires="评价年度：2024\n填报日期：2025年7月24日\n现将2025年度本单位整体支出绩效自评情况报告如下：\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n"
             "根据《关于开展2025年绩效自评工作的通知》要求，现将2024年度自评情况报告如下：\n",
      needs=("year",))
def year_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    plan_year = ctx.context.plan_year or y + 1
    retrospective = ctx.context.retrospective
    genre = ctx.context.genre.genre.id if ctx.context.genre else None
    # a 决算 or 年报 dated inside its own year (公开时间:2021年9月19日 on the 2021 accounts)
    dated_after = genre in load_yaml("time.yaml")["published_after_year_genres"]
    # a genre written before its year (a budget, a plan): its review of the year before is its base
    forward = ctx.context.period is not None and ctx.context.period.offset == 1
    # a speech's title names the year it is delivered in (2023年政府工作报告 reviews 2022)
    delivered = y - ctx.context.period.offset if ctx.context.year_source == "title+genre" and ctx.context.period else None
    for ym in classify_years(ctx.doc):
        if ym.year == delivered and "报告" in ctx.text[ym.end:ym.end + 40].split("\n")[0]:
            continue
        if ym.role in ("whole-year", "plan-section", "basis", "snapshot", "year-end",
                       "published-early", "carried-request") and not retrospective:
            continue
        if ym.role == "heading" and forward and ym.year == y - 1 and _PRIOR_RESULTS.search(
                ctx.text[ym.end:ym.end + 80].split("\n", 1)[0]):
            continue  # a budget or plan reviews the year before it: 二、2021年“三公”经费决算情况 in a 2022 预算
        if ym.role in ("dated", "filing") and not (
                dated_after or (retrospective and ym.year < y)):  # a look back cannot predate its year
            continue
        if ym.role in ("dated", "filing") and (
                (ym.role == "filing" and ctx.context.filing_source == "closing date")
                or _YEAR_END_DATE.match(ctx.text, ym.end)):
            # a lone date line may head a table (资产负债表 2023年12月31日), and the year's last day is the
            # accounts' or statistics' reference date, not the day they were published
            continue
        why = mismatch(ym.role, ym.year, y, plan_year)
        if why is None:
            continue
        text = ctx.text[ym.start:ym.end]
        fix_year = plan_year if ym.role == "plan-section" else ym.year + 1 if ym.role == "carryover" else (
            y + 1 if ym.role == "carried-request" else
            ym.year - 1 if ym.role == "published-early" else y + 1 if ym.role in ("dated", "filing") else y)
        head = "年份与公布日期矛盾" if ym.role in ("published-early", "dated", "filing") else "年份与评价年度不符"
        yield ctx.report(ym.start, ym.end,
                         f"{head}：{why}，写的是{text}，评价年度为{y}年",
                         suggestion=text.replace(str(ym.year), str(fix_year)),
                         # a year-end without 12月31日, alone in its sentence: a suspicion, not a proof
                         severity=Severity.WARNING if ym.role == "year-end" else None)
