"""Cited titles of central documents with one word changed, and 关于印发〈…〉 titles that lost 的通知.

``title_typos(text)`` -> ``[(start, end, fix, kind, name, why)]`` (the fields of
:class:`reportlint.spelling.Typo`, kind ``policy``), in text order. Two shapes:

1. **A known title one word off** (holdout3 750: 《中共中央国务院关于全面落实预算绩效管理的意见》(中发〔2018〕34号)
   for 全面实施). The cited title and a title of ``lexicons/policies.yaml`` agree except for one word
   (jieba's words of the title): a word replaced, dropped or added, everything else the same, character
   for character. Evidence that the cited document *is* the central one, not a local one named after it:

   - the 文号 cited right after the title is the known document's (any one-word edit), or
   - the title names the same central issuer (中共中央 国务院, 财政部 …) and the edit replaces one word
     that is not the document's kind (意见, 通知, 办法: another kind is another document) with a
     near-synonym: a dictionary word of the same length sharing a character (全面落实 for 全面实施; a
     non-word is a character typo, found by the character-level check).

   A title that is a known one, or names a local issuer (中共湖南省委…关于全面实施预算绩效管理的实施意见),
   or adds a word without the known 文号 (关于全面实施预算绩效管理的实施意见: a local document's own
   title), is left alone. A 关于印发〈X〉的通知 is compared by its X as well.

2. **关于印发〈X〉》**: a wrapper title 《…关于印发〈X〉的通知》 whose 的通知 was lost, the title ending
   on what was issued (holdout3 746: 《财政部 应急部 国家林草局关于印发〈…暂行规定〉》; also without the
   inner brackets, 《关于印发X》); every other 印发/转发 title of the corpora (25) ends in 的 and the
   document's kind (的通知, 的报告 …).

Titles are also read outside 《》 when they open with a central issuer (国务院关于…的意见).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlint.spelling.data import policy_titles

# a cited title, and the 文号 in brackets right after it
_TITLE = re.compile(r"《([^《》\n]{6,90})》(?:\s*[(（]([^()（）\n]{3,30}?号)\s*[)）])?")
# a central title outside 《》: a central issuer at most 12 characters before 关于 (searched back from each
# 关于), then up to the document's kind
_ISSUER = re.compile(r"(?:中共中央|国务院|中共中央办公厅|国务院办公厅|财政部(?!门))[^，。,;；:：《》〈〉<>()（）\n]{0,12}$")
_ABOUT = re.compile(r"关于[^，。,;；:：《》〈〉<>()（）\n]{4,50}?的(?:指导意见|实施意见|意见|通知|决定)")
# a wrapper title: (issuer)关于印发〈X〉的通知
_WRAPPED = re.compile(r"^(.*?关于(?:印发|转发))〈(.+)〉(的通知)?$")
# a wrapper title cut before its 的通知: the title ends on what was issued (〈X〉 or X), with no 的 + kind
# (的补充通知, 的紧急通知, 的复函 end in their kind too)
_WRAP_CUT = re.compile(r"《([^《》\n]*关于(?:印发|转发)[^《》\n]{4,})(?<!通知)(?<!函)(?<!通报)(?<!批复)(?<!决定)"
                       r"(?<!报告)(?<!公告)(?<!意见)(?<!纪要)》")
# the kinds of document: replacing the last word makes another document
_KINDS = ("意见", "通知", "决定", "办法", "规定", "规划", "纲要", "方案", "指引", "框架", "格式", "条例", "准则", "规则")
_SPACE = re.compile(r"\s+")
_BRACKETS = str.maketrans({"<": "〈", ">": "〉", "(": "（", ")": "）", "[": "〔", "]": "〕", "［": "〔", "］": "〕",
                           "【": "〔", "】": "〕", "、": "", "－": "—", "-": "—", "–": "—", "~": "—", "～": "—"})


def _norm(s: str) -> str:
    """A title or number as compared: no white space or 、 between issuers, one form of each bracket."""
    return _SPACE.sub("", s).translate(_BRACKETS)


def _split(title: str) -> tuple[str, str]:
    """(issuer, rest from 关于 on); ("", title) without 关于."""
    i = title.find("关于")
    return (title[:i], title[i:]) if i > 0 else ("", title)


@dataclass(frozen=True)
class Known:
    title: str  # as listed (the fix names it)
    issuer: str  # normalised issuer before 关于, "" when none
    core: str  # normalised title from 关于 on (or the whole title)
    number: str  # normalised 文号, "" when none


@cache
def _known() -> tuple[tuple[Known, ...], frozenset[str]]:
    """The listed documents (a wrapper title listed by its inner title too), and every normalised title."""
    docs: list[Known] = []
    for title, number in policy_titles().items():
        t = _norm(title)
        for form in (t, *(m.group(2) for m in [_WRAPPED.match(t)] if m)):
            issuer, core = _split(form)
            docs.append(Known(title, issuer, core, _norm(number) if "号" in number else ""))
    return tuple(docs), frozenset(k.issuer + k.core for k in docs) | frozenset(k.core for k in docs)


@lru_cache(maxsize=4096)
def _bounds(s: str) -> tuple[int, ...]:
    """The offsets where jieba's words of ``s`` start and end (0 and len(s) included)."""
    from reportlint.nlp import cut

    out, at = [0], 0
    for w in cut(s):
        at += len(w)
        out.append(at)
    return tuple(out)


