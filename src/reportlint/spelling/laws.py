"""Law and regulation titles cited in 《》 that no law has (law-name, W504).

``law_issues(text, extra)`` -> [(start, end, title, full name)] for 《title》 spans. A misspelt title has
one owner: law-name when it names a law (``is_law``: …法, 法典), term-typo when it names a regulation, a rule
or a 党内法规 (条例, 规定, 办法). A title is wrong
when it is a listed wrong name (采购法), a fragment of a known name with the same ending (采购法 ⊂
政府采购法), or one edit off a known name: a character of the national name (中华人民共合国), a same-sound /
look-alike one, two neighbours swapped (行政议复法, 信访工作例条) or one moved two places, a character typed
twice, or one lost
from a name of five characters or more (中华人民共和国预法, 信访工作例). A title two or more characters from
every known name is left alone: the list is never complete, and 《中华人民共和国公司法》 must not be
"corrected" to 公务员法.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reportlint.lexicon import load_yaml
from reportlint.spelling.data import confusable
from reportlint.spelling.names import _moved, classify

TITLE = re.compile(r"《([^《》\n]{2,40})》")
LAW_END = re.compile(r"(?:法|条例|细则|办法|规定|规则|法典)$")
NATION = "中华人民共和国"


@cache
def laws(extra: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """(accepted name -> full name, wrong name -> full name)."""
    lex = load_yaml("laws.yaml")
    ok: dict[str, str] = {}
    for law in lex["laws"]:
        ok[law["name"]] = law["name"]
        for s in law.get("short") or []:
            ok[s] = law["name"]
    for item in extra:
        full, _, short = item.partition("=")
        ok[full.strip()] = full.strip()
        for s in short.split(","):
            if s.strip():
                ok[s.strip()] = full.strip()
    return ok, dict(lex.get("wrong") or {})


def law_issues(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
    ok, wrong = laws(extra)
    out = []
    for m in TITLE.finditer(text):
        title = m.group(1).strip()
        if title in ok:
            continue
        if not LAW_END.search(title):
            full = _misspelt_ending(title, ok)  # 《政府信息公开条列》: the kind word itself misspelt
        else:
            full = wrong.get(title) or closest_law(title, ok)
        if full is not None:
            out.append((m.start(), m.end(), title, full))
    return out


def closest_law(title: str, ok: dict[str, str]) -> str | None:
    """A fragment of a known name (采购法 ⊂ 政府采购法) or a one-edit misspelling of one."""
    for name, full in ok.items():
        if len(title) >= 3 and title in name and title[-1] == name[-1] and not title.startswith(NATION):
            return full
    name = _one_edit_name(title, tuple(ok))
    return ok[name] if name else None


# a name this long that lost a character inside is still recognised (国旗法 -> 国法 is no evidence)
MISSING_MIN_LEN = 5


def _one_edit_name(title: str, names: tuple[str, ...], ending_only: bool = False) -> str | None:
    """The first known name (in list order) that ``title`` misspells by one edit: in the national name any
    character; else a same-sound or look-alike one, two neighbours swapped, a character typed twice, or
    one lost from a name of MISSING_MIN_LEN characters or more. ``ending_only``: the edit touches the
    name's last two characters (a title that no longer ends in 法/条例)."""
    hits = process.extract(title, names, scorer=OSA.distance, score_cutoff=2, limit=None)
    for name, dist, _i in sorted(hits, key=lambda h: h[2]):
        # two apart: only a character moved two places (政府信息开条公例 is not two typos)
        edit = classify(title, name) if dist <= 1 else _moved(title, name) if len(title) == len(name) else None
        if edit is None:
            continue
        kind, pos = edit
        if ending_only and pos < len(name) - 2:
            continue
        if (pos < len(NATION) and name.startswith(NATION)) or kind in ("swapped", "doubled") \
                or (kind == "replaced" and confusable(title[pos], name[pos])) \
                or (kind == "missing" and len(name) >= MISSING_MIN_LEN):
            return name
    return None


def short_form(full: str, extra: tuple[str, ...] = ()) -> str | None:
    ok, _ = laws(extra)
    short = [k for k, v in ok.items() if v == full and k != full]
    return short[0] if short else None


