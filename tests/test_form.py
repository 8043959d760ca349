"""Form and structure rules on the whole sample (short-text cases live in tests/rules/<CODE>.yml)."""

from conftest import SAMPLE


def test_punct_pair_silent_on_sample_wrapped_pairs(sample_result):
    # “两癌” and 《中华人民共和国…》 pairs cross hard line wraps in the sample
    assert [f for f in sample_result.findings if f.rule == "punct-pair"] == []


def test_enum_sequence_silent_on_sample(sample_result):
    assert [f for f in sample_result.findings if f.rule == "enum-sequence"] == []


def test_outline_complete_on_sample(sample_result):
    assert [f for f in sample_result.findings if f.rule == "outline-missing"] == []


def test_sample_form_findings(sample_result):
    got = sorted((f.line, f.excerpt) for f in sample_result.findings if f.rule == "punct-halfwidth")
    assert got == [(147, ","), (205, "(助理)"), (323, "(社区)"), (563, ",")]
    assert SAMPLE.exists()
