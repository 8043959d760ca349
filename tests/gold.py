"""Matching findings against a gold file, exactly as ../shared/tools/score_gold.py does."""

from __future__ import annotations


def quote_span(lines: list[str], line: int, quote: str):
    col = lines[line - 1].find(quote)
    assert col >= 0, f"gold quote not on line {line}: {quote}"
    return (line, col + 1), (line, col + 1 + len(quote))


def overlap(a, b) -> bool:
    (as_, ae), (bs, be) = a, b
    return as_ < be and bs < ae


def match_gold(gold: dict, raw_text: str, findings, rules: set[str] | None = None):
    """Return (missed expected items, must_not items hit), limited to ``rules`` if given."""
    lines = raw_text.split("\n")
    spans: dict[str, list] = {}
    for f in findings:
        spans.setdefault(f.rule, []).append(((f.line, f.column), (f.end_line, f.end_column)))
    missed, false = [], []
    for e in gold["expected"]:
        if rules is not None and e["rule"] not in rules:
            continue
        qs = [quote_span(lines, a["line"], a["quote"]) for a in [e, *e.get("alt", [])]]
        if not any(overlap(q, s) for q in qs for s in spans.get(e["rule"], [])):
            missed.append(e)
    for e in gold.get("must_not", []):
        if rules is not None and e["rule"] not in rules:
            continue
        q = quote_span(lines, e["line"], e["quote"])
        if any(overlap(q, s) for s in spans.get(e["rule"], [])):
            false.append(e)
    return missed, false
