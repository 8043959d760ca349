"""Heading numbers going backwards among siblings.

**Finds**: a heading whose number is smaller than the sibling before it (1. 3. 2.), in the body, in
a list inside a paragraph, or in a table of contents; a table-of-contents entry whose title the body
uses under another number (目录「五、…」, 正文「六、…」).

**Why a reviewer cares**: sections out of order usually come from moving text between drafts; the
reader following the numbers gets lost and citations of a section number become ambiguous.

**Example**:

    一、概况
    1.职责
    3.机构
    2.人员
    → 序号倒退：「一、概况」下3.之后出现2.

**Fix**: put the sections in order, or renumber them.

**Leaves alone**: numbering that restarts under a new parent or starts again at 1 (a new list); the
body after a table of contents (第一部分 again is not a step back); rows of a table written as text;
duplicates (``section-duplicate``) and skips (``section-gap``).

**Source**: GB/T 9704-2012 7.3.3 (层次序数 numbered in sequence within each level).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.structure._siblings import all_runs, desc, label, parent_desc, span, toc_against_body


@rule("section-order", "S103", "error", "structure",
      "同级序号倒退（（三）之后出现（二））",
      fires="一、概况\n1.职责\n3.机构\n2.人员\n",
      silent="一、概况\n1.职责\n2.机构\n3.人员\n")
def section_order(ctx: RuleContext) -> Iterator[Finding]:
    for run in all_runs(ctx.doc):
        for prev, h in itertools.pairwise(run):
            if h.number < prev.number:
                yield ctx.report(*span(h),
                                 f"序号倒退：{parent_desc(h)}{prev.label}之后出现{h.label}")
    for entry, body in toc_against_body(ctx.doc):
        if body is not None:
            yield ctx.report(*span(entry),
                             f"目录与正文序号不一致：目录中为「{desc(entry)}」，正文（{ctx.doc.place(body.start)}）"
                             f"为「{desc(body)}」", suggestion=label(body, body.number))
