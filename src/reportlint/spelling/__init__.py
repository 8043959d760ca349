"""Typos: names that must be exact, doubled words, truncated words, wrong words, confusable pairs.

``find_typos(doc, extra_terms=(), unit_name=None)`` returns :class:`Typo` items in text order, each
with the exact fix. Sources of evidence, strongest first:

- a near miss of a name in ``lexicons/`` (terms.txt, names.yaml) or of the report's own unit name and
  place (a character missing, extra, replaced by a same-sound or look-alike one, swapped; a word of
  a set phrase moved or dropped): :mod:`reportlint.spelling.names`;
- a wrong word from ``confusion.yaml`` (拔款, 布署, 再接再励) or a confusable pair in a context that
  decides it (累积完成1234万元);
- a word typed twice (:mod:`reportlint.spelling.repeats`);
- a cited policy title one word off a central document in ``policies.yaml`` (a word dropped, or a
  character replaced by a same-sound or look-alike one; a jieba word replaced, dropped or added when
  the 文号 or the central issuer names the document, a 关于印发〈X〉 title without 的通知:
  :mod:`reportlint.spelling.titles`);
- a national catalogue name cut inside a word before its figure in a list of such names (科技服1家:
  :mod:`reportlint.spelling.catalogues`);
- a false start: a non-word pair before a common word starting with its first character (提实提高);
- a word cut short before punctuation whose whole form the same report uses elsewhere (实际规(㎡)
  beside 批复规模(㎡));
- a year with a digit or two typed twice (202020年, 20232年): five or six digits before 年;
- a phrase the report writes at least twice, once with a character that forms no word there
  (经济乎稳较快 beside 经济平稳较快: :mod:`reportlint.spelling.ownterms`);
- the unit's own place with its suffix typed twice (二街镇镇严格按照); an organ's stem with a same-sound
  or look-alike character (县材政局: :func:`reportlint.spelling.general.organ_swaps`).

The end of a text that was cut off mid-sentence (``Document.excerpt_end``) is never reported: an
excerpt ending inside a word is the cut, not the author's typo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportlint.spelling.data import confusable, context_pairs, policy_titles
from reportlint.spelling.general import common_swaps, han_runs_counted, lint_typos, organ_swaps
from reportlint.spelling.names import Candidate, _moved, accept, choose, classify, is_han, scan
from reportlint.spelling.repeats import find_repeats

KIND_LABELS = {
    "missing": "缺字", "extra": "多字", "doubled": "重复字", "replaced": "错字", "swapped": "字序颠倒",
    "word-swap": "词序颠倒", "word-drop": "缺词", "word-dup": "多词", "wrong-word": "别字", "repeat": "词语重复",
    "truncated": "缺字", "context": "用词不当", "year": "年份有误", "char": "错字", "policy": "文件名称有误", "own": "本单位名称不一致",
    "variant": "非推荐词形", "false-start": "误输入", "own-term": "与本文写法不一致",
}


@dataclass(frozen=True)
class Typo:
    start: int
    end: int
    fix: str  # the replacement for text[start:end]
    kind: str  # a key of KIND_LABELS
    name: str  # the exact form the fix restores (a name, a word, a title)
    why: str = ""
    severity: str = ""  # "" (the rule's) or "warning": weaker evidence

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def find_typos(doc, extra_terms: tuple[str, ...] = (), unit_name: str | None = None) -> list[Typo]:
    from reportlint.nlp import tokenizer

    freq = tokenizer().FREQ
    text = doc.text
    cands, exact = scan(text, tuple(extra_terms))
    kept = [c for c in cands if accept(c, doc, exact, freq)]
    kept += _own_name_candidates(doc, unit_name, freq)
    out: list[Typo] = []
    for c in choose(kept, text):
        kind = c.group if c.group in ("own", "variant") else c.kind
        out.append(Typo(c.start, c.end, c.name, kind, c.name, _edit_label(c.kind) if kind == "own" else ""))
    out += _own_suffix_doubled(text, unit_name, freq, _Taken((t.start, t.end) for t in out))
    taken = _Taken((t.start, t.end) for t in out)
    for r in find_repeats(doc):
        if not _overlaps(r.start, r.end, taken):
            out.append(Typo(r.start, r.end, "", "repeat", r.unit, f"“{r.unit}”连写了两次"))
    for pat, fix, why, organ, severity, unless in context_pairs():
        if unless is not None and unless.search(text):
            continue
        for m in pat.finditer(text):
            s, e = m.span(1)
            if not _overlaps(s, e, taken):
                fixed = m.expand(fix) if "\\" in fix else fix
                if organ:
                    fixed = _organ_written(text, m.group(1), s, fixed)
                out.append(Typo(s, e, fixed, "context", fixed, why, severity))
                if severity:
                    break  # a template's wording (机构运行经费): said once, at its first use
    out += _policy_typos(text)
    from reportlint.spelling.laws import cited_word_swaps

    out += [Typo(s, e, f"《{name}》", "policy", name, "本文他处引用了该法规的正确名称")
            for s, e, name in cited_word_swaps(text)]
    # a central title one word off or a 关于印发〈…〉 title without 的通知 (titles), a catalogue name cut short
    from reportlint.spelling.catalogues import catalogue_cuts
    from reportlint.spelling.titles import title_typos

    taken = _Taken((t.start, t.end) for t in out)
    out += [Typo(*x) for x in title_typos(text) + catalogue_cuts(text) if not _overlaps(x[0], x[1], taken)]
    out += _number_typos(text)
    out += _level_drops(text)
    taken = _Taken((t.start, t.end) for t in out)
    for i, wrong, right in lint_typos(text):
        if not _overlaps(i, i + 1, taken):
            taken.append((i, i + 1))
            out.append(Typo(i, i + 1, right, "char", right, f"“{wrong}”形近或音近误用，应为“{right}”"))
    runs, pair_counts = han_runs_counted(text)
    for s, wrong, right in common_swaps(text, runs):
        if not _overlaps(s, s + len(wrong), taken):
            out.append(Typo(s, s + len(wrong), right, "char", right, f"“{wrong}”不成词，应为“{right}”"))
    taken = _Taken((t.start, t.end) for t in out)
    for s, wrong, right in organ_swaps(text):
        if not _overlaps(s, s + 2, taken):
            out.append(Typo(s, s + 2, right, "char", right, f"“{wrong}”不成词，应为“{right}”"))
    out += _own_terms(text, runs, freq, _Taken((t.start, t.end) for t in out), pair_counts)
    out += _truncated(doc, freq, _Taken((t.start, t.end) for t in out))
    out += _false_starts(doc, freq, _Taken((t.start, t.end) for t in out))
    out += _cut_before_breakdown(doc, freq, _Taken((t.start, t.end) for t in out))
    out += _cut_after_conjunction(doc, freq, _Taken((t.start, t.end) for t in out))
    out += _line_cuts(doc, freq, _Taken((t.start, t.end) for t in out))
    out += _malformed_years(text)
    out += _joins(text, _Taken((t.start, t.end) for t in out))
    cut = len(text.rstrip())
    if cut and is_han(text[cut - 1]):
        # the text stops inside a word (an excerpt's cut): a word that lost its end there is the cut's doing
        out = [t for t in out if not (t.end >= cut and t.fix.startswith(text[t.start:t.end]))]
    extra = set(extra_terms)
    out = [t for t in out if text[t.start:t.end] not in extra]
    if out:
        out = [t for t in out if not _across_cells(doc, t.start, t.end)]
    return sorted(out, key=lambda t: (t.start, t.end))


# the raw white space between two cells of a table row that the loader dropped between Han characters
_CELL_GAP = re.compile(r"[ \t\u3000]+")


def _across_cells(doc, start: int, end: int) -> bool:
    """The span joins characters across a table cell boundary: a white space of the raw text dropped
    between them, on a line of a table (the source's table cells) or of three or more spaced cells
    (序号 单位名称 备注: 上海市普陀区财政局财政所 预算不单列 is no 财政所预算)."""
    offsets = doc.offsets
    raw = doc.raw
    for i in range(start + 1, min(end, len(offsets))):
        a, b = offsets[i - 1], offsets[i]
        if b - a > 1 and _CELL_GAP.fullmatch(raw, a + 1, b):
            line_start = raw.rfind("\n", 0, a) + 1
            line_end = raw.find("\n", b)
            line = raw[line_start:line_end if line_end >= 0 else len(raw)]
            if raw.count("《", line_start, a) > raw.count("》", line_start, a):
                continue  # 《财政部 应急部 国家林草局关于…》: the spaces between a title's joint issuers
            src = doc.source
            info = src.location(raw.count("\n", 0, a) + 1) if src is not None else None
            if (info is not None and info.table is not None) \
                    or len(_CELL_GAP.findall(_TITLES_IN_LINE.sub("", line).strip())) >= 2:
                return True
    return False


_TITLES_IN_LINE = re.compile(r"《[^《》\n]*》")


# an organ's name after its stem (财政局, 卫生健康委员会, 教育和体育局, 财政所)
_ORGAN_AFTER = r"(?:[和与][\u4e00-\u9fff]{1,4})?(?:委员会|办公室|局|委|厅|所)"


def _organ_written(text: str, stem: str, at: int, guess: str) -> str:
    """The organ's full name that the report writes elsewhere: ``guess`` (财政局) if written, else
    the first other name on the same stem (卫生健康委员会); "" when the report writes none."""
    if guess in text[:at] or guess in text[at + len(stem):]:
        return guess
    m = re.search(re.escape(stem) + _ORGAN_AFTER, text)
    return m.group(0) if m else ""


def _edit_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


class _Taken:
    """Spans already reported, as the set of their positions: an overlap test costs the span's length,
    not the number of spans (a one-line text of millions of characters has thousands of them)."""

    def __init__(self, spans=()):
        self.cells: set[int] = set()
        for a, b in spans:
            self.append((a, b))

    def append(self, span: tuple[int, int]) -> None:
        self.cells.update(range(*span))

    def hits(self, s: int, e: int) -> bool:
        return any(i in self.cells for i in range(s, e))


def _overlaps(s: int, e: int, spans) -> bool:
    if isinstance(spans, _Taken):
        return spans.hits(s, e)
    return any(s < b and a < e for a, b in spans)


# ---------------------------------------------------------------- own unit name and place

_PLACE = re.compile(r"^(.{2,12}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|地区|县|旗|区|镇|乡))")


_COVER_UNIT = re.compile(r"^\s*(?:评价单位|填报单位|单位名称|预算单位|部门名称|报送单位)\s*(?:[(（]\s*(?:公章|盖章)\s*[)）])?"
                         r"\s*[:：]\s*([\u4e00-\u9fff]{4,30})\s*$", re.M)


def own_names(unit_name: str | None, text: str = "") -> list[str]:
    """The unit's names (from the context and the cover's 评价单位 line) and their places
    (青梧岭市城市管理局 -> 青梧岭市)."""
    units = [u for u in (unit_name, *(m.group(1) for m in _COVER_UNIT.finditer(text[:3000]))) if u]
    names: list[str] = []
    for u in dict.fromkeys(units):
        if len(u) < 4:
            continue
        names.append(u)
        # the name without the places above it (兴庆区玉皇阁北街街道办事处 -> 玉皇阁北街街道办事处): how the
        # body of a report names its own unit
        rest, parents = u, _parent_places(u)
        while (top := next((p for p in parents if p and rest.startswith(p)), None)) is not None:
            rest = rest[len(top):]
        if rest != u and len(rest) >= 6:
            names.append(rest)
        m = _PLACE.match(u)
        if m and 3 <= len(m.group(1)) < len(u):
            names.append(m.group(1))
        names += [p for p in _parent_places(u) if len(p) >= 4]
    return list(dict.fromkeys(names))


@cache
def _parent_places(unit: str) -> list[str]:
    """The unit's place and its parents from the division data (广西壮族自治区, 黑龙江省 …)."""
    try:
        from reportlint.places import place_chain
    except ImportError:  # pragma: no cover - the divisions module is optional here
        return []
    return [p.name for p in place_chain(unit) if p.known]


