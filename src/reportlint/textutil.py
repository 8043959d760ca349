"""Character classes and boundaries of Chinese report text, and small helpers, kept in one place.

Word lists (terms, scope words, units, time words …) are data in ``lexicons/``; the character-level
sets below are what every module splitting or matching Chinese text shares.
"""

from __future__ import annotations

HAN = "\u4e00-\u9fff"  # the CJK Unified Ideographs block, for use inside a character class
HAN_CHAR = f"[{HAN}]"  # one Han character
SENTENCE_ENDS = "。！？"  # full-width marks that end a sentence
CLAUSE_ENDS = "，。；！？"  # full-width marks that end a clause (a line break ends one too)
# the same breaks in either width (text extracted or stored with half-width punctuation):
SENTENCE_BREAKS = SENTENCE_ENDS + "!?"  # a sentence ends
GROUP_BREAKS = SENTENCE_BREAKS + "；;"  # a clause group (a list of parts, a restated figure) ends
CLAUSE_BREAKS = GROUP_BREAKS + "，,：:"  # a clause ends
CN_SMALL_NUMERALS = "一二三四五六七八九十"  # the numerals of ordinals and months: 一是, 第三, 十二月
CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"  # every Chinese numeral character of a written figure
YEAR = r"(?:19|20)\d{2}"  # a four-digit year of the reports' era (regular expression)


_SENTENCE_WINDOW = 2000  # characters looked back for a sentence's start (real sentences are far shorter)


def in_brackets(text: str, pos: int, open_: str = "《", close: str = "》") -> bool:
    """Is ``pos`` inside an ``open_ … close`` pair of its sentence? (An unclosed 《 does not run on.)"""
    lo = max(0, pos - _SENTENCE_WINDOW)  # bounded: a one-line text of millions of characters stays linear
    start = max(lo - 1, *(text.rfind(ch, lo, pos) for ch in "\n" + SENTENCE_ENDS)) + 1
    o = text.rfind(open_, start, pos)
    return o >= 0 and text.rfind(close, o, pos) < 0
