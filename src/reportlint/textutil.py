"""Small text helpers shared by the year classifier and the rules."""

from __future__ import annotations


def in_brackets(text: str, pos: int, open_: str = "《", close: str = "》") -> bool:
    """Is ``pos`` inside an ``open_ … close`` pair of its sentence? (An unclosed 《 does not run on.)"""
    start = max(text.rfind(ch, 0, pos) for ch in "\n。！？") + 1
    o = text.rfind(open_, start, pos)
    return o >= 0 and text.rfind(close, o, pos) < 0


HAN = "\u4e00-\u9fff"  # the CJK Unified Ideographs block, for use inside a character class
HAN_CHAR = f"[{HAN}]"  # one Han character