def _own_name_candidates(doc, unit_name: str | None, freq) -> list[Candidate]:
    text = doc.text
    out: list[Candidate] = []
    units = {u for u in (unit_name, *(m.group(1) for m in _COVER_UNIT.finditer(text[:3000]))) if u}
    for name in own_names(unit_name, text):
        n = len(name)
        if n < 4:
            continue
        h = n // 2
        spans = set()
        for key, left in ((name[:h], True), (name[h:], False)):
            for m in re.finditer(re.escape(key), text):
                for d in (-1, 0, 1):
                    s, e = (m.start(), m.start() + n + d) if left else (m.end() - n - d, m.end())
                    if s >= 0 and e <= len(text):
                        spans.add((s, e))
        correct = _Taken((m.start(), m.end()) for m in re.finditer(re.escape(name), text))
        for s, e in spans:
            cand = text[s:e]
            if cand == name or not _ALL_HAN.fullmatch(cand) or _overlaps(s, e, correct):
                continue
            edit = classify(cand, name)
            if edit is None or edit[0] == "extra" or freq.get(cand, 0) > 0 or _is_place(cand):
                continue
            if edit[0] == "replaced" and name not in units and not confusable(cand[edit[1]], name[edit[1]]):
                continue  # 玉皇阁南街街道办事处 beside 玉皇阁北街…: without its district a name has siblings
            if edit[1] < _short_place_stem(name):
                # 丰县财政局: in a one-character place (丰县, 沛县) the "replaced" character is the word before
                # (为/是/受县财政局) and 县财政局 is how a county's report names its own organ
                continue
            if edit[0] == "missing" and name[edit[1]] in "和与及" and 0 < edit[1] < n - 1:
                # 人力资源社会保障局 for 人力资源和社会保障局 (www.ljwns.net 渭南市人社局 2018 年报): the State
                # Council's own short form of an organ drops the 和 (住房城乡建设, 发展改革, 人力资源社会保障)
                continue
            if edit[0] == "missing" and _place_suffix_dropped(name, edit[1]):
                continue  # 共青城茶山街道办事处 for 共青城市…: the place without 市/县/区 is an accepted short form
            # the place name keeps its administrative suffix: 青梧市 for 青梧岭市, not 青梧岭 (a cut)
            if cand[-1] != name[-1] and edit[1] >= len(cand) - 1:
                continue
            out.append(Candidate(s, e, name, "own", edit[0], edit[1]))
    return out


