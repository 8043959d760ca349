"""Data classes of the document model.

Coordinates: rules work on ``Document.text`` (the rebuilt paragraphs joined by ``\\n``).
``Document.offsets[i]`` is the offset in the raw file text of ``Document.text[i]``; every
span maps back to the original line and column through it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

# jieba's re_han_default: the runs it segments one by one
_HAN_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")
_HAN_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")

if TYPE_CHECKING:
    from reportlint.context import Context
    from reportlint.source import Source


@dataclass
class Heading:
    """A numbered structural marker at the start of a paragraph (一、 （一） 1. （1） ①)."""

    level: int  # canonical GB/T 9704 level: 0 第X部分, 1 一、, 2 （一）, 3 1., 4 （1）, 5 ①
    number: int
    marker: str  # the marker as written, e.g. "（三）" or "1、"
    style: str  # form of the marker, e.g. "paren-full", "dot", "dunhao"
    punct: str  # punctuation written after the marker ("" when none)
    start: int  # doc-text offset of the marker
    end: int  # doc-text offset just after marker (+ punctuation)
    title: str
    title_end: int  # doc-text offset where the title ends
    paragraph: int  # index of its paragraph
    parent: Heading | None = None
    children: list[Heading] = field(default_factory=list)
    kind: str = ""  # marker family (markers.Marker.kind): headings nest by the order a document uses them
    prefix: tuple[int, ...] = ()  # leading components of a decimal outline number (1.2.3 -> (1, 2))
    inline: bool = False  # a list item inside a paragraph ("…。2.完成…"), not at the paragraph's start
    toc: bool = False  # an entry of a table of contents (目录), not a heading of the body
    listed: int = -1  # an item of a list a sentence opens (…主要职责如下: / …包括:): that sentence's paragraph index

    @property
    def label(self) -> str:
        """The marker as a reader sees it: 一、 / （一） / 1. (with its punctuation)."""
        return self.marker + (self.punct if self.level in (1, 3) else "")

    def path(self) -> str:
        parts = []
        node: Heading | None = self
        while node is not None:
            parts.append(node.marker)
            node = node.parent
        return "/".join(reversed(parts))


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Paragraph:
    index: int
    start: int  # doc-text offsets
    end: int
    heading: Heading | None = None
    section: Heading | None = None  # innermost heading this paragraph belongs to
    sentences: list[Sentence] = field(default_factory=list)
    table: bool = False  # a table cell (from .docx): never a heading
    row: bool = False  # a table row written as text (cells, numeric columns, rows numbered in a table)
    toc: bool = False  # a line of a table of contents (目录)


@dataclass
class Artifact:
    """A raw line dropped from the text because it is a PDF leftover (page number, running header)."""

    kind: str  # "page-number" | "running-header" | "furniture" | "stray-number" (a lone number, weak evidence)
    raw_start: int
    raw_end: int
    text: str


@dataclass
class Document:
    path: str
    raw: str
    text: str
    offsets: list[int]
    paragraphs: list[Paragraph]
    headings: list[Heading]
    artifacts: list[Artifact]
    hard_wrapped: bool
    context: Context | None = None
    source: Source | None = None
    toc: list[Heading] = field(default_factory=list)  # table-of-contents entries, as their own tree
    excerpt_start: bool = False  # the text begins mid-document (its first top-level heading is not 1)
    excerpt_end: bool = False  # the text ends mid-sentence (a cut excerpt)
    notes: list[str] = field(default_factory=list)  # what the output should tell the reader once (info)
    user_words: tuple[str, ...] = ()  # lexicon.extra_terms: segmented as words (set by use_words)
    lost_markers: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, the marker it lost)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.raw))]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Doc-text span -> raw-text span (end exclusive)."""
        if end <= start:
            end = start + 1
        start = min(start, len(self.offsets) - 1)
        end = min(end, len(self.offsets))
        return self.offsets[start], self.offsets[end - 1] + 1

    def line_col(self, raw_offset: int) -> tuple[int, int]:
        """Raw offset -> 1-based (line, column)."""
        line = bisect.bisect_right(self.line_starts, raw_offset) - 1
        return line + 1, raw_offset - self.line_starts[line] + 1

    def place(self, offset: int) -> str:
        """Where doc-text ``offset`` is, in words a reader can follow: 第12行 / 第3页第5行 / 第8段."""
        line = self.line_col(self.offsets[min(offset, len(self.offsets) - 1)])[0]
        info = self.source.location(line) if self.source is not None else None
        if info is not None and info.page is not None:
            return f"第{info.page}页第{info.page_line}行"
        if info is not None and info.paragraph is not None:
            return f"第{info.paragraph}段"
        if info is not None and info.table is not None:
            return f"表{info.table}第{info.row}行第{info.cell}列"
        return f"第{line}行"

    @property
    def tables(self):
        """The document's tables (``reportlint.tables.Table``), built once on first use."""
        from reportlint.tables.build import tables_of

        return tables_of(self)

    def in_table(self, p: Paragraph) -> bool:
        """Is ``p`` table content (a .docx cell, a row written as text, or a row of a PDF table)?"""
        if p.table or p.row:
            return True
        got = self.__dict__.get("_table_paragraphs")  # set by tables.build.table_paragraphs, once
        if got is None:
            from reportlint.tables.build import table_paragraphs

            got = table_paragraphs(self)
        return p.index in got

    def paragraph_text(self, p: Paragraph) -> str:
        return self.text[p.start:p.end]

    def sentences(self):
        for p in self.paragraphs:
            yield from p.sentences

    @cached_property
    def tokens(self):
        """The spaCy ``Doc`` of ``text`` (jieba words), built on first use."""
        from reportlint.nlp import make_doc

        return make_doc(self.text, self.user_words)

    def use_words(self, words) -> None:
        """Segment with these user words too (``lexicon.extra_terms``); set before any rule asks."""
        words = tuple(words)
        if words != self.user_words:
            self.user_words = words
            for cached in ("tokens", "_words_cache"):
                self.__dict__.pop(cached, None)

    # Word boundaries are computed lazily, one jieba block at a time. jieba segments each run of
    # Han/alphanumeric characters (its re_han) on its own, so segmenting only the blocks a rule asks
    # about gives exactly the boundaries of segmenting the whole text (tested), at a fraction of the cost.

    @cached_property
    def _blocks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of jieba's blocks (runs of Han/alphanumeric characters) in ``text``."""
        starts, ends = [], []
        for m in _HAN_RUN.finditer(self.text):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    def _block(self, pos: int) -> tuple[int, int]:
        """The block containing ``pos`` (or ending at it); (pos, pos) between blocks."""
        starts, ends = self._blocks
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos <= ends[i]:
            return starts[i], ends[i]
        return pos, pos

    def _block_words(self, pos: int) -> tuple[int, list[str]]:
        return self._segmented(pos)[:2]

    def _segmented(self, pos: int) -> tuple[int, list[str], frozenset[int]]:
        """The block containing ``pos``: its start, its words and the offsets of its word boundaries
        (both ends included), segmented once per block."""
        s, e = self._block(pos)
        got = self._words_cache.get(s)
        if got is None:
            from reportlint.nlp import cut

            words = cut(self.text[s:e], self.user_words) if e > s else []
            got = (s, words, frozenset(itertools.accumulate(map(len, words), initial=s)))
            self._words_cache[s] = got
        return got

    @cached_property
    def _words_cache(self) -> dict[int, tuple[int, list[str], frozenset[int]]]:
        return {}

    def is_boundary(self, pos: int) -> bool:
        """Is ``pos`` between two jieba words (or at the edge of a Han/alphanumeric run)?"""
        if pos <= 0 or pos >= len(self.text):
            return True
        if not (_HAN_BLOCK.match(self.text[pos - 1]) and _HAN_BLOCK.match(self.text[pos])):
            return True
        return pos in self._segmented(pos)[2]

    def words_in(self, start: int, end: int) -> list[str]:
        """The jieba words overlapping ``[start, end)`` (expanded to whole words)."""
        out: list[str] = []
        pos = start
        while pos < end:
            if not _HAN_BLOCK.match(self.text[pos]):
                out.append(self.text[pos])
                pos += 1
                continue
            s, words = self._block_words(pos)
            k = s
            for w in words:
                if k + len(w) > start and k < end:
                    out.append(w)
                k += len(w)
            pos = max(k, pos + 1)
        return out

    def at_token_edges(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` begins and ends on jieba word boundaries."""
        return self.is_boundary(start) and self.is_boundary(end)
