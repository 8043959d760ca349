"""Claims: the figures a report states (amounts, counts, rates, dates, rankings, scores, grades)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlint.claims.extract import extract_claims
from reportlint.claims.model import Claim

if TYPE_CHECKING:
    from reportlint.document.model import Document

__all__ = ["Claim", "claims_of", "extract_claims"]


def claims_of(doc: Document) -> list[Claim]:
    """The document's claims, extracted on first use (after its context is known) and kept with it."""
    cached = doc.__dict__.get("_claims")
    if cached is None:
        cached = doc.__dict__["_claims"] = extract_claims(doc)
    return cached
