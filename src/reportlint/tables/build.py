"""Tables of a Document, built once: from .docx table cells, PDF pages and table rows written as text.

- **.docx**: every table cell is a line of its own (``docx_reader``) marked with table, row and cell;
  the cells are grouped back into their grid. Blank cells are absent from the text and stay blank.
- **PDF**: pdfplumber's finder on the pages that look tabular (``tables.pdf``), read again from the
  file (the text itself comes from PDFium). A table that begins at the top of a page with as many
  columns as the previous page's last table and no caption of its own continues it. Each figure
  cell is then found in the page's text lines, in reading order, to give findings a place.
- **text**: consecutive paragraphs of as many cells each (two or more, separated by ``|``, tabs or
  runs of 2+ spaces; trailing empty cells dropped). A row of another width ends the table: flattened
  tables whose merged cells were lost do not line up, and their columns are not guessed. Its caption is
  the line right above it (or above its 单位：万元 line) when that line names a 表 (收入支出决算总表), so the
  部门决算's tables written as text are checked against each other as .docx and PDF ones are.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.tables.form import form_tables
from reportlint.tables.model import Cell, Table, unit_of

if TYPE_CHECKING:
    from reportlint.document.model import Document

_PIPE = re.compile(r"\s*[|｜]\s*")
_CLOSED_ONLY = re.compile(r"^\s*[^\s|｜].*[|｜]\s*$")
_DELIMITER = re.compile(r"\s*:?-+:?\s*$")


def tables_of(doc: Document) -> list[Table]:
    """The document's tables, built on first use and kept with the document."""
    got = doc.__dict__.get("_tables")
    if got is None:
        got = _build(doc)
        doc.__dict__["_tables"] = got
    return got


def table_paragraphs(doc: Document) -> frozenset[int]:
    """Indices of the paragraphs that hold a located cell of one of the document's tables."""
    got = doc.__dict__.get("_table_paragraphs")
    if got is None:
        starts = [p.start for p in doc.paragraphs]
        got = frozenset(bisect.bisect_right(starts, c.start) - 1 for t in tables_of(doc) for row in t.rows
                        for c in row if c.start is not None)
        doc.__dict__["_table_paragraphs"] = got
    return got


def _build(doc: Document) -> list[Table]:
    kind = doc.source.kind if doc.source is not None else "text"
    if kind == "pdf":
        tables = _pdf_tables(doc)
    elif kind == "docx":
        tables = _docx_tables(doc)
    else:
        tables = _text_tables(doc)
    for i, t in enumerate(tables, 1):
        t.index = i
        for row in t.rows:
            for c in row:
                if not c.where:
                    c.where = f"t{i}r{c.row + 1}c{c.col + 1}"
    return tables


# ---------------------------------------------------------------- text


def split_row(line: str) -> list[tuple[str, int]] | None:
    """Cells of a table row written as text with their offsets in ``line``; None for prose.

    Rows written with tabs or runs of spaces reach the document text with ``|`` between their cells
    (``document.spaced_rows``): the document text keeps no tab and no run of spaces.
    """
    if "|" not in line and "｜" not in line:
        return None
    cells: list[tuple[str, int]] = []
    pos = 0
    for m in _PIPE.finditer(line):
        cells.append((line[pos:m.start()], pos))
        pos = m.end()
    cells.append((line[pos:], pos))
    if cells and not cells[0][0].strip():
        cells = cells[1:]  # | a | b |
    while cells and not cells[-1][0].strip():
        cells.pop()
    return cells if len(cells) >= 2 else None


