"""Claims: the figures a report states (amounts, counts, rates, dates, rankings, scores, grades)."""

from reportlint.claims.extract import extract_claims
from reportlint.claims.model import Claim

__all__ = ["Claim", "extract_claims"]
