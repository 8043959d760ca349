"""A phrase the report writes again and again, once with one character replaced (经济乎稳较快 beside
five times 经济平稳较快).

``own_term_variants(text, runs, table, wordfreq)`` -> [(start, end, fix, wrong character, right character)]:
spans of the text whose fix is the report's own form. ``runs`` are the text's Han runs with their
pairs that are no jieba word (:func:`reportlint.spelling.general.han_runs`, shared with the look-alike
pass). Evidence, all required:

- the slot character forms no word with either neighbour (both pairs, 乎稳 and 济乎, are no word of
  jieba's dictionary nor wordfreq's);
- the two characters before it and the two after it (or one and three, or three and one, next to the
  phrase's start or end) stand elsewhere in the report around another character at least twice
  (经济平稳较快 ×5), and never around this one: the report's own form;
- the report's form gives a jieba word on at least one side (平稳): a different word in the slot
  (政务信息 beside 政府信息, 拟定 beside 拟订) is no slip;
- neither character is a function word, a numeral, a calendar word or a place suffix (第一/第二,
  本年/上年, 县/市 differ on purpose), and the slot is not one of the two characters before a name's
  suffix (长星村 beside 长兴村, 双隆村 beside 双龙村: neighbouring villages share sounds).

The caller grades it: a same-sound or look-alike pair (乎/平) is an error, any other a warning.

Cost: the slots and the text's pair counts come from the shared pass over character pairs (about
one character in twenty has no word on either side, half of those none in wordfreq either); a window
holding a pair the text does not repeat three times stops there, the rest walk the uses of their
rarer side with ``str.find``.
"""

from __future__ import annotations

from itertools import compress

# a slot character that differs on purpose between parallel phrases (和/与, 第一/第二, 本年/上年, 县/市)
FREE_SLOT = frozenset("的地得和与及或并等之了在是对为以于而且也都就把被从向将其该各本上下前后年月日一二三四五六七八九十"
                      "百千万亿零两〇第省市县区镇乡村州盟旗")
# the report's own form must be written this often
MIN_OWN = 2
# the windows around the slot (characters before, after) whose repetition shows the report's phrase:
# two each side first, then one and three (a slip next to the phrase's start or end)
WINDOWS = ((2, 2), (1, 3), (3, 1))
# the span shown grows over the whole phrase the report's uses share, at most this many characters each side
GROW = 6


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def own_term_variants(text: str, runs, table, wordfreq, pairs) -> list[tuple[int, int, str, str, str]]:
    """(start, end, fix, wrong character, right character) for each one-off variant of the report's
    own phrase. ``runs``: (start, run, nonword) per Han run, ``nonword[k]`` when ``run[k:k+2]`` is no
    jieba word; ``table[word]``: jieba's frequency (0: no word); ``wordfreq.get(word)``: wordfreq's share
    of uses (None: no word); ``pairs``: how often each pair of Han characters stands in the text (a
    window holding a pair that stands fewer than three times is not repeated either)."""
    known = wordfreq.get
    seen = pairs.get
    windows: dict[tuple[str, str], dict[str, list[int]]] = {}  # each window looked up once
    out = []
    for start, run, nonword in runs:
        n = len(run)
        if n < 5:
            continue
        # slot k (1 .. n-2): both pairs around it, k-1 and k, are no word
        both = map(bool.__and__, nonword[0:n - 2], nonword[1:n - 1])
        for k in compress(range(1, n - 1), both):
            c = run[k]
            if c in FREE_SLOT or _in_proper_name(run, k):
                continue
            # the pairs next to the slot, each in two of the three windows, must stand three times
            lok = k >= 2 and seen(run[k - 2:k], 0) > MIN_OWN
            rok = k + 3 <= n and seen(run[k + 1:k + 3], 0) > MIN_OWN
            if not (lok or rok) or known(run[k - 1:k + 1]) or known(run[k:k + 2]):
                continue
            for left, right in WINDOWS:
                if left == 2 and right == 2:
                    if not (lok and rok):
                        continue
                elif left == 1:
                    if not (rok and k + 4 <= n and seen(run[k + 2:k + 4], 0) > MIN_OWN):
                        continue
                elif not (lok and k >= 3 and seen(run[k - 3:k - 1], 0) > MIN_OWN):
                    continue
                key = (run[k - left:k], run[k + 1:k + 1 + right])
                if key not in windows:
                    windows[key] = _window_slots(text, *key, _rarity(key[0], seen) <= _rarity(key[1], seen))
                slots = windows[key]
                if not slots or len(slots.get(c, ())) != 1:
                    continue  # the window is rare, or the character stands there again
                own = sorted((len(v), r) for r, v in slots.items() if r != c and r not in FREE_SLOT and _is_han(r))
                if not own or own[-1][0] < MIN_OWN:
                    continue
                r = own[-1][1]
                if not (table[run[k - 1] + r] or table[r + run[k + 1]]):
                    continue
                i = start + k
                s, e = _grow(text, i, slots[r], left, right)
                out.append((s, e, text[s:i] + r + text[i + 1:e], c, r))
                break
    return out


# the suffixes that end a proper name (a village, a community, a road, a school, a firm…): a character just
# before one belongs to the name, and neighbouring places share sounds (长兴村 and 长星村, 双龙村 and 双隆村)
NAME_SUFFIXES = frozenset("村社组镇乡街路巷道区县市州屯寨庄湾坪坝岭桥河山园校院厂站队场港")


def _in_proper_name(run: str, k: int) -> bool:
    """The slot is one of the two characters before a name's suffix (长星|村, 双隆|村党支部)."""
    return any(run[j] in NAME_SUFFIXES for j in range(k + 1, min(k + 3, len(run))))


def _rarity(side: str, seen) -> int:
    """At most how often ``side`` stands in the text: the fewest uses of its pairs (a lone character: no
    bound)."""
    if len(side) < 2:
        return 1 << 30
    return min(seen(side[j:j + 2], 0) for j in range(len(side) - 1))


def _window_slots(text: str, left: str, right: str, walk_left: bool) -> dict[str, list[int]]:
    """Character -> the slots where it stands between ``left`` and ``right`` in the text, found by
    walking the uses of the rarer side (``walk_left``) with ``str.find``."""
    slots: dict[str, list[int]] = {}
    a = len(left)
    if walk_left:
        p = text.find(left)
        while p >= 0:
            if text.startswith(right, p + a + 1):
                slots.setdefault(text[p + a], []).append(p + a)
            p = text.find(left, p + 1)
    else:
        p = text.find(right)
        while p >= 0:
            if p > a and text.startswith(left, p - a - 1):
                slots.setdefault(text[p - 1], []).append(p - 1)
            p = text.find(right, p + 1)
    return slots


def _grow(text: str, i: int, own: list[int], left: int = 2, right: int = 2) -> tuple[int, int]:
    """The span around slot ``i`` that every use of the report's form shares (Han characters only)."""
    s, e = i - left, i + right + 1
    while i - s < GROW and s > 0 and _is_han(text[s - 1]) \
            and all(k - (i - s) - 1 >= 0 and text[k - (i - s) - 1] == text[s - 1] for k in own):
        s -= 1
    while e - i <= GROW and e < len(text) and _is_han(text[e]) \
            and all(k + (e - i) < len(text) and text[k + (e - i)] == text[e] for k in own):
        e += 1
    return s, e