_PLACE_SUFFIXES = "省市县区镇乡旗州盟"


def _place_suffix_dropped(name: str, i: int) -> bool:
    """``name[i]`` is the administrative suffix (省 市 县 区 旗 州 盟) closing a real place of two or more
    characters before it (共青城市 in 共青城市茶山街道办事处): dropping it leaves the place's short form."""
    if name[i] not in "省市县区旗州盟" or i < 2:
        return False
    start = max(name.rfind(ch, 0, i) for ch in "省市县区旗州盟") + 1
    place = name[start:i + 1]
    return len(place) >= 3 and (place in _parent_places(name) or _is_place(place))


def _own_places(unit_name: str | None, text: str) -> list[str]:
    """The unit's own place and the places above it (昆明市晋宁区二街镇 -> 二街镇, 晋宁区, 昆明市, 云南省):
    names of two or more characters ending in an administrative suffix."""
    out: list[str] = []
    units = [u for u in (unit_name, *(m.group(1) for m in _COVER_UNIT.finditer(text[:3000]))) if u]
    for u in dict.fromkeys(units):
        parents = _parent_places(u)
        rest = u
        while (top := next((p for p in parents if p and rest.startswith(p)), None)) is not None:
            rest = rest[len(top):]
        m = _PLACE.match(rest)
        out += [p for p in (*parents, m.group(1) if m else "") if len(p) >= 2 and p[-1] in _PLACE_SUFFIXES]
    return list(dict.fromkeys(out))


