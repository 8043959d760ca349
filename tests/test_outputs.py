"""SARIF (validated against the 2.1.0 schema), GitHub annotations, baselines, configuration errors."""

import json
from pathlib import Path

import jsonschema

from conftest import SAMPLE, run_cli

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_schema():
    r = run_cli("check", str(SAMPLE), "--format", "sarif")
    assert r.returncode == 1
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["S102"]["name"] == "section-gap" and rules["S102"]["shortDescription"]["text"]
    gap = next(res for res in run["results"] if res["ruleId"] == "S102")
    assert gap["locations"][0]["physicalLocation"]["region"]["startLine"] == 452
    assert run["tool"]["driver"]["rules"][gap["ruleIndex"]]["id"] == "S102"
    fps = [res["partialFingerprints"]["reportlintFingerprint/v2"] for res in run["results"]]
    assert len(set(fps)) == len(fps) == 30


def test_sarif_fingerprints_are_stable_across_runs():
    a = json.loads(run_cli("check", str(SAMPLE), "--format", "sarif").stdout)
    b = json.loads(run_cli("check", str(SAMPLE), "--format", "sarif").stdout)
    fa = [r["partialFingerprints"] for r in a["runs"][0]["results"]]
    assert fa == [r["partialFingerprints"] for r in b["runs"][0]["results"]]


def test_github_annotations():
    r = run_cli("check", str(SAMPLE), "--format", "github", "--select", "section-gap,jiezhi")
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("::error file=") and ",line=118,col=1," in lines[0] and "title=W501 jiezhi::" in lines[0]


def test_baseline_survives_an_inserted_paragraph_and_shows_new_errors(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SAMPLE.read_bytes())
    base = tmp_path / "baseline.json"
    r = run_cli("check", str(report), "--write-baseline", str(base))
    assert r.returncode == 1 and json.loads(base.read_text(encoding="utf-8"))["count"] == 30
    # insert a paragraph at the top: every line moves down by two
    text = report.read_text(encoding="utf-8")
    report.write_text("本报告由财务股汇总编写。\n\n" + text, encoding="utf-8")
    r = run_cli("check", str(report), "--baseline", str(base), "--format", "json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
    assert "隐藏了 30 处" in r.stderr
    # a newly introduced error shows
    report.write_text(report.read_text(encoding="utf-8").replace("本报告由财务股汇总编写。", "截止目前，本报告由财务股汇总编写。"),
                      encoding="utf-8")
    r = run_cli("check", str(report), "--baseline", str(base), "--format", "json")
    new = json.loads(r.stdout)
    assert r.returncode == 1 and [(f["rule"], f["line"]) for f in new] == [("jiezhi", 1)]


def test_bad_baseline_and_config_are_usage_errors(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{}", encoding="utf-8")
    r = run_cli("check", str(SAMPLE), "--baseline", str(bad))
    assert r.returncode == 2 and "基线" in r.stderr
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text('[thresholds]\nsimilarity = 3\n', encoding="utf-8")
    r = run_cli("check", str(SAMPLE), "--config", str(cfg))
    assert r.returncode == 2 and "thresholds.similarity" in r.stderr


def test_config_file_select_severity_and_year(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("现将2025年度整体支出绩效自评情况报告如下：截止目前共3人。\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint]\nselect = ["T", "W501"]\nevaluation_year = 2024\n[tool.reportlint.severity]\njiezhi = "info"\n',
        encoding="utf-8")
    r = run_cli("check", str(report), "--format", "json")
    got = [(f["rule"], f["severity"]) for f in json.loads(r.stdout)]
    assert got == [("year-mismatch", "error"), ("jiezhi", "info")]
    # the command line wins over the file
    r = run_cli("check", str(report), "--format", "json", "--year", "2025")
    assert [f["rule"] for f in json.loads(r.stdout)] == ["jiezhi"]
