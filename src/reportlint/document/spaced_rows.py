"""Table rows written as text with tabs or runs of spaces between the cells.

A form copied from Word, Excel or a web page into a ``.txt`` keeps its columns apart with tabs or with
two or more spaces: ``基本支出\t100\t120\t110`` or ``合计    150    175``. Such lines are kept out of the
prose (never joined to their neighbours, never headings) and written into the document text with ``|``
between the cells, so ``reportlint.tables`` reads them as it reads ``| a | b |`` rows.

A line counts as a row only inside a block (issue 21): at least two consecutive lines with the same
number of cells (three or more; two when the gap is a tab), short cells, a figure in every row and four
in all; or a small table of three rows or more, each a label and one figure (tabs or spaces), whose first
or last row is a 合计/总计 (the total is the evidence in place of a fourth figure). A header line without
figures directly above such a block belongs to it. A single line with
double spaces, or prose whose words happen to be spaced out, stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlint.document.reflow import Line

_TAB_GAP = re.compile(r"[ \u3000\xa0]*\t[\t \u3000\xa0]*")
_SPACE_GAP = re.compile(r"[ \u3000\xa0]{2,}")
_FIGURE = re.compile(r"^[-+－]?\d[\d,，.]*%?$|^[-—–－]$")
_MAX_CELL = 30  # display characters: a cell of a form, not a sentence
_SENTENCE = re.compile(r"[。；;！？!?]")
_TOTAL_LABEL = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|共\s*计)")


def _cells(text: str) -> tuple[list[str], bool]:
    gap = _TAB_GAP if "\t" in text else _SPACE_GAP
    return [c for c in gap.split(text)], gap is _TAB_GAP


def _row_shape(text: str) -> tuple[int, int] | None:
    """(cells, figure cells) of a line that may be a table row, or None. Two cells apart by spaces
    count only as a label and its figure (``基本支出    60``; see ``_small_total_block``)."""
    if not text or _SENTENCE.search(text):
        return None
    cells, tabbed = _cells(text)
    if len(cells) < 2 or any(not c or len(c) > _MAX_CELL for c in cells):
        return None
    figures = sum(1 for c in cells if _FIGURE.match(c))
    if len(cells) == 2 and not tabbed and (figures, bool(_FIGURE.match(cells[1]))) not in ((0, False), (1, True)):
        return None
    return len(cells), figures


def _small_total_block(lines: Sequence[Line], shapes: list, i: int, j: int) -> bool:
    """Rows i..j (three or more) of a small table: one figure per row after a label, and a 合计/总计 row
    first or last (``基本支出\t60 / 项目支出\t30 / 合计\t100``: three figures, the 合计 the evidence)."""
    if j - i < 2 or any(shapes[k][1] != 1 or not _FIGURE.match(_cells(lines[k].text)[0][-1])
                        for k in range(i, j + 1)):
        return False
    return any(_TOTAL_LABEL.match(_cells(lines[k].text)[0][0]) for k in (i, j))


def spaced_rows(lines: Sequence[Line]) -> set[int]:
    """Numbers of the lines that are table rows written with tabs or runs of spaces.

    ``lines`` are the document's lines (``reflow.split_lines``); blank lines end a block.
    """
    out: set[int] = set()
    shapes = [_row_shape(ln.text) for ln in lines]
    i = 0
    while i < len(lines):
        if shapes[i] is None or shapes[i][1] == 0:
            i += 1
            continue
        width = shapes[i][0]
        j = i  # rows with figures, of one width
        while j + 1 < len(lines) and shapes[j + 1] is not None and shapes[j + 1][0] == width \
                and shapes[j + 1][1] >= 1:
            j += 1
        spaced_pairs = width == 2 and "\t" not in lines[i].text  # label and figure apart by spaces
        if (j > i and sum(shapes[k][1] for k in range(i, j + 1)) >= 4 and not spaced_pairs) \
                or _small_total_block(lines, shapes, i, j):
            out.update(range(i, j + 1))
            head = shapes[i - 1] if i else None
            if head is not None and head[0] == width and head[1] == 0:
                out.add(i - 1)  # the header row above the figures
        i = j + 1
    return out


def row_text(line: Line) -> tuple[str, list[int]]:
    """The row's text with ``|`` between the cells, and the raw offset of each character."""
    gap = _TAB_GAP if "\t" in line.text else _SPACE_GAP
    chars: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in gap.finditer(line.text):
        chars.extend(line.text[pos:m.start()])
        offs.extend(range(line.raw_start + pos, line.raw_start + m.start()))
        chars.append("|")
        offs.append(line.raw_start + m.start())
        pos = m.end()
    chars.extend(line.text[pos:])
    offs.extend(range(line.raw_start + pos, line.raw_start + len(line.text)))
    return "".join(chars), offs
