"""Structure rules: heading numbering per GB/T 9704 (一、 → （一） → 1. → （1））."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

import yaml
from rapidfuzz import fuzz

from reportlint.document.markers import CANONICAL_PUNCT, cn_to_int, int_to_cn, marker_label
from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.lexicon import lexicon_dir
from reportlint.rules.base import RuleContext, rule

LEVEL_NAMES = {0: "部分", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题", 5: "五级标题"}


def sibling_runs(headings: list[Heading]) -> Iterator[list[Heading]]:
    """Siblings: headings of one level under one parent, in document order."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    for h in headings:
        key = (id(h.parent) if h.parent else 0, h.level)
        groups.setdefault(key, []).append(h)
    yield from groups.values()




def _span(h: Heading) -> tuple[int, int]:
    return h.start, max(h.title_end, h.end)


def _desc(h: Heading) -> str:
    return f"{h.label}{h.title}"


def _parent_desc(h: Heading) -> str:
    return f"「{h.parent.label}{h.parent.title}」下" if h.parent else "顶层"


@rule("section-duplicate", "S101", "error", "structure",
      "同一上级标题下出现两个相同的序号（如两个（三））",
      fires="一、基本情况\n（一）机构设置\n（二）工作任务\n（三）绩效目标\n（三）支出情况\n",
      silent="一、基本情况\n（一）机构设置\n（二）工作任务\n二、自评情况\n（一）自评结果\n")
def section_duplicate(ctx: RuleContext) -> Iterator[Finding]:
    for run in sibling_runs(ctx.doc.headings):
        for prev, h in itertools.pairwise(run):
            if h.number == prev.number:
                nxt = marker_label(h.level, prev.number + 1)
                yield ctx.report(*_span(h),
                                 f"序号重复：{_parent_desc(h)}已有「{_desc(prev)}」（{ctx.doc.place(prev.start)}），"
                                 f"此处又是{h.label}，应为{nxt}",
                                 suggestion=nxt)


@rule("section-gap", "S102", "error", "structure",
      "同级序号跳号（（一）之后是（三））",
      fires="一、绩效自评情况\n（一）自评结果\n（三）指标分析\n",
      silent="一、绩效自评情况\n（一）自评结果\n（二）指标分析\n（三）主要经验\n")
def section_gap(ctx: RuleContext) -> Iterator[Finding]:
    for run in sibling_runs(ctx.doc.headings):
        first = run[0]
        if first.number > 1 and first.level > 0 and not _parent_says_later(ctx, first):
            missing = "、".join(marker_label(first.level, n) for n in range(1, first.number))
            yield ctx.report(*_span(first),
                             f"序号不从头开始：{_parent_desc(first)}第一个{LEVEL_NAMES[first.level]}是"
                             f"{first.label}，缺少{missing}", suggestion=marker_label(first.level, 1))
        present = {x.number for x in run}
        for prev, h in itertools.pairwise(run):
            # a number that appears elsewhere among the siblings is out of order, not missing
            absent = [n for n in range(prev.number + 1, h.number) if n not in present]
            if h.number > prev.number + 1 and absent:
                missing = "、".join(marker_label(h.level, n) for n in absent)
                yield ctx.report(*_span(h),
                                 f"序号跳号：{_parent_desc(h)}{prev.label}之后是{h.label}，缺少{missing}",
                                 suggestion=marker_label(h.level, prev.number + 1))


def _parent_says_later(ctx: RuleContext, h: Heading) -> bool:
    """A list may start later when the text before it says it continues (续/接上/承上)."""
    para = ctx.doc.paragraphs[h.paragraph]
    if para.index == 0:
        return False
    before = ctx.doc.paragraph_text(ctx.doc.paragraphs[para.index - 1])
    return any(w in before for w in ("续", "接上", "承上", marker_label(h.level, h.number)))


@rule("section-order", "S103", "error", "structure",
      "同级序号倒退（（三）之后出现（二））",
      fires="一、概况\n1.职责\n3.机构\n2.人员\n",
      silent="一、概况\n1.职责\n2.机构\n3.人员\n")
def section_order(ctx: RuleContext) -> Iterator[Finding]:
    for run in sibling_runs(ctx.doc.headings):
        for prev, h in itertools.pairwise(run):
            if h.number < prev.number:
                yield ctx.report(*_span(h),
                                 f"序号倒退：{_parent_desc(h)}{prev.label}之后出现{h.label}")


