"""The funds block of a 绩效自评表 flattened into running text, read back as a table.

A 项目支出 / 部门整体支出绩效自评表 copied out of its grid keeps its cells in order, apart by spaces or line
breaks only: "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0
其中:本年财政拨款 90 89.974 89.974 上年结转资金 其他资金 年度总体目标 …" (real 603, one line), or one row a
line (wild W033). The block is read only where its columns cannot be mistaken:

- the header is a run of three or more column names of the form (``lexicons/table_sets.yaml``,
  ``performance_form.columns``), the total row's label (``total_labels``) follows it;
- the total row states exactly one figure per column;
- each row after it (其中:本年财政拨款, 上年结转资金, 其他资金: a label of a source of funds,
  ``source_label``) states no figure, one per money column (the columns before 分值/执行率/得分), or one
  per column; any other count, and the block is not read at all.

The rows become a ``Table`` (origin ``text``) whose checker judges them like any other: the 其中 rows
against the total row, column by column (a 其中 list may be partial, so only parts above the total are
wrong), 执行率 against 执行数 ÷ 预算数, 得分 against 分值.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from reportlint.lexicon import load_yaml
from reportlint.tables.model import Cell, Table, unit_of

if TYPE_CHECKING:
    from reportlint.document.model import Document


@cache
def _lex() -> dict:
    return (load_yaml("table_sets.yaml") or {}).get("performance_form") or {}


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = _lex()
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    col = alt(lx["columns"]) + r")(?:[(（][A-Za-z/＋+\-×*]{1,5}[)）])?(?:"  # 全年执行数(B), 执行率(B/A)
    header = re.compile(rf"(?:{col})(?:[ \t\u3000\n|｜]*(?:{col})){{2,}}")
    total = re.compile(rf"[ \t\u3000\n|｜]*(?:{alt(lx['total_labels'])})\s*[:：]?")
    source = re.compile(rf"[ \t\u3000\n|｜]*(?P<label>(?:其中\s*[:：]?\s*)?(?:{alt(lx['source_rows'])}))")
    not_money = re.compile(lx["not_money"])
    return header, total, source, not_money


def form_tables(doc: Document, used: set[int | None]) -> list[Table]:
    """The funds blocks of the document's flattened 绩效自评表 (none start inside an already built table)."""
    text = doc.text
    if not _lex() or "其中" not in text:
        return []
    header_re, total_re, _, _ = _patterns()
    out: list[Table] = []
    starts = sorted(u for u in used if u is not None)
    for m in header_re.finditer(text):
        k = bisect.bisect_left(starts, m.start())
        if k < len(starts) and starts[k] < m.end():
            continue  # the header's cells belong to a table already read
        t = total_re.match(text, m.end())
        if t is None:
            continue
        table = _read(doc, m, t)
        if table is not None:
            out.append(table)
    return out


_VALUE = re.compile(r"[ \t\u3000\n|｜]*([-−]?\d[\d,]*(?:\.\d+)?[%％]?(?![\d.])|[-—－/／]+)")


def _values(text: str, pos: int) -> tuple[list[tuple[str, int, int]], int]:
    """The figures (and dashes) from ``pos`` on, up to the first thing that is neither, and where they end."""
    out = []
    while (v := _VALUE.match(text, pos)) is not None:
        out.append((v.group(1), v.start(1), v.end(1)))
        pos = v.end()
    return out, pos


def _read(doc: Document, header: re.Match[str], total: re.Match[str]) -> Table | None:
    text = doc.text
    _, _, row_re, not_money = _patterns()
    col = re.compile("|".join(sorted(map(re.escape, _lex()["columns"]), key=len, reverse=True)))
    names = [(x.group(0), x.start(), x.end()) for x in col.finditer(text, header.start(), header.end())]
    n = len(names)
    money = next((i for i, (name, _, _) in enumerate(names) if not_money.search(name)), n)
    if money == 0:
        return None
    values, pos = _values(text, total.end())
    if len(values) != n:
        return None  # the total row must state one figure per column
    label_start = total.start() + len(total.group(0)) - len(total.group(0).lstrip(" \t\u3000\n|｜"))
    rows: list[list[tuple[str, int | None, int | None]]] = [
        [(text[label_start:total.end()].rstrip(":："), label_start, total.end()), *values]]
    while (m := row_re.match(text, pos)) is not None:
        got, pos = _values(text, m.end())
        if len(got) not in (0, money, n):
            return None  # the figures of this row could sit under other columns: not read
        rows.append([(m.group("label"), m.start("label"), m.end("label")), *got])
    if len(rows) < 2 or not rows[1][0][0].startswith("其中"):
        return None
    head = [("", None, None), *names]
    grid = [head, *rows]
    cells = [[Cell(t, r, c, start=s, end=e) for c, (t, s, e) in enumerate(row)] for r, row in enumerate(grid)]
    for r, row in enumerate(cells):
        row.extend(Cell("", r, c) for c in range(len(row), n + 1))
    unit = unit_of([text[max(0, header.start() - 30):header.start()]])
    return Table(0, cells, "text", unit=unit)
