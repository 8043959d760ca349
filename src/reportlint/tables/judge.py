"""Findings for table relations, reported by the number rules (sum-mismatch, rate-mismatch,
score-subtotal) next to the same relations stated in prose.

Each finding points at the stated total (or rate, or score) cell when it was located in the text,
else at another cell of the relation; its message names every cell by its place (``p4 t2r4c5``,
``t1r3c4``). A relation none of whose cells could be located is not reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlint.claims.model import Claim, fmt, may_be_one
from reportlint.findings import Finding, Severity
from reportlint.rules.base import RuleContext
from reportlint.tables.build import tables_of
from reportlint.tables.check import (
    Equation,
    column_total,
    holds,
    row_total,
    table_relations,
    table_span,
    tolerance,
)
from reportlint.tables.model import Cell, Table, is_dash

if TYPE_CHECKING:
    from reportlint.document.model import Document


def _num(t: Table, v: Decimal) -> str:
    return f"{fmt(v, 6)}{t.unit or ''}"


def _report(ctx: RuleContext, cells: tuple[Cell, ...], message: str, suggestion: str | None = None
            ) -> Iterator[Finding]:
    at = next((c for c in cells if c.start is not None), None)
    if at is None:
        return
    yield ctx.report(at.start, at.end, message, suggestion=suggestion)


def _terms(cells: tuple[Cell, ...]) -> str:
    return " + ".join(f"{c.text.strip() or '0'}（{c.where}）" for c in cells)


def sum_findings(ctx: RuleContext) -> Iterator[Finding]:
    yield from _equations(ctx, table_relations(ctx.doc).sums)


def _equations(ctx: RuleContext, eqs: list[Equation]) -> Iterator[Finding]:
    for eq in eqs:
        ok, lv, rv = holds(eq)
        if ok:
            continue
        places = max((c.number.decimals for c in eq.left + eq.right if c.number), default=0)
        yield from _report(ctx, eq.left + eq.right, _sum_message(eq, lv, rv),
                           suggestion=f"{rv:.{places}f}" if len(eq.left) == 1 else None)


def _sum_message(eq: Equation, lv: Decimal, rv: Decimal) -> str:
    t = eq.table
    if len(eq.left) == 1:
        return (f"表中{eq.what}不符：{eq.left[0].where}写的是{eq.left[0].text.strip()}{t.unit or ''}，"
                f"分项{_terms(eq.right)} = {_num(t, rv)}，相差{_num(t, abs(lv - rv))}")
    return (f"表中{eq.what}不成立：{_terms(eq.left)} = {_num(t, lv)}，"
            f"{_terms(eq.right)} = {_num(t, rv)}，相差{_num(t, abs(lv - rv))}")


def rate_findings(ctx: RuleContext) -> Iterator[Finding]:
    for rc in table_relations(ctx.doc).rates:
        n, d, r = rc.numerator.number, rc.denominator.number, rc.rate.number
        assert n is not None and d is not None and r is not None
        n_lo, n_hi = n.value - tolerance(rc.numerator), n.value + tolerance(rc.numerator)
        d_lo, d_hi = d.value - tolerance(rc.denominator), d.value + tolerance(rc.denominator)
        if d_lo <= 0:
            continue
        scale = Decimal(100) if r.percent or r.value > 1 else Decimal(1)
        lo, hi = n_lo / d_hi * scale, n_hi / d_lo * scale
        r_tol = tolerance(rc.rate) if r.decimals else Decimal("0.5")
        if lo - r_tol <= r.value <= hi + r_tol:
            continue
        actual = n.value / d.value * scale
        unit = "%" if scale == 100 else ""
        yield from _report(ctx, (rc.rate, rc.numerator, rc.denominator),
                           f"表中{rc.name}与本行数字不符：{rc.numerator.text.strip()}（{rc.numerator.where}）÷ "
                           f"{rc.denominator.text.strip()}（{rc.denominator.where}）= {fmt(actual, max(2, r.decimals))}{unit}，"
                           f"{rc.rate.where}写的是{rc.rate.text.strip()}",
                           suggestion=f"{round(actual, r.decimals)}{unit}")


def score_findings(ctx: RuleContext) -> Iterator[Finding]:
    yield from _equations(ctx, table_relations(ctx.doc).score_sums)
    yield from _rate_scores(ctx)
    for sc in table_relations(ctx.doc).scores:
        s, w = sc.score.number, sc.weight.number
        assert s is not None and w is not None
        if s.value > w.value + tolerance(sc.score):
            yield from _report(ctx, (sc.score, sc.weight),
                               f"表中得分超过分值：{sc.score.where}得分{sc.score.text.strip()}，"
                               f"分值{sc.weight.text.strip()}（{sc.weight.where}）")


def table_set_findings(ctx: RuleContext) -> Iterator[Finding]:
    """The genre's table set (``tables.tableset``): a table missing, an empty table without its note."""
    from reportlint.tables.tableset import table_set_gaps

    for gap in table_set_gaps(ctx.doc, ctx.context.genre_name):
        if gap.kind == "missing":
            yield ctx.report(gap.start, gap.end, f"缺少第{gap.number}张公开表“{gap.title}”（{gap.set_name}共"
                                                 f"{gap.set_size}张，无数据的表也应公开并注明）",
                             severity=Severity.WARNING)
        else:
            yield ctx.report(gap.start, gap.end, f"“{gap.title}”为空表，但未说明原因（应注明如“本单位无…，故本表无数据”）",
                             severity=Severity.WARNING)


