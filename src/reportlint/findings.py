"""Findings: what a rule reports, located in the original file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass
class Finding:
    rule: str
    code: str
    severity: Severity
    message: str
    raw_start: int  # offsets in the raw file text, end exclusive
    raw_end: int
    suggestion: str | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""
    extra: dict = field(default_factory=dict)

    def sort_key(self) -> tuple:
        return (self.path, self.raw_start, self.raw_end, self.code)

    def to_dict(self) -> dict:
        d = {
            "path": self.path, "rule": self.rule, "code": self.code, "severity": str(self.severity),
            "message": self.message, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
        }
        if self.suggestion is not None:
            d["suggestion"] = self.suggestion
        if self.excerpt:
            d["excerpt"] = self.excerpt
        return d
