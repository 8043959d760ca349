"""Sub-scores that do not add up to the total, a sub-score above its weight, a total above full marks.

**Finds**: in one sentence, two or more sub-scores (产出, 效益, 满意度, 预算执行 … 得分) and a total
(总分, 总得分, 得分合计, 综合得分) whose interval sum differs; a weight (（10分）) followed within
8 characters by a score above it; a total score above full marks (``full_marks`` of
``lexicons/grade_bands.yaml``, or a larger stated 满分). In score tables (分值/权重 and 得分
columns): a 得分 above its row's 分值, and a 合计 row's 得分 against the rows above it (its 分值
when the rows' 分值 do not add up to it). Also the weights a form gives its indicators (产出指标（70分）)
against the scheme the same form fixes ("一级指标分值统一设置为：产出指标50分、效益指标30分…"), one finding
per form listing every weight that departs from it.

**Why a reviewer cares**: the score table is the core of the self-evaluation; a total that is not
the sum of its parts, or a part above its weight, makes the whole score unreliable.

**Example**:

    产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分93分。
    → 分项得分之和与总分不符：45 + 28 + 9 + 9 = 91分，总分写的是93分

**Fix**: recompute the total (the suggestion gives the sum) or correct the sub-score.

**Leaves alone**: sub-scores in other sentences than the total; approximate scores; scores within
the rounding of the stated figures; a scheme that holds only 原则上 (a unit may set its own weights);
weights when no scheme is stated.

**Source**: 财预〔2020〕10号 (评分 by weighted indicators, 总分一般设置为100分); arithmetic. Shapes:
corpora/real 456 (weights against the form's note), 455 (weights with no stated scheme: silent).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportlint.claims.model import fmt
from reportlint.claims.relations import interval_sum, is_total_score, relations_of
from reportlint.findings import Finding
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.tables.judge import score_findings as table_scores


@rule("score-subtotal", "N405", "error", "numbers",
      "分项得分之和与总分不符，分项得分超过其分值，或总分超过满分",
      fires="产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分93分。\n",
      silent="产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分91分。"
             "预算执行率（10分）得9.5分。\n")
def score_subtotal(ctx: RuleContext) -> Iterator[Finding]:
    claims = ctx.claims
    rels = relations_of(ctx.doc)
    full = Decimal(str(load_yaml("grade_bands.yaml").get("full_marks", 100)))
    stated_full = [c.value for c in claims if c.kind == "score" and c.extra.get("role") == "full"]
    if stated_full:
        full = max(full, *stated_full)
    for rel in rels.score_sums:  # sub-scores and their total in one sentence
        t, parts = rel.total, rel.parts
        if not all(c.exact for c in [t, *parts]):
            continue
        lo, hi = interval_sum(parts)
        t_lo, t_hi = t.interval()
        if hi < t_lo or lo > t_hi:
            s = sum((c.value for c in parts), Decimal(0))
            yield ctx.report(parts[0].start, t.end,
                             f"分项得分之和与总分不符：{' + '.join(fmt(c.value, 2) for c in parts)} = {fmt(s, 2)}分，"
                             f"总分写的是{fmt(t.value, 2)}分", suggestion=f"{fmt(s, 2)}分")
    for rel in rels.score_weights:  # a score above its weight: 预算执行率（10分）得12分
        w, sc = rel.weight, rel.score
        if sc.exact and sc.value > w.value + sc.tolerance:
            yield ctx.report(w.start, sc.end, f"得分超过分值：分值{fmt(w.value, 2)}分，得分{fmt(sc.value, 2)}分")
    by_scheme: dict[int, list] = {}  # 产出指标（70分） where the form's note fixes 产出指标50分: one finding a scheme
    for sw in rels.scheme_weights:
        if sw.weight.value != sw.scheme.value:
            text = ctx.doc.text  # the scheme's sentence identifies it
            by_scheme.setdefault(max(text.rfind(e, 0, sw.scheme.start) for e in "。\n"), []).append(sw)
    for off in by_scheme.values():
        first = off[0]
        pairs = dict.fromkeys(f"{sw.name}写的是{fmt(sw.weight.value, 2)}分（规定{fmt(sw.scheme.value, 2)}分）"
                              for sw in off)  # each pair once
        yield ctx.report(first.start, first.weight.end + 1,
                         f"指标分值与规定不符：{'、'.join(pairs)}；分值规定见{ctx.doc.place(first.scheme.start)}")
    for c in claims:
        if is_total_score(c) and c.exact and c.value > full:
            yield ctx.report(c.start, c.end, f"总分{fmt(c.value, 2)}分超过满分{fmt(full)}分")
    yield from table_scores(ctx)  # 得分 above 分值 in score tables
