"""Near misses of names that must be exact: one Aho-Corasick pass over the text.

A name of n >= 4 characters with one edit (a character missing, extra, replaced, or two neighbours
swapped) keeps its left half or its right half intact (pigeonhole), except a swap across the middle.
The automaton holds both halves of every name (anchors), every name itself (exact occurrences,
which silence overlapping candidates), the middle swap of every name, the word swaps and word drops
of multi-word phrases, and the wrong words of ``confusion.yaml``. Each anchor hit proposes at most
three windows (one shorter, same length, one longer), checked by a direct comparison.

Whether a candidate is reported depends on the name's group (see ``lexicons/names.yaml``) and on the
segmentation around it; :func:`accept` holds those rules.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from rapidfuzz.distance import OSA

from reportlint.spelling.data import (
    confusable,
    entries,
    look_alikes,
    name_look_alikes,
    organs,
    people,
    same_sound_or_shape,
    variant_words,
    wrong_words,
    zipf,
)

# wider than textutil.HAN: Extension A too (rare characters of names: 䢺, 㙟)
_HAN = re.compile(r"[\u3400-\u9fff]")
# a character rarer than this (jieba frequency) typed inside a term is itself a sign of a typo;
# a common one (的, 较, 在) after a term prefix usually means ordinary text follows
COMMON_CHAR_FREQ = 5000
# a two-character anchor rarer than this as a word (扫黑, 初心) makes a four-character slogan distinctive
DISTINCTIVE_FREQ = 50
# no name is longer than this (the exact occurrences searched around a candidate)
MAX_NAME = 80
# an idiom's half more frequent than this as a word is no anchor (see automaton)
IDIOM_ANCHOR_FREQ = 3000


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str  # the exact form
    group: str  # term | idiom | strict | organ | phrase | heading | place | wrong | own | person
    kind: str  # missing | extra | doubled | replaced | swapped | word-swap | word-drop | word-dup | wrong-word
    pos: int = -1  # index in the candidate of the edited character (-1: not one character)


def is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


@cache
def _segmented(name: str) -> tuple[str, ...]:
    from reportlint.nlp import cut

    return tuple(w for w in cut(name) if w)


@cache
def _units(name: str) -> tuple[str, ...]:
    """The name's words; a name of one or two words has its words of four or six characters split into
    two-character dictionary words (公共财政 -> 公共|财政, 一般公共预算 -> 一般|公共|预算): the units a
    scrambled name moves (一般财政公共 for 一般公共财政)."""
    from reportlint.nlp import word_freq

    freq = word_freq()
    words = _segmented(name)
    if len(words) >= 3:
        return words  # a name of three words moves them whole
    out: list[str] = []
    for w in words:
        pairs = [w[k:k + 2] for k in range(0, len(w), 2)]
        if len(w) in (4, 6) and all(freq.get(p, 0) for p in pairs):
            out += pairs
        else:
            out.append(w)
    return tuple(out)


@cache
def automaton(extra: tuple[str, ...] = ()):
    """The Aho-Corasick automaton: key -> list of (role, name, group, info). Without extra terms it is
    kept in the cache folder (``warmcache.derived``) until a lexicon, a module of this package, the
    segmenter or jieba's dictionary changes: building it is a fifth of a cold check."""
    if extra:
        return _build_automaton(extra)
    from reportlint import lexicon, nlp
    from reportlint.warmcache import derived

    sources = [*sorted(p for p in lexicon.lexicon_dir().rglob("*") if p.is_file()),
               *sorted(Path(__file__).parent.glob("*.py")), Path(nlp.__file__), Path(lexicon.__file__),
               *nlp.frequency_sources()]
    return derived("typo-names", sources, lambda: _build_automaton(()))


def _build_automaton(extra: tuple[str, ...]):
    from reportlint.keyindex import KeyIndex
    from reportlint.nlp import word_freq

    freq = word_freq()
    table: dict[str, list[tuple]] = {}
    names = dict(entries())
    for t in extra:
        names.setdefault(t, "term")

    def add(key: str, value: tuple) -> None:
        table.setdefault(key, []).append(value)

    for name, group in names.items():
        n = len(name)
        add(name, ("exact", name, group, 0))
        if n < 4 or group == "organ":
            continue  # an organ's near misses are whole keys of their own (organ_variants)
        h = n // 2
        for half, side in ((name[:h], "left"), (name[h:], "right")):
            # an idiom is anchored only on a half that is not a common word by itself (一丝 yes, 发展 no):
            # common halves hit everywhere, and idioms are only checked for a replaced character
            if group != "idiom" or (freq.get(half, 0) or 0) < IDIOM_ANCHOR_FREQ:
                add(half, (side, name, group, 0))
        swapped = name[:h - 1] + name[h] + name[h - 1] + name[h + 1:]
        if swapped != name:
            add(swapped, ("variant", name, group, "swapped"))
    for name, group in names.items():
        if group in ("phrase", "heading", "strict", "term") and len(name) >= 5:
            words = _units(name) if group in ("phrase", "term") else _segmented(name)
            if len(words) >= 3:
                for i in range(len(words) - 1):
                    if len(words[i]) < 2 or len(words[i + 1]) < 2:
                        continue  # 发展新格局 for 新发展格局: a one-character modifier moves freely
                    if group == "term" and set(words[i]) & set(words[i + 1]):
                        continue  # 在编在职人员 for 在职在编人员: parallel words sharing a character, either order
                    if group == "term" and not (i + 2 == len(words) and words[i] in ATTRIBUTIVE_ONLY):
                        # a finance term's words mostly read in either order (政府公开信息, 绩效预算管理); a term
                        # ending on a word that only ever modifies a noun (一般预算公共) is scrambled
                        continue
                    w = list(words)
                    w[i], w[i + 1] = w[i + 1], w[i]
                    v = "".join(w)
                    if v != name and v not in names:
                        add(v, ("variant", name, group, "word-swap"))
            words = _segmented(name)
            units = _units(name)
            if group in ("heading", "strict", "phrase") and len(units) >= 3:
                # a word of the name typed again between two others (政府公开信息公开年报): a garbled name;
                # not at an end (优化营商环境优化服务 goes on with another phrase), nor next to itself (a
                # doubled word: repeats.py)
                for i, w in enumerate(units):
                    if len(w) < 2:
                        continue
                    for k in range(1, len(units)):
                        if k in (i, i + 1):
                            continue
                        v = "".join((*units[:k], w, *units[k:]))
                        if v not in names:
                            add(v, ("variant", name, group, "word-dup"))
            if group == "heading" and len(words) >= 3:
                for i in range(1, len(words) - 1):
                    v = "".join(words[:i] + words[i + 1:])
                    if len(words[i]) >= 2 and len(v) >= 5 and v not in names:
                        add(v, ("variant", name, group, "word-drop"))
    for name in people():
        # a leader's name of three characters has no half to anchor on: its one-character variants are
        # keys of their own (习近乎, 刁近平), those that are words left out (习近期 is no variant: 期/平).
        # Look-alike characters only: a same-sound one often makes another person's real name (邓小萍)
        for k, ch in enumerate(name):
            for alt in name_look_alikes(ch):
                v = name[:k] + alt + name[k + 1:]
                if is_han(alt) and v not in names and not freq.get(v, 0) and zipf(v) == 0:
                    add(v, ("person", name, "person", k))
    for name in organs():
        # an organ's name with one edit inside, short names included (财政政局, 水物局): whole keys, so a
        # three-character name needs no anchor; not a first character replaced before a word (对政局: 对 +
        # 政局), nor a variant that is a word or another name
        rest_word = bool(freq.get(name[1:], 0))
        for v, kind in organ_variants(name):
            if v not in names and not freq.get(v, 0) and not (rest_word and v[1:] == name[1:]):
                add(v, ("variant", name, "organ", kind))
    for wrong, right in wrong_words().items():
        add(wrong, ("variant", right, "wrong", "wrong-word"))
    for form, right in variant_words().items():
        add(form, ("variant", right, "variant", "wrong-word"))  # 帐目: a non-recommended form (variants)
    return KeyIndex((key, tuple(values)) for key, values in table.items()), frozenset(names)


