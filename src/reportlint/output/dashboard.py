"""The batch scan dashboard (index.html): reports table, findings by rule and by unit, copy clusters.

Charts are inline SVG drawn here; the page is self-contained (no network, no chart library).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import quote

from reportlint import __version__
from reportlint.output.html import _environment


def _bars(items: list[tuple[str, int]], width: int = 520, bar_h: int = 18) -> dict:
    top = max((n for _, n in items), default=1) or 1
    rows = []
    for i, (label, n) in enumerate(items):
        rows.append({"y": i * (bar_h + 6), "label": label, "n": n, "w": max(1, int((width - 240) * n / top))})
    return {"rows": rows, "height": max(bar_h, len(items) * (bar_h + 6)), "width": width}


def _href(page: str | None) -> str | None:
    """A relative link to a record's page, percent-encoded so # ? % and spaces in a name cannot break it."""
    return quote(page, safe="/") if page else None


def render(records: list[dict], clusters: list[dict]) -> str:
    from reportlint.rules.base import all_rules

    codes = {r.name: r.code for r in all_rules()}
    by_rule = Counter()
    by_unit = Counter()
    status: dict[str, Counter] = {}  # unit -> open / confirmed / dismissed (``--decisions``)
    for r in records:
        unit = r["unit"] or Path(r["file"]).name
        c = status.setdefault(unit, Counter())
        for f in r["findings"]:
            c[(f.get("decision") or {}).get("decision", "open")] += 1
    for r in records:
        by_rule.update(r["counts"])
        by_unit[r["unit"] or Path(r["file"]).name] += len(r["findings"])
    sev = Counter()
    for r in records:
        sev.update(r["severities"])
    rows = [{
        "file": r["file"], "name": Path(r["file"]).name, "page": _href(r.get("page")), "unit": r["unit"] or "",
        "level": r["level"] or "", "year": r["evaluation_year"] or "", "filing": r["filing_date"] or "",
        "status": r["status"], "message": r["message"], "errors": r["severities"].get("error", 0),
        "warnings": r["severities"].get("warning", 0), "infos": r["severities"].get("info", 0),
        "total": len(r["findings"]),
        "top": "、".join(f"{rule}×{n}" for rule, n in Counter(r["counts"]).most_common(3)),
    } for r in records]
    return _environment().get_template("dashboard.html.j2").render(
        version=__version__, rows=rows, n=len(records), ok=sum(1 for r in records if r["status"] == "ok"),
        failed=[r for r in rows if r["status"] != "ok"], sev=sev,
        rule_chart=_bars([(f"{codes.get(k, '')} {k}", v) for k, v in by_rule.most_common()]),
        unit_chart=_bars(by_unit.most_common(30)),
        clusters=[c for c in clusters if not c["template"]], templates=[c for c in clusters if c["template"]],
        kinds=[(label, [c for c in clusters if not c["template"] and c.get("kind", "cross-unit") == kind])
               for kind, label in (("same-unit", "同一单位跨年度沿用"), ("cross-unit", "不同单位之间雷同"))],
        other_place=[{"file": r["file"], "unit": r["unit"] or "", "line": f["line"], "message": f["message"]}
                     for r in records for f in r["findings"] if f["rule"] == "foreign-place"],
        pages={r["file"]: _href(r.get("page")) for r in records},
        decisions=[{"unit": u, "open": c["open"], "confirmed": c["confirmed"], "dismissed": c["dismissed"]}
                   for u, c in sorted(status.items(), key=lambda kv: (-kv[1]["open"], kv[0]))])
