"""Build a ``Document`` from a ``Source``: reflow, headings, heading tree, sentences."""

from __future__ import annotations

import re
from dataclasses import replace

from reportlint.document.headings import find_structure
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
from reportlint.document.spaced_rows import row_text, spaced_rows
from reportlint.source import Source

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")


def _markup_shown(source: Source) -> str | None:
    """Markdown: the blanked text with each blanked markup character shown as a zero-width space
    (table pipes as ``|``), so blanks left by ``**bold**`` or ``<b>`` never read as spaces between
    table cells; None for other kinds (their text has no markup)."""
    text, original = source.text, source.original
    if original is None or len(original) != len(text):
        return None
    if text == original:  # nothing blanked (a plain text without suppression comments)
        return text
    shown = list(text)
    for m in _BLANKS.finditer(text):  # blanked markup is spaces: only runs of spaces are compared
        s, e = m.span()
        if original[s:e] != text[s:e]:
            for i in range(s, e):
                if original[i] != " ":
                    shown[i] = "|" if original[i] in "|｜" else "\u200b"
    return "".join(shown)


_BLANKS = re.compile(" +")


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
    # a table row written as text (cells between | bars) is never joined to the lines around it
    table_lines |= {ln.number for ln in lines if ln.text.count("|") + ln.text.count("｜") >= 2}
    spaced = spaced_rows(lines) if source.kind != "docx" else set()  # cells apart by tabs or spaces
    table_lines |= spaced
    groups = group_paragraphs(lines, artifacts, hard, typical, keep_apart=table_lines)

    text_parts: list[str] = []
    offsets: list[int] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for group in groups:
        if len(group) == 1 and group[0].number in spaced:
            ptext, poffs = row_text(group[0])  # written with | between the cells, as a text table
        else:
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

    structure = find_structure(text, raw, offsets, paragraphs, _markup_shown(source))
    headings = structure.headings
    if structure.notes:
        # said once, in the output's header, where the reader's notes already are (Source.notes)
        source = replace(source, notes=(*source.notes, *structure.notes))
    current: Heading | None = None
    for p in paragraphs:
        if p.heading is not None and not p.heading.toc:
            current = p.heading
        p.section = current
        p.sentences = _split_sentences(text, p)
    return Document(
        path=source.path, raw=raw, text=text, offsets=offsets, paragraphs=paragraphs,
        headings=headings, artifacts=sorted(artifacts.values(), key=lambda a: a.raw_start),
        hard_wrapped=hard, source=source, toc=structure.toc, excerpt_start=structure.excerpt_start,
        excerpt_end=structure.excerpt_end, notes=structure.notes, lost_markers=structure.lost,
    )


def _split_sentences(text: str, p: Paragraph) -> list[Sentence]:
    out: list[Sentence] = []
    start = p.start
    for m in _SENTENCE_END.finditer(text, p.start, p.end):
        out.append(Sentence(start, m.end(), p.index))
        start = m.end()
    if start < p.end:
        out.append(Sentence(start, p.end, p.index))
    return out
