"""Precision and recall per rule against gold files (``*.gold.json`` beside each report).

A gold file lists, for one report, every defect a careful reviewer marks (``expected``) and places
that look suspicious but are correct (``must_not``), each as a 1-based line and a quote on it. A
finding matches an item when the rules are equal and the spans overlap. Gold files are complete:
a finding that matches no expected item of its rule is a false alarm.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config import Config
from reportlint.engine import lint_path
from reportlint.errors import UsageError
from reportlint.findings import Finding


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    positives: int = 0  # labelled expected items
    negatives: int = 0  # labelled must_not items

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


@dataclass
class Evaluation:
    scores: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    reports: int = 0

    def total(self) -> RuleScore:
        t = RuleScore()
        for s in self.scores.values():
            t.tp += s.tp
            t.fp += s.fp
            t.fn += s.fn
            t.positives += s.positives
            t.negatives += s.negatives
        return t


def _span(lines: list[str], item: dict) -> tuple[tuple[int, int], tuple[int, int]] | None:
    line = item["line"]
    if not 1 <= line <= len(lines):
        return None
    col = lines[line - 1].find(item["quote"])
    if col < 0:
        return None
    return (line, col + 1), (line, col + 1 + len(item["quote"]))


def _fspan(f: Finding):
    return (f.line, f.column), (f.end_line, f.end_column)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_gold(gold_path: Path, result_findings: list[Finding], raw: str, ev: Evaluation) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    lines = raw.split("\n")
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in result_findings:
        by_rule[f.rule].append(f)
    matched: set[int] = set()
    name = gold_path.name.replace(".gold.json", "")
    batch = batch_rules()
    for item in gold["expected"]:
        if item["rule"] in batch:
            continue  # cross-report rules are evaluated by the batch scan
        spans = [s for s in (_span(lines, x) for x in [item, *item.get("alt", [])]) if s]
        if not spans:
            raise UsageError(f"{gold_path}: 第{item['line']}行找不到引文“{item['quote']}”")
        score = ev.scores[item["rule"]]
        score.positives += 1
        hits = [f for f in by_rule.get(item["rule"], []) if any(_overlap(s, _fspan(f)) for s in spans)]
        if hits:
            score.tp += 1
            matched.update(id(f) for f in hits)
        else:
            score.fn += 1
            ev.misses.append(f"{name}:{item['line']}: {item['rule']} 漏报「{item['quote']}」")
    must_not = [(item, _span(lines, item)) for item in gold.get("must_not", [])]
    for item, _ in must_not:
        ev.scores[item["rule"]].negatives += 1
    for f in result_findings:
        if id(f) in matched:
            continue
        ev.scores[f.rule].fp += 1
        hit = next((i for i, s in must_not if s and i["rule"] == f.rule and _overlap(s, _fspan(f))), None)
        label = "（标注为不应报告）" if hit else ""
        ev.false_alarms.append(f"{name}:{f.line}:{f.column}: {f.rule} 误报{label}「{f.excerpt}」{f.message}")


def batch_rules() -> set[str]:
    from reportlint.rules.base import all_rules

    return {r.name for r in all_rules() if r.batch}


def evaluate_dir(folder: Path, config: Config | None = None) -> Evaluation:
    golds = sorted(folder.rglob("*.gold.json"))
    if not golds:
        raise UsageError(f"{folder}: 没有 *.gold.json 标注文件")
    ev = Evaluation()
    for g in golds:
        doc_name = json.loads(g.read_text(encoding="utf-8"))["document"]
        report = g.with_name(doc_name)
        result = lint_path(str(report), config)
        evaluate_gold(g, result.findings, result.doc.raw, ev)
        ev.reports += 1
    return ev


def check_thresholds(ev: Evaluation, thresholds: dict[str, dict[str, float]]) -> list[str]:
    """Rules whose precision or recall fell below the recorded figures."""
    out = []
    for rule, want in thresholds.items():
        s = ev.scores.get(rule)
        if s is None:
            continue
        for metric in ("precision", "recall"):
            got = getattr(s, metric)
            if metric in want and got is not None and got + 1e-9 < want[metric]:
                out.append(f"{rule}: {metric} {got:.3f} < {want[metric]:.3f}")
    return out


def current_thresholds(ev: Evaluation) -> dict[str, dict[str, float]]:
    out = {}
    for rule, s in sorted(ev.scores.items()):
        entry = {}
        if s.precision is not None:
            entry["precision"] = round(s.precision, 3)
        if s.recall is not None:
            entry["recall"] = round(s.recall, 3)
        out[rule] = entry
    return out


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def render_table(ev: Evaluation) -> list[tuple]:
    from reportlint.rules.base import all_rules

    codes = {r.name: r.code for r in all_rules()}
    rows = []
    for rule in sorted(ev.scores, key=lambda r: codes.get(r, r)):
        s = ev.scores[rule]
        rows.append((codes.get(rule, ""), rule, s.tp, s.fp, s.fn, _pct(s.precision), _pct(s.recall), _pct(s.f1),
                     s.positives, s.negatives))
    t = ev.total()
    rows.append(("", "合计", t.tp, t.fp, t.fn, _pct(t.precision), _pct(t.recall), _pct(t.f1), t.positives, t.negatives))
    return rows
