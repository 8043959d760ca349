"""Structural markers of GB/T 9704 headings: 一、 → （一） → 1. → （1） → ①, and their variants.

``match_marker`` recognises a marker at the start of a string and reports its canonical level,
number, the form it is written in, and the punctuation that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# punctuation that may follow a marker (canonical or not)
_AFTER = r"[、.．，,:：]"
_CJK_NEXT = r"(?=\s*[\u4e00-\u9fff“《（(【])"

_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"第([一二三四五六七八九十]{1,3})(部分|章|篇)\s*")),
    (2, re.compile(r"([（(])([一二三四五六七八九十]{1,3})([）)])\s*(" + _AFTER + r"?)\s*")),
    (4, re.compile(r"([（(])(\d{1,2})([）)])\s*(" + _AFTER + r"?)" + _CJK_NEXT + r"\s*")),
    (5, re.compile(r"([" + CIRCLED + r"])\s*([、.．]?)\s*")),
    (1, re.compile(r"([一二三四五六七八九十]{1,3})\s*(" + _AFTER + r")(?![一二三四五六七八九十\d])\s*")),
    (3, re.compile(r"(\d{1,2})\s*(" + _AFTER + r")(?!\d)" + _CJK_NEXT + r"\s*")),
]

# canonical punctuation after each level; accepted variants are "style" issues only when mixed
CANONICAL_PUNCT = {0: "", 1: "、", 2: "", 3: ".", 4: "", 5: ""}


def cn_to_int(s: str) -> int:
    """Small Chinese numerals (一 … 九十九), as used in heading markers."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_VALUES.get(tens, 1) if tens else 1) * 10 + (_CN_VALUES.get(ones, 0) if ones else 0)
    value = 0
    for ch in s:
        value = value * 10 + _CN_VALUES.get(ch, 0)
    return value


@dataclass(frozen=True)
class Marker:
    level: int
    number: int
    text: str  # the marker without trailing punctuation/space, e.g. "（三）", "1"
    style: str  # "paren-full" | "paren-half" | "paren-mixed" | "dot" | "dunhao" | ... | "circled" | "cn"
    punct: str  # punctuation after the marker, normalised ("" if none)
    length: int  # characters consumed, including punctuation and following spaces


_FIRST = set("第（(一二三四五六七八九十0123456789" + CIRCLED)


def match_marker(s: str, pos: int = 0) -> Marker | None:
    """Return the heading marker at ``s[pos:]`` or None."""
    if pos >= len(s) or s[pos] not in _FIRST:
        return None
    for level, pat in _PATTERNS:
        m = pat.match(s, pos)
        if not m:
            continue
        if level == 0:
            return Marker(0, cn_to_int(m.group(1)), m.group(0).strip(), "part", "", m.end() - pos)
        if level in (2, 4):
            open_, num, close, punct = m.group(1), m.group(2), m.group(3), m.group(4)
            style = "paren-full" if (open_, close) == ("（", "）") else (
                "paren-half" if (open_, close) == ("(", ")") else "paren-mixed")
            number = cn_to_int(num) if level == 2 else int(num)
            return Marker(level, number, f"{open_}{num}{close}", style, _norm_punct(punct), m.end() - pos)
        if level == 5:
            return Marker(5, CIRCLED.index(m.group(1)) + 1, m.group(1), "circled", _norm_punct(m.group(2)),
                          m.end() - pos)
        num, punct = m.group(1), m.group(2)
        if level == 1:
            # 一是 / 一般 / 一致 never reach here (need punctuation); guard 一，二，三 style lists of words
            return Marker(1, cn_to_int(num), num, _style_for(punct), _norm_punct(punct), m.end() - pos)
        return Marker(3, int(num), num, _style_for(punct), _norm_punct(punct), m.end() - pos)
    return None


def _norm_punct(p: str) -> str:
    return {"．": ".", ",": "，", ":": "："}.get(p, p)


def _style_for(punct: str) -> str:
    p = _norm_punct(punct)
    return {"、": "dunhao", ".": "dot", "，": "comma", "：": "colon"}.get(p, "other")


def marker_label(level: int, number: int) -> str:
    """The canonical way to write marker ``number`` at ``level`` (for messages)."""
    cn = int_to_cn(number)
    return {0: f"第{cn}部分", 1: f"{cn}、", 2: f"（{cn}）", 3: f"{number}.", 4: f"（{number}）",
            5: CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else str(number)}[level]


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
