"""A self-score whose grade is outside its band.

**Finds**: a grade (优, 良, 中, 差 and their synonyms in ``lexicons/grade_bands.yaml``) in the same
sentence as a total score (自评得分, 总分, 综合得分 …; not a sub-score), where the nearest exact
score falls in another band. Bands come from configuration (``grade_bands``) or the lexicon.

**Why a reviewer cares**: the grade is what the financial department records and publishes; a 90
filed as 良好 (or an 85 as 优) misstates the result of the evaluation.

**Example**:

    自评分数90分，等级为良好。
    → 分数与等级不符：90分应为“优”（90分及以上），报告写的是“良好”

**Fix**: write the grade of the band the score falls in (the suggestion), or correct the score.

**Leaves alone**: sub-scores (产出, 效益, 满意度 … 得分); approximate scores; grades and scores in
different sentences; grades that label a count (平均得分99.43分（其中，绩效评级为“优”的项目4个；…为“良”的项目0个）,
a 部门决算's 预算绩效管理情况).

**Source**: 财预〔2020〕10号 (总分一般为100分：90（含）—100分为优、80（含）—90分为良、
60（含）—80分为中、60分以下为差); local bands by configuration.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.claims.model import fmt
from reportlint.claims.relations import relations_of
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.numbers._scores import band_of, grade_bands


@rule("score-grade", "N404", "error", "numbers",
      "自评分数与等级不符（90分及以上为优，80–90为良，60–80为中，60以下为差；分档见 lexicons/grade_bands.yaml）",
      fires="自评分数90分，等级为良好。\n",
      silent="自评得分90分，等级为优。综合得分85.5分，评价等级为“良”。\n")
def score_grade(ctx: RuleContext) -> Iterator[Finding]:
    bands = grade_bands(ctx)
    for rel in relations_of(ctx.doc).score_grades:  # a grade and the nearest total score of its sentence
        sc, g = rel.score, rel.grade
        if not sc.exact:
            continue
        expect, lo, hi = band_of(sc.value, bands)
        if expect != g.value:
            rng = f"{fmt(lo)}分及以上" if hi is None else f"{fmt(lo)}分（含）至{fmt(hi)}分"
            s, e = min(sc.start, g.start), max(sc.end, g.end)
            yield ctx.report(s, e, f"分数与等级不符：{fmt(sc.value, 2)}分应为“{expect}”（{rng}），报告写的是“{g.extra['word']}”",
                             suggestion=expect)
