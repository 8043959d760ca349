"""The spelling data: names that must be exact, wrong words, confusion sets (loaded once per process).

Shapes:
- ``entries()`` -> tuple of (name, group), group one of ``term`` (terms.txt), ``idiom`` (idioms.txt),
  ``strict`` and ``phrase`` (names.yaml), ``heading`` (names.yaml headings: statutory form headings);
- ``wrong_words()`` -> {wrong: right} (confusion.yaml ``wrong``);
- ``context_pairs()`` -> [(compiled regex, fix, why)] (confusion.yaml ``context``);
- ``confusable(a, b)`` -> are two characters same-sound or look-alike (pycorrector's
  same_pinyin.txt / same_stroke.txt / stroke.txt, Apache-2.0, vendored in lexicons/spelling/).
"""

from __future__ import annotations

import re
from functools import cache

from reportlint.lexicon import lexicon_dir, load_list, load_yaml


@cache
def entries() -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for t in load_list("terms.txt"):
        out.setdefault(t, "term")
    for t in load_list("idioms.txt"):
        out.setdefault(t, "idiom")
    lex = load_yaml("names.yaml")
    for group, key in (("strict", "strict"), ("phrase", "phrases"), ("heading", "headings")):
        for t in lex.get(key) or []:
            out.setdefault(str(t), group)  # a finance term keeps the term matcher
    return tuple(out.items())


@cache
def policy_titles() -> dict[str, str]:
    """Central policy documents: title -> 文号."""
    docs = load_yaml("policies.yaml")["documents"]
    return {d["title"]: d.get("number") or "" for d in docs}


@cache
def wrong_words() -> dict[str, str]:
    return {str(k): str(v) for k, v in (load_yaml("confusion.yaml").get("wrong") or {}).items() if k != v}


@cache
def context_pairs() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    out = []
    for item in load_yaml("confusion.yaml").get("context") or []:
        out.append((re.compile(item["pattern"], re.M), item["fix"], item.get("why", "")))
    return tuple(out)


@cache
def _rows() -> dict[str, str]:
    """Character -> its same-sound and look-alike characters, as one string (read once, ~10 ms)."""
    rows: dict[str, list[str]] = {}
    base = lexicon_dir() / "spelling"
    with open(base / "same_pinyin.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and len(parts[0]) == 1 and not line.startswith("#"):
                rows.setdefault(parts[0], []).extend(parts[1:])
    with open(base / "same_stroke.txt", encoding="utf-8") as fh:
        for line in fh:
            group = "".join(c for c in line.split() if len(c) == 1)
            for c in group:
                rows.setdefault(c, []).append(group)
    return {c: "".join(v) for c, v in rows.items()}


# look-alike code points that are not in the sets above (釆 U+91C6 for 采, pycorrector issue #205)
_VARIANT_SHAPES = {"釆": "采", "兰": "兰", "戍": "戌", "戌": "戍", "己": "已", "已": "己", "巳": "已"}


def confusable(a: str, b: str) -> bool:
    """Same sound (any tone) or similar shape (a listed look-alike, or one character's strokes
    contained in the other's: 日/时, 采/釆)."""
    if _VARIANT_SHAPES.get(a) == b or _VARIANT_SHAPES.get(b) == a:
        return True
    rows = _rows()
    return b in rows.get(a, "") or a in rows.get(b, "") or shape_contained(a, b) or b in shape_neighbours(a)


@cache
def _strokes() -> dict[str, str]:
    """Character -> its stroke sequence (h 横, s 竖, p 撇, n 点/捺, z 折), from pycorrector's stroke.txt."""
    out = {}
    with open(lexicon_dir() / "spelling" / "stroke.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2 and len(parts[0]) == 1:
                out[parts[0]] = parts[1]
    return out


def shape_contained(a: str, b: str) -> bool:
    """One character written inside the other, plus a component of at most four strokes."""
    st = _strokes()
    x, y = st.get(a), st.get(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 3 and len(long_) - len(short) <= 4 and short in long_


@cache
def same_sound_or_shape(c: str) -> frozenset[str]:
    """pycorrector's confusion sets only (same_pinyin.txt, same_stroke.txt)."""
    return frozenset(_rows().get(c, "")) - {c}


def candidates_for(c: str) -> frozenset[str]:
    """The confusion sets plus the characters one stroke away (slower: for rare characters)."""
    return same_sound_or_shape(c) | shape_neighbours(c)


@cache
def shape_neighbours(c: str) -> frozenset[str]:
    """Characters whose stroke sequence is one stroke edit from ``c``'s (箅/算, 菅/营, 拔/拨)."""
    from rapidfuzz.distance import Levenshtein

    st = _strokes()
    x = st.get(c)
    if not x or len(x) < 4:
        return frozenset()
    return frozenset(ch for ch, y in st.items()
                     if ch != c and abs(len(y) - len(x)) <= 1 and Levenshtein.distance(x, y, score_cutoff=1) <= 1)
