"""Reviewers' decisions on findings, kept across re-runs of a report.

A decisions file is what the HTML page exports (its 「导出决定」 button)::

    {"tool": "reportlint", "kind": "decisions", "decisions": [
      {"fingerprint": "9f…", "rule": "term-typo", "decision": "dismissed", "note": "专有名词",
       "reviewer": "张三", "time": "2026-11-29T23:50:00Z"}, …]}

(a bare JSON array of such entries is read too, when it holds at least one). ``decision`` is ``confirmed`` (the finding is right and
stays to be fixed) or ``dismissed`` (a false alarm: shown as decided, not counted toward the exit code).
Decisions match findings by fingerprint (``fingerprints``: rule, excerpt, the sentence around it and
its order among identical ones; no line number, no file name), so they survive a paragraph inserted
above, a renamed file and edits elsewhere in the report. A decision whose finding is gone is
*resolved*: the text was fixed, or its sentence rewritten. Files written now say
``"fingerprint_version": 2``; a file without it (version 1) still matches the findings' version-1
prints (``fingerprints.prints_of``), and the run names it as old (``fingerprints.OLD_FILE``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from reportlint.errors import UsageError
from reportlint.findings import Finding, Severity
from reportlint.fingerprints import VERSION, file_version, prints_of

CONFIRMED = "confirmed"
DISMISSED = "dismissed"
DECISIONS = (CONFIRMED, DISMISSED)
LABELS = {CONFIRMED: "已确认", DISMISSED: "已忽略"}
_ALIASES = {"confirm": CONFIRMED, "确认": CONFIRMED, "dismiss": DISMISSED, "忽略": DISMISSED, "ignore": DISMISSED}


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    rule: str
    decision: str  # CONFIRMED | DISMISSED
    note: str = ""
    reviewer: str = ""
    time: str = ""

    def to_dict(self) -> dict:
        return {"fingerprint": self.fingerprint, "rule": self.rule, "decision": self.decision, "note": self.note,
                "reviewer": self.reviewer, "time": self.time}


class DecisionList(list):
    """The decisions of one file, in file order; ``version``: the file's fingerprint version."""

    version: int = VERSION


def parse_decisions(data: object, name: str = "<decisions>") -> DecisionList:
    """Decisions from a decoded decisions file; UsageError naming the first bad entry.

    An empty bare array is refused (nothing in it says it is a decisions file, as ``--baseline``
    refuses it); ``{"kind": "decisions", "decisions": []}`` is a file with no decision yet."""
    entries = data.get("decisions") if isinstance(data, dict) else data
    if not isinstance(entries, list) or (not entries and not isinstance(data, dict)):
        raise UsageError(f"{name}: 不是 reportlint 决定文件（应含 decisions 列表）")
    out = DecisionList()
    out.version = file_version(data)
    for n, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            raise UsageError(f"{name}: 第 {n} 条决定缺少 fingerprint")
        value = str(e.get("decision", "")).strip().lower()
        value = _ALIASES.get(value, value)
        if value not in DECISIONS:
            raise UsageError(f"{name}: 第 {n} 条决定的 decision 应为 confirmed 或 dismissed，而不是 {e.get('decision')!r}")
        out.append(Decision(e["fingerprint"], str(e.get("rule") or ""), value, str(e.get("note") or ""),
                            str(e.get("reviewer") or ""), str(e.get("time") or "")))
    return out


def read_decisions(path: Path) -> DecisionList:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UsageError(f"{path}: 决定文件不存在") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: 无法读取决定文件 ({type(exc).__name__})") from None
    return parse_decisions(data, str(path))


def dump_decisions(decisions: list[Decision]) -> str:
    return json.dumps({"tool": "reportlint", "kind": "decisions", "fingerprint_version": VERSION,
                       "decisions": [d.to_dict() for d in decisions]}, ensure_ascii=False, indent=1)


def _book(decisions: list[Decision]) -> dict[str, Decision]:
    """The last decision per fingerprint (a later entry overrides an earlier one)."""
    return {d.fingerprint: d for d in decisions}


def apply(findings: list[Finding], decisions: list[Decision]) -> list[Decision]:
    """Mark ``extra['decision']`` on every finding a decision matches; return the resolved decisions
    (those whose finding is gone), in file order."""
    book = _book(decisions)
    used = set()
    for f in findings:
        d = match(book, f)
        if d is not None:
            f.extra["decision"] = d.to_dict()
            used.add(d.fingerprint)
    return [d for d in book.values() if d.fingerprint not in used]


def match(book: dict[str, Decision], f: Finding | dict) -> Decision | None:
    """The decision on a finding: by its current fingerprint, else by its version-1 one (an old file)."""
    for p in prints_of(f):
        d = book.get(p)
        if d is not None:
            return d
    return None


def apply_records(records: list[dict], decisions: list[Decision]) -> list[Decision]:
    """As ``apply`` for a scan's records (findings as dicts with ``fingerprint``): sets ``decision``."""
    book = _book(decisions)
    used = set()
    for r in records:
        for f in r.get("findings", ()):
            d = match(book, f)
            if d is not None:
                f["decision"] = d.to_dict()
                used.add(d.fingerprint)
    return [d for d in book.values() if d.fingerprint not in used]


def decision_of(f: Finding | dict) -> str | None:
    d = f.get("decision") if isinstance(f, dict) else f.extra.get("decision")
    return d["decision"] if d else None


def counts(f: Finding) -> bool:
    """Whether a finding counts toward the exit code: warning or error, and not dismissed."""
    return f.severity >= Severity.WARNING and decision_of(f) != DISMISSED


def summary(findings: list[Finding], resolved: list[Decision]) -> list[str]:
    """What the decisions did: counts, then one line per resolved decision (text output, stderr)."""
    n = {d: sum(1 for f in findings if decision_of(f) == d) for d in DECISIONS}
    out = [f"审核决定：已确认 {n[CONFIRMED]} 处，已忽略 {n[DISMISSED]} 处（不计入退出码），"
           f"已解决 {len(resolved)} 项（对应问题已不存在）"]
    for d in resolved:
        who = f"，{d.reviewer}" if d.reviewer else ""
        note = f"，备注：{d.note}" if d.note else ""
        out.append(f"  {d.rule or '?'} {LABELS[d.decision]}{who}{note}（{d.fingerprint[:12]}）")
    return out


def resolved_lines(resolved: list[Decision]) -> list[str]:
    """One line per resolved decision."""
    return summary([], resolved)[1:]