def code_findings(ctx: RuleContext) -> Iterator[Finding]:
    for cn in table_relations(ctx.doc).code_names:
        code_at = "".join(c.where for c in cn.codes[:1])
        yield from _report(ctx, (cn.name, *cn.codes),
                           f"表中科目编码与科目名称不符：{cn.code}（{code_at}）是“{cn.expected}”，"
                           f"{cn.name.where}写的“{cn.name.label}”是{cn.other}的名称（《政府收支分类科目》）",
                           suggestion=cn.expected)


def _rate_scores(ctx: RuleContext) -> Iterator[Finding]:
    """得分 against 分值 × 执行率 (capped at 分值): the stated score may round the product half up or cut
    it off at its own decimals; the rate is an interval at its decimals."""
    for rs in table_relations(ctx.doc).rate_scores:
        r, s = rs.rate.number, rs.score.number
        assert r is not None and s is not None
        scale = Decimal(100) if r.percent or r.value > 1 else Decimal(1)
        r_tol = tolerance(rs.rate) if r.decimals else (Decimal("0.5") if scale == 100 else Decimal(0))
        lo = min((r.value - r_tol) / scale, Decimal(1)) * rs.weight
        hi = min((r.value + r_tol) / scale, Decimal(1)) * rs.weight
        step = Decimal(10) ** -s.decimals
        # rounded half up, or cut off (truncation is common in score sheets)
        lo, hi = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step, \
            (hi / step).to_integral_value(rounding="ROUND_HALF_UP") * step
        if lo <= s.value <= hi or s.value > rs.weight:
            continue  # (a score above its 分值 is reported as such)
        exact = min(r.value / scale, Decimal(1)) * rs.weight
        weight = (f"{rs.weight_cell.text.strip()}（{rs.weight_cell.where}）" if rs.weight_cell is not None
                  else f"{fmt(rs.weight, 2)}")
        yield from _report(ctx, (rs.score, rs.rate),
                           f"表中得分与“分值×执行率”不符：分值{weight} × 执行率{rs.rate.text.strip()}（{rs.rate.where}）"
                           f"= {fmt(exact, 2)}，{rs.score.where}写的是{rs.score.text.strip()}（计分方法：{rs.scheme}）",
                           suggestion=f"{round(exact, s.decimals)}")


_APPLICATIONS = re.compile(r"(?:收到|受理|接收|新收)[^，。；,;]{0,12}申请")
_OTHER = re.compile(r"上年|结转|其中|办结|答复|不予|部分|公开的|驳回|转办|\d{4}年(?!度?[全我本])")


# a measure of the text -> where the tables state it: ("row", label) the figure right of a row label,
# ("col", head) the 合计 row of the column with that head
MEASURES = {
    "人员经费": (("row", "人员经费合计"), ("row", "人员经费")),
    "公用经费": (("row", "公用经费合计"), ("row", "公用经费")),
    "基本支出": (("col", "基本支出"),),
    "项目支出": (("col", "项目支出"),),
    "本年收入": (("row", "本年收入合计"), ("col", "本年收入合计")),
    "本年收入合计": (("row", "本年收入合计"), ("col", "本年收入合计")),
    "本年支出": (("row", "本年支出合计"), ("col", "本年支出合计")),
    "本年支出合计": (("row", "本年支出合计"), ("col", "本年支出合计")),
}
_NOT_THE_MEASURE = re.compile(r"年初|预算数|上年|去年|增加|减少|增长|下降|比|较|占|调整|预计|计划|目标|其中|结转|结余")


