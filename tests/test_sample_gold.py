"""The bundled sample report against its gold findings (every expected item, no must_not item)."""

from reportlint.rules.base import all_rules

from conftest import SAMPLE
from gold import match_gold


def test_sample_expected_found_and_must_not_silent(sample_result, sample_gold):
    registered = {r.name for r in all_rules()}
    missed, false = match_gold(sample_gold, SAMPLE.read_text(encoding="utf-8"), sample_result.findings,
                               rules=registered)
    assert [(m["rule"], m["line"]) for m in missed] == []
    assert [(m["rule"], m["line"]) for m in false] == []


def test_sample_context(sample_result):
    ctx = sample_result.context
    assert ctx.evaluation_year == 2024
    assert ctx.filing_date.isoformat() == "2025-07-24"
    assert ctx.unit_name == "湛江经济技术开发区人口和社会事务管理局"
    assert ctx.unit_level == "district"


def test_sample_issue2_findings_exact(sample_result):
    """The foundation rules report exactly these places on the sample (line, rule)."""
    issue2 = {"section-duplicate", "section-gap", "section-order", "section-style", "year-mismatch",
              "relative-time", "stale-forecast", "boilerplate-internal", "pdf-artifact"}
    got = sorted((f.line, f.rule) for f in sample_result.findings if f.rule in issue2)
    assert got == [
        (16, "year-mismatch"), (167, "relative-time"), (171, "relative-time"), (171, "relative-time"),
        (171, "stale-forecast"), (175, "stale-forecast"), (185, "pdf-artifact"), (368, "relative-time"),
        (379, "section-duplicate"), (452, "section-gap"), (551, "boilerplate-internal"),
        (585, "section-duplicate"),
    ]
