"""The arithmetic a table states, as equations between its cells (judged by the number rules).

Relations, each recognised from the table's own labels before any arithmetic:

- **code hierarchy** (决算 功能/经济分类 tables): a row of a 科目编码 level equals the sum of the rows
  one level below it (类 = Σ款, 款 = Σ项), and a 合计 row the sum of the 类 rows;
- **total rows** (合计 / 总计 / 小计 / 本年收入合计 …): the rows since the previous total, of the
  highest level among them (一、 over （一）; a row without a marker over a marked one; a previous
  total replaces its own parts), column by column; a total row that carries a marker itself (（七）总计,
  4.合计) sums the rows of its own marker kind since the last row of a higher kind; not run on the 30号
  申请 table, whose rows have their own relations (below);
- **其中 rows** under a row: their sum is at most that row's, column by column, and equals it when the
  list ends with its 其他 row (the 绩效自评表's 当年财政拨款 / 上年结转资金 / 其他资金 under 年度资金总额) and
  every row has its figure in the column (a blank row may be one not filled in);
- **total columns** (a column headed 合计 / 总计 / 小计): the figure columns after it (it comes
  first: 本年支出合计 | 基本支出 | 项目支出) or since the previous total column (it comes last: 结果维持 |
  结果纠正 | 其他结果 | 尚未审结 | 总计), row by row;
- **国办公开办函〔2021〕30号** (政府信息公开工作年度报告, 收到和处理申请 table): 本年新收 + 上年结转 =
  办理结果总计 + 结转下年度继续办理, and 总计 = the sum of the outcome rows, column by column;
- **rates** (执行率 / 完成率 columns): 执行数 ÷ 全年预算数 (调整后预算数, 预算数; never 年初预算 when a
  later budget is there, never a base of 0);
- **scores**: 得分 ≤ 分值 (权重) in each row, and a 合计 row's 得分 and 分值 against the rows above it.

A blank cell, -, — or / in a figure column is 0 in a sum. An equation whose total cell is blank or
covered by a merge, or that has fewer than two parts, is not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from reportlint.claims.model import may_be_one
from reportlint.lexicon import load_yaml
from reportlint.tables.build import tables_of
from reportlint.tables.model import Cell, Table, is_dash

if TYPE_CHECKING:
    from reportlint.document.model import Document

TOTAL = re.compile(r"(?:合计|总计|小计|共计|总额|总数)$|^(?:合计|总计|小计|共计)")
_CODE_HEAD = re.compile(r"编码|代码|序号|编号|^类$|^款$|^项$")
_CODE = re.compile(r"^\d{2,9}$")
_MARKERS = ((re.compile(r"^[一二三四五六七八九十]+[、.．]"), 1), (re.compile(r"^[（(][一二三四五六七八九十]+[)）]"), 2),
            (re.compile(r"^\d+[、.．](?!\d)"), 3), (re.compile(r"^[（(]\d+[)）]"), 4))
_RATE = re.compile(r"执行率|完成率")
_NUMERATOR = re.compile(r"执行数|全年执行|实际支出|支出数|决算数|完成数|实际完成")
_DENOMINATORS = (re.compile(r"全年预算|调整后预算|预算调整数|全年预算数"), re.compile(r"预算数|预算金额|预算$"))
_WEIGHT = re.compile(r"分值|权重")
_NOT_ADDITIVE = re.compile(r"率|得分|分值|权重|比例|占比|比重|%|％|指标值|完成值|单价|标准")
_SCORE = re.compile(r"得分")


@dataclass(frozen=True)
class Equation:
    """Σ left = Σ right, all cells of one table; ``left`` is the stated total when it is one cell."""

    table: Table
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    what: str  # what the equation is, in words for the message (合计行, 30号勾稽关系 …)
    complete: bool = True  # False for 其中 rows: they may list only some parts (only Σ > total is wrong)


@dataclass(frozen=True)
class RateCheck:
    table: Table
    rate: Cell
    numerator: Cell
    denominator: Cell
    name: str


@dataclass(frozen=True)
class ScoreCheck:
    table: Table
    score: Cell
    weight: Cell


@dataclass(frozen=True)
class RateScoreCheck:
    """得分 = 分值 × 执行率 (capped at 分值), where the table's scheme says so: ``weight`` is the 分值
    cell of the row, or the weight the scheme states (得分(20分*执行率)) with ``weight_cell`` None."""

    table: Table
    score: Cell
    rate: Cell
    weight: Decimal
    weight_cell: Cell | None
    scheme: str  # where the scheme is stated, for the message


@dataclass(frozen=True)
class CodeName:
    """A 科目编码 whose 科目名称 is the listed name of another code (``lexicons/budget_codes.yaml``)."""

    table: Table
    code: str
    codes: tuple[Cell, ...]  # the code cells (one, or 类 款 项 columns)
    name: Cell
    expected: str  # the listed name of ``code``
    other: str  # the code whose listed name the table wrote


@dataclass
class TableRelations:
    sums: list[Equation]
    rates: list[RateCheck]
    scores: list[ScoreCheck]
    score_sums: list[Equation] = field(default_factory=list)  # 合计 得分 / 分值 against the rows
    rate_scores: list[RateScoreCheck] = field(default_factory=list)  # 得分 = 分值 × 执行率
    code_names: list[CodeName] = field(default_factory=list)  # 科目编码 against 科目名称
    # the 年报's 申请 table, 总计 column: (本年新收, 上年结转, 办理结果总计) for the text to be read against
    applications: list[tuple[Cell, Cell, Cell]] = field(default_factory=list)


@cache
def subject_codes() -> dict[str, dict[str, tuple[str, ...]]]:
    """First digit of a code ("2" 功能分类, "3" 经济分类) -> code -> its names (current first), normalised."""
    data = load_yaml("budget_codes.yaml")
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for part in ("functional", "economic"):
        for code, names in (data.get(part) or {}).items():
            out.setdefault(str(code)[0], {})[str(code)] = tuple(subject_name(n) for n in names)
    return out


def subject_name(text: str) -> str:
    """A 科目名称 as compared: no spaces or list marker, （） for (), no trailing （类）/（款）/（项）."""
    t = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    t = re.sub(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．](?!\d))", "", t)
    return re.sub(r"（[类款项]）$", "", t)


def table_relations(doc: Document) -> TableRelations:
    got = doc.__dict__.get("_table_relations")
    if got is None:
        got = TableRelations([], [], [])
        tables = tables_of(doc)
        schemes = table_schemes(doc, tables) if tables else {}
        for t in tables:
            _Checker(t, got, schemes.get(t.index)).run()
        _across(tables, got)
        doc.__dict__["_table_relations"] = got
    return got


def value(c: Cell) -> Decimal | None:
    """A cell's figure for a sum: blank and dashes are 0; text is None."""
    if c.number is not None:
        return c.number.value
    if not c.text.strip() or is_dash(c.text) or not c.own:
        return Decimal(0)
    return None


