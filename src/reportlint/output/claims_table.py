"""The claims table: one row per extracted claim, as CSV (UTF-8 with BOM, for Excel) or JSON."""

from __future__ import annotations

import csv
import io
import json

from reportlint.claims import claims_of
from reportlint.claims.model import Claim
from reportlint.document.model import Document

COLUMNS = ["path", "kind", "raw", "value", "unit", "comparator", "indicator", "scope", "section",
           "line", "column", "end_line", "end_column", "page", "paragraph", "table", "details"]


def rows(doc: Document) -> list[dict]:
    out = []
    for c in claims_of(doc):
        out.append(_row(doc, c))
    return out


def _row(doc: Document, c: Claim) -> dict:
    s, e = doc.raw_span(c.start, c.end)
    line, col = doc.line_col(s)
    end_line, end_col = doc.line_col(e)
    details = {k: v for k, v in c.extra.items() if v not in (None, "")}
    info = doc.source.location(line) if doc.source is not None else None
    where = {"page": "", "paragraph": "", "table": ""}
    if info is not None:
        where["page"] = f"{info.page}:{info.page_line}" if info.page else ""
        where["paragraph"] = info.paragraph or ""
        where["table"] = f"t{info.table}r{info.row}c{info.cell}" if info.table else ""
    if c.kind == "amount":
        details.setdefault("stated_unit", "元")
    return {
        "path": doc.path, "kind": c.kind, "raw": c.raw, "value": c.display_value(), "unit": c.unit,
        "comparator": c.comparator, "indicator": c.indicator, "scope": c.scope or "", "section": c.section,
        "line": line, "column": col, "end_line": end_line, "end_column": end_col, **where,
        "details": details,
    }


def render_csv(table: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in table:
        w.writerow({**row, "details": json.dumps(row["details"], ensure_ascii=False) if row["details"] else ""})
    return "\ufeff" + buf.getvalue()


def render_json(table: list[dict]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1)
