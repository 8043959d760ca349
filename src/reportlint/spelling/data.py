"""The spelling data: names that must be exact, wrong words, confusion sets (loaded once per process).

Shapes:
- ``entries()`` -> tuple of (name, group), group one of ``term`` (terms.txt), ``idiom`` (idioms.txt),
  ``strict`` and ``phrase`` (names.yaml), ``heading`` (names.yaml headings: statutory form headings),
  ``place`` (names.yaml places: long division names), ``organ`` (names.yaml organs);
- ``organs()`` -> organ names (names.yaml ``organs``; in ``entries()`` as ``organ``: exact occurrences,
  their near misses from ``names.organ_variants``);
- ``people()`` -> leaders' names of three characters (names.yaml ``people``);
- ``wrong_words()`` -> {wrong: right} (confusion.yaml ``wrong``);
- ``variant_words()`` -> {variant: recommended form} (confusion.yaml ``variants``: 帐目 -> 账目);
- ``context_pairs()`` -> [(compiled regex, fix, why, organ, severity, unless)] (confusion.yaml ``context``);
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
    for group, key in (("strict", "strict"), ("organ", "organs"), ("phrase", "phrases"), ("heading", "headings"),
                       ("place", "places")):
        for t in lex.get(key) or []:
            out.setdefault(str(t), group)  # a finance term keeps the term matcher
    return tuple(out.items())


@cache
def organs() -> tuple[str, ...]:
    """The state's organs and a people's government's departments (names.yaml ``organs``: 财政局,
    人民检察院, 人力资源和社会保障局), matched with one edit inside (names.organ_variants)."""
    return tuple(str(n) for n in load_yaml("names.yaml").get("organs") or [])


@cache
def people() -> tuple[str, ...]:
    """Leaders' names of three characters (names.yaml ``people``)."""
    return tuple(str(n) for n in load_yaml("names.yaml").get("people") or [])


@cache
def policy_titles() -> dict[str, str]:
    """Central policy documents: title -> 文号."""
    docs = load_yaml("policies.yaml")["documents"]
    return {d["title"]: d.get("number") or "" for d in docs}


@cache
def wrong_words() -> dict[str, str]:
    return {str(k): str(v) for k, v in (load_yaml("confusion.yaml").get("wrong") or {}).items() if k != v}


@cache
def variant_words() -> dict[str, str]:
    """{variant: recommended form} (confusion.yaml ``variants``: 帐目 -> 账目, standard since 2002)."""
    return {str(k): str(v) for k, v in (load_yaml("confusion.yaml").get("variants") or {}).items() if k != v}


@cache
def context_pairs() -> tuple[tuple[re.Pattern[str], str, str, bool, str, re.Pattern[str] | None], ...]:
    """(pattern, fix, why, organ, severity, unless) per confusion.yaml ``context`` entry; severity "" (the
    rule's) or "warning" (``severity: warning``: a usage some templates keep); ``unless``: a pattern that,
    found anywhere in the text, shows the wording is meant (本单位无机关运行经费)."""
    out = []
    for item in load_yaml("confusion.yaml").get("context") or []:
        unless = re.compile(item["unless"]) if item.get("unless") else None
        out.append((re.compile(item["pattern"], re.M), item["fix"], item.get("why", ""), bool(item.get("organ")),
                    str(item.get("severity") or ""), unless))
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
_VARIANT_SHAPES = {"釆": "采", "兰": "兰", "戍": "戌", "戌": "戍", "己": "已", "已": "己", "巳": "已", "刁": "习"}


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
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    x = _strokes().get(c)
    if not x or len(x) < 4:
        return frozenset()
    chars, seqs = _stroke_lists()
    hits = process.extract(x, seqs, scorer=Levenshtein.distance, score_cutoff=1, limit=None)
    return frozenset(chars[i] for _seq, _d, i in hits if chars[i] != c)


@cache
def _stroke_lists() -> tuple[list[str], list[str]]:
    st = _strokes()
    return list(st), list(st.values())


# look-alike tops that stroke edits miss: 艹 (hss) for ⺮ (phnphn), 菅 for 管
_TOPS = (("hss", "phnphn"), ("phnphn", "hss"))


@cache
def _same_tone() -> dict[str, str]:
    """Character -> its same-sound same-tone characters (same_pinyin.txt, first column)."""
    out: dict[str, str] = {}
    with open(lexicon_dir() / "spelling" / "same_pinyin.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and len(parts[0]) == 1 and not line.startswith("#"):
                out[parts[0]] = parts[1]
    return out


@cache
def look_alike_or_homophone(c: str) -> frozenset[str]:
    """Look-alike characters (pycorrector's same_stroke sets, one stroke added, removed or changed,
    艹/⺮ tops) and same-sound same-tone ones: the narrower confusion set for common characters."""
    out = set(_same_tone().get(c, ""))
    out |= shape_neighbours(c)
    x = _strokes().get(c, "")
    if len(x) >= 4:
        for a, b in _TOPS:
            if x.startswith(a):
                out.update(_by_strokes().get(b + x[len(a):], ""))
    out.update(g for g in _shape_groups().get(c, ""))
    out.discard(c)
    return frozenset(out)


@cache
def look_alikes(c: str) -> frozenset[str]:
    """Look-alike characters only (pycorrector's same_stroke sets, one stroke added, removed or changed):
    乎/平, 刁/习."""
    extra = {a for a, b in _VARIANT_SHAPES.items() if b == c} | ({_VARIANT_SHAPES[c]} if c in _VARIANT_SHAPES else set())
    return frozenset(set(_shape_groups().get(c, "")) | shape_neighbours(c) | extra) - {c}


def name_look_alikes(c: str) -> frozenset[str]:
    """Look-alikes of a character of a person's name that are no other name's character: those written
    with the character inside (萍, 坪 hold 平) are left out, they make other people's names (邓小萍)."""
    st = _strokes()
    x0 = st.get(c, "")

    def holds(x: str) -> bool:
        y = st.get(x, "")
        return bool(x0 and y) and (x0 in y or y in x0)

    return frozenset(x for x in look_alikes(c) if not holds(x))


@cache
def _by_strokes() -> dict[str, str]:
    """Stroke sequence -> the characters written with it."""
    out: dict[str, str] = {}
    for ch, x in _strokes().items():
        out[x] = out.get(x, "") + ch
    return out


@cache
def _shape_groups() -> dict[str, str]:
    """Character -> its look-alike group(s) from same_stroke.txt."""
    rows: dict[str, list[str]] = {}
    with open(lexicon_dir() / "spelling" / "same_stroke.txt", encoding="utf-8") as fh:
        for line in fh:
            group = "".join(c for c in line.split() if len(c) == 1)
            for c in group:
                rows.setdefault(c, []).append(group)
    return {c: "".join(v) for c, v in rows.items()}


def _wordfreq_zh():
    """wordfreq's Chinese list (word -> frequency; ``.get``), memory-mapped (``nlp.wordfreq_zh``)."""
    from reportlint.nlp import wordfreq_zh

    return wordfreq_zh()


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a Chinese word (log10 of uses per billion words; 0 if unknown):
    党纪 3.0, 宣传 5.2, 镇村 1.9."""
    import math

    f = _wordfreq_zh().get(word, 0.0)
    return math.log10(f * 1e9) if f > 0 else 0.0
