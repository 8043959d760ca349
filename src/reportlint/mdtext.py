"""Markdown reports read through markdown-it-py: markup is never text for the rules.

``blank_markup(text)`` returns the text with every character of Markdown markup replaced by a space
(white space and line breaks kept as they are), so the result has the same length and the same lines
as the file: offsets, lines and columns of findings still point into the .md file, and ``--fix`` edits
it in place. What is kept:
the text of headings, paragraphs, list items, block quotes and table cells (GFM tables: the bars
between the cells stay and the delimiter row ``|---|`` goes, so a row reads like a ``| a | b |`` row of
a text file; each cell is found after the one before it, so ``| 10 | 1 | 0 |`` keeps its 1 and 0), inline code, escaped characters, and
the number of an ordered list item (``1.`` / ``2)``: report sections are often numbered that way).
What is blanked: ``#`` heading marks, ``**`` / ``*`` / ``_`` emphasis, link and image syntax with its
URL (a link's text stays; an image's alt text goes), bullet markers, ``>``, fenced code blocks,
HTML blocks, comments and inline tags, table delimiter rows and thematic breaks.

Blanks next to Chinese characters vanish when paragraphs are rebuilt (``document.reflow.join_lines``),
so ``**资金**使用`` reads ``资金使用``. A paragraph indented by four spaces (首行缩进) is text, not an
indented code block.
"""

from __future__ import annotations

from functools import cache


@cache
def _parser():
    from markdown_it import MarkdownIt

    # text_join would merge escapes and entities into their neighbours: keep them apart to locate them.
    # No indented code blocks: Chinese paragraphs are often indented by four spaces (首行缩进), and they
    # are text, not code; fenced code blocks are still code.
    return MarkdownIt("commonmark").enable("table").disable(["text_join", "code"])


def blank_markup(text: str) -> str:
    """``text`` (newlines ``\\n``) with its Markdown markup replaced by spaces; same length."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)
    starts.append(len(text))
    keep = bytearray(len(text))

    def region(m: list[int]) -> tuple[int, int]:
        a = starts[min(m[0], len(starts) - 1)]
        b = starts[min(m[1], len(starts) - 1)]
        return a, b

    def mark(piece: str, cursor: int, end: int) -> int:
        """Keep ``piece`` where it next occurs in [cursor, end); return the new cursor."""
        if not piece:
            return cursor
        k = text.find(piece, cursor, end)
        if k >= 0:
            keep[k:k + len(piece)] = b"\x01" * len(piece)
            return k + len(piece)
        for ch in piece:  # not verbatim (a line break inside): character by character
            j = text.find(ch, cursor, end)
            if j >= 0:
                keep[j] = 1
                cursor = j + 1
        return cursor

    last_map: list[int] | None = None
    row: tuple[int, int] | None = None  # the table row being read: its cells come one after another
    row_cursor = 0
    for tok in _parser().parse(text):
        if tok.map:
            last_map = tok.map
        if tok.type == "tr_open" and tok.map:
            row = region(tok.map)
            row_cursor = row[0]
        elif tok.type == "tr_close" and row is not None:
            for k in range(*row):  # the bars between the cells stay: the row reads as a ``| a | b |`` row
                if text[k] in "|｜" and not keep[k] and (k == 0 or text[k - 1] != "\\"):
                    keep[k] = 1
            row = None
        if tok.type == "list_item_open" and tok.info and tok.map:
            a, b = region(tok.map)
            line_end = text.find("\n", a, b)
            mark(tok.info + tok.markup, a, line_end if line_end >= 0 else b)
        if tok.type != "inline" or not (tok.map or last_map):
            continue
        a, b = region(tok.map or last_map)
        cursor = row_cursor if row is not None else a  # a cell starts after the cell before it
        for child in tok.children or ():
            if child.type in ("text", "code_inline"):
                cursor = mark(child.content, cursor, b)
            elif child.type == "text_special":
                k = text.find(child.markup, cursor, b) if child.markup else -1
                if k < 0:
                    cursor = mark(child.content, cursor, b)
                    continue
                if child.info == "escape":  # \* keeps the *, not the backslash
                    keep[k + len(child.markup) - 1] = 1
                else:  # an entity stays as written
                    keep[k:k + len(child.markup)] = b"\x01" * len(child.markup)
                cursor = k + len(child.markup)
        if row is not None:
            row_cursor = cursor
    return "".join(c if keep[i] or c.isspace() else " " for i, c in enumerate(text))
