"""Scores and grade bands, shared by ``score-grade`` and ``score-subtotal``."""

from __future__ import annotations

import re
from decimal import Decimal

from reportlint.claims.model import Claim
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext

TOTAL_SCORE = re.compile(r"自评|总分|总得分|综合得分|综合评分|得分合计|合计|评价得分|分数|得分|评分")
SUB_SCORE = re.compile(r"产出|效益|满意度|预算执行|投入|过程|决策|管理|预算编制|履职|效果|一级指标|二级指标")


def grade_bands(ctx: RuleContext) -> list[tuple[Decimal, str]]:
    """(lower bound, grade) from configuration or ``lexicons/grade_bands.yaml``, highest first."""
    bands = ctx.config.grade_bands or load_yaml("grade_bands.yaml")["bands"]
    out = [(Decimal(str(b["min"])), str(b["grade"])) for b in bands]
    synonyms = {w: g for g, ws in load_yaml("grade_bands.yaml")["synonyms"].items() for w in ws}
    return sorted(((m, synonyms.get(g, g)) for m, g in out), reverse=True)


def band_of(score: Decimal, bands: list[tuple[Decimal, str]]) -> tuple[str, Decimal, Decimal | None]:
    """(grade, lower bound, upper bound or None) of a score."""
    upper = None
    for lo, grade in bands:
        if score >= lo:
            return grade, lo, upper
        upper = lo
    return bands[-1][1], bands[-1][0], upper


def is_total_score(c: Claim) -> bool:
    return c.kind == "score" and c.extra.get("role") == "score" and bool(TOTAL_SCORE.search(c.indicator)) \
        and not SUB_SCORE.search(c.indicator)