@rule("section-style", "S104", "warning", "structure",
      "序号后标点错误、同级序号写法混用，或高层级序号嵌在低层级之下",
      fires="一、概况\n（一）、机构设置\n（二）人员情况\n",
      silent="一、概况\n（一）机构设置\n1、职责\n2、机构\n")
def section_style(ctx: RuleContext) -> Iterator[Finding]:
    headings = ctx.doc.headings
    for h in headings:
        bad = _bad_punct(h)
        if bad:
            yield ctx.report(h.start, h.end, bad, suggestion=_canonical(h))
    # one level written two ways
    by_level: dict[int, Counter[str]] = {}
    for h in headings:
        if not _bad_punct(h):
            by_level.setdefault(h.level, Counter())[_form(h)] += 1
    for level, forms in by_level.items():
        if len(forms) < 2:
            continue
        (major, _), *_ = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0] != _canonical_form(level)))
        for h in headings:
            if h.level == level and not _bad_punct(h) and _form(h) != major:
                yield ctx.report(h.start, h.end,
                                 f"同一层级序号写法不一致：本文{LEVEL_NAMES[level]}多写作「{_example(level, major)}」，"
                                 f"此处写作「{h.marker}{h.punct}」",
                                 suggestion=_example(level, major, h.number))
    # a higher-rank marker nested under a lower-rank top level
    top = next((h.level for h in headings if h.level >= 1), None)
    if top is not None:
        for h in headings:
            if 1 <= h.level < top:
                yield ctx.report(h.start, h.end,
                                 f"层级倒置：{h.marker}（{LEVEL_NAMES[h.level]}）出现在以"
                                 f"{marker_label(top, 1)}为顶层的结构之下；GB/T 9704 的顺序是 一、→（一）→1.→（1）")


def _bad_punct(h: Heading) -> str | None:
    if h.level in (2, 4) and h.style == "paren-mixed":
        return f"序号括号不配对：「{h.marker}」"
    if h.level in (2, 4, 5) and h.punct:
        return f"序号后多了标点：「{h.marker}{h.punct}」，括号或圈码序号后不加标点"
    if h.level == 1 and h.punct != "、":
        return f"序号标点错误：「{h.marker}{h.punct}」，汉字序号后应用顿号"
    if h.level == 3 and h.punct not in (".", "、"):
        return f"序号标点错误：「{h.marker}{h.punct}」，阿拉伯数字序号后应用下脚点"
    return None


def _form(h: Heading) -> str:
    return h.style if h.level in (2, 4) else h.punct


def _canonical_form(level: int) -> str:
    return "paren-full" if level in (2, 4) else CANONICAL_PUNCT.get(level, "")


def _example(level: int, form: str, number: int = 1) -> str:
    if level in (2, 4):
        num = marker_label(level, number)[1:-1]
        return f"({num})" if form == "paren-half" else f"（{num}）"
    return f"{marker_label(level, number)[:-1]}{form}" if level in (1, 3) else marker_label(level, number)


def _canonical(h: Heading) -> str:
    return marker_label(h.level, h.number)


_ENUM = re.compile(r"(?:(?<=^)|(?<=[。；：，！？\n]))\s*(?:([一二三四五六七八九十]{1,2})是|第([一二三四五六七八九十]{1,2})[，、：])")


@rule("enum-sequence", "S105", "warning", "structure",
      "段内或节内的“一是……二是……”“第一，第二，”序列跳号或重复",
      fires="（五）主要做法\n一是加强学习。二是规范管理。二是严控支出。\n",
      silent="（五）主要做法\n一是加强学习。二是规范管理。\n（六）经验\n一是严控支出。二是压减开支。\n")
