"""JSON output: an array of findings with 1-based, end-exclusive positions in the original file.

With the files' contexts, each finding also carries ``context``: the report's genre, evaluation
year, filing date, unit, level and parent places, each with the source it was read from
(``Context.describe``).
"""

from __future__ import annotations

import json

from reportlint.findings import Finding


def render(findings: list[Finding], contexts: dict[str, dict] | None = None) -> str:
    rows = []
    for f in findings:
        d = f.to_dict()
        if contexts and f.path in contexts:
            d["context"] = contexts[f.path]
        rows.append(d)
    return json.dumps(rows, ensure_ascii=False, indent=1)
