"""SARIF 2.1.0 output (rules with names, codes and descriptions; results with regions and fingerprints)."""

from __future__ import annotations

import json
from pathlib import Path

from reportlint import __version__
from reportlint.findings import Finding, Severity
from reportlint.rules.base import all_rules
from reportlint.rules.ruledoc import help_markdown, help_text, parse

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(findings: list[Finding]) -> str:
    rules = all_rules()
    index = {r.name: i for i, r in enumerate(rules)}
    driver = {
        "name": "reportlint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/reportlint/",
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": parse(r.doc).sections.get("Finds") or r.summary},
            "help": {"text": f"{help_text(r)}\n\n会报告：{r.fires.strip()}\n不会报告：{r.silent.strip()}",
                     "markdown": help_markdown(r)},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"family": r.family},
        } for r in rules],
    }
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
        if f.excerpt:
            region["snippet"] = {"text": f.excerpt}
        result = {
            "ruleId": f.code,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": f"[{f.rule}] {f.message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": Path(f.path).as_posix()},
                "region": region,
            }}],
            "partialFingerprints": {"reportlintFingerprint/v2": f.extra.get("fingerprint", "")},
        }
        props = {k: v for k, v in (("page", f.page), ("pageLine", f.page_line), ("paragraph", f.paragraph),
                                   ("table", f.table)) if v is not None}
        if props:
            result["properties"] = props
        if f.suggestion:
            result["fixes"] = [{"description": {"text": f"建议：{f.suggestion}"}, "artifactChanges": [{
                "artifactLocation": {"uri": Path(f.path).as_posix()},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.suggestion}}],
            }]}]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=1)
