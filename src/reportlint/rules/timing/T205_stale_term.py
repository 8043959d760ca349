"""A time-bound political or plan term used as current outside its period.

**Finds**: terms of ``lexicons/time.yaml`` (``dated_terms``) used as the report's current guide or
plan when the evaluated year is past their period: a congress's line after the next congress
(学习贯彻党的十九大精神 in a 2024 report: the 20th Congress met in October 2022), a Five-Year Plan named
as current (完成“十三五”规划目标 in a 2022 report; “十三五”规划的关键之年 for a year outside 2016–2020),
and ``X年是“十四五”…之年`` where X is outside the plan's years (also a national goal's stage:
2023年是全面建设小康社会的决胜之年; the goal's name alone is history, never judged).

**Why a reviewer cares**: the report kept an older text: its guide or plan is out of date, and the
reader learns that whole passages may be last period's.

**Example**:

    评价年度：2024
    全年深入学习贯彻党的十九大精神，推动各项工作落实。
    → “党的十九大精神”已过时：评价年度2024年时的现行表述为“党的二十大精神”

**Fix**: use the current term (the suggestion), or rewrite the passage.

**Leaves alone**: history (十三五期间, “十三五”时期, 党的十九大以来, 十九大报告); a report on the year
the next congress met (2022: either may be named); a sentence that also names the newer term
(党的十九大和二十大精神); terms inside 《》; reports with no evaluation year.

**Source**: the dates of the National Congresses (2012-11, 2017-10, 2022-10) and of the Five-Year
Plans; the dated list in ``lexicons/time.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import in_brackets

_YEAR_IS = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?\s*是[^。；]{0,12}$")


@cache
def _terms() -> tuple[list[tuple[dict, re.Pattern[str]]], tuple[str, ...], list[re.Pattern[str]]]:
    lex = load_yaml("time.yaml")
    terms = [(t, guarded(t["pattern"])) for t in lex["dated_terms"]]  # each searched over the whole text
    guide = tuple(sorted(lex["guide_words"], key=len, reverse=True))
    current = [re.compile(p) for p in lex["current_plan"]]
    return terms, guide, current


def _sentence(text: str, s: int, e: int) -> tuple[str, str]:
    a = max(text.rfind(ch, 0, s) for ch in "。；！？\n") + 1
    ends = [i for i in (text.find(ch, e) for ch in "。；！？\n") if i >= 0]
    return text[a:s], text[e:min(ends) if ends else len(text)]


@rule("stale-term", "T205", "warning", "time",
      "有时效的政治或规划用语在其时期之外被当作现行表述（2024年报告“学习贯彻党的十九大精神”、2022年报告“完成十三五规划目标”）",
      fires="评价年度：2024\n全年深入学习贯彻党的十九大精神，推动各项工作落实。\n",
      silent="评价年度：2024\n全年深入学习贯彻党的二十大精神，“十三五”期间累计投入资金1.2亿元。\n",
      needs=("year",))
def stale_term(ctx: RuleContext) -> Iterator[Finding]:
    y = ctx.context.evaluation_year
    text = ctx.text
    terms, guide, current = _terms()
    for t, pat in terms:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            if in_brackets(text, s):
                continue
            before, after = _sentence(text, s, e)
            newer = [u["term"] for u, _ in terms if u["kind"] == t["kind"] and u["from"] > t["from"]]
            if any(n.replace("党的", "")[:3] in before + after for n in newer):
                continue
            if t["kind"] == "congress":
                if y <= t["to"] or not before.rstrip().endswith(guide):
                    continue
                yield ctx.report(s, e, f"“{m.group(0)}”已过时：评价年度{y}年时的现行表述为“{t['successor']}”",
                                 suggestion=t["successor"])
                continue
            ym = _YEAR_IS.search(before)
            if ym and re.match(current[1].pattern, after):
                stated = int(ym.group(1))
                if not t["from"] <= stated <= t["to"]:
                    yield ctx.report(s, e, f"{stated}年不在“{t['term']}”时期（{t['from']}—{t['to']}年）内")
                continue
            if t["kind"] == "goal":
                continue  # a goal's name is also history (全面建成小康社会后…): only a year said to be its stage
            if re.match(r"^[”\"]?(?:规划)?(?:的)?(?:期间|时期|以来|末|初|中期|成果|成就)", after):
                continue
            if y > t["to"] and any(p.search(before) for p in current[:1]):
                yield ctx.report(s, e, f"“{t['term']}”（{t['from']}—{t['to']}年）在{y}年已不是现行规划，"
                                       f"现行为“{t['successor']}”", suggestion=f"“{t['successor']}”")