def _own_suffix_doubled(text: str, unit_name: str | None, freq, taken) -> list[Typo]:
    """The report's own place with its suffix typed twice (二街镇镇严格按照): the second suffix forms no
    word with what follows (二街镇镇政府, 某县县委, 某市市场 are words and left alone)."""
    from reportlint.spelling.data import zipf

    out = []
    for place in _own_places(unit_name, text):
        suffix = place[-1]
        k = text.find(place + suffix)
        while k >= 0:
            j = k + len(place)  # the second suffix
            nxt = text[j:j + 2]
            if len(nxt) == 2 and is_han(nxt[1]) and zipf(nxt) == 0 \
                    and not any(freq.get(text[j:j + n], 0) for n in (2, 3, 4)) \
                    and not _overlaps(j, j + 1, taken) and not (k > 0 and is_han(text[k - 1])
                                                               and freq.get(text[k - 1] + place[0], 0)):
                out.append(Typo(j, j + 1, "", "repeat", suffix, f"“{place}”后的“{suffix}”多打了一个"))
            k = text.find(place + suffix, k + 1)
    return out


# a span of Han characters only (is_han's ranges, wider than textutil.HAN: Extension A too), tested in C
_ALL_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _short_place_stem(name: str) -> int:
    """The length of a one-character place stem opening the unit name (1 for 丰县财政局, 沛县教育局),
    else 0: edits there are no evidence of a typo."""
    return 1 if len(name) > 2 and name[1] in "省市州盟县区旗镇乡" and is_han(name[0]) else 0


def _is_place(name: str) -> bool:
    """A real division (reportlint.places, from the national division codes): another place, not a typo."""
    try:
        from reportlint.places import divisions
    except ImportError:  # pragma: no cover - the divisions module is optional here
        return False
    return bool(divisions().lookup(name))


