"""What loading a report yields: its text (``Source``) and where each extracted line sits (``LineInfo``).

Shared by ``source`` (text files) and the readers it dispatches to (``docx_reader``, ``pdf_reader``),
which build a ``Source`` without importing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LineInfo:
    """Where one line of the extracted text sits in a .docx or .pdf, for people to find it."""

    page: int | None = None  # PDF: 1-based page
    page_line: int | None = None  # PDF: 1-based line on that page
    paragraph: int | None = None  # DOCX: 1-based body paragraph
    table: int | None = None  # DOCX: 1-based table, row and cell
    row: int | None = None
    cell: int | None = None
    auto_number: str | None = None  # DOCX: the list number Word renders (not in the paragraph text)


@dataclass(frozen=True)
class Source:
    """A report's text as read from disk, with newlines normalised to ``\\n``.

    For .docx and .pdf the text is extracted, one line per Word paragraph / table cell or per
    PDF text line, and ``lines`` locates each line in the original file.
    """

    path: str
    text: str
    encoding: str
    kind: str  # "text" | "markdown" | "docx" | "pdf"
    lines: tuple[LineInfo, ...] | None = None
    artifact_lines: frozenset[int] = frozenset()  # 0-based lines known to be page furniture
    notes: tuple[str, ...] = ()  # things the output should tell the reader (auto numbering …)
    original: str | None = None  # Markdown: the file's text; ``text`` has its markup blanked (same offsets)
    comments: tuple[tuple[int, int, str], ...] = ()  # DOCX: Word comments with a reportlint directive (raw start, end, text)
    # DOCX: grid cells covered by a merge, (table, row, cell, "L" from the left / "U" from above), 1-based
    merged_cells: tuple[tuple[int, int, int, str], ...] = ()

    def location(self, line: int) -> LineInfo | None:
        """LineInfo of a 1-based line, if the source has them."""
        if self.lines is None or not 1 <= line <= len(self.lines):
            return None
        return self.lines[line - 1]
