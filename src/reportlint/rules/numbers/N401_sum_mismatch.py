"""A total whose listed parts do not add up.

**Finds**: a figure followed by 其中 / 分别为 and amounts or counts of the same kind up to the end of
the clause group (。 or ；), or parts followed by 合计 / 总计 / 共计 and a total; the sum of the parts,
as an interval of their rounding, against the total's interval. Parts above the total are always
an error; parts below it only when the list is complete (分别为, 合计, or a closed set of
``closed_sets`` in ``lexicons/claims.yaml`` such as the budget categories), otherwise ``info``.
In tables (``reportlint.tables``: .docx, PDF, rows written as text): 科目编码 levels (类 = Σ款),
合计/总计/小计 rows and columns, headers of several levels (“三公”经费), the 国办公开办函〔2021〕30号
equations of the 年报 (本年新收 + 上年结转 = 办理结果总计 + 结转下年度), and the 部门决算's tables
against each other (总表 totals, 基本支出 = 人员经费合计 + 公用经费合计); the message names the cells
(``p4 t2r4c5``).

**Why a reviewer cares**: totals and their breakdowns are the figures a financial reviewer checks
first; a breakdown that does not add up means one of them is wrong in the accounts or in the text.

**Example**:

    2024年财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。
    → 分项之和超过总数：1200万元 + 350万元 = 1550万元，比总数1500万元多50万元

**Fix**: correct the total or the part that is wrong (check against the 决算 tables).

**Leaves alone**: approximate figures (约, 超过, 余 …); a single part under its total (核定编制82人，
其中行政编制25人); parts of another kind or unit; sums within the rounding of the stated figures.

**Source**: the 勾稽关系 of 部门决算 tables (a total equals the sum of its items); interval
comparison as in statcheck and XBRL Calculations 1.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportlint.claims.model import Claim
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.numbers._figures import (
    SUMMABLE,
    clause_group_end,
    interval_sum,
    lex,
    same_family,
    sentence_start,
    show,
)
from reportlint.tables.judge import sum_findings as table_sums


def _closed(parts: list[Claim]) -> bool:
    sets = lex()["closed_sets"].values()
    return any(all(any(member in p.indicator for member in members) for p in parts) for members in sets)



@rule("sum-mismatch", "N401", "error", "numbers",
      "总数与所列分项之和不符（分项之和超过总数必错；少于总数仅在列举完整时报告）",
      fires="2024年财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。\n",
      silent="2024年财政拨款收入1550.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。"
             "核定编制82人，其中行政编制25人。\n")
def sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    by_para: dict[int, list[Claim]] = {}
    for c in ctx.claims:
        if c.kind in SUMMABLE:
            by_para.setdefault(c.paragraph, []).append(c)
    for p in ctx.doc.paragraphs:
        claims = by_para.get(p.index, [])
        if len(claims) < 2:
            continue
        for m in re.finditer(r"其中|分别为|分别是|合计|总计|共计", text[p.start:p.end]):
            k = p.start + m.start()
            word = m.group(0)
            if word == "其中" or word.startswith("分别"):
                before = [c for c in claims if c.end <= k and c.start >= sentence_start(text, k, p.start) - 1]
                if not before:
                    prev_start = sentence_start(text, sentence_start(text, k, p.start) - 1, p.start)
                    before = [c for c in claims if prev_start <= c.start and c.end <= k]
                if not before:
                    continue
                total = before[-1]
                end = clause_group_end(text, k, p.end)
                nxt = re.compile(r"其中|合计|总计|共计").search(text, k + len(word), end)
                end = nxt.start() if nxt else end
                parts = [c for c in claims if k < c.start < end and same_family(c, total)]
                closed = word.startswith("分别") or _closed(parts)
            else:  # parts …，合计 N
                after = [c for c in claims if c.start >= k + len(word) and c.start - (k + len(word)) <= 4]
                if not after:
                    continue
                total = after[0]
                start = sentence_start(text, k, p.start)
                parts = [c for c in claims if start <= c.start and c.end <= k and same_family(c, total)]
                closed = True
            if not parts or not all(c.exact for c in [total, *parts]):
                continue
            if len(parts) == 1 and parts[0].value <= total.value:
                continue  # one part of a total: nothing to add up
            yield from _judge_sum(ctx, total, parts, closed, word)
    yield from table_sums(ctx)  # totals of tables: rows, columns, 科目 levels, 30号 equations


def _judge_sum(ctx: RuleContext, total: Claim, parts: list[Claim], closed: bool, word: str) -> Iterator[Finding]:
    lo, hi = interval_sum(parts)
    t_lo, t_hi = total.interval()
    s = sum((p.value for p in parts), Decimal(0))
    listed = " + ".join(show(p) for p in parts)
    diff = s - total.value
    if lo > t_hi:
        yield ctx.report(total.start, parts[-1].end,
                         f"分项之和超过总数：{listed} = {show(total, s)}，比总数{show(total)}多{show(total, diff)}")
    elif hi < t_lo:
        msg = f"分项之和小于总数：{listed} = {show(total, s)}，比总数{show(total)}少{show(total, -diff)}"
        if closed:
            yield ctx.report(total.start, parts[-1].end, msg)
        else:
            yield ctx.report(total.start, parts[-1].end, msg + "（“其中”可能只列举了部分，如是请忽略）",
                             severity=Severity.INFO)