def text_findings(ctx: RuleContext) -> Iterator[Finding]:
    yield from _applications(ctx)
    seen: set[int] = set()
    for f in itertools.chain(_measures(ctx), _grand_totals(ctx)):
        seen.add(f.raw_start)
        yield f
    yield from (f for f in _restated_rows(ctx) if f.raw_start not in seen)


# what a column of figures is, from its header; and the same from the words of the text before a figure
_COLUMN_MEANING = (("年初预算", re.compile(r"年初预算|年初数|年初安排")),
                   ("全年预算", re.compile(r"全年预算|调整后预算|调整预算|预算调整数|变动后预算")),
                   ("上年", re.compile(r"上年|上一年|去年|同期")),
                   ("预算", re.compile(r"预算")),
                   ("执行", re.compile(r"执行数|执行金额|决算|实际支出|实际完成|完成数|支出数")),
                   ("合计", re.compile(r"^(?:本年(?:收入|支出)?)?(?:合计|总计|小计|金额|合计数)$")))
# words that may stand between a row label and its figure in the text: (类), 支出决算, 为, 共计 …
_TAIL = re.compile(r"(?:[（(][类款项][)）]|年初预算|全年预算|调整后预算|预算数?|决算数?|全年|执行数?|实际|支出|完成|数|为|是|共|计|"
                   r"合计|总额|金额|达到?|[:：])*")
_CLAUSE_END = re.compile(r"[。；;！？!?，,\n]")
_NOT_THIS_FIGURE = re.compile(r"比|较|增|减|下降|上升|占|同比|环比|上年|去年|上一年|同期|以前|预计|计划|拟|目标|人均|平均|"
                              r"每|不超过|以上|以内|超过|约|近|累计|其中")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|其中\s*[:：]?)")
_GENERIC_LABEL = re.compile(r"^(?:合计|总计|小计|其他|其中|项目|科目名称|[类款项])$|合计$|总计$")


def _meaning(words: str) -> str | None:
    for name, pat in _COLUMN_MEANING:
        if pat.search(words):
            return name
    return None


def _row_label(cell: Cell) -> str | None:
    if not (cell.own and cell.number is None and cell.label and re.search(r"[\u4e00-\u9fff]", cell.label)):
        return None
    label = re.sub(r"[（(][类款项][)）]$", "", _MARKER.sub("", cell.label))
    return label if len(label) >= 4 and not _GENERIC_LABEL.search(label) else None


def _row_cells(tables: list[Table]) -> dict[str, list[tuple[Table, Cell, str | None]]]:
    """Row label -> the money cells of that row in every table with a unit, each with its column's meaning.
    A row of a two-sided table (收入 | 决算数 | 支出 | 合计 …) holds two labels: each owns the figures up to
    the next text cell."""
    out: dict[str, list[tuple[Table, Cell, str | None]]] = {}
    for t in tables:
        if not t.unit:
            continue
        for row in t.rows[t.header_rows:]:
            label: str | None = None
            for c in row:
                if c.number is None:
                    if c.own and c.label and not is_dash(c.text):
                        label = _row_label(c)
                    continue
                if label is None or not c.own or c.number.percent:
                    continue
                head = t.column_label(c.col).split("/")[-1] if t.header_rows else ""
                if re.search(r"率|比|%|％|分值|得分|权重|编码|代码|序号", head):
                    continue
                out.setdefault(label, []).append((t, c, _meaning(head) if head else None))
    return out


_TOTAL_ROW = re.compile(r"^(?:本年(?:收入|支出)?)?(?:合计|总计)$")


def _column_cells(tables: list[Table]) -> dict[str, list[tuple[Table, Cell]]]:
    """Column header -> the cell of that column in the table's one total row (合计, 总计, 本年支出合计):
    基本支出 / 项目支出 / 财政拨款 are the columns of most 决算 and 预算 tables, so a figure of the prose
    may restate a column's total as well as a row."""
    out: dict[str, list[tuple[Table, Cell]]] = {}
    for t in tables:
        if not t.unit or not t.header_rows:
            continue
        totals = [r for r in t.rows[t.header_rows:]
                  if any(c.own and c.number is None and _TOTAL_ROW.match(c.label) for c in r)]
        if len(totals) != 1:
            continue
        for c in totals[0]:
            if not c.own or c.number is None or c.number.percent:
                continue
            head = re.sub(r"[（(][类款项][)）]$", "", _MARKER.sub("", t.column_label(c.col).split("/")[-1]))
            if len(head) >= 4 and not _GENERIC_LABEL.search(head) and re.search(r"[\u4e00-\u9fff]", head):
                out.setdefault(head, []).append((t, c))
    return out


