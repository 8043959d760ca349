"""One indicator stated twice with different values.

**Finds**: exact amounts, counts, percentages and per-mille figures whose indicator (the words before
the figure, with years, 全年/本年/累计/合计, scope words and 本单位/我局 taken off) is at least four
characters long and equal, of the same kind and unit, and whose intervals cannot meet; the later
figure is reported against the first.

**Why a reviewer cares**: the same figure written twice differently means at least one is wrong,
and the reviewer cannot tell which without going back to the accounts.

**Example**:

    全区参保总缴费人数225317人。
    （二）医保
    全区参保总缴费人数225371人。
    → 同一指标数值不一致：“参保总缴费人数”此处为225371人，第1行为225317人

**Fix**: correct the wrong figure (check against the source table).

**Leaves alone**: changes and parts (增加, 减少, 增长, 新增, 其中, 比上年, 同比 in the indicator); figures
in a sentence with a date or period (a figure as of a date may change with the date); figures in
sections about the future; approximate figures.

**Source**: internal consistency of a report (财预〔2020〕10号 asks for data that are true and
consistent with the accounts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.claims.model import Claim
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.numbers._figures import sentence_start, show
from reportlint.rules.timing._future import in_future_section
from reportlint.tables.judge import text_findings as table_restated

_IND_NOISE = re.compile(r"^(?:(?:19|20)\d{2}年度?|全年|本年|本年度|年度|累计|共计|共|合计|总计|全区|全县|全市|我区|我县|我市|本单位|本局|我局)+")


def _norm_indicator(ind: str) -> str:
    return _IND_NOISE.sub("", re.sub(r"[“”\"\s]", "", ind))


@rule("value-conflict", "N406", "error", "numbers",
      "同一指标在报告中两次出现而数值不同",
      fires="全区参保总缴费人数225317人。\n（二）医保\n全区参保总缴费人数225371人。\n",
      silent="参保总缴费人数225317人。\n（二）医保\n参保总缴费人数225317人，退回医保基金13344.51元。\n")
def value_conflict(ctx: RuleContext) -> Iterator[Finding]:
    groups: dict[tuple, list[Claim]] = {}
    dated_sentences = {(c.paragraph, sentence_start(ctx.text, c.start, ctx.doc.paragraphs[c.paragraph].start))
                       for c in ctx.claims if c.kind in ("date", "period")}
    for c in ctx.claims:
        if c.kind not in ("amount", "count", "percent", "permille") or not c.exact:
            continue
        ind = _norm_indicator(c.indicator)
        if len(ind) < 4 or re.search(r"增加|减少|增长|下降|新增|其中|比上年|较上年|同比", c.indicator):
            continue
        p = ctx.doc.paragraphs[c.paragraph]
        if ctx.doc.in_table(p):
            continue  # a table cell: one column label over many rows is not one indicator
        if in_future_section(ctx.doc, p):
            continue
        if (c.paragraph, sentence_start(ctx.text, c.start, p.start)) in dated_sentences:
            continue  # a figure "as of" a date may change with the date
        groups.setdefault((ind, c.kind, c.unit), []).append(c)
    for (ind, _, _), cs in groups.items():
        for j in range(1, len(cs)):
            a, b = cs[0], cs[j]
            a_lo, a_hi = a.interval()
            b_lo, b_hi = b.interval()
            if b_hi < a_lo or b_lo > a_hi:
                yield ctx.report(b.start, b.end,
                                 f"同一指标数值不一致：“{ind}”此处为{show(b)}，{ctx.doc.place(a.start)}为{show(a)}")
    yield from table_restated(ctx)  # the text against the 年报's 申请 table
