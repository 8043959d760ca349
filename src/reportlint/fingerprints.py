"""Stable finding fingerprints: rule + normalised excerpt + the sentence around it + occurrence.

Line numbers are deliberately left out, so a fingerprint survives edits elsewhere in the document
(a paragraph inserted above, a page break moved). Identical findings in identical sentences are told
apart by their order (ESLint's "count with context").
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

from reportlint.findings import Finding

_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z%.]")


def _norm(s: str) -> str:
    return "".join(_KEEP.findall(s))


def _sentence_around(raw: str, start: int, end: int) -> str:
    lo = max(raw.rfind(ch, 0, start) for ch in "。；！？") + 1
    his = [i for i in (raw.find(ch, end) for ch in "。；！？") if i >= 0]
    hi = min(his) if his else len(raw)
    return raw[lo:hi][:200]


def assign(findings: list[Finding], raw: str) -> None:
    """Set ``extra['fingerprint']`` on every finding of one document."""
    seen: Counter[str] = Counter()
    for f in findings:
        excerpt = _norm(raw[f.raw_start:f.raw_end])
        context = _norm(_sentence_around(raw, f.raw_start, f.raw_end))
        base = f"{Path(f.path).name}|{f.rule}|{excerpt}|{context}"
        seen[base] += 1
        f.extra["fingerprint"] = hashlib.sha256(f"{base}|{seen[base]}".encode()).hexdigest()[:32]