def _text_tables(doc: Document) -> list[Table]:
    out: list[Table] = []
    block: list[list[Cell]] = []
    caption: list[str] = []

    def close() -> None:
        if len(block) >= 2:
            out.append(Table(0, list(block), "text", unit=unit_of(caption + [c.text for c in block[0]])))
        block.clear()

    for p in doc.paragraphs:
        line = doc.text[p.start:p.end]
        cells = split_row(line)
        if cells is not None and block and len(cells) == len(block[0]) - 1 and _CLOSED_ONLY.search(line):
            # a row that does not open with | but closes with one, a cell short of the rows above: its last
            # cell is blank ("年度资金总额 | 329.77 | … | 102.59% |" under "… | 执行率 | 得分", corpora/wild W039)
            cells.append(("", len(line.rstrip())))
        if cells is not None and len(block) == 1 and all(_DELIMITER.match(t) for t, _ in cells):
            continue  # a Markdown delimiter row |---|:--:| under the header: not a row of the table
        if cells is None or (block and len(cells) != len(block[0])):
            close()  # a row of another width: the columns no longer line up
            caption[:] = [line]
            if cells is None:
                continue
        r = len(block)
        block.append([Cell(t.strip(), r, c, start=p.start + off + (len(t) - len(t.lstrip())),
                           end=p.start + off + len(t.rstrip())) for c, (t, off) in enumerate(cells)])
    close()
    used = {c.start for t in out for row in t.rows for c in row}
    out.extend(_cell_per_line(doc, used))
    used |= {c.start for t in out for row in t.rows for c in row}
    out.extend(form_tables(doc, used))  # a 绩效自评表's funds block flattened into running text
    out.sort(key=lambda t: min(c.start for row in t.rows for c in row if c.start is not None))
    for t in out:
        t.caption = t.caption or _title_above(doc, t)
    return out


_TITLE_END = re.compile(r"[。；;！？!?\n]")


def _title_above(doc: Document, t: Table) -> str:
    """The title of a table written as text: the last sentence of one of the two paragraphs right above it,
    when it names a 表 ("财政拨款收入支出决算总表", with "单位：万元" between); "" when none does."""
    first = min((c.start for row in t.rows for c in row if c.start is not None), default=None)
    if first is None:
        return ""
    i = bisect.bisect_right([p.start for p in doc.paragraphs], first) - 1
    for q in doc.paragraphs[max(0, i - 2):max(0, i)][::-1]:
        line = _TITLE_END.split(doc.text[q.start:q.end].strip())[-1].strip()
        if line.endswith("表") and len(line) <= 40:
            return line
    return ""


_ONE_CELL = re.compile(r"^([^|｜。；;]{1,40}?)\s*[|｜]?\s*$")
_COLUMN_WORD = re.compile(r"预算|执行数|决算|分值|权重|得分|执行率|完成率|金额|合计|小计|指标值|完成值|数$|数[(（]")


def _cell_per_line(doc: Document, used: set[int | None]) -> list[Table]:
    """Tables flattened one cell a line (a web page's table copied as text, 424.txt, 301.txt): a run of
    short lines whose header ends in k column names (预算数, 执行数, 分值, 得分 …), then rows of one
    label and k figures. The table ends at the first chunk that is not a label and k figures."""
    cells: list[tuple[str, int, int]] = []  # (text, start, end) of the current run
    out: list[Table] = []

    def close() -> None:
        table = _chunk(cells)
        if table is not None:
            out.append(table)
        cells.clear()

    for p in doc.paragraphs:
        line = doc.text[p.start:p.end]
        m = _ONE_CELL.match(line)
        if m is None or p.start in used or (p.heading is not None and not p.row):
            close()
            continue
        text = m.group(1).strip()
        cells.append((text, p.start + (len(line) - len(line.lstrip())), p.start + len(line.rstrip(" |｜"))))
    close()
    return out


