"""Precision and recall per rule against gold files, and false-alarm rates on clean texts.

Gold format (``NNN.gold.json`` beside ``NNN.txt``; the shared corpus's format, see
``corpora/real/README.shared.md``)::

    {"document": "311.txt", "genre": "…", "evaluation_year": 2022, "unit_level": "county",
     "expected":   [{"rule", "line", "quote", "why", "confidence": "high"|"medium", "calc"?}],
     "must_not":   [{"rule", "line", "quote", "why", "calc"?}],
     "borderline": [{"rule", "line", "quote", "why"}]}

Scoring (the same as ``../shared/tools/score_corpus.py``): a finding matches an item when the rule names
agree and its span overlaps the quote (first occurrence on the 1-based line). A finding that overlaps a
``borderline`` quote is neither hit nor false alarm. Every other unmatched finding is a false alarm; one
that overlaps a ``must_not`` quote of its rule is also counted as a *trap* hit. ``evaluation_year`` and
``unit_level`` are passed as context, as ``--year`` / ``--level`` would be. Every ``calc`` expression is
evaluated (with ``len abs round sum min max`` only) and must be true: a false one is a gold error.

A report without a gold file is a *clean* text: every finding on it is presumed false, and the figures are
findings per 100,000 characters by severity.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.config import Config, ConfigResolver, merge
from reportlint.engine import lint_source
from reportlint.errors import ReportlintError, UsageError
from reportlint.findings import Finding
from reportlint.source import load_source

TEXT_SUFFIXES = (".txt", ".md")
CALC_BUILTINS = {"len": len, "abs": abs, "round": round, "sum": sum, "min": min, "max": max}


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    trap: int = 0  # false alarms that fall on a must_not item of the same rule (included in fp)
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

    def add(self, other: RuleScore) -> None:
        for k in ("tp", "fp", "fn", "trap", "positives", "negatives"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "trap": self.trap, "positives": self.positives,
                "negatives": self.negatives, "precision": _round(self.precision), "recall": _round(self.recall),
                "f1": _round(self.f1)}


@dataclass
class CleanStats:
    """Findings on texts presumed clean."""

    reports: int = 0
    chars: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)

    def per_100k(self, severity: str | None = None) -> float:
        n = self.by_severity[severity] if severity else sum(self.by_severity.values())
        return n * 100_000 / self.chars if self.chars else 0.0

    def as_dict(self) -> dict:
        return {"reports": self.reports, "chars": self.chars, "findings": sum(self.by_severity.values()),
                "errors": self.by_severity["error"], "warnings": self.by_severity["warning"],
                "info": self.by_severity["info"], "per_100k": round(self.per_100k(), 2),
                "errors_per_100k": round(self.per_100k("error"), 2), "by_rule": dict(self.by_rule.most_common())}


@dataclass
class Evaluation:
    scores: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    by_confidence: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    by_genre: dict[str, RuleScore] = field(default_factory=lambda: defaultdict(RuleScore))
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    gold_errors: list[str] = field(default_factory=list)
    reports: int = 0  # reports with a gold file
    clean: CleanStats = field(default_factory=CleanStats)

    def total(self) -> RuleScore:
        t = RuleScore()
        for s in self.scores.values():
            t.add(s)
        return t

    def as_dict(self) -> dict:
        return {"reports": self.reports, "total": self.total().as_dict(),
                "rules": {r: s.as_dict() for r, s in sorted(self.scores.items())},
                "by_confidence": {c: s.as_dict() for c, s in sorted(self.by_confidence.items())},
                "by_genre": {g: s.as_dict() for g, s in sorted(self.by_genre.items())},
                "clean": self.clean.as_dict() if self.clean.reports else None,
                "misses": self.misses, "false_alarms": self.false_alarms, "gold_errors": self.gold_errors}


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


# Genre families for reporting, by the words of the gold file's free-text genre (first match wins).
GENRE_FAMILIES = (
    ("政府信息公开工作年度报告", ("信息公开工作年度报告", "信息公开年度报告")),
    ("政府工作报告", ("政府工作报告",)),
    ("项目支出绩效", ("项目支出", "项目绩效", "专项资金", "项目重点绩效", "绩效评价报告")),
    ("部门整体支出绩效", ("整体支出", "部门绩效", "单位绩效")),
    ("决算说明", ("决算",)),
    ("预算说明", ("预算",)),
    ("工作总结", ("总结", "工作计划", "法治政府", "自查报告", "工作报告")),
)


def genre_family(genre: str) -> str:
    for family, words in GENRE_FAMILIES:
        if any(w in genre for w in words):
            return family
    return "其他"


def _span(lines: list[str], item: dict) -> tuple[tuple[int, int], tuple[int, int]] | None:
    line = item["line"]
    if not 1 <= line <= len(lines):
        return None
    col = lines[line - 1].find(item["quote"])
    if col < 0:
        return None
    return (line, col + 1), (line, col + 1 + len(item["quote"]))


def _fspan(f: Finding):
    start = (f.line, f.column)
    end = (f.end_line, f.end_column)
    return start, end if end > start else (f.line, f.column + 1)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check_calc(expr: str) -> bool | None:
    """The value of a gold ``calc`` expression, evaluated with only ``CALC_BUILTINS``; None if it fails."""
    try:
        # gold files are project data; any error in an expression is reported as a gold error
        return bool(eval(expr, {"__builtins__": CALC_BUILTINS}, {}))
    except Exception:
        return None


def load_gold(gold_path: Path) -> dict:
    try:
        return json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"{gold_path}: 无法读取标注文件（{exc}）") from exc


def gold_context(gold: dict) -> dict:
    """Context overrides a gold file states: evaluation_year and unit_level."""
    out = {}
    year = gold.get("evaluation_year") or gold.get("context", {}).get("evaluation_year")
    if year:
        out["evaluation_year"] = int(str(year)[:4])
    level = gold.get("unit_level") or gold.get("context", {}).get("unit_level")
    if level:
        out["unit_level"] = str(level).split()[0]
    return out


def evaluate_gold(gold_path: Path, gold: dict, findings: list[Finding], raw: str, ev: Evaluation) -> None:
    lines = raw.split("\n")
    name = gold_path.name.replace(".gold.json", "")
    batch = batch_rules()
    genre = ev.by_genre[genre_family(str(gold.get("genre", "")))]
    for kind in ("expected", "must_not", "borderline"):
        for item in gold.get(kind, []):
            if _span(lines, item) is None:
                ev.gold_errors.append(f"{name}:{item.get('line')}: 找不到引文“{item.get('quote')}”（{kind}）")
            if "calc" in item and check_calc(item["calc"]) is not True:
                ev.gold_errors.append(f"{name}:{item.get('line')}: calc 不成立：{item['calc']}（{kind}）")
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    matched: set[int] = set()
    for item in gold.get("expected", []):
        if item["rule"] in batch:
            continue  # cross-report rules are evaluated by the batch scan
        spans = [s for s in (_span(lines, x) for x in [item, *item.get("alt", [])]) if s]
        if not spans:
            continue
        score = ev.scores[item["rule"]]
        conf = ev.by_confidence[item.get("confidence", "high")]
        score.positives += 1
        hits = [f for f in by_rule.get(item["rule"], []) if any(_overlap(s, _fspan(f)) for s in spans)]
        for s in (score, conf, genre):
            if hits:
                s.tp += 1
            else:
                s.fn += 1
        if hits:
            matched.update(id(f) for f in hits)
        else:
            ev.misses.append(f"{name}:{item['line']}: {item['rule']} 漏报「{item['quote']}」")
    for item in gold.get("borderline", []):
        s = _span(lines, item)
        if s:
            matched.update(id(f) for f in findings if _overlap(s, _fspan(f)))
    must_not = [(item, _span(lines, item)) for item in gold.get("must_not", [])]
    for item, _ in must_not:
        ev.scores[item["rule"]].negatives += 1
    for f in findings:
        if id(f) in matched:
            continue
        score = ev.scores[f.rule]
        score.fp += 1
        genre.fp += 1
        hit = next((i for i, s in must_not if s and i["rule"] == f.rule and _overlap(s, _fspan(f))), None)
        if hit:
            score.trap += 1
            genre.trap += 1
        label = "（落在不应报告处）" if hit else ""
        ev.false_alarms.append(f"{name}:{f.line}:{f.column}: {f.rule} 误报{label}「{f.excerpt}」{f.message}")


def batch_rules() -> set[str]:
    from reportlint.rules.base import all_rules

    return {r.name for r in all_rules() if r.batch}


def _reports(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
                  and not p.name.startswith("README") and p.parent.name != "__pycache__")


def evaluate_dir(folder: Path, config: Config | None = None) -> Evaluation:
    """Score every report of ``folder`` (recursively): against its gold file, or as a clean text.

    Configuration comes from ``config`` if given, else from the nearest ``reportlint.toml`` of each report
    (so ``corpora/real/reportlint.toml`` can switch off a rule the store's normalisation makes noisy).
    """
    reports = _reports(folder)
    if not reports:
        raise UsageError(f"{folder}: 没有可评测的 .txt/.md 报告")
    resolver = ConfigResolver(None, {})
    ev = Evaluation()
    for report in reports:
        gold_path = report.with_name(report.stem + ".gold.json")
        base = config or resolver.for_file(report)
        try:
            src = load_source(report)
        except ReportlintError as exc:
            ev.gold_errors.append(f"{report.name}: {exc}")
            continue
        if gold_path.is_file():
            gold = load_gold(gold_path)
            result = lint_source(src, merge(base, **gold_context(gold)))
            src = result.doc.source  # the file as written (suppression comments are blanked for the rules)
            raw = src.original if src is not None and src.original is not None else result.doc.raw
            evaluate_gold(gold_path, gold, result.findings, raw, ev)
            ev.reports += 1
        else:
            result = lint_source(src, base)
            ev.clean.reports += 1
            ev.clean.chars += len(re.sub(r"\s", "", result.doc.raw))
            for f in result.findings:
                ev.clean.by_severity[str(f.severity)] += 1
                ev.clean.by_rule[f.rule] += 1
    return ev


# ---- thresholds -------------------------------------------------------------------------------------------

def thresholds_for(data: dict, folder: Path) -> dict:
    """The section of a thresholds file for ``folder``: ``data[folder.name]`` when the file is sectioned
    (``{"real": {...}, "clean": {...}}``), else the whole file (``{rule: {"precision", "recall"}}``)."""
    if folder.name in data and isinstance(data[folder.name], dict):
        return data[folder.name]
    if "rules" in data or "clean" in data:
        return data
    return {"rules": data}


def check_thresholds(ev: Evaluation, section: dict) -> list[str]:
    """Figures that fell below (or, for false-alarm rates, rose above) the recorded ones."""
    out = []
    for rule, want in section.get("rules", {}).items():
        s = ev.scores.get(rule)
        if s is None:
            continue
        for metric in ("precision", "recall"):
            got = getattr(s, metric)
            if metric in want and got is not None and got + 1e-9 < want[metric]:
                out.append(f"{rule}: {metric} {got:.3f} < {want[metric]:.3f}")
        if "max_trap" in want and s.trap > want["max_trap"]:
            out.append(f"{rule}: trap {s.trap} > {want['max_trap']}")
    total = section.get("total", {})
    t = ev.total()
    for metric in ("precision", "recall"):
        got = getattr(t, metric)
        if metric in total and got is not None and got + 1e-9 < total[metric]:
            out.append(f"total: {metric} {got:.3f} < {total[metric]:.3f}")
    clean = section.get("clean")
    if clean and ev.clean.reports:
        c = ev.clean.as_dict()
        for key in ("errors", "findings", "per_100k"):
            limit = clean.get(f"max_{key}")
            if limit is not None and c[key] > limit + 1e-9:
                out.append(f"clean: {key} {c[key]} > {limit}")
    return out


def current_thresholds(ev: Evaluation) -> dict:
    """The figures of ``ev`` in the thresholds-file format (one section)."""
    out: dict = {}
    if ev.reports:
        rules = {}
        for rule, s in sorted(ev.scores.items()):
            entry = {}
            if s.precision is not None:
                entry["precision"] = round(math.floor(s.precision * 1000) / 1000, 3)
            if s.recall is not None:
                entry["recall"] = round(math.floor(s.recall * 1000) / 1000, 3)
            entry["max_trap"] = s.trap
            rules[rule] = entry
        t = ev.total()
        out["rules"] = rules
        out["total"] = {k: round(math.floor(v * 1000) / 1000, 3) for k, v in
                        (("precision", t.precision), ("recall", t.recall)) if v is not None}
    if ev.clean.reports:
        c = ev.clean.as_dict()
        out["clean"] = {"max_errors": c["errors"], "max_findings": c["findings"],
                        "max_per_100k": math.ceil(c["per_100k"] * 100) / 100,
                        "budget": {"errors": 0, "per_100k": 1.0}}
    return out


# ---- rendering --------------------------------------------------------------------------------------------

def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def render_table(ev: Evaluation) -> list[tuple]:
    """Rows: code, rule, TP, FP, of which on traps, FN, precision, recall, F1, positives, negatives."""
    from reportlint.rules.base import all_rules

    codes = {r.name: r.code for r in all_rules()}
    rows = []
    for rule in sorted(ev.scores, key=lambda r: (codes.get(r, "~"), r)):
        s = ev.scores[rule]
        rows.append((codes.get(rule, ""), rule, s.tp, s.fp, s.trap, s.fn, _pct(s.precision), _pct(s.recall),
                     _pct(s.f1), s.positives, s.negatives))
    t = ev.total()
    rows.append(("", "合计", t.tp, t.fp, t.trap, t.fn, _pct(t.precision), _pct(t.recall), _pct(t.f1), t.positives,
                 t.negatives))
    return rows


def render_groups(groups: dict[str, RuleScore], recall_only: bool = False) -> list[tuple]:
    """Rows per group: name, TP, FP, of which on traps, FN, precision, recall (FP columns blank when the
    groups are of expected items only, as confidence is)."""
    if recall_only:
        return [(k, s.tp, "", "", s.fn, "", _pct(s.recall)) for k, s in sorted(groups.items())]
    return [(k, s.tp, s.fp, s.trap, s.fn, _pct(s.precision), _pct(s.recall)) for k, s in sorted(groups.items())]
