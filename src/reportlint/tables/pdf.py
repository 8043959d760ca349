"""Tables on PDF pages, found by pdfplumber: ruled ones by its table finder (drawn lines), unruled ones
(columns aligned by text) by its text strategy on the block of lines that carry figures (``_unruled``).

pdfplumber (pdfminer.six underneath) is slow next to PDFium, so only pages whose text layer looks
tabular (several lines carrying two or more figures, or a unit caption 单位：万元) are handed to it.
Each table is kept as plain data (``PdfTable``) on the ``Source``: page, index on the page, the grid
(``None`` for a cell covered by a merge) and the text above it (for the caption and unit). Frames
that hold one column of prose (some PDFs draw a box around the whole page) are not tables.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from reportlint.cjk import fold_radicals

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
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of pdfminer are not the user's
    out: list[PdfTable] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in wanted:
                page = pdf.pages[i]
                found: list[tuple[tuple[float, ...], tuple[tuple[str | None, ...], ...], tuple[tuple[str, ...], ...]]] = []
                for tb in page.find_tables():
                    rows = tuple(tuple(None if c is None else fold_radicals(c) for c in r) for r in tb.extract())
                    if not rows or max(len(r) for r in rows) < 2:
                        continue  # a frame around prose
                    if not any(c and c.strip() for r in rows for c in r):
                        continue  # an empty frame
                    found.append((tuple(tb.bbox), rows, _merges(tb, rows)))
                found.extend((bbox, rows, tuple(tuple("" for _ in r) for r in rows))
                             for bbox, rows in _unruled(page, [b for b, _, _ in found]))
                for k, (bbox, rows, merges) in enumerate(sorted(found, key=lambda f: f[0][1]), 1):
                    above = page.crop((0, 0, page.width, max(1, bbox[1]))).extract_text() or ""
                    lines = [fold_radicals(ln) for ln in above.splitlines() if ln.strip()]
                    top = not any(_CAPTION.search(ln) for ln in lines) and k == 1 and len(lines) <= 2
                    out.append(PdfTable(i + 1, k, rows, merges, "\n".join(lines[-4:]), top))
    except Exception:  # pdfminer failing on a page must not stop the text checks
        return tuple(out)
    return tuple(out)


_NUMBER_WORD = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def _unruled(page, ruled: list[tuple[float, ...]]) -> list[tuple[tuple[float, ...], tuple[tuple[str, ...], ...]]]:
    """Tables without drawn lines, from text-aligned columns: a run of two or more lines each carrying
    two or more figures (words on their own), with the line above as header when it has two or more
    words and no figure, cut out of the page and read by pdfplumber's text strategy. Kept only when
    every row has the same cells, the first column is the rows' labels and every body row has two
    figures or more: prose with figures in it never lines up so."""
    words = page.extract_words()
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    lines = [ln for ln in lines if not any(b[1] - 2 <= ln[0]["top"] <= b[3] + 2 for b in ruled)]

    def rowish(ln: list[dict]) -> bool:
        return len(ln) >= 3 and sum(bool(_NUMBER_WORD.match(w["text"])) for w in ln) >= 2

    out = []
    i = 0
    while i < len(lines):
        if not rowish(lines[i]):
            i += 1
            continue
        start, j = i, i
        while j + 1 < len(lines) and rowish(lines[j + 1]):
            j += 1
        i = j + 1
        header = start > 0 and len(lines[start - 1]) >= 2 and not any(
            _NUMBER_WORD.match(w["text"]) for w in lines[start - 1])
        block = lines[start - 1 if header else start:j + 1]
        if j == start and not header:
            continue  # one line of figures is no table
        bbox = (max(0.0, min(w["x0"] for ln in block for w in ln) - 2), max(0.0, block[0][0]["top"] - 2),
                min(float(page.width), max(w["x1"] for ln in block for w in ln) + 2),
                min(float(page.height), max(w["bottom"] for w in block[-1]) + 2))
        try:
            tables = page.crop(bbox).find_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
        except ValueError:
            continue
        if not tables:
            continue
        grid = max(tables, key=lambda t: len(t.rows)).extract()
        rows = tuple(tuple(fold_radicals(c or "").strip() for c in r) for r in grid if any(c and c.strip() for c in r))
        width = len(rows[0]) if rows else 0
        if width < 3 or len(rows) != len(block) or any(len(r) != width for r in rows):
            continue  # the columns did not come out as one grid
        body = rows[1:] if header else rows
        if any(_NUMBER_WORD.match(r[0]) or sum(bool(_NUMBER_WORD.match(c)) for c in r) < 2 for r in body):
            continue  # not a label column and figures: prose that happens to carry figures
        out.append((bbox, rows))
    return out


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
