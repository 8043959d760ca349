"""Rebuild paragraphs from raw report text.

PDF-extracted text is hard-wrapped: a sentence runs over many lines, blank lines sit between
lines, pages break mid-sentence and page numbers or running headers stand alone. Text written
directly (one paragraph per line) is recognised and left as it is. Every character of a rebuilt
paragraph keeps the raw offset it came from.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reportlint.document.markers import FIRST_CHARS, match_marker
from reportlint.document.model import Artifact
from reportlint.firstchars import guarded

FINAL_PUNCT = "。！？；：!?;:"
CONTINUING_PUNCT = "，、,（(《“‘【—-"
PAGE_NUMBER = re.compile(r"^[-—–－_~～\s]*(?:\d{1,3}(?:\s*/\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?)[-—–－_~～\s]*$")
FIELD_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:（[^）]{1,6}）)?\s*[:：]")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+)")


@dataclass
class Line:
    number: int  # 0-based line index
    raw_start: int  # raw offset of the first kept character
    text: str  # stripped content
    width: float = 0.0  # display width of text (set on creation)
    marker: bool = False  # starts with a heading marker (set on creation)
    kind: str = ""  # the marker's family (markers.Marker.kind), "" when no marker

    def __post_init__(self) -> None:
        self.width = display_width(self.text) if self.text else 0.0
        m = match_marker(self.text) if self.text[:1] in FIRST_CHARS else None
        self.marker = m is not None
        self.kind = m.kind if m is not None else ""


class _NarrowOnly(dict):
    """A str.translate table that deletes wide (W/F) characters, filled lazily per code point."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.east_asian_width(chr(code)) in "WF" else code
        self[code] = value
        return value


_NARROW_ONLY = _NarrowOnly()


# guarded: searched in every line's tail; only its first characters start a match
TOC_LINE = guarded(r"(?:[.．·…¨・•_]\s*){4,}\s*\d{0,3}\s*$|PAGEREF")


def display_width(s: str) -> float:
    """Width in CJK cells: full-width characters count 1, others 0.5."""
    narrow = len(s.translate(_NARROW_ONLY))
    return (len(s) - narrow) + 0.5 * narrow


def split_lines(raw: str, markdown: bool = False) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, line in enumerate(raw.split("\n")):
        content = line.replace("\f", " ")
        lstripped = content.lstrip()
        offset = pos + (len(content) - len(lstripped))
        text = lstripped.rstrip()
        if markdown and text:
            m = _MD_PREFIX.match(text)
            if m:
                offset += m.end()
                text = text[m.end():]
        lines.append(Line(i, offset, text))
        pos += len(line) + 1
    return lines


def typical_width(lines: list[Line]) -> float:
    widths = Counter(round(ln.width) for ln in lines if ln.text and ln.width >= 10)
    if not widths:
        return 0.0
    return float(widths.most_common(1)[0][0])


def is_hard_wrapped(lines: list[Line], typical: float) -> bool:
    """Most non-blank lines have nearly the same width: the text was wrapped by a PDF extractor."""
    body = [ln for ln in lines if ln.text and ln.width >= 10]  # page numbers and short headings aside
    if len(body) < 8 or not 12 <= typical <= 60:
        return False
    near = sum(1 for ln in body if typical - 2.5 <= ln.width <= typical + 1.5)
    # a page's lines are never much wider than its body text: many long lines mean one paragraph per
    # line, and the narrow mode comes from headings or a table of contents (a web page, not a PDF)
    long = sum(1 for ln in body if ln.width > 1.6 * typical + 4)
    return near >= 5 and near / len(body) >= 0.4 and long / len(body) < 0.15


