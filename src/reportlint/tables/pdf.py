"""Ruled tables on PDF pages, found by pdfplumber's table finder.

pdfplumber (pdfminer.six underneath) is slow next to PDFium, so only pages whose text layer looks
tabular (several lines carrying two or more figures, or a unit caption 单位：万元) are handed to it.
Each table is kept as plain data (``PdfTable``) on the ``Source``: page, index on the page, the grid
(``None`` for a cell covered by a merge) and the text above it (for the caption and unit). Frames
that hold one column of prose (some PDFs draw a box around the whole page) are not tables.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

_FIGURE = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?%?(?![\d.])")
_CAPTION = re.compile(r"单位\s*[:：]|表\s*$|决算表|情况表|统计表|自评表")


@dataclass(frozen=True)
class PdfTable:
    page: int  # 1-based
    index: int  # 1-based on its page
    rows: tuple[tuple[str | None, ...], ...]
    merges: tuple[tuple[str, ...], ...]  # per cell: "L" covered from the left, "U" from above, "" own
    above: str  # the page's text above the table (caption, unit)
    top: bool  # nothing but page furniture above it: may continue the previous page's table


def tabular_pages(pages: list[list[str]]) -> list[int]:
    """0-based pages worth giving to the table finder."""
    out = []
    for i, lines in enumerate(pages):
        rowish = sum(1 for ln in lines if len(_FIGURE.findall(ln)) >= 2)
        unit = any("单位：" in ln or "单位:" in ln for ln in lines)
        if rowish >= 3 or (rowish >= 1 and (unit or (out and out[-1] == i - 1))):
            out.append(i)  # a page of rows, a captioned table, or the tail of the previous page's table
    return out


def find_tables(data: bytes, pages: list[list[str]]) -> tuple[PdfTable, ...]:
    """The ruled tables of the tabular pages; () when pdfplumber is missing or fails on the file."""
    wanted = tabular_pages(pages)
    if not wanted:
        return ()
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency
        return ()
    out: list[PdfTable] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in wanted:
                page = pdf.pages[i]
                k = 0
                for tb in page.find_tables():
                    rows = tuple(tuple(None if c is None else c for c in r) for r in tb.extract())
                    if not rows or max(len(r) for r in rows) < 2:
                        continue  # a frame around prose
                    if not any(c and c.strip() for r in rows for c in r):
                        continue  # an empty frame
                    merges = _merges(tb, rows)
                    above = page.crop((0, 0, page.width, max(1, tb.bbox[1]))).extract_text() or ""
                    lines = [ln for ln in above.splitlines() if ln.strip()]
                    top = not any(_CAPTION.search(ln) for ln in lines) and k == 0 and len(lines) <= 2
                    k += 1
                    out.append(PdfTable(i + 1, k, rows, merges, "\n".join(lines[-4:]), top))
    except Exception:  # pdfminer failing on a page must not stop the text checks
        return tuple(out)
    return tuple(out)


def _merges(tb, rows) -> tuple[tuple[str, ...], ...]:
    """For each cell pdfplumber leaves None: "L" when a cell to its left reaches over its column
    (a horizontal merge), else "U" (a vertical merge)."""
    try:
        edges = [col.bbox[0] for col in tb.columns]
        boxes = [r.cells for r in tb.rows]
    except Exception:
        return tuple(tuple("" for _ in r) for r in rows)
    out = []
    for r, row in enumerate(rows):
        marks = []
        for c, t in enumerate(row):
            if t is not None:
                marks.append("")
                continue
            left = [b for b in boxes[r][:c] if b is not None] if r < len(boxes) else []
            marks.append("L" if left and c < len(edges) and left[-1][2] > edges[c] + 1 else "U")
        out.append(tuple(marks))
    return tuple(out)
