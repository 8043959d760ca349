"""The evaluation command on the labelled corpus, and the report generator."""

import json
import shutil

import pytest

from reportlint.evaluate import evaluate_dir
from reportlint.generate import generate
from reportlint.rules.base import all_rules

from conftest import CORPORA, run_cli


@pytest.fixture(scope="module")
def corpus_eval():
    return evaluate_dir(CORPORA)


def test_corpus_meets_recorded_thresholds():
    r = run_cli("evaluate", str(CORPORA), "--thresholds", str(CORPORA / "thresholds.json"))
    assert r.returncode == 0, r.stderr
    assert "reportlint evaluate：14 份报告" in r.stdout
    for rule in all_rules():
        if not rule.batch:
            assert rule.name in r.stdout


def test_every_rule_has_three_positive_and_three_negative_labels(corpus_eval):
    thin = [(r.name, corpus_eval.scores[r.name].positives, corpus_eval.scores[r.name].negatives)
            for r in all_rules() if not r.batch
            and (corpus_eval.scores[r.name].positives < 3 or corpus_eval.scores[r.name].negatives < 3)]
    assert thin == []


def test_thresholds_file_covers_every_rule():
    recorded = json.loads((CORPORA / "thresholds.json").read_text(encoding="utf-8"))
    assert {r.name for r in all_rules() if not r.batch} <= set(recorded)


def test_evaluate_reports_misses_false_alarms_and_fails_thresholds(tmp_path):
    for name in ("110_wording_county.txt", "110_wording_county.gold.json"):
        shutil.copy(CORPORA / name, tmp_path / name)
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
    assert data["rules"]["score-grade"]["recall"] == 0.0
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