def find_artifacts(lines: list[Line], hard_wrapped: bool, typical: float = 0.0) -> dict[int, Artifact]:
    """Page numbers and running headers/footers: lines that are not part of the report's text."""
    out: dict[int, Artifact] = {}
    nonblank = [ln for ln in lines if ln.text]
    for k, ln in enumerate(nonblank):
        if not PAGE_NUMBER.match(ln.text):
            continue
        prev = nonblank[k - 1] if k > 0 else None
        nxt = nonblank[k + 1] if k + 1 < len(nonblank) else None
        # a number between two lines of prose; a run of numbers is a table column, not a page number
        if prev is None or nxt is None:
            continue
        if PAGE_NUMBER.match(prev.text) or PAGE_NUMBER.match(nxt.text):
            continue
        if _looks_like_cell(prev.text) or _looks_like_cell(nxt.text):
            continue
        if len(prev.text) <= 8 and len(nxt.text) <= 8:
            continue  # label / value / label: a form's cells (人员编制 128 实有人数), not a page break
        blank_around = (
            ln.number > 0 and not lines[ln.number - 1].text
            and ln.number + 1 < len(lines) and not lines[ln.number + 1].text
        )
        if not (blank_around or hard_wrapped):
            continue
        out[ln.number] = Artifact("page-number", ln.raw_start, ln.raw_start + len(ln.text), ln.text)
    prose = hard_wrapped and _prose_wrapped(nonblank, typical)
    _demote_weak_numbers(out, prose)
    if prose:
        counts = Counter(ln.text for ln in nonblank if 4 <= len(ln.text) <= 40)
        for ln in nonblank:
            # a full-width line is wrapped body text even when it repeats; a table's unit caption
            # (单位：万元) repeats above every table
            if (counts[ln.text] >= 3 and ln.text[-1] not in FINAL_PUNCT and not match_marker(ln.text)
                    and ln.width <= typical - 2 and not _UNIT_CAPTION.match(ln.text)):
                out[ln.number] = Artifact("running-header", ln.raw_start, ln.raw_start + len(ln.text), ln.text)
    return out


_BARE = re.compile(r"^\d{1,3}$")


_UNIT_CAPTION = re.compile(r"^(?:金额|计量|货币)?单位\s*[:：]")
_CLAUSE_MARK = re.compile(r"[，,、；;。（(“]")


def _prose_wrapped(nonblank: list[Line], typical: float) -> bool:
    """Most full-width lines are prose (clause punctuation inside) broken mid-sentence, the next line
    going on: text wrapped by a PDF extractor, not a web page whose table of contents or headings
    happen to share one width."""
    full = [i for i, ln in enumerate(nonblank[:-1]) if ln.width >= 10 and typical - 2.5 <= ln.width <= typical + 1.5]
    runs_on = sum(1 for i in full if nonblank[i].text[-1] not in FINAL_PUNCT and not nonblank[i + 1].marker
                  and _CLAUSE_MARK.search(nonblank[i].text))
    return len(full) >= 5 and runs_on >= 0.5 * len(full)


def _demote_weak_numbers(found: dict[int, Artifact], hard_wrapped: bool) -> None:
    """A bare number (``6``) stays a page number only where the evidence of a page break is strong;
    the others become ``stray-number`` (out of the text flow, but not reported as page numbers).

    Pages are numbered from 1 upwards, page after page: bare numbers are page numbers when they form
    a chain counting up by one to three (a page number may fall where reflow cannot see it); a 0, or
    numbers that do not count up, are table cells written one per line (a 年报's 0 0 0). In prose
    wrapped by a PDF extractor (``_prose_wrapped``) a chain of two, or a single lone number, is enough;
    elsewhere only a chain of three or more at comparable distances. Decorated forms (— 3 —, 第3页,
    3/12) stand on their own.
    """
    bare = [(n, int(a.text)) for n, a in sorted(found.items()) if _BARE.match(a.text)]
    chain = _page_chain([b for b in bare if b[1] >= 1])
    if hard_wrapped:
        keep = chain if len(chain) >= 2 or len(bare) == 1 else []
    else:
        keep = chain if _regular(chain) else []
    for n, _ in bare:
        if (n, int(found[n].text)) not in keep:
            a = found[n]  # still kept out of the text flow, as before, but not reported
            found[n] = Artifact("stray-number", a.raw_start, a.raw_end, a.text)


