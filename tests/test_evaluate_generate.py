"""The evaluation command on the labelled corpus, and the report generator."""

import json
import shutil

import pytest

from reportlint.evaluate import evaluate_dir
from reportlint.generate import generate
from reportlint.rules.base import all_rules

from conftest import CLEAN, CORPORA, REAL, SAMPLE_DIR, SYNTHETIC, run_cli

THRESHOLDS = CORPORA / "thresholds.json"


@pytest.fixture(scope="module")
def corpus_eval():
    """The synthetic reports and the sample together: the labelled floor every rule keeps."""
    ev = evaluate_dir(SYNTHETIC)
    for rule, score in evaluate_dir(SAMPLE_DIR).scores.items():
        ev.scores[rule].add(score)
    return ev


@pytest.mark.parametrize("folder", [REAL, CLEAN, SYNTHETIC], ids=lambda p: p.name)
def test_corpus_meets_recorded_figures(folder):
    """Each corpus holds its own record: real and synthetic figures are never mixed."""
    r = run_cli("evaluate", str(folder), "--thresholds", str(THRESHOLDS), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    if folder is CLEAN:
        assert data["reports"] == 0 and data["clean"]["reports"] == len(list(CLEAN.glob("*.txt")))
    else:
        assert data["reports"] == len(list(folder.glob("*.gold.json")))
        assert data["gold_errors"] == []


def test_synthetic_table_names_every_rule():
    r = run_cli("evaluate", str(SYNTHETIC))
    assert r.returncode == 0, r.stderr
    assert "reportlint evaluate synthetic：14 份有标注的报告" in r.stdout
    for rule in all_rules():
        if not rule.batch:
            assert rule.name in r.stdout


def test_every_rule_has_three_positive_and_three_negative_labels(corpus_eval):
    thin = [(r.name, corpus_eval.scores[r.name].positives, corpus_eval.scores[r.name].negatives)
            for r in all_rules() if not r.batch
            and (corpus_eval.scores[r.name].positives < 3 or corpus_eval.scores[r.name].negatives < 3)]
    assert thin == []


def test_thresholds_file_covers_every_rule():
    recorded = json.loads(THRESHOLDS.read_text(encoding="utf-8"))
    assert {r.name for r in all_rules() if not r.batch} <= set(recorded["synthetic"]["rules"])
    assert recorded["clean"]["clean"]["budget"] == {"errors": 0, "per_100k": 1.0}


def test_evaluate_reports_misses_false_alarms_and_fails_thresholds(tmp_path):
    for name in ("110_wording_county.txt", "110_wording_county.gold.json"):
        shutil.copy(SYNTHETIC / name, tmp_path / name)
    gold = json.loads((tmp_path / "110_wording_county.gold.json").read_text(encoding="utf-8"))
    # drop one expected item (its finding becomes a false alarm) and add one nothing finds (a miss)
    dropped = gold["expected"].pop(0)
    gold["expected"].append({"rule": "score-grade", "line": 25, "quote": "自评得分86分", "why": "test"})
    (tmp_path / "110_wording_county.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "t.json").write_text(json.dumps({"score-grade": {"recall": 1.0}, "jiezhi": {"precision": 1.0}}),
                                     encoding="utf-8")
    r = run_cli("evaluate", str(tmp_path), "--thresholds", str(tmp_path / "t.json"), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["rules"]["score-grade"]["recall"] == 0.0 and data["rules"]["score-grade"]["fn"] == 1
    assert any("score-grade 漏报" in m for m in data["misses"])
    assert any(f"{dropped['rule']} 误报" in m for m in data["false_alarms"])
    assert "score-grade: recall" in r.stderr and "jiezhi: precision" in r.stderr


def test_generator_is_reproducible(tmp_path):
    a = generate(tmp_path / "a", 8, seed=7)
    b = generate(tmp_path / "b", 8, seed=7)
    c = generate(tmp_path / "c", 8, seed=8)
    assert a["reports"] == b["reports"] and a["reports"] != c["reports"]
    assert (tmp_path / "a" / "00003.txt").read_text(encoding="utf-8") == (tmp_path / "b" / "00003.txt").read_text(
        encoding="utf-8")


def test_generated_reports_are_labelled_and_found(tmp_path):
    generate(tmp_path, 40, seed=11, p_defect=0.3)
    ev = evaluate_dir(tmp_path)
    for rule in all_rules():
        if rule.batch:
            continue
        s = ev.scores[rule.name]
        assert s.positives > 0, rule.name
        assert s.recall >= 0.9 and s.precision >= 0.9, (rule.name, s)


def test_evaluate_reads_the_full_gold_format(tmp_path):
    """borderline is neither hit nor false alarm, a must_not hit is counted as a trap, the gold's year is
    the context, calc expressions are checked, and a text without gold is scored as clean."""
    text = ("2024年度部门整体支出绩效自评报告\n"
            "一、基本情况\n"
            "（一）机构设置\n"
            "（三）人员情况\n"
            "截止2024年12月31日，共有人员10人。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {"document": "a.txt", "genre": "部门整体支出绩效自评报告", "evaluation_year": 2024,
            "unit_level": "county",
            "expected": [{"rule": "jiezhi", "line": 5, "quote": "截止2024年", "why": "t", "confidence": "medium"}],
            "must_not": [{"rule": "section-gap", "line": 4, "quote": "（三）人员情况", "why": "trap",
                          "calc": "1+1==2"}],
            "borderline": [{"rule": "other", "line": 1, "quote": "2024年度", "why": "b"}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.txt").write_text("一、概况\n全年完成各项任务。\n", encoding="utf-8")
    ev = evaluate_dir(tmp_path)
    assert ev.reports == 1 and ev.clean.reports == 1 and ev.clean.chars == len("一、概况全年完成各项任务。")
    assert (ev.scores["jiezhi"].tp, ev.scores["jiezhi"].fn) == (1, 0)
    assert ev.by_confidence["medium"].tp == 1
    assert (ev.scores["section-gap"].fp, ev.scores["section-gap"].trap) == (1, 1)
    assert ev.by_genre["部门整体支出绩效"].trap == 1
    assert ev.gold_errors == []
    gold["must_not"][0]["calc"] = "1+1==3"
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert [e.split(": ", 1)[1] for e in evaluate_dir(tmp_path).gold_errors] == ["calc 不成立：1+1==3（must_not）"]


def test_generator_is_reproducible_across_processes(tmp_path):
    """Two processes give the same reports and gold (the side streams once hashed the generator's whole state,
    whose None slot hashes by address: the labels of foreign-place and unused-suppression changed per process)."""
    import subprocess
    import sys

    code = "import sys; from pathlib import Path; from reportlint.generate import generate; generate(Path(sys.argv[1]), 12, seed=11, p_defect=0.3)"
    for name in ("a", "b"):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], check=True)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 25
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f