# ---------------------------------------------------------------- policy titles

_TITLE = re.compile(r"《([^《》\n]{6,60})》")


@cache
def _norm_titles() -> dict[str, tuple[str, str]]:
    """Listed titles compared in normalised form (no space or 、 between joint issuers, one form of each
    bracket): normalised title -> (title as listed, 文号)."""
    from reportlint.spelling.titles import _norm

    return {_norm(t): (t, n) for t, n in policy_titles().items()}


_NOT_WORD = re.compile(r"[^\w]|_")


# 年 after a year's digits: (2021—2025年) and (2021-2025) are one period, 年 optional
_YEAR_WORD = re.compile(r"(?<=[0-9])年")


def _bare(title: str) -> str:
    """A title with letters and digits only, without 年 after a year (法治政府建设实施纲要20212025)."""
    return _YEAR_WORD.sub("", _NOT_WORD.sub("", title))


@cache
def _bare_titles() -> frozenset[str]:
    """Listed titles with letters and digits only: a citation that differs from one by punctuation alone
    (法治政府建设实施纲要(20212025年), the dash lost in extraction) or by the 年 of its period
    ((2021-2025)) is a way of writing it, not a word dropped."""
    return frozenset(_bare(t) for t in policy_titles())


@cache
def _dated_titles() -> dict[tuple[int, str], list[str]]:
    """Listed titles holding a year (法治政府建设实施纲要（2021－2025年）) by (length, letters before the first
    digit) of their bare form: a citation with a digit of that year changed names the document wrongly."""
    out: dict[tuple[int, str], list[str]] = {}
    for t in policy_titles():
        bare = _bare(t)
        m = re.search(r"[0-9]", bare)
        if m:
            out.setdefault((len(bare), bare[:m.start()]), []).append(t)
    return out


def _year_changed(cited: str) -> tuple[str, str] | None:
    """(listed title, 文号) when ``cited`` is a listed dated title with one digit of its years changed
    (《法治政府建设实施纲要(2022—2025年)》 for 2021—2025)."""
    bare = _bare(cited)
    m = re.search(r"[0-9]", bare)
    if not m:
        return None
    for t in _dated_titles().get((len(bare), bare[:m.start()]), ()):
        other = _bare(t)
        diff = [i for i in range(len(bare)) if bare[i] != other[i]]
        if len(diff) == 1 and bare[diff[0]].isdigit() and other[diff[0]].isdigit():
            return t, policy_titles()[t]
    return None


def _policy_typos(text: str) -> list[Typo]:
    from reportlint.spelling.titles import _norm

    titles = _norm_titles()
    out = []
    for m in _TITLE.finditer(text):
        t = _norm(m.group(1))
        if t in titles or _bare(t) in _bare_titles():
            continue  # a listed title cited word for word, whatever the spacing between its issuers
        dated = _year_changed(t)
        if dated:
            out.append(Typo(m.start(), m.end(), f"《{dated[0]}》", "policy", dated[0], dated[1] or "年份有误"))
            continue
        for p, (listed, number) in titles.items():
            if len(p) >= 8 and len(t) == len(p) + 1:
                # a character typed twice (…暂暂行办法): an added word would be a local document's own title
                edit = classify(t, p)
                if edit and edit[0] == "doubled":
                    out.append(Typo(m.start(), m.end(), f"《{listed}》", "policy", listed, number or "重复字"))
                    break
            if len(p) >= 8 and len(t) == len(p) - 1 and classify(t, p):
                # one character lost anywhere (党主要负责人…, …检查标)
                out.append(Typo(m.start(), m.end(), f"《{listed}》", "policy", listed, number or "缺字"))
                break
            if len(p) >= 8 and len(p) == len(t):
                # one character replaced by a same-sound or look-alike one (…管理力法 for …管理办法); a
                # different word is another (local) document's title
                edit = classify(t, p) or _moved(t, p)
                if edit and edit[0] in ("replaced", "swapped") \
                        and (edit[0] == "swapped" or confusable(t[edit[1]], p[edit[1]])):
                    out.append(Typo(m.start(), m.end(), f"《{listed}》", "policy", listed, number or "错字"))
                    break
            # a word dropped from a central title; an added word (…的实施意见) is a local document's own title
            if len(p) < 8 or not 1 <= len(p) - len(t) <= 2:
                continue
            pre = 0
            while pre < min(len(p), len(t)) and p[pre] == t[pre]:
                pre += 1
            suf = 0
            while suf < min(len(p), len(t)) - pre and p[-1 - suf] == t[-1 - suf]:
                suf += 1
            if pre + suf >= len(p) - 2 and pre + suf >= len(t) - 2 and pre >= 2 and suf >= 2:
                out.append(Typo(m.start(), m.end(), f"《{listed}》", "policy", listed, number or "缺词"))
                break
    return out