def _page_chain(numbers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run, in text order, of (line, number) whose numbers count up by 1 to 3."""
    best: list[list[tuple[int, int]]] = []
    for k, (n, value) in enumerate(numbers):
        prev = [best[i] for i in range(k) if 1 <= value - numbers[i][1] <= 3]
        best.append([*max(prev, key=len, default=[]), (n, value)])
    return max(best, key=len, default=[])


def _regular(numbers: list[tuple[int, int]]) -> bool:
    """At least three page numbers, pages of comparable length in lines."""
    if len(numbers) < 3:
        return False
    gaps = [(b[0] - a[0]) / (b[1] - a[1]) for a, b in itertools.pairwise(numbers)]
    return max(gaps) <= 3 * min(gaps)


def _looks_like_cell(s: str) -> bool:
    """Short numeric-ish lines (table cells) next to a lone number mean a table, not a page break."""
    return len(s) <= 12 and sum(c.isdigit() for c in s) >= max(1, len(s) // 2)


def group_paragraphs(lines: list[Line], artifacts: dict[int, Artifact], hard_wrapped: bool,
                     typical: float, keep_apart: set[int] | frozenset[int] = frozenset()) -> list[list[Line]]:
    """Lines grouped into paragraphs; lines in ``keep_apart`` (table cells) stay paragraphs of their own."""
    content = [ln for ln in lines if ln.text and ln.number not in artifacts]
    if not hard_wrapped:
        return [[ln] for ln in content]
    groups: list[list[Line]] = []
    current: list[Line] = []
    for k, ln in enumerate(content):
        current.append(ln)
        nxt = content[k + 1] if k + 1 < len(content) else None
        if (nxt is None or ln.number in keep_apart or nxt.number in keep_apart
                or _ends_paragraph(ln, nxt, typical)):
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _ends_paragraph(ln: Line, nxt: Line, typical: float) -> bool:
    last = ln.text[-1]
    width = ln.width
    short = width <= typical - 2
    next_marker = nxt.marker
    if last in CONTINUING_PUNCT:
        return False
    if next_marker and (ln.marker or nxt.kind in ("part", "chapter", "section")):
        return True  # a heading or item never runs into the next marker's line; 第X部分 starts a paragraph
    if TOC_LINE.search(ln.text[-80:]):
        return True  # a table-of-contents line ends with its page number
    if FIELD_LABEL.match(nxt.text) and (width < typical - 1 or FIELD_LABEL.match(ln.text)):
        return True
    if last in FINAL_PUNCT:
        return short or next_marker
    if width < 0.6 * typical:
        return True
    # a standalone heading line ("1.筑牢基层医疗防线，提升全民健康福祉") is clearly short;
    # a heading that runs into body text ("（3）…建设。保障5名…") carries a full stop
    if ln.marker and "。" not in ln.text and width < typical - 4:
        return True
    return short and next_marker


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》（）【】〔〕]")


def join_lines(group: list[Line], raw: str) -> tuple[str, list[int]]:
    """Concatenate a paragraph's lines, dropping spaces next to CJK, keeping raw offsets."""
    chars: list[str] = []
    offs: list[int] = []
    for li, ln in enumerate(group):
        if li and chars and _needs_space(chars[-1][-1], ln.text[0]):
            chars.append(" ")
            offs.append(offs[-1] + 1)
        t, r = ln.text, ln.raw_start
        done = 0  # characters of the line handled; the runs between spaces are copied whole
        for m in _SPACES.finditer(t):
            j = m.start()
            if j > done:
                chars.append(t[done:j])
                offs.extend(range(r + done, r + j))
            done = j + 1
            prev = chars[-1][-1] if chars else ""
            nxt = t[j + 1] if j + 1 < len(t) else ""
            if not prev or not nxt or _CJK.match(prev) or _CJK.match(nxt) or nxt in " \t\u3000":
                continue
            chars.append(" ")
            offs.append(r + j)
        if done < len(t):
            chars.append(t[done:])
            offs.extend(range(r + done, r + len(t)))
    text = "".join(chars)
    return text, offs


_SPACES = re.compile(r"[ \t\u3000\xa0]")


def _needs_space(a: str, b: str) -> bool:
    return a.isascii() and b.isascii() and a.isalpha() and b.isalpha()
