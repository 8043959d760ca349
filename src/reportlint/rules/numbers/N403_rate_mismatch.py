"""A rate that disagrees with its stated numerator and denominator, or two rates implying different bases.

**Finds**: a percentage whose indicator names a rate of ``rates`` in ``lexicons/claims.yaml``
(执行率, 完成率 …) with exactly one numerator and one denominator figure (by their role words) before
it in the sentence, or "A占B的R%"; the rate recomputed from their intervals against the stated
rate's interval. In tables, an 执行率 / 完成率 column against the row's 执行数 ÷ 全年预算数
(调整后预算数; never 年初预算 when a later budget is there, never a base of 0). Also two rates of one quantity (已缴费人数 at 完成率) in a paragraph whose implied
bases cannot be equal (a warning).

**Why a reviewer cares**: 预算执行率 is a scored indicator of every self-evaluation; a rate that
does not follow from the budget and spending stated next to it inflates the score.

**Example**:

    全年预算100万元，决算90万元，预算执行率95%。
    → 执行率与所列数字不符：90万元 ÷ 100万元 = 90%，报告写的是95%，相差5个百分点

**Fix**: recompute the rate (the suggestion gives it at the stated precision) or correct the figures.

**Leaves alone**: approximate figures; rates whose numerator or denominator is ambiguous (two
candidates) or absent; results within the rounding of the stated figures.

**Source**: 财预〔2020〕10号 (预算执行率 = 实际支出 ÷ 预算数 × 100%, a common indicator of the
绩效评价指标体系); interval comparison as in statcheck.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.claims.model import Claim, fmt
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.numbers._figures import SUMMABLE, lex, same_family, sentence_start, show
from reportlint.tables.judge import rate_findings as table_rates


def _rate_name(indicator: str) -> str | None:
    for name in lex()["rates"]:
        if indicator.endswith(name) or name in indicator[-6:]:
            return name
    return None


def _role(indicator: str, words: list[str]) -> bool:
    return any(w in indicator for w in words)


@rule("rate-mismatch", "N403", "error", "numbers",
      "所述比率与其分子分母不符（执行率 = 决算/预算、完成率、占比），或同一量的两个比率推出不同基数",
      fires="全年预算100万元，决算90万元，预算执行率95%。\n",
      silent="全年预算100万元，决算95万元，预算执行率95%。参保总缴费人数225317人，完成率100.59%；"
             "已缴费人数184305人，参保缴费完成率为82.28%。\n")
def rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    claims = ctx.claims
    text = ctx.text
    rates = lex()["rates"]
    numerators: list[tuple[Claim, Claim, str]] = []  # (count/amount, rate, rate name) for implied bases
    for i, r in enumerate(claims):
        if r.kind != "percent" or not r.exact:
            continue
        name = _rate_name(r.indicator)
        s0 = sentence_start(text, r.start, ctx.doc.paragraphs[r.paragraph].start)
        before = [c for c in claims[:i] if c.kind in SUMMABLE and c.start >= s0 and c.paragraph == r.paragraph]
        # A 占 B 的 R%
        occ = re.search(r"占", text[s0:r.start])
        if occ and len(before) >= 2 and before[-2].end <= s0 + occ.start() < before[-1].start:
            yield from _judge_rate(ctx, r, before[-2], before[-1], "占比")
            continue
        if name is None:
            continue
        num_words, den_words = rates[name]
        nums = [c for c in before if _role(c.indicator, num_words) and not _role(c.indicator, den_words)]
        dens = [c for c in before if _role(c.indicator, den_words) and not _role(c.indicator, num_words)]
        if len(nums) == 1 and len(dens) == 1 and same_family(nums[0], dens[0]) and nums[0] is not dens[0]:
            yield from _judge_rate(ctx, r, nums[0], dens[0], name)
        elif before and not dens and re.fullmatch(r"[，,]?[^，,。；;]*", text[before[-1].end:r.start]):
            numerators.append((before[-1], r, name))  # "已缴费人数184305人，完成率82.28%"
    yield from _implied_bases(ctx, numerators)
    yield from table_rates(ctx)  # 执行率 columns of tables


def _judge_rate(ctx: RuleContext, r: Claim, num: Claim, den: Claim, name: str) -> Iterator[Finding]:
    if not (num.exact and den.exact) or den.value == 0:
        return
    n_lo, n_hi = num.interval()
    d_lo, d_hi = den.interval()
    if d_lo <= 0:
        return
    lo, hi = n_lo / d_hi * 100, n_hi / d_lo * 100
    r_lo, r_hi = r.interval()
    if hi < r_lo or lo > r_hi:
        actual = num.value / den.value * 100
        yield ctx.report(r.start, r.end,
                         f"{name}与所列数字不符：{show(num)} ÷ {show(den)} = {fmt(actual, max(2, r.decimals))}%，"
                         f"报告写的是{fmt(r.value, r.decimals)}%，相差{fmt(abs(actual - r.value), 2)}个百分点",
                         suggestion=f"{round(actual, r.decimals)}%")


def _implied_bases(ctx: RuleContext, pairs: list[tuple[Claim, Claim, str]]) -> Iterator[Finding]:
    """Two rates of one quantity (缴费人数 at 完成率) must imply the same base."""
    for j, (n2, r2, name2) in enumerate(pairs):
        for n1, r1, name1 in pairs[:j]:
            if name1 != name2 or n1.paragraph != n2.paragraph or not same_family(n1, n2):
                continue
            if not _shared_tail(n1.indicator, n2.indicator):
                continue
            if r1.value == 0 or r2.value == 0:
                continue
            b1 = (n1.interval()[0] / r1.interval()[1] * 100, n1.interval()[1] / r1.interval()[0] * 100)
            b2 = (n2.interval()[0] / r2.interval()[1] * 100, n2.interval()[1] / r2.interval()[0] * 100)
            if b1[1] < b2[0] or b2[1] < b1[0]:
                v1, v2 = n1.value / r1.value * 100, n2.value / r2.value * 100
                yield ctx.report(r2.start, r2.end,
                                 f"两个{name2}推出的基数不一致：{show(n1)}÷{fmt(r1.value, 2)}% ≈ {fmt(v1, 0)}，"
                                 f"{show(n2)}÷{fmt(r2.value, 2)}% ≈ {fmt(v2, 0)}", severity=Severity.WARNING)


def _shared_tail(a: str, b: str, n: int = 3) -> bool:
    return len(a) >= n and len(b) >= n and a[-n:] == b[-n:]
