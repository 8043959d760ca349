"""General wrong-character detection for text no name list covers (SIGHAN-style).

For a sentence, the suspects are the characters jieba cannot explain: a Han character left as a word
of its own that is rarely one (朋唷 → 朋/唷), or a word jieba's HMM made up (no dictionary has it). Each
suspect is tried against its same-sound and look-alike characters (``data.candidates_for``); a
replacement is proposed when it completes a dictionary word around the suspect that is much more
frequent than any word the original character forms there (``ratio``, ``min_freq``). Nothing but
jieba's dictionary and the confusion sets is used: no language model, no download.

``correct(sentence)`` -> (corrected sentence, [(index, wrong, right)]). ``lint_mode=True`` asks for
far stronger evidence and leaves alone what looks like a name (a character next to a place suffix or
after a surname-like single character), for use inside reports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from itertools import compress
from operator import add, not_

from reportlint.spelling.data import candidates_for, look_alike_or_homophone, same_sound_or_shape, zipf
from reportlint.textutil import HAN_CHAR

_HAN = re.compile(HAN_CHAR)
# characters that stand alone as words all the time: never suspects on their own
_FREE = set("的了是在和与及对为将把被从向于并也都就又而我你他她它们这那有无不没个年月日人大小多少上下中内外前后里"
            "来去到说要会能可以好很更最还再才只已之其所者等给让使着过地得吗呢吧啊呀哦么一二三四五六七八九十百千万亿两")


# in reports, a character this common (jieba frequency) is never a suspect on its own
RARE_CHAR = 300
# outside reports (SIGHAN), a word rarer than this is also suspect (在坐 for 在座 is a rare word)
RARE_WORD = 30


@cache
def _freq():
    from reportlint.nlp import tokenizer

    return tokenizer().FREQ


def _best_word(s: str, i: int, freq, max_len: int = 4) -> int:
    """The highest dictionary frequency of a word of 2..max_len characters of ``s`` covering index i."""
    best = 0
    n = len(s)
    get = freq.table.__getitem__ if hasattr(freq, "table") else lambda w: freq.get(w, 0) or 0
    for length in range(2, max_len + 1):
        for a in range(max(0, i - length + 1), min(i, n - length) + 1):
            f = get(s[a:a + length])
            if f > best:
                best = f
    return best


def suspects(sentence: str, words: list[str], freq, lint_mode: bool) -> list[int]:
    out = []
    k = 0
    for w in words:
        if _HAN.match(w[0]):
            if len(w) == 1 and w not in _FREE:
                out.append(k)
            elif len(w) > 1 and (freq.get(w, 0) or 0) < (0 if lint_mode else RARE_WORD):
                out.extend(range(k, k + len(w)))
        k += len(w)
    return out


# the sum of all frequencies in jieba 0.42's dict.txt (its unigram model's denominator)
_JIEBA_TOTAL = 60101967


def _route_score(text: str) -> float:
    """Log-probability of the best segmentation of ``text`` under jieba's unigram model, as jieba's
    ``Tokenizer.calc`` computes it: words of its dictionary (up to five characters) or single characters,
    each scoring log(frequency or 1 / total)."""
    freq = _freq()
    logt = math.log(_JIEBA_TOTAL)
    n = len(text)
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        score = None
        for length in range(1, min(5, n - i) + 1):
            f = freq.get(text[i:i + length], 0) or 0
            if length == 1 or f > 0:
                s = math.log(f or 1) - logt + best[i + length]
                if score is None or s > score:
                    score = s
        best[i] = score if score is not None else -logt
    return best[0]


def correct(sentence: str, lint_mode: bool = False, margin: float = 2.0,
            min_freq: int = 200) -> tuple[str, list[tuple[int, str, str]]]:
    """Replace a suspect character when the best segmentation of the nine characters around it gains
    more than ``margin`` (natural log, e^4 ≈ 55 times likelier) and forms a word of ``min_freq``."""
    from reportlint.nlp import cut

    freq = _freq()
    if lint_mode:
        margin, min_freq = max(margin, 6.0), max(min_freq, 1000)
    words = [w for w in cut(sentence) if w]
    chars = list(sentence)
    edits: list[tuple[int, str, str]] = []
    for i in suspects(sentence, words, freq, lint_mode):
        c = chars[i]
        if lint_mode and (_name_like(sentence, i) or (freq.get(c, 0) or 0) >= RARE_CHAR
                          or _best_word(sentence, i, freq) > 0):
            continue  # in reports only a rare character that forms no word at all is suspect (菅造, 预箅)
        cur = "".join(chars)
        a, b = max(0, i - 4), min(len(cur), i + 5)
        base = _route_score(cur[a:b])
        best: tuple[float, str] | None = None
        alts = candidates_for(c) if lint_mode else same_sound_or_shape(c)
        for alt in alts:
            if not _HAN.match(alt):
                continue
            trial = cur[:i] + alt + cur[i + 1:]
            if _best_word(trial, i, freq) < min_freq:
                continue
            gain = _route_score(trial[a:b]) - base
            if gain > margin and (best is None or gain > best[0]):
                best = (gain, alt)
        if best is not None:
            chars[i] = best[1]
            edits.append((i, c, best[1]))
    return "".join(chars), edits


_PLACE_SUFFIX = set("省市县区镇乡村街路巷社组州旗盟")


def _name_like(s: str, i: int) -> bool:
    """A character inside what reads like a place name: one or two characters before a place suffix."""
    if i + 1 < len(s) and s[i + 1] in _PLACE_SUFFIX:
        return True
    return i + 2 < len(s) and s[i + 2] in _PLACE_SUFFIX


_SENTENCE = re.compile(r"[^。；！？!?\n]+")


def lint_typos(text: str) -> list[tuple[int, str, str]]:
    """(index in text, wrong, right) for the rare characters that form no word where they stand and
    whose same-sound or look-alike replacement completes a common word (预箅 → 预算)."""
    freq = _freq()
    rare = {ch for ch in set(text) if "\u4e00" <= ch <= "\u9fff" and (freq.get(ch, 0) or 0) < RARE_CHAR}
    if not rare:
        return []
    out = []
    done: set[int] = set()
    at = []  # the rare characters' positions, in text order (most characters are not rare)
    for ch in rare:
        i = text.find(ch)
        while i >= 0:
            at.append(i)
            i = text.find(ch, i + 1)
    for i in sorted(at):
        if _best_word(text, i, freq) > 0 or _name_like(text, i):
            continue
        lo = max(0, i - 2000)  # the sentence's start, looked for nearby: a one-line text stays linear
        m = _SENTENCE.search(text, max(lo - 1, *(text.rfind(c, lo, i) for c in "。；！？!?\n")) + 1)
        while m and m.end() <= i:
            m = _SENTENCE.search(text, m.end())
        if m is None or m.start() in done:
            continue
        done.add(m.start())
        _, edits = correct(m.group(0), lint_mode=True)
        out += [(m.start() + k, a, b) for k, a, b in edits]
    return out


# a two-character word this frequent in jieba's dictionary (≈ wordfreq zipf 4.5: 2000 / 60 million) is
# "very common" (宣传 4745, 管理 27191); wordfreq must agree (zipf >= COMMON_ZIPF)
COMMON_PAIR = 2000
COMMON_ZIPF = 4.5
_HAN_RUN = re.compile(HAN_CHAR + "{2,}")


def han_runs(text: str) -> list[tuple[int, str, list[bool]]]:
    """(start, run, nonword) for each run of two or more Han characters; ``nonword[k]`` when
    ``run[k:k+2]`` is no word of jieba's dictionary. One pass over the text's pairs, shared by the
    look-alike swaps and the report's own phrases (:mod:`reportlint.spelling.ownterms`)."""
    return han_runs_counted(text)[0]


