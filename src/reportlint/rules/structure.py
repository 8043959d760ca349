"""Structure rules: heading numbering per GB/T 9704 (一、 → （一） → 1. → （1））."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from reportlint.document.markers import CANONICAL_PUNCT, marker_label
from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule

LEVEL_NAMES = {0: "部分", 1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题", 5: "五级标题"}


def sibling_runs(headings: list[Heading]) -> Iterator[list[Heading]]:
    """Siblings: headings of one level under one parent, in document order."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    for h in headings:
        key = (id(h.parent) if h.parent else 0, h.level)
        groups.setdefault(key, []).append(h)
    yield from groups.values()


def _line_of(ctx: RuleContext, h: Heading) -> int:
    return ctx.doc.line_col(ctx.doc.offsets[h.start])[0]


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
                                 f"序号重复：{_parent_desc(h)}已有「{_desc(prev)}」（第{_line_of(ctx, prev)}行），"
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
        for prev, h in itertools.pairwise(run):
            if h.number > prev.number + 1:
                missing = "、".join(marker_label(h.level, n) for n in range(prev.number + 1, h.number))
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