def enum_sequence(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    text = doc.text
    prev: dict[str, int] = {}
    section = None
    for p in doc.paragraphs:
        if p.heading is not None or p.section is not section:
            prev = {}  # a new heading interrupts (and restarts) any enumeration
            section = p.section
        for m in _ENUM.finditer(text, p.start, p.end):
            kind = "是" if m.group(1) else "第"
            n = cn_to_int(m.group(1) or m.group(2))
            word = m.group(0).strip()
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            last = prev.get(kind)
            if n == 1:
                prev[kind] = 1
                continue
            if last is None:
                yield ctx.report(start, m.end(), f"列举“{word}”之前没有“{_enum_word(kind, 1)}”，序列不从一开始")
            elif n == last:
                yield ctx.report(start, m.end(), f"列举重复：前面已有“{_enum_word(kind, n)}”，此处应为"
                                 f"“{_enum_word(kind, n + 1)}”", suggestion=_enum_word(kind, n + 1))
            elif n > last + 1:
                yield ctx.report(start, m.end(), f"列举跳号：“{_enum_word(kind, last)}”之后是“{word}”，"
                                 f"缺少“{_enum_word(kind, last + 1)}”", suggestion=_enum_word(kind, last + 1))
            elif n < last:
                yield ctx.report(start, m.end(), f"列举倒退：“{_enum_word(kind, last)}”之后出现“{word}”")
            prev[kind] = n


def _enum_word(kind: str, n: int) -> str:
    return f"{int_to_cn(n)}是" if kind == "是" else f"第{int_to_cn(n)}"


# ---------------------------------------------------------------- outline-missing


@cache
def _outlines() -> list[dict]:
    out = []
    for path in sorted((lexicon_dir() / "outlines").glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            out.append(yaml.safe_load(fh))
    return out


def detect_genre(doc) -> dict | None:
    head = doc.text[: doc.paragraphs[min(len(doc.paragraphs), 6) - 1].end] if doc.paragraphs else ""
    for outline in _outlines():
        if any(m in head for m in outline["match"]):
            return outline
    return None


def _title_matches(section: dict, title: str, fuzzy: bool = True) -> bool:
    norm = re.sub(r"[（(][^）)]*[）)]|[。，、：:；\s]", "", title)
    for alias in [section["title"], *section.get("aliases", [])]:
        if alias in norm or (len(norm) >= 4 and norm in alias):
            return True
        if fuzzy and fuzz.partial_ratio(alias, norm) >= 85 and len(norm) >= 3:
            return True
    return False


def _match_children(spec: list[dict], candidates: list[Heading]) -> list[Heading | None]:
    """Exact alias matches first, fuzzy ones for what is left, each heading used once."""
    found: list[Heading | None] = [None] * len(spec)
    used: set[int] = set()
    for fuzzy in (False, True):
        for i, sec in enumerate(spec):
            if found[i] is not None:
                continue
            hit = next((h for h in candidates if id(h) not in used and _title_matches(sec, h.title, fuzzy)), None)
            if hit is not None:
                used.add(id(hit))
                found[i] = hit
    return found


def _descendants(h: Heading | None, headings: list[Heading]) -> list[Heading]:
    if h is None:
        return [x for x in headings if x.level >= 1]
    out: list[Heading] = []
    stack = list(reversed(h.children))
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(reversed(x.children))
    return out


@rule("outline-missing", "S106", "warning", "structure",
      "缺少该文种提纲（lexicons/outlines/）要求的章节，或章节顺序与提纲不符",
      fires="部门整体支出绩效自评报告\n一、单位基本情况\n（一）单位机构设置、部门职能情况\n（二）部门整体支出情况\n"
            "二、自评工作开展情况\n（一）自评工作过程\n三、绩效自评情况\n（一）自评结果\n（二）部门整体支出绩效指标分析\n"
            "（三）改进措施\n",
      silent="2024年度工作总结\n一、主要工作\n二、下一步计划\n")
def outline_missing(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    outline = detect_genre(doc)
    if outline is None or not doc.headings:
        return
    yield from _check_outline(ctx, outline["sections"], None, outline["genre"])


def _check_outline(ctx: RuleContext, spec: list[dict], parent: Heading | None, genre: str) -> Iterator[Finding]:
    doc = ctx.doc
    direct = [h for h in (parent.children if parent else doc.headings) if parent or h.parent is None]
    found = _match_children(spec, direct)
    # sections may sit one level off (a template that skips a level): look deeper for the rest
    deeper = [h for h in _descendants(parent, doc.headings) if h not in found]
    rest = _match_children([sec for sec, f in zip(spec, found, strict=True) if f is None], deeper)
    it = iter(rest)
    found = [f if f is not None else next(it) for f in found]
    where = f"「{parent.label}{parent.title}」下" if parent else ""
    last_pos = -1
    last_title = ""
    for sec, hit in zip(spec, found, strict=True):
        if hit is None:
            if sec.get("required", True):
                anchor = parent or doc.headings[0]
                yield ctx.report(anchor.start, max(anchor.title_end, anchor.end),
                                 f"缺少{where}“{sec['title']}”部分（{genre}提纲要求）")
            continue
        if hit.start < last_pos:
            yield ctx.report(hit.start, max(hit.title_end, hit.end),
                             f"章节顺序与提纲不符：“{hit.title}”应在“{last_title}”之后")
        else:
            last_pos, last_title = hit.start, hit.title
        if sec.get("children"):
            yield from _check_outline(ctx, sec["children"], hit, genre)