# characters an organ's name may drop in its accepted short forms (发展改革局, 文化旅游局)
ORGAN_FREE_DROPS = frozenset("和与及")


def organ_variants(name: str) -> list[tuple[str, str]]:
    """(variant, kind) for an organ's name and its provincial form (…局 -> …厅): a character replaced by a
    same-sound or look-alike Han one, one typed twice, two neighbours swapped or one moved two places, one
    lost inside a name of four characters or more (not 和/与/及; not the first or the last: 农业农村政策).
    An edit of the last character is judged with what follows (局局长, 档案管理: :func:`_accept_organ`)."""
    forms = [name] + ([name[:-1] + "厅"] if name.endswith("局") else [])
    out: list[tuple[str, str]] = []
    for f in forms:
        n = len(f)
        for i, ch in enumerate(f):
            for alt in sorted(same_sound_or_shape(ch) | look_alikes(ch)):
                if is_han(alt) and alt != ch and not (i == n - 1 and alt in ORGAN_SUFFIXES):
                    out.append((f[:i] + alt + f[i + 1:], "replaced"))
            if not (i == 0 and ch in LEVEL_CHARS):  # 解放街街道办事处: the place ends with the organ's first character
                out.append((f[:i + 1] + f[i:], "doubled"))
            if i < n - 1 and f[i] != f[i + 1]:
                out.append((f[:i] + f[i + 1] + f[i] + f[i + 2:], "swapped"))
            three = f[i:i + 3]
            if n >= 5 and i + 3 < n and len(set(three)) == 3:
                # a character moved two places (展和发改革局), not the organ's last (我局财政: 局财政 is no 财政局)
                out += [(f[:i] + three[1:] + three[0] + f[i + 3:], "swapped"),
                        (f[:i] + three[2] + three[:2] + f[i + 3:], "swapped")]
            if n >= 4 and 0 < i < n - 1 and ch not in ORGAN_FREE_DROPS:
                out.append((f[:i] + f[i + 1:], "missing"))
    return list(dict.fromkeys(out))


# the groups whose names are also looked for with a character moved two places
MOVED_GROUPS = frozenset({"strict", "phrase"})


def _moved(cand: str, name: str) -> tuple[str, int] | None:
    """("swapped", index) when ``cand`` is ``name`` with one character moved two places (社会服务化 for
    社会化服务: the three characters from the first difference rotated), else None."""
    diff = [i for i in range(len(name)) if cand[i] != name[i]]
    if len(diff) < 2 or diff[-1] - diff[0] != 2:
        return None
    i = diff[0]
    a, b = cand[i:i + 3], name[i:i + 3]
    return ("swapped", i) if a in (b[1:] + b[0], b[2] + b[:2]) else None


def classify(cand: str, name: str) -> tuple[str, int] | None:
    """The one edit that turns ``name`` into ``cand``: (kind, index in cand), or None."""
    n, m = len(name), len(cand)
    if m == n:
        diff = [i for i in range(n) if cand[i] != name[i]]
        if len(diff) == 1:
            return "replaced", diff[0]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and cand[diff[0]] == name[diff[1]] \
                and cand[diff[1]] == name[diff[0]]:
            return "swapped", diff[0]
        return None
    if m == n - 1:
        i = 0
        while i < m and cand[i] == name[i]:
            i += 1
        return ("missing", i) if cand[i:] == name[i + 1:] else None
    if m == n + 1:
        i = 0
        while i < n and cand[i] == name[i]:
            i += 1
        if cand[i + 1:] != name[i:]:
            return None
        doubled = (i > 0 and cand[i] == cand[i - 1]) or (i + 1 < m and cand[i] == cand[i + 1])
        return ("doubled" if doubled else "extra"), i
    return None


