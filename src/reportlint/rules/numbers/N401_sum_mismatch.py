"""A total whose listed parts do not add up.

**Finds**: a total–parts relation (``reportlint.claims.relations.Sum``) whose parts, as an interval of
their rounding, cannot meet the total. The relation is recognised first: a total before 其中 / 分别为 /
包括 / （含…） and its parts of the same unit family (万元 with 元, 人 with 名, 条 with 篇) up to the end
of the clause group, across a ；/; when the next segment is one more part (其中：A；B, 一般债券…；专项债券…),
across a line break when the paragraph ends mid-sentence; or parts followed by 合计 / 总计 / 共计 and their
total (a sentence opening with 加上 adds to the head figure of the sentence before: "收入111.11万元，其中…。
加上…1,756.37万元，收入总计1,867.48万元"); or a total followed by its make-up, 由…构成/组成 ("支出总计
867.48万元，由一般公共预算支出1,867.48万元，加上解支出…0万元构成", complete; none with 减/扣除). Parts above the total are always an error (a part stated with 余/多 counts at its lower bound);
parts below it only when the list is complete (分别为, 合计, a closed set of ``closed_sets`` in
``lexicons/claims.yaml`` such as the budget categories, 其他 as the last part, or a count broken down by
category — one enumeration of short category names — that names its remainder among three or more
(其他文件4条, not last), or four or more of distinct kinds that miss the total by one unit and under 1%,
reported as a note) and every part was read. A list with an approximate member (30余万元) keeps each part's
rounding. A whole amount among parts
of the same unit stated with decimals is read at their precision (30万元 beside 29.99万元 is 30.00); a
count unit with its alternates in brackets (16954套(台、块、项), 14666台(套)) is one unit; a part's own
sub-list (内有…, 其中… up to the ；) and the make-up listed after a part named 小计 are not parts.
In tables (``reportlint.tables``: .docx, PDF, rows written as text): 科目编码 levels (类 = Σ款),
合计/总计/小计 rows and columns, headers of several levels (“三公”经费), the 国办公开办函〔2021〕30号
equations of the 年报 (本年新收 + 上年结转 = 办理结果总计 + 结转下年度), and the 部门决算's tables
against each other (总表 totals, 基本支出 = 人员经费合计 + 公用经费合计); the message names the cells
(``p4 t2r4c5``).

Also two totals the genre requires to be equal (``Balance``): 收入总计 and 支出总计 of a 决算
(收、支总计各是A,B万元), and 按收入性质分 and 按支出性质分 of a 基础数据表 read as text; and funds against
their use (``Remainder``): the sources (one primary 收入/资金/预算 figure plus 其他资金来源 / 上年结转) against
the used figure (支出, 已使用, 拨付 …) and what is left (结余, 结余结转, 年末结转和结余), in one sentence or
across the sentences of one section up to two paragraphs back: "预算收入69.06万元…。其他资金来源21.31万元。
支出76.36万元，其中…结余结转0万元" (14.01万元 unaccounted). Two primary sources (年初预算 and 调整后预算,
预算 and 到位资金) build no relation. And the 年报's applications stated in prose (``Flow``): received
(收到/受理, or the 合计 of its channels) + 上年结转 = 办结/答复/回复 + 结转下年 (or …件正在办理), the 30号
table's equation, judged only when all four are written in one paragraph with no other count of 件 among
them (wild W017, W020, corpora/real 745 hold).
And a change stated as an amount (``claims.differences.Difference``): current = base ± Δ, in one sentence
("1969万元，较2024年的2190万元减少221万元", "比上年累计支出433万元减少2万元", "较上年同期110374万元下降9.5%，减收10479万元")
or against the two figures stated elsewhere in the report ("2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待
较上年同期减少0.58万元" with 公务接待 2022年度 11.8万元 and 2021年度 12.39万元 in other sentences) when the item, the
current year (stated in the change's sentence), the base year (上年 = current − 1) and the measure (预算/决算/执行, when
named) identify one figure each; with the base measure unnamed only when another change of the paragraph holds on
the figures so read. A Δ outside the two figures' rounding is an error; one inside it but off the stated figures'
difference while every other change of the paragraph holds on them exactly is a note (the writer computed on the
figures as stated: wild W175, 12.39 − 11.8 = 0.59 written 0.58).

**Why a reviewer cares**: totals and their breakdowns are the figures a financial reviewer checks
first; a breakdown that does not add up means one of them is wrong in the accounts or in the text.

**Example**:

    2024年财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。
    → 分项之和超过总数：1200万元 + 350万元 = 1550万元，比总数1500万元多50万元

**Fix**: correct the total or the part that is wrong (check against the 决算 tables).

**Leaves alone**: an increment (比上年增加1500亿元，其中…: the parts belong to the level before it);
changes (由40元提高到80元) and per-capita figures; approximate totals and parts (约, 近, 不到); a single
part under its total (核定编制82人，其中行政编制25人); an open 其中 list below its total; levels of a
hierarchy (一级指标3个，二级指标8个，三级指标15个) and nested thresholds (千万元以上46家，亿元以上5家);
sub-parts in brackets; a list with a part we cannot read (征集调查16期 among 条); sums within the
rounding of the stated figures. Totals joined by 和/及/与/、 before one 其中 (行政复议案件6件和行政诉讼案件3件，其中行政复议结果维持5件，
尚未审结1件，行政诉讼结果维持3件) are judged each with the parts that name it (an unnamed part goes with the one
before it); when a part names none of them, the list is not judged. A figure in a bracketed aside after the total
(120万元(含上年结转资金20万元)) is never the total, and an aside that accounts for what complete parts leave over
(申请15件(含上年结转1件),其中网上8件、当面4件、其他2件) is no shortfall; channels of publication (通过网站…, 微信…)
and lists with a part as large as the total beside other non-zero parts overlap and are not judged; figures of
different columns of a funds block (全年预算数 / 全年执行数) are summed per column; a category breakdown that
misses its total by one is no note when the paragraph names the last item apart (另发布…1条). A list that is two
partitions of its total one after the other (a 年报's applications by channel, then 办结/结转: each adds up to the total),
parts that add up to the total of a list the claimed total is itself part of (信函申请5件，涵盖…，办结18件，结转2件), and a
part's own breakdown after 主要用于/其中/包括 that adds up to it (支出800万元，主要用于人员经费500万元、公用经费…) (REVIEW7).
A change whose other figure is stated nowhere (公务接待费242万元，较上年减少12万元), or twice with different values,
or whose current year is not stated in its sentence; a Δ within the rounding of its figures (1234.57 − 1100.23
written 134.35) unless its siblings show the writer computed on the stated figures.

**Source**: the 勾稽关系 of 部门决算 tables (a total equals the sum of its items); interval
comparison as in statcheck and XBRL Calculations 1.1. Shapes from real reports: shared realcorpus
319 (thousands separators), 313 (parts after a semicolon), 332 (parts above a 包括 total), 453 (a
count and an amount breakdown in one list), cleancorpus 2008/2014/2016 (increments and changes
before 其中), corpora/real 505 (由…加…构成 and 加上 make-ups of a town 决算), 306 (sources against use
across paragraphs), 503 (资金…已使用…结余 that holds), 603 (amount-first parts 30万元用于…; and the
flattened 绩效自评表's 年度资金总额 row, ``tables/form.py``), 616 (套(台、块、项)), 626 (a category breakdown
in the sentence after its total), /work/holdout3 702/717/752 (sub-lists, an empty category, 小计); changes: wild W175
(figures elsewhere), W012, W013, W044 (base in the sentence), real 427.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportlint.claims.differences import rounding_places, sibling_exact
from reportlint.claims.model import Claim, show
from reportlint.claims.relations import Sum, interval_sum, list_interval_sum, normalise_measure, relations_of
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule
from reportlint.tables.judge import sum_findings as table_sums

ABOVE = 0.6  # confidence a relation needs for "parts above the total"
BELOW = 0.8  # … and for "parts below a complete total"


@rule("sum-mismatch", "N401", "error", "numbers",
      "总数与所列分项之和不符（分项之和超过总数必错；少于总数仅在列举完整时报告）",
      fires="2024年财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。\n",
      silent="2024年财政拨款收入1550.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。"
             "核定编制82人，其中行政编制25人。\n")
def sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    sums = relations_of(ctx.doc).sums
    enclosing: dict[int, list[Claim]] = {}  # id(part) -> the totals of the lists it is a part of
    for rel in sums:
        for p in rel.parts:
            enclosing.setdefault(id(p), []).append(rel.total)
    for rel in sums:
        total, parts = rel.total, _without_breakdowns(rel.parts, ctx.doc.text)
        if (not total.exact or any(p.comparator in ("~", "<=") for p in parts)
                or _other_reading(rel, enclosing.get(id(total), []))):
            continue
        lo, hi = list_interval_sum(parts)
        t_lo, t_hi = total.interval()
        listed = " + ".join(show(p) for p in parts)
        s = sum((p.value for p in parts), Decimal(0))
        least = "" if all(p.exact for p in parts) else "至少"
        start, end = min(total.start, parts[0].start), max(total.end, parts[-1].end)
        # half-up rounding: a total stated with a tolerance lies below t_hi, so parts from t_hi up cannot meet it
        above = lo > t_hi or (lo == t_hi and total.tolerance > 0)
        if above and rel.confidence >= ABOVE and (len(parts) >= 2 or rel.complete):
            yield ctx.report(start, end,
                             f"分项之和超过总数：{listed} = {least}{show(total, s)}，"
                             f"比总数{show(total)}多{least}{show(total, s - total.value)}")
        elif hi < t_lo and rel.complete and rel.confidence >= BELOW and all(p.exact for p in parts):
            yield ctx.report(start, end,
                             f"分项之和小于总数：{listed} = {show(total, s)}，比总数{show(total)}少"
                             f"{show(total, total.value - s)}" + ("（所列分类看似完整，请核对）" if rel.inferred else ""),
                             severity=Severity.INFO if rel.inferred else None)
    for bal in relations_of(ctx.doc).balances:
        a, b = bal.left, bal.right
        a_lo, a_hi = a.interval()
        b_lo, b_hi = b.interval()
        if b_hi < a_lo or b_lo > a_hi:
            yield ctx.report(min(a.start, b.start), max(a.end, b.end),
                             f"收支总数不平衡：{bal.labels[0]}{show(a)}，{bal.labels[1]}{show(b)}，相差{show(a, abs(a.value - b.value))}"
                             f"（两者应相等）")
    for rem in relations_of(ctx.doc).remainders:  # sources = used + left
        if rem.confidence < BELOW:
            continue
        uses = (rem.used,) if rem.left_inside else (rem.used, rem.left)
        s_lo, s_hi = interval_sum(rem.sources)
        u_lo, u_hi = interval_sum(uses)
        if s_hi < u_lo or u_hi < s_lo:
            src = sum((c.value for c in rem.sources), Decimal(0))
            use = sum((c.value for c in uses), Decimal(0))
            yield ctx.report(rem.used.start, rem.left.end,
                             f"资金来源与使用不平衡：{_side(rem.sources, rem.used, src)}，"
                             f"{_side(uses, rem.used, use, rem.left if rem.left_inside else None)}，"
                             f"相差{show(rem.used, abs(src - use))}")
    for fl in relations_of(ctx.doc).flows:  # the 年报's applications: received + carried in = answered + carried out
        left, right = fl.received.value + fl.carried_in.value, fl.answered.value + fl.carried_out.value
        if left != right:
            yield ctx.report(fl.received.start, max(fl.answered.end, fl.carried_out.end),
                             f"申请办理数不平衡：收到{show(fl.received)} + 上年结转{show(fl.carried_in)} = {show(fl.received, left)}，"
                             f"办结{show(fl.answered)} + 结转下年{show(fl.carried_out)} = {show(fl.received, right)}，"
                             f"相差{show(fl.received, abs(left - right))}（两者应相等）")
    yield from _differences(ctx)  # Δ of a change against its two figures
    yield from table_sums(ctx)  # totals of tables: rows, columns, 科目 levels, 30号 equations


def _meets(parts: tuple[Claim, ...] | list[Claim], target: Claim) -> bool:
    lo, hi = list_interval_sum(parts)
    t_lo, t_hi = target.interval()
    return lo <= t_hi and hi >= t_lo


# a part followed by its own breakdown: 支出800万元，主要用于人员经费500万元、公用经费100万元、项目支出200万元
_BREAKDOWN_CUE = re.compile(r"主要用于|主要为|主要是|其中|包括|包含|含|分别为|具体为|用于")


def _without_breakdowns(parts: tuple[Claim, ...], text: str) -> tuple[Claim, ...]:
    """The parts without a run of two or more that follows a part after a breakdown cue and adds up to it
    (REVIEW7 sm8: a nested 主要用于 breakdown is the part's make-up, not more parts of the total)."""
    out: list[Claim] = []
    i = 0
    while i < len(parts):
        out.append(parts[i])
        nxt = i + 1
        if nxt < len(parts) and _BREAKDOWN_CUE.search(text[parts[i].end:parts[nxt].start]):
            for j in range(min(len(parts), nxt + MAX_BREAKDOWN), nxt + 1, -1):
                if _meets(parts[nxt:j], parts[i]):
                    nxt = j
                    break
        i = nxt
    return tuple(out)


MAX_BREAKDOWN = 8  # items of a part's own breakdown


def _other_reading(rel: Sum, enclosing: list[Claim]) -> bool:
    """The list is better read as something other than the parts of ``rel.total``: two partitions of the
    total one after the other (其中当面申请5件，网络申请10件，信函申请5件，办结18件，结转2件: by channel, then by
    outcome, each adding up to the 20 received), or parts that add up to the total of an enclosing list the
    claimed total is itself a part of (信函申请5件，涵盖…领域，办结18件，结转2件: 18 + 2 is the 20 received)."""
    parts = rel.parts
    if 4 <= len(parts) <= 2 * MAX_BREAKDOWN:
        for k in range(2, len(parts) - 1):
            if _meets(parts[:k], rel.total) and _meets(parts[k:], rel.total):
                return True
    return any(_meets(parts, t) for t in enclosing)


def _side(cs: tuple, unit: Claim, total: Decimal, inner: Claim | None = None) -> str:
    """预算收入69.06万元 + 其他资金来源21.31万元 = 90.37万元; one figure alone is not summed."""
    named = " + ".join(f"{normalise_measure(c.indicator)}{show(c)}" for c in cs)
    if inner is not None:
        named += f"（其中{normalise_measure(inner.indicator)}{show(inner)}）"
    return named if len(cs) == 1 else f"{named} = {show(unit, total)}"


def _differences(ctx: RuleContext) -> Iterator[Finding]:
    """Δ of 较上年增加/减少 Δ against current − base (``claims.differences``): outside the stated figures'
    rounding, an error; one unit off in the last place while every other change of the paragraph holds on the
    stated figures, a note (the writer computed on the figures as stated)."""
    diffs = relations_of(ctx.doc).differences
    for x in diffs:
        d, cur, base = x.delta, x.current, x.base
        c_tol, b_tol = rounding_places(cur, base), rounding_places(base, cur)
        lo = (cur.value - c_tol) - (base.value + b_tol)
        hi = (cur.value + c_tol) - (base.value - b_tol)
        if x.decrease:
            lo, hi = -hi, -lo
        d_lo, d_hi = d.interval()
        stated = (base.value - cur.value) if x.decrease else (cur.value - base.value)
        verb = "减少" if x.decrease else "增加"
        if stated < 0:
            verb = "增加" if x.decrease else "减少"
        hi_fig, lo_fig = (base, cur) if x.decrease else (cur, base)
        if x.years:  # figures found elsewhere: say whose they are
            where = f"{x.item}{x.years[0]}年{show(cur)}，{x.years[1]}年{show(base)}，相差{show(d, abs(stated))}（{verb}）"
        else:
            where = f"{show(hi_fig)} − {show(lo_fig)} = {show(d, stated)}"
        message = f"增减额与前后两数不符：{where}，报告写的是{'减少' if x.decrease else '增加'}{show(d)}"
        if d_hi < lo or d_lo > hi:
            yield ctx.report(d.start, d.end, message, suggestion=show(d, abs(stated)) if stated >= 0 else None)
        elif stated != d.value and sibling_exact(diffs, x) and abs(stated - d.value) <= 2 * max(c_tol, b_tol):
            follows = ""
            if x.rate is not None and x.rate.exact and base.value:
                r = d.value / base.value * 100
                lo_r, hi_r = x.rate.interval()
                if lo_r <= r <= hi_r:
                    follows = f"；其后的{x.rate.raw}按{show(d)}计算"
            yield ctx.report(d.start, d.end, message + f"（同段其他增减额均按所列数字计算{follows}，请核对）",
                             suggestion=show(d, stated), severity=Severity.INFO)
