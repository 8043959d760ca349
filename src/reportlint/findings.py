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
    # where a person finds it in a .pdf (page, line on page) or .docx (paragraph, or table/row/cell)
    page: int | None = None
    page_line: int | None = None
    paragraph: int | None = None
    table: dict | None = None
    doc_column: int | None = None  # column within the Word paragraph / PDF line

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
        if self.page is not None:
            d["page"] = self.page
            d["page_line"] = self.page_line
        if self.paragraph is not None:
            d["paragraph"] = self.paragraph
        if self.table is not None:
            d["table"] = self.table
        if self.excerpt:
            d["excerpt"] = self.excerpt
        if "fingerprint" in self.extra:  # stable across edits elsewhere and renames (``fingerprints``)
            d["fingerprint"] = self.extra["fingerprint"]
        if "decision" in self.extra:  # a reviewer's decision (``reportlint check --decisions``)
            d["decision"] = self.extra["decision"]
        return d


def location_label(f: Finding) -> str:
    """``path:line:col`` for text; ``path:p3:12:5`` for PDF; ``path:¶12:5`` / ``path:t1r2c3:5`` for .docx."""
    col = f.doc_column or f.column
    if f.page is not None:
        return f"{f.path}:p{f.page}:{f.page_line}:{col}"
    if f.paragraph is not None:
        return f"{f.path}:¶{f.paragraph}:{col}"
    if f.table is not None:
        return f"{f.path}:t{f.table['index']}r{f.table['row']}c{f.table['cell']}:{col}"
    return f"{f.path}:{f.line}:{f.column}"