def scan(text: str, extra: tuple[str, ...] = ()) -> tuple[list[Candidate], list[tuple[int, int, str]]]:
    """Raw candidates and exact occurrences ``(start, end, name)`` of names in ``text``."""
    auto, names = automaton(extra)
    cands: set[Candidate] = set()
    exact: list[tuple[int, int, str]] = []
    anchors: list[tuple[int, int, str, str, str]] = []
    for k_start, k_end, values in auto.find(text):
        for role, name, group, info in values:
            if role == "exact":
                exact.append((k_start, k_end, name))
                if group == "strict" and k_end - k_start >= 4:
                    # the formula written whole with its first or last character typed again next to it
                    # (高高质量发展, 长江经济带带): the halves never see it, the name itself is there
                    if k_start > 0 and text[k_start - 1] == name[0]:
                        cands.add(Candidate(k_start - 1, k_end, name, group, "doubled", 0))
                    if k_end < len(text) and text[k_end] == name[-1]:
                        cands.add(Candidate(k_start, k_end + 1, name, group, "doubled", len(name)))
            elif role == "person":
                cands.add(Candidate(k_start, k_end, name, group, "replaced", info))
            elif role == "variant":
                cands.add(Candidate(k_start, k_end, name, group, info))
            else:
                anchors.append((k_start, k_end, role, name, group))
    # a half of a name written in full is no anchor: most hits are the names themselves
    whole = {(s, name) for s, _e, name in exact} | {(e, name) for _s, e, name in exact}
    n_text = len(text)
    for k_start, k_end, role, name, group in anchors:
        if (k_start if role == "left" else k_end, name) in whole:
            continue
        n = len(name)
        # the edit lies in the other half (``rest``, two characters or more), which keeps its first or its
        # last character within one character of where it belongs: most hits of a common half (预算, 支出)
        # are another word going on, dropped here with two C-level tests instead of three windows
        h = n // 2
        if role == "left":
            rest, chunk = name[h:], text[k_end:k_end + n - h + 1]
        else:
            rest, chunk = name[:h], text[max(0, k_start - h - 1):k_start]
        if rest[0] not in chunk and rest[-1] not in chunk:
            continue
        shifts = (0,) if group == "idiom" else (-1, 0, 1)  # idioms: a replaced character only
        for d in shifts:
            s, e = (k_start, k_start + n + d) if role == "left" else (k_end - n - d, k_end)
            if s < 0 or e > n_text or e - s < 3:
                continue
            cand = text[s:e]
            if cand in names or name in text[max(0, s - 1):e + 1]:
                continue  # the name itself is written here (一般公共预算财政: no extra 财)
            dist = OSA.distance(cand, name, score_cutoff=2)
            if dist > 1:
                # a character of a phrase moved two places (农业社会服务化体系 for 农业社会化服务体系)
                edit = _moved(cand, name) if dist == 2 and d == 0 and group in MOVED_GROUPS else None
            else:
                edit = classify(cand, name)
            if edit is not None and (group != "idiom" or edit[0] == "replaced"):
                cands.add(Candidate(s, e, name, group, edit[0], edit[1]))
    return sorted(cands, key=lambda c: (c.start, -(c.end - c.start))), sorted(exact)


