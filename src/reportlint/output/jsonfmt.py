"""JSON output: an array of findings with 1-based, end-exclusive positions in the original file."""

from __future__ import annotations

import json

from reportlint.findings import Finding


def render(findings: list[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1)
