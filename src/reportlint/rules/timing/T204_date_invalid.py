"""An impossible date, or a date after the filing date stated as done.

**Finds**: date claims that do not exist in the calendar (2月30日, 13月); dates with a stated year
later than the filing date in a clause that reports a fact (截至, 已, 完成, 累计 …) and no plan
word (预计, 计划, 将, 拟, 前完成, 期限 …).

**Why a reviewer cares**: an impossible date is a typo in a figure the reviewer must trust; a
completed action dated after the report was filed is either a typo or a copied plan.

**Example**:

    评价年度：2024
    填报日期：2025年7月24日
    截至2025年8月31日，已拨付资金100万元；2024年2月30日完成验收。
    → 日期晚于填报日期（2025-07-24）却写成已发生的事实：2025年8月31日
    → 日期不存在：2024年2月30日

**Fix**: correct the date, or word the sentence as a plan.

**Leaves alone**: dates whose year was inferred (no year written); plans and deadlines; sections
about the future (存在问题, 改进措施 …); reports with no known filing date (only the calendar check).

**Source**: the calendar; the report's own filing date (填报日期) as the limit of what it can state
as done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.timing._future import CLAUSE_END, in_future_section

_PLAN_WORDS = re.compile(r"预计|计划|将|拟|力争|争取|前完成|之前|以前|到期|截止日期|期限|要求|应于|须于|确保")
_DONE_WORDS = re.compile(r"截至|截止|已|完成|共|累计|实现|办理|发放|拨付")


@rule("date-invalid", "T204", "error", "time",
      "日期不存在（2月30日、13月），或晚于填报日期却写成已完成的事实",
      fires="评价年度：2024\n填报日期：2025年7月24日\n截至2025年8月31日，已拨付资金100万元；2024年2月30日完成验收。\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n截至2024年12月31日，已拨付资金100万元；计划于2025年9月30日前完成验收。\n")
def date_invalid(ctx: RuleContext) -> Iterator[Finding]:
    filing = ctx.context.filing_date
    text = ctx.text
    for c in ctx.claims:
        if c.kind != "date":
            continue
        if not c.extra.get("valid", True):
            yield ctx.report(c.start, c.end, f"日期不存在：{c.raw}")
            continue
        if filing is None or c.extra.get("year_inferred") or c.value is None:
            continue
        d = dt.date.fromisoformat(c.value)
        if d <= filing:
            continue
        p = ctx.doc.paragraphs[c.paragraph]
        if in_future_section(ctx.doc, p):
            continue
        cs = max(text.rfind(ch, p.start, c.start) for ch in "。；") + 1
        ce_m = CLAUSE_END.search(text, c.end, p.end)
        clause = text[max(cs, p.start):ce_m.start() if ce_m else p.end]
        if _PLAN_WORDS.search(clause) or not _DONE_WORDS.search(clause):
            continue
        yield ctx.report(c.start, c.end,
                         f"日期晚于填报日期（{filing.isoformat()}）却写成已发生的事实：{c.raw}")