def accept(c: Candidate, doc, exact: list[tuple[int, int, str]], freq) -> bool:
    """Is this candidate a typo of its name, given the text and its segmentation?"""
    text = doc.text
    cand = text[c.start:c.end]
    n = len(c.name)
    if c.group == "place":
        # a long division name: judged as a strict name, unless the near miss is another division; a
        # same-sound or look-alike character that jieba glues into a word no dictionary has (自治洲) counts
        if _is_division(cand):
            return False
        if c.kind == "replaced" and confusable(cand[c.pos], c.name[c.pos]) and _odd_at(doc, c, freq) \
                and (c.start == 0 or not is_han(text[c.start - 1]) or doc.is_boundary(c.start)):
            return True
        return accept(replace(c, group="strict"), doc, exact, freq)
    if c.group == "organ":
        return _accept_organ(c, doc, exact, freq)
    if c.group == "person":
        # a leader's name with a same-sound or look-alike character, which breaks the segmentation into
        # a stray character or a word no dictionary has (习|近乎, 习进平); 学习|近乎 is two words
        return _odd(doc, c.start, c.end, freq)
    if not all(is_han(ch) for ch in cand if ch not in c.name):
        return False
    if c.pos >= 0 and c.kind == "replaced" and not is_han(c.name[c.pos]):
        return False  # 复议及行政诉讼 for 复议、行政诉讼: a conjunction for a pause mark is a choice
    if c.kind == "doubled" and c.pos in (0, n) and (cand[1:] == c.name or cand[:-1] == c.name):
        return _edge_doubled(doc, c, freq)
    # the correct name, or another name, is written where the edit is
    edit_lo = c.start + max(c.pos, 0)
    edit_hi = edit_lo + 1 if c.pos >= 0 else c.end
    lo = bisect.bisect_left(exact, (c.start - MAX_NAME,))
    hi = bisect.bisect_left(exact, (c.end + 1,))
    for s, e, name in exact[lo:hi]:
        # for a missing character: the gap where it went missing lies inside another name
        covered = s < edit_lo < e if c.kind == "missing" else s <= edit_lo and e >= edit_hi
        if covered and (s, e) != (c.start, c.end):
            return False
        if name == c.name and s < c.end and c.start < e:
            return False
    if c.kind == "missing" and c.pos == len(cand) and _continued(text, c.end):
        return False  # 公务用车购置及运行⏎维护费, 政府性基金预⏎算: a line wrapped inside the term, nothing lost
    left_ok = c.start == 0 or not is_han(text[c.start - 1]) or doc.is_boundary(c.start)
    right_ok = c.end >= len(text) or not is_han(text[c.end]) or doc.is_boundary(c.end)
    if c.kind == "wrong-word":
        # on word boundaries, or inside a word jieba's HMM made up around it (已拔入), or inside a rare
        # word of the dictionary whose corrected form is a common one (竟争力 3 -> 竞争力)
        return (left_ok and right_ok) or _odd_around(doc, c.start, c.end, freq) \
            or _rare_word_fixed(doc, c, cand, freq)
    if freq.get(cand, 0) > 0 and c.kind not in ("word-swap", "word-drop", "word-dup"):
        return False  # the candidate is itself a dictionary word (不忘初衷, 人民政权)
    if c.kind == "word-drop":
        return left_ok and _drop_evidenced(c, text, exact)
    if c.kind == "word-swap":
        return left_ok and right_ok
    if c.kind == "word-dup":
        return left_ok or right_ok  # 镇政府公开信息公开年报: 镇政府 glues the name's first word
    if c.group == "term":
        return _accept_term(c, doc, cand, freq, left_ok)
    if c.group == "idiom":
        # only a same-sound or look-alike character, on word boundaries, leaving a broken segmentation
        return c.kind == "replaced" and left_ok and right_ok \
            and (_idiom_frame(text, c) or _odd(doc, c.start, c.end, freq)) \
            and confusable(cand[c.pos], c.name[c.pos])
    if c.group == "heading" and c.kind in ("missing", "extra") and _reworded(doc, c, cand, freq) \
            and not _sibling_whole(c, exact):
        return False
    # strict names, phrases, headings
    if _quoted(text, c.start, c.end) and c.kind not in ("doubled", "swapped") \
            and not (c.kind == "replaced" and confusable(cand[c.pos], c.name[c.pos])):
        # “一国两府”, “一中一台”: a term in quotes is cited as written, unless a slip of the keys (a character
        # typed twice, two swapped, a look-alike or same-sound one)
        return False
    if c.kind == "missing":
        if c.name[c.pos] in FUNCTION_CHARS:
            return False  # 存在主要问题 for 存在的主要问题: 的 may be left out
        if n == 4:  # only a character lost at an edge, next to punctuation or a line start, or a last
            # character lost before a word, leaving a lone character that forms no word with it (法治建基础)
            return (c.pos in (0, n - 1) and _edge_drop(text, c)) \
                or (c.pos == n - 1 and c.end < len(text) and is_han(text[c.end])
                    and text[c.end] not in LEVEL_CHARS and left_ok and _lone_before_word(doc, c.end - 1, freq))
        if c.pos == 0 and not (_edge_drop(text, c) or _stray(doc, c.start, -1, freq)):
            return False  # (按照)公开为常态: a phrase may start later; 本级般公共预算 leaves a stray 般
        if c.pos == len(cand) and not _edge_drop(text, c):
            return False
        if left_ok and right_ok and c.group in ("strict", "phrase", "heading") and 0 < c.pos < len(cand) \
                and _gap_no_word(text, c.start + c.pos, freq) and _word_broken(c, freq):
            # 毛泽思想, 新型城化战略: the characters either side of the gap form no word (泽思, 城化) and the
            # name's word that lost the character is no word either (城镇化 -> 城化); 中国(式)现代化,
            # 西部(大)开发, 基层(党)组织 leave whole words: another wording
            return True
        if (left_ok or right_ok) and c.group == "strict" and n >= 5 and 0 < c.pos < len(cand) \
                and _word_left_rare(c, freq):
            # 马思主义, 中国式代化, 习平法治思想, 新发理念, 社会主市场经济体制: a formula's word lost a character
            # and what is left of it is no common word (思主义, 代化, 习平, 发), whatever the segmenter glued
            # around it
            return True
        if _whole_word_dropped(c, freq):
            return False  # 最多一次到现场 beside 最多跑一次: 最多 + 一次 is an ordinary phrase (REVIEW7 fm6)
        return left_ok and right_ok and _broken(doc, c.start, c.end)
    if n == 4 and not (left_ok and right_ok):
        return False
    if not (left_ok or right_ok):
        return False
    if c.kind in ("doubled", "swapped"):
        return True
    new = cand[c.pos]
    if c.kind == "extra":
        if new in FUNCTION_CHARS:
            if new == "之" and c.pos + 1 < len(cand) and freq.get(cand[c.pos:c.pos + 2], 0) >= COMMON_WORD_FREQ:
                return False  # 除特别说明之外 for 除特别说明外: 之外/之内/之后 is the literary frame, same sense
            # 中国特色的社会主义 is a modifier marked with 的; 除特别说明的外 puts 的 before a bound ending
            return c.pos == n - 1
        if 0 < c.pos < len(cand) - 1 and _reworded(doc, c, cand, freq):
            # 一般公共预算总收入 (总收入: the total with transfers, a standard term beside 一般公共预算收入): the
            # added character makes a dictionary word with its neighbour inside the name
            return False
        return new in c.name or freq.get(new, 0) < COMMON_CHAR_FREQ or n >= 6
    # replaced
    old = c.name[c.pos]
    if _parallel_slot(text, c, cand):
        return False  # 以为民为宗旨,以育民为中心,以安民为保障: a series filling the slot on purpose
    if _in_person_name(c.name, c.pos) and new not in name_look_alikes(old) and not c.name.endswith(("思想", "理论")) \
            and not (confusable(new, old) and any(t in c.name for t in LEADER_TITLES)):
        # 邓小明同志, 王小平同志: another person's name, unless a look-alike slip (刁近平); in a theory's
        # name (毛泽冬思想) or before an office no one else holds (习近凭总书记) a same-sound one too
        return False
    if old in NUMERALS and new in NUMERALS:
        return False  # 党的十六大精神, 第十三个五年规划: another congress or plan, not a typo
    if old in FREE_VARIANTS and new in FREE_VARIANTS:
        return False  # 问题和改进 for 问题及改进: a choice of conjunction
    if c.pos == n - 1 and old in ORGAN_SUFFIXES and new in ORGAN_SUFFIXES:
        return False  # 生态环境厅, 农业农村委, 农业农村部: the organ suffix varies with the level, not a typo
    if c.group == "strict" and n <= 4 and not confusable(new, old):
        return False  # 一国两府, 湖长制, 双减: a short formula has legitimate neighbours one character away
    if _common_word_instead(c, cand, freq):
        return False  # 推进长江经济带发展, 政务信息公开: a common word in place of the name's word
    if c.pos == 0 and c.group == "strict" and not confusable(new, old) \
            and freq.get(cand[:2], 0) >= COMMON_WORD_FREQ and freq.get(c.name[:2], 0) >= COMMON_WORD_FREQ:
        return False  # 村民代表大会 (人民代表大会): another common word heading the name names another body
    alt = _alt_word(c, cand)
    if alt and freq.get(alt, 0) > 0 and not confusable(new, old) and not _distinctive_rest(c, freq) \
            and zipf(alt) >= OTHER_WORD_ZIPF:
        # 党纪学习教育 beside 党史学习教育: the replaced character forms another word with its neighbour
        # (党纪 like 党史) and the rest is ordinary words (学习教育), so the phrase is another name of the
        # same pattern, not a typo; a rest holding a rare word (扫黑 of 扫黑险恶) still identifies the name
        return False
    edge = c.pos in (0, n - 1)  # 支出决算情(况) is another word going on, not 支出决算表 mistyped
    if c.group == "strict" and n >= 5 and (not edge or (c.pos == 0 and left_ok and alt and right_ok)):
        # 镇村振兴战略: a formula's first character replaced, forming no word with its neighbour (镇村)
        return True
    if (confusable(new, old) or freq.get(new, 0) < COMMON_CHAR_FREQ) and _broken(doc, c.start, c.end):
        return True
    if c.group in ("strict", "phrase", "heading") and confusable(new, old) \
            and _no_word_at(text, c.start + c.pos, freq):
        # 支出觉算表, 干部兑伍建设, 习近平外交思降: a same-sound or look-alike character that forms no word
        # with either neighbour (jieba, wordfreq) though jieba's HMM glued it into one
        return True
    if n != 4:
        return False
    h = n // 2
    intact = c.name[h:] if c.pos < h else c.name[:h]
    return freq.get(intact, 0) < DISTINCTIVE_FREQ and left_ok and right_ok