def _misspelt_ending(title: str, ok: dict[str, str]) -> str | None:
    name = _ending_form(title)
    return ok[name] if name else None


def _ending_form(title: str) -> str | None:
    """The kind word itself misspelt (《政府信息公开条列》, 《安全生产发》, 《民法点》, 《信访工作例条》,
    《信访工作例》): the known name one edit away in its last two characters (a same-sound or look-alike
    one, the two swapped, one of them lost)."""
    if len(title) < 3:
        return None
    for name in _by_stem().get((len(title), title[:-2]), ()):
        edit = classify(title, name)
        if edit and edit[0] == "replaced" and confusable(title[edit[1]], name[edit[1]]):
            return name
    name = _one_edit_name(title, tuple(laws()[0]), ending_only=True)
    return name if name and (len(name) != len(title) or name[:-2] == title[:-2]) else None


@cache
def _by_stem(extra: tuple[str, ...] = ()) -> dict[tuple[int, str], tuple[str, ...]]:
    """(length, name without its last two characters) -> the accepted names."""
    ok, _ = laws(extra)
    out: dict[tuple[int, str], list[str]] = {}
    for name in ok:
        out.setdefault((len(name), name[:-2]), []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def misspelt_form(title: str, extra: tuple[str, ...] = ()) -> str | None:
    """The accepted name (full or short, as written) that ``title`` misspells by one edit (missing,
    extra, replaced by a same-sound or look-alike one, swapped, doubled; in the national name any
    character), or None: a wrong character, which term-typo also reports (《中华人民共合国预算法》)."""
    ok, _ = laws(extra)
    if not LAW_END.search(title):
        return _ending_form(title)
    return _one_edit_name(title, tuple(ok))


def _series_slot(name: str, i: int, ok: dict[str, str]) -> bool:
    """The two characters at ``i`` of ``name`` vary across listed titles of one frame (中国共产党政法/组织/
    宣传工作条例, 中华人民共和国道路/海上交通安全法): there the word names the member of a series, and a
    title with another word there is another member the list may lack, not a misspelling."""
    head, tail = name[:i], name[i + 2:]
    return any(len(o) == len(name) and o.startswith(head) and o.endswith(tail) and o != name for o in ok)


def cited_word_swaps(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """(start, end, right title) for a 《title》 ending in 法/条例 that no law has and that differs by one
    two-character word from a law the same report cites correctly (《政府信息管理条例》 beside
    《中华人民共和国政府信息公开条例》: 管理 for 公开, h4b 817). The report shows which law it means;
    both words must be words (jieba), and the word must not be the slot of a series of listed titles
    (《中国共产党组织工作条例》 beside 《中国共产党政法工作条例》 is another 党内法规, REVIEW7)."""
    from reportlint.nlp import word_freq

    ok, _ = laws(extra)
    titles = [(m.start(), m.end(), m.group(1).strip()) for m in TITLE.finditer(text)]
    cited = {ok[t] for _s, _e, t in titles if t in ok}
    if not cited:
        return []
    forms = [name for name, full in ok.items() if full in cited]
    freq = word_freq()
    out = []
    for s, e, title in titles:
        if title in ok or not LAW_END.search(title):
            continue
        for name in forms:
            if len(name) != len(title):
                continue
            diff = [i for i in range(len(name)) if name[i] != title[i]]
            if len(diff) == 2 and diff[1] == diff[0] + 1:
                a, b = title[diff[0]:diff[0] + 2], name[diff[0]:diff[0] + 2]
                if freq.get(a, 0) and freq.get(b, 0) and not _series_slot(name, diff[0], ok):
                    out.append((s, e, name))
                    break
    return out


# a law of the national people's congress ends in 法 (not 办法) or is the 民法典; everything else in the list is
# a regulation, a rule or a 党内法规 (条例, 规定, 办法, 细则)
_LAW_NAME = re.compile(r"(?:(?<!办)法|法典)$")


def is_law(full: str) -> bool:
    """``full`` names a law (中华人民共和国预算法, 民法典), not a regulation (政府信息公开条例, …管理办法): the
    owner of its misspelling is law-name for a law, term-typo for the rest (one finding per title)."""
    return bool(_LAW_NAME.search(full))
