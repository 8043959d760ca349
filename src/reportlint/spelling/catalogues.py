"""Names of a national catalogue cut short before their figure (科技服1家, 租赁和商务服2家).

``catalogue_cuts(text)`` -> ``[(start, end, fix, kind, name, why)]`` (the fields of
:class:`reportlint.spelling.Typo`, kind ``truncated``), in text order.

Shape (holdout3 755): a list of industries with a count each, ``涵盖商贸业9家、建筑业5家、房地产业1家、
科技服1家、租赁和商务服2家``: two names lost their last characters (服务业 -> 服) right before the
figure. A cut is reported when

- the cut text is a prefix of a catalogue name (``lexicons/catalogues.yaml``: GB/T 4754-2017 门类 and
  大类 names and the short names statistics use) of at least three characters, ending *inside* a word
  of the name (科技服|务: 服务 is split), so a name that only lost its class word is left alone
  (批发和零售3家, 房地产2家, 建筑5家: readable, and written so on purpose);
- the cut text is no word of the dictionaries and is no other catalogue name;
- a figure follows at once (Arabic digits), and no Han character precedes it (it opens a list item);
- the same sentence lists at least two other names of the catalogue, each followed by a figure.

All names and their cut forms are found in one pass of an Aho-Corasick automaton
(:class:`reportlint.keyindex.KeyIndex`).
"""

from __future__ import annotations

import re
from functools import cache

from reportlint.lexicon import load_yaml

# the least length of a cut name: two characters (科技, 租赁) are words or too little to judge
MIN_CUT = 3
# other names of the catalogue, each with its figure, that the sentence must list
MIN_LISTED = 2
# a sentence's end: a report's list of counts never crosses it
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_FIGURE = re.compile(r"\s*[0-9０-９]")


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@cache
def catalogue_names() -> tuple[str, ...]:
    """Every name of ``catalogues.yaml`` (sections, groups, aliases), once each."""
    ind = load_yaml("catalogues.yaml")["industries"]
    names = [str(n) for key in ("sections", "groups", "aliases") for n in ind.get(key) or []]
    return tuple(dict.fromkeys(names))


def _cut_points(name: str) -> list[int]:
    """Lengths k >= MIN_CUT at which ``name[:k]`` ends inside a word of the name, the name's class word
    (a last 业) set aside: 科技服务业 -> [3] (科技服|务), 批发和零售业 -> [] (批发和零售 is whole words)."""
    from reportlint.nlp import cut

    core = name[:-1] if name.endswith("业") and len(name) > 3 else name
    bounds, at = {0}, 0
    for w in cut(core):
        at += len(w)
        bounds.add(at)
    return [k for k in range(MIN_CUT, len(core)) if k not in bounds]


@cache
def _index():
    """KeyIndex over every name (value ``(name, True)``) and every cut form (``(whole name, False)``)."""
    from reportlint.keyindex import KeyIndex
    from reportlint.nlp import word_freq
    from reportlint.spelling.data import zipf

    names = catalogue_names()
    freq = word_freq()
    items: dict[str, tuple[str, bool]] = {n: (n, True) for n in names}
    for n in names:
        for k in _cut_points(n):
            p = n[:k]
            if p in items and (items[p][1] or len(items[p][0]) <= len(n)):
                continue  # another name, or the cut of a shorter one (居民服 -> 居民服务业)
            if freq.get(p, 0) or zipf(p) > 0:
                continue  # a word in its own right
            items[p] = (n, False)
    return KeyIndex(items.items())


def catalogue_cuts(text: str) -> list[tuple[int, int, str, str, str, str]]:
    hits = _index().find(text)
    if not any(not full for _, _, (_, full) in hits):
        return []
    # names followed by a figure, a name inside a longer one (服务业 in 科技服务业) not counted again
    spans = [(s, e) for s, e, (_, full) in hits if full and _FIGURE.match(text, e)]
    listed = [s for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]
    out = []
    for s, e, (name, full) in hits:
        if full or not _FIGURE.match(text, e) or (s > 0 and _is_han(text[s - 1])):
            continue
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, s - 300), s)), default=max(0, s - 300))
        hi_m = _SENTENCE_END.search(text, e)
        hi = hi_m.start() if hi_m else len(text)
        if sum(lo <= k < hi for k in listed) < MIN_LISTED:
            continue
        cut = text[s:e]
        out.append((s, e, name, "truncated", name,
                    f"“{cut}”后缺字，应为“{name}”（国民经济行业分类名称，同句并列其他行业名称）"))
    return out
