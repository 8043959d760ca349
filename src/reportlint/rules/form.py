"""Form rules: PDF leftovers, punctuation, document numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule


@rule("pdf-artifact", "F603", "warning", "form",
      "PDF 转换残留：正文中夹着页码、页眉或页脚",
      fires=("本局设办公室、民政科、卫生科、人口与计生科、人口统计科、武装科、文体科\n\n"
             "等7个行政科室，负责辖区内人口和社会事务的综合管理工作，具体职责如下所述：\n\n6\n\n"
             "（1）贯彻执行国家和省、市有关人口和社会事务管理方面的方针政策和法律法规，\n\n"
             "做好本区人口和社会事务管理的各项工作，保障辖区群众的合法权益不受侵害。\n\n"
             "（2）围绕提高出生人口素质，做好优生优育服务工作，组织开展人口宣传教育，\n\n"
             "管理指导流动人口计划生育工作，负责人口和计划生育的统计和信息化建设。\n"),
      silent="全区托育服务机构共计28家，可提供托位数2115个。\n完成备案托育机构2家。\n")
def pdf_artifact(ctx: RuleContext) -> Iterator[Finding]:
    for a in ctx.doc.artifacts:
        if a.kind == "furniture":
            continue  # a PDF's own footer or header, not text left in by mistake
        if a.kind == "page-number":
            msg = f"PDF 页码「{a.text}」残留在正文中，应删除"
        else:
            msg = f"页眉或页脚「{a.text}」残留在正文中，应删除"
        yield ctx.report_raw(a.raw_start, a.raw_end, msg, suggestion="")


_HAN = "\u4e00-\u9fff"
_HALF = re.compile(rf"(?<=[{_HAN}])[ \t]*([,;:?!])[ \t]*(?=[{_HAN}“‘（《])|(?<=[{_HAN}])(:)(?=\d)")
_HALF_PAREN = re.compile(r"\(([^()\n]{1,40})\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


@rule("punct-halfwidth", "F601", "warning", "form",
      "中文之间使用了半角标点 , ; : ? ! ( )，应为全角",
      fires="让每位老年人享受到老年福利待遇,同时也帮助有困难的老人。\n",
      silent="资金1,000元，时间8:30，网址 https://example.gov.cn/a,b 与 English, words (test)。\n")
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
        if not re.search(f"[{_HAN}]", inner) or not (re.match(f"[{_HAN}]", before) or re.match(f"[{_HAN}]", after)):
            continue
        if re.search(r"https?://|www\.", text[max(0, m.start() - 40):m.start()]):
            continue
        yield ctx.report(m.start(), m.end(), f"中文之间用了半角括号“({inner})”，应为全角“（{inner}）”",
                         suggestion=f"（{inner}）")


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
      silent="根据湛开财资〔2025〕26号文件要求；案号（2025）粤08民初123号。\n")
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
                         suggestion=f"{org}〔{full_year}〕{int(serial)}号")
