"""Structural markers of headings and list items, as real reports write them.

GB/T 9704 orders heading levels 一、 → （一） → 1. → （1） → ①; reports also use 第X部分/章/节/条,
decimal outlines (1.1, 1.1.1) and 1) items. Markers are written with full- or half-width brackets and
digits, with or without the following 、/．, and may be followed by any character, digits included
(三、2024年工作计划). ``match_marker`` recognises a marker at the start of a string and reports its
canonical level, its ``kind`` (the family it belongs to, used to nest headings by the document's own
usage), its number, the form it is written in and the punctuation that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.firstchars import guarded
from reportlint.textutil import CN_NUMERALS, HAN

CN_DIGITS = CN_NUMERALS.rstrip("千万亿")  # heading numbers go up to 百
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_CN = r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DIG = r"[0-9０-９]{1,2}"
# punctuation that may follow a marker (canonical or not)
_AFTER = r"[、.．，,:：]"
# what may start a heading's title: Han, an opening quote or bracket, a digit (三、2024年工作计划)
_TITLE_START = rf"[{HAN}“‘《（(【〔「0-9０-９A-Za-z]"
# units and words after which "1.5" is a quantity, not a decimal outline 1.5 + title
_UNIT_NEXT = "万亿千百元角%％倍米吨亩公年月日天时分秒个"

_PART = re.compile(rf"第\s*({_CN}|[0-9０-９]{{1,3}})\s*(部分|篇|章|节|条)(?![第之的款项规])\s*([:：、.．，,]?)\s*")
_PAREN = re.compile(rf"([（(])\s*({_CN}|{_DIG})\s*([）)])\s*({_AFTER}?)\s*")
_CIRCLED_RE = re.compile(rf"([{CIRCLED}])\s*([、.．]?)\s*")
_CN_PUNCT = re.compile(rf"({_CN})\s*({_AFTER}){_AFTER}?(?!\s*{_CN}\s*[、.．])\s*(?={_TITLE_START})")
_CN_SPACE = re.compile(rf"({_CN})[ \u3000\t]+(?=[{HAN}“《])")
_DECIMAL = re.compile(rf"({_DIG})[.．]({_DIG})(?:[.．]({_DIG}))?[.．]?(?![0-9０-９.．%％])")
_ARABIC = re.compile(rf"({_DIG})\s*({_AFTER})(?:[、.．](?=[^0-9０-９]))?\s*")
_RPAREN = re.compile(rf"({_DIG})[ \u3000]*[)）][ \u3000]*(?={_TITLE_START})")

# canonical punctuation after each level; accepted variants are "style" issues only when mixed
CANONICAL_PUNCT = {0: "", 1: "、", 2: "", 3: ".", 4: "", 5: ""}
_PART_KIND = {"部分": "part", "篇": "part", "章": "chapter", "节": "section", "条": "article"}


def cn_to_int(s: str) -> int:
    """Small Chinese numerals (一 … 九十九), as used in heading markers; Arabic digits pass through."""
    if s.isdigit():
        return int(s)
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
    level: int  # canonical GB/T 9704 level: 0 第X部分/章/节/条, 1 一、, 2 （一）, 3 1. and 1.1, 4 （1） 1), 5 ①
    number: int
    text: str  # the marker without trailing punctuation/space, e.g. "（三）", "1", "1.2"
    style: str  # "paren-full" | "paren-half" | "paren-mixed" | "dot" | "dunhao" | "space" | "decimal" | ...
    punct: str  # punctuation after the marker, normalised ("" if none)
    length: int  # characters consumed, including punctuation and following spaces
    kind: str = ""  # family: part chapter section article cn paren-cn arabic decimal2 decimal3 paren-arabic
    #                 rparen circled (headings nest by the order in which a document uses its kinds)
    prefix: tuple[int, ...] = ()  # leading components of a decimal outline number (1.2.3 -> (1, 2))


# the characters a marker can start with: match_marker is None at any other
FIRST_CHARS = frozenset("第（(一二三四五六七八九十0123456789０１２３４５６７８９" + CIRCLED)


def match_marker(s: str, pos: int = 0) -> Marker | None:
    """Return the heading marker at ``s[pos:]`` or None."""
    if pos >= len(s) or s[pos] not in FIRST_CHARS:
        return None
    ch = s[pos]
    if ch == "第":
        m = _PART.match(s, pos)
        if not m:
            return None
        return Marker(0, cn_to_int(_ascii(m.group(1))), f"第{m.group(1)}{m.group(2)}", "part",
                      _norm_punct(m.group(3)), m.end() - pos, _PART_KIND[m.group(2)])
    if ch in "（(":
        m = _PAREN.match(s, pos)
        if not m:
            return None
        open_, num, close, punct = m.groups()
        style = "paren-full" if (open_, close) == ("（", "）") else (
            "paren-half" if (open_, close) == ("(", ")") else "paren-mixed")
        if num[0].isdigit():
            nxt = s[m.end():m.end() + 1]
            if nxt and not re.match(_TITLE_START, nxt):
                return None
            return Marker(4, int(_ascii(num)), f"{open_}{num}{close}", style, _norm_punct(punct), m.end() - pos,
                          "paren-arabic")
        return Marker(2, cn_to_int(num), f"{open_}{num}{close}", style, _norm_punct(punct), m.end() - pos,
                      "paren-cn")
    if ch in CIRCLED:
        m = _CIRCLED_RE.match(s, pos)
        assert m is not None
        return Marker(5, CIRCLED.index(m.group(1)) + 1, m.group(1), "circled", _norm_punct(m.group(2)),
                      m.end() - pos, "circled")
    if ch.isdigit():
        return _arabic(s, pos)
    m = _CN_PUNCT.match(s, pos)
    if m:
        punct = m.group(2)
        return Marker(1, cn_to_int(m.group(1)), m.group(1), _style_for(punct), _norm_punct(punct), m.end() - pos,
                      "cn")
    m = _CN_SPACE.match(s, pos)
    if m:
        return Marker(1, cn_to_int(m.group(1)), m.group(1), "space", "", m.end() - pos, "cn")
    return None


def _arabic(s: str, pos: int) -> Marker | None:
    m = _DECIMAL.match(s, pos)
    if m:
        rest = s[m.end():]
        stripped = rest.lstrip(" \u3000\t")
        if (stripped and re.match(_TITLE_START, stripped) and stripped[0] not in _UNIT_NEXT
                and not stripped[0].isdigit()):
            parts = [int(_ascii(g)) for g in m.groups() if g]
            kind = f"decimal{len(parts)}"
            return Marker(3, parts[-1], m.group(0).rstrip(".．"), "decimal", "", len(s) - len(stripped) - pos, kind,
                          tuple(parts[:-1]))
        return None
    m = _RPAREN.match(s, pos)
    if m:
        return Marker(4, int(_ascii(m.group(1))), s[pos:m.end()].rstrip(), "rparen", "", m.end() - pos, "rparen")
    m = _ARABIC.match(s, pos)
    if not m:
        return None
    num, punct = m.group(1), m.group(2)
    nxt = s[m.end():m.end() + 1]
    if not nxt or not re.match(_TITLE_START, nxt):
        return None
    if nxt.isdigit() and (punct != "、" or re.match(rf"{_DIG}\s*[、.．]", s[m.end():])):
        return None  # 1.5 is a number; 1、2、3 a list of numbers
    return Marker(3, int(_ascii(num)), num, _style_for(punct), _norm_punct(punct), m.end() - pos, "arabic")


_RPAREN_ITEM = guarded(r"(?:^|(?<=[\s。；;，,：:、]))(?<!\d[,:])(\d{1,2})[)）](?=[ \u3000]*[\u4e00-\u9fff“《])")
_ITEM_END = r"[ \u3000]*(?=[\u4e00-\u9fff“《])"


def lost_open_brackets(text: str) -> dict[int, tuple[str, str, str]]:
    """List items ``1)`` that lost their opening bracket: their list goes on as (2) (3).

    Returns {start of the item: (the item as written, the opening and the closing bracket of its
    list)}. The next item is looked for within the next 3,000 characters: a bare ``2)`` found first
    means a list of 1) 2) items; a ``(1)`` before the ``(2)`` means the bracketed items are a list of
    their own (a sub-list of item 1)). An item ``2)`` lost its bracket only when the item before it
    is bracketed, (1).
    """
    out: dict[int, tuple[str, str, str]] = {}
    for m in _RPAREN_ITEM.finditer(text):
        n = int(m.group(1))
        found = _item(n + 1).search(text, m.end(), m.end() + 3000)
        if found is None or not found.group(1):
            continue
        if _item(n).search(text, m.end(), found.start()):
            continue  # (1) (2) after 1): a sub-list
        if n > 1:
            before = list(_item(n - 1).finditer(text, max(0, m.start() - 3000), m.start()))
            if not before or not before[-1].group(1):
                continue  # 1) 2) (3): the list switches form, no bracket lost
        out[m.start()] = (m.group(0), found.group(1), found.group(2))
    return out


def _item(n: int) -> re.Pattern[str]:
    """List item n at a marker position, bracketed (groups 1 and 2: the brackets) or bare n)."""
    return re.compile(rf"(?:^|(?<=[\s。；;，,：:、]))(?:([(（])\s*{n}\s*([)）])|{n}\s*[)）]){_ITEM_END}")


def _ascii(s: str) -> str:
    return s.translate(_FULLWIDTH_DIGITS)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


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


def kind_label(kind: str, number: int, prefix: tuple[int, ...] = (), like: str = "") -> str:
    """Marker ``number`` written the way its kind is written (``like``: an existing marker of the kind)."""
    if kind in ("part", "chapter", "section", "article"):
        word = {"part": "部分", "chapter": "章", "section": "节", "article": "条"}[kind]
        if like and re.search(r"\d", like):
            return f"第{number}{word}"
        return f"第{int_to_cn(number)}{word}"
    if kind.startswith("decimal"):
        return ".".join(str(x) for x in (*prefix, number))
    if kind == "rparen":
        return f"{number}{like[-1] if like else '）'}"
    level = {"cn": 1, "paren-cn": 2, "arabic": 3, "paren-arabic": 4, "circled": 5}.get(kind, 3)
    return marker_label(level, number)


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