def tolerance(c: Cell) -> Decimal:
    n = c.number
    if n is None:
        return Decimal(0)
    if n.decimals:
        return Decimal(5) * Decimal(10) ** (-n.decimals - 1)
    return Decimal("0.5") if n.percent else Decimal(0)


def _depths(styles: list[int]) -> list[int]:
    """Nesting depth of rows from their marker styles, as headings nest: the first style seen is the top
    level, a style not seen yet goes one level down, a style seen before goes back up to its level
    (一、 rows with unmarked rows under them; an unmarked row with 一、 rows under it)."""
    stack: list[int] = []
    out = []
    for st in styles:
        if st in stack:
            del stack[stack.index(st) + 1:]
        else:
            stack.append(st)
        out.append(len(stack) - 1)
    return out


def level(label: str) -> int:
    for pat, lv in _MARKERS:
        if pat.match(label):
            return lv
    return 0


_INNER = re.compile(r"[（(](?:[一二三四五六七八九十]+|\d+)[)）]|(?:(?<=\s)|^)(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d))")


def _markers(label: str) -> list[int]:
    """The list markers of a label, flattened merged cells included: 三、本年度办理结果 (一)予以公开 → [1, 2]."""
    return [level(m.group(0)) for m in _INNER.finditer(label)]


# 得分 = 分值 × 执行率 stated as the scheme: 得分(20分*执行率), 执行率×分值, 预算执行率得分=执行率×权重
_SCHEME = re.compile(r"(?:执行率|完成率)\s*[×*xX✕]\s*(?:该指标|该项)?(?:分值|权重|\d{1,3}(?:\.\d+)?分)"
                     r"|(?:分值|权重|(?<![\d.])\d{1,3}(?:\.\d+)?分)\s*[×*xX✕]\s*(?:预算)?(?:执行率|完成率)")
_SCHEME_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)分\s*[×*xX✕]|[×*xX✕]\s*(\d+(?:\.\d+)?)分")


