"""Heading helpers shared by the structure rules: sibling runs, spans and descriptions."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.document.model import Heading

LEVEL_NAMES = {0: "部分", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题", 5: "五级标题"}


def sibling_runs(headings: list[Heading]) -> Iterator[list[Heading]]:
    """Siblings: headings of one level under one parent, in document order."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    for h in headings:
        key = (id(h.parent) if h.parent else 0, h.level)
        groups.setdefault(key, []).append(h)
    yield from groups.values()


def span(h: Heading) -> tuple[int, int]:
    """The heading's marker and title."""
    return h.start, max(h.title_end, h.end)


def desc(h: Heading) -> str:
    return f"{h.label}{h.title}"


def parent_desc(h: Heading) -> str:
    return f"「{h.parent.label}{h.parent.title}」下" if h.parent else "顶层"
