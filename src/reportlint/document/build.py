"""Build a ``Document`` from a ``Source``: reflow, headings, heading tree, sentences."""

from __future__ import annotations

import re

from reportlint.document.markers import match_marker
from reportlint.document.model import Artifact, Document, Heading, Paragraph, Sentence
from reportlint.document.reflow import (
    Line,
    find_artifacts,
    group_paragraphs,
    is_hard_wrapped,
    join_lines,
    split_lines,
    typical_width,
)
from reportlint.source import Source

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
_TITLE_END = re.compile(r"[。：:；]")


def build_document(source: Source) -> Document:
    raw = source.text
    lines = split_lines(raw, markdown=source.kind == "markdown")
    typical = typical_width(lines)
    hard = is_hard_wrapped(lines, typical) if source.kind != "docx" else False
    # a PDF's page furniture (footers, running headers) is found per page by its reader and dropped
    furniture = {n: Artifact("furniture", lines[n].raw_start, lines[n].raw_start + len(lines[n].text), lines[n].text)
                 for n in source.artifact_lines if lines[n].text}
    visible = [Line(ln.number, ln.raw_start, "") if ln.number in furniture else ln for ln in lines]
    artifacts = {**find_artifacts(visible, hard, typical), **furniture}
    table_lines = {i for i, li in enumerate(source.lines or ()) if li.table is not None}
    groups = group_paragraphs(lines, artifacts, hard, typical, keep_apart=table_lines)

    text_parts: list[str] = []
    offsets: list[int] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for group in groups:
        ptext, poffs = join_lines(group, raw)
        if not ptext:
            continue
        if paragraphs:
            text_parts.append("\n")
            offsets.append(offsets[-1] + 1)
            pos += 1
        paragraphs.append(Paragraph(index=len(paragraphs), start=pos, end=pos + len(ptext),
                                    table=group[0].number in table_lines))
        text_parts.append(ptext)
        offsets.extend(poffs)
        pos += len(ptext)
    text = "".join(text_parts)

    headings = _find_headings(text, [p for p in paragraphs if not p.table])
    _build_tree(headings)
    current: Heading | None = None
    for p in paragraphs:
        if p.heading is not None:
            current = p.heading
        p.section = current
        p.sentences = _split_sentences(text, p)
    return Document(
        path=source.path, raw=raw, text=text, offsets=offsets, paragraphs=paragraphs,
        headings=headings, artifacts=sorted(artifacts.values(), key=lambda a: a.raw_start),
        hard_wrapped=hard, source=source,
    )


def _find_headings(text: str, paragraphs: list[Paragraph]) -> list[Heading]:
    headings: list[Heading] = []
    for p in paragraphs:
        ptext = text[p.start:p.end]
        m = match_marker(ptext)
        if m is None:
            continue
        rest_start = p.start + m.length
        rest = text[rest_start:p.end]
        end_m = _TITLE_END.search(rest)
        if end_m and end_m.start() <= 40:
            title_len = end_m.start()
        elif len(rest) <= 50:
            title_len = len(rest.rstrip("。"))
        else:
            comma = rest.find("，")
            title_len = comma if 0 < comma <= 30 else min(30, len(rest))
        h = Heading(
            level=m.level, number=m.number, marker=m.text, style=m.style, punct=m.punct,
            start=p.start, end=p.start + len(m.text) + (1 if m.punct else 0),
            title=rest[:title_len], title_end=rest_start + title_len, paragraph=p.index,
        )
        p.heading = h
        headings.append(h)
    return headings


def _build_tree(headings: list[Heading]) -> None:
    """Nearest preceding heading of a higher rank (lower level number) is the parent."""
    stack: list[Heading] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop()
        if stack:
            h.parent = stack[-1]
            stack[-1].children.append(h)
        stack.append(h)


def _split_sentences(text: str, p: Paragraph) -> list[Sentence]:
    out: list[Sentence] = []
    start = p.start
    for m in _SENTENCE_END.finditer(text, p.start, p.end):
        out.append(Sentence(start, m.end(), p.index))
        start = m.end()
    if start < p.end:
        out.append(Sentence(start, p.end, p.index))
    return out