# a word this frequent (jieba) standing where the name has another word is a different wording
COMMON_WORD_FREQ = 1000
# a replaced character forming a word this common (wordfreq zipf: 党纪 3.0, 党章 3.6; not 镇村 1.9, 驶动
# 0) makes the near miss another name of the same pattern unless the characters are confusable
OTHER_WORD_ZIPF = 2.5
FUNCTION_CHARS = frozenset("的之地了")
# modal words and the one character written Chinese uses for them before a verb (需报告, 应公开, 须整改, 可申请)
MODAL_SHORT = {"需要": "需", "应该": "应", "应当": "应", "必须": "须", "可以": "可", "能够": "能"}
# offices in a formula that only its leader holds: a same-sound character in the name before them is a slip
LEADER_TITLES = ("总书记", "主席", "为核心的党中央")
# what is left of a formula's word that lost a character is a common word from this wordfreq zipf up (中国
# 6.9, 组织 5.6); below it a web-crawl fragment (习近 3.0, 高质 2.7, 同体 2.4)
REST_ZIPF = 3.5
# words that only modify a noun (区别词) and never end a name: 一般预算公共 is 一般公共预算 scrambled
ATTRIBUTIVE_ONLY = frozenset({"一般", "公共", "专项", "国有"})
# a formula adapted to the local level puts one of these where the national name has 国 (依法治市委, 依法治县)
LEVEL_CHARS = frozenset("省市州盟县区旗镇乡村街")
NUMERALS = frozenset("〇零一二三四五六七八九十百千两")
FREE_VARIANTS = frozenset("及和与并、或暨")
# the last character of an organ's name, which varies with its level (部 nationally, 厅 in a province,
# 局 in a city or county, 委 in a municipality, 所/站 in a town; 人民法院/人民法庭)
ORGAN_SUFFIXES = frozenset("部厅局委办所站处科室院庭会署司队")
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "\"": "\""}


def _quoted(text: str, s: int, e: int) -> bool:
    """The span lies inside a pair of quotation marks on its line (a cited term: “一国两府”)."""
    left = text.rfind("\n", 0, s) + 1
    for k in range(s - 1, max(left, s - 20) - 1, -1):
        ch = text[k]
        if ch in QUOTES.values() and ch != "\"":
            return False
        if ch in QUOTES:
            close = text.find(QUOTES[ch], e, e + 20)
            nl = text.find("\n", e)
            return close >= 0 and (nl < 0 or close < nl)
    return False


# what may stand right before an organ's name: its place's suffix, a determiner or a conjunction, the
# Party committee or the government it belongs to (县委组织部, 县政府办公室)
ORGAN_BEFORE = frozenset("省市州盟县区旗镇乡村街本我该各全和与及、由向对经在委府")


def _accept_organ(c: Candidate, doc, exact: list[tuple[int, int, str]], freq) -> bool:
    """An organ's name with one edit (names.organ_variants): it stands where an organ's name starts (after
    punctuation, a place's suffix, 本/我/该/各 or a conjunction, or on a word boundary when the edit is not
    its first character), lies inside no name written correctly (县人民检察院 holds no variant), and an
    edited last character forms no word with the next one (教育局局长, 档案管理, 公安干警)."""
    text = doc.text
    cand = text[c.start:c.end]
    edit = classify(cand, c.name) or _moved(cand, c.name)
    if edit is None:
        return False
    last_edited = cand[-1] != c.name[-1] or (edit[0] == "doubled" and cand[-2] == cand[-1])
    if last_edited and freq.get(text[c.end - 1:c.end + 1], 0):
        return False
    lo = bisect.bisect_left(exact, (c.start - MAX_NAME,))
    hi = bisect.bisect_left(exact, (c.end + 1,))
    if any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e, _n in exact[lo:hi]):
        return False
    if c.start == 0 or not is_han(text[c.start - 1]) or text[c.start - 1] in ORGAN_BEFORE:
        return True
    return edit[1] > 0 and doc.is_boundary(c.start)


# how far around a near miss a parallel series is looked for (characters)
PARALLEL_SPAN = 150


def _parallel_slot(text: str, c: Candidate, cand: str) -> bool:
    """The replaced character's slot is filled with two or more other characters in the same frame nearby
    (以为民为宗旨,以育民为中心,以安民为保障,以乐民为动力: 以X民为 is a parallel series, 育民 intended)."""
    k = c.pos
    left, right = cand[max(k - 1, 0):k], cand[k + 1:k + 3]
    if len(left) + len(right) < 3:
        return False
    frame = re.compile(re.escape(left) + "([\u4e00-\u9fff])" + re.escape(right))
    around = text[max(0, c.start - PARALLEL_SPAN):c.end + PARALLEL_SPAN]
    fills = {m.group(1) for m in frame.finditer(around)} - {cand[k], c.name[k]}
    return len(fills) >= 2


