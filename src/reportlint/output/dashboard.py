"""The batch scan dashboard (index.html): reports table, findings by rule and by unit, copy clusters.

Units and reports are ranked by the errors and warnings of the *content* rules (numbers, time,
wording, structure, copying); the *style* rules (family ``form``: half-width punctuation, unpaired
marks, PDF residue, document-number format, unused suppressions) are counted in a column of their
own, so a report written with half-width commas throughout does not top the ranking over one with a
wrong year or a sum that does not add up.

Charts are inline SVG drawn here; the page is self-contained (no network, no chart library). A scan
adds its records one at a time (``Tally.add``): the parent keeps the charts' counts, and the table's
rows go to a temporary file that the template streams into index.html, so a scan of 100,000
reports never holds their rows (or the page) in memory.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from reportlint import __version__
from reportlint.crossdoc import unit_key
from reportlint.output.html import _environment

STYLE_FAMILIES = frozenset({"form"})  # rule families counted apart from the content ranking


def _style_rules() -> frozenset[str]:
    from reportlint.rules.base import all_rules

    return frozenset(r.name for r in all_rules() if r.family in STYLE_FAMILIES)


def _split(findings: list[dict], style: frozenset[str]) -> tuple[Counter, int, Counter]:
    """(content findings by severity, style findings, content findings by rule)."""
    sev: Counter = Counter()
    rules: Counter = Counter()
    n_style = 0
    for f in findings:
        if f["rule"] in style:
            n_style += 1
        else:
            sev[f["severity"]] += 1
            rules[f["rule"]] += 1
    return sev, n_style, rules


def _bars(items: list[tuple[str, int]], width: int = 520, bar_h: int = 18) -> dict:
    top = max((n for _, n in items), default=1) or 1
    rows = []
    for i, (label, n) in enumerate(items):
        rows.append({"y": i * (bar_h + 6), "label": label, "n": n, "w": max(1, int((width - 240) * n / top))})
    return {"rows": rows, "height": max(bar_h, len(items) * (bar_h + 6)), "width": width}


def _href(page: str | None) -> str | None:
    """A relative link to a record's page, percent-encoded so # ? % and spaces in a name cannot break it."""
    return quote(page, safe="/") if page else None


def _row(r: dict, style: frozenset[str]) -> dict:
    sev, n_style, rules = _split(r["findings"], style)
    return {
        "file": r["file"], "name": Path(r["file"]).name, "page": _href(r.get("page")), "unit": r["unit"] or "",
        "level": r["level"] or "", "year": r["evaluation_year"] or "", "filing": r["filing_date"] or "",
        "status": r["status"], "message": r["message"], "errors": sev["error"], "warnings": sev["warning"],
        "infos": sev["info"], "style": n_style, "total": len(r["findings"]),
        "top": "、".join(f"{rule}×{n}" for rule, n in (rules or Counter(r["counts"])).most_common(3)),
    }


class Tally:
    """The dashboard's data, gathered one record at a time (records with their final findings)."""

    def __init__(self) -> None:
        self.by_rule: Counter = Counter()
        self.by_unit: dict[str, list[int]] = {}  # unit -> [content errors, content warnings, style findings]
        self.sev: Counter = Counter()  # content findings by severity
        self.style_total = 0
        self._style = _style_rules()
        self.status: dict[str, list[int]] = {}  # unit -> [open, confirmed, dismissed] content findings (``--decisions``)
        self.no_unit = 0  # reports checked whose unit was not recognised: left out of the cross-unit step
        self.failed: list[dict] = []
        self.other_place: list[dict] = []
        self.n = self.ok = 0
        self._rows = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed in write())

    def add(self, r: dict) -> None:
        unit = r["unit"] or Path(r["file"]).name
        c = self.status.setdefault(unit, [0, 0, 0])
        for f in r["findings"]:  # content findings: the style rules (comma style …) do not rank a unit here either
            if f["rule"] not in self._style:
                c[("open", "confirmed", "dismissed").index((f.get("decision") or {}).get("decision", "open"))] += 1
        if r["status"] == "ok" and not unit_key(r["unit"]):
            self.no_unit += 1
        self.by_rule.update(r["counts"])
        row = _row(r, self._style)
        u = self.by_unit.setdefault(unit, [0, 0, 0])
        u[0] += row["errors"]
        u[1] += row["warnings"]
        u[2] += row["style"]
        self.sev.update({"error": row["errors"], "warning": row["warnings"], "info": row["infos"]})
        self.style_total += row["style"]
        self.n += 1
        self.ok += r["status"] == "ok"
        if r["status"] != "ok":  # the message names the file already: the list shows it once
            prefix = f"{r['file']}: "
            self.failed.append(row | {"message": row["message"].removeprefix(prefix)} if row["message"] else row)
        page = _href(r.get("page"))
        self.other_place += [{"file": r["file"], "unit": r["unit"] or "", "line": f["line"], "message": f["message"],
                              "page": page} for f in r["findings"] if f["rule"] == "foreign-place"]
        self._rows.write(json.dumps(row, ensure_ascii=False) + "\n")

    def unit_ranking(self) -> list[tuple[str, int]]:
        """Units with content errors or warnings, in the order of the chart's bars: errors + warnings
        (the bar's length) first, then errors, then name: (unit, errors + warnings). Style findings do
        not rank a unit."""
        ranked = sorted(((u, c) for u, c in self.by_unit.items() if c[0] + c[1]),
                        key=lambda uc: (-(uc[1][0] + uc[1][1]), -uc[1][0], uc[0]))
        return [(u, c[0] + c[1]) for u, c in ranked]

    def _rows_back(self) -> Iterator[dict]:
        self._rows.seek(0)
        for line in self._rows:
            yield json.loads(line)

    def write(self, path: Path, clusters: list[dict], pages: dict[str, str | None]) -> None:
        """Stream index.html to ``path``. ``clusters``: clusters.json's entries; ``pages``: the page of
        each file named in a cluster."""
        from reportlint.rules.base import all_rules

        codes = {r.name: r.code for r in all_rules()}
        for c in clusters:
            for m in c["members"]:
                m["page"] = _href(pages.get(m["file"]))
        shown = [c for c in clusters if not c["template"]]
        stream = _environment().get_template("dashboard.html.j2").generate(
            version=__version__, rows=self._rows_back(), n=self.n, ok=self.ok, failed=self.failed, sev=self.sev,
            rule_chart=_bars([(f"{codes.get(k, '')} {k}", v) for k, v in self.by_rule.most_common()]),
            unit_chart=_bars(self.unit_ranking()[:30]), style_total=self.style_total,
            clusters=shown, templates=[c for c in clusters if c["template"]],
            kinds=[(label, [c for c in shown if c.get("kind", "cross-unit") == kind])
                   for kind, label in (("same-unit", "同一单位跨年度沿用"), ("cross-unit", "不同单位之间雷同"))],
            other_place=self.other_place, no_unit=self.no_unit,
            decisions=({"unit": u, "open": c[0], "confirmed": c[1], "dismissed": c[2]}
                       for u, c in sorted(self.status.items(), key=lambda kv: (-kv[1][0], kv[0])) if sum(c)))
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.writelines(stream)
        finally:
            self._rows.close()


def render(records: list[dict], clusters: list[dict]) -> str:
    """The whole page as a string (small scans and tests); a scan streams it with ``Tally``."""
    tally = Tally()
    for r in records:
        tally.add(r)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "index.html"
        tally.write(target, clusters, {r["file"]: r.get("page") for r in records})
        return target.read_text(encoding="utf-8")
