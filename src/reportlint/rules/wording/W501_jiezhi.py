"""截止 followed by a point in time, where 截至 is meant.

**Finds**: 截止 directly followed (after spaces) by a time point: a year, a month, a day, 目前, 当前,
现在, 今年, 年底, 年末, 月底, 上半年, 报告期 ….

**Why a reviewer cares**: 截至 means "up to (a time)", 截止 means "(a period) ends"; 截止2024年12月31日
is the most frequent usage error in financial reports and reviewers mark it every time.

**Example**:

    截止2024年12月31日，在职在编人员共计74人。
    → “截止”后接时间点应写“截至”：截至表示“到某时为止”，截止表示“（到期）停止”

**Fix**: write 截至 (the suggestion).

**Leaves alone**: 截止 used as a verb or noun: 于5月30日截止, 截止到, 截止于, 截止日期, 截止时间,
截止期限, 截止前/后.

**Source**: 《现代汉语词典》 (截止: 到一定期限停止; 截至: 截止到某个时候).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import CN_SMALL_NUMERALS, YEAR

_TIME_AFTER = re.compile(
    rf"\s*(?:{YEAR}\s*年|\d{{1,2}}\s*月|[{CN_SMALL_NUMERALS}]{{1,3}}月|目前|当前|现在|今年|本年|上年|去年|"
    r"年底|年末|月底|上半年|下半年|报告期|发稿|本月|今天|当日|当天|\d{1,2}\s*日)")


@rule("jiezhi", "W501", "error", "wording",
      "“截止”后接时间点：表示“到某时为止”应写“截至”",
      fires="截止2024年12月31日，在职在编人员共计74人。\n",
      silent="截至2024年12月31日，在职74人。报名于5月30日截止，截止到11月底完成，截止日期为6月1日。\n", fixable=True)
def jiezhi(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    for m in re.finditer("截止", text):
        after = text[m.end():m.end() + 12]
        if re.match(r"\s*(?:到|于|日期|时间|期限|时点|前|后)", after):
            continue
        if not _TIME_AFTER.match(after):
            continue
        yield ctx.report(m.start(), m.end(),
                         "“截止”后接时间点应写“截至”：截至表示“到某时为止”，截止表示“（到期）停止”",
                         suggestion="截至")
