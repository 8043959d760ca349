"""Every synthetic report and the sample against its gold file: all expected findings, no must_not finding."""

import json

import pytest

from reportlint.engine import lint_path

from conftest import SAMPLE_DIR, SYNTHETIC
from gold import match_gold

GOLDS = sorted([*SYNTHETIC.glob("*.gold.json"), *SAMPLE_DIR.glob("*.gold.json")])


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_corpus_report_matches_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = gold_path.with_name(gold["document"])
    result = lint_path(str(report))
    missed, false = match_gold(gold, report.read_text(encoding="utf-8"), result.findings)
    assert [(m["rule"], m["line"], m["quote"]) for m in missed] == []
    assert [(m["rule"], m["line"], m["quote"]) for m in false] == []


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_corpus_context_matches_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ctx = lint_path(str(gold_path.with_name(gold["document"]))).context
    want = gold.get("context", {})
    if "evaluation_year" in want:
        assert ctx.evaluation_year == want["evaluation_year"]
    if want.get("filing_date"):
        assert ctx.filing_date.isoformat() == want["filing_date"]
    if "unit_level" in want:
        assert ctx.unit_level == want["unit_level"].split()[0]
