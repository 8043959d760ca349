"""A finance term with a character missing, extra or replaced.

**Finds**: one-edit variants (a character missing for terms of five or more characters, a character
extra or replaced for four or more) of the terms in ``lexicons/terms.txt`` and configuration
(``lexicon.extra_terms``), starting on a jieba word boundary, whose span segments into a stray
single character; an extra or replaced character must be rare (jieba frequency below 5000) or a
doubled character. Longer candidates win over overlapping shorter ones.

**Why a reviewer cares**: 般公共预算 or 政府性基金预箅 in a published report is an error in the
budget's own vocabulary; it reads as carelessness in the figures too.

**Example**:

    本单位本级般公共预算财政拨款开支的在职人员74人，政府性基金预箅收入100万元。
    → 疑似术语错误：“般公共预算”应为“一般公共预算”（缺字）
    → 疑似术语错误：“政府性基金预箅”应为“政府性基金预算”（错字）

**Fix**: write the term (the suggestion).

**Leaves alone**: the correct term around the candidate (一般公共预算 contains 般公共预算); ordinary
words after a term prefix (预算执行较低: 较 is a common character); spans that split into ordinary
words (专项/基金); terms shorter than four characters.

**Source**: the terms of 《政府收支分类科目》 and the 部门决算 / 预算 forms, listed in
``lexicons/terms.txt``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from reportlint.findings import Finding
from reportlint.lexicon import load_list
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import HAN_CHAR


def term_list(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*load_list("terms.txt"), *extra)))


# a replaced or inserted character that is itself a common word (的, 较, 在) means ordinary text
# follows a term prefix ("预算执行较低"), not a corrupted term; rare look-alikes (箅, 菅) stay suspect
COMMON_CHAR_FREQ = 5000


@cache
def _variant_patterns(terms: tuple[str, ...]) -> list[tuple[str, str, re.Pattern[str]]]:
    """Per term and kind of edit (a character extra, replaced or missing), an overlapping-match regex."""
    out = []
    for t in terms:
        if len(t) < 4:
            continue
        chars = [re.escape(c) for c in t]
        extra = ["".join(chars[:i]) + HAN_CHAR + "".join(chars[i:]) for i in range(1, len(t))]
        replaced = ["".join(chars[:i]) + f"(?!{chars[i]}){HAN_CHAR}" + "".join(chars[i + 1:]) for i in range(len(t))]
        missing = ["".join(chars[:i] + chars[i + 1:]) for i in range(len(t))] if len(t) >= 5 else []
        # each kind on its own: a failed longer variant must not hide a shorter one
        for kind, alts in (("extra", extra), ("replaced", replaced), ("missing", missing)):
            if alts:
                out.append((t, kind, re.compile("(?=(" + "|".join(f"(?:{a})" for a in alts) + "))")))
    return out


def find_term_typos(ctx: RuleContext, terms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) of corrupted terms; longer candidates win."""
    from reportlint.nlp import tokenizer

    freq = tokenizer().FREQ
    text = ctx.text
    known = set(terms)
    doc = ctx.doc
    candidates: list[tuple[int, int, str]] = []
    starts = _candidate_starts(text, terms)
    for term, kind, pat in _variant_patterns(terms):
        for m in (pat.match(text, i) for i in sorted(starts.get((term, kind), ()))):
            if m is None:
                continue
            s, e = m.start(1), m.end(1)
            cand = m.group(1)
            if cand in known:
                continue
            # the correct term itself is there (一般公共预算 contains 般公共预算)
            lo = max(0, s - len(term))
            k = text.find(term, lo, e + len(term))
            if k >= 0 and k <= s and k + len(term) >= e:
                continue
            if not doc.is_boundary(s) or not _end_ok(doc, s, e, term):
                continue
            if kind != "missing" and not _doubled(cand):
                new = [c for c in cand if c not in term]
                if not new or any(freq.get(c, 0) >= COMMON_CHAR_FREQ for c in new):
                    continue
            span_tokens = doc.words_in(s, e)
            # a broken segmentation (a stray single character) marks a corrupted term;
            # a span that splits into ordinary words (专项/基金) is just other words
            if any(len(w) == 1 and re.match(HAN_CHAR, w) for w in span_tokens):
                candidates.append((s, e, term))
    chosen: list[tuple[int, int, str]] = []
    for s, e, term in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(s < ce and cs < e for cs, ce, _ in chosen):
            chosen.append((s, e, term))
    return sorted(chosen)


@cache
def _anchors(terms: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, list[tuple[str, int]]]]:
    """Where a term's variants can start, read off its first and last bigram.

    One edit (a character missing, extra or replaced) destroys at most the bigrams around it, so a
    variant of a term of four or more characters keeps the term's first bigram at its own start, or
    its last bigram at its end: a variant starts at a first-bigram hit, or 1 ± 1 characters before
    ``len(term) - 2`` ahead of a last-bigram hit. Each anchor bigram maps to (term, offsets to try).
    """
    index: dict[str, list[tuple[str, int, str]]] = {}
    for t in terms:
        if len(t) < 4:
            continue
        for kind in ("extra", "replaced", "missing"):
            index.setdefault(t[:2], []).append((t, 0, kind))
        # from the end: an extra character starts one earlier, a missing one one later
        for d, kind in ((-1, "extra"), (0, "replaced"), (1, "missing")):
            index.setdefault(t[-2:], []).append((t, 2 - len(t) + d, kind))
    pattern = re.compile("(?=(" + "|".join(map(re.escape, sorted(index))) + "))")
    return pattern, index


def _candidate_starts(text: str, terms: tuple[str, ...]) -> dict[tuple[str, str], set[int]]:
    """(term, kind of edit) -> positions where such a variant may start."""
    pattern, index = _anchors(terms)
    starts: dict[tuple[str, str], set[int]] = {}
    for m in pattern.finditer(text):
        i = m.start()
        for t, offset, kind in index[m.group(1)]:
            if i + offset >= 0:
                starts.setdefault((t, kind), set()).add(i + offset)
    return starts


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


def _doubled(cand: str) -> bool:
    """A character typed twice (一般公公共预算)."""
    return any(a == b for a, b in itertools.pairwise(cand))


@rule("term-typo", "W503", "error", "wording",
      "财政术语缺字、多字或错字（般公共预算、一般公共预箅），按 lexicons/terms.txt 模糊匹配",
      fires="本单位本级般公共预算财政拨款开支的在职人员74人，政府性基金预箅收入100万元。\n",
      silent="一般公共预算财政拨款支出，政府性基金预算，专项基金，财政拨付及时，资本支出，办公经费。\n")
def term_typo(ctx: RuleContext) -> Iterator[Finding]:
    terms = term_list(tuple(ctx.config.extra_terms))
    for s, e, term in find_term_typos(ctx, terms):
        cand = ctx.text[s:e]
        yield ctx.report(s, e, f"疑似术语错误：“{cand}”应为“{term}”（{_edit_kind(cand, term)}）", suggestion=term)


def _edit_kind(cand: str, term: str) -> str:
    if len(cand) < len(term):
        return "缺字"
    if len(cand) > len(term):
        return "多字"
    return "错字"
