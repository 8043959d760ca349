"""Half-width punctuation , ; : ? ! ( ) between Chinese characters.

**Finds**: , ; : ? ! between a Han character and a Han character or an opening “ ‘ （ 《 (spaces around
allowed); : between a Han character and a digit; ( … ) around text with a Han character when a Han
character is next to the brackets; ASCII double quotes "三公" around Chinese words (suggestion “三公”).

**Why a reviewer cares**: Chinese text takes full-width punctuation; half-width marks come from
pasting out of spreadsheets and English-language tools and look careless in a published report.

**Example**:

    让每位老年人享受到老年福利待遇,同时也帮助有困难的老人。
    → 中文之间用了半角“,”，应为全角“，”

**Fix**: the full-width mark (the suggestion).

**Leaves alone**: thousands separators (1,286.40), times (8:30), URLs, English text, brackets around
Latin text or digits only, ASCII quotes around Latin text.

**Source**: GB/T 15834-2011 标点符号用法 (Chinese text uses full-width marks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import HAN

_HALF = guarded(rf"(?<=[{HAN}])[ \t]*([,;:?!])[ \t]*(?=[{HAN}“‘（《])|(?<=[{HAN}])(:)(?=\d)")
_HALF_PAREN = re.compile(r"\(([^()\n]{1,40})\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_ASCII_QUOTES = re.compile(r'"([^"\n]{1,30})"')


@rule("punct-halfwidth", "F601", "warning", "form",
      "中文之间使用了半角标点 , ; : ? ! ( )，应为全角",
      fires="让每位老年人享受到老年福利待遇,同时也帮助有困难的老人。\n",
      silent="资金1,000元，时间8:30，网址 https://example.gov.cn/a,b 与 English, words (test)。\n", fixable=True)
def punct_halfwidth(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _HALF.finditer(text):
        g = 1 if m.group(1) else 2
        ch = m.group(g)
        yield ctx.report(m.start(g), m.end(g), f"中文之间用了半角“{ch}”，应为全角“{_FULL[ch]}”",
                         suggestion=_FULL[ch])
    for m in _HALF_PAREN.finditer(text):
        inner = m.group(1)
        before = text[m.start() - 1:m.start()] if m.start() else ""
        after = text[m.end():m.end() + 1]
        if not re.search(f"[{HAN}]", inner) or not (re.match(f"[{HAN}]", before) or re.match(f"[{HAN}]", after)):
            continue
        if re.search(r"https?://|www\.", text[max(0, m.start() - 40):m.start()]):
            continue
        yield ctx.report(m.start(), m.end(), f"中文之间用了半角括号“({inner})”，应为全角“（{inner}）”",
                         suggestion=f"（{inner}）")
    for m in _ASCII_QUOTES.finditer(text):
        inner = m.group(1)
        if not re.search(f"[{HAN}]", inner) or re.search(r"https?://|www\.", inner):
            continue
        yield ctx.report(m.start(), m.end(), f"中文里用了英文引号“\"{inner}\"”，应为中文引号“{inner}”",
                         suggestion=f"“{inner}”")