def _chunk(cells: list[tuple[str, int, int]]) -> Table | None:
    from reportlint.tables.model import is_dash, parse_number

    first = next((i for i, (t, _, _) in enumerate(cells) if parse_number(t) is not None), None)
    if first is None or first < 2:
        return None
    header = cells[: first - 1]
    k = 0
    while k < len(header) and _COLUMN_WORD.search(header[len(header) - 1 - k][0]):
        k += 1
    if k == 0 or k == len(header):
        return None  # no label column: the columns cannot be told apart
    rows: list[list[Cell]] = [[Cell(t, 0, c, start=s, end=e) for c, (t, s, e) in enumerate(header[-k - 1:])]]
    i = first - 1
    while i + k < len(cells) + 0 and i + k + 1 <= len(cells):
        chunk = cells[i:i + k + 1]
        label, values = chunk[0][0], chunk[1:]
        if parse_number(label) is not None or not all(parse_number(t) is not None or is_dash(t) for t, _, _ in values):
            break
        r = len(rows)
        rows.append([Cell(t, r, c, start=s, end=e) for c, (t, s, e) in enumerate(chunk)])
        i += k + 1
    if len(rows) < 2:
        return None
    return Table(0, rows, "text", unit=unit_of([t for t, _, _ in cells[:first]]))


# ---------------------------------------------------------------- docx


def _docx_tables(doc: Document) -> list[Table]:
    src = doc.source
    grids: dict[int, dict[tuple[int, int], Cell]] = {}
    for p in doc.paragraphs:
        if not p.table:
            continue
        line, _ = doc.line_col(doc.offsets[p.start])
        info = src.location(line) if src is not None else None
        if info is None or info.table is None:
            continue
        r, c = info.row - 1, info.cell - 1
        grids.setdefault(info.table, {})[(r, c)] = Cell(doc.text[p.start:p.end], r, c, start=p.start, end=p.end,
                                                        where=f"t{info.table}r{info.row}c{info.cell}")
    merges: dict[int, dict[tuple[int, int], str]] = {}
    for t, r, c, how in (src.merged_cells if src is not None else ()):
        merges.setdefault(t, {})[(r - 1, c - 1)] = how
    out = []
    for k, grid in sorted(grids.items()):
        covered = merges.get(k, {})
        nrows = max(r for r, _ in list(grid) + list(covered)) + 1
        ncols = max(c for _, c in list(grid) + list(covered)) + 1
        rows: list[list[Cell]] = []
        for r in range(nrows):
            row: list[Cell] = []
            for c in range(ncols):
                how = covered.get((r, c))
                if how is not None and (r, c) not in grid:
                    # a merged cell carries the text of the cell that covers it (left, or above)
                    src_cell = row[c - 1] if how == "L" and c else (rows[r - 1][c] if r else None)
                    row.append(Cell(src_cell.text if src_cell is not None else "", r, c, own=False))
                else:
                    row.append(grid.get((r, c)) or Cell("", r, c))
            rows.append(row)
        caption = _caption_before(doc, min((c.start for row in rows for c in row if c.start is not None), default=0))
        out.append(Table(0, rows, "docx", unit=unit_of(caption + [c.text for c in rows[0]]),
                         caption=next((x for x in reversed(caption) if "表" in x), "")))
    return out


def _caption_before(doc: Document, start: int) -> list[str]:
    """The last two prose paragraphs before a table (its title and 单位：万元 line)."""
    starts = [p.start for p in doc.paragraphs]
    i = bisect.bisect_left(starts, start) - 1
    out: list[str] = []
    while i >= 0 and len(out) < 2 and not doc.paragraphs[i].table:
        out.insert(0, doc.text[doc.paragraphs[i].start:doc.paragraphs[i].end].strip())
        i -= 1
    return out


# ---------------------------------------------------------------- pdf