# ---------------------------------------------------------------- the report's own phrases


def _own_terms(text: str, runs, freq, taken, pair_counts) -> list[Typo]:
    """A phrase the report writes at least twice, once with a character that forms no word there
    (:mod:`reportlint.spelling.ownterms`): an error when the two characters are same-sound or
    look-alike (经济乎稳较快 beside 经济平稳较快), else a warning."""
    from reportlint.spelling.data import _wordfreq_zh
    from reportlint.spelling.ownterms import own_term_variants

    out = []
    for s, e, fix, wrong, right in own_term_variants(text, runs, freq.table, _wordfreq_zh(), pair_counts):
        if _overlaps(s, e, taken):
            continue
        sure = confusable(wrong, right)
        why = f"“{wrong}”与前后不成词，本文他处写作“{fix}”"
        out.append(Typo(s, e, fix, "own-term", fix, why, "" if sure else "warning"))
    return out


# ---------------------------------------------------------------- words cut short

_CUT = re.compile(r"([\u4e00-\u9fff])(?=\s*[,，。；;:：、)）(（0-9])")


def _continuation(text: str, i: int) -> str:
    """The next two non-space characters from ``i``."""
    two = text[i:i + 2]
    if len(two) == 2 and not (two[0].isspace() or two[1].isspace()):
        return two  # the common case, without splitting
    return "".join(text[i:i + 8].split())[:2]


def _before_han(text: str, c: str, step: int = 1) -> list[int]:
    """Where character ``c`` stands before a CJK unified ideograph (U+4E00–U+9FFF), found with str.find (a
    regex per character cost a compile each). ``step=2``: the search goes on after the pair, as
    ``re.finditer(c + "[一-鿿]")`` consumes it; ``step=1`` as a lookahead does not."""
    out = []
    k = text.find(c)
    while k >= 0:
        if "\u4e00" <= text[k + 1:k + 2] <= "\u9fff":
            out.append(k)
            k = text.find(c, k + step)
        else:
            k = text.find(c, k + 1)
    return out


def _truncated(doc, freq, taken) -> list[Typo]:
    """A word cut short (实际规(㎡), 资金安 0 元) where the report has the whole word in the same frame
    elsewhere: 批复规模(㎡ and 资金安排 0 元 are followed by what follows the cut word here."""
    text = doc.text
    out = []
    # character -> (what follows its bigram -> where the bigram starts), filled on demand
    starts: dict[str, dict[str, list[int]]] = {}
    for m in _CUT.finditer(text):
        i = m.start(1)
        t = m.group(1)
        if i == 0 or not is_han(text[i - 1]) or freq.get(text[i - 1:i + 1], 0) >= 100:
            continue  # 情况, 建设: the character ends a word, it is not a word cut short
        by_follow = starts.get(t)
        if by_follow is None:
            by_follow = starts[t] = {}
            for k in _before_han(text, t):
                by_follow.setdefault(_continuation(text, k + 2), []).append(k)
        framed = by_follow.get(_continuation(text, i + 1))
        if not framed or _overlaps(i, i + 1, taken) or not (doc.is_boundary(i) and doc.is_boundary(i + 1)):
            continue
        before = text[max(0, i - 2):i]
        best = None
        for k in framed:
            w = text[k:k + 2]
            fw = freq.get(w, 0)
            if fw < 500:
                continue
            # the whole word is much commoner than the lone character, or stands in the very same
            # frame (资金安排 0 元 / 资金安 0 元)
            same_frame = text[max(0, k - 2):k] == before
            if (fw >= 5 * max(freq.get(t, 0), 1) or same_frame) and doc.is_boundary(k) \
                    and doc.is_boundary(k + 2) and (best is None or fw > best[1]):
                best = (w, fw)
        if best is None:
            continue
        prev = doc.words_in(i - 1, i)
        p = prev[-1] if prev else ""
        s = i - len(p) if p and text[i - len(p):i] == p else i
        out.append(Typo(s, i + 1, text[s:i] + best[0], "truncated", best[0],
                        f"“{text[s:i + 1]}”缺字，应为“{text[s:i]}{best[0]}”（本文他处写作“{best[0]}”）"))
    return out


