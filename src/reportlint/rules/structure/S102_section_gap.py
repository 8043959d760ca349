"""A skipped heading number among siblings, or a first child that is not number one.

**Finds**: （一） followed by （三） under one parent when （二） appears nowhere among the siblings;
a list of children that starts at （二） or later; the same in a list inside a paragraph
(…。1.…。3.…) and in a table of contents; an entry of a table of contents that the body lacks while
it has the entries around it.

**Why a reviewer cares**: a missing number means a section was deleted (or never written) without
renumbering, so the report looks incomplete and cross-references point to the wrong place.

**Example**:

    一、绩效自评情况
    （一）自评结果
    （三）指标分析
    → 序号跳号：「一、绩效自评情况」下（一）之后是（三），缺少（二）

**Fix**: renumber the headings in sequence, or restore the missing section; the suggestion gives the
expected number.

**Leaves alone**: a number present elsewhere among the siblings (out of order, which is
``section-order``); a list that the paragraph before says continues (续, 接上, 承上, or the number
itself named); numbering that restarts under a new parent, and item numbering (1. or （1）) that runs on through the
whole text (1. 2. under （一）, 3. 4. under （二）, as in 法治政府建设 reports; （一） and 一、 must restart); a text that begins mid-document (its
first top-level heading is 三、: said once as a note, not as a gap); a list whose item lost its
opening bracket, 1) (2) (3) (an item of the list; ``punct-pair`` reports the bracket); headings that lost their number
between the two (reported by ``section-style``); table rows written as text.

**Source**: GB/T 9704-2012 7.3.3 (层次序数 numbered in sequence within each level).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.structure._siblings import (
    all_runs,
    desc,
    label,
    level_name,
    lost_between,
    parent_desc,
    span,
    toc_against_body,
)


@rule("section-gap", "S102", "error", "structure",
      "同级序号跳号（（一）之后是（三））",
      fires="一、绩效自评情况\n（一）自评结果\n（三）指标分析\n",
      silent="一、绩效自评情况\n（一）自评结果\n（二）指标分析\n（三）主要经验\n")
def section_gap(ctx: RuleContext) -> Iterator[Finding]:
    for run in all_runs(ctx.doc):
        first = run[0]
        # a top-level list that starts late is an excerpt (a note says so), not a gap
        if (first.number > 1 and first.parent is not None and not _parent_says_later(ctx, first)
                and not _continues_numbering(ctx, first)):
            missing = "、".join(label(first, n) for n in range(1, first.number))
            yield ctx.report(*span(first),
                             f"序号不从头开始：{parent_desc(first)}第一个{level_name(first)}是"
                             f"{first.label}，缺少{missing}", suggestion=label(first, 1))
        present = {x.number for x in run}
        for prev, h in itertools.pairwise(run):
            # a number that appears elsewhere among the siblings is out of order, not missing
            absent = [n for n in range(prev.number + 1, h.number) if n not in present]
            if h.number > prev.number + 1 and absent and not lost_between(ctx.doc, prev, h):
                missing = "、".join(label(h, n) for n in absent)
                yield ctx.report(*span(h),
                                 f"序号跳号：{parent_desc(h)}{prev.label}之后是{h.label}，缺少{missing}",
                                 suggestion=label(h, prev.number + 1))
    for entry, body in toc_against_body(ctx.doc):
        if body is None:
            yield ctx.report(*span(entry), f"目录列出的「{desc(entry)}」在正文中没有（前后两项正文都有）")


def _continues_numbering(ctx: RuleContext, h: Heading) -> bool:
    """Items numbered through the whole text: 1. 2. under （一）, then 3. under （二）.

    The last heading of the same kind before ``h`` (under another parent) carries the number before it. Only for
    items numbered 1. or (1) (a report's running list of measures); （一） and 一、 restart under each parent, so a
    （三） under 二、 after （一）（二） under 一、 is a numbering that failed to restart (a Word list, synthetic 201).
    """
    if h.kind in ("cn", "paren-cn"):
        return False
    same = [x for x in ctx.doc.headings if x.kind == h.kind and not x.inline and x.listed < 0]
    before = [x for x in ctx.doc.headings if x.kind == h.kind and x.start < h.start and x.parent is not h.parent]
    # the report's own convention: a list of this kind that restarts at 1 under a later parent means numbering
    # restarts ((一) 1. 2. 3. / (二) 1. 2. / (三) 3. 4.: the 3. is a copied block, REVIEW6 item 9)
    restarts = any(b.number == 1 and a.parent is not b.parent and a.start < b.start
                   for a, b in itertools.pairwise(same) if not b.inline)
    return bool(before) and before[-1].number == h.number - 1 and not restarts


def _parent_says_later(ctx: RuleContext, h: Heading) -> bool:
    """A list may start later when the text before it says it continues (续/接上/承上)."""
    para = ctx.doc.paragraphs[h.paragraph]
    if para.index == 0:
        return False
    before = ctx.doc.paragraph_text(ctx.doc.paragraphs[para.index - 1])
    return any(w in before for w in ("续", "接上", "承上", label(h, h.number)))