# the funds a 决算/预算 table or a passage may be narrowed to: 财政拨款 is a part of all funds, 一般公共预算 a
# part of 财政拨款; a measure named the same in tables of two scopes has two figures
_FUND_SCOPE = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营")


def _scope(words: str) -> frozenset[str]:
    return frozenset(m.group(0) for m in _FUND_SCOPE.finditer(words))


def _table_scope(doc: Document, t: Table) -> frozenset[str]:
    """The funds a table is narrowed to, from its caption, the lines just above it (表2 财政拨款收入支出决算总表)
    and the title of its section."""
    words = [t.caption]
    span = table_span(doc, t)
    if span is not None:
        p = doc.paragraphs[span[0]]
        words.append(p.section.title if p.section is not None else "")
        words += [doc.paragraph_text(q) for q in doc.paragraphs[max(0, span[0] - 2):span[0]]
                  if not (q.heading is not None and q is not doc.paragraphs[span[0] - 1])]
    return _scope("".join(words))


@dataclass(frozen=True)
class Restatement:
    """A figure of the prose read as restating table cells: the row label it names and the cells compared."""

    claim: Claim
    label: str
    cells: tuple[tuple[Table, Cell], ...]
    agrees: bool


def restatements(doc: Document, claims: list[Claim], year: int | None) -> list[Restatement]:
    """Amounts of the prose that name a table row (the row label just before the figure, only (类), 支出决算,
    为 … between), with the cells of that row whose column means what the text says (年初预算, 全年预算,
    执行/决算; a text naming none, or 决算, means the row's total: its 合计 column, else its only figure or
    its 执行/决算 column), in every table that has the row. Comparisons, growth, shares, other years,
    approximations and 其中 parts are not restatements."""
    rows = _row_cells(tables_of(doc))
    if not rows:
        return []
    columns = _column_cells(tables_of(doc))
    scopes = {t.index: _table_scope(doc, t) for t in tables_of(doc)}
    labels = sorted(rows, key=len, reverse=True)
    text = doc.text
    out = []
    for c in claims:
        if c.kind != "amount" or not c.exact or doc.in_table(doc.paragraphs[c.paragraph]):
            continue
        lo = max(doc.paragraphs[c.paragraph].start, c.start - 60)
        before = text[lo:c.start]
        ends = list(_CLAUSE_END.finditer(before))
        clause = before[ends[-1].end():] if ends else before
        label = next((x for x in labels if x in clause), None)
        if label is None:
            continue
        at = clause.rfind(label)
        tail = clause[at + len(label):]
        if _TAIL.fullmatch(tail) is None or _NOT_THIS_FIGURE.search(clause) or \
                any(m.group(1) != str(year or "") for m in re.finditer(r"(\d{4})年", clause)):
            continue  # a comparison, a part, or another year's figure
        want = _meaning(tail)
        by_table: dict[int, list[tuple[Table, Cell, str | None]]] = {}
        for x in rows[label]:
            by_table.setdefault(x[0].index, []).append(x)
        same: list[tuple[Table, Cell]] = []
        for cells in by_table.values():
            if want in (None, "执行"):
                pick = [x for x in cells if x[2] == "合计"] or [x for x in cells if x[2] == "执行"] or \
                    [x for x in cells if x[2] is None]
            else:
                pick = [x for x in cells if x[2] == want]
            if len(pick) == 1:
                same.append((pick[0][0], pick[0][1]))
        # a table holding the label as a column (its total row: 基本支出, 项目支出) is a reading too
        same += [x for x in columns.get(label, []) if want in (None, "执行")] if same else []
        if not same:
            continue
        # agreement with any table that carries the label (the prose may mean any scope)
        agrees = any(_same_figure(c, t, cell) for t, cell in same)
        # tables narrowed to funds (财政拨款, 一般公共预算) the prose does not name speak of another scope:
        # the cells shown are those of the prose's own scope when some table of it carries the label
        sec = doc.paragraphs[c.paragraph].section
        prose = _scope(clause + (sec.title if sec is not None else ""))
        same = [x for x in same if scopes[x[0].index] <= prose] or same
        out.append(Restatement(c, label, tuple(same), agrees))
    return out


