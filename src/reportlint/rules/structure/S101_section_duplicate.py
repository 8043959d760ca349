"""The same heading number twice among siblings.

**Finds**: two headings of one level under one parent with the same number (two （三） under 一、),
the second of the pair reported.

**Why a reviewer cares**: a duplicated number is the trace of a section pasted from another report
or of an edit that renumbered only part of the list; the reader cannot cite 「（三）」 unambiguously.

**Example**:

    一、基本情况
    （一）机构设置
    （二）工作任务
    （三）绩效目标
    （三）支出情况
    → 序号重复：「一、基本情况」下已有「（三）绩效目标」（第4行），此处又是（三），应为（四）

**Fix**: renumber the second heading (and the ones after it) in sequence; the suggestion gives the
number it should have.

Lists inside a paragraph (…。2.完成…。2.组织…) and the entries of a table of contents are checked
the same way.

**Leaves alone**: numbering that restarts under a new parent (（一） under 一、 and again under 二、)
or starts again at 1 (a new list: a lead-in line or a table cell such as 项目支出: restarts it);
table rows written as text (一、…二十六、 rows of a 收支 table); a table of contents followed by the
body; gaps and numbers going backwards (``section-gap``, ``section-order``).

**Source**: GB/T 9704-2012 7.3.3 (层次序数 一、（一）1.（1） numbered in sequence within each level).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.structure._siblings import all_runs, desc, label, parent_desc, span


@rule("section-duplicate", "S101", "error", "structure",
      "同一上级标题下出现两个相同的序号（如两个（三））",
      fires="一、基本情况\n（一）机构设置\n（二）工作任务\n（三）绩效目标\n（三）支出情况\n",
      silent="一、基本情况\n（一）机构设置\n（二）工作任务\n二、自评情况\n（一）自评结果\n")
def section_duplicate(ctx: RuleContext) -> Iterator[Finding]:
    for run in all_runs(ctx.doc):
        for prev, h in itertools.pairwise(run):
            if h.number == prev.number:
                nxt = label(h, prev.number + 1)
                yield ctx.report(*span(h),
                                 f"序号重复：{parent_desc(h)}已有「{desc(prev)}」（{ctx.doc.place(prev.start)}），"
                                 f"此处又是{h.label}，应为{nxt}",
                                 suggestion=nxt)
