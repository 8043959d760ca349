"""Sections that talk about the future by design (存在问题, 改进措施, 下一步 …), and clause ends.

Shared by the time rules and by rules of other families that must not judge plans as facts.
"""

from __future__ import annotations

import re

from reportlint.document.model import Document, Paragraph
from reportlint.lexicon import load_yaml
from reportlint.textutil import CLAUSE_ENDS

CLAUSE_END = re.compile(f"[{CLAUSE_ENDS}\n]")


def in_future_section(doc: Document, p: Paragraph) -> bool:
    """Paragraphs under 存在问题 / 改进措施 / 下一步 … talk about the future by design."""
    return p.section is not None and id(p.section) in _future_headings(doc)


def _future_headings(doc: Document) -> set[int]:
    cached = doc.__dict__.get("_future_headings")
    if cached is None:
        pattern = re.compile("|".join(map(re.escape, load_yaml("time.yaml")["future_sections"])))
        cached = set()
        for h in doc.headings:  # document order: a parent is decided before its children
            if pattern.search(h.title) or (h.parent is not None and id(h.parent) in cached):
                cached.add(id(h))
        doc.__dict__["_future_headings"] = cached
    return cached