def _restated_rows(ctx: RuleContext) -> Iterator[Finding]:
    """A restatement (``restatements``) that matches none of its cells. A warning: the text may mean
    another scope (a label that appears in several tables with different figures is compared with all
    of them, and reported only when it matches none)."""
    for r in restatements(ctx.doc, ctx.claims, ctx.context.evaluation_year):
        if r.agrees:
            continue
        t, cell = r.cells[0]
        yield ctx.report(r.claim.start, r.claim.end,
                         f"正文与表格不一致：正文“{r.label}”为{r.claim.raw}，表格为{cell.text.strip()}{t.unit}"
                         f"（{'、'.join(x.where for _, x in r.cells)}）", severity=Severity.WARNING)


def _measures(ctx: RuleContext) -> Iterator[Finding]:
    """An amount of the text named like a total of the 决算 tables (人员经费, 基本支出, 本年支出 …) that
    differs from it, when every table stating that total agrees (the 总表 and the 财政拨款总表 differ in
    scope: a measure they disagree on is not judged). A warning."""
    tables = [t for t in tables_of(ctx.doc) if t.unit]
    if not tables:
        return
    scopes: dict[int, frozenset[str]] = {}
    for c in ctx.claims:
        if c.kind != "amount" or not c.exact or ctx.doc.in_table(ctx.doc.paragraphs[c.paragraph]):
            continue
        ind = re.sub(r"[（(][类款项][)）]$", "", c.indicator.strip())
        key = next((k for k in sorted(MEASURES, key=len, reverse=True) if ind.endswith(k)), None)
        if key is None or _NOT_THE_MEASURE.search(ind[: -len(key)]):
            continue
        lead = ctx.doc.text[max(ctx.doc.paragraphs[c.paragraph].start, c.start - len(c.indicator) - 12):
                            c.start - len(c.indicator)]
        if re.search(r"(?:(?<!其)中|里)\s*[，,:：]?\s*$", lead):
            continue  # 一般公共服务支出中，基本支出…: a part of another row, not the table's total
        cells = [(t, cell) for t in tables for kind, name in MEASURES[key]
                 for cell in (row_total(t, name) if kind == "row" else column_total(t, name))]
        # the tables of the text's own fund scope, when one states the measure (本年收入合计 of the 收入支出决算总表,
        # not of the 财政拨款收入支出决算总表, for a text naming no fund)
        sec = ctx.doc.paragraphs[c.paragraph].section
        scope = _scope(ind + (sec.title if sec is not None else ""))
        cells = [x for x in cells if scopes.setdefault(x[0].index, _table_scope(ctx.doc, x[0])) == scope] or cells
        if not cells:
            continue
        spans = [((cell.number.value - tolerance(cell)) * t.scale(), (cell.number.value + tolerance(cell)) * t.scale())
                 for t, cell in cells]
        lo, hi = max(a for a, _ in spans), min(b for _, b in spans)
        if lo > hi:
            continue  # the tables differ among themselves (scope): which one the text means is unknown
        if not any(_same_figure(c, t, cell) for t, cell in cells):
            t, cell = cells[0]
            yield ctx.report(c.start, c.end,
                             f"正文与表格不一致：正文“{key}”为{c.raw}，表格为{cell.text.strip()}{t.unit}"
                             f"（{'、'.join(x.where for _, x in cells)}）", severity=Severity.WARNING)


# the grand total of a 收入支出决算总表 (its 总计 row: this year's income plus what was carried in) as the text names
# it: "2024年度收入、支出决算总计2995.39万元" (the national template), "收入支出总计…", "收入总计…，支出总计…"
_GRAND_TOTAL = re.compile(r"(?:收入|支出|收支|收入、?支出)(?:决算|预算)?总计$")
_GRAND_TABLE = re.compile(r"收(?:入)?、?支(?:出)?(?:决算|预算)?总表$")
_NOT_GRAND = re.compile(r"年初|上年|去年|增加|减少|增长|下降|比|较|占|调整|预计|计划|目标|其中|结转|结余|[省市县区镇乡]级|本级|"
                        r"全[省市县区镇乡]|预算执行")


@dataclass(frozen=True)
class GrandTotal:
    """A figure of the text naming the 总计 of the 收支总表 of its fund scope, and that row's cells."""

    claim: Claim
    name: str
    cells: tuple[tuple[Table, Cell], ...]
    agrees: bool


