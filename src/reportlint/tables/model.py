"""The table model: a grid of cells with header rows, merged and blank cells, a unit and locations.

A ``Table`` comes from a .docx table, a ruled table on a PDF page (pdfplumber) or table rows written
as text (cells separated by ``|``, tabs or runs of 2+ spaces). Rows and columns are 0-based inside;
locations shown to people are 1-based: ``t1r3c4`` (docx and text) or ``p12 t2r3c4`` (PDF: page, table
on that page, row and column on that page). A cell covered by a merge is ``merged`` and carries the
text of the cell that covers it (``text``) with ``own`` empty; a blank cell has neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_NUMBER = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")
_DASH = re.compile(r"^[-—－/／\\]+$")
UNIT = re.compile(r"(?:单位|金额单位)\s*[:：]?\s*(亿元|万元|千元|元)")
UNIT_IN_HEADER = re.compile(r"[（(]\s*(?:单位\s*[:：]?\s*)?(亿元|万元|千元|元)\s*[)）]")
_SPACES = re.compile(r"\s+")
SCALES = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@dataclass(frozen=True)
class Num:
    """A cell's figure: value as written (in the table's unit), decimals stated, percent or not."""

    value: Decimal
    decimals: int
    percent: bool

    @property
    def tolerance(self) -> Decimal:
        return Decimal(5) * Decimal(10) ** (-self.decimals - 1) if self.decimals else Decimal("0.5") * (
            1 if self.percent else 0)


@lru_cache(maxsize=8192)  # a pure function of the cell's text, asked for each time a rule reads a cell
def parse_number(text: str) -> Num | None:
    """``2,940.05`` → 2940.05 (2 decimals); ``95.5%`` → percent; anything else → None."""
    t = text.strip().replace(" ", "").replace("，", ",")
    m = _NUMBER.match(t)
    if not m:
        return None
    try:
        v = Decimal(t.rstrip("%").replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None
    return Num(v, len(m.group(1) or ""), bool(m.group(2)))


def is_dash(text: str) -> bool:
    """A cell that says "nothing here": -, —, /."""
    return bool(_DASH.match(text.strip()))


@dataclass
class Cell:
    text: str  # as read; for a merged cell the covering cell's text
    row: int  # 0-based in the table
    col: int
    own: bool = True  # False for a cell covered by a merge
    start: int | None = None  # doc-text span of the cell's text, when located
    end: int | None = None
    where: str = ""  # location for people: t1r3c4 / p12 t2r3c4

    @property
    def blank(self) -> bool:
        return not self.text.strip() or not self.own

    @property
    def number(self) -> Num | None:
        return parse_number(self.text) if self.own else None

    @property
    def label(self) -> str:
        """The text without the line breaks of a wrapped cell."""
        return _SPACES.sub("", self.text)


@dataclass
class Table:
    index: int  # 1-based among the document's tables
    rows: list[list[Cell]]
    origin: str  # "docx" | "pdf" | "text"
    unit: str | None = None  # 万元 / 元 from the caption or the header
    page: int | None = None  # PDF: first page
    caption: str = ""  # the title line above the table, when known
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, r: int, c: int) -> Cell | None:
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None

    @property
    def header_rows(self) -> int:
        """Rows before the first row with a figure (codes and counts included)."""
        for i, row in enumerate(self.rows):
            if any(c.number is not None for c in row):
                return i
        return len(self.rows)

    def column_label(self, c: int) -> str:
        """The header text above column ``c`` (merged header cells repeated), top to bottom, joined by
        ``/`` (a / inside a header, 执行率(B/A), is written ／)."""
        parts: list[str] = []
        for row in self.rows[: self.header_rows]:
            label = row[c].label.replace("/", "／") if c < len(row) else ""
            if label and (not parts or parts[-1] != label):
                parts.append(label)
        return "/".join(parts)

    def scale(self) -> Decimal:
        return SCALES.get(self.unit or "元", Decimal(1))

    def show(self, cell: Cell, value: Decimal | None = None) -> str:
        """A figure with the table's unit for messages: 2940.05万元."""
        v = cell.number.value if value is None and cell.number else value
        from reportlint.claims.model import fmt

        return f"{fmt(v, 6)}{self.unit or ''}" if v is not None else cell.text


def unit_of(texts: list[str]) -> str | None:
    """The money unit a caption or header states (单位：万元, 金额（万元）)."""
    for t in texts:
        m = UNIT.search(t) or UNIT_IN_HEADER.search(t)
        if m:
            return m.group(1)
    return None
