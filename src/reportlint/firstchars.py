"""What a match of a regular expression can start with: a guard that skips the other positions.

Python's ``re`` tries every alternative of a large alternation at every position of a text (it finds
a literal or a character-set prefix by itself only when every alternative starts with a plain
literal). ``guarded(pattern)`` puts a lookahead for the characters a match can start with in front
of the pattern: at other positions the search fails after one set test. The matches are the same
(a match that can be empty gets no guard). The first characters are read from ``re``'s own parse of
the pattern, so a pattern is never analysed by hand; a pattern ``re`` already finds by its prefix (all
alternatives starting with a literal, or one set) is left as it is.

Shapes: ``first_class(r"(?:本)?报告|现将") == "[本报现]"``; ``first_class(r"\\s*\\*{2}") == r"[\\s\\*]"``;
``first_class(r"[^。]+")`` is None (a negated set: no guard).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # global flags written in the pattern: not wrapped
_CATEGORIES = {_c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_DIGIT: r"\d",
               _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


def _item(op, av) -> tuple[list[str] | None, bool]:
    """(class items of the characters this item can start with, or None for any; can it match empty)."""
    if op is _c.LITERAL:
        return [re.escape(chr(av))], False
    if op is _c.IN:
        out = []
        for iop, iav in av:
            if iop is _c.LITERAL:
                out.append(re.escape(chr(iav)))
            elif iop is _c.RANGE:
                out.append(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
            elif iop is _c.CATEGORY and iav in _CATEGORIES:
                out.append(_CATEGORIES[iav])  # \s, \d, \w (read with the pattern's own flags)
            else:  # NEGATE, CHARSET, BIGCHARSET: not worth spelling out
                return None, False
        return out, False
    if op is _c.SUBPATTERN:
        return _sequence(av[-1])
    if op is _c.BRANCH:
        out, empty = [], False
        for alt in av[1]:
            items, e = _sequence(alt)
            if items is None:
                return None, False
            out += items
            empty = empty or e
        return out, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        lo, _hi, sub = av
        items, empty = _sequence(sub)
        return items, empty or lo == 0
    if op in _ZERO_WIDTH:
        return [], True
    return None, False  # ANY, NOT_LITERAL, GROUPREF, ATOMIC_GROUP …


def _sequence(seq) -> tuple[list[str] | None, bool]:
    out: list[str] = []
    for op, av in seq:
        items, empty = _item(op, av)
        if items is None:
            return None, False
        out += items
        if not empty:
            return out, False
    return out, True


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class holding every character a non-empty match of ``pattern`` can start with, or
    None when that cannot be told (a category, a negated set, any character, a match that can be
    empty, case-insensitive matching)."""
    return _analyse(pattern, flags)[0]


def _analyse(pattern: str, flags: int) -> tuple[str | None, bool]:
    """(first_class, does ``re`` find the pattern's literal or character-set prefix by itself), from one
    parse. ``re`` skips ahead by itself when every alternative starts with a literal, or the pattern
    with a literal or a set: a guard would only slow it."""
    if flags & re.IGNORECASE or _INLINE_FLAGS.match(pattern):
        return None, False
    parsed = _p.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None, False
    items, empty = _sequence(list(parsed))
    if items is None or empty or not items:
        return None, False
    cls = "[" + "".join(dict.fromkeys(items)) + "]"
    try:
        from re import _compiler as comp
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as comp  # type: ignore[no-redef]
    try:
        prefixed = bool(comp._get_literal_prefix(parsed, parsed.state.flags)[0]) \
            or comp._get_charset_prefix(parsed, parsed.state.flags) is not None
    except (AttributeError, TypeError):  # re's internals changed: guard anyway (same matches)
        prefixed = False
    return cls, prefixed


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with a lookahead for its first characters in front when they can
    be told and ``re`` has no prefix of its own to skip by (same matches, fewer positions tried). Worth it
    for a pattern searched over a whole text that starts with an alternation, an optional part or a
    lookbehind; measure: a guard whose class is large (\\s, \\w) can cost more than it saves."""
    cls, prefixed = _analyse(pattern, flags)
    if cls is None or prefixed:
        return re.compile(pattern, flags)
    return re.compile(f"(?={cls})(?:{pattern})", flags)