def _pdf_tables(doc: Document) -> list[Table]:
    from reportlint.tables.pdf import find_tables

    path = Path(doc.path)
    src = doc.source
    if src is None or src.lines is None or not path.is_file():
        return []
    pages: dict[int, list[int]] = {}  # page -> 0-based line numbers
    for i, info in enumerate(src.lines):
        if info.page is not None:
            pages.setdefault(info.page, []).append(i)
    raw_lines = doc.raw.split("\n")
    page_texts = [[raw_lines[i] for i in pages.get(p, [])] for p in range(1, max(pages, default=0) + 1)]
    try:
        found = find_tables(path.read_bytes(), page_texts)
    except OSError:
        return []
    out: list[Table] = []
    prev_page = 0
    for ft in found:
        width = max(len(r) for r in ft.rows)
        rows = _grid(ft.rows, ft.merges, width)
        _locate(doc, rows, pages.get(ft.page, []), ft.page, ft.index)
        last = out[-1] if out else None
        if last is not None and ft.top and ft.page == prev_page + 1 and last.width == width:
            for row in rows:
                if all(not c.text.strip() for c in row):
                    continue
                for c in row:
                    c.row = len(last.rows)
                last.rows.append(row)
        else:
            unit = unit_of(ft.above.splitlines()[-2:] + [c.text for r in rows[:3] for c in r])
            caption = next((ln for ln in reversed(ft.above.splitlines()) if "表" in ln), "")
            out.append(Table(0, rows, "pdf", unit=unit, page=ft.page, caption=caption))
        prev_page = ft.page
    return out


def _grid(rows: tuple[tuple[str | None, ...], ...], merges: tuple[tuple[str, ...], ...],
          width: int) -> list[list[Cell]]:
    """Cells with merges resolved: a cell covered by a merge takes the text of the cell to its left
    (a horizontal merge) or above it (a vertical merge), and is marked not ``own``."""
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        for c in range(width):
            t = row[c] if c < len(row) else None
            if t is None:
                how = merges[r][c] if r < len(merges) and c < len(merges[r]) else "L"
                left = cells[-1].text if cells else ""
                up = grid[-1][c].text if grid else ""
                cells.append(Cell((left if how == "L" else up) or "", r, c, own=False))
            else:
                cells.append(Cell(t, r, c))
        grid.append(cells)
    return grid


def _locate(doc: Document, rows: list[list[Cell]], lines: list[int], page: int, index: int) -> None:
    """Doc-text spans of the cells, found in reading order in the page's lines (a cell that cannot be
    found keeps no span and does not move the search on)."""
    for row in rows:
        for c in row:
            c.where = f"p{page} t{index}r{c.row + 1}c{c.col + 1}"
    if not lines:
        return
    starts = doc.line_starts
    lo = starts[lines[0]]
    hi = starts[lines[-1] + 1] if lines[-1] + 1 < len(starts) else len(doc.raw)
    cursor = lo
    # start at the table's first row written out on one line (項目 本年支出合计 基本支出 …), so that its
    # cells are not found in the prose above the table on the same page
    head = [c.text.strip().split("\n")[0] for c in rows[0] if c.own and c.text.strip()] if rows else []
    if len(head) >= 2:
        m = re.compile(r"[ \t]*".join(re.escape(h) for h in head)).search(doc.raw, lo, hi)
        if m is not None:
            cursor = m.start()
    for row in rows:
        for c in row:
            if not c.own or not c.text.strip():
                continue
            # a figure as written; a label by its first line (a wrapped cell goes on in the next line)
            needle = c.text.strip() if c.number is not None else c.text.strip().split("\n")[0].strip()
            if c.number is None and len(needle) < 2:
                continue
            k = cursor
            while True:
                k = doc.raw.find(needle, k, min(hi, cursor + 600))
                if k < 0:
                    break
                before = doc.raw[k - 1] if k > 0 else " "
                after = doc.raw[k + len(needle)] if k + len(needle) < len(doc.raw) else " "
                if not (before.isdigit() or before in ".,") and not (after.isdigit() or after in ".,%"):
                    break
                k += 1
            if k < 0:
                continue
            s = bisect.bisect_left(doc.offsets, k)
            e = bisect.bisect_left(doc.offsets, k + len(needle) - 1)
            if s < len(doc.offsets) and doc.offsets[s] == k and e < len(doc.offsets):
                c.start, c.end = s, e + 1
                cursor = k + len(needle)
