"""Heading helpers shared by the structure rules: sibling runs, labels, spans and descriptions.

Runs come from ``document.headings.sibling_runs``: one marker family under one parent, split where a
list starts again at 1 (a new list, not a step back). Tables of contents are checked as their own
tree and against the body (``toc_against_body``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reportlint.document.headings import sibling_runs as _runs
from reportlint.document.markers import kind_label, marker_label
from reportlint.document.model import Document, Heading

LEVEL_NAMES = {0: "部分", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题", 5: "五级标题"}
_OWN_FORM = ("decimal2", "decimal3", "rparen", "part", "chapter", "section", "article")


def sibling_runs(headings: list[Heading]) -> list[list[Heading]]:
    """Siblings: headings of one marker family under one parent, in document order (see module doc)."""
    return _runs(headings)


def all_runs(doc: Document) -> Iterator[list[Heading]]:
    """Sibling runs of the body's headings, then of the table of contents."""
    yield from _runs(doc.headings)
    yield from _runs(doc.toc)


def label(h: Heading, number: int) -> str:
    """Marker ``number`` in the family of ``h`` (一、 （一） 1. （1） ①, 1.2, 第二部分 …)."""
    if h.kind in _OWN_FORM:
        return kind_label(h.kind, number, h.prefix, h.marker)
    return marker_label(h.level, number)


def level_name(h: Heading) -> str:
    if h.kind.startswith("decimal"):
        return "小节"
    if h.kind in ("part", "chapter", "section", "article"):
        return {"part": "部分", "chapter": "章", "section": "节", "article": "条"}[h.kind]
    return LEVEL_NAMES.get(h.level, "标题")


def span(h: Heading) -> tuple[int, int]:
    """The heading's marker and title."""
    return h.start, max(h.title_end, h.end)


def desc(h: Heading) -> str:
    return f"{h.label}{h.title}"


def parent_desc(h: Heading) -> str:
    where = "目录中" if h.toc else ""
    if h.parent is not None:
        return f"{where}「{h.parent.label}{h.parent.title}」下"
    return where or "顶层"


def lost_between(doc: Document, a: Heading, b: Heading) -> bool:
    """A heading that lost its number (reported by section-style) lies between ``a`` and ``b``."""
    lost = doc.lost_markers  # sorted by start
    i = bisect.bisect_right(lost, (a.start, len(doc.text) + 1, ""))
    return i < len(lost) and lost[i][0] < b.start


def norm_title(s: str) -> str:
    return re.sub(r"[\s:：。.．,，、;；()（）“”\"'¨…·]", "", s)


def toc_against_body(doc: Document) -> Iterator[tuple[Heading, Heading | None]]:
    """(entry, body heading) for each table-of-contents entry whose title the body uses under another
    number; (entry, None) for an entry missing from the body while its neighbours are there."""
    if not doc.toc or not doc.headings:
        return
    by_title: dict[str, list[Heading]] = {}
    for h in doc.headings:
        if not h.inline:
            by_title.setdefault(norm_title(h.title)[:30], []).append(h)
    body_text = norm_title(doc.text[doc.headings[0].start:])
    for run in _runs(doc.toc):
        found = []
        for e in run:
            same = by_title.get(norm_title(e.title)[:30], []) if len(norm_title(e.title)) >= 4 else []
            found.append(same[0] if len(same) == 1 else None)
        for i, (e, b) in enumerate(zip(run, found, strict=True)):
            if b is not None:
                if b.kind == e.kind and b.number != e.number:
                    yield e, b
                continue
            title = norm_title(e.title)
            if (len(title) >= 4 and 0 < i < len(run) - 1 and found[i - 1] is not None and found[i + 1] is not None
                    and title[:6] not in body_text and not doc.excerpt_end):
                yield e, None
