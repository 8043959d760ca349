"""Scores and grade bands, shared by ``score-grade`` and ``score-subtotal``."""

from __future__ import annotations

from decimal import Decimal

from reportlint.claims.relations import is_total_score
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext

__all__ = ["band_of", "grade_bands", "is_total_score"]

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
