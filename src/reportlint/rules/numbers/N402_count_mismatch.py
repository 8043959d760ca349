"""A stated count whose list has another number of items.

**Finds**: a count–list relation (``reportlint.claims.relations.CountList``): "N个…，具体包括：A、B、C"
(a count, then a list after 包括/包含/分别是/分别为/即, or after 为/是/有 with a colon) and
"设A、B、C N个科室" (a list after 设/设有/下设/内设/包括 at a word boundary, then a count), where the
、-separated items (、 inside brackets does not split; 和/及/与 before the last item does) are not N.
The parts of a text or a work named before their count may be separated by ，/, as well as 、
("全文包括总体情况,公开的内容、存在的主要问题改进措施四个部分"): judged only when the reading by commas and
the reading by every separator both disagree with N on the same side; so is a composition whose last
comma part holds 和/以及 (…,存在的主要问题及改进情况和其他需要报告的事项6个部分组成: five or six parts). Also a count built up over the
year (``Accrual``): "实施项目共15个…，年初批复预算8个项目…，年中增加8个项目" (total ≠ start + added, the three
counting one thing, outside brackets, in one sentence without 其中), reported as a warning (a build-up is
also reduced in words no list holds). Cue words and count units are in
``lexicons/claims.yaml`` (``count_list_*``, ``count_parts_*``, ``accrual_*``).

**Why a reviewer cares**: an institution list that disagrees with its count is the trace of an
edit that added or removed an office without updating the number; one of the two is wrong.

**Example**:

    本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心。
    → 数量不符：写的是4个，实际列举了3项（硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心）

**Fix**: complete the list or correct the count.

**Leaves alone**: open lists (…等, 等5个科室) unless they name more items than the count; articles and
idioms (一个新的进步, 一项事关…, 一批企业: a count of one is never a list); approximations (两三个);
设 inside a word (建设); 是/为 without a colon (一个中国的原则是…); lists of figures; a list of fewer
than two items or with items longer than 40 characters; comma lists whose two readings straddle the
count; 、 lists whose 和/及 join items inside the list too (…情况和收到处理…情况、…复议和诉讼情况、…), judged only when the
count lies outside both readings; a statutory part whose name holds 、 (政府信息公开行政复议、行政诉讼情况, names.yaml
``headings``) counts once; a build-up whose total counts another thing (15个班次 vs 8个项目), sub-counts in brackets (含…5个), a build-up with a fourth count of the same thing in its sentence or
the next (有1个项目因政策调整未实施, 2期培训合并举办: the writer accounts for a change).

**Source**: arithmetic (counting the items listed). Shapes from real reports: shared realcorpus 302
(即 + a closed list), 304/319/331/332 (lists that hold), 327/328/452 (open 等 lists), cleancorpus
1992/2002 (articles), case 23; corpora/real 511 (parts named across commas), 452 (年初 + 年中增加).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.claims.model import show
from reportlint.claims.relations import relations_of
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule

ACCRUAL = 0.8  # confidence a count built up over the year needs


@rule("count-mismatch", "N402", "error", "numbers",
      "“N个…，具体包括：A、B、C”或“设A、B、C N个…”中列举的项数与N不符",
      fires="本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心。\n",
      silent="本局管理的下级核算单位有4个，具体包括：硇洲卫生院、东山社区卫生服务中心、民安社区卫生服务中心、"
             "东简社区卫生服务中心。设有办公室、财务科等5个科室。\n")
def count_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    for rel in relations_of(ctx.doc).count_lists:
        n = len(rel.items)
        if rel.confidence < 0.9 or n == rel.value or (rel.open and n < rel.value):
            continue
        yield ctx.report(rel.start, rel.end,
                         f"数量不符：写的是{rel.number}{rel.unit}，实际列举了{n}项（{'、'.join(rel.items)}）")
    for acc in relations_of(ctx.doc).accruals:  # 共15个 … 年初8个 … 年中增加8个
        t, base, added = acc.total, acc.base, acc.added
        if acc.confidence < ACCRUAL or t.value == base.value + added.value:
            continue
        yield ctx.report(t.start, added.end,
                         f"数量不符：年初{show(base)}加年中增加{show(added)}为{show(t, base.value + added.value)}，"
                         f"总数写的是{show(t)}", severity=Severity.WARNING)
