"""Wrong punctuation after a heading marker, one level written two ways, or ranks nested upside down.

**Finds**: （一）、 and 1， (punctuation after a bracketed marker, a wrong mark after 一 or 1); a
mismatched bracket pair （一); one heading level written in two forms (1. and 1、, （一） and (一))
where the minority form is reported; a higher-rank marker (一、) under a lower-rank top level.

**Why a reviewer cares**: the marker forms are fixed by the national standard for official
documents; mixed forms show text assembled from several drafts and make the outline hard to read.

**Example**:

    一、概况
    （一）、机构设置
    （二）人员情况
    → 序号后多了标点：「（一）、」，括号或圈码序号后不加标点

**Fix**: write 一、 （一） 1. （1） ①: a 顿号 after Chinese numerals, a full stop (下脚点) after
Arabic numerals, nothing after brackets and circled numbers; the suggestion gives the marker.

**Leaves alone**: 1、 used consistently for a whole level (the common local variant); headings
found inside table cells (never headings).

**Source**: GB/T 9704-2012 7.3.3 (结构层次序数 第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为“（1）”).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reportlint.document.markers import CANONICAL_PUNCT, marker_label
from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.structure._siblings import LEVEL_NAMES


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
