"""A paired punctuation mark without its other half in a paragraph.

**Finds**: （ “ 《 〔 【 ‘ never closed in their paragraph (after reflow, so pairs wrapped over PDF
lines are whole), and closers without an opener; a closer that skips an open inner mark reports
the inner one.

**Why a reviewer cares**: an unclosed 《 or “ makes the reader guess where a title or a quotation
ends; it is usually a character lost in copying.

**Example**:

    按照《预算法规定执行，严格管控“三公经费支出。
    → “《”没有对应的“》”

**Fix**: add the missing mark.

**Leaves alone**: a “ that opens a paragraph of a multi-paragraph quotation (the next paragraph
opens with “ too); half-width brackets (``punct-halfwidth``).

**Source**: GB/T 15834-2011 标点符号用法 (引号, 括号, 书名号 come in pairs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule

_PAIRS = {"（": "）", "“": "”", "《": "》", "〔": "〕", "【": "】", "‘": "’"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_CHARS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]")


@rule("punct-pair", "F602", "warning", "form",
      "成对标点不配对：（）“”《》〔〕【】缺少另一半",
      fires="按照《预算法规定执行，严格管控“三公经费支出。\n",
      silent="按照《预算法》规定执行，严格管控“三公”经费支出（含公务接待费）。\n")
def punct_pair(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    text = doc.text
    for k, p in enumerate(doc.paragraphs):
        stack: list[tuple[str, int]] = []
        for bm in _PAIR_CHARS.finditer(text, p.start, p.end):
            i, ch = bm.start(), bm.group(0)
            if ch in _PAIRS:
                # “ opening a new paragraph of a multi-paragraph quotation is not closed there
                stack.append((ch, i))
            elif ch in _CLOSERS:
                want = _CLOSERS[ch]
                if stack and stack[-1][0] == want:
                    stack.pop()
                elif any(o == want for o, _ in stack):
                    while stack and stack[-1][0] != want:
                        o, pos = stack.pop()
                        yield _unclosed(ctx, o, pos)
                    stack.pop()
                else:
                    yield ctx.report(i, i + 1, f"“{ch}”没有对应的“{want}”")
        nxt = doc.paragraphs[k + 1] if k + 1 < len(doc.paragraphs) else None
        for o, pos in stack:
            if o == "“" and pos == p.start and nxt is not None and text[nxt.start] == "“":
                continue
            yield _unclosed(ctx, o, pos)


def _unclosed(ctx: RuleContext, o: str, pos: int) -> Finding:
    return ctx.report(pos, pos + 1, f"“{o}”没有对应的“{_PAIRS[o]}”")
