"""Case sheets ``tests/rules/<CODE>.yml``: loading, running one case, and printing actual results.

A sheet::

    rule: sum-mismatch                  # the rule's name (its code is the file name)
    cases:
      - id: parts-exceed-total          # unique within the sheet
        note: "shape from real 311.txt" # where the shape comes from (required)
        fail: "全年支出100万元,其中…"    # a text on which the rule fires …
        spans: ["其中基本支出60万元…"]   # … with exactly these findings, in order
        suggestion: "…"                 # optional: the first finding's suggestion ("" = delete)
        severity: info                  # optional: the first finding's severity
        year: 2024                      # optional context, as --year
        level: county                   # optional context, as --level
        config: {thresholds: {…}}       # optional configuration, as in reportlint.toml
      - id: sum-holds
        note: "…"
        pass: "…"                       # a text on which the rule has no finding

A finding's span is its text in the input (line breaks removed). Only the sheet's rule runs.

``python tests/rule_cases.py tests/rules/N401.yml`` prints what the rule actually reports on each
case (spans, suggestion, severity, message), to fill in a new case.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import yaml

SHEETS = Path(__file__).resolve().parent / "rules"
CASE_KEYS = {"id", "note", "fail", "pass", "spans", "suggestion", "severity", "year", "level", "config"}
SHEET_KEYS = {"rule", "cases"}


def load_sheet(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def sheets() -> list[Path]:
    return sorted(SHEETS.glob("*.yml"))


def all_cases() -> list[tuple[str, str, dict]]:
    """(code, rule name, case) for every case of every sheet."""
    out = []
    for path in sheets():
        sheet = load_sheet(path)
        for case in sheet.get("cases") or []:
            out.append((path.stem, sheet.get("rule"), case))
    return out


def sheet_problems(path: Path) -> list[str]:
    """Format errors of a sheet (unknown keys, duplicate ids, a case neither fail nor pass …)."""
    from reportlint.rules.base import find_rule

    sheet = load_sheet(path)
    problems = []
    if not isinstance(sheet, dict) or set(sheet) - SHEET_KEYS:
        return [f"{path.name}: a sheet has the keys {sorted(SHEET_KEYS)}"]
    r = find_rule(str(sheet.get("rule", "")))
    if r is None or r.code != path.stem:
        problems.append(f"{path.name}: rule {sheet.get('rule')!r} is not the rule of code {path.stem}")
    ids = set()
    for case in sheet.get("cases") or []:
        cid = case.get("id")
        if not cid or cid in ids:
            problems.append(f"{path.name}: missing or duplicate id {cid!r}")
        ids.add(cid)
        if set(case) - CASE_KEYS:
            problems.append(f"{path.name}:{cid}: unknown keys {sorted(set(case) - CASE_KEYS)}")
        if ("fail" in case) == ("pass" in case):
            problems.append(f"{path.name}:{cid}: a case has exactly one of fail / pass")
        if "fail" in case and not isinstance(case.get("spans"), list):
            problems.append(f"{path.name}:{cid}: a fail case lists its spans")
        if "pass" in case and ({"spans", "suggestion", "severity"} & set(case)):
            problems.append(f"{path.name}:{cid}: a pass case has no spans, suggestion or severity")
        if not str(case.get("note") or "").strip():
            problems.append(f"{path.name}:{cid}: every case has a note (where the shape comes from)")
    return problems


def run_case(rule_name: str, case: dict) -> list:
    """The findings of ``rule_name`` alone on the case's text, with the case's context."""
    from reportlint.config import Config, config_from_dict
    from reportlint.engine import lint_text

    cfg = config_from_dict(case["config"], "<case>") if case.get("config") else Config()
    cfg = replace(cfg, select={rule_name}, ignore=set())
    if case.get("year") is not None:
        cfg.evaluation_year = int(case["year"])
    if case.get("level") is not None:
        cfg.unit_level = str(case["level"])
    text = case["fail"] if "fail" in case else case["pass"]
    result = lint_text(text, cfg)
    src = result.doc.source
    raw = src.original if src is not None and src.original is not None else result.doc.raw  # the input as written
    for f in result.findings:
        f.extra["span"] = raw[f.raw_start:f.raw_end].replace("\n", "")
    return [f for f in result.findings if f.rule == rule_name]


def span_of(f) -> str:
    return f.extra["span"]


def main(argv: list[str]) -> None:
    for arg in argv or [str(p) for p in sheets()]:
        path = Path(arg)
        sheet = load_sheet(path)
        print(f"# {path.name} ({sheet['rule']})")
        for case in sheet.get("cases") or []:
            got = run_case(sheet["rule"], case)
            kind = "fail" if "fail" in case else "pass"
            print(f"- {case['id']} [{kind}]: spans {[span_of(f) for f in got]}")
            for f in got:
                print(f"    {f.severity} | {f.message} | suggestion {f.suggestion!r}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    main(sys.argv[1:])
