"""(Batch scan, or check --previous FILE) passages of a unit's report carried over from its own
report of an earlier year.

**Finds**: in ``reportlint scan``, reports are grouped by unit (its normalised name) and ordered by
evaluation year; each is compared with the unit's earlier reports. A paragraph of at least 60
Chinese characters (stock phrases out) whose text, with every year blanked and every other figure
kept, matches an earlier report's at ratio ≥ 95 and states figures is reported with both places:
the same figures (70多篇, 60余册) for a different year. A report whose carried-over passages make up
at least 60 % of its passage text gets one summary finding instead (at the first such passage) with
that share. ``check REPORT --previous LAST_YEAR`` does the same for one pair.

**Why a reviewer cares**: a report re-dated from last year's (inspection notices: a 2023 年报 the
same as 2021's, a 述职报告 of 2016 filed again for 2017) describes no year at all, and its figures are
false for the year it claims.

**Example**:

    2023年报告：全年向县委办、县政府办报送统计分析材料70多篇，免费赠阅统计年鉴60余册，…
    2024年报告：全年向县委办、县政府办报送统计分析材料70多篇，免费赠阅统计年鉴60余册，…

**Fix**: state this year's work and this year's figures.

**Leaves alone**: stock phrases every report must contain (``lexicons/stock_phrases.txt``) and, in a
scan, template text across units (the passages of ``boilerplate-cross``'s template clusters: every
unit repeats the genre's template every year); a paragraph
kept with new figures (a template filled again); a carried paragraph without figures (the unit's
functions, its organisation) unless the report is mostly an earlier one; reports of other units
(``boilerplate-cross``); reports whose unit or year is unknown.

**Source**: public inspection findings on copied annual reports (政府信息公开工作年度报告 reviews); see
``crossdoc.compare_years``.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule


@rule("boilerplate-year", "C303", "warning", "copying",
      "（批量扫描或 --previous）同一单位沿用往年报告：段落与往年相同、仅年份不同，数字照搬",
      fires=("岚溪县统计局2023年报告：全年向县委办、县政府办报送统计分析材料70多篇，免费赠阅统计年鉴60余册，接受群众电话和窗口咨询数百次。\n"
             "岚溪县统计局2024年报告：全年向县委办、县政府办报送统计分析材料70多篇，免费赠阅统计年鉴60余册，接受群众电话和窗口咨询数百次。\n"),
      silent=("岚溪县统计局2023年报告：全年向县委办、县政府办报送统计分析材料70多篇，免费赠阅统计年鉴60余册。\n"
              "岚溪县统计局2024年报告：全年向县委办、县政府办报送统计分析材料85篇，免费赠阅统计年鉴72册。\n"),
      batch=True)
def boilerplate_year(ctx: RuleContext) -> Iterator[Finding]:
    """Found by ``reportlint scan`` or ``check --previous`` (see crossdoc.py); nothing to do alone."""
    return iter(())