def _number_typos(text: str) -> list[Typo]:
    """A central 文号's issuer prefix with a same-sound or look-alike character (:mod:`reportlint.spelling.docnumber`)."""
    from reportlint.spelling.docnumber import number_typos

    return [Typo(s, e, right, "policy", right, f"发文字号应为“{right}”") for s, e, right in number_typos(text)]


def _level_drops(text: str) -> list[Typo]:
    """本 with the unit's level dropped (领导本工作; :mod:`reportlint.spelling.ownlevel`)."""
    from reportlint.spelling.ownlevel import level_drops

    return [Typo(s, e, fix, "missing", fix, f"“本”后缺少本级名称，应为“{fix}”") for s, e, fix in level_drops(text)]


def _line_cuts(doc, freq, taken) -> list[Typo]:
    """A heading's word cut at a line break by a conversion (:mod:`reportlint.spelling.linecut`)."""
    from reportlint.spelling.general import _FREE
    from reportlint.spelling.linecut import line_cuts

    return [Typo(s, e, fix, "truncated", fix, why) for s, e, fix, why in line_cuts(doc, freq, _FREE)
            if not _overlaps(s, e, taken)]


def _joins(text: str, taken) -> list[Typo]:
    """A part heading 第X部 beside siblings 第X部分, a committee's 委员会 with 会议 written once, a series'
    last item without the character every other item ends in (:mod:`reportlint.spelling.joins`)."""
    from reportlint.nlp import tokenizer
    from reportlint.spelling.joins import (
        committee_meeting_joins,
        lost_measures,
        lost_zai,
        part_heading_cuts,
        series_suffix_drops,
    )

    found = part_heading_cuts(text) + committee_meeting_joins(text, _committees()) \
        + series_suffix_drops(text, tokenizer().FREQ) + lost_zai(text) + lost_measures(text)
    return [Typo(s, e, fix, "truncated", fix, why) for s, e, fix, why in found if not _overlaps(s, e, taken)]


@cache
def _committees() -> tuple[str, ...]:
    """Organ and strict names ending in 委员会 (纪律检查委员会, 发展和改革委员会)."""
    from reportlint.spelling.data import entries

    return tuple(n for n, g in entries() if g in ("organ", "strict") and n.endswith("委员会"))


# ---------------------------------------------------------------- a word cut short before 其中:

# a character right before 其中: (a breakdown always opens a sentence or a clause)
_BEFORE_BREAKDOWN = re.compile(r"(?<=[\u4e00-\u9fff])([\u4e00-\u9fff])(?=其中\s*[:：])")


def _cut_before_breakdown(doc, freq, taken) -> list[Typo]:
    """A lone character, forming no word with the one before, right before 其中: (…防控经费支其中:财政拨款…):
    the sentence lost its last character(s) and its end. The fix is the word the report writes elsewhere
    starting with that character (支出), with the sentence's end; "" when it writes none."""
    from reportlint.spelling.general import _FREE

    text = doc.text
    out = []
    for m in _BEFORE_BREAKDOWN.finditer(text):
        i = m.start(1)
        c = text[i]
        if c in _FREE or freq.get(text[i - 1:i + 1], 0) or _overlaps(i, i + 1, taken) \
                or not (doc.is_boundary(i) and doc.is_boundary(i + 1)):
            continue
        # the dictionary word the report writes starting with the character, after the same two
        # characters first (经费支出 for 经费支), else the commonest
        before = text[max(0, i - 2):i]
        counts: dict[str, list[int]] = {}
        for k in _before_han(text, c, step=2):
            w = text[k:k + 2]
            if k != i and (freq.get(w, 0) or 0) >= 500:
                n = counts.setdefault(w, [0, 0])
                n[0] += text[max(0, k - 2):k] == before
                n[1] += 1
        word = max(counts, key=lambda w: (counts[w], w)) if counts else ""
        fix = f"{word}。" if word else ""
        why = f"“{c}”不成词，句子在“其中”前断了" + (f"（本文他处写作“{word}”）" if word else "")
        out.append(Typo(i, i + 1, fix, "truncated", word or c, why))
    return out


# a conjunction, one character, then at least two more (管理用房及消通道)
_AFTER_CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff])[及和与并或]([\u4e00-\u9fff])(?=[\u4e00-\u9fff]{2})")


