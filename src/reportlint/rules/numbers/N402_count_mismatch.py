"""A stated count whose list has another number of items.

**Finds**: "N个…，具体包括：A、B、C" (a count, then a list after 包括/包含/分别是/为/有) and
"设A、B、C N个科室" (a list after 设/设有/下设/包括, then a count), where the 、-separated items
(、 inside brackets does not split; 和/及/与 before the last item does) are not N.

**Why a reviewer cares**: an institution list that disagrees with its count is the trace of an
edit that added or removed an office without updating the number; one of the two is wrong.

**Example**:

    本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心。
    → 数量不符：写的是4个，实际列举了3项（硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心）

**Fix**: complete the list or correct the count.

**Leaves alone**: open lists (…等, 等5个科室); lists with commas (sentences, not items); a list of
fewer than two items or with items longer than 40 characters.

**Source**: arithmetic (counting the items listed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.claims.extract import parse_number
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule

_COUNT_UNITS = "个|家|项|所|名|类|方面|部分|条|件|处|支|座"
_NUM = r"\d+|[一二两三四五六七八九十]{1,3}"
_COUNT_THEN_LIST = re.compile(
    rf"({_NUM})\s*({_COUNT_UNITS})([^，。：；]{{0,15}}?)[，,]?\s*(?:具体)?(?:包括|包含|分别是|分别为|即|为|是|有)\s*[：:]?\s*"
    r"([^。；]+?)(?=[。；]|$)")
_LIST_THEN_COUNT = re.compile(rf"(?:设有|设|下设|包括|包含|涵盖)\s*([^。；，：]+?)\s*(?:等)?\s*({_NUM})\s*({_COUNT_UNITS})")


def split_items(s: str) -> list[str]:
    """Items of a 、-separated list (、 inside brackets does not split); 和/及 before the last item."""
    items, depth, cur = [], 0, []
    for ch in s:
        if ch in "（(《“【":
            depth += 1
        elif ch in "）)》”】":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    last = items[-1]
    m = re.match(r"^(.+?)(?:以及|和|及|与)(.+)$", last)
    if m and len(items) >= 2:
        items[-1:] = [m.group(1), m.group(2)]
    return [i.strip() for i in items if i.strip()]


@rule("count-mismatch", "N402", "error", "numbers",
      "“N个…，具体包括：A、B、C”中列举的项数与N不符",
      fires="本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心。\n",
      silent="本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心、"
             "东简社区卫生服务中心。设有办公室、财务科等5个科室。\n")
def count_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    for p in ctx.doc.paragraphs:
        for m in _COUNT_THEN_LIST.finditer(text, p.start, p.end):
            listing = m.group(4)
            if "，" in listing or "," in listing or re.search(r"等[\u4e00-\u9fff]{0,6}$|等$", listing):
                continue
            items = split_items(listing)
            yield from _judge_count(ctx, m.group(1), m.group(2), items, m.start(1), m.end())
        for m in _LIST_THEN_COUNT.finditer(text, p.start, p.end):
            if re.search(r"等\s*$", text[m.start(1):m.start(2)]):
                continue
            items = split_items(m.group(1))
            yield from _judge_count(ctx, m.group(2), m.group(3), items, m.start(1), m.end())


def _judge_count(ctx: RuleContext, num: str, unit: str, items: list[str], s: int, e: int) -> Iterator[Finding]:
    got = parse_number(num)
    if got is None or len(items) < 2 or any(len(i) > 40 for i in items):
        return
    n = int(got[0])
    if n != len(items):
        yield ctx.report(s, e, f"数量不符：写的是{num}{unit}，实际列举了{len(items)}项（{'、'.join(items)}）")