def han_runs_counted(text: str) -> tuple[list[tuple[int, str, list[bool]]], PairCounts]:
    """:func:`han_runs` and how often each pair of Han characters stands in the text (overlapping,
    counted on demand: :class:`PairCounts`)."""
    # the pairs of each Han run, built and looked up in C
    get = _freq().table.__getitem__
    runs = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        runs.append((m.start(), run, list(map(not_, map(get, map(add, run, run[1:]))))))
    return runs, PairCounts(text)


# above this many characters a Counter of every pair is cheaper than counting each asked pair with str.count
# (the report's own phrases ask about one pair per 30 characters, each count a pass over the text)
LAZY_PAIR_COUNT_MAX = 3000


class PairCounts:
    """How often a pair of characters stands in a text, overlapping uses counted (``get(pair, default)``
    as a Counter of all pairs gives it). A text of up to LAZY_PAIR_COUNT_MAX characters counts each pair
    asked for in C with ``str.count`` (the report's own phrases ask for a few dozen; a Counter of every
    pair cost more than the rest of that pass); a longer one builds the Counter when first asked."""

    __slots__ = ("counts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts: dict[str, int] | None = {} if len(text) <= LAZY_PAIR_COUNT_MAX else None

    def get(self, pair: str, default: int = 0) -> int:
        if self.counts is None:
            self.counts = Counter(map(add, self.text, self.text[1:]))
            return self.counts.get(pair, default)
        if isinstance(self.counts, Counter):
            return self.counts.get(pair, default)
        n = self.counts.get(pair)
        if n is None:
            if len(pair) == 2 and pair[0] == pair[1]:
                # 保保: uses may overlap (保保保 holds two), which str.count does not see
                n, k = 0, self.text.find(pair)
                while k >= 0:
                    n += 1
                    k = self.text.find(pair, k + 1)
            else:
                n = self.text.count(pair)
            self.counts[pair] = n
        return n or default


def common_swaps(text: str, runs: list[tuple[int, str, list[bool]]] | None = None) -> list[tuple[int, str, str]]:
    """(start, wrong pair, right word) for a common character swapped for a look-alike or same-sound one inside
    a two-character non-word that stands between words (加强宜传工作 → 宣传, 完善菅理制度 → 管理).

    The pair is no word of jieba's dictionary nor of wordfreq's, neither character forms a word with
    the text around it, the pair sits between whole words (or punctuation), the swap (pycorrector's
    look-alike sets, one-stroke neighbours, 艹/⺮ tops, same sound and tone) gives a word of jieba
    frequency >= COMMON_PAIR and wordfreq zipf >= COMMON_ZIPF, and the best segmentation of the nine
    characters around gains more than e^6. Abbreviations (稳字当头, 扩优提质, 理工农医类) fail the
    between-words test or wordfreq knows them (发力, 施策)."""
    freq = _freq()
    fq = freq.table  # word -> frequency (0: no word); a plain look-up for the thousands of pairs
    out: list[tuple[int, str, str]] = []
    for start, run, nonword in (han_runs(text) if runs is None else runs):
        n = len(run)
        for k in compress(range(n - 1), nonword):
            a, b = run[k], run[k + 1]
            if a in _FREE or b in _FREE:
                continue
            # the pair stands between whole words: what precedes ends a word, what follows starts one
            if k > 0 and not (k >= 2 and fq[run[k - 2:k]]):
                continue
            if k + 2 < n and not (k + 4 <= n and fq[run[k + 2:k + 4]]):
                continue
            if _best_word(run, k, freq) or _best_word(run, k + 1, freq) or _name_like(run, k) \
                    or _name_like(run, k + 1):
                continue
            opts = [(k, a2 + b, a2) for a2 in look_alike_or_homophone(a) if freq.get(a2 + b, 0) >= COMMON_PAIR]
            opts += [(k + 1, a + b2, b2) for b2 in look_alike_or_homophone(b) if freq.get(a + b2, 0) >= COMMON_PAIR]
            if not opts:
                continue
            lo, hi = max(0, k - 4), min(n, k + 6)
            base = _route_score(run[lo:hi])
            best = None
            for j, word, alt in opts:
                gain = _route_score((run[:j] + alt + run[j + 1:])[lo:hi]) - base
                if gain > 6.0 and (best is None or gain > best[0]):
                    best = (gain, j, word, alt)
            if best is None or zipf(a + b) > 0 or zipf(best[2]) < COMMON_ZIPF:
                continue
            out.append((start + k, a + b, best[2]))
    return out


# the word of an organ after its stem (found first: the stem is checked at each of them)
_ORGAN_WORD = re.compile(r"局|厅|委员会|办公室|中心|管理处|服务站|事务所")
_PLACE_CHARS = frozenset("省市县区镇乡州旗盟")


def organ_swaps(text: str) -> list[tuple[int, str, str]]:
    """(start, wrong stem, right word) for an organ's stem with a same-sound or look-alike character (县材政局
    → 财政, 统记局 → 统计): the stem stands after a place or at a clause start, before 局/厅/委员会/办公室/
    中心…, is no word (jieba, wordfreq), and one confusable character gives a very common word (jieba
    frequency >= COMMON_PAIR, wordfreq zipf >= COMMON_ZIPF). 分配格局, 良好开局 are no stems (the pair
    follows a word's first character, not a place)."""
    freq = _freq()
    out = []
    for m in _ORGAN_WORD.finditer(text):
        s = m.start() - 2
        pair = text[max(s, 0):m.start()]
        if s < 0 or not (_HAN.match(pair[0]) and _HAN.match(pair[1])):
            continue
        if s > 0 and _HAN.match(text[s - 1]) and text[s - 1] not in _PLACE_CHARS:
            continue  # the stem follows a word's character, not a place (分配格局, 良好开局)
        if freq.get(pair, 0) or zipf(pair) > 0:
            continue
        a, b = pair
        opts = [a2 + b for a2 in look_alike_or_homophone(a)] + [a + b2 for b2 in look_alike_or_homophone(b)]
        opts = [(freq.get(w, 0), w) for w in opts if freq.get(w, 0) >= COMMON_PAIR and zipf(w) >= COMMON_ZIPF]
        if opts:
            out.append((s, pair, max(opts)[1]))
    return out
