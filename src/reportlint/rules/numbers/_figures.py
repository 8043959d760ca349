"""Helpers shared by the number rules: claim families, display, interval sums (all from ``reportlint.claims``)."""

from __future__ import annotations

from reportlint.claims.model import show
from reportlint.claims.relations import SUMMABLE, interval_sum, lex, same_family

__all__ = ["SUMMABLE", "interval_sum", "lex", "same_family", "show"]
