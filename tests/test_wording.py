"""Wording rules on the whole sample and through the CLI (short-text cases live in tests/rules/<CODE>.yml)."""

from conftest import SAMPLE, run_cli


def test_term_typo_zero_false_positives_on_sample(sample_result):
    got = [(f.line, f.excerpt) for f in sample_result.findings if f.rule == "term-typo"]
    assert got == [(118, "般公共预算")]


def test_term_from_configuration_file_next_to_the_report(tmp_path):
    text = "本单位开展绩效运监控，覆盖全部项目。\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "reportlint.toml").write_text('[lexicon]\nextra_terms = ["绩效运行监控"]\n', encoding="utf-8")
    r = run_cli("check", str(tmp_path / "r.txt"), "--select", "term-typo")
    assert r.returncode == 1 and "绩效运行监控" in r.stdout


def test_sample_wording_findings(sample_result):
    got = sorted((f.line, f.rule) for f in sample_result.findings
                 if f.rule in {"jiezhi", "scope-word", "law-name", "template-left"})
    assert got == [(118, "jiezhi"), (128, "scope-word"), (145, "scope-word"), (171, "jiezhi"), (211, "jiezhi"),
                   (219, "jiezhi"), (244, "jiezhi"), (317, "jiezhi"), (346, "jiezhi"), (379, "template-left"),
                   (438, "template-left"), (528, "law-name")]


def test_cli_jiezhi_suggestion_shown():
    r = run_cli("check", str(SAMPLE), "--select", "jiezhi")
    assert r.stdout.count("建议：截至") == 7
