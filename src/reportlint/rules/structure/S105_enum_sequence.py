"""An in-text enumeration (一是…二是…, 第一，第二，) that skips, repeats or goes back.

**Finds**: within one section (a heading restarts the count), 一是…三是 (a skip), 二是…二是 (a
repeat), 三是…二是 (backwards), or a sequence that starts at 二是; each kind (…是 and 第…) counted
on its own.

**Why a reviewer cares**: enumerations are the skeleton of narrative sections; a repeated or
missing item is the mark of a sentence deleted or pasted without renumbering.

**Example**:

    （五）主要做法
    一是加强学习。二是规范管理。二是严控支出。
    → 列举重复：前面已有“二是”，此处应为“三是”

**Fix**: renumber the enumeration; the suggestion gives the expected word.

**Leaves alone**: a new enumeration under the next heading or after a numbered item inside the
paragraph ((一)…一是…(二)…一是); 一是 inside a word (only at a sentence or clause start, after
。；：，！？, their half-width forms ;:,!? (the store's text) or a line break); the same item repeated word for word (a passage pasted twice, which is
``boilerplate-internal``'s business, not a numbering slip); a first item glued to the word before it
(…目标管理一是加强…；二是…, a PDF's line join: the list still starts at 一是).

**Source**: editorial convention of 党政机关 narrative writing (an enumeration counts up by one);
no numbered clause of a standard rests on it, which is why it is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.document.markers import cn_to_int, int_to_cn
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import CN_SMALL_NUMERALS

_N = f"[{CN_SMALL_NUMERALS}]{{1,2}}"
_ENUM = re.compile(rf"(?:(?<=^)|(?<=[。；：，！？;:,!?\n]))\s*(?:({_N})是|第({_N})[，、：,:])")


@rule("enum-sequence", "S105", "warning", "structure",
      "段内或节内的“一是……二是……”“第一，第二，”序列跳号或重复",
      fires="（五）主要做法\n一是加强学习。二是规范管理。二是严控支出。\n",
      silent="（五）主要做法\n一是加强学习。二是规范管理。\n（六）经验\n一是严控支出。二是压减开支。\n")
def enum_sequence(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    text = doc.text
    prev: dict[str, int] = {}
    after: dict[str, str] = {}  # the words that follow the last item of each kind
    section = None
    inline = [h.start for h in doc.headings if h.inline]  # items of a list inside a paragraph
    k = 0
    scope = 0  # where the current enumeration scope starts
    for p in doc.paragraphs:
        if p.heading is not None or p.section is not section:
            prev = {}  # a new heading interrupts (and restarts) any enumeration
            section = p.section
            scope = p.start if p.heading is not None or section is None else section.start  # a section opened by
            #                                            an item run into the paragraph before counts from that item
        for m in _ENUM.finditer(text, p.start, p.end):
            while k < len(inline) and inline[k] < m.start():
                prev = {}  # so does a numbered item inside the paragraph ((一)…一是…(二)…一是)
                scope = max(scope, inline[k])
                k += 1
            kind = "是" if m.group(1) else "第"
            n = cn_to_int(m.group(1) or m.group(2))
            word = m.group(0).strip()
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            last = prev.get(kind)
            follows, after[kind] = after.get(kind), text[m.end():m.end() + 8]
            if n == 1:
                prev[kind] = 1
                continue
            if last is None and _enum_word(kind, n - 1) in text[scope:m.start()]:
                last = n - 1  # 管理一是加强…;二是…: the first item glued to the word before it (a PDF's line join),
                #               or after a space (…产业支撑 一是…), in this paragraph or an earlier one of the scope
            if last is None:
                yield ctx.report(start, m.end(), f"列举“{word}”之前没有“{_enum_word(kind, 1)}”，序列不从一开始")
            elif n == last and follows == after[kind]:
                pass  # the same item twice, word for word: a repeated passage, not a numbering slip
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