def one_word_edit(cited: str, known: str) -> tuple[int, int, str, str, bool] | None:
    """The one word in which ``cited`` differs from ``known``: ``(start, end, cited word, known word,
    last)`` with the offsets in ``cited`` and ``last`` when the word is the title's last; None when they
    differ in more than one word (jieba's words of each) or not at all. A dropped word gives ``cited
    word`` "", an added one ``known word`` ""."""
    if cited == known:
        return None
    n = min(len(cited), len(known))
    p = 0
    while p < n and cited[p] == known[p]:
        p += 1
    s = 0
    while s < n - p and cited[-1 - s] == known[-1 - s]:
        s += 1
    bc, bk = _bounds(cited), _bounds(known)
    # widen the differing middle to whole words on both sides
    start = max(b for b in bc if b <= p)
    end_c = min(b for b in bc if b >= len(cited) - s)
    start_k = max(b for b in bk if b <= p)
    end_k = min(b for b in bk if b >= len(known) - s)
    start = min(start, start_k)
    if start not in bc or start not in bk:
        return None
    tail = min(len(cited) - end_c, len(known) - end_k)
    end_c, end_k = len(cited) - tail, len(known) - tail
    if end_c not in bc or end_k not in bk:
        return None
    words_c = [b for b in bc if start < b < end_c]
    words_k = [b for b in bk if start < b < end_k]
    if (words_c or words_k) and not (_no_inner(bc, p, len(cited) - s) and _no_inner(bk, p, len(known) - s)):
        # more than one word on a side; but the characters that differ may lie in one word of each title
        # though jieba cut the two titles differently around them (全面加强 as 全面|加强, 全面实施 whole)
        return None
    return start, end_c, cited[start:end_c], known[start:end_k], end_k == len(known)


def _no_inner(bounds: tuple[int, ...], lo: int, hi: int) -> bool:
    """No word boundary strictly inside the characters ``lo:hi``."""
    return not any(lo < b < hi for b in bounds)


def _judge(cited: str, number: str) -> tuple[Known, int, int, str, str] | None:
    """The listed document ``cited`` (a normalised title) names one word off, with the edit in
    ``cited``'s offsets: (doc, start, end, cited word, known word); None when it names none."""
    from reportlint.nlp import word_freq

    docs, exact = _known()
    if cited in exact:
        return None
    issuer, core = _split(cited)
    if core in exact:
        return None  # the known title under another issuer's name (a local copy of it)
    freq = word_freq()
    for k in docs:
        same_number = bool(number) and number == k.number
        if not same_number and (not issuer or issuer != k.issuer or (number and number != k.number)):
            continue
        edit = one_word_edit(core, k.core)
        if edit is None:
            continue
        s, e, wc, wk, last = edit
        # the issuer alone: one word replaced by a near-synonym (a dictionary word of the same length
        # sharing a character: 全面落实/全面实施, 推进/推动), not the document's kind; a word of another
        # meaning (关于实施乡村振兴战略 / 关于实施健康中国战略) may be another central document
        if not same_number and not (wc and wk and not last and wk not in _KINDS and len(wc) == len(wk) >= 2
                                    and set(wc) & set(wk) and freq.get(wc, 0)):
            continue
        return k, len(issuer) + s, len(issuer) + e, wc, wk
    return None


def _raw_offsets(raw: str) -> list[int]:
    """For each character of ``_norm(raw)``, its offset in ``raw``."""
    return [i for i, c in enumerate(raw) if not c.isspace() and c != "、"]


def title_typos(text: str) -> list[tuple[int, int, str, str, str, str]]:
    out = []
    bracketed: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        bracketed.append(m.span())
        out += _check(text, m.start(1), m.group(1), _norm(m.group(2) or ""), m.start(), m.end(1) + 1)
    i = text.find("关于")
    while i >= 0:
        head = _ISSUER.search(text, max(0, i - 19), i)
        rest = _ABOUT.match(text, i) if head else None
        if rest and not any(a <= i < b for a, b in bracketed) \
                and (head.start() == 0 or text[head.start() - 1] not in "《〈<"):
            raw = text[head.start():rest.end()]
            out += _check(text, head.start(), raw, "", head.start(), rest.end())
        i = text.find("关于", i + 2)
    found = {(s, e) for s, e, *_ in out}
    for m in _WRAP_CUT.finditer(text):
        if m.span() in found:
            continue  # the title is already reported one word off
        fix = f"《{m.group(1)}的通知》"
        out.append((m.start(), m.end(), fix, "policy", fix, "“关于印发…”的文件名称缺“的通知”"))
    return sorted(out)


def _check(text: str, at: int, raw: str, number: str, start: int, end: int) -> list:
    """The finding on a cited title ``raw`` (at ``at`` in the text) spanning ``start:end``, if any."""
    cited = _norm(raw)
    found = _judge(cited, number)
    inner_at = 0
    if found is None:
        m = _WRAPPED.match(cited)
        if m is None:
            return []
        found = _judge(m.group(2), number)
        inner_at = m.start(2)
    if found is None:
        return []
    k, s, e, wc, wk = found
    s, e = s + inner_at, e + inner_at
    offs = _raw_offsets(raw)
    rs = offs[s] if s < len(offs) else len(raw)
    re_ = offs[e - 1] + 1 if e > s else rs
    fixed = raw[:rs] + wk + raw[re_:]
    opened = text[start] == "《"
    fix = f"《{fixed}》" if opened else fixed
    src = k.number or "原文件"
    if wc and wk:
        why = f"{src}原题为《{k.title}》，“{wc}”应为“{wk}”"
    elif wk:
        why = f"{src}原题为《{k.title}》，缺“{wk}”"
    else:
        why = f"{src}原题为《{k.title}》，多“{wc}”"
    return [(start, end, fix, "policy", k.title, why)]
