"""A document number (发文字号) not in GB/T 9704 form.

**Finds**: an issuer's code (up to 12 Han characters) + a bracketed year + a serial + 号 where the
year is not in 六角括号 〔〕 ([2025], (2025), 【2025】), the year has two digits (〔25〕), the serial
has 第 or leading zeros (第026号).

**Why a reviewer cares**: the 发文字号 identifies the document cited; a reviewer looking it up needs
it as issued, and a report that cannot write it correctly is not trusted on its other citations.

**Example**:

    根据徐财绩[2025]5号文件和湛开财资〔25〕第026号文件要求。
    → 发文字号“徐财绩[2025]5号”格式不规范：年份应用六角括号〔〕，不用“[]”

**Fix**: 机关代字〔四位年份〕序号号 (the suggestion: 徐财绩〔2025〕5号).

**Leaves alone**: court case numbers ((2025)粤08民初123号: no serial right after the bracket);
an issuer's code ending in 年/月/日 (a date, not an issuer); the lead-in words before the issuer's code (根据, 按照, 印发 …), which are not part of
the span.

**Source**: GB/T 9704-2012 7.2.4 (发文字号: 年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号
“〔〕”括入；发文顺序号不加“第”字，不编虚位).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule

_DOCNUM_ANCHOR = re.compile(r"[\[［(（【〔]\s*\d{2,4}\s*[\]］)）】〕]")
_DOCNUM = re.compile(r"([\u4e00-\u9fff]{1,12}?)\s*([\[［(（【〔])\s*(\d{2,4})\s*([\]］)）】〕])\s*(第)?\s*(0*)(\d{1,4})\s*号")


def _docnums(text: str) -> Iterator[re.Match[str]]:
    """Document numbers, found from their bracketed year back to the issuer's code (≤ 12 characters)."""
    for a in _DOCNUM_ANCHOR.finditer(text):
        s = a.start()
        while s > 0 and a.start() - s < 12 and "\u4e00" <= text[s - 1] <= "\u9fff":
            s -= 1
        m = _DOCNUM.match(text, s)
        if m:
            yield m


@rule("docnum-format", "F604", "warning", "form",
      "发文字号不合 GB/T 9704：年份应用六角括号〔〕且写全四位，序号不加“第”、不编虚位",
      fires="根据徐财绩[2025]5号文件和湛开财资〔25〕第026号文件要求。\n",
      silent="根据湛开财资〔2025〕26号文件要求；案号（2025）粤08民初123号。\n", fixable=True)
def docnum_format(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    for m in _docnums(text):
        org, open_, year, close, di, zeros, serial = m.groups()
        if org.endswith(("年", "月", "日")):
            continue
        # the issuer's code follows 根据/按照… in running text: start the span after them
        lead = re.match(r".*(?:根据|依据|按照|依照|参照|遵照|执行|印发|下发|转发|通过|和|及|与|的|是)", org)
        cut = lead.end() if lead and lead.end() < len(org) else 0
        org = org[cut:]
        problems = []
        if (open_, close) != ("〔", "〕"):
            problems.append(f"年份应用六角括号〔〕，不用“{open_}{close}”")
        if len(year) != 4:
            problems.append("年份应写全四位")
        if di:
            problems.append("序号前不加“第”")
        if zeros:
            problems.append("序号不编虚位（不加前导0）")
        if not problems:
            continue
        full_year = year if len(year) == 4 else f"20{year[-2:]}"
        start = m.start() + cut
        yield ctx.report(start, m.end(), f"发文字号“{ctx.text[start:m.end()]}”格式不规范：{'；'.join(problems)}",
                         suggestion=f"{org}〔{full_year}〕{int(serial)}号", certain=len(year) == 4)
