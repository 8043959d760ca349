"""Wrong punctuation after a heading marker, one level written two ways, or ranks nested upside down.

**Finds**: （一）、 and 1， (punctuation after a bracketed marker, a wrong mark after 一 or 1); a
doubled mark (十、、); a mismatched bracket pair （一); one heading level written in two forms (1. and
1、, （一） and (一), 一、 and 一 ) where the minority form is reported (on a tie, the form a list
switches to: 1、 then 2. in one list reports the 2.; else the standard's form wins), in a list that switches
form part-way once for each stretch written the other way (1. 2. 3、 4、 5、 reports the 3、); a top-level heading written
with a lower-rank marker than its first child (1.单位基本情况 followed by （一）); headings of a list
that lost their number (、政府性基金… after 六、, or bare titles filling the gap between 七、 and 十、 in
a run of headings such as a table of contents, or going on a list of table titles after its last
number up to the next part: 七、…决算表 / 政府性基金…决算表 / 国有资本…决算表 / 第三部分…).

**Why a reviewer cares**: the marker forms are fixed by the national standard for official
documents; mixed forms show text assembled from several drafts and make the outline hard to read.

**Example**:

    一、概况
    （一）、机构设置
    （二）人员情况
    → 序号后多了标点：「（一）、」，括号或圈码序号后不加标点

**Fix**: write 一、 （一） 1. （1） ①: a 顿号 after Chinese numerals, a full stop (下脚点) after
Arabic numerals, nothing after brackets and circled numbers; the suggestion gives the marker.

**Leaves alone**: 1、 used consistently for a whole level (the common local variant), and 一 基本情况
used consistently; lists inside paragraphs, lists a sentence opens (…主要职责如下: 1、… 2、…) and
table-of-contents entries when comparing forms (they may differ from the headings); 1.1 outlines, 1) items and 第X部分/章/条; a text that begins with
（一） and later reaches 四、 (an excerpt); headings found inside table cells or table rows.

**Source**: GB/T 9704-2012 7.3.3 (结构层次序数 第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为“（1）”).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from reportlint.document.headings import RANK
from reportlint.document.markers import CANONICAL_PUNCT, marker_label
from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.structure._siblings import LEVEL_NAMES, sibling_runs

_MAIN = ("cn", "paren-cn", "arabic", "paren-arabic", "circled")


@rule("section-style", "S104", "warning", "structure",
      "序号后标点错误、同级序号写法混用，或高层级序号嵌在低层级之下",
      fires="一、概况\n（一）、机构设置\n（二）人员情况\n",
      silent="一、概况\n（一）机构设置\n1、职责\n2、机构\n")
def section_style(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    text = doc.text
    headings = doc.headings
    findings: list[Finding] = []
    for h in [*headings, *doc.toc]:
        if h.kind not in _MAIN:
            continue
        bad = _bad_punct(h)
        if bad:
            findings.append(ctx.report(h.start, h.end, bad, suggestion=_canonical(h)))
        elif h.punct and h.end < len(text) and text[h.end] in "、.．，,":
            findings.append(ctx.report(h.start, h.end + 1, f"序号后标点重复：「{text[h.start:h.end + 1]}」",
                                       suggestion=h.label))
    for start, end, lab in doc.lost_markers:
        if text[start] == "、":
            findings.append(ctx.report(start, start + 1, f"序号缺少数字：此处应为「{lab}」", suggestion=lab))
        else:
            findings.append(ctx.report(start, end, f"标题缺少序号：按前后标题，此处应为「{lab}」"))
    # one level written two ways (headings at paragraph starts; lists and contents may differ)
    own = [h for h in headings if not h.inline and h.kind in _MAIN and h.listed < 0]  # (a list a sentence opens
    #                                                       — 主要职责如下: 1、… — may use its own form, h4diag 801)
    by_kind: dict[str, Counter[str]] = {}
    for h in own:
        if not _bad_punct(h):
            by_kind.setdefault(h.kind, Counter())[_form(h)] += 1
    for kind, forms in by_kind.items():
        if len(forms) < 2:
            continue
        level = next(h.level for h in own if h.kind == kind)
        # the form used most; on a tie, the form a list starts with where one list switches forms
        # (1、 then 2.: the writer's convention, the later item departs), else the standard's form
        leads = _leading_forms(own, kind)
        (major, count), (_, second), *_ = sorted(
            forms.items(), key=lambda kv: (-kv[1], kv[0] not in leads, kv[0] != _canonical_form(level)))
        # when lists start each way (1、 then 2. here, 1. then 2、 there), no form came first: the standard's
        how = "多写作" if count > second else ("先写作" if leads & set(forms) == {major} else "按标准应写作")
        # a list that switches form part-way is one slip, reported at its first switched item: 1. 2. 3、 4、 5、
        # under one (一) gives the 3、 alone (h4b 830), not 4、 and 5、 again
        again = {id(b) for run in sibling_runs([h for h in own if h.kind == kind and not _bad_punct(h)])
                 if len({_form(h) for h in run}) > 1
                 for a, b in itertools.pairwise(run) if _form(a) == _form(b) != major}
        for h in own:
            if h.kind == kind and not _bad_punct(h) and _form(h) != major and id(h) not in again:
                findings.append(ctx.report(
                    h.start, h.end,
                    f"同一层级序号写法不一致：本文{LEVEL_NAMES[level]}{how}「{_example(level, major)}」，"
                    f"此处写作「{h.marker}{h.punct}」", suggestion=_example(level, major, h.number)))
    # a top-level heading whose first child has a higher-rank marker: 1.单位基本情况 → （一）
    # (with no part or chapter heading between them: 1.机构设置情况 … 第二部分 … 一、收入支出决算表 is a new part, h4diag 801)
    nxt = {id(a): b for a, b in itertools.pairwise([h for h in headings if not h.inline])}
    for a, b in itertools.pairwise(own):
        if (a.parent is None and b.number == 1 and b.kind != a.kind and nxt.get(id(a)) is b
                and RANK.get(b.kind, 9) < RANK.get(a.kind, 9) and b.paragraph > a.paragraph):
            findings.append(ctx.report(
                a.start, a.end,
                f"层级倒置：「{a.label}」（{LEVEL_NAMES[a.level]}序号）之下是「{b.label}」（{LEVEL_NAMES[b.level]}序号）；"
                f"GB/T 9704 的顺序是 一、→（一）→1.→（1）", suggestion=marker_label(1, a.number)))
    yield from sorted(findings, key=lambda f: f.raw_start)


def _bad_punct(h: Heading) -> str | None:
    if h.level in (2, 4) and h.style == "paren-mixed":
        return f"序号括号不配对：「{h.marker}」"
    if h.level in (2, 4, 5) and h.punct:
        return f"序号后多了标点：「{h.marker}{h.punct}」，括号或圈码序号后不加标点"
    if h.level == 1 and h.punct != "、" and h.style != "space":
        return f"序号标点错误：「{h.marker}{h.punct}」，汉字序号后应用顿号"
    if h.level == 3 and h.punct not in (".", "、"):
        return f"序号标点错误：「{h.marker}{h.punct}」，阿拉伯数字序号后应用下脚点"
    return None


def _form(h: Heading) -> str:
    if h.level in (2, 4):
        return h.style
    return "space" if h.style == "space" else h.punct


def _canonical_form(level: int) -> str:
    return "paren-full" if level in (2, 4) else CANONICAL_PUNCT.get(level, "")


def _leading_forms(own: list[Heading], kind: str) -> set[str]:
    """The first form of each list (sibling run) of ``kind`` that switches forms part-way."""
    out: set[str] = set()
    for run in sibling_runs([h for h in own if h.kind == kind and not _bad_punct(h)]):
        if len({_form(h) for h in run}) > 1:
            out.add(_form(run[0]))
    return out


def _example(level: int, form: str, number: int = 1) -> str:
    if level in (2, 4):
        num = marker_label(level, number)[1:-1]
        return f"({num})" if form == "paren-half" else f"（{num}）"
    if form == "space":
        return f"{marker_label(level, number)[:-1]} "
    return f"{marker_label(level, number)[:-1]}{form}" if level in (1, 3) else marker_label(level, number)


def _canonical(h: Heading) -> str:
    return marker_label(h.level, h.number)
