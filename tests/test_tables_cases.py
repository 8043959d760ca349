"""Case sheets of the table checks, ``tests/tables/<check>.yml``: each table relation on tables that
add up and tables that do not, with merged cells, blank cells and units in the header.

A sheet has the keys of a rule sheet (``tests/rule_cases.py``) plus ``check`` (what table relation it
covers); only the findings of ``rule`` that come from tables (messages 表中… / 正文与表格…) count. A
case's text is ``fail`` / ``pass`` (tables written as ``|`` rows), or a ``docx`` built with python-docx::

    docx:
      before: ["某县…年度报告"]          # paragraphs before the table
      rows: [["项目", "金额"], …]         # the table's cells, row by row ("" for a cell covered by a merge)
      merges: ["r2c1:r4c1"]               # merged ranges, 1-based, top-left:bottom-right
      after: ["…"]                        # paragraphs after it

A silent case must still give the checks something to judge (a relation read from its table), unless
it says ``judged: false`` (a case about what is left alone).

A finding's span is its text in the extracted text (a Word cell's text, or the words of a paragraph).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

SHEETS = Path(__file__).resolve().parent / "tables"
MIN_CASES = 4  # fail and pass cases per sheet


def _sheets() -> list[Path]:
    return sorted(SHEETS.glob("*.yml"))


def _cases() -> list[tuple[str, str, dict]]:
    out = []
    for p in _sheets():
        sheet = yaml.safe_load(p.read_text(encoding="utf-8"))
        out.extend((p.stem, sheet["rule"], case) for case in sheet["cases"])
    return out


def _docx(spec: dict, path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in spec.get("before", []):
        d.add_paragraph(line)
    rows = spec["rows"]
    t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = str(text)
    for m in spec.get("merges", []):
        a, b = (tuple(int(x) - 1 for x in re.fullmatch(r"r(\d+)c(\d+)", part).groups()) for part in m.split(":"))
        t.cell(*a).merge(t.cell(*b))
    for line in spec.get("after", []):
        d.add_paragraph(line)
    d.save(path)
    return path


def run_table_case(rule: str, case: dict, tmp: Path) -> list:
    from reportlint.config import Config
    from reportlint.engine import lint_path, lint_text

    cfg = replace(Config(), select={rule}, ignore=set())
    if "docx" in case:
        result = lint_path(str(_docx(case["docx"], tmp / "case.docx")), cfg)
    else:
        result = lint_text(case["fail"] if "fail" in case else case["pass"], cfg)
    case["_judged"] = _judged(result)
    raw = result.doc.raw
    found = [f for f in result.findings if f.rule == rule and f.message.startswith(("表中", "正文与表格"))]
    for f in found:
        f.extra["span"] = raw[f.raw_start:f.raw_end].replace("\n", "")
    return found


def _judged(result) -> int:
    """How many table relations (and text restatements) the case's document gives to judge."""
    from reportlint.claims import claims_of
    from reportlint.tables.check import table_relations
    from reportlint.tables.judge import grand_totals, restatements

    rel = table_relations(result.doc)
    doc, year = result.doc, result.context.evaluation_year
    return (len(rel.sums) + len(rel.rates) + len(rel.scores) + len(rel.score_sums) + len(rel.rate_scores)
            + len(rel.code_names) + len(restatements(doc, claims_of(doc), year)) + len(grand_totals(doc, claims_of(doc), year)))


CASES = _cases()


@pytest.mark.parametrize("check,rule,case", CASES, ids=[f"{c}-{case['id']}" for c, _, case in CASES])
def test_table_case(check, rule, case, tmp_path):
    got = run_table_case(rule, case, tmp_path)
    if "spans" not in case:
        assert [(f.extra["span"], f.message) for f in got] == []
        # a silent case shows the table was read and judged, unless it is about what is not judged
        assert case.pop("_judged") > 0 or case.get("judged") is False
        return
    assert [f.extra["span"] for f in got] == case["spans"], [f.message for f in got]
    if "message" in case:
        assert case["message"] in got[0].message
    if "suggestion" in case:
        assert got[0].suggestion == case["suggestion"]


@pytest.mark.parametrize("path", _sheets(), ids=lambda p: p.name)
def test_table_sheet(path):
    sheet = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(sheet) == {"rule", "check", "cases"}
    assert all(set(c) <= {"id", "note", "fail", "pass", "docx", "spans", "message", "suggestion", "judged"}
               for c in sheet["cases"])
    cases = sheet["cases"]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    assert all(str(c.get("note") or "").strip() for c in cases)
    fails = sum("spans" in c for c in cases)
    assert fails >= MIN_CASES and len(cases) - fails >= MIN_CASES
    # the shapes the issue asks for: merged cells, blank cells, units in the header
    text = path.read_text(encoding="utf-8")
    assert "merges:" in text and re.search(r"\| *(?:\||\\n)|\"\"", text) and "万元" in text, path.name
