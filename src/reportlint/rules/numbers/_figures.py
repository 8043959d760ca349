"""Helpers shared by the number rules: claim families, display, sentence bounds, interval sums."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from reportlint.claims.model import Claim, fmt
from reportlint.lexicon import load_yaml
from reportlint.textutil import SENTENCE_ENDS

SUMMABLE = ("amount", "count")


@cache
def lex() -> dict:
    """``lexicons/claims.yaml``."""
    return load_yaml("claims.yaml")


def same_family(a: Claim, b: Claim) -> bool:
    """Figures that can be added or compared: amounts with amounts, counts of one unit."""
    return a.kind == b.kind and (a.kind == "amount" or a.unit == b.unit)


def show(c: Claim, value: Decimal | None = None) -> str:
    """A value in the claim's stated unit (121.2万元), for messages."""
    v = c.value if value is None else value
    if c.kind == "amount":
        stated = c.extra.get("stated_unit", "元")
        scale = c.scale
        return f"{fmt(v / scale, 6)}{stated}"
    return f"{fmt(v, 4)}{c.unit}"


def sentence_end(text: str, pos: int, limit: int) -> int:
    m = re.compile(f"[{SENTENCE_ENDS}]").search(text, pos, limit)
    return m.start() if m else limit


def clause_group_end(text: str, pos: int, limit: int) -> int:
    """The end of a list of parts: the sentence end or a semicolon."""
    m = re.compile(f"[{SENTENCE_ENDS}；;]").search(text, pos, limit)
    return m.start() if m else limit


def sentence_start(text: str, pos: int, floor: int) -> int:
    i = max(text.rfind(ch, floor, pos) for ch in SENTENCE_ENDS)
    return floor if i < 0 else i + 1


def interval_sum(parts: list[Claim]) -> tuple[Decimal, Decimal]:
    """The interval of a sum of rounded figures: values and tolerances add up."""
    total = sum((p.value for p in parts), Decimal(0))
    tol = sum((p.tolerance for p in parts), Decimal(0))
    return total - tol, total + tol
