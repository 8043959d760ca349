"""Stable finding fingerprints: rule + normalised excerpt + the sentence around it + occurrence.

Line numbers and the file's name are deliberately left out, so a fingerprint survives edits elsewhere
in the document (a paragraph inserted above, a page break moved) and a renamed or copied file: a
reviewer's decision (``decisions``) and a baseline entry follow the finding to the report's next version. Identical findings in identical sentences are told
apart by their order (ESLint's "count with context").
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter

from reportlint.findings import Finding
from reportlint.textutil import SENTENCE_ENDS

_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z%.]")


def _norm(s: str) -> str:
    return "".join(_KEEP.findall(s))


_ENDS = re.compile(f"[{SENTENCE_ENDS}；]")


def sentence_ends(raw: str) -> list[int]:
    """Offsets of every sentence end (。；！？) of ``raw``, in order: found once per document."""
    return [m.start() for m in _ENDS.finditer(raw)]


def _sentence_around(raw: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The sentence(s) holding ``raw[start:end]``, at most 200 characters; O(log n) with ``ends``."""
    ends = sentence_ends(raw) if ends is None else ends
    i = bisect.bisect_left(ends, start) - 1  # the last end before start
    lo = ends[i] + 1 if i >= 0 else 0
    j = bisect.bisect_left(ends, end)  # the first end at or after end
    hi = ends[j] if j < len(ends) else len(raw)
    return raw[lo:hi][:200]


def assign(findings: list[Finding], raw: str) -> None:
    """Set ``extra['fingerprint']`` on every finding of one document."""
    seen: Counter[str] = Counter()
    ends = sentence_ends(raw)
    for f in findings:
        excerpt = _norm(raw[f.raw_start:f.raw_end])
        context = _norm(_sentence_around(raw, f.raw_start, f.raw_end, ends))
        base = f"{f.rule}|{excerpt}|{context}"
        seen[base] += 1
        f.extra["fingerprint"] = hashlib.sha256(f"{base}|{seen[base]}".encode()).hexdigest()[:32]
