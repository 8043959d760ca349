"""CJK code points that stand for ordinary characters in extracted PDF text."""

from __future__ import annotations

import unicodedata

# Kangxi radicals (U+2F00-U+2FDF) and CJK radicals supplement (U+2E80-U+2EFF) that some PDF producers
# (Chromium's print to PDF, some Word exports) write for ordinary characters: ⽀出 for 支出, ⼀般 for 一般.
_RADICALS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in (*range(0x2E80, 0x2F00), *range(0x2F00, 0x2FE0))}
_RADICALS = {cp: ch for cp, ch in _RADICALS.items() if len(ch) == 1 and ch != chr(cp)}
# simplified-form radicals have no compatibility mapping: the characters they are drawn from
_RADICALS.update(str.maketrans("⻔⻓⻬⻰⻢⻅⻉⻥⻦⻚⻛⻜⻩⻋⻆⻄⻮⻳", "门长齐龙马见贝鱼鸟页风飞黄车角西齿龟"))


def fold_radicals(text: str) -> str:
    """Radical code points read as the characters they stand for, one for one (offsets unchanged)."""
    return text.translate(_RADICALS) if any(0x2E80 <= ord(c) < 0x2FE0 for c in text) else text
