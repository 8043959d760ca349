"""Inline suppressions: comments by which a report's writer silences a rule at one place.

Rules are named by code or name, several separated by commas (``W503,jiezhi``):

- ``.txt`` / ``.md``: ``<!-- reportlint: disable=W503 -->`` … ``<!-- reportlint: enable=W503 -->``
  silences from the comment to the matching ``enable`` (or the end of the file);
  ``<!-- reportlint: disable-next-line W503 -->`` silences the next non-blank line; ``reportlint:
  ignore W503`` silences its own line when the line has other text, else the next non-blank line.
  The ``<!-- -->`` wrapper may be left out. Markdown is read from its raw source (markdown-it blanks
  HTML comments before the rules read the text); in a ``.txt`` file the comments are blanked to
  spaces before the rules read the text (same offsets), so no rule ever reports them.
- ``.docx``: a Word comment whose text holds ``reportlint: ignore W503`` (or ``disable``) silences
  the rule on the text the comment is anchored to (``w:commentRangeStart`` … ``w:commentRangeEnd``).

A finding is silenced when it starts inside the range (Word: overlaps the commented text). A
suppression that silences nothing is reported by ``unused-suppression`` (F605), like ruff's RUF100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.source_model import Source

_KEY = r"[A-Za-z][A-Za-z0-9_\-]*[A-Za-z0-9]"
DIRECTIVE = guarded(
    rf"(?:<!--[ \t]*)?reportlint[ \t]*[:：][ \t]*(disable-next-line|disable|enable|ignore)[ \t]*(?:=|[ \t])[ \t]*"
    rf"({_KEY}(?:[ \t]*[,，][ \t]*{_KEY})*)[ \t]*(?:-->)?")
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{WORD}}}"


@dataclass(frozen=True)
class Suppression:
    keys: tuple[str, ...]  # rule codes or names as written
    start: int  # raw range silenced, end exclusive
    end: int
    at: tuple[int, int]  # raw span of the comment (of the commented text in Word), where an unused one is reported
    word: bool = False  # a Word comment: a finding overlapping the range is silenced

    def covers(self, f: Finding) -> bool:
        if self.word:
            return (f.raw_start < self.end and f.raw_end > self.start) or f.raw_start == self.start
        return self.start <= f.raw_start < self.end


def _names(keys: tuple[str, ...]) -> set[str]:
    """Rule names of the keys (unknown keys kept as written)."""
    from reportlint.rules.base import find_rule

    out = set()
    for k in keys:
        r = find_rule(k)
        out.add(r.name if r else k)
    return out


def _split(keys: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in re.split(r"[,，]", keys) if k.strip())


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, len(text) if le < 0 else le


def _next_line(text: str, pos: int, blank: str) -> tuple[int, int]:
    """The first line after the one holding ``pos`` with text (``blank`` has the comments blanked)."""
    _, le = _line_bounds(text, pos)
    while le < len(text):
        ls = le + 1
        _, le = _line_bounds(text, ls)
        if blank[ls:le].strip():
            return ls, le
    return len(text), len(text)


def has_directive(text: str) -> bool:
    return "reportlint" in text and DIRECTIVE.search(text) is not None


def blank(text: str) -> str:
    """``text`` with every suppression comment replaced by spaces (same length and lines)."""
    return DIRECTIVE.sub(lambda m: " " * len(m.group()), text)


def prepare(source: Source) -> Source:
    """A plain-text source with its suppression comments blanked for the rules (``original`` keeps the
    file's text for the outputs and ``--fix``); any other source as it is."""
    if source.kind not in ("text", "markdown") or not has_directive(source.text):
        return source
    return replace(source, text=blank(source.text), original=source.original or source.text)


def parse(source: Source | None) -> list[Suppression]:
    """Every suppression of a loaded report."""
    if source is None:
        return []
    if source.kind == "docx":
        return [Suppression(_split(m.group(2)), a, b, (a, b), word=True)
                for a, b, note in source.comments for m in DIRECTIVE.finditer(note)
                if m.group(1) in ("ignore", "disable", "disable-next-line")]
    text = source.original if source.original is not None else source.text
    if "reportlint" not in text:
        return []
    blanked = blank(text)
    out: list[Suppression] = []
    open_: dict[str, tuple[int, tuple[int, int], tuple[str, ...]]] = {}  # rule name -> (start, comment, keys)
    for m in DIRECTIVE.finditer(text):
        kind, keys = m.group(1), _split(m.group(2))
        at = (m.start(), m.end())
        if kind == "disable":
            for k in keys:
                open_.setdefault(next(iter(_names((k,)))), (m.end(), at, (k,)))
        elif kind == "enable":
            for name in _names(keys):
                if name in open_:
                    start, where, k = open_.pop(name)
                    out.append(Suppression(k, start, m.start(), where))
        else:
            ls, le = _line_bounds(text, m.start())
            if kind == "ignore" and blanked[ls:le].strip():
                out.append(Suppression(keys, ls, le, at))
            else:
                a, b = _next_line(text, m.start(), blanked)
                out.append(Suppression(keys, a, b, at))
    for start, where, k in open_.values():
        out.append(Suppression(k, start, len(text), where))
    return sorted(out, key=lambda s: s.at)


def silenced(sup: Suppression, f: Finding) -> bool:
    return sup.covers(f) and f.rule in _names(sup.keys)


def apply(findings: list[Finding], sups: list[Suppression], keep: str = "unused-suppression") -> list[Finding]:
    """The findings no suppression silences (those of rule ``keep`` always stay)."""
    if not sups:
        return findings
    return [f for f in findings if f.rule == keep or not any(silenced(s, f) for s in sups)]


# ---------------------------------------------------------------- Word comments


def comment_marks(element) -> list[tuple[str, str, int]]:
    """``(comment id, "start" | "end", offset in the paragraph's text)`` of the comment anchors in a
    Word paragraph (or cell), counting text as ``docx_reader`` does (w:t, w:tab, w:br)."""
    marks = []
    pos = 0
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}commentRangeStart", f"{W}commentRangeEnd"):
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            pos += len(node.text or "")
        elif tag in ("tab", "br"):
            pos += 1
        else:
            marks.append((node.get(f"{W}id") or "", "start" if tag == "commentRangeStart" else "end", pos))
    return marks


def comment_texts(document) -> dict[str, str]:
    """Comment id -> text of the Word document's comments part (word/comments.xml); empty without one."""
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            part = rel.target_part
            root = getattr(part, "element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            return {c.get(f"{W}id") or "": "".join(t.text or "" for t in c.iter(f"{W}t"))
                    for c in root.iter(f"{W}comment")}
    return {}


def word_comments(texts: dict[str, str], anchors: list[tuple[str, str, int, int]],
                  lines: list[str]) -> tuple[tuple[int, int, str], ...]:
    """``(raw start, raw end, text)`` of the Word comments holding a directive, from their anchors
    ``(id, kind, line index, offset in line)`` in the extracted ``lines`` (joined by ``\\n``)."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    where: dict[str, dict[str, int]] = {}
    for cid, kind, line, off in anchors:
        where.setdefault(cid, {})[kind] = starts[line] + min(off, len(lines[line]))
    out = []
    for cid, text in texts.items():
        if "reportlint" not in text or cid not in where:
            continue
        a = where[cid].get("start", where[cid].get("end"))
        b = where[cid].get("end", a)
        out.append((min(a, b), max(a, b), text))
    return tuple(sorted(out))
