"""A rate that disagrees with its stated numerator and denominator, or two rates implying different bases.

**Finds**: a percentage whose indicator names a rate of ``rates`` in ``lexicons/claims.yaml``
(执行率, 完成率 …) with exactly one numerator and one denominator figure (by their role words) before
it in the sentence, or "A占B的R%"; the rate recomputed from their intervals against the stated
rate's interval. In tables, an 执行率 / 完成率 column against the row's 执行数 ÷ 全年预算数
(调整后预算数; never 年初预算 when a later budget is there, never a base of 0). Also two rates of one quantity (已缴费人数 at 完成率) in a paragraph whose implied
bases cannot be equal (a warning), and two bare shares of parts listed in one sentence (公务用车…1.4万元，占0.02%；
公务接待费…0.28万元，占0.95%: shares of one whole not named; not across a 其中/包括/含 that opens a part's parts).
A bare share of a part whose total is stated (165条,其中工作动态类信息31条,占比25%; 占总数的25%) is judged
against that total, so the wrong share is the one reported. "完成预算的R%" / "完成年初预算的R%" / "为预算的R%" is the
执行率 of the sentence's 决算 figure against its 预算 figure (公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%:
53 %, wild W089); an amount of the rate stated in the same unit with fewer places than the other has dropped its
zeros (1万元 beside 0.53万元 is 1.00万元).

**Why a reviewer cares**: 预算执行率 is a scored indicator of every self-evaluation; a rate that
does not follow from the budget and spending stated next to it inflates the score.

**Example**:

    全年预算100万元，决算90万元，预算执行率95%。
    → 执行率与所列数字不符：90万元 ÷ 100万元 = 90%，报告写的是95%，相差5个百分点

**Fix**: recompute the rate (the suggestion gives it at the stated precision) or correct the figures.

Every rate is judged through a relation of ``reportlint.claims.relations`` (``Ratio``: a named rate
whose numerator and denominator are told apart by the right-most role word of their indicators, so
支出预算 is a budget and 预算执行数 an execution; A 占 B 的 R%; a growth rate of a change 由A增加到B，增长R%,
of a comparison 2023年预算2万元，较2022年预算1.50万元增长75%, of a change whose two figures are stated elsewhere
(``claims.differences``: 其中公务接待较上年同期减少0.59万元，减少5.68% with 公务接待 11.8万元 (2022) and 12.39万元
(2021) in other sentences: 4.76 %; not when the Δ itself misses them, which is sum-mismatch's), or of an increment 116433.12元，同比增加
16803.36元，增长14.43% (base = level − increment), or of a change against a base it names 较2024年的2190万元减少221万元，
下降10.1% (rate = change ÷ base); the whole of a share or completion (完成全年预算B的R%, 占预算B的R%) is never the
level a growth rate follows; ``BasePair``: two rates in one sentence).

**Leaves alone**: approximate figures; rates whose numerator or denominator is ambiguous (two
candidates) or absent; results within the rounding of the stated figures, a rate read as rounded or
as truncated (31/165 = 18.79 % written 18 %: 工作动态类信息31条,占比18%;通知公告类信息91条,占比55%).

**Source**: 财预〔2020〕10号 (预算执行率 = 实际支出 ÷ 预算数 × 100%, a common indicator of the
绩效评价指标体系); interval comparison as in statcheck.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from reportlint.claims.model import Claim, fmt, show
from reportlint.claims.relations import BasePair, Ratio, relations_of
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule
from reportlint.tables.judge import rate_findings as table_rates


@rule("rate-mismatch", "N403", "error", "numbers",
      "所述比率与其分子分母不符（执行率 = 决算/预算、完成率、占比、增长率），或同一句中同一量的两个比率推出不同基数",
      fires="全年预算100万元，决算90万元，预算执行率95%。\n",
      silent="全年预算100万元，决算95万元，预算执行率95%。参保总缴费人数225317人，完成率100.59%；"
             "已缴费人数184305人，参保缴费完成率为82.28%。\n")
def rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    rels = relations_of(ctx.doc)
    for rel in rels.ratios:
        if rel.confidence >= 0.9:
            yield from _judge_rate(ctx, rel)
    for pair in rels.base_pairs:
        yield from _implied_bases(ctx, pair)
    yield from _distant_rates(ctx)
    yield from table_rates(ctx)  # 执行率 columns of tables


def _formula(rel: Ratio) -> tuple[Callable[[Decimal, Decimal], Decimal], str]:
    num, den = show(rel.numerator), show(rel.denominator)
    if rel.growth == "change":  # R = ±(new − base) / base
        sign = -1 if rel.decrease else 1
        text = f"（{den} − {num}）÷ {den}" if rel.decrease else f"（{num} − {den}）÷ {den}"
        return (lambda n, d: sign * (n - d) / d * 100), text
    if rel.growth == "inc":  # R = increment / (new − increment)
        return (lambda n, d: n / (d - n) * 100), f"{num} ÷（{den} − {num}）"
    if rel.growth == "dec":  # R = decrement / (new + decrement)
        return (lambda n, d: n / (d + n) * 100), f"{num} ÷（{den} + {num}）"
    return (lambda n, d: n / d * 100), f"{num} ÷ {den}"


def _judge_rate(ctx: RuleContext, rel: Ratio) -> Iterator[Finding]:
    r, num, den = rel.rate, rel.numerator, rel.denominator
    if not (num.exact and den.exact):
        return
    f, formula = _formula(rel)
    corners = [(n, d) for n in _at_shared_places(num, den) for d in _at_shared_places(den, num)]
    base = {"inc": lambda n, d: d - n, "dec": lambda n, d: d + n}.get(rel.growth, lambda n, d: d)
    if any(base(n, d) <= 0 for n, d in corners):
        return
    values = [f(n, d) for n, d in corners]
    lo, hi = min(values), max(values)
    actual = f(num.value, den.value)
    r_lo, r_hi = r.interval()
    # writers also truncate (6.0099 % written 6.00 %): a rate stated with d decimals covers [r, r + 10^-d) too
    r_hi = max(r_hi, r.value + Decimal(1).scaleb(-r.decimals))
    if hi < r_lo or lo > r_hi:
        yield ctx.report(r.start, r.end,
                         f"{rel.name}与所列数字不符：{formula} = {fmt(actual, max(2, r.decimals))}%，"
                         f"报告写的是{r.value:.{r.decimals}f}%，相差{fmt(abs(actual - r.value), 2)}个百分点",
                         suggestion=f"{round(actual, r.decimals)}%")


def _at_shared_places(c: Claim, other: Claim) -> tuple[Decimal, Decimal]:
    """An amount's interval read at the places of the other amount of its rate, when both are stated in one unit
    and it has fewer: "预算为1万元,支出决算为0.53万元" — the budget is 1.00万元, not anything from 0.5 to 1.5万元
    (as a whole part among parts with decimals, ``list_interval_sum``)."""
    if c.kind == other.kind == "amount" and c.scale == other.scale and c.decimals < other.decimals \
            and isinstance(c.value, Decimal):
        tol = Decimal(5) * Decimal(10) ** (-other.decimals - 1) * c.scale
        return c.value - tol, c.value + tol
    return c.interval()


def _implied_bases(ctx: RuleContext, pair: BasePair) -> Iterator[Finding]:
    """Two rates of one quantity (缴费人数 at 完成率) in one sentence must imply the same base."""
    (n1, r1), (n2, r2) = pair.first, pair.second
    if r1.value == 0 or r2.value == 0 or not (n1.exact and n2.exact):
        return
    def rate(r: Claim) -> tuple[Decimal, Decimal]:  # truncated as well as rounded (31/165 = 18.79 % written 18 %)
        lo, hi = r.interval()
        return lo, max(hi, r.value + Decimal(1).scaleb(-r.decimals))

    (r1_lo, r1_hi), (r2_lo, r2_hi) = rate(r1), rate(r2)
    if r1_lo <= 0 or r2_lo <= 0:
        return
    b1 = (n1.interval()[0] / r1_hi * 100, n1.interval()[1] / r1_lo * 100)
    b2 = (n2.interval()[0] / r2_hi * 100, n2.interval()[1] / r2_lo * 100)
    if b1[1] < b2[0] or b2[1] < b1[0]:
        def base(n: Claim, r: Claim) -> str:  # the implied base in the figure's own unit: 0.28万元÷0.95% ≈ 29.47万元
            return show(n, round(n.value / n.scale / r.value * 100, 2) * n.scale)

        yield ctx.report(r2.start, r2.end,
                         f"两个{pair.name}推出的基数不一致：{show(n1)}÷{fmt(r1.value, 2)}% ≈ {base(n1, r1)}，"
                         f"{show(n2)}÷{fmt(r2.value, 2)}% ≈ {base(n2, r2)}", severity=Severity.WARNING)


def _distant_rates(ctx: RuleContext) -> Iterator[Finding]:
    """The rate after a change whose two figures are stated elsewhere (``claims.differences``: 其中公务接待较上年
    同期减少0.58万元，减少4.68% with 公务接待 2022年 11.8万元 and 2021年 12.39万元 in other sentences): against
    (current − base) ÷ base over the figures' rounding. A Δ that already misses its figures is sum-mismatch's."""
    for x in relations_of(ctx.doc).differences:
        r, cur, base = x.rate, x.current, x.base
        if not x.distant or r is None or not r.exact or r.unit != "%":
            continue
        corners = [(c, b) for c in _at_shared_places(cur, base) for b in _at_shared_places(base, cur)]
        if any(b <= 0 for _, b in corners):
            continue
        sign = -1 if x.decrease else 1
        values = [sign * (c - b) / b * 100 for c, b in corners]
        d_lo, d_hi = x.delta.interval()
        if not any(d_lo <= sign * (c - b) <= d_hi for c, b in corners):
            continue  # the Δ itself is off: one finding (sum-mismatch)
        r_lo, r_hi = r.interval()
        r_hi = max(r_hi, r.value + Decimal(1).scaleb(-r.decimals))
        if max(values) < r_lo or min(values) > r_hi:
            actual = sign * (cur.value - base.value) / base.value * 100
            yield ctx.report(r.start, r.end,
                             f"{'降幅' if x.decrease else '增长率'}与所列数字不符：{x.item}{x.years[0]}年{show(cur)}，"
                             f"{x.years[1]}年{show(base)}，（{show(base if x.decrease else cur)} − {show(cur if x.decrease else base)}）"
                             f"÷ {show(base)} = {fmt(actual, max(2, r.decimals))}%，"
                             f"报告写的是{r.value:.{r.decimals}f}%", suggestion=f"{round(actual, r.decimals)}%")
