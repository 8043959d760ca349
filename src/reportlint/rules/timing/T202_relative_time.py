"""今年 / 去年 / 明年 in a report filed in another year than the one it evaluates.

**Finds**: the relative year words of ``lexicons/time.yaml`` (``relative_years``) on token edges (or
at the start of a token glued to 底/末/初/内/以/来, as jieba does with 今年底) in a retrospective
report (its genre looks back on a finished year: a self-evaluation, 决算, 年报, an annual summary, a
法治政府建设 report; ``lexicons/genres.yaml``), or one filed in a later year than it evaluates; also the
in-year phrases 今年以来 / 今年来 / 年初以来, which date the text to the middle of the year.

**Why a reviewer cares**: a 2024 report filed in 2025 that says 今年 leaves the reader to guess
whether 2024 or 2025 is meant; self-evaluations are read years later, out of their context.

**Example**:

    评价年度：2024
    填报日期：2025年7月24日
    今年12月综合评比全市排名第四。
    → “今年”指代不明：报告评价2024年度、填报于2025年，请写明具体年份

**Fix**: write the year; the suggestion gives the year the word would mean if the writer counted
from the evaluated year.

**Severity**: a warning when the report is surely written after its year (a stated filing or
publication date after it, or a genre always written after its year: 年报, 决算, 自评报告); ``info``
with “成文日期不详” when no date is stated and the genre may be written within its year (a 工作总结 is
written in December or early in the next: 今年以来 / 明年 are then correct); that doubt is about the
report as a whole, so it is raised once, at the first relative year, with the count of the others, and
again only where the word dates a cumulative figure's period (今年1至11月累计完成投资…).

**Leaves alone**: 去年同期 (与去年同期相比增长32.2%: the fixed phrase of a year-on-year comparison, like
同比); 去年 as the base of a comparison (较去年 / 比去年 / 与去年相比) with no 今年 or 明年 in its sentence: its
other side is a figure of the year reported on (2024年，…发布工作动态数量较去年有所增长: 去年 can only be 2023, as
上年; 今年中考平均分比去年提高8分 is reported, and 去年12月 as a date); reports on part of a year (2024年上半年/前三季度/1-6月工作总结); 今年 in a plan section whose heading names the year it
means (二、2024年工作计划 / 今年,我局将… filed in 2024); a summary whose page is dated by month
inside its year (更新时间:2023-11: ``Context.dated_in_year``; a year-to-date figure alone, 1—10月共完成…, does not
date the text: it may be published next year, real 463); 本年 and 上年 (the accounting terms of a 决算, relative to the evaluated year);
words inside 《》; reports filed in the year they evaluate; genres that are not retrospective
(budgets, plans) and speeches delivered on a stated day (a 政府工作报告 or 决算报告 given
“——2024年3月5日在…会议上”: 今年 is that day's year); 近年来 (vague, not a wrong year).

**Source**: the evaluation year and filing date of the report (its cover); 财预〔2020〕10号 asks
for results of a stated budget year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding, Severity
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import in_brackets

# a month range after the word: the period of a cumulative figure (今年1-11月, 今年1至11月)
_MONTH_RANGE = re.compile(r"\s*(?:1|一)\s*[-—－~～至到]\s*(?:1[0-2]|[1-9]|[一二三四五六七八九十]{1,2})\s*月")
_REL_OFFSET = {"今年以来": 0, "今年来": 0, "年初以来": 0, "今年": 0, "今年度": 0, "去年": -1, "去年度": -1, "明年": 1, "明年度": 1, "前年": -2, "后年": 2}


@rule("relative-time", "T202", "warning", "time",
      "填报年份与评价年度不同时使用“今年/去年/明年”，读者无法判断所指年份",
      fires="评价年度：2024\n填报日期：2025年7月24日\n今年12月综合评比全市排名第四。\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n本年在编在职人员增加4人，上年结转资金已全部使用。\n",
      needs=("year",))
def relative_time(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    c = ctx.context
    if c.dated_speech or c.filing_year == y or not c.retrospective:
        return
    if c.dated_in_year and not c.written_after_year:
        return  # the page is dated (by month) inside its year (更新时间:2023-11): 今年 is right
    # no date and a genre that may be written within its year (a 工作总结 in December): not sure
    sure = c.written_after_year
    sev = None if sure else Severity.INFO
    when = (f"填报于{c.filing_year}年" if c.filing_year else f"成文于{y}年结束之后" if sure
            else f"成文日期不详，若成文于{y}年结束之后")
    words = sorted(load_yaml("time.yaml")["relative_years"], key=len, reverse=True)
    pat = re.compile("|".join(map(re.escape, words)))
    text = ctx.text
    found = [m for m in pat.finditer(text)
             if (ctx.doc.at_token_edges(m.start(), m.end()) or _edge_ok(ctx, m.start(), m.end()))
             and not in_brackets(text, m.start()) and not _comparison(text, m)
             and not _anchored_by_plan_heading(ctx, m, y)]
    if sev is not None and found:
        # not sure the report was written after its year: one question about the report as a whole,
        # at its first relative year, rather than the same doubt at every occurrence; a figure's period
        # (今年1至11月累计…) is still reported wherever it is, since figures are quoted on their own
        more = f"（全文共{len(found)}处）" if len(found) > 1 else ""
        found = [m for i, m in enumerate(found) if i == 0 or _MONTH_RANGE.match(text, m.end())]
    else:
        more = ""
    for m in found:
        word = m.group(0)
        meant = y + _REL_OFFSET.get(word, 0)
        if word.endswith(("以来", "来")):
            yield ctx.report(m.start(), m.end(),
                             f"“{word}”是年度中途的说法：报告回顾{y}年全年、{when}，应写明“{y}年”{more}",
                             suggestion=f"{y}年", severity=sev)
            continue
        yield ctx.report(m.start(), m.end(),
                         f"“{word}”指代不明：报告评价{y}年度、{when}，请写明具体年份{more}",
                         suggestion=f"{meant}年" + ("度" if word.endswith("度") else ""), severity=sev)


_PLAN_HEADING = re.compile(r"计划|打算|安排|思路|要点|任务|展望")


def _anchored_by_plan_heading(ctx: RuleContext, m: re.Match[str], y: int) -> bool:
    """今年 inside a plan section whose heading names the year it means: 二、2024年工作计划 / 今年,我局将… in a
    2023 summary-and-plan filed in 2024 (REVIEW6 item 8) — the heading says which year; the filing year agrees
    (or, undated, the heading's year is the plan year)."""
    if m.group(0) not in ("今年", "今年度"):
        return False
    p = next((q for q in ctx.doc.paragraphs if q.start <= m.start() < q.end), None)
    h = p.section if p is not None else None
    while h is not None:
        title = ctx.text[h.start:h.title_end]
        years = {int(v) for v in re.findall(r"((?:19|20)\d{2})\s*年", title)}
        if len(years) == 1 and _PLAN_HEADING.search(title):
            (year,) = years
            filing = ctx.context.filing_year
            return year == filing if filing else year == y + 1
        h = h.parent
    return False


# 去年 as the base of a comparison: 较去年 / 比去年 / 与去年相比 / 同去年持平
_BASE_BEFORE = re.compile(r"(?:比|较|相较于?|相比于?|对比)\s*$")
_WITH_BEFORE = re.compile(r"(?:与|同|和|跟)\s*$")
_WITH_AFTER = re.compile(r"\s*(?:同期)?\s*(?:相比|相较|比较|对比|持平|基本持平|大体持平|一致|相同|相当|一样)")
_SENTENCE_END = "。；;！？!?\n"


def _comparison(text: str, m: re.Match[str]) -> bool:
    """去年 as the base of a comparison: 去年同期 (与去年同期相比增长32.2%, the fixed phrase of a year-on-year
    comparison, as 同比 is), or 较去年 / 比去年 / 与去年相比 with no 今年 or 明年 in its sentence. Its other side is
    a figure of the year the report is about (2024年，…发布工作动态数量较去年有所增长; 2024年度…申请2件，比去年增加1件;
    全镇一般公共预算收入完成1200万元，比去年增加290万元), so 去年 can only be the year before it, as 上年 is. A
    comparison whose other side is 今年 (今年中考平均分比去年提高8分) is as unclear as 今年 itself."""
    if m.group(0) not in ("去年", "去年度"):
        return False
    if text.startswith("同期", m.end()):
        return True
    before = text[max(0, m.start() - 8):m.start()]
    if not (_BASE_BEFORE.search(before) or (_WITH_BEFORE.search(before) and _WITH_AFTER.match(text, m.end()))):
        return False
    lo = max(text.rfind(ch, 0, m.start()) for ch in _SENTENCE_END) + 1
    hi = min([i for i in (text.find(ch, m.end()) for ch in _SENTENCE_END) if i >= 0] or [len(text)])
    return re.search("今年|明年", text[lo:hi]) is None


def _edge_ok(ctx: RuleContext, start: int, end: int) -> bool:
    """jieba may glue 今年 to a neighbour (今年底); accept when the word starts a token."""
    return ctx.doc.is_boundary(start) and ctx.text[end:end + 1] in ("底", "末", "初", "内", "以", "来")