# a note's own scheme that is not the product: intervals and deductions (执行率≥95%得满分，每低1个百分点扣0.5分)
_OTHER_SCHEME = re.compile(r"[≥≤＞＜><]|扣\s*\d|每(?:低|少|下降|降低|减少)|区间|分段|以上得满分")
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*\d*\s*[:：]")


@dataclass(frozen=True)
class _Scheme:
    text: str  # the words stating 得分 = 分值 × 执行率
    paragraph: int


def _stated_scheme(doc: Document, start: int, end: int) -> str | None:
    m = _SCHEME.search(doc.text, start, end)
    if m is not None and "得分" in doc.text[max(start, m.start() - 30):min(end, m.end() + 30)]:
        return doc.text[m.start():m.end()]
    return None


def rate_schemes_in_text(doc: Document) -> list[_Scheme]:
    """The sentences of the report's prose that state 得分 = 分值 × 执行率 for budget execution."""
    out = []
    for p in doc.paragraphs:
        if doc.in_table(p):
            continue
        said = _stated_scheme(doc, p.start, p.end)
        if said is not None:
            out.append(_Scheme(said, p.index))
    return out


def _paragraph_at(doc: Document, pos: int) -> int | None:
    import bisect

    starts = doc.__dict__.get("_paragraph_starts")  # built once: a call per table was tables × paragraphs
    if starts is None:
        starts = doc.__dict__["_paragraph_starts"] = [p.start for p in doc.paragraphs]
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 else None


def table_span(doc: Document, t: Table) -> tuple[int, int] | None:
    """The first and last paragraph of a table, from its located cells."""
    at = [c.start for row in t.rows for c in row if c.start is not None]
    if not at:
        return None
    a, b = _paragraph_at(doc, min(at)), _paragraph_at(doc, max(at))
    return (a, b) if a is not None and b is not None else None


def _note_after(doc: Document, last: int) -> int | None:
    """The paragraph of the note right under a table (注：…, 备注：, 说明：), if any."""
    for p in doc.paragraphs[last + 1:last + 3]:
        if doc.in_table(p):
            continue
        return p.index if _NOTE.match(doc.paragraph_text(p)) else None
    return None


def _within(doc: Document, inner: int, outer: int) -> bool:
    """Is paragraph ``inner`` in the section subtree of paragraph ``outer`` (its innermost heading and the
    headings under it)? A paragraph before every heading governs the whole text."""
    top = doc.paragraphs[outer].section
    node = doc.paragraphs[inner].section
    if top is None:
        return True
    while node is not None:
        if node is top:
            return True
        node = node.parent
    return False


def table_schemes(doc: Document, tables: list[Table]) -> dict[int, str | None]:
    """Table index -> the 得分 = 分值 × 执行率 scheme that governs it, or None. A table's own note wins:
    a note stating the product is its scheme; a note stating intervals or deductions (≥95%得满分，
    每低1个百分点扣0.5分) means the product rule does not hold for it. A scheme of the prose governs the
    tables of its own section subtree only; one that is itself a note under a table governs that table only."""
    schemes = rate_schemes_in_text(doc)
    spans = {t.index: table_span(doc, t) for t in tables}
    notes = {i: _note_after(doc, sp[1]) for i, sp in spans.items() if sp is not None}
    note_paragraphs = {n for n in notes.values() if n is not None}
    out: dict[int, str | None] = {}
    for t in tables:
        sp = spans[t.index]
        note = notes.get(t.index)
        if note is not None:
            p = doc.paragraphs[note]
            said = _stated_scheme(doc, p.start, p.end)
            if said is not None or _OTHER_SCHEME.search(doc.paragraph_text(p)):
                out[t.index] = said if said is not None and not _OTHER_SCHEME.search(doc.paragraph_text(p)) else None
                continue
        if sp is None:
            # a table not located in the text: only a scheme that governs the whole text
            out[t.index] = next((s.text for s in schemes if s.paragraph not in note_paragraphs
                                 and doc.paragraphs[s.paragraph].section is None), None)
            continue
        governing = [s for s in schemes if s.paragraph not in note_paragraphs and _within(doc, sp[0], s.paragraph)]
        before = [s for s in governing if s.paragraph < sp[0]]
        out[t.index] = (before[-1] if before else governing[0]).text if governing else None
    return out


