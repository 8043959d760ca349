"""Text normalised for copy detection: Chinese characters only, stock phrases taken out.

Shared by ``boilerplate-internal`` and by the batch scan's cross-report step (``crossdoc.py``).
"""

from __future__ import annotations

import re
from functools import cache

from reportlint.firstchars import guarded
from reportlint.lexicon import load_list
from reportlint.textutil import HAN


@cache
def _stock() -> re.Pattern[str]:
    # guarded: a lookahead for the phrases' first characters skips the positions where none can start
    return guarded("|".join(f"(?:{p})" for p in load_list("stock_phrases.txt")))


_NOT_KEPT = re.compile(f"[^{HAN}]+")


def normalise(s: str) -> str:
    """Only the Chinese characters, stock phrases taken out: digits, punctuation, spacing and the
    lead-ins every report shares do not make a passage original, nor a copy."""
    return _NOT_KEPT.sub("", _stock().sub("", s))


def without_stock(s: str) -> str:
    """``s`` with the stock phrases taken out (everything else kept)."""
    return _stock().sub("", s)


def _masked(doc) -> str:
    """The document text with stock phrases blanked out (same length), computed once per document."""
    masked = doc.__dict__.get("_stock_masked")
    if masked is None:
        masked = _stock().sub(lambda m: " " * len(m.group()), doc.text)
        doc.__dict__["_stock_masked"] = masked
    return masked


def normalised_span(doc, start: int, end: int) -> str:
    """``normalise`` of ``doc.text[start:end]``, from the document's masked text."""
    return _NOT_KEPT.sub("", _masked(doc)[start:end])
