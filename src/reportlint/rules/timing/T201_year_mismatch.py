"""A year that refers to the evaluated period but is not the evaluation year.

**Finds**: years that ``years.classify_years`` gives the role ``evaluated`` (the 现将…报告如下
announcement, a 截至…12月31日 snapshot, …年收支预决算, the title) whose value is not the
evaluation year from the context.

**Why a reviewer cares**: a report written from last year's template keeps last year's (or next
year's) figures in its key sentences; the wrong year makes the report describe another period.

**Example**:

    评价年度：2024
    现将2025年度本单位整体支出绩效自评情况报告如下：
    → 年份与评价年度不符：此处指被评价期间，写的是2025年度，评价年度为2024年

**Fix**: write the evaluation year; the suggestion replaces the year.

**Leaves alone**: titles in 《》, document numbers 〔2025〕, the filing date, comparisons (比2023年),
plans (2025年将…) and any year whose role is not certain; reports whose evaluation year is unknown.

**Source**: 财预〔2020〕10号 (绩效自评 covers the budget year it evaluates); the evaluation year is
the one the report states on its cover or title.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.years import classify_years


@rule("year-mismatch", "T201", "error", "time",
      "指称被评价期间的年份与评价年度不符（2024年度报告中写“现将2025年度…情况报告如下”）",
      fires="评价年度：2024\n填报日期：2025年7月24日\n现将2025年度本单位整体支出绩效自评情况报告如下：\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n"
             "根据《关于开展2025年绩效自评工作的通知》要求，现将2024年度自评情况报告如下：\n",
      needs=("year",))
def year_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    for ym in classify_years(ctx.doc):
        if ym.role == "evaluated" and ym.year != y:
            text = ctx.text[ym.start:ym.end]
            yield ctx.report(ym.start, ym.end,
                             f"年份与评价年度不符：此处指被评价期间，写的是{text}，评价年度为{y}年",
                             suggestion=text.replace(str(ym.year), str(y)))
