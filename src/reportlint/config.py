"""Run configuration: rule selection, severities, context overrides, thresholds, extra lexicon entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.findings import Severity

DEFAULT_THRESHOLDS: dict[str, float] = {
    # boilerplate-internal: rapidfuzz ratio (0-100) between two passages of one report
    "boilerplate_similarity": 70.0,
    # passages shorter than this many CJK characters are never compared
    "boilerplate_min_chars": 40.0,
}


@dataclass
class Config:
    select: set[str] | None = None  # rule names; None = all
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)  # rule name -> severity
    evaluation_year: int | None = None
    unit_level: str | None = None
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    extra_terms: list[str] = field(default_factory=list)

    def enabled(self, name: str) -> bool:
        if name in self.ignore:
            return False
        return self.select is None or name in self.select

    def threshold(self, key: str) -> float:
        return self.thresholds.get(key, DEFAULT_THRESHOLDS[key])
