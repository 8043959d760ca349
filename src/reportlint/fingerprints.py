"""Stable finding fingerprints: rule + normalised excerpt + the sentence around it + occurrence.

Line numbers and the file's name are deliberately left out, so a fingerprint survives edits elsewhere
in the document (a paragraph inserted above, between a heading and the finding, after a table; a page
break moved) and a renamed or copied file: a reviewer's decision (``decisions``) and a baseline entry
follow the finding to the report's next version. Identical findings in identical sentences are told
apart by their order (ESLint's "count with context").

"The sentence around" a finding is bounded by 。；！？, by a paragraph break and by a table cell's
edge (``|``, a tab; a .docx cell is a paragraph of its own): a heading, the cells of a table and the
last clause of the paragraph above never belong to it, so an inserted paragraph leaves it alone.
Paragraphs are the document's (``paragraph_starts``: a PDF's or hard-wrapped text's lines joined by
the reflow), so re-wrapping a paragraph's lines does not change it either; given only the raw text,
every line break is a bound.

Versions (``VERSION``): fingerprints of version 1 (reportlint before 2026-11-30) let the sentence run
back over line breaks to the previous full stop. Every finding still carries its version-1 print
(``extra['fingerprint_v1']``), and baselines and decisions match either (``prints_of``), so an old
file keeps working on the text it was made from; files written now say ``"fingerprint_version": 2``,
and an old one is named so the user can rewrite it (``--write-baseline``, the page's 导出决定).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter

from reportlint.findings import Finding
from reportlint.textutil import SENTENCE_ENDS

VERSION = 2
_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z%.]")


def _norm(s: str) -> str:
    return "".join(_KEEP.findall(s))


_ENDS = re.compile(f"[{SENTENCE_ENDS}；]")  # version 1: full stops only
_BOUNDS = re.compile(f"[{SENTENCE_ENDS}；\n\r\f|\t]")  # version 2 on raw text alone: line breaks too
_STOPS = re.compile(f"[{SENTENCE_ENDS}；|\t]")  # version 2 with the document's paragraphs


def sentence_ends(raw: str, starts: list[int] | None = None) -> list[int]:
    """Offsets of every sentence bound of ``raw`` (。；！？, a cell edge, and the character before each
    paragraph start in ``starts``, raw offsets; without ``starts``, every line break), in order."""
    if starts is None:
        return [m.start() for m in _BOUNDS.finditer(raw)]
    return sorted({m.start() for m in _STOPS.finditer(raw)}.union(s - 1 for s in starts if s > 0))


def paragraph_starts(doc) -> list[int]:
    """The raw offset where each of ``doc``'s paragraphs starts."""
    return [doc.raw_span(p.start, p.end)[0] for p in doc.paragraphs]


def _sentence_around(raw: str, start: int, end: int, ends: list[int] | None = None) -> str:
    """The sentence(s) holding ``raw[start:end]``, at most 200 characters; O(log n) with ``ends``."""
    ends = sentence_ends(raw) if ends is None else ends
    i = bisect.bisect_left(ends, start) - 1  # the last bound before start
    lo = ends[i] + 1 if i >= 0 else 0
    j = bisect.bisect_left(ends, end)  # the first bound at or after end
    hi = ends[j] if j < len(ends) else len(raw)
    return raw[lo:min(hi, lo + 200)]  # never copy a long line to keep 200 characters of it


def _print(rule: str, excerpt: str, context: str, seen: Counter[str]) -> str:
    base = f"{rule}|{excerpt}|{context}"
    seen[base] += 1
    return hashlib.sha256(f"{base}|{seen[base]}".encode()).hexdigest()[:32]


def assign(findings: list[Finding], raw: str, starts: list[int] | None = None) -> None:
    """Set ``extra['fingerprint']`` (version 2) and ``extra['fingerprint_v1']`` on every finding of one
    document; ``starts``: its paragraphs' raw offsets (``paragraph_starts``), else line breaks bound."""
    seen: Counter[str] = Counter()
    seen_v1: Counter[str] = Counter()
    if not findings:
        return
    ends = sentence_ends(raw, starts)
    ends_v1: list[int] | None = None  # found only when a document has findings
    for f in findings:
        excerpt = _norm(raw[f.raw_start:f.raw_end])
        context = _norm(_sentence_around(raw, f.raw_start, f.raw_end, ends))
        f.extra["fingerprint"] = _print(f.rule, excerpt, context, seen)
        if ends_v1 is None:
            ends_v1 = [m.start() for m in _ENDS.finditer(raw)]
        context_v1 = _norm(_sentence_around(raw, f.raw_start, f.raw_end, ends_v1))
        f.extra["fingerprint_v1"] = _print(f.rule, excerpt, context_v1, seen_v1)


def prints_of(f: Finding | dict) -> tuple[str, ...]:
    """A finding's fingerprints, current first then version 1 (a Finding, or a scan record's finding dict)."""
    get = f.get if isinstance(f, dict) else f.extra.get
    return tuple(p for p in (get("fingerprint"), get("fingerprint_v1")) if p)


def file_version(data: object) -> int:
    """The fingerprint version a baseline or decisions file declares (1 when it says none)."""
    v = data.get("fingerprint_version") if isinstance(data, dict) else None
    return v if isinstance(v, int) and v > 0 else 1


def old_file_note(path: object, version: int, how: str, *, legacy: int, unmatched: int) -> str | None:
    """The line telling the user a baseline or decisions file uses old fingerprints, or None: for a
    current file, and for an old one all of whose entries matched current prints (a file put together
    by hand from ``-f json`` output). ``legacy``: entries matched by a version-1 print only;
    ``unmatched``: entries that matched nothing."""
    if version >= VERSION or not (legacy or unmatched):
        return None
    return (f"注意：{path} 使用第 {version} 版问题指纹，仍可匹配未改动的文本，但在标题与问题之间插入段落后可能对不上"
            f"（原有条目会显示为新问题或“已解决”）；{how}即升级为第 {VERSION} 版")