class _Checker:
    def __init__(self, t: Table, out: TableRelations, scheme: str | None = None) -> None:
        self.t = t
        self.out = out
        self.scheme = scheme
        self.h = t.header_rows
        self.body = t.rows[self.h:]
        self.kind = [self._kind(c) for c in range(t.width)]  # "num" | "code" | "text"

    def _kind(self, c: int) -> str:
        head = self.t.column_label(c)
        cells = [r[c] for r in self.body if c < len(r) and r[c].own and r[c].text.strip()]
        codes = [x for x in cells if _CODE.match(x.label)]
        if codes and any(_CODE_HEAD.search(part) for part in head.split("/")) and all(
                _CODE.match(x.label) or x.label in ("类", "款", "项") or TOTAL.search(x.label) for x in cells):
            return "code"  # 科目编码 (类 款 项), the 合计 row's label spilling over them aside
        if not cells and any(_CODE_HEAD.search(part) for part in head.split("/")):
            return "code"  # a 项 column left blank (a table of 类 and 款 rows only)
        if not cells and c > 0 and head:
            return "num"  # a figure column left blank (an empty 决算 line): zeros, not labels
        nums = [x for x in cells if x.number is not None or is_dash(x.text)]
        if nums and len(nums) * 2 >= len(cells) and not (cells and all(_CODE.match(x.label) and x.label.startswith("0")
                                                                            for x in cells)):
            return "num"
        return "text"

    def run(self) -> None:
        if not self.body or self.t.width < 2:
            return
        statutory = self._gongkai_rows()
        for label_col, codes, nums in self._blocks():
            self._code_rows(label_col, codes, nums)
            self._code_names(label_col, codes)
            if statutory is None:  # the 30号 table's rows are judged by its own relations (_gongkai)
                self._total_rows(label_col, codes, nums)
            self._total_columns(nums)
            self._tree_columns(nums)
        self._gongkai(statutory)
        self._rates()
        self._scores()
        self._rate_scores()

    def _blocks(self) -> list[tuple[int | None, list[int], list[int]]]:
        """(label column, its code columns, its figure columns) for each side of the table."""
        out: list[tuple[int | None, list[int], list[int]]] = []
        label: int | None = None
        codes: list[int] = []
        nums: list[int] = []
        for c, k in enumerate(self.kind):
            if k == "num":
                nums.append(c)
            elif k == "code":
                if nums:
                    out.append((label, codes, nums))
                    label, codes, nums = None, [], []
                codes.append(c)
            else:
                if nums:
                    out.append((label, codes, nums))
                    codes, nums = [], []
                label = c
        if nums:
            out.append((label, codes, nums))
        return out

    def _label(self, row: list[Cell], label_col: int | None) -> str:
        if label_col is None:
            return ""
        return row[label_col].label

    def _add(self, left: list[Cell], right: list[Cell], what: str, single: bool = False,
             complete: bool = True) -> None:
        if not left or not right or (len(right) < 2 and len(left) < 2 and not single):
            return
        if any(value(c) is None or (c.number is not None and c.number.percent) for c in left + right):
            return  # text, or a rate: rates do not add up
        if any(_NOT_ADDITIVE.search(self.t.column_label(c.col).split("/")[-1]) for c in left[:1]):
            return
        if len(left) == 1 and (left[0].number is None or not left[0].own):
            return
        self.out.sums.append(Equation(self.t, tuple(left), tuple(right), what, complete))

    # ------------------------------------------------------------ rows

    def _code_level(self, row: list[Cell], codes: list[int]) -> int | None:
        filled = [row[c].label for c in codes if row[c].own and row[c].label]
        if not filled or not all(_CODE.match(x) for x in filled):
            return None
        if len(codes) == 1:
            n = len(filled[0])
            return {3: 1, 5: 2, 7: 3}.get(n)
        return len(filled)

    def _code_rows(self, label_col: int | None, codes: list[int], nums: list[int]) -> None:
        if not codes:
            return
        levels = [self._code_level(r, codes) for r in self.body]
        for i, lv in enumerate(levels):
            if lv is None:
                continue
            kids: list[int] = []
            for j in range(i + 1, len(levels)):
                if levels[j] is None:
                    if any(x.label for x in self.body[j]):
                        break
                    continue
                if levels[j] <= lv:
                    break
                if levels[j] == lv + 1:
                    kids.append(j)
            if not kids:
                continue
            for c in nums:
                self._add([self.body[i][c]], [self.body[j][c] for j in kids],
                          f"科目{self._label(self.body[i], label_col)}与其下级科目", single=True)

    def _code_names(self, label_col: int | None, codes: list[int]) -> None:
        """Each row's 科目编码 (one column, or 类 款 项 columns written out in full: 201 | 06 | 01) against its
        科目名称: reported only when the name is the listed name of another code of the same level and
        classification (20106 税收事务, which is 20107), so an unlisted or reworded name is never judged."""
        if not codes or label_col is None or label_col < codes[-1]:
            return
        for row in self.body:
            parts = [row[c] for c in codes if row[c].own and row[c].label]
            code = "".join(c.label for c in parts)
            if not parts or not _CODE.match(code) or len(code) not in (3, 5) or (
                    len(parts) > 1 and (len(parts[0].label) != 3 or any(len(c.label) != 2 for c in parts[1:]))):
                continue  # a 项 (names repeat under every 款), or a 款 written without its 类
            name = row[label_col]
            if not name.own or not name.label:
                continue
            book = subject_codes().get(code[0])
            if book is None or code not in book:
                continue
            wrote = subject_name(name.label)
            if wrote in book[code]:
                continue
            other = next((k for k, names in book.items() if len(k) == len(code) and wrote in names), None)
            if other is not None and other != code:
                self.out.code_names.append(CodeName(self.t, code, tuple(parts), name, book[code][0], other))

    def _total_rows(self, label_col: int | None, codes: list[int], nums: list[int]) -> None:
        if label_col is None:
            return
        pending: list[tuple[int, int]] = []  # (row index, level)
        opened: int | None = None  # a total row above its parts (合计 first, as in 决算 tables)

        def close(i: int, parts_of: list[tuple[int, int]]) -> None:
            label = self._label(self.body[i], label_col)
            own = level(label)
            if codes:
                top = min(lv for _, lv in parts_of)
                parts = [j for j, lv in parts_of if lv == top]
            elif own:
                top = 0
                marked = self._marked_parts(label_col, nums, [j for j, _ in parts_of], own)
                if marked is None:
                    return
                parts = marked
            else:
                top = 0
                parts = [j for j, d in zip((j for j, _ in parts_of), _depths([lv for _, lv in parts_of]),
                                           strict=True) if d == 0]
            for c in nums:
                self._add([self.body[i][c]], [self.body[j][c] for j in parts], f"“{label}”行",
                          single=bool(codes) and top >= 1)

        sub: list[int] = []  # 其中 rows under the row before them
        parent: int | None = None

        def close_sub() -> None:
            if parent is not None and sub:
                # a 其中 list that ends with its 其他 row (其他资金: the 绩效自评表's 当年财政拨款 / 上年结转资金 /
                # 其他资金) names every part; any other may list only some
                last = re.sub(r"^其中\s*[:：]?", "", self._label(self.body[sub[-1]], label_col))
                whole = len(sub) >= 2 and last.startswith(("其他", "其它"))
                for c in nums:  # a blank row of the list may be one not filled in: then only Σ > total is wrong
                    parts = [self.body[j][c] for j in sub]
                    self._add([self.body[parent][c]], parts, "“其中”各行", single=True,
                              complete=whole and not any(x.blank for x in parts))
            sub.clear()

        for i, row in enumerate(self.body):
            label = self._label(row, label_col)
            if not label and all(value(row[c]) == 0 for c in nums):
                continue
            if not label:
                pending, opened = [], None
                continue  # a figure without its label: unreadable
            if label.startswith("其中") or (sub and not level(label) and not TOTAL.search(label)):
                if not sub:
                    parent = pending[-1][0] if pending else opened
                sub.append(i)
                continue
            close_sub()
            if TOTAL.search(label):
                if opened is not None and pending:
                    close(opened, pending)
                    pending, opened = [], None
                elif pending:
                    close(i, pending)
                elif opened is None:
                    opened = i
                    continue
                pending = [(i, 0)]  # a total stands for its parts in the next total
                continue
            lv = self._code_level(row, codes) if codes else None
            pending.append((i, lv if lv is not None else level(label)))
        close_sub()
        if opened is not None and pending:
            close(opened, pending)

    def _marked_parts(self, label_col: int | None, nums: list[int], rows: list[int], kind: int) -> list[int] | None:
        """The parts of a total row that carries a list marker of ``kind`` (（七）总计, 4.合计): the rows of
        that marker kind since the last row opened by a marker of a higher kind (一、 over （一） over 1.
        over （1）); a flattened label (三、本年度办理结果 （一）予以公开) counts by its last marker. None (not
        judged) when an item of that kind has its figures only in its sub-items: its row is blank, or its
        label runs on into a deeper item ((三)不予公开 1.属于国家秘密)."""
        marks = [_markers(self._label(self.body[j], label_col)) for j in rows]
        start = max((k for k, m in enumerate(marks) if m and m[0] < kind), default=0)
        parts: list[int] = []
        for k in range(start, len(rows)):
            m = marks[k]
            if not m or m[-1] != kind:
                if m and kind in m and m[-1] > kind:
                    return None  # (三)不予公开 1.属于国家秘密: the row's figures are the sub-item's
                continue
            row = self.body[rows[k]]
            if all(not row[c].text.strip() for c in nums) and k + 1 < len(rows) and marks[k + 1] \
                    and marks[k + 1][0] > kind:
                return None  # an item whose figures are stated only by its sub-items
            parts.append(rows[k])
        return parts

    # ------------------------------------------------------------ columns

    def _total_columns(self, nums: list[int]) -> None:
        groups: list[tuple[int, list[int]]] = []
        pending: list[int] = []
        first: int | None = None
        for c in nums:
            head = self.t.column_label(c).split("/")
            if head[-1].startswith("其中"):
                return  # 事业收入 | 其中：教育收费: a column inside another, the columns do not simply add up
            if TOTAL.search(head[-1]) or (len(head) == 1 and TOTAL.search(head[0])):
                if first is not None:
                    groups.append((first, pending))
                    first, pending = None, []
                if pending:
                    groups.append((c, pending))
                    pending = []
                else:
                    first = c
            else:
                pending.append(c)
        if first is not None and pending:
            groups.append((first, pending))
        for total, columns in groups:
            parts = self._outer(columns)  # the columns nest (…及运行费 | …购置费 | …运行费): the outer ones
            if not parts:
                continue
            name = self.t.column_label(total).split("/")[-1]
            for row in self.body:
                self._add([row[total]], [row[c] for c in parts], f"“{name}”列")

    def _outer(self, cols: list[int]) -> list[int]:
        """The columns without those nested in another: a column followed by two or more columns that
        add up to it in every row, two of them at least not zero (公务用车购置及运行费 | 公务用车购置费 |
        公务用车运行费, written in one header row), stands for them. One row is too little evidence."""
        values = [[value(row[c]) for row in self.body] for c in cols]
        out: list[int] = []
        i = 0
        while i < len(cols):
            out.append(cols[i])
            head = values[i]
            skip = 0
            if all(v is not None for v in head) and sum(1 for v in head if v) >= 2:
                run = [Decimal(0)] * len(head)
                for j in range(i + 1, len(cols)):
                    if any(v is None for v in values[j]):
                        break
                    run = [a + b for a, b in zip(run, values[j], strict=True)]
                    if j - i >= 2 and run == head:
                        skip = j - i
                        break
            i += 1 + skip
        return out

    def _tree_columns(self, nums: list[int]) -> None:
        """Totals in a header of several levels: 合计/预算数 = Σ 因公出国（境）费/预算数, 公务用车…/小计/预算数,
        公务接待费/预算数 (a group of several columns counts by its own 小计)."""
        paths = {c: self.t.column_label(c).split("/") for c in nums}
        for c, path in paths.items():
            k = next((i for i, part in enumerate(path[:-1]) if i and _total_word(part)), None)
            if k is None:
                continue
            groups: dict[str, list[int]] = {}
            for d, other in paths.items():
                if d != c and len(other) > k + 1 and other[:k] == path[:k] and other[-1] == path[-1] \
                        and not _total_word(other[k]) and not other[k].startswith("其中"):
                    groups.setdefault(other[k], []).append(d)
            parts: list[int] = []
            for cols in groups.values():
                if len(cols) == 1:
                    parts.append(cols[0])
                    continue
                sub = [d for d in cols if _total_word(paths[d][k + 1])]
                if len(sub) != 1:
                    parts = []
                    break
                parts.append(sub[0])
            if len(parts) < 2:
                continue
            for row in self.body:
                self._add([row[c]], [row[d] for d in sorted(parts)], f"“{path[k]}”列（{path[-1]}）")

    # ------------------------------------------------------------ 30号

    def _gongkai_rows(self) -> tuple[int, int, int, int] | None:
        """(本年新收, 上年结转, 办理结果总计, 结转下年度) row indices when this is the 30号 申请 table."""
        rows = self.body
        text = ["".join(c.label for c in r if c.number is None) for r in rows]
        new = next((i for i, t in enumerate(text) if "本年新收" in t), None)
        carried = next((i for i, t in enumerate(text) if "上年结转" in t), None)
        nxt = next((i for i, t in enumerate(text) if "结转下年度" in t), None)
        if new is None or carried is None or nxt is None:
            return None
        total = next((i for i in range(nxt - 1, carried, -1) if "总计" in rows[i][min(2, len(rows[i]) - 1)].label
                      or re.search(r"[（(]七[)）]总计|总计$", text[i])), None)
        if total is None:
            return None
        return new, carried, total, nxt

    def _gongkai(self, found: tuple[int, int, int, int] | None) -> None:
        if found is None:
            return
        rows = self.body
        new, carried, total, nxt = found
        outcomes = list(range(carried + 1, total))
        last = [c for c, k in enumerate(self.kind) if k == "num" and "总计" in self.t.column_label(c)]
        if len(last) == 1 and all(rows[i][last[0]].number is not None for i in (new, carried, total)):
            self.out.applications.append((rows[new][last[0]], rows[carried][last[0]], rows[total][last[0]]))
        for c, k in enumerate(self.kind):
            if k != "num":
                continue
            self._add([rows[new][c], rows[carried][c]], [rows[total][c], rows[nxt][c]],
                      "本年新收+上年结转=办理结果总计+结转下年度（国办公开办函〔2021〕30号）")
            self._add([rows[total][c]], [rows[i][c] for i in outcomes], "办理结果“总计”与各项办理结果")

    # ------------------------------------------------------------ rates and scores

    def _col(self, pat: re.Pattern[str], exclude: re.Pattern[str] | None = None) -> list[int]:
        return [c for c in range(self.t.width) if pat.search(self.t.column_label(c).split("/")[-1])
                and not (exclude and exclude.search(self.t.column_label(c).split("/")[-1]))]

    def _rates(self) -> None:
        rate_cols = self._col(_RATE, _SCORE)  # not 得分(20分*执行率)
        num_cols = self._col(_NUMERATOR, _RATE)
        den_cols: list[int] = []
        for pat in _DENOMINATORS:
            den_cols = self._col(pat, re.compile(r"年初|执行|率"))
            if den_cols:
                break
        if len(rate_cols) != 1 or len(num_cols) != 1 or len(den_cols) != 1:
            return
        name = _RATE.search(self.t.column_label(rate_cols[0])).group(0)
        for row in self.body:
            r, n, d = row[rate_cols[0]], row[num_cols[0]], row[den_cols[0]]
            if r.number is None or n.number is None or d.number is None or n.number.percent or d.number.percent:
                continue
            if d.number.value == 0 or not r.own:
                continue
            self.out.rates.append(RateCheck(self.t, r, n, d, name))

    def _scores(self) -> None:
        weights = self._col(_WEIGHT)
        scores = self._col(_SCORE)
        if len(weights) != 1 or len(scores) != 1:
            return
        wc, sc = weights[0], scores[0]
        leaves: list[list[Cell]] = []
        for row in self.body:
            w, s = row[wc], row[sc]
            label = "".join(c.label for c in row if c.number is None)
            if re.search(r"合计|总分|总计|小计", label):  # not 总额: 年度资金总额 is the budget row
                if len(leaves) >= 2 and w.number is not None and s.number is not None:
                    eq_w = Equation(self.t, (w,), tuple(r[wc] for r in leaves), "“合计”行的分值")
                    eq_s = Equation(self.t, (s,), tuple(r[sc] for r in leaves), "“合计”行的得分")
                    # the rows are the total's parts only when their weights add up to its weight
                    self.out.score_sums.append(eq_s if holds(eq_w)[0] else eq_w)
                leaves = []
                continue
            if w.number is None or s.number is None or w.number.percent or s.number.percent or not (w.own and s.own):
                continue
            leaves.append(row)
            self.out.scores.append(ScoreCheck(self.t, s, w))


    def _rate_scores(self) -> None:
        """得分 = 分值 × 执行率 in a row carrying all three, when the scheme is stated: in the 得分 header
        (得分(20分*执行率)) or in the report's prose. A rate below 60 % is not judged (schemes commonly give
        0 there), nor a row whose 分值 is not a figure."""
        rates, scores = self._col(_RATE, _SCORE), self._col(_SCORE)
        if len(rates) != 1 or len(scores) != 1:
            return
        head = self.t.column_label(scores[0])
        m = _SCHEME.search(head)
        scheme = head if m else self.scheme
        if scheme is None:
            return
        weights = self._col(_WEIGHT)
        stated = _SCHEME_WEIGHT.search(m.group(0)) if m else None
        fixed = Decimal(stated.group(1) or stated.group(2)) if stated else None
        for row in self.body:
            r, s = row[rates[0]], row[scores[0]]
            if r.number is None or s.number is None or not (r.own and s.own) or s.number.percent:
                continue
            w = row[weights[0]] if len(weights) == 1 else None
            if w is not None and w.number is not None and w.own and not w.number.percent:
                weight, cell = w.number.value, w
            elif fixed is not None and (w is None or w.number is None):
                weight, cell = fixed, None
            else:
                continue
            rate = r.number.value / 100 if r.number.percent or r.number.value > 1 else r.number.value
            if rate < Decimal("0.6") or weight <= 0:
                continue
            self.out.rate_scores.append(RateScoreCheck(self.t, s, r, weight, cell, scheme))