def _reworded(doc, c: Candidate, cand: str, freq) -> bool:
    """A form cell said in other words, not mistyped: the added character makes a word with its
    neighbour (补正后申请内容仍然不明确: 仍然), or the cell ends on the head of its last word, itself a
    word (上年结转…申请数 for …申请数量)."""
    if c.kind == "extra":
        k = c.start + c.pos
        return any(len(w) >= 2 and freq.get(w, 0) > 0 for w in doc.words_in(k, k + 1))
    k = 0
    for w in _segmented(c.name):
        if k <= c.pos < k + len(w):
            rest = w[:c.pos - k] + w[c.pos - k + 1:]
            if MODAL_SHORT.get(w) == rest:
                return True  # 其他需报告的事项: 需 is the written form of 需要 before a verb
            return bool(rest) and freq.get(rest, 0) > 0 and (len(rest) >= 2 or c.pos == len(cand))
        k += len(w)
    return False


# a sibling cell of a form written whole this close (characters) shows how the report writes its cells
SIBLING_SPAN = 300


def _sibling_whole(c: Candidate, exact: list[tuple[int, int, str]]) -> bool:
    """A cell cut at its end (现行有效件) next to sibling cells of the same form written whole with the
    same last word (本年制发件数, 本年废止件数): the report writes the form's words in full, so the cut
    one lost its last character and was not reworded."""
    if c.kind != "missing" or c.pos != c.end - c.start:
        return False
    last = _segmented(c.name)[-1]
    if len(last) < 2:
        return False
    lo = bisect.bisect_left(exact, (c.start - SIBLING_SPAN,))
    hi = bisect.bisect_left(exact, (c.end + SIBLING_SPAN,))
    return any(name != c.name and name.endswith(last) for _s, _e, name in exact[lo:hi])


def _drop_evidenced(c: Candidate, text: str, exact: list[tuple[int, int, str]]) -> bool:
    """A heading with a word dropped is a typo only on evidence: the report writes the full heading
    elsewhere, or writes the dropped word after the word that now stands before the gap (主动政府信息的
    主要类别 in a report saying 主动公开 elsewhere). A report may shorten a statutory heading on purpose
    (存在的问题及改进情况, 主动公开情况)."""
    if any(name == c.name for _s, _e, name in exact):
        return True
    words = _segmented(c.name)
    cand = text[c.start:c.end]
    for i in range(1, len(words) - 1):
        if "".join(words[:i] + words[i + 1:]) == cand:
            return (words[i - 1] + words[i]) in text
    return False


def _distinctive_rest(c: Candidate, freq) -> bool:
    """A word of the name other than the edited one is rare as a word (扫黑, 初心): the name is
    recognised by it."""
    k = 0
    for w in _segmented(c.name):
        if not k <= c.pos < k + len(w) and len(w) >= 2 and freq.get(w, 0) < DISTINCTIVE_FREQ:
            return True
        k += len(w)
    return False


def _alt_word(c: Candidate, cand: str) -> str:
    """The name's word (of two or more characters) holding the replaced character, read in the
    candidate (乡村振兴战略 / 镇村振兴战略 -> 镇村); "" for a one-character word."""
    k = 0
    for w in _segmented(c.name):
        if k <= c.pos < k + len(w):
            return cand[k:k + len(w)] if len(w) >= 2 else ""
        k += len(w)
    return ""


def _common_word_instead(c: Candidate, cand: str, freq) -> bool:
    """The name's word holding the replaced character, read in the candidate, is a common word."""
    alt = _alt_word(c, cand)
    return bool(alt) and freq.get(alt, 0) >= COMMON_WORD_FREQ


def _accept_term(c: Candidate, doc, cand: str, freq, left_ok: bool) -> bool:
    """Finance terms (terms.txt): the milder rules of the original term-typo."""
    text = doc.text
    n = len(c.name)
    if not _end_ok(doc, c.start, c.end, c.name):
        return False
    if c.kind == "swapped" and n >= 5:
        # 无转结下年度…: the swap glues the first character to the word before (no left boundary);
        # the evidence is the broken segmentation it leaves, as for every other edit
        return _odd(doc, c.start, c.end, freq)
    if not left_ok:
        return False
    if c.kind == "missing":
        if n == 4 and c.pos not in (0, 3):
            return False
        if c.name.endswith("经费") and c.pos == n - 2:
            return False  # 机关运行费, 人员费: 费 stands for a closing 经费 in the finance forms' own wording
        if c.pos == 0 and not (_edge_drop(text, c) or (n > 4 and _stray(doc, c.start, -1, freq))):
            return False
        if c.pos == len(cand) and _completed_after(doc, c):
            return False  # 因公出国（境）经费: the word after (经费) ends with the lost character, in other words
        if c.pos == len(cand) and not (_edge_drop(text, c) or (n >= 6 and _stray(doc, c.end - 1, 1, freq))):
            return False  # 国有资本经营预财政拨款: a long term lost its last character before the next word
    elif c.kind == "replaced" and ((c.pos > 0 and cand[c.pos] == cand[c.pos - 1])
                                   or (c.pos + 1 < len(cand) and cand[c.pos] == cand[c.pos + 1])):
        # 公用用车 for 公务用车: the neighbour typed again; evidence of a slip is a broken segmentation,
        # or the segmenter splitting the doubled pair (公用|用车), which a reduplication (看看) never is
        k = c.start + c.pos + (1 if c.pos + 1 < len(cand) and cand[c.pos] == cand[c.pos + 1] else 0)
        return doc.is_boundary(k) or _odd(doc, c.start, c.end, freq)
    elif c.kind in ("extra", "replaced"):
        new = cand[c.pos]
        old = c.name[c.pos] if c.kind == "replaced" else ""
        if freq.get(new, 0) >= COMMON_CHAR_FREQ and not (old and confusable(new, old)):
            return False
        if old and not confusable(new, old) and _forms_word(cand, c.pos, freq):
            return False  # 运维费 for 运行费, 政府性基金决算: another real word in the term's place, another wording
    return _odd(doc, c.start, c.end, freq)


def _idiom_frame(text: str, c: Candidate) -> bool:
    """The near-idiom stands as a phrase of its own: between punctuation, or before 的/地/得/，
    (一丝不够， / 实事求事地), not as the start of a longer phrase (发扬广大干部)."""
    before = text[c.start - 1] if c.start > 0 else "\n"
    after = text[c.end] if c.end < len(text) else "\n"
    return (not is_han(before) or before in "、") and (not is_han(after) or after in "的地得")