def grand_totals(doc: Document, claims: list[Claim], year: int | None) -> list[GrandTotal]:
    """Amounts the text names the grand total of the 收支总表 of its fund scope (收入支出决算总表 for the text
    naming no fund, 财政拨款收入支出决算总表 for 财政拨款…总计), with that table's 总计 row: "上海市普陀区财政局2024
    年度财政拨款收入支出总计0.3万元" against 总计 2,961.68 (/work/shared/realpdf). The fund scope is read from the
    clause before the figure (、 does not end it) and the section title; tables of another scope are never
    compared, and tables of one scope that differ among themselves are no reading."""
    tables = [t for t in tables_of(doc) if t.unit and _GRAND_TABLE.search(t.caption)]
    if not tables:
        return []
    text, out = doc.text, []
    for c in claims:
        p = doc.paragraphs[c.paragraph]
        if c.kind != "amount" or not c.exact or doc.in_table(p):
            continue
        lo = max(p.start, c.start - 60)
        ends = list(_CLAUSE_END.finditer(text, lo, c.start))
        words = re.sub(r"(?:为|是|达到?|[:：]|\s)+$", "", text[ends[-1].end() if ends else lo:c.start])
        m = _GRAND_TOTAL.search(words)
        if m is None or _NOT_GRAND.search(words) or \
                any(y.group(1) != str(year or "") for y in re.finditer(r"(\d{4})年", words)):
            continue
        scope = _scope(words + (p.section.title if p.section is not None else ""))
        cells = [(t, cell) for t in tables if _scope(t.caption) == scope for cell in row_total(t, "总计")]
        if not cells:
            continue
        spans = [((cell.number.value - tolerance(cell)) * t.scale(), (cell.number.value + tolerance(cell)) * t.scale())
                 for t, cell in cells if cell.number is not None]
        lo_v, hi_v = max(a for a, _ in spans), min(b for _, b in spans)
        if lo_v > hi_v:
            continue
        funds = list(_FUND_SCOPE.finditer(words))
        name = words[funds[-1].start():] if funds else m.group(0)
        out.append(GrandTotal(c, name, tuple(cells), any(_same_figure(c, t, cell) for t, cell in cells)))
    return out


def _same_figure(c: Claim, t: Table, cell: Cell) -> bool:
    """Can the text's figure and the cell be one value, each rounded as written (``may_be_one``)?"""
    assert cell.number is not None and isinstance(c.value, Decimal)
    return may_be_one(c.value, c.tolerance, cell.number.value * t.scale(), tolerance(cell) * t.scale())


def _grand_totals(ctx: RuleContext) -> Iterator[Finding]:
    """A grand total of the text (``grand_totals``) that differs from its 收支总表's 总计 row. A warning."""
    for g in grand_totals(ctx.doc, ctx.claims, ctx.context.evaluation_year):
        if g.agrees:
            continue
        t, cell = g.cells[0]
        yield ctx.report(g.claim.start, g.claim.end,
                         f"正文与表格不一致：正文“{g.name}”为{g.claim.raw}，{t.caption}“总计”为{cell.text.strip()}{t.unit}"
                         f"（{'、'.join(x.where for _, x in g.cells)}）", severity=Severity.WARNING)


def _applications(ctx: RuleContext) -> Iterator[Finding]:
    """A figure of the text that restates the 年报's 申请 table and differs: 收到/受理…申请 N件 against
    本年新收 (or 本年新收 + 上年结转, or the outcomes' 总计). A warning: the text may count another scope."""
    rel = table_relations(ctx.doc)
    if len(rel.applications) != 1:
        return
    new, carried, total = rel.applications[0]
    allowed = {new.number.value, new.number.value + carried.number.value, total.number.value}
    for c in ctx.claims:
        if c.kind != "count" or c.unit != "件" or not c.exact or ctx.doc.in_table(ctx.doc.paragraphs[c.paragraph]):
            continue
        if not _APPLICATIONS.search(c.indicator) or _OTHER.search(c.indicator):
            continue
        if c.value not in allowed:
            yield ctx.report(c.start, c.end,
                             f"正文与表格不一致：正文为{c.raw}，表格本年新收{new.text.strip()}件（{new.where}）、"
                             f"上年结转{carried.text.strip()}件（{carried.where}）、办理结果总计{total.text.strip()}件"
                             f"（{total.where}）", severity=Severity.WARNING)
