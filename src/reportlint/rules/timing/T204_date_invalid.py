"""An impossible date, or a date after the filing date stated as done.

**Finds**: dates that do not exist in the calendar, in every written form (2月30日, 13月, 2024-02-30,
2024.2.30, 2024/02/30, 二〇二四年二月三十日; blanks inside a date's parts as a page or a PDF's text
layer stores them: 2024年2月 30 日, 2024 / 02 / 30), a full date whose year has five or six digits
(至202020年12月31日止); a cited document issued after the report's own filing
date (填报日期 2025-03-10 but 根据市财政局2025年5月20日印发的《…通知》); dates with a stated year
later than the filing date in a clause that reports a fact (截至, 已, 完成, 累计 …) and no plan
word (预计, 计划, 将, 拟, 前完成, 期限 …).

**Why a reviewer cares**: an impossible date is a typo in a figure the reviewer must trust; a
completed action dated after the report was filed is either a typo or a copied plan.

**Example**:

    评价年度：2024
    填报日期：2025年7月24日
    截至2025年8月31日，已拨付资金100万元；2024年2月30日完成验收。
    → 日期晚于填报日期（2025-07-24）却写成已发生的事实：2025年8月31日
    → 日期不存在：2024年2月30日

**Fix**: correct the date, or word the sentence as a plan.

**Leaves alone**: 2024-02-29 in a leap year; index numbers and codes (2023-00425, 20231103-00020);
clock times (8:30); 6月底 / 12月前; dates whose year was inferred (no year written); plans and deadlines; sections
about the future (存在问题, 改进措施 …); reports with no known filing date (only the calendar check).

**Source**: the calendar; the report's own filing date (填报日期) as the limit of what it can state
as done.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.timing._future import CLAUSE_END, in_future_section

_PLAN_WORDS = re.compile(r"预计|计划|将|拟|力争|争取|前完成|之前|以前|到期|截止日期|期限|要求|应于|须于|确保")
_DONE_WORDS = re.compile(r"截至|截止|已|完成|共|累计|实现|办理|发放|拨付")


# dates written with separators (2024-02-30, 2024.2.30, 2024/02/30, a PDF's 2024 / 02 / 30 with blanks around
# one separator used twice): not part of a longer code
_SEP_DATE = guarded(r"(?<![\d./\-:])((?:19|20)\d{2})[ \t\u3000]*([-./])[ \t\u3000]*(\d{1,2})[ \t\u3000]*\2[ \t\u3000]*(\d{1,2})"
                       r"(?![\d./\-:%])")
# dates in Chinese numerals (二〇二四年二月三十日)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_CN_DATE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
# a cited document issued on the date (2025年5月20日印发的《…》)
_ISSUED_AFTER = re.compile(r"^\s*(?:印发|下发|发布|出台|颁布|制定|签发|发出|下达|公布)")


def _cn_number(s: str) -> int | None:
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_DIGIT.get(head, 1) if head else 1
        ones = _CN_DIGIT.get(tail, 0) if tail else 0
        return tens * 10 + ones
    return _CN_DIGIT.get(s) if len(s) == 1 else None


def _exists(y: int, mo: int, d: int) -> bool:
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


def other_forms(text: str) -> Iterator[tuple[int, int, int, int, int]]:
    """(start, end, year, month, day) of dates written with separators or in Chinese numerals."""
    for m in _SEP_DATE.finditer(text):
        yield m.start(), m.end(), int(m.group(1)), int(m.group(3)), int(m.group(4))
    for m in _CN_DATE.finditer(text):
        y = "".join(str(_CN_DIGIT.get(c, 0)) for c in m.group(1))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
        if mo is not None and d is not None:
            yield m.start(), m.end(), int(y), mo, d


@rule("date-invalid", "T204", "error", "time",
      "日期不存在（2月30日、2024-02-30、13月），或晚于填报日期却写成已完成的事实、已印发的文件",
      fires="评价年度：2024\n填报日期：2025年7月24日\n截至2025年8月31日，已拨付资金100万元；2024年2月30日完成验收。\n",
      silent="评价年度：2024\n填报日期：2025年7月24日\n截至2024年12月31日，已拨付资金100万元；计划于2025年9月30日前完成验收。\n")
def date_invalid(ctx: RuleContext) -> Iterator[Finding]:
    filing = ctx.context.filing_date
    text = ctx.text
    for c in ctx.claims:
        if c.kind != "date":
            continue
        if not c.extra.get("valid", True):
            mo, d = c.extra.get("month"), c.extra.get("day")
            if d is None and mo is not None and 1 <= mo <= 12:
                continue  # 6月底 with no year known: a real month end
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
        if _ISSUED_AFTER.match(text[c.end:c.end + 6]):
            yield ctx.report(c.start, c.end,
                             f"引用的文件日期（{c.raw}）晚于本报告的填报日期（{filing.isoformat()}），报告不可能依据它")
            continue
        cs = max(text.rfind(ch, p.start, c.start) for ch in "。；") + 1
        ce_m = CLAUSE_END.search(text, c.end, p.end)
        clause = text[max(cs, p.start):ce_m.start() if ce_m else p.end]
        if _PLAN_WORDS.search(clause) or not _DONE_WORDS.search(clause):
            continue
        yield ctx.report(c.start, c.end,
                         f"日期晚于填报日期（{filing.isoformat()}）却写成已发生的事实：{c.raw}")
    for s, e, y, mo, d in other_forms(text):
        if not _exists(y, mo, d):
            yield ctx.report(s, e, f"日期不存在：{text[s:e]}")
    for m in _LONG_YEAR_DATE.finditer(text):
        digits = m.group(1)
        fix = _year_fix(digits, (ctx.context.evaluation_year, ctx.context.filing_year))
        yield ctx.report(m.start(), m.end(), f"日期不存在：{m.group(0)}，年份“{digits}”多了数字",
                         suggestion=m.group(0).replace(digits, str(fix), 1) if fix else None)


# a full date whose year has five or six digits (至202020年12月31日止: a digit pair typed twice)
_LONG_YEAR_DATE = guarded(r"(?<![\d.])((?:19|20)\d{3,4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _year_fix(digits: str, known: tuple[int | None, ...]) -> int | None:
    """The year left by deleting one or two neighbouring digits: the report's own year when it is one
    of them, else the only plausible one; ``None`` when several remain."""
    cands = set()
    for i in range(len(digits)):
        for n in (1, 2):
            rest = digits[:i] + digits[i + n:]
            if len(rest) == 4 and 1990 <= int(rest) <= 2100:
                cands.add(int(rest))
    own = [y for y in known if y in cands]
    if own:
        return own[0]
    return cands.pop() if len(cands) == 1 else None