def _edge_drop(text: str, c: Candidate) -> bool:
    """A character lost at the name's edge next to punctuation or a line start/end (三、出决算表,
    队伍建,), unless the line was only wrapped there (公共财⏎政拨款)."""
    lost = c.name[c.pos]
    if c.pos == 0:
        if c.start > 0 and is_han(text[c.start - 1]):
            return False
        return not text[:c.start].rstrip().endswith(lost)
    if c.end < len(text) and (is_han(text[c.end]) or text[c.end] in "(（"):
        return False
    return not text[c.end:].lstrip().startswith(lost)


@cache
def _name_prefixes() -> frozenset[str]:
    """Every prefix of every name (a wrapped line's first half continues one of them)."""
    return frozenset(name[:k] for name, _g in entries() for k in range(2, len(name) + 1))


def _continued(text: str, end: int) -> bool:
    """The line ends at ``end`` and the next line's first characters carry the text on into a name
    (公务用车购置及运行⏎维护费: 公务用车购置及运行维 begins 公务用车购置及运行维护费): a wrap (PDF, a table
    header cell), not a word cut short."""
    k = end
    while k < len(text) and text[k] in " \t\u3000":
        k += 1
    if k >= len(text) or text[k] != "\n":
        return False
    nxt = text[k + 1:].lstrip(" \t\u3000")
    if not nxt or not is_han(nxt[0]):
        return False
    start = end
    while start > 0 and is_han(text[start - 1]) and end - start < MAX_NAME:
        start -= 1
    line = text[start:end]
    prefixes = _name_prefixes()
    return any(line[i:] + nxt[0] in prefixes for i in range(len(line) - 1))


def _forms_word(cand: str, pos: int, freq) -> bool:
    """The character at ``pos`` forms a word (jieba, or wordfreq zipf >= 2.5) with a neighbour inside
    ``cand`` (运维, 决算)."""
    pairs = [p for p in (cand[max(pos - 1, 0):pos + 1], cand[pos:pos + 2]) if len(p) == 2]
    return any(freq.get(p, 0) or zipf(p) >= OTHER_WORD_ZIPF for p in pairs)


def _completed_after(doc, c: Candidate) -> bool:
    """A name cut before its last character(s) where the next word ends with them (因公出国（境）经费:
    经费 ends with 费): the author wrote a longer word, nothing is lost."""
    tail = c.name[c.pos:]
    if c.end >= len(doc.text) or not is_han(doc.text[c.end]):
        return False
    after = doc.words_in(c.end, c.end + 1)
    return bool(tail) and bool(after) and len(after[0]) > len(tail) and after[0].endswith(tail) \
        and doc.text.startswith(after[0], c.end)


def _stray(doc, i: int, side: int, freq) -> bool:
    """Character ``i`` is a word on its own and forms no word with its neighbour on ``side``
    (法治建基础: 建 stands alone and 建基 is no word, so 法治建设 lost its 设)."""
    text = doc.text
    j = i + side
    if not (0 <= j < len(text)) or not is_han(text[i]) or not (doc.is_boundary(i) and doc.is_boundary(i + 1)):
        return False  # （境）: a bracket is no stray character
    pair = text[min(i, j):max(i, j) + 1]
    return freq.get(pair, 0) == 0


def _in_person_name(name: str, pos: int) -> bool:
    """Position ``pos`` of ``name`` lies in a leader's name it holds (邓小平同志, 习近平新时代…)."""
    for person in people():
        a = name.find(person)
        if a >= 0 and a <= pos < a + len(person):
            return True
    return False


def _odd_at(doc, c: Candidate, freq) -> bool:
    """The word holding the replaced character is a lone character, or a rare word (jieba's dictionary has
    typos: 自治洲 3) rarer than the same word with the right character (自治州)."""
    i = c.start + c.pos
    words = doc.words_in(i, i + 1)
    if not words:
        return False
    w = words[0]
    if len(w) == 1:
        return True
    start = i
    while start > 0 and not doc.is_boundary(start):
        start -= 1
    k = i - start
    fixed = w[:k] + c.name[c.pos] + w[k + 1:] if 0 <= k < len(w) else w
    return (freq.get(w, 0) or 0) < DISTINCTIVE_FREQ and (freq.get(fixed, 0) or 0) > (freq.get(w, 0) or 0)


def _is_division(name: str) -> bool:
    """A real division of the national division codes (reportlint.places): another place, not a typo."""
    try:
        from reportlint.places import divisions
    except ImportError:  # pragma: no cover - the divisions module is optional here
        return False
    return bool(divisions().lookup(name))


def _rare_word_fixed(doc, c: Candidate, cand: str, freq) -> bool:
    """The one word covering the wrong word is rare in the dictionary (jieba's has some typos: 竟争力 3)
    and the same word with the fix is a common one (竞争力)."""
    words = doc.words_in(c.start, c.end)
    if len(words) != 1 or cand not in words[0] or (freq.get(words[0], 0) or 0) >= DISTINCTIVE_FREQ:
        return False
    return (freq.get(words[0].replace(cand, c.name, 1), 0) or 0) >= COMMON_WORD_FREQ


def _lone_before_word(doc, i: int, freq) -> bool:
    """Character ``i`` is a word on its own, a dictionary word of two or more Han characters follows,
    and the two characters across the gap are no word, or a rare one (法治建|基础: 建基 3)."""
    text = doc.text
    if i + 2 > len(text) or (freq.get(text[i:i + 2], 0) or 0) >= DISTINCTIVE_FREQ \
            or not (doc.is_boundary(i) and doc.is_boundary(i + 1)):
        return False
    words = doc.words_in(i + 1, i + 2)
    w = words[0] if words else ""
    return len(w) >= 2 and is_han(w[0]) and bool(freq.get(w, 0))


def _odd_around(doc, s: int, e: int, freq) -> bool:
    """Every word crossing the span's edges is one no dictionary has."""
    words = doc.words_in(s, e)
    return bool(words) and all(freq.get(w, 0) == 0 for w in (words[0], words[-1])
                               if len(w) > 1 and is_han(w[0]))


