"""Every case of every sheet ``tests/rules/<CODE>.yml`` (format: ``tests/rule_cases.py``)."""

import pytest

from reportlint.rules.base import all_rules
from rule_cases import all_cases, load_sheet, run_case, sheet_problems, sheets, span_of

CASES = all_cases()
MIN_CASES = 8  # fail and pass cases each rule should have (COMMON.md); not enforced yet


@pytest.mark.parametrize("code,rule,case", CASES, ids=[f"{code}-{case.get('id')}" for code, _, case in CASES])
def test_case(code, rule, case):
    got = run_case(rule, case)
    if "pass" in case:
        assert [(span_of(f), f.message) for f in got] == []
        return
    assert [span_of(f) for f in got] == case["spans"], [f.message for f in got]
    if "suggestion" in case:
        assert got[0].suggestion == case["suggestion"]
    if "severity" in case:
        assert str(got[0].severity) == case["severity"]


@pytest.mark.parametrize("path", sheets(), ids=lambda p: p.name)
def test_sheet_format(path):
    assert sheet_problems(path) == []


def test_every_rule_has_a_sheet():
    have = {p.stem for p in sheets()}
    assert [r.code for r in all_rules() if not r.batch and r.code not in have] == []


def test_declared_examples_are_cases():
    """A rule's declared examples (shown by ``reportlint explain``) run in its sheet with exact spans."""
    missing = []
    for r in all_rules():
        if r.batch:
            continue
        cases = load_sheet(next(p for p in sheets() if p.stem == r.code))["cases"]
        if not any(c.get("fail") == r.fires for c in cases):
            missing.append(f"{r.code} fires")
        if not any(c.get("pass") == r.silent for c in cases):
            missing.append(f"{r.code} silent")
    assert missing == []


@pytest.mark.parametrize("rule", [r for r in all_rules() if not r.batch], ids=lambda r: r.code)
def test_enough_cases(rule):
    cases = [c for code, _, c in CASES if code == rule.code]
    assert sum("fail" in c for c in cases) >= MIN_CASES
    assert sum("pass" in c for c in cases) >= MIN_CASES
