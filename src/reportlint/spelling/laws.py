"""Law and regulation titles cited in 《》 that no law has (law-name, W504).

``law_issues(text, extra)`` -> [(start, end, title, full name)] for 《title》 spans. A title is wrong
when it is a listed wrong name (采购法), a fragment of a known name with the same ending (采购法 ⊂
政府采购法), or one character off a known name where that character is in the national name
(中华人民共合国) or is a same-sound / look-alike of the right one. A title two or more characters from
every known name is left alone: the list is never complete, and 《中华人民共和国公司法》 must not be
"corrected" to 公务员法.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Levenshtein

from reportlint.lexicon import load_yaml
from reportlint.spelling.data import confusable
from reportlint.spelling.names import classify

TITLE = re.compile(r"《([^《》\n]{2,40})》")
LAW_END = re.compile(r"(?:法|条例|细则|办法|规定|规则|法典)$")
NATION = "中华人民共和国"


@cache
def laws(extra: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """(accepted name -> full name, wrong name -> full name)."""
    lex = load_yaml("laws.yaml")
    ok: dict[str, str] = {}
    for law in lex["laws"]:
        ok[law["name"]] = law["name"]
        for s in law.get("short") or []:
            ok[s] = law["name"]
    for item in extra:
        full, _, short = item.partition("=")
        ok[full.strip()] = full.strip()
        for s in short.split(","):
            if s.strip():
                ok[s.strip()] = full.strip()
    return ok, dict(lex.get("wrong") or {})


def law_issues(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
    ok, wrong = laws(extra)
    out = []
    for m in TITLE.finditer(text):
        title = m.group(1).strip()
        if title in ok:
            continue
        if not LAW_END.search(title):
            full = _misspelt_ending(title, ok)  # 《政府信息公开条列》: the kind word itself misspelt
        else:
            full = wrong.get(title) or closest_law(title, ok)
        if full is not None:
            out.append((m.start(), m.end(), title, full))
    return out


def closest_law(title: str, ok: dict[str, str]) -> str | None:
    """A fragment of a known name (采购法 ⊂ 政府采购法) or a one-character misspelling of one."""
    for name, full in ok.items():
        if len(title) >= 3 and title in name and title[-1] == name[-1] and not title.startswith(NATION):
            return full
    for name, full in ok.items():
        if abs(len(name) - len(title)) > 1 or Levenshtein.distance(title, name) != 1:
            continue
        edit = classify(title, name)
        if edit is None:
            continue
        kind, pos = edit
        if pos < len(NATION) and name.startswith(NATION):
            return full  # the national name itself misspelt
        if kind == "replaced" and confusable(title[pos], name[pos]):
            return full
        if kind in ("swapped", "doubled"):
            return full
    return None


def short_form(full: str, extra: tuple[str, ...] = ()) -> str | None:
    ok, _ = laws(extra)
    short = [k for k, v in ok.items() if v == full and k != full]
    return short[0] if short else None


def _misspelt_ending(title: str, ok: dict[str, str]) -> str | None:
    name = _ending_form(title)
    return ok[name] if name else None


def _ending_form(title: str) -> str | None:
    """The kind word itself misspelt (《政府信息公开条列》, 《安全生产发》, 《民法点》): the known name of the
    same length differing only in one of its last two characters, by a same-sound or look-alike one."""
    if len(title) < 3:
        return None
    for name in _by_stem().get((len(title), title[:-2]), ()):
        edit = classify(title, name)
        if edit and edit[0] == "replaced" and confusable(title[edit[1]], name[edit[1]]):
            return name
    return None


@cache
def _by_stem(extra: tuple[str, ...] = ()) -> dict[tuple[int, str], tuple[str, ...]]:
    """(length, name without its last two characters) -> the accepted names."""
    ok, _ = laws(extra)
    out: dict[tuple[int, str], list[str]] = {}
    for name in ok:
        out.setdefault((len(name), name[:-2]), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def misspelt_form(title: str, extra: tuple[str, ...] = ()) -> str | None:
    """The accepted name (full or short, as written) that ``title`` misspells by one character (missing,
    extra, replaced by a same-sound or look-alike one, swapped, doubled; in the national name any
    character), or None: a wrong character, which term-typo also reports (《中华人民共合国预算法》)."""
    ok, _ = laws(extra)
    for name in ok:
        if abs(len(name) - len(title)) > 1 or Levenshtein.distance(title, name) != 1:
            continue
        edit = classify(title, name)
        if edit is None:
            continue
        kind, pos = edit
        if (pos < len(NATION) and name.startswith(NATION)) or kind in ("swapped", "doubled") \
                or (kind == "replaced" and confusable(title[pos], name[pos])):
            return name
    return None if LAW_END.search(title) else _ending_form(title)
