"""A self-contained HTML report for reviewers: the text with every finding highlighted in place.

One file, no network: CSS and JavaScript are inline, all report text is escaped (jinja2 autoescape).

Reviewers decide on each finding (确认 / 忽略, with an optional note); decisions are kept in the page's
localStorage under a key made of the report's fingerprint set, and exported as a decisions file
(``decisions``) for ``reportlint check --decisions``. Decisions given to the run are shown from the start.
"""

from __future__ import annotations

import hashlib
import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from reportlint import __version__
from reportlint.engine import LintResult
from reportlint.findings import Finding, Severity, location_label
from reportlint.output.text import context_line

_SEV_CN = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass
class Segment:
    text: str
    ids: list[int] = field(default_factory=list)  # findings covering this piece
    starts: list[int] = field(default_factory=list)  # findings that begin here
    severity: str = ""
    title: str = ""


@cache
def _environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("reportlint", "templates"),
                              autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)


def _lines(raw: str, findings: list[Finding]) -> list[dict]:
    """The text cut into lines and segments, each segment with the findings covering it.

    One sweep over the text: cut points are sorted once and found per line by bisection, and the
    findings covering the current segment are kept in an active list (entered in start order, left
    at their end), so the work grows with text + findings + overlaps, not lines x findings.
    ``findings`` must be sorted by ``raw_start``.
    """
    bounds = sorted({0, len(raw)} | {f.raw_start for f in findings} | {f.raw_end for f in findings})
    by_start = sorted(range(len(findings)), key=lambda i: (findings[i].raw_start, i))
    nxt = 0  # next finding (in start order) not yet active
    active: list[int] = []
    pos = 0
    out = []

    def enter(a: int) -> list[int]:
        """Activate the findings starting at or before ``a``; return those starting exactly at ``a``."""
        nonlocal nxt, active
        starts = []
        while nxt < len(by_start) and findings[by_start[nxt]].raw_start <= a:
            i = by_start[nxt]
            active.append(i)
            if findings[i].raw_start == a:
                starts.append(i)
            nxt += 1
        active = [i for i in active if findings[i].raw_end > a or (findings[i].raw_start == a == findings[i].raw_end)]
        return sorted(starts)

    for no, line in enumerate(raw.split("\n"), 1):
        ls, le = pos, pos + len(line)
        lo, hi = bisect_right(bounds, ls), bisect_left(bounds, le)
        cuts = [ls, *bounds[lo:hi], le] if le > ls else [ls]
        segs = []
        for a, b in itertools.pairwise(cuts):
            starts = enter(a)
            cover = sorted(i for i in active if findings[i].raw_start <= a < findings[i].raw_end)
            sev = max((findings[i].severity for i in cover), default=None)
            segs.append(Segment(raw[a:b], cover, starts, str(sev) if sev else "",
                                "\n".join(f"{findings[i].code} {findings[i].message}" for i in cover)))
        # a finding that starts on an empty line still needs its anchor
        if ls == le:
            starts = enter(ls)
            if starts:
                segs.append(Segment("", starts, starts, str(max(findings[i].severity for i in starts))))
        out.append({"no": no, "segments": segs})
        pos = le + 1
    return out


@dataclass
class ReportView:
    """What one report's HTML page shows: its text, findings, context and outline."""

    path: str
    raw: str
    findings: list[Finding]
    context: str
    notes: tuple[str, ...]
    outline: list[dict]

    @classmethod
    def of(cls, result: LintResult) -> ReportView:
        return cls.from_document(result.doc, result.findings, context_line(result.context))

    @classmethod
    def from_document(cls, doc, findings: list[Finding], context: str) -> ReportView:
        outline = [{"label": h.label, "title": h.title, "level": h.level,
                    "line": doc.line_col(doc.offsets[h.start])[0]} for h in doc.headings]
        src = doc.source
        raw = src.original if src is not None and src.original is not None else doc.raw  # .md: as written
        return cls(doc.path, raw, findings, context, src.notes if src else (), outline)


def render(results: list[LintResult | ReportView], title: str = "reportlint 检查报告",
           resolved: list | None = None) -> str:
    """The page; ``resolved``: decisions whose finding is gone (``decisions.apply``), listed in the header."""
    reports = []
    prints: list[str] = []
    for n, item in enumerate(results):
        r = item if isinstance(item, ReportView) else ReportView.of(item)
        findings = sorted(r.findings, key=lambda f: (f.raw_start, f.raw_end))
        lines = _lines(r.raw, findings)
        rule_counts = Counter((f.code, f.rule) for f in findings)
        sev_counts = Counter(f.severity for f in findings)
        outline = r.outline
        prints.extend(f.extra.get("fingerprint", "") for f in findings)
        reports.append({
            "n": n, "path": r.path, "context": r.context,
            "notes": r.notes,
            "findings": [{
                "id": i, "rule": f.rule, "code": f.code, "severity": str(f.severity), "sev_cn": _SEV_CN[f.severity],
                "message": f.message, "suggestion": f.suggestion, "where": location_label(f), "line": f.line,
                "excerpt": f.excerpt, "fingerprint": f.extra.get("fingerprint", ""),
                "decision": f.extra.get("decision") or {},
            } for i, f in enumerate(findings)],
            "lines": lines,
            "rules": sorted(rule_counts.items()),
            "severities": [(str(s), _SEV_CN[s], sev_counts[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)],
            "outline": outline,
        })
    key = hashlib.sha256("\n".join(sorted(prints)).encode()).hexdigest()[:16]
    return _environment().get_template("report.html.j2").render(title=title, reports=reports, version=__version__,
                                                                 index=_index(reports), store_key=key,
                                                                 resolved=[d.to_dict() for d in resolved or ()])


def _index(reports: list[dict]) -> dict | None:
    """A folder page's index: one row per file (counts by severity, link to its section) and the totals
    by severity and by rule. None for a single report."""
    if len(reports) < 2:
        return None
    rows = []
    sev_total: Counter = Counter()
    rule_total: Counter = Counter()
    for r in reports:
        counts = {sev: n for sev, _, n in r["severities"]}
        sev_total.update(counts)
        rule_total.update(dict(r["rules"]))
        rows.append({"n": r["n"], "path": r["path"], "total": len(r["findings"]), **counts})
    return {"rows": rows, "files": len(reports), "total": sum(row["total"] for row in rows),
            "severities": [(str(s), _SEV_CN[s], sev_total[str(s)]) for s in (Severity.ERROR, Severity.WARNING,
                                                                               Severity.INFO)],
            "rules": sorted(rule_total.items(), key=lambda kv: (-kv[1], kv[0]))}
