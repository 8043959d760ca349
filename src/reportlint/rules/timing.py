"""Time rules: years that contradict the evaluated period, ambiguous relative years, stale forecasts."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reportlint.document.model import Document, Paragraph
from reportlint.findings import Finding
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import in_brackets
from reportlint.years import classify_years

COVER = "评价年度：2024\n填报日期：2025年7月24日\n"


@rule("year-mismatch", "T201", "error", "time",
      "指称被评价期间的年份与评价年度不符（2024年度报告中写“现将2025年度…情况报告如下”）",
      fires=COVER + "现将2025年度本单位整体支出绩效自评情况报告如下：\n",
      silent=COVER + "根据《关于开展2025年绩效自评工作的通知》要求，现将2024年度自评情况报告如下：\n",
      needs=("year",))
def year_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    for ym in classify_years(ctx.doc):
        if ym.role == "evaluated" and ym.year != y:
            text = ctx.text[ym.start:ym.end]
            yield ctx.report(ym.start, ym.end,
                             f"年份与评价年度不符：此处指被评价期间，写的是{text}，评价年度为{y}年",
                             suggestion=text.replace(str(ym.year), str(y)))


def in_future_section(doc: Document, p: Paragraph) -> bool:
    """Paragraphs under 存在问题 / 改进措施 / 下一步 … talk about the future by design."""
    return p.section is not None and id(p.section) in _future_headings(doc)


def _future_headings(doc: Document) -> set[int]:
    cached = doc.__dict__.get("_future_headings")
    if cached is None:
        pattern = re.compile("|".join(map(re.escape, load_yaml("time.yaml")["future_sections"])))
        cached = set()
        for h in doc.headings:  # document order: a parent is decided before its children
            if pattern.search(h.title) or (h.parent is not None and id(h.parent) in cached):
                cached.add(id(h))
        doc.__dict__["_future_headings"] = cached
    return cached


_REL_OFFSET = {"今年": 0, "今年度": 0, "去年": -1, "去年度": -1, "明年": 1, "明年度": 1, "前年": -2, "后年": 2}


@rule("relative-time", "T202", "warning", "time",
      "填报年份与评价年度不同时使用“今年/去年/明年”，读者无法判断所指年份",
      fires=COVER + "今年12月综合评比全市排名第四。\n",
      silent=COVER + "本年在编在职人员增加4人，上年结转资金已全部使用。\n",
      needs=("year", "filing"))
def relative_time(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    if ctx.context.filing_year == y:
        return
    words = sorted(load_yaml("time.yaml")["relative_years"], key=len, reverse=True)
    pat = re.compile("|".join(map(re.escape, words)))
    text = ctx.text
    for m in pat.finditer(text):
        if not ctx.doc.at_token_edges(m.start(), m.end()) and not _edge_ok(ctx, m.start(), m.end()):
            continue
        if in_brackets(text, m.start()):
            continue
        word = m.group(0)
        meant = y + _REL_OFFSET.get(word, 0)
        yield ctx.report(m.start(), m.end(),
                         f"“{word}”指代不明：报告评价{y}年度、填报于{ctx.context.filing_year}年，请写明具体年份",
                         suggestion=f"{meant}年" + ("度" if word.endswith("度") else ""))


def _edge_ok(ctx: RuleContext, start: int, end: int) -> bool:
    """jieba may glue 今年 to a neighbour (今年底); accept when the word starts a token."""
    return ctx.doc.is_boundary(start) and ctx.text[end:end + 1] in ("底", "末", "初", "内", "以", "来")


_CLAUSE_END = re.compile(r"[，。；！？\n]")
_YEAR_IN = re.compile(r"((?:19|20)\d{2})\s*年")
_MONTH = re.compile(r"(?<!\d)(?:1[0-2]|[1-9])\s*月")


@rule("stale-forecast", "T203", "warning", "time",
      "报告在评价期结束后填报，却仍用“预计/有望/力争”等预测语气描述评价期内的结果",
      fires=COVER + "（一）主要成效\n已完成85.71%，预计12月底前完成。\n",
      silent=COVER + "（五）改进措施\n力争2025年底前完成项目库建设。\n",
      needs=("year", "filing"))
def stale_forecast(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    filing = ctx.context.filing_date
    if filing is None or (filing.year, filing.month) <= (y, 12):
        return
    lex = load_yaml("time.yaml")
    words = sorted(lex["forecast_words"], key=len, reverse=True)
    period = lex["period_words"]
    pat = re.compile("|".join(map(re.escape, words)))
    text = ctx.text
    for p in ctx.doc.paragraphs:
        if p.heading is not None and p.heading.title_end >= p.end:
            continue
        if in_future_section(ctx.doc, p):
            continue
        for m in pat.finditer(text, p.start, p.end):
            if not ctx.doc.at_token_edges(m.start(), m.end()) and m.group(0) not in ("将于", "将在", "计划于"):
                continue
            sentence_start = max(text.rfind(ch, p.start, m.start()) for ch in "。；") + 1
            if re.search(r"下一步|明年|下年度|今后|未来", text[max(sentence_start, p.start):m.start()]):
                continue
            end_m = _CLAUSE_END.search(text, m.end(), p.end)
            clause_end = end_m.start() if end_m else p.end
            # 预计今年…将… runs to the end of the sentence, not the first comma
            clause = text[m.end():clause_end]
            years = [int(v) for v in _YEAR_IN.findall(clause)]
            if any(v > y for v in years):
                continue
            about_period = (any(w in clause for w in period) or y in years or _MONTH.search(clause)
                            or ("将" in clause and m.group(0) in ("预计", "预期", "估计")))
            if not about_period:
                continue
            yield ctx.report(m.start(), clause_end,
                             f"评价期已结束（{filing.isoformat()}填报），“{text[m.start():clause_end]}”仍是预测语气："
                             f"应写明{y}年实际完成情况")


_PLAN_WORDS = re.compile(r"预计|计划|将|拟|力争|争取|前完成|之前|以前|到期|截止日期|期限|要求|应于|须于|确保")
_DONE_WORDS = re.compile(r"截至|截止|已|完成|共|累计|实现|办理|发放|拨付")


@rule("date-invalid", "T204", "error", "time",
      "日期不存在（2月30日、13月），或晚于填报日期却写成已完成的事实",
      fires="评价年度：2024\n填报日期：2025年7月24日\n截至2025年8月31日，已拨付资金100万元；2024年2月30日完成验收。\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n截至2024年12月31日，已拨付资金100万元；计划于2025年9月30日前完成验收。\n")
def date_invalid(ctx: RuleContext) -> Iterator[Finding]:
    filing = ctx.context.filing_date
    text = ctx.text
    for c in ctx.doc.claims:
        if c.kind != "date":
            continue
        if not c.extra.get("valid", True):
            yield ctx.report(c.start, c.end, f"日期不存在：{c.raw}")
            continue
        if filing is None or c.extra.get("year_inferred") or c.value is None:
            continue
        d = dt.date.fromisoformat(c.value)
        if d <= filing:
            continue
        p = ctx.doc.paragraphs[c.paragraph]
        if in_future_section(ctx.doc, p):
            continue
        cs = max(text.rfind(ch, p.start, c.start) for ch in "。；") + 1
        ce_m = _CLAUSE_END.search(text, c.end, p.end)
        clause = text[max(cs, p.start):ce_m.start() if ce_m else p.end]
        if _PLAN_WORDS.search(clause) or not _DONE_WORDS.search(clause):
            continue
        yield ctx.report(c.start, c.end,
                         f"日期晚于填报日期（{filing.isoformat()}）却写成已发生的事实：{c.raw}")
