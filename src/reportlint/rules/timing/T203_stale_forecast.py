"""预计 / 有望 / 力争 … about the evaluated period in a report filed after the period ended.

**Finds**: a forecast word of ``lexicons/time.yaml`` (``forecast_words``) on token edges whose
clause is about the evaluated period (a period word, the evaluation year, a month, or 预计…将…),
in a report filed after December of the evaluation year; the span runs to the clause end.

**Why a reviewer cares**: a forecast about a period that is over is a sentence copied from a
mid-year report; the reviewer wants the result, not the expectation.

**Example**:

    评价年度：2024
    填报日期：2025年7月24日
    （一）主要成效
    已完成85.71%，预计12月底前完成。
    → 评价期已结束（2025-07-24填报），“预计12月底前完成”仍是预测语气：应写明2024年实际完成情况

**Fix**: state what was actually achieved by the end of the evaluated year.

**Leaves alone**: sections about the future (存在问题, 改进措施, 下一步 …: ``future_sections``);
sentences that start with 下一步/明年/今后/未来; clauses about a later year; headings; reports
filed within the evaluated year; reports on part of a year (上半年/前三季度/1-6月工作总结).
With no stated date, a warning only for genres always written after their year (年报, 决算, 自评报告);
``info`` (“成文日期不详”) for genres that may be written within it (a 工作总结 in December), raised
once per report (the doubt is about when the report was written, not about each forecast).

**Source**: 财预〔2020〕10号 (self-evaluation reports the results achieved in the budget year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding, Severity
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.timing._future import CLAUSE_END, in_future_section
from reportlint.textutil import YEAR

_YEAR_IN = re.compile(rf"({YEAR})\s*年")
_MONTH = re.compile(r"(?<!\d)(?:1[0-2]|[1-9])\s*月")


@rule("stale-forecast", "T203", "warning", "time",
      "报告在评价期结束后填报，却仍用“预计/有望/力争”等预测语气描述评价期内的结果",
      fires="评价年度：2024\n填报日期：2025年7月24日\n（一）主要成效\n已完成85.71%，预计12月底前完成。\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n（五）改进措施\n力争2025年底前完成项目库建设。\n",
      needs=("year",))
def stale_forecast(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    c = ctx.context
    filing = c.filing_date
    if filing is not None and (filing.year, filing.month) <= (y, 12):
        return
    if c.dated_speech or c.part_year or (filing is None and not c.retrospective):
        return
    # no date and a genre that may be written within its year (a 工作总结 in December): not sure
    sev = None if c.written_after_year else Severity.INFO
    if sev is not None and c.dated_in_year:
        return  # the page is dated (by month) inside its year (更新时间:2023-11): the forecast is in time
    over = (f"评价期已结束（{filing.isoformat()}填报）" if filing else "评价期已结束（报告成文于评价年度之后）"
            if sev is None else f"成文日期不详，若报告成文于{y}年结束之后")
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
            end_m = CLAUSE_END.search(text, m.end(), p.end)
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
                             f"{over}，“{text[m.start():clause_end]}”仍是预测语气："
                             f"应写明{y}年实际完成情况", severity=sev)
            if sev is not None:
                return  # not sure when it was written: one question about the report, asked once