def _total_word(part: str) -> bool:
    return bool(re.fullmatch(r"(?:合计|总计|小计)", part))


def row_total(t: Table, row_label: str) -> list[Cell]:
    """The figure cells right of the cell labelled ``row_label`` in ``t``'s body."""
    out = []
    for row in t.rows[t.header_rows:]:
        for i, c in enumerate(row):
            if c.own and c.label == row_label:
                nxt = next((d for d in row[i + 1:] if d.own and d.text.strip()), None)
                if nxt is not None and nxt.number is not None:
                    out.append(nxt)
    return out


def column_total(t: Table, head: str) -> list[Cell]:
    """The 合计 row's cell in the column headed ``head``."""
    cols = [c for c in range(t.width) if t.column_label(c).split("/")[-1] == head]
    rows = [r for r in t.rows[t.header_rows:] if any(c.label in ("合计", "总计") for c in r if c.number is None)]
    if len(cols) != 1 or len(rows) != 1:
        return []
    cell = rows[0][cols[0]]
    return [cell] if cell.number is not None else []


def _across(tables: list[Table], out: TableRelations) -> None:
    """Identities between the tables of one 部门决算: a total of the 总表 against the 合计 of its detail
    table (本年收入合计, 本年支出合计), and 基本支出 = 人员经费合计 + 公用经费合计 (X基本支出决算表 against
    the 基本支出 of X支出决算表)."""
    by_caption = {t.caption: t for t in tables if t.caption}
    for a in tables:
        if a.caption.endswith("收入支出决算总表"):
            prefix = a.caption[: -len("收入支出决算总表")]
            for label, twin in (("本年收入合计", "收入决算表"), ("本年支出合计", "支出决算表")):
                b = by_caption.get(prefix + twin)
                left = row_total(a, label)
                right = column_total(b, label) if b is not None else []
                if len(left) == 1 and len(right) == 1:
                    out.sums.append(Equation(a, (left[0],), (right[0],), f"{a.caption}与{b.caption}的“{label}”"))
        if a.caption.endswith("基本支出决算表"):
            people, public = row_total(a, "人员经费合计"), row_total(a, "公用经费合计")
            twin = [b for b in tables if b.caption == a.caption.replace("基本支出决算表", "支出决算表")]
            basic = column_total(twin[0], "基本支出") if len(twin) == 1 else []
            if len(people) == 1 and len(public) == 1 and len(basic) == 1:
                out.sums.append(Equation(twin[0], (basic[0],), (people[0], public[0]),
                                         "基本支出 = 人员经费合计 + 公用经费合计"))


def holds(eq: Equation) -> tuple[bool, Decimal, Decimal]:
    """(the intervals meet, Σ left, Σ right)."""
    lv = sum((value(c) for c in eq.left), Decimal(0))
    rv = sum((value(c) for c in eq.right), Decimal(0))
    lt = sum((tolerance(c) for c in eq.left), Decimal(0))
    rt = sum((tolerance(c) for c in eq.right), Decimal(0))
    stated = [c for c in eq.right if c.number is not None]
    if eq.complete and len(eq.left) == 1 and len(stated) == 1:
        # one figure stated twice (a 总表 total and its detail table's, a 类 with its only 款, a row total whose
        # other parts are blank or dashes): both rounded to their places, so 2,946.25 and 2,946.26 cannot be one
        return may_be_one(lv, lt, rv, rt), lv, rv
    if not eq.complete:
        return rv - (lt + rt) <= lv, lv, rv
    return abs(lv - rv) <= lt + rt, lv, rv