def _cut_after_conjunction(doc, freq, taken) -> list[Typo]:
    """A word cut to its first character after a conjunction (管理用房及消通道: 消毒/消防 lost its second
    character): jieba's HMM glues the conjunction and the character into a word no dictionary (jieba's,
    wordfreq's) knows, and a dictionary word of two or more characters follows. The fix is the word the
    report writes elsewhere starting with that character (消毒机 -> 消毒); none when it writes none."""
    from reportlint.spelling.data import zipf

    text = doc.text
    out = []
    for m in _AFTER_CONJUNCTION.finditer(text):
        i = m.start(1)
        pair = text[i - 1:i + 1]
        if freq.get(pair, 0) or zipf(pair) > 0 or _overlaps(i, i + 1, taken):
            continue
        if not (doc.is_boundary(i - 1) and not doc.is_boundary(i) and doc.is_boundary(i + 1)):
            continue
        nxt = doc.words_in(i + 1, i + 2)
        if not nxt or len(nxt[0]) < 2 or not freq.get(nxt[0], 0):
            continue
        c = text[i]
        counts: dict[str, int] = {}
        for k in _before_han(text, c, step=2):
            w = text[k:k + 2]
            if k != i and (freq.get(w, 0) or 0) >= 500:
                counts[w] = counts.get(w, 0) + 1
        word = max(counts, key=lambda w: (counts[w], w)) if counts else ""
        why = f"“{c}{nxt[0]}”中“{c}”后缺字" + (f"（本文他处写作“{word}”）" if word else "")
        out.append(Typo(i, i + 1, word, "truncated", word or c, why))
    return out


# ---------------------------------------------------------------- false starts

# A B A: a two-character pair followed by a word that starts with the pair's first character
_ABA = re.compile(r"(?=([\u4e00-\u9fff])([\u4e00-\u9fff])\1[\u4e00-\u9fff])")
# a word this frequent (jieba) after the pair marks the word the writer went on to type
FALSE_START_NEXT_FREQ = 1000


def _false_starts(doc, freq, taken) -> list[Typo]:
    """A pair that is no word, typed right before a word starting with the same character (提实提高:
    jieba glues 提实 into a word of its HMM, no dictionary or wordfreq knows it, and 提高 follows): a
    slip of the keys, the pair's fix unknown. Function characters (是看是否, 粮和粮食) never count."""
    from reportlint.spelling.data import zipf
    from reportlint.spelling.general import _FREE

    text = doc.text
    out = []
    for m in _ABA.finditer(text):
        i = m.start()
        a, b = m.group(1), m.group(2)
        pair, nxt = a + b, text[i + 2:i + 4]
        if a in _FREE or b in _FREE or freq.get(pair, 0) or zipf(pair) > 0 or _overlaps(i, i + 2, taken):
            continue
        if (freq.get(nxt, 0) or 0) < FALSE_START_NEXT_FREQ:
            continue
        # the pair is one word of jieba's HMM, and the next word starts right after it
        if doc.is_boundary(i) and not doc.is_boundary(i + 1) and doc.is_boundary(i + 2) \
                and doc.is_boundary(i + 4):
            out.append(Typo(i, i + 2, "", "false-start", pair, f"“{pair}”不成词，后接“{nxt}”，疑为误输入"))
    return out


# ---------------------------------------------------------------- years with digits typed twice

# not before a month and day: 202020年12月31日 is an impossible date, which date-invalid reports
_LONG_YEAR = re.compile(r"(?<![0-9０-９.,，／/\-])((?:19|20)[0-9]{3,4})(?=\s*年)(?!\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)")
_YEAR4 = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*年)")


def _malformed_years(text: str) -> list[Typo]:
    """A year of five or six digits before 年 (202020年, 20232年): no year has them, a digit or two was
    typed twice. The fix is the one year that deleting one or two neighbouring digits gives, preferring
    a year the report writes elsewhere; none when several remain (20232 -> 2022, 2023 or 2032)."""
    out = []
    for m in _LONG_YEAR.finditer(text):
        d = m.group(1)
        fixes = {d[:i] + d[i + k:] for k in (1, 2) for i in range(len(d) - k + 1) if len(d) - k == 4}
        fixes = {y for y in fixes if 1949 <= int(y) <= 2050}
        if not fixes:
            continue
        if len(fixes) > 1:
            seen = {y.group(1) for y in _YEAR4.finditer(text)} & fixes
            fixes = seen if len(seen) == 1 else fixes
        fix = next(iter(fixes)) if len(fixes) == 1 else ""
        out.append(Typo(m.start(1), m.end(1), fix, "year", fix, "年份多打了数字"))
    return out
