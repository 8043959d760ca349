"""One indicator stated twice with different values.

**Finds**: a restated-indicator relation (``reportlint.claims.relations.Restated``): two exact amounts,
counts, percentages or per-mille figures with the same identity (subject + measure + period + scope)
whose intervals cannot meet; the later figure is reported against the first. The measure is the
figure's own words (before it, with years, 全年/本年/累计/合计, scope words and 本单位/我局 taken off;
for a count also the noun after its unit: 168个行政村 is 行政村); a short measure counts only with a
scope word (全县…行政村). The subject is the total a part belongs to (一般债券 of 还本 is not 一般债券
of 发行), or, for a weak measure (实际完成值, 已于本年度支出), the first clause of its clause group when
that clause states a figure first; and it is the item the figure belongs to: the nearest list
heading below the top level or list item inside a paragraph (（一）X项目… / 1.… / …；2.…), an
enumerator 一是/其一, a label before a ： that opens a clause (X项目：年初预算…), or a condition that opens
its sentence part (在A项目中，由B…的，采购金额…). Topic sections (1.预算编制, 5.资产管理, …情况) are
no items; a figure with a scope word (全县, 全局/本单位) belongs to
the whole in any item, and 一、 chapters are not items (a report total restated in another chapter is
still one indicator). The period is the years and period words of its clause and the
periods of its section headings (过去五年 / 对2018年工作的建议). A fund its clause names before the
indicator (财政拨款收入、支出决算总计: the indicator starts after the 、) is part of the subject.

Two more shapes of one indicator stated twice: a year-on-year growth rate of one quantity
("总收入实现11335万元，同比增长35.24%" … "收入与去年同期相比增长32.2%": 同比 = 与去年同期相比 = 比上年,
总收入 = 收入 unless both levels are stated and differ), and an amount said to be used in full by an
action (2179万元已全部拨付) whose same amount is stated elsewhere in the section with the part the action
reached (项目资金共2179万元，…已完成拨付2113.63万元): the action must be the same (到位 in full and 支出 in
part are two actions) and the whole amount restated with the same value.

**Why a reviewer cares**: the same figure written twice differently means at least one is wrong,
and the reviewer cannot tell which without going back to the accounts.

**Example**:

    全区参保总缴费人数225317人。
    （二）医保
    全区参保总缴费人数225371人。
    → 同一指标数值不一致：“参保总缴费人数”此处为225371人，第1行为225317人

**Fix**: correct the wrong figure (check against the source table).

**Leaves alone**: changes and parts (增加, 减少, 增长, 新增, 其中, 比上年, 同比); plans and targets
(将, 拟, 计划, 目标, 预期 …); shares (占…的R%: about the figure before them) and their wholes (完成预算B的R%:
the budget of the item before it); attributes (投资2000万元的养殖场); figures as of a date;
figures in sections about the future; the same measure under different items of a list (年初预算 of
project A and of project B in a 决算 project section, 实际完成值 of two indicators, 发布信息数量 of two
platforms in a 年报, 一批项目… and 三批项目… opening their sentences); subsets (惠及行政村42个 vs 全县行政村186个); approximations
(两三个); members of one list of label + amount items in one sentence (A综合楼24万元，B幼儿园78万元，…，
A综合楼156万元: two tranches of one project); table cells; approximate figures; growth rates of different years, average (年均) or planned
growth; two growth rates whose levels are stated and differ; a partial figure of another amount.

**Source**: internal consistency of a report (财预〔2020〕10号 asks for data that are true and
consistent with the accounts). Shapes: case 22, shared realcorpus 303/308/313/332 and corpora/real 429
(traps), cleancorpus 2004/2008/2018 (plans and periods); item lists from the 上海普陀 2024 决算 PDF (review item 1);
corpora/real 430 (a growth rate restated), 471 (paid in full against the partial figure), 307/503
(已全部到位: silent). Text against tables (``tables/judge.py``): a row or column total restated, the
年报's 申请 count, and the grand total of the 收支总表 of the text's fund scope ("2024年度财政拨款收入、支出决算
总计X万元" against 财政拨款收入支出决算总表's 总计; the 普陀 2024 决算 writes 0.3万元 for 2,961.68).
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.claims.model import may_be_one, show
from reportlint.claims.relations import relations_of
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.timing._future import in_future_section
from reportlint.tables.judge import text_findings as table_restated

CONFIDENCE = 0.8


@rule("value-conflict", "N406", "error", "numbers",
      "同一指标（主体、指标、期间、范围相同）在报告中两次出现而数值不同",
      fires="全区参保总缴费人数225317人。\n（二）医保\n全区参保总缴费人数225371人。\n",
      silent="参保总缴费人数225317人。\n（二）医保\n参保总缴费人数225317人，退回医保基金13344.51元。\n")
def value_conflict(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    for rel in relations_of(doc).restated:
        a, b = rel.first, rel.second
        if rel.confidence < CONFIDENCE:
            continue
        paras = [doc.paragraphs[c.paragraph] for c in (a, b)]
        if any(doc.in_table(p) or in_future_section(doc, p) for p in paras):
            continue  # a table cell: one column label over many rows is not one indicator
        if not may_be_one(a.value, a.tolerance, b.value, b.tolerance):
            yield ctx.report(b.start, b.end,
                             f"同一指标数值不一致：“{rel.measure}”此处为{show(b)}，{doc.place(a.start)}为{show(a)}")
    for done in relations_of(doc).completions:  # 2179万元已全部拨付 … 共2179万元，已完成拨付2113.63万元
        w, part = done.whole, done.partial
        if done.confidence < CONFIDENCE or part.interval()[1] >= w.interval()[0]:
            continue
        yield ctx.report(w.start, done.end,
                         f"同一指标数值不一致：此处称{show(w)}已全部{done.verb}，{doc.place(part.start)}为已{done.verb}"
                         f"{show(part)}（共{show(done.restated)}），相差{show(w, w.value - part.value)}")
    yield from table_restated(ctx)  # the text against the 年报's 申请 table