def _odd(doc, s: int, e: int, freq) -> bool:
    """The span segments into a stray single character or a word no dictionary has (jieba's HMM
    glued 日效性 together): a corrupted word, not ordinary words."""
    return any((len(w) == 1 or freq.get(w, 0) == 0) and is_han(w[0]) for w in doc.words_in(s, e))


# a pair this rare is no word for _no_word_at: jieba's dictionary keeps a few junk pairs (脱货 3) and wordfreq
# web-crawl fragments (战都 1.6, 乡时 1.3, 一情 1.2) that no text uses as words
RARE_PAIR_FREQ = 5
RARE_PAIR_ZIPF = 2.0


def _no_word_at(text: str, i: int, freq) -> bool:
    """The character at ``i`` forms no word (jieba, wordfreq: none, or a rare fragment) with its Han
    neighbours, of which it has one at least."""
    pairs = [p for p in (text[max(i - 1, 0):i + 1], text[i:i + 2]) if len(p) == 2 and all(map(is_han, p))]
    return bool(pairs) and i > 0 and all((freq.get(p, 0) or 0) < RARE_PAIR_FREQ and zipf(p) < RARE_PAIR_ZIPF
                                         for p in pairs)


def _gap_no_word(text: str, g: int, freq) -> bool:
    """The two Han characters either side of position ``g`` form no word (jieba, wordfreq)."""
    pair = text[g - 1:g + 1]
    return len(pair) == 2 and all(map(is_han, pair)) and not freq.get(pair, 0) and zipf(pair) == 0


def _word_broken(c: Candidate, freq) -> bool:
    """The word of the name (jieba's segmentation of it) that lost its character is left no word."""
    k = 0
    for w in _segmented(c.name):
        if k <= c.pos < k + len(w):
            rest = w[:c.pos - k] + w[c.pos - k + 1:]
            return len(w) >= 2 and not freq.get(rest, 0) and zipf(rest) == 0
        k += len(w)
    return False


def _edge_doubled(doc, c: Candidate, freq) -> bool:
    """A formula written whole with its first character typed again before it (推动高高质量发展) or its last
    after it (长江经济带带,): the extra copy ends no word (jieba, up to four characters; wordfreq for a pair)
    with what stands before it (提高高质量发展, 健全全面…, 中华人民共和国国民经济…), or starts none with
    what follows (社会会议, 经济带带动), and is no reduplication the language uses (人人, 常常)."""
    text = doc.text
    i = c.start if c.pos == 0 else c.end - 1
    if freq.get(text[i] * 2, 0) >= COMMON_WORD_FREQ:
        return False  # 人人, 常常: a reduplication the language uses
    if c.pos == 0:
        words = [text[i - k + 1:i + 1] for k in range(2, 5) if i - k + 1 >= 0]
    else:
        words = [text[i:i + k] for k in range(2, 5) if i + k <= len(text)]
    # a copy starting a word: any pair wordfreq knows counts (念好山水经: 念好 1.3, a slogan verb jieba lacks)
    least = OTHER_WORD_ZIPF if c.pos == 0 else 0.0
    return not any(all(map(is_han, w)) and (freq.get(w, 0) or (len(w) == 2 and zipf(w) > least))
                   for w in words)


def _word_left_rare(c: Candidate, freq) -> bool:
    """The name's word (jieba's segmentation of it, two characters or more) that lost the character is left
    as one character or as no common word (jieba < COMMON_WORD_FREQ, wordfreq zipf < REST_ZIPF: 发展 -> 发,
    现代化 -> 代化, 习近平 -> 习近); a one-character word dropped whole (西部(大)开发) or a word left common
    (中国(式) -> 中国, 党组织 -> 组织) is another wording."""
    k = 0
    for w in _segmented(c.name):
        if k <= c.pos < k + len(w):
            rest = w[:c.pos - k] + w[c.pos - k + 1:]
            if MODAL_SHORT.get(w) == rest:
                return False  # 需 for 需要, 应 for 应当: the written form before a verb
            return len(w) >= 2 and (len(rest) == 1 or ((freq.get(rest, 0) or 0) < COMMON_WORD_FREQ
                                                       and zipf(rest) < REST_ZIPF))
        k += len(w)
    return False


def _whole_word_dropped(c: Candidate, freq) -> bool:
    """The lost character is a one-character word of the name (jieba: 最多|跑|一次) between two dictionary
    words of two characters or more: what is left (最多一次) is an ordinary phrase, another wording."""
    words = _segmented(c.name)
    k = 0
    for i, w in enumerate(words):
        if k == c.pos and len(w) == 1:
            around = words[i - 1:i] + words[i + 1:i + 2]
            return len(around) == 2 and all(len(x) >= 2 and freq.get(x, 0) for x in around)
        k += len(w)
    return False


def _broken(doc, s: int, e: int) -> bool:
    """The span segments into a stray single character (a corrupted word), not ordinary words."""
    return any(len(w) == 1 and is_han(w) for w in doc.words_in(s, e))


def _end_ok(doc, s: int, e: int, term: str) -> bool:
    """The candidate ends on a word boundary, or inside a word that continues the term's own
    ending (三公经经费支出: 经费支出 starts with the term's 经费)."""
    if doc.is_boundary(e):
        return True
    k = e - 1
    while k > s and not doc.is_boundary(k):
        k -= 1
    tail = doc.text[k:e]
    return len(tail) >= 2 and term.endswith(tail)


def choose(cands: list[Candidate], text: str = "") -> list[Candidate]:
    """Non-overlapping candidates: longer names first, an added character last, then earlier, then a confusable replacement
    (党吏学习教育 is 党史学习教育 with a look-alike, not 党纪学习教育), then by name (deterministic)."""
    def key(c: Candidate):
        far = not (c.kind == "replaced" and c.pos >= 0 and c.start + c.pos < len(text)
                   and confusable(text[c.start + c.pos], c.name[c.pos]))
        # an extra character yields to a replaced one of the same name (学习刁近平: 刁 for 习, not 习刁 with 刁 added)
        return -len(c.name), c.kind == "extra", c.start, far, c.name

    chosen: list[Candidate] = []
    for c in sorted(cands, key=key):
        if not any(c.start < o.end and o.start < c.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def pairwise_doubled(s: str) -> bool:
    return any(a == b for a, b in itertools.pairwise(s))
