"""Relations between the claims of one document, built once: what the number rules judge.

A figure next to another figure is not a relation. A relation is recognised from cue words and
structure before any arithmetic is done, and carries its evidence and a confidence in [0, 1]; each rule
judges only relations above the confidence it needs.

- ``Sum``: a total and its parts (其中 / 分别为 / 包括 / （含…） after the total, 合计 / 总计 after the
  parts), with ``complete`` when the list must cover the whole total (分别为, 合计, a closed set such as
  the budget categories, 其他 as the last part). Increments, changes and per-capita figures are never a
  total or a part. Parts run to the end of the clause group; they cross a ；/; when the list was opened
  with a colon or the next segment is one short clause, and cross a paragraph break when the paragraph
  ends without final punctuation (a list wrapped onto the next line).
- ``Change``: 由/从 A 提高/下降… 到/至 B.
- ``Increment``: 比上年增加 N, 同比增长 R% (a difference, never a level).
- ``Ratio``: a named rate and its numerator and denominator (执行率 = 执行数 / 预算数, 完成率, 到位率…,
  A 占 B 的 R%), a growth rate of a change (由 A 增加到 B，增长 R%), and two rates of one quantity in one
  sentence (``BasePair``).
- ``CountList``: "N个X，具体包括：A、B、C" / "设A、B、C N个X" with the listed items.
- ``Restated``: one indicator stated twice; identity = subject + measure + period + scope, not the
  words right before the figure.
- ``ScoreGrade``, ``ScoreSum``, ``ScoreWeight``: a total score and its grade, sub-scores and their
  total, a score and its weight (（10分）得9分); ``SchemeWeight``: a weight against the scheme the form
  fixes (分值统一设置为：产出指标50分…).
- ``Sum`` also from a make-up after its total (由A，加B构成/组成) and from a sentence opening with 加上 (the
  head figure of the sentence before + the figures before 总计/合计); ``Remainder``: sources = used + left
  (收入…其他资金来源… / 支出…结余结转…).
- ``Accrual``: a count built up over the year (共15个 … 年初8个 … 年中增加8个).
- ``Completed``: an amount used in full by an action (2179万元已全部拨付) and the same amount with the part
  the action reached (共2179万元，…已完成拨付2113.63万元).
- ``Restated`` also holds one year-on-year growth rate of one quantity stated twice (同比 = 与去年同期相比).

Units, cue words and patterns are data in ``lexicons/claims.yaml``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from reportlint.claims.differences import Difference, differences
from reportlint.claims.model import INF, Claim
from reportlint.claims.text import Boundaries
from reportlint.lexicon import load_yaml

if TYPE_CHECKING:
    from reportlint.document.model import Document, Heading, Paragraph

SUMMABLE = ("amount", "count")


@cache
def lex() -> dict:
    return load_yaml("claims.yaml")


@cache
def _family_of() -> dict[str, str]:
    return {u: fam for fam, units in lex()["unit_families"].items() for u in units}


def unit_family(c: Claim) -> tuple[str, str]:
    """(kind, family): amounts are one family (all in 元); counts by unit family (人 = 名, 条 = 篇)."""
    if c.kind == "amount":
        return ("amount", "元")
    return (c.kind, _family_of().get(c.unit, c.unit))


def same_family(a: Claim, b: Claim) -> bool:
    return unit_family(a) == unit_family(b)


# ---------------------------------------------------------------- relation records


@dataclass(frozen=True)
class Sum:
    total: Claim
    parts: tuple[Claim, ...]
    complete: bool
    cue: str
    confidence: float
    inferred: bool = False  # complete only by the breakdown's coverage (no cue, set or remainder): a weaker reading


@dataclass(frozen=True)
class Balance:
    """Two totals a genre requires to be equal: 收入总计 = 支出总计 of a 决算 (its 收入支出决算总表
    balances by construction), 按收入性质分 = 按支出性质分 of a 基础数据表's 年度资金总额."""

    left: Claim
    right: Claim
    labels: tuple[str, str]
    confidence: float


@dataclass(frozen=True)
class Remainder:
    """Funds, the part used and the part left: Σ sources = used + left (``left_inside`` when the left figure is
    already one of the used figure's parts: 支出76.36万元，其中…结余结转0万元)."""

    sources: tuple[Claim, ...]
    used: Claim
    left: Claim
    left_inside: bool
    confidence: float


@dataclass(frozen=True)
class Flow:
    """The 年报's applications in prose, each figure stated: received + carried in = answered + carried out
    (the 30号 table's 第一项 + 第二项 = 第三项 + 第四项): "共收到依申请公开件30件，上年度结转办理件1件，共办结24件，
    结转到2025年办理7件" (wild W017)."""

    received: Claim
    carried_in: Claim
    answered: Claim
    carried_out: Claim
    confidence: float


@dataclass(frozen=True)
class Change:
    before: Claim
    after: Claim
    verb: str


@dataclass(frozen=True)
class Ratio:
    rate: Claim
    numerator: Claim
    denominator: Claim
    name: str  # 执行率, 占比, 增长率, 降幅 (a decrease: 下降/减少 R%) …
    confidence: float
    # "" a plain ratio numerator / denominator; growth rates (R stated as a positive size):
    # "change"  numerator = the new level, denominator = the base: R = ±(new − base) / base
    # "inc"/"dec" numerator = the increment, denominator = the new level: R = inc / (new − inc), dec / (new + dec)
    growth: str = ""
    decrease: bool = False


@dataclass(frozen=True)
class BasePair:
    """Two rates of one quantity in one sentence, each with its numerator: they must imply one base."""

    first: tuple[Claim, Claim]  # (numerator, rate)
    second: tuple[Claim, Claim]
    name: str


@dataclass(frozen=True)
class CountList:
    number: str  # as written: 4, 十二
    value: int
    unit: str
    items: tuple[str, ...]
    start: int
    end: int
    confidence: float
    open: bool = False  # a list with 等: it may name fewer items than the count, never more


@dataclass(frozen=True)
class Accrual:
    """A count and how it built up over the year, in one sentence: 共15个 … 年初8个 … 年中增加8个 (total = base + added)."""

    total: Claim
    base: Claim
    added: Claim
    confidence: float


@dataclass(frozen=True)
class Completed:
    """An amount said to be used in full by an action (2179万元已全部拨付, ``end`` the end of those words) and
    the same amount with the part the action reached (项目资金共2179万元，…已完成拨付2113.63万元)."""

    whole: Claim
    end: int
    verb: str
    restated: Claim  # the same amount, in the partial figure's sentence
    partial: Claim
    confidence: float


@dataclass(frozen=True)
class Restated:
    first: Claim
    second: Claim
    measure: str
    confidence: float


@dataclass(frozen=True)
class ScoreGrade:
    score: Claim
    grade: Claim


@dataclass(frozen=True)
class ScoreSum:
    total: Claim
    parts: tuple[Claim, ...]


@dataclass(frozen=True)
class ScoreWeight:
    weight: Claim
    score: Claim


@dataclass(frozen=True)
class SchemeWeight:
    """A weight a form gives an indicator (产出指标（70分）) and the weight its stated scheme fixes for it
    (一级指标分值统一设置为：产出指标50分、…)."""

    weight: Claim
    scheme: Claim
    name: str
    start: int  # where the indicator's name starts before the weight


@dataclass
class Relations:
    sums: list[Sum] = field(default_factory=list)
    balances: list[Balance] = field(default_factory=list)
    remainders: list[Remainder] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    increments: list[Claim] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    base_pairs: list[BasePair] = field(default_factory=list)
    count_lists: list[CountList] = field(default_factory=list)
    accruals: list[Accrual] = field(default_factory=list)
    completions: list[Completed] = field(default_factory=list)
    restated: list[Restated] = field(default_factory=list)
    score_grades: list[ScoreGrade] = field(default_factory=list)
    score_sums: list[ScoreSum] = field(default_factory=list)
    score_weights: list[ScoreWeight] = field(default_factory=list)
    scheme_weights: list[SchemeWeight] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)  # Δ against current − base (differences.py)


def relations_of(doc: Document) -> Relations:
    """The relations of ``doc``, built on first use and kept with the document (like its claims)."""
    got = doc.__dict__.get("_relations")
    if got is None:
        got = _Builder(doc).build()
        doc.__dict__["_relations"] = got
    return got


def boundaries_of(doc: Document) -> Boundaries:
    got = doc.__dict__.get("_boundaries")
    if got is None:
        got = Boundaries(doc.text)
        doc.__dict__["_boundaries"] = got
    return got


# ---------------------------------------------------------------- patterns


@cache
def _pat() -> dict[str, re.Pattern[str]]:
    lx = lex()
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    return {
        "increment": re.compile(lx["increment_pattern"]),
        "per_capita": re.compile(lx["per_capita_pattern"]),
        "part_cue": re.compile(alt(lx["part_cues"])),
        "sum_after": re.compile(alt(lx["sum_cues_after"])),
        "any_cue": re.compile(alt(lx["part_cues"] + lx["sum_cues_after"])),
        "remainder": re.compile("^(?:" + alt(lx["remainder_words"]) + ")"),
        "change": re.compile("(?:" + alt(lx["change_verbs"]) + ")了?(?:" + alt(lx["change_to"]) + ")$"),
        "change_from": re.compile("(?:" + alt(lx["change_from"]) + ")$"),
        "growth": re.compile("(" + alt(lx["growth_words"]) + r")了?(?:幅度)?(?:为|达)?\s*$"),
        "plan": re.compile("(?:" + alt(lx["plan_cues"]) + ")(?!近)"),
        "nested": re.compile(lx["nested_part_pattern"]),
        "composition": re.compile("(?:" + alt(lx["composition_open"]) + r")(?P<body>[^。；;！？!?\n]{2,200}?)(?:"
                                  + alt(lx["composition_close"]) + ")"),
        "add_lead": re.compile(r"\s*(?:" + alt(lx["composition_add"]) + ")"),
        "subtract": re.compile(alt(lx["subtract_words"])),
        "period": re.compile(r"(?:19|20)\d{2}年|" + alt(lx["period_words"])),
    }


# ---------------------------------------------------------------- builder


class _Index:
    """Claims sorted by start; range queries by bisection (no scan of a paragraph's claims per cue)."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = sorted(claims, key=lambda c: c.start)
        self.starts = [c.start for c in self.claims]

    def starting(self, lo: int, hi: int) -> list[Claim]:
        """Claims that start in [lo, hi)."""
        return self.claims[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def between(self, lo: int, hi: int) -> list[Claim]:
        """Claims that lie within [lo, hi)."""
        return [c for c in self.starting(lo, hi) if c.end <= hi]


# a figure that closes its list item: only closing marks, then a separator
_ITEM_END = re.compile(r"[)）\s]*[、,，;；]")


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._list_cache: dict[int, tuple[list[int], list[int]]] = {}
        self.text = doc.text
        self.b = boundaries_of(doc)
        from reportlint.claims import claims_of  # Document.claims is gone (import cycle); see claims_of

        self.claims = claims_of(doc)
        self.by_para: dict[int, list[Claim]] = {}
        for c in self.claims:
            self.by_para.setdefault(c.paragraph, []).append(c)
        self.index = {k: _Index(v) for k, v in self.by_para.items()}
        self.summable = {k: _Index([c for c in v if c.kind in SUMMABLE]) for k, v in self.by_para.items()}
        self.rel = Relations()
        self.sums_of: dict[int, list[Sum]] = {}  # id(total) -> its sums
        self.sum_pos: dict[int, int] = {}  # id(sum) -> its place in rel.sums
        self.not_level: set[int] = set()  # ids of claims that are increments, change ends or per-capita
        self._heading_starts = [h.start for h in doc.headings]
        self._marks_of: dict[int, tuple[list[int], list[int], list[int]]] = {}
        self._accounts: list[tuple[int, str]] | None = None
        self._para_starts = [p.start for p in doc.paragraphs]

    def build(self) -> Relations:
        self._changes_and_increments()
        self._sums()
        self._balances()
        self._remainders()
        self._flows()
        self._ratios()
        self._count_lists()
        self._accruals()
        self._completions()
        self.part_of = {id(c): rel.total for rel in self.rel.sums for c in rel.parts}
        self._restated()
        self._scores()
        self.rel.differences = differences(self)
        return self.rel

    # ---- changes, increments, per-capita
    def _changes_and_increments(self) -> None:
        pat = _pat()
        text = self.text
        for cs in self.by_para.values():
            for i, c in enumerate(cs):
                if c.kind not in SUMMABLE and c.kind != "percent":
                    continue
                clause = text[self.b.clause_start(c.start, max(0, c.start - 40)):c.start]
                to_level = text[c.start - 1:c.start] in ("到", "至")  # 提高到100元: a new level, not an increment
                if not to_level and (pat["increment"].search(c.indicator)
                                     or re.search(r"(?:增加|减少|增长|下降|多|少)了?$", clause)):
                    self.rel.increments.append(c)
                    self.not_level.add(id(c))
                if pat["per_capita"].search(clause[-12:]):
                    self.not_level.add(id(c))
                # 由 A 提高到 B: B's clause ends with verb+到, and A sits after 由 in the same clause
                if i and pat["change"].search(text[max(0, c.start - 6):c.start]):
                    a = cs[i - 1]
                    between = text[a.end:c.start]
                    lead = text[self.b.clause_start(a.start, max(0, a.start - 30)):a.start]
                    if same_family(a, c) and not re.search("[，,。；;]", between) and "由" in lead + "从" \
                            and (pat["change_from"].search(lead) or re.search("[由从]", lead[-12:])):
                        verb = pat["change"].search(text[max(0, c.start - 6):c.start]).group(0)
                        self.rel.changes.append(Change(a, c, verb))
                        self.not_level.update((id(a), id(c)))

    @property
    def change_to(self) -> dict[int, Change]:
        got = self.__dict__.get("_change_to")
        if got is None:
            got = self.__dict__["_change_to"] = {id(ch.after): ch for ch in self.rel.changes}
        return got

    @property
    def increment_ids(self) -> set[int]:
        got = self.__dict__.get("_increment_ids")
        if got is None:
            got = self.__dict__["_increment_ids"] = {id(c) for c in self.rel.increments}
        return got

    def level(self, c: Claim) -> bool:
        """A plain level figure: not an increment, a change end or a per-capita figure."""
        return c.kind in SUMMABLE and id(c) not in self.not_level

    def reference(self, c: Claim) -> bool:
        """A figure another figure is measured against, not the subject of its sentence: the base of a
        comparison (较2024年的2190万元 / 比上年累计支出285万元 / 较上年同期110374万元) or the whole of a share or
        completion (占预算92390万元的108.1% / 完成全年预算84.82万元的73.2%). It is never the level a growth
        rate follows, nor a total or a part of a 其中 list (real 决算/预算 说明 and 三公 explanations, /work/wild)."""
        return bool(_COMPARED.search(c.indicator)) or bool(_SHARE_BASE.match(self.text, c.end))

    def negative(self, c: Claim) -> bool:
        """A figure written with a minus sign (补充预算周转金-21万元): its sign is not read, so no sum with it is judged."""
        t = self.text
        return c.start > 0 and t[c.start - 1] in "-−－" and not (c.start > 1 and t[c.start - 2].isdigit())

    # ---- sums
    def _sums(self) -> None:
        text = self.text
        pat = _pat()
        paras = self.doc.paragraphs
        for p in paras:
            idx = self.summable.get(p.index)
            if idx is None or not idx.claims:
                continue
            following = self._following(p)
            for m in pat["any_cue"].finditer(text, p.start, p.end):
                k, word = m.start(), m.group(0)
                if word == "含" and text[k - 1:k] not in "（(，,":
                    continue
                if not self.doc.is_boundary(k) or (word != "含" and not self.doc.is_boundary(m.end())):
                    continue
                if pat["sum_after"].fullmatch(word):
                    got = self._sum_after(p, idx, k, word)
                    found = [got] if got is not None else []
                else:
                    found = self._sum_before(p, idx, following, k, word)
                for rel in found:
                    self._add_sum(rel)
            for rel in self._compositions(p, idx):
                self._add_sum(rel)

    def _add_sum(self, rel: Sum) -> None:
        self.sum_pos[id(rel)] = len(self.rel.sums)
        self.rel.sums.append(rel)
        self.sums_of.setdefault(id(rel.total), []).append(rel)

    def _compositions(self, p: Paragraph, idx: _Index) -> list[Sum]:
        """A total followed by what it is made of: "支出总计1,867.48万元，由一般公共预算支出1,867.48万元，加上解
        支出…等0万元等构成" (real 505, town 决算: 财力 and 支出总计 each given with their make-up). The total is the
        last level right before 由 (only punctuation between them), or, when 由 opens its sentence, the last
        level of the sentence before; the parts are the levels of the same family inside 由…构成/组成, outside
        brackets. A make-up with 减/扣除 is no sum."""
        text, b = self.text, self.b
        pat = _pat()
        out = []
        for m in pat["composition"].finditer(text, p.start, p.end):
            k, body_s, body_e = m.start(), m.start("body"), m.end("body")
            if not (self.doc.is_boundary(k) and self.doc.is_boundary(body_s)) or pat["subtract"].search(m.group("body")):
                continue
            s0 = b.sentence_start(k, p.start)
            confidence = 0.9
            before = [c for c in idx.between(s0, k) if self.level(c)]
            if not before:
                if text[s0:k].strip(" ，,") or s0 <= p.start:
                    continue
                before = [c for c in idx.between(b.sentence_start(s0 - 1, p.start), s0) if self.level(c)]
                confidence = 0.8
            if not before or text[before[-1].end:k].strip(" ，,。"):
                continue  # words between the total and 由: 由 belongs to another statement
            total = before[-1]
            depth, inside = 0, []
            claims = iter(idx.between(body_s, body_e))
            nxt = next(claims, None)
            for i in range(body_s, body_e):
                while nxt is not None and nxt.start == i:
                    if depth == 0:
                        inside.append(nxt)
                    nxt = next(claims, None)
                if text[i] in "（(":
                    depth += 1
                elif text[i] in "）)":
                    depth = max(0, depth - 1)
            parts = [c for c in inside if same_family(c, total) and self.level(c)]
            if len(parts) < 2 or _nested_levels(parts):
                continue
            complete = not any(c.kind == total.kind and not same_family(c, total) for c in inside)
            out.append(Sum(total, tuple(parts), complete, m.group(0)[:1], confidence))
        return out

    def _following(self, p: Paragraph) -> list[Claim]:
        """Claims of the next paragraph when ``p`` ends mid-sentence (a list wrapped onto the next line)."""
        tail = self.text[p.start:p.end].rstrip()
        if not tail or tail[-1] in "。！？；;!?" or p.index + 1 >= len(self.doc.paragraphs):
            return []
        nxt = self.doc.paragraphs[p.index + 1]
        if nxt.heading is not None or _ENUMERATOR.match(self.text, nxt.start):
            return []  # a heading, or the next item of an enumeration (一是…\n二是…: wild W133)
        return [c for c in self.by_para.get(nxt.index, []) if c.kind in SUMMABLE]

    def _sum_before(self, p: Paragraph, idx: _Index, following: list[Claim], k: int, word: str) -> list[Sum]:
        """Totals before the cue, parts after it: one relation per unit family among the parts
        ("共计113个,财政资金3267.28万元。其中…79个…3038.38万元" gives a count and an amount relation)."""
        text, b = self.text, self.b
        g0 = b.group_start(k, p.start)
        before = self._outside_brackets(idx.between(g0, k), g0, k)
        confidence = 1.0
        if not before:
            s0 = b.sentence_start(k, p.start)
            if text[s0:k].strip(" ，,：:") or s0 <= p.start:
                return []  # the cue opens mid-sentence with no figure before it
            prev = b.sentence_start(s0 - 1, p.start)
            cause = _CAUSE.search(text, prev, s0)
            head = idx.between(prev, cause.start() if cause else s0)  # 主要原因是2022年有疫情防控经费29.01万元。其中: never the total (h4b 824)
            attrs = self._attributes(head)
            before = [c for c in head if id(c) not in attrs]  # 资金50万元，已使用40万元，结余10万元。其中…
            confidence = 0.8
        # the end of the parts
        m_end = k + len(word)
        in_bracket = text[k - 1:k] in "（(" or text[k - 2:k] in ("（其", "(其")
        if in_bracket:
            close = re.compile(r"[）)]").search(text, k, p.end)
            end = close.start() if close else p.end
        else:
            end = b.group_end(k, p.end)
            end, crossed = self._extend_over_semicolons(p, k, end, word)
            if crossed:
                confidence = min(confidence, 0.8)
        # a clause that opens a new predicate (，并通过…受理…43条 / ，同时… / ，此外…) ends the list (real 762)
        new_pred = _NEW_PREDICATE.search(text, m_end, end)
        if new_pred is not None:
            end = new_pred.start()
        # brackets inside the list hold sub-parts of a part: "1478万元(含…166万元…)"; a cue outside them ends the list
        # a cue right after a part, in a list that goes on after ；/; opens that part's own sub-list, which runs
        # to the ；: "其中机构类信息20条,内有领导成员10条、…5条;工作类信息11条,其中镇街动态3条…;政策文件类信息4条"
        depth, nested = 0, bytearray(max(0, end - m_end))
        cue_at = {m.start() for m in _pat()["any_cue"].finditer(text, m_end, end)}
        sub_end = -1
        for i in range(m_end, end):
            ch = text[i]
            if i < sub_end:
                nested[i - m_end] = 1
                continue
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth = max(0, depth - 1)
            elif depth == 0 and i in cue_at and (text[i] != "含" or text[i - 1:i] in "，,"):
                semi = _SEMI.search(text, i, end)
                if semi is None or not self._after_part(m_end, i) or not self._outer_goes_on(m_end, i, semi.start(), end):
                    end = i
                    break
                sub_end = semi.start()
                nested[i - m_end] = 1
                continue
            nested[i - m_end] = depth > 0 or ch in "）)"
        inside = [c for c in idx.between(m_end, end) if not nested[c.start - m_end]]
        attrs = self._attributes(inside)  # 中央补助资金30万元，已使用30万元，结余…: the part is 30, the rest its state
        inside = [c for c in inside if id(c) not in attrs]
        below = self._listed_below(p) if end >= p.end and not in_bracket and not text[m_end:p.end].strip(" ：:") else []
        if len(below) >= 2:  # 其中： ends its line, one part per following line
            inside, confidence = below, min(confidence, 0.8)
        elif end >= p.end and not in_bracket:
            wrapped = following
            if wrapped:
                w_end = b.group_end(wrapped[0].start, self.doc.paragraphs[wrapped[0].paragraph].end)
                more = [c for c in wrapped if c.end <= w_end]
                if more:
                    inside += more
                    confidence = min(confidence, 0.8)
        covered = bytearray(max(0, end - m_end))
        for c in self.index[p.index].starting(m_end, end):
            covered[c.start - m_end:min(c.end, end) - m_end] = b"\x01" * (min(c.end, end) - c.start)
        unread = any(text[i].isdigit() and not covered[i - m_end] and not nested[i - m_end] for i in range(m_end, end))
        family = self._families(before + inside)
        out = []
        for fam in dict.fromkeys(family(c) for c in inside if self.level(c)):
            listed = [c for c in inside if family(c) == fam and self.level(c)]
            parts = [c for c in listed if not self.reference(c)]
            same = [c for c in before if family(c) == fam]
            levels = [c for c in same if self.level(c) and not self.reference(c)]
            if not parts or not levels or any(self.negative(c) for c in listed) or _MINUS.search(text, m_end, end):
                continue
            parts = _below_subtotal(parts, text)
            total, conf = levels[-1], confidence
            if total is not same[-1]:
                # the nearest figure was an increment: take the level before it; an increment that compares this
                # total with last year (收入合计192.01万元,较上年决算数减少27.31万元。其中…: a 决算说明) leaves it the total
                after = same[same.index(total) + 1:]
                yearly = all(id(x) in self.not_level and _YEAR_ON_YEAR.search(x.indicator) for x in after)
                conf = min(conf, 0.8 if yearly else 0.7)
            if _nested_levels(parts):
                continue  # 一级指标3个，二级指标8个: levels of one hierarchy, not parts
            joined = _joined_totals(levels, text)
            if len(joined) >= 2:  # 行政复议案件6件和行政诉讼案件3件,其中行政复议…5件,…1件,行政诉讼…3件
                out += [Sum(t, tuple(ps), False, word, conf * (1 if len(ps) > 1 else 0.5))
                        for t, ps in _parts_by_name(joined, parts, text)]
                continue
            kinds = {_value_kind(c.indicator) for c in parts}
            if len(kinds) >= 2 and None not in kinds:  # 全年预算数120万元 全年执行数119万元 上年结转… (REVIEW6 item 12)
                parts = [c for c in parts if _value_kind(c.indicator) == _value_kind(total.indicator)]
                if len(parts) < 2:
                    continue  # figures of different columns (预算数, 执行数) are never parts of one sum
            if len(parts) >= 2 and (all(_CHANNEL.search(c.indicator) for c in parts) or any(
                    c.value == total.value and c.exact and any(d is not c and d.value for d in parts) for c in parts)):
                continue  # channels of publication overlap (one item on the website and on 微信), and a part as large
                # as its total beside other non-zero parts shows such an overlap: no partition to judge (REVIEW6 item 3)
            if len(parts) == 1 and not word.startswith("分别"):
                out.append(Sum(total, tuple(parts), False, word, conf * 0.5))  # one part of a total: a subset
                continue
            complete = word.startswith("分别") or self._closed(parts) or self._remainder_last(parts) \
                or self._shares_whole(parts)
            inferred = "" if complete else self._breakdown(total, parts)
            if inferred:
                complete, conf = True, min(conf, 0.8)
            if len(parts) < len(listed):
                complete = False  # a budget or base figure of a part was left out: the list is not its parts alone
            if unread or any(family(c) != fam and c.kind in SUMMABLE and c.kind == total.kind for c in inside):
                complete = False  # a part we cannot read or add (征集调查16期 among 条)
            if complete and self._aside_explains(total, parts, k, fam, family):
                complete = False  # 申请15件(含上年结转1件),其中网上8件、当面4件、其他2件: the parts break down the other 14
            if complete and inferred == "coverage" and self._added_after(p, end, fam, family):
                complete = False  # …人事信息9条;另发布…年度报告1条: the writer names the last item apart (REVIEW6 item 4)
            out.append(Sum(total, tuple(parts), complete, word, conf, inferred == "coverage" and complete))
        return out

    def _aside_explains(self, total: Claim, parts: list[Claim], k: int, fam: tuple[str, str],
                        family: Callable[[Claim], tuple[str, str]]) -> bool:
        """Does a bracketed aside right after the total (含上年结转1件) account for what the parts leave over?"""
        idx = self.index[total.paragraph]
        asides = [c for c in idx.between(total.end, k) if family(c) == fam and c.exact]
        if len(asides) != 1 or not re.match(r"\s*[（(]", self.text[total.end:asides[0].start]):
            return False
        lo, hi = list_interval_sum(parts)
        a_lo, a_hi = asides[0].interval()
        t_lo, t_hi = total.interval()
        return lo <= t_hi - a_lo and t_lo - a_hi <= hi

    def _added_after(self, p: Paragraph, end: int, fam: tuple[str, str],
                     family: Callable[[Claim], tuple[str, str]]) -> bool:
        """Does the paragraph name one more item of the list's unit after the list, apart (另/另有/此外/还/同时 …)?"""
        text = self.text
        for c in self.index[p.index].starting(end, p.end):
            if family(c) == fam and self.level(c) and _ADDED_APART.search(text, self.b.sentence_start(c.start, end),
                                                                            c.start):
                return True
        return False

    def _outside_brackets(self, claims: list[Claim], lo: int, hi: int) -> list[Claim]:
        """The claims not inside a bracket of text[lo:hi]: "补贴资金120万元(含上年结转资金20万元),其中:…" — the aside's
        20万元 is a sub-figure of 120万元, never the total of the list after the bracket (REVIEW6 item 2)."""
        text = self.text
        if not any(ch in "（(" for ch in text[lo:hi]):
            return claims
        depth, inside = 0, set()
        marks = {c.start: c for c in claims}
        for i in range(lo, hi):
            ch = text[i]
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth = max(0, depth - 1)
            elif depth and i in marks:
                inside.add(id(marks[i]))
        return [c for c in claims if id(c) not in inside]

    def _shares_whole(self, parts: list[Claim]) -> bool:
        """Does every part carry its share of the whole (…113.68万元,占59.2%;…78.3万元,占40.8%) and do the shares
        add up to 100 % within their rounding? Then the parts are the whole breakdown (h4b 824, a 决算说明)."""
        shares = []
        for c in parts:
            nxt = self.index[c.paragraph].starting(c.end, c.end + 12)
            r = next((x for x in nxt if x.kind == "percent"), None)
            if r is None or not _BARE_SHARE.fullmatch(self.text, c.end, r.start) or not r.exact:
                return False
            shares.append(r)
        lo = sum((x.interval()[0] for x in shares), Decimal(0))
        hi = sum((x.interval()[1] for x in shares), Decimal(0))
        return lo <= 100 <= hi

    def _after_part(self, lo: int, k: int) -> bool:
        """Does the cue at ``k`` follow a figure of the list (only a comma or colon between them)?"""
        before = self.index[self.doc.paragraphs[self._para_at(k)].index].between(lo, k)
        return bool(before) and not self.text[before[-1].end:k].strip(" ，,：:")

    def _another_total(self, mine: _Index, k: int, lead: str, first: Claim) -> bool:
        """Is the figure a segment after a ；opens with ``lead`` named like the total before the cue at ``k`` and
        unlike the list's first part? A
        second total of the same frame, not a part: "通过网站主动公开政府信息43条,包括…保障性住房信息9条;通过公示栏公开
        …等信息51条" (wild W078)."""
        before = [x for x in mine.starting(max(0, k - 200), k) if x.kind in SUMMABLE]
        if not before:
            return False
        name, total = normalise_measure(lead.strip()), normalise_measure(before[-1].indicator)
        return _head_len(name, total) >= 2 and _head_len(name, normalise_measure(first.indicator)) < 2

    def _outer_goes_on(self, lo: int, cue: int, semi: int, end: int) -> bool:
        """After a part's sub-list (``cue`` to ``semi``), is the next segment one more part of the outer list?
        Its first figure is named like an outer part more than like a part of the sub-list ("…机构类信息20条,内有
        领导成员10条…;工作类信息11条": outer; "…政府网站主动公开政府信息51条,其中机构职能类信息2条…;政策法规类信息3条":
        the sub-list goes on, wild W115)."""
        idx = self.index[self._para_at(cue)]
        nxt = idx.between(semi + 1, end)
        outer, inner = idx.between(lo, cue), idx.between(cue, semi)
        if not nxt or not outer:
            return False
        name = nxt[0].indicator
        o = max(_tail_len(name, c.indicator) for c in outer)
        i = max((_tail_len(name, c.indicator) for c in inner), default=0)
        return o >= 2 and o > i

    def _para_at(self, pos: int) -> int:
        return bisect.bisect_right(self._para_starts, pos) - 1

    def _breakdown(self, total: Claim, parts: list[Claim]) -> str:
        """How a count broken down by category is known to be whole although no cue word says so ("" when it
        is not). The list must be one enumeration (、/，, and nothing else between its items), each item a short
        category name and its count, not closed by 等; then
        - ``"remainder"``: three or more items, one of them the remainder (其他文件4条): "主动公开政府信息21条,其中,
          规章文件4条,规范计划5条,其他文件4条,政务(工作)动态信息0条,政府信息公开工作年度报告1条" (/work/holdout3 717);
        - ``"coverage"``: four or more items of distinct kinds (no three names ending alike: 政策解读, 图片解读,
          视频解读 may overlap) that miss the total by one unit and under 1%: "全年主动公开政府信息数465条，内容涉及…。
          其中信息公开年度报告1条、规划计划1条、…、工作动态362条" (real 626). A list of the main issues or groups
          leaves more over (995 of 1000 人次); a writer who lists all but one item was adding up. Weaker evidence
          than a cue: the rule reports it as a note."""
        if total.kind != "count" or len(parts) < 3 or not all(p.exact and p.kind == "count" for p in parts):
            return ""
        text = self.text
        first = text[self.b.clause_start(parts[0].start, parts[0].start - 20):parts[0].start]
        names = [re.sub(r"^[：:\s]+", "", first).removeprefix("其中")]
        for a, b in itertools.pairwise(parts):
            m = _CATEGORY_ITEM.fullmatch(text, a.end, b.start)
            if m is None:
                return ""
            names.append(m.group(0).lstrip("、，, "))
        if not _CATEGORY_NAME.fullmatch(names[0]) or re.match(r"\s*等", text[parts[-1].end:parts[-1].end + 3]):
            return ""
        got = sum((p.value for p in parts), Decimal(0))
        t = total.value if isinstance(total.value, Decimal) else Decimal(0)
        if any(_pat()["remainder"].search(n) for n in names):
            return "remainder" if got < t else ""
        tails = [n[-2:] for n in names]
        if len(parts) < 4 or max(tails.count(x) for x in tails) >= 3:
            return ""
        return "coverage" if 0 < got < t and t - got <= 1 and got * 100 >= t * 99 else ""

    def _families(self, claims: list[Claim]) -> Callable[[Claim], tuple[str, str]]:
        """Unit families of the claims of one list, joined where a count names its alternate units in brackets
        right after its unit: "共建设和安装软硬件设备共16954套(台、块、项),其中:…558套(台、块、项);…14666台(套)"
        (real 616): 套(台、块、项) is one unit, so 台 and 套 are one family in this list."""
        parent: dict[tuple[str, str], tuple[str, str]] = {}

        def find(f: tuple[str, str]) -> tuple[str, str]:
            while parent.get(f, f) != f:
                f = parent[f]
            return f

        for c in claims:
            for alt in self._alternates(c):
                a, b = find(unit_family(c)), find(("count", _family_of().get(alt, alt)))
                if a != b:
                    parent[b] = a
        return (lambda c: find(unit_family(c))) if parent else unit_family

    def _alternates(self, c: Claim) -> tuple[str, ...]:
        """The count units named in brackets right after a count's unit (套(台、块、项) → 台, 块, 项)."""
        if c.kind != "count":
            return ()
        m = _alt_units().match(self.text, c.end)
        return tuple(re.split(r"\s*[、,，/]\s*", m.group(1))) if m else ()

    def _attributes(self, claims: list[Claim]) -> set[int]:
        """Ids of the amounts that state what became of the amount before them in the same item (no ；/、/。
        between): a list item is a label and one amount, and 已使用30万元 / 已拨付 / 实际到位 (``completion_verbs``
        after 已/已经/累计/实际) and then 结余10万元 / 剩余 (``attribute_rest``) are that part's state, not parts."""
        text = self.text
        done = re.compile(r"(?:已经?|累计|实际)(?:完成|实际)?(?:" + _words("completion_verbs")
                          + r")(?:资金)?$")
        rest = re.compile("^(?:" + _words("attribute_rest") + r")(?:资金)?$")
        out: set[int] = set()
        prev: Claim | None = None
        for c in claims:
            if prev is not None and c.kind == "amount" and prev.kind == "amount" \
                    and not re.search("[；;、。]", text[prev.end:c.start]):
                lead = text[self.b.clause_start(c.start, prev.end):c.start].strip()
                if done.search(lead) or (id(prev) in out and rest.search(lead)):
                    out.add(id(c))
            prev = c
        return out

    def _listed_below(self, p: Paragraph) -> list[Claim]:
        """The parts of a 其中： that ends its line, one per following line: "基本支出911.7万元，其中：" then
        "人员经费489.18万元，主要包括：…" and "公用经费46.89万元，主要包括：…" (a real 决算说明, /work/wild W062). Each
        line opens with its figure, named by a member of one closed set (lexicons/claims.yaml closed_sets);
        the list ends at a heading or at the first line that does not open so."""
        sets = list(lex()["closed_sets"].values())
        out: list[Claim] = []
        members: list | None = None
        for q in self.doc.paragraphs[p.index + 1:p.index + 7]:
            cs = self.by_para.get(q.index, [])
            if q.heading is not None or not cs:
                break
            first = min(cs, key=lambda c: c.start)
            if not self.level(first) or first.start - q.start > 16:
                break
            name = self.text[q.start:first.start].strip()
            found = [ms for ms in sets if any(name.startswith(m) for m in ms)]
            members = found if members is None else [ms for ms in members if ms in found]
            if not members:
                break
            out.append(first)
        return out

    def _extend_over_semicolons(self, p: Paragraph, k: int, end: int, word: str) -> tuple[int, bool]:
        """A list of parts goes on after ；/; when the next segment is one more part of the same kind: the
        list was opened with a colon (其中：A；B) or the segment's part ends like an earlier part
        (一般债券…；专项债券…). "其中行政编制40人、事业编制8人；在职在编人员46人" stops at the ；."""
        text, b = self.text, self.b
        colon = bool(re.match(r"[：:]", text[k + len(word):k + len(word) + 1]))
        crossed = False
        mine = self.index[p.index]
        while end < p.end and text[end] in "；;":
            seg_end = b.group_end(end + 1, p.end)
            cue = _pat()["any_cue"].search(text, end + 1, seg_end)
            if cue is not None and mine.between(end + 1, cue.start()) \
                    and not text[mine.between(end + 1, cue.start())[-1].end:cue.start()].strip(" ，,：:") \
                    and (cue.group(0) != "含" or text[cue.start() - 1:cue.start()] in "，,") \
                    and seg_end < p.end and text[seg_end] in "；;":
                cue = None  # the segment's part with its own sub-list, and the list goes on after it
            if cue is not None:  # the segment ends the list at its own cue (…218.07万元，分别是：)
                seg_end = cue.start()
            seg = text[end + 1:seg_end]
            inside = mine.between(end + 1, seg_end)
            earlier = mine.starting(k + 1, end)
            if not inside or not earlier:
                break
            if _pat()["remainder"].search(normalise_measure(earlier[-1].indicator)):
                break  # 其他 closes a breakdown: "…其中工作动态210条、其他信息3条;通过…官方微博发布信息121条" (h4diag 807)
            lead = text[end + 1:inside[0].start]
            if re.match(r"\s*通过", lead) and not any(re.search("通过", e.indicator) for e in earlier):
                break  # a statement about another channel (通过X发布…), not one more part of this one
            sibling = any(_shared_tail(inside[0].indicator, e.indicator, 2) for e in earlier) \
                and not re.search("[，,]", text[end + 1:inside[0].start])  # a part opens its segment
            if not (sibling or (colon and not re.search("[，,]", seg))) or self._another_total(mine, k, text[end + 1:inside[0].start], earlier[0]):
                break
            end, crossed = seg_end, True
            if cue is not None:
                break
        return end, crossed

    def _sum_after(self, p: Paragraph, idx: _Index, k: int, word: str) -> Sum | None:
        """Parts before 合计/总计/共计, the total right after it."""
        text, b = self.text, self.b
        e = k + len(word)
        after = idx.starting(e, e + 5)
        if not after or not self.level(after[0]):
            return None
        total = after[0]
        s0 = b.group_start(k, p.start)
        region = [c for c in idx.between(s0, k) if same_family(c, total) and self.level(c)]
        if any(self.negative(c) for c in region) or _MINUS.search(text, s0, k):
            return None  # 补充预算周转金-21万元 among the parts: a sign we do not read
        confidence = 0.9
        head = self._added_to(p, idx, s0, total) if len(region) == 1 else None
        if head is not None:  # "A收入111.11万元…。加上…1,756.37万元，收入总计1,867.48万元"
            region, confidence = [head, *region], 0.8
        if len(region) < 2 or _nested_levels(region):
            return None
        if text[region[-1].end:k].strip(" ，,、。；;") and re.search(r"[\u4e00-\u9fff]{3,}", text[region[-1].end:k]):
            return None  # words between the last part and 合计: another statement
        # parts with their own breakdowns (…1884万元，其中：1478万元（含…），…60万元，103万元，合计6449万元): where
        # the inner list ends is not written, so try each ending and keep the reading under which 合计 holds;
        # the inner list is cut there. No reading holds: the relation is too uncertain to judge.
        in_region = {id(c) for c in region}
        inner = [rel for c in region for rel in self.sums_of.get(id(c), ())
                 if any(id(x) in in_region for x in self._below(rel))]  # breakdowns whose parts run into the region
        if not inner:
            return Sum(total, tuple(region), True, word, confidence)
        first = inner[0]
        others = {id(x) for rel in inner[1:] for x in self._below(rel)}
        t_lo, t_hi = total.interval()
        for j in range(len(first.parts), -1, -1):
            cut = others | {id(x) for x in first.parts[:j]} | {id(y) for x in first.parts[:j] for y in self._below_claim(x)}
            parts = [c for c in region if id(c) not in cut]
            lo, hi = interval_sum(parts)
            if len(parts) >= 2 and lo <= t_hi and hi >= t_lo:
                if j < len(first.parts):
                    self._trim(first, j)
                return Sum(total, tuple(parts), True, word, confidence)
        self._replace(first, Sum(first.total, first.parts, first.complete, first.cue, min(first.confidence, 0.5)))
        parts = [c for c in region if id(c) not in others | {id(x) for x in self._below(first)}]
        return Sum(total, tuple(parts), True, word, 0.5) if len(parts) >= 2 else None

    def _added_to(self, p: Paragraph, idx: _Index, s0: int, total: Claim) -> Claim | None:
        """The figure a sentence opening with 加上/加 adds to: the first level of the sentence before that
        is no part of a breakdown (收入实现111.11万元…，其中税收收入109.91万元…。加上…), or None."""
        text, b = self.text, self.b
        m = _pat()["add_lead"].match(text, s0)
        if s0 <= p.start or text[s0 - 1] not in "。！？!?" or m is None:
            return None
        if not (self.doc.is_boundary(m.end()) or (m.group(0).endswith("上") and self.doc.is_boundary(m.end() - 1))):
            return None  # 加强, 加快: no addition
        prev = b.sentence_start(s0 - 1, p.start)
        below = {id(x) for rel in self.rel.sums for x in rel.parts}
        heads = [c for c in idx.between(prev, s0) if same_family(c, total) and self.level(c) and id(c) not in below]
        return heads[0] if heads else None

    def _below_claim(self, c: Claim) -> list[Claim]:
        return [y for rel in self.sums_of.get(id(c), ()) for y in self._below(rel)]

    def _below(self, rel: Sum) -> list[Claim]:
        """Every part under a relation, its parts' parts included."""
        out = list(rel.parts)
        for x in rel.parts:
            out += self._below_claim(x)
        return out

    def _trim(self, rel: Sum, j: int) -> None:
        """Cut a 其中 list after its j-th part (the rest were parts of the 合计 that follows)."""
        self._replace(rel, Sum(rel.total, rel.parts[:j], rel.complete and j >= 2, rel.cue,
                               rel.confidence if j >= 2 else rel.confidence * 0.5))

    def _replace(self, rel: Sum, new: Sum) -> None:
        i = self.sum_pos.pop(id(rel))
        self.rel.sums[i] = new
        self.sum_pos[id(new)] = i
        mine = self.sums_of[id(rel.total)]
        mine[next(i for i, x in enumerate(mine) if x is rel)] = new

    @staticmethod
    def _closed(parts: list[Claim]) -> bool:
        sets = lex()["closed_sets"].values()
        return len(parts) >= 2 and any(
            all(any(member in p.indicator for member in members) for p in parts) for members in sets)

    @staticmethod
    def _remainder_last(parts: list[Claim]) -> bool:
        return len(parts) >= 2 and bool(_pat()["remainder"].search(parts[-1].indicator))

    # ---- balances
    def _balances(self) -> None:
        """收、支总计各是A,B万元; 收入总计A万元…支出总计B万元 (one paragraph); 按收入性质分:A … 按支出性质分:B
        (a form read as text, figures without units: one table, one unit)."""
        text = self.text
        num = r"(\d[\d,，]*(?:\.\d+)?)"
        for pair in lex()["balance_pairs"]:
            left, right = pair["left"], pair["right"]
            shared = re.compile(rf"(?:{pair.get('shared') or '(?!)'})\s*(?:各是|各为|分别是|分别为)\s*{num}\s*(?:万元|亿元|元)?"
                                rf"\s*[,，、和]\s*{num}\s*(万元|亿元|元)")
            for m in shared.finditer(text):
                a = self._bare_claim(m, 1, m.group(3), f"{left}")
                b = self._bare_claim(m, 2, m.group(3), f"{right}")
                if a is not None and b is not None:
                    self.rel.balances.append(Balance(a, b, (left, right), 0.9))
            for p in self.doc.paragraphs:
                cs = self.by_para.get(p.index, [])
                ls = [c for c in cs if c.kind == "amount" and c.exact and c.indicator.endswith(left)]
                rs = [c for c in cs if c.kind == "amount" and c.exact and c.indicator.endswith(right)]
                if len(ls) == 1 and len(rs) == 1 and _same_prefix(ls[0].indicator[:-len(left)], rs[0].indicator[:-len(right)]):
                    self.rel.balances.append(Balance(ls[0], rs[0], (left, right), 0.9))
            field_re = rf"{{}}\s*[:：]\s*{num}(?![\d.%％万亿元])"
            ml = re.search(field_re.format(re.escape(left)), text)
            mr = re.search(field_re.format(re.escape(right)), text[ml.end():ml.end() + 200]) if ml else None
            if ml and mr:
                a = self._bare_claim(ml, 1, "", left)
                mr_claim = self._bare_claim(mr, 1, "", right, offset=ml.end())
                if a is not None and mr_claim is not None:
                    self.rel.balances.append(Balance(a, mr_claim, (left, right), 0.8))

    def _flows(self) -> None:
        """``Flow``: in one paragraph that speaks of 申请, four counts in 件, each named once by its role: received
        (收到/受理/新收 … first), carried in (上年结转), answered (办结/答复/回复), carried out (结转下年 / 结转到2025年 /
        …件正在办理). A role named twice, a fifth figure between them, or a role missing: no relation (the writer
        may count another scope, and an unstated carry-over would balance it)."""
        text = self.text
        for p in self.doc.paragraphs:
            cs = [c for c in self.by_para.get(p.index, ()) if c.kind == "count" and c.unit == "件"]
            if len(cs) < 4 or "申请" not in text[p.start:p.end]:
                continue
            roles: list[tuple[str, Claim]] = []
            for c in cs:
                after = text[c.end:self.b.clause_end(c.end, p.end)]
                role = _flow_role(c.indicator, after)
                if role is None and roles and roles[-1][0] == "received" and re.fullmatch(
                        r"合计|共计|总计", text[self.b.clause_start(c.start, p.start):c.start].strip()):
                    roles.pop()  # 网上申请105件，快递17件，合计122件: the channels' total is what was received
                    role = "received"
                if role is not None:
                    roles.append((role, c))
            for i in range(len(roles) - 3):
                window = roles[i:i + 4]
                names = [r for r, _ in window]
                if names[0] != "received" or sorted(names) != ["answered", "carried_in", "carried_out", "received"]:
                    continue
                first, last = window[0][1], window[-1][1]
                if any(first.start < c.start < last.start and all(c is not x for _, x in window) for c in cs):
                    continue  # another count of 件 among them: a breakdown we do not read
                if _FLOW_INSIDE.search(text, first.end, last.start):
                    continue  # 收到10件（含上年结转2件）: one figure counted inside another, not beside it
                got = dict(window)
                self.rel.flows.append(Flow(got["received"], got["carried_in"], got["answered"], got["carried_out"], 0.9))
                break

    def _remainders(self) -> None:
        """资金X，已使用Y，结余Z (one sentence) or 收入X…。其他资金来源X2。\n支出Y，其中…结余结转Z (the sentences of
        one section, up to two paragraphs back): the sources are the levels before the used figure that are no
        part of a breakdown, one primary (收入/资金/预算) plus added ones (其他…, 上年结转); with two primaries
        (预算 and 到位资金) the relation is not built."""
        b, lx = self.b, lex()
        ends = lambda key: re.compile("(?:" + _words(key) + ")$")  # noqa: E731
        left_re, used_re, src_re = ends("remainder_left"), ends("remainder_used"), ends("remainder_source")
        added_re = re.compile(lx["remainder_added_source"])
        part_of = {id(x): rel.total for rel in self.rel.sums for x in rel.parts}
        for z in self.claims:
            if z.kind != "amount" or not z.exact or id(z) in self.not_level:
                continue
            zi = normalise_measure(z.indicator)
            if not left_re.search(zi) or re.search(r"上年|年初", zi):
                continue
            carried = bool(re.search(r"年末|期末|下年", zi))  # an end-of-year carry needs its start-of-year carry
            p = self.doc.paragraphs[z.paragraph]
            inside = part_of.get(id(z))
            s0 = b.sentence_start(z.start, p.start)
            if inside is not None:
                used = inside
            else:
                cands = [c for c in self.index[z.paragraph].between(s0, z.start) if c.kind == "amount" and self.level(c)
                         and id(c) not in part_of]
                used = cands[-1] if cands else None
            if used is None or not used.exact or not used_re.search(normalise_measure(used.indicator)) \
                    or id(used) in part_of:
                continue
            # sources: levels before the used figure, in its sentence or the sentences of its section before it
            lo_para = used.paragraph
            while lo_para > 0 and used.paragraph - lo_para < 2:
                prev = self.doc.paragraphs[lo_para - 1]
                if prev.heading is not None or prev.section is not p.section:
                    break
                lo_para -= 1
            lo = self.doc.paragraphs[lo_para].start
            pool = [c for q in range(lo_para, used.paragraph + 1) for c in self.index.get(q, _Index([])).claims
                    if lo <= c.start < used.start and c.kind == "amount" and c.exact and self.level(c)
                    and id(c) not in part_of]
            if not pool:
                continue
            primary = [c for c in pool if not added_re.search(normalise_measure(c.indicator))]
            added = [c for c in pool if added_re.search(normalise_measure(c.indicator))]
            if len(primary) != 1 or not src_re.search(normalise_measure(primary[0].indicator)):
                continue
            if any(not src_re.search(normalise_measure(c.indicator)) for c in added):
                continue
            if carried and not any(re.search(r"上年|年初", c.indicator) for c in added):
                continue  # 本年收入…本年支出…年末结转和结余 without the carry from the year before: not judged
            cross = used.paragraph != z.paragraph or primary[0].paragraph != used.paragraph \
                or b.sentence_start(primary[0].start, p.start) != b.sentence_start(used.start, p.start)
            self.rel.remainders.append(Remainder((primary[0], *added), used, z, inside is not None, 0.8 if cross else 0.9))

    def _bare_claim(self, m: re.Match, group: int, unit: str, label: str, offset: int = 0) -> Claim | None:
        """A figure read by a balance pattern (its unit may be shared with the next figure, or absent in a form)."""
        from reportlint.claims.extract import parse_number

        got = parse_number(m.group(group))
        if got is None:
            return None
        s, e = m.start(group) + offset, m.end(group) + offset
        scale = Decimal(lex()["money_units"][unit]) if unit else Decimal(1)
        para = next((p.index for p in self.doc.paragraphs if p.start <= s < p.end), 0)
        return Claim(kind="amount", raw=self.text[s:e], value=got[0] * scale, unit="元", comparator="=",
                     indicator=label, scope=None, section="", start=s, end=e, paragraph=para,
                     decimals=got[1], scale=scale, extra={"stated_unit": unit})

    # ---- rates
    def _ratios(self) -> None:
        text, b = self.text, self.b
        rates = lex()["rates"]
        pending: list[tuple[Claim, Claim, str, int]] = []  # (numerator, rate, name, sentence start)
        whole_of = {id(x): rel.total for rel in self.rel.sums for x in rel.parts}
        for cs in self.by_para.values():
            for r in cs:
                if r.kind != "percent" or not r.exact:
                    continue
                p = self.doc.paragraphs[r.paragraph]
                g0 = b.group_start(r.start, p.start)
                s0 = b.sentence_start(r.start, p.start)
                before = self.summable[r.paragraph].between(g0, r.start)
                growth = self._growth(r, before, g0)
                if growth is not None:
                    if growth is not False:
                        self.rel.ratios.append(growth)
                    continue
                # A 占 B 的 R%
                occ = text.rfind("占", g0, r.start)
                if occ >= 0 and len(before) >= 2 and before[-2].end <= occ < before[-1].start \
                        and re.fullmatch(r"的?(?:比重|比例)?(?:为|是|达)?", text[before[-1].end:r.start].strip()) \
                        and same_family(before[-2], before[-1]):
                    self.rel.ratios.append(Ratio(r, before[-2], before[-1], "占比", 0.9))
                    continue
                name = _rate_name(r.indicator) or ("执行率" if _OF_BUDGET.search(r.indicator) else None)
                if name is None:
                    if before and _BARE_SHARE.fullmatch(text[before[-1].end:r.start]) and self.level(before[-1]):
                        whole = whole_of.get(id(before[-1]))
                        if whole is not None and whole.exact and same_family(whole, before[-1]):
                            # a part of a stated total, then its share: judged against that total ("165条,其中工作
                            # 动态类信息31条,占比25%;…", REVIEW5 item 7), not against the other shares
                            self.rel.ratios.append(Ratio(r, before[-1], whole, "占比", 0.9))
                        else:
                            pending.append((before[-1], r, "占比", s0))  # 1.4万元，占0.02%: a share of a whole not named
                    continue
                num_words, den_words = rates[name]
                roles = [(c, _head_role(c.indicator, num_words, den_words)) for c in before if self.level(c)]
                nums = [c for c, role in roles if role == "num"]
                dens = [c for c, role in roles if role == "den"]
                qualifier = _BUDGET_QUALIFIER.search(r.indicator)
                if qualifier is not None:  # 完成年初预算的95%: only the 年初预算 figure is its base (REVIEW6 item 6)
                    dens = [c for c in dens if _BUDGET_QUALIFIER.search(c.indicator)
                            and _BUDGET_QUALIFIER.search(c.indicator).group(0)[:2] == qualifier.group(0)[:2]]
                    if not dens:
                        continue
                if len(nums) == 1 and len(dens) == 1 and same_family(nums[0], dens[0]):
                    self.rel.ratios.append(Ratio(r, nums[0], dens[0], name, 0.9))
                elif before and not dens and re.fullmatch(r"[，,]?[^，,。；;]*", text[before[-1].end:r.start]):
                    pending.append((before[-1], r, name, s0))
        for j in range(1, len(pending)):
            n1, r1, name1, s1 = pending[j - 1]
            n2, r2, name2, s2 = pending[j]
            if name1 == name2 and s1 == s2 and same_family(n1, n2) and _shared_tail(n1.indicator, n2.indicator) \
                    and not (name2 == "占比" and _NESTING.search(text, r1.end, n2.start)):  # 其中: a share of a part
                self.rel.base_pairs.append(BasePair((n1, r1), (n2, r2), name2))

    def _growth(self, r: Claim, before: list[Claim], g0: int) -> Ratio | bool | None:
        """A growth rate and what it is computed from, False for a growth rate we cannot pin down,
        None for a rate that is not a growth rate. Shapes: 由46亿元增加到92亿元，增长100%;
        2023年预算2万元，较2022年预算1.50万元增长75%; 116433.12元，同比增加16803.36元，增长14.43%."""
        text = self.text
        lead = text[max(g0, r.start - 8):r.start]
        m = _pat()["growth"].search(lead)
        if m is None:
            return None
        if not before:
            return False
        decrease = m.group(1) in ("下降", "减少", "降低")
        prev = before[-1]
        gap = text[prev.end:r.start - len(m.group(0))]
        if gap.strip(" ，,"):
            return False  # words between the figure and the growth word: another statement
        change = self.change_to.get(id(prev))
        if change is not None:
            return Ratio(r, change.after, change.before, "降幅" if decrease else "增长率", 0.9, growth="change", decrease=decrease)
        if id(prev) in self.increment_ids:
            cands = [c for c in before[:-1] if self.level(c) and same_family(c, prev)]
            dec = bool(re.search(r"(?:减少|下降|降低|节约|少|减收|减支|节支|短收)了?$", prev.indicator))
            if dec != decrease:
                return False
            if cands and _COMPARED.search(cands[-1].indicator) and not re.search(r"[，,。；;]", text[cands[-1].end:prev.start]):
                # 较2024年的2190万元减少221万元，下降10.1% / 比上年累计支出285万元下降34万元，下降12%: rate = change ÷ base
                return Ratio(r, prev, cands[-1], "降幅" if decrease else "增长率", 0.9, decrease=decrease)
            levels = [c for c in cands if not self.reference(c)]
            if levels:
                return Ratio(r, prev, levels[-1], "降幅" if decrease else "增长率", 0.9, growth="dec" if dec else "inc", decrease=decrease)
            return False
        if _COMPARED.search(prev.indicator) and not gap:
            levels = [c for c in before[:-1] if self.level(c) and same_family(c, prev) and not self.reference(c)]
            if levels and text.rfind("较", levels[-1].end, prev.start) + text.rfind("比", levels[-1].end, prev.start) > -2:
                return Ratio(r, levels[-1], prev, "降幅" if decrease else "增长率", 0.9, growth="change", decrease=decrease)
        return False

    # ---- an amount used in full, and the same amount with the part used
    def _completions(self) -> None:
        """"衔接资金2179万元目前已全部拨付" and, in the same section, "项目资金共2179万元，…已完成拨付2113.63万元"
        (real 471): the whole amount is restated (same value, same rounding) in the sentence of a figure of
        the same action, written as done (已/已经/累计 … 拨付 N). Words of the whole and the actions are in
        ``completion_whole`` / ``completion_verbs``."""
        text, b = self.text, self.b
        verbs = _words("completion_verbs")
        whole_re = re.compile(r"\s*(?:目前|现|均|已经|已|并)*(?:" + _words("completion_whole")
                              + rf")(?P<verb>{verbs})")
        amounts = [c for c in self.claims if c.kind == "amount" and c.exact and self.level(c)]
        for c in amounts:
            m = whole_re.match(text, c.end)
            if m is None or not self.doc.is_boundary(m.end()):
                continue
            verb = m.group("verb")
            done = re.compile(rf"(?:已|已经|累计|实际)(?:完成|实际)?{verb}(?:资金)?$")
            p = self.doc.paragraphs[c.paragraph]
            for d in amounts:
                if d.start <= m.end() or d.paragraph - c.paragraph > 3:
                    continue  # the partial figure follows the claim of the whole, within three paragraphs
                q = self.doc.paragraphs[d.paragraph]
                if q.section is not p.section and (q.section is None or p.section is None
                                                   or q.section.parent is not p.section.parent):
                    continue
                if not done.search(text[b.clause_start(d.start, q.start):d.start]):
                    continue
                # the restatement is the nearest amount before the partial figure in its sentence, and not the
                # claim of the whole itself: in 中央资金600万元已全部到位，省级资金400万元已到位300万元 the 300
                # belongs to the 400 (a list of funds, each with its own status)
                s0 = max(b.sentence_start(d.start, q.start), m.end() if d.paragraph == c.paragraph else 0)
                before = [e for e in self.index[d.paragraph].between(s0, d.start)
                          if e.kind == "amount" and e is not c and e.end <= d.start]
                e = before[-1] if before else None
                if e is not None and e.value == c.value and e.decimals == c.decimals and e.start >= s0:
                    self.rel.completions.append(Completed(c, m.end(), verb, e, d, 0.8))

    # ---- counts built up over the year
    def _accruals(self) -> None:
        """共15个(…)，年初批复预算8个项目…，年中增加8个项目: a total count, the count at the start of the year and
        the count added, all of one thing (the noun after the base's unit names it, and the total's words or
        noun hold it), outside brackets, in one sentence with no 其中 list: total = base + added."""
        text, b, lx = self.text, self.b, lex()
        add_re = re.compile(lx["accrual_add"])
        total_re = re.compile("(?:" + _words("accrual_total") + r")\s*$")
        base_words = tuple(lx["accrual_base"])
        for para, cs in self.by_para.items():
            p = self.doc.paragraphs[para]
            counts = [c for c in cs if c.kind == "count" and c.exact]
            for base in counts:
                clause = text[b.clause_start(base.start, p.start):base.start]
                if not any(w in clause for w in base_words) or self._bracketed(base, p):
                    continue
                s0, s1 = b.sentence_start(base.start, p.start), b.sentence_end(base.end, p.end)
                noun = _noun_after(text, base.end)
                if not noun or "其中" in text[s0:s1] or re.search(lx["accrual_minus"], text[s0:s1]):
                    continue  # a 其中 list is a sum; a sentence that also takes items away is no build-up
                totals = [c for c in counts if s0 <= c.start < base.start and same_family(c, base)
                          and total_re.search(text[max(s0, c.start - 4):c.start]) and not self._bracketed(c, p)
                          and (noun in text[b.clause_start(c.start, s0):c.start] or _noun_after(text, c.end) == noun)]
                adds = [c for c in counts if base.end <= c.start < s1 and same_family(c, base)
                        and add_re.search(text[b.clause_start(c.start, s0):c.start]) and not self._bracketed(c, p)
                        and _noun_after(text, c.end) == noun]
                if len(totals) != 1 or len(adds) != 1:
                    continue
                # a fourth count of the same thing in the sentence or the next one (有1个项目未实施, 2期合并举办,
                # 淘汰2个项目): the writer accounts for a change the three counts leave out
                s2 = b.sentence_end(s1 + 1, p.end) if s1 < p.end else s1
                known = (totals[0], base, adds[0])
                if any(c not in known and same_family(c, base) and s0 <= c.start < s2 and not self._bracketed(c, p)
                       and (_noun_after(text, c.end) == noun or noun in text[c.end:b.clause_end(c.end, p.end)]
                            or noun in text[b.clause_start(c.start, s0):c.start])
                       for c in counts):
                    continue
                self.rel.accruals.append(Accrual(totals[0], base, adds[0], 0.8))

    def _bracketed(self, c: Claim, p: Paragraph) -> bool:
        """Inside an open bracket of its sentence (含…5个): a sub-part, not a figure of the sentence."""
        lead = self.text[self.b.sentence_start(c.start, p.start):c.start]
        return lead.count("(") + lead.count("（") > lead.count(")") + lead.count("）")

    # ---- count lists
    def _count_lists(self) -> None:
        text = self.text
        then_list, list_then, composed = _count_patterns()
        for p in self.doc.paragraphs:
            for m in then_list.finditer(text, p.start, p.end):
                if m.group("intro") and not self.doc.is_boundary(m.start("intro")):
                    continue
                listing = m.group("list")
                cut = re.search(r"[，,]", listing)
                if cut:
                    if re.match(r"\s*(?:以及|和|及|还有|另有|另)", listing[cut.end():]):
                        continue
                    listing = listing[:cut.start()]
                if not cut and not text[m.end("list"):p.end].strip() and not re.search(r"[。；;！？!?…”)）]\s*$", listing):
                    continue  # the list runs to the end of a paragraph that ends mid-word: an excerpt cut it (h4b 828)
                is_open = bool(re.search(r"等[\u4e00-\u9fff]{0,6}$|等$", listing))
                if is_open:
                    listing = re.sub(r"等[\u4e00-\u9fff]{0,6}$", "", listing)
                intro = m.group("intro") or ""
                if intro in ("为", "是", "有") and not m.group("colon"):
                    continue  # 为/是/有 open a list only with a colon: "一个中国的原则是…"
                self._add_count(m.group("num"), m.group("unit"), listing, m.start("num"),
                                m.start("list") + len(listing), 1.0, is_open)
            self._composed(p, composed)
            self._parts_named(p)
            for m in list_then.finditer(text, p.start, p.end):
                if not self.doc.is_boundary(m.start()) or not self.doc.is_boundary(m.end("verb")):
                    continue
                is_open = "等" in text[m.end("list"):m.start("num")] or bool(re.search(r"等\s*$", m.group("list")))
                self._add_count(m.group("num"), m.group("unit"), re.sub(r"等\s*$", "", m.group("list")),
                                m.start("list"), m.end(), 0.9, is_open)

    def _composed(self, p: Paragraph, composed: re.Pattern[str]) -> None:
        """"报告由A、B…等六部分组成": the parts of a composition are all named (等 closes the list here);
        items may be separated by ，/, as well as 、 (real 411.txt)."""
        for m in composed.finditer(self.text, p.start, p.end):
            listing = m.group("list")
            items = None
            if re.search(r"[，,]", listing):  # items between commas keep their own 、 and 及
                items = [i.strip() for i in re.split(r"[，,]", listing) if i.strip()]
                # 和/以及 may join the last two parts ("…,存在的主要问题及改进情况和其他需要报告的事项6个部分组成",
                # wild W143) or stand inside one name (收到和处理政府信息公开申请情况): judged only when both
                # readings disagree with the count on the same side
                n = parse_number_int(m.group("num")) or 0
                last = re.match(r"^(.+)(?:以及|和)(.+)$", items[-1]) if items else None  # 问题及改进: one name
                if last:
                    joined = [*items[:-1], last.group(1), last.group(2)]
                    if len({(len(r) > n) - (len(r) < n) for r in (items, joined)}) != 1:
                        continue
                    items = min((items, joined), key=lambda r: abs(len(r) - n))
            else:
                items = self._by_headings(split_items(listing))
                if len(items) > (parse_number_int(m.group("num")) or 0):
                    continue  # part names hold 、 themselves (行政复议、行政诉讼情况): more items is no evidence
            self._add_count(m.group("num"), m.group("unit"), listing, m.start("list"), m.end(), 0.9, False, items)

    def _by_headings(self, items: list[str], statutory: bool = False) -> list[str]:
        """Items joined where the document has a heading of their 、-joined names: "本报告由总体情况、…、政府信息公开
        行政复议、行政诉讼情况、…7个部分组成" with its heading "四、政府信息公开行政复议、行政诉讼情况" names six parts
        (/work/holdout3 717)."""
        titles = self.__dict__.get("_titles_set")
        if titles is None:
            titles = self.__dict__["_titles_set"] = {re.sub(r"[\s。.：:]", "", h.title) for h in self.doc.headings}
        if statutory:
            titles = titles | _listed_headings()
        out: list[str] = []
        i = 0
        while i < len(items):
            for j in range(min(len(items), i + 3), i + 1, -1):
                joined = "、".join(items[i:j])
                if joined in titles and not any(x in titles for x in items[i:j]):
                    out.append(joined)
                    i = j
                    break
            else:
                out.append(items[i])
                i += 1
        return out

    def _parts_named(self, p: Paragraph) -> None:
        """"包括A,B、C四个部分": the parts of a text or a work named before their count, separated by ，/, and
        、. A comma may separate items whose names hold 、 (政府信息公开行政复议、行政诉讼情况) or every item may
        be its own: the list is judged only when both readings (items between commas; items between any
        separator) disagree with the count on the same side, and then by the reading nearer the count."""
        m_iter = _count_patterns_parts().finditer(self.text, p.start, p.end)
        for m in m_iter:
            listing = m.group("list")
            if not re.search(r"[，,]", listing) or not self.doc.is_boundary(m.start("verb")) \
                    or not self.doc.is_boundary(m.end("verb")):
                continue
            n = parse_number_int(m.group("num"))
            if n is None:
                continue
            is_open = bool(m.group("etc"))
            by_comma = [i.strip() for i in re.split(r"[，,]", listing) if i.strip()]
            by_any = [j for i in by_comma for j in split_items(i)]
            sides = {(len(r) > n) - (len(r) < n) for r in (by_comma, by_any)}
            if len(sides) != 1 or 0 in sides:
                continue
            items = min((by_comma, by_any), key=lambda r: abs(len(r) - n))
            self._add_count(m.group("num"), m.group("unit"), listing, m.start("list"), m.end(), 0.9, is_open, items)

    def _add_count(self, num: str, unit: str, listing: str, s: int, e: int, confidence: float,
                   is_open: bool, items: list[str] | None = None) -> None:
        from reportlint.claims.extract import parse_number

        if re.fullmatch(r"[一二两三四五六七八九十]{2}", num) and "十" not in num:
            return  # 两三个, 三五家: an approximation, not a count
        got = parse_number(num)
        if got is None:
            return
        n = int(got[0])
        if items is None:
            raw = split_items(listing)
            items = self._by_headings(raw, statutory=True)  # 政府信息公开行政复议、行政诉讼情况 is one part
            every = [j.strip() for i in raw for j in re.split(r"以及|和|及|与", i) if j.strip()]
            readings = (len(raw), len(items), len(every))
            if min(readings) <= n <= max(readings):
                # 总体情况、主动公开…情况和收到处理…情况、…行政复议和行政诉讼情况、存在的主要问题及改进情况和其他需要报告的
                # 事项六个部分 (www.xixianxinqu.gov.cn 建章路街道 2025 年报): 和/及 join items inside the list as well as
                # inside names; the count lies between the two readings
                return
        if n < 2 or len(items) < 2 or any(len(i) > 40 or not i for i in items):
            return
        if any(re.search(r"\d", i) for i in items):
            return  # a list of figures, not of names
        self.rel.count_lists.append(CountList(num, n, unit, tuple(items), s, e, confidence, is_open))

    # ---- restated indicators
    def _restated(self) -> None:
        groups: dict[tuple, list[tuple[Claim, str]]] = {}
        for c in self.claims:
            if c.kind not in ("amount", "count", "percent", "permille") or not c.exact:
                continue
            if id(c) in self.not_level:
                continue
            key = self._identity(c)
            if key is None:
                continue
            groups.setdefault(key, []).append((c, key[0]))
        for cs in groups.values():
            first, measure = cs[0]
            account = self._account(first)
            for c, _ in cs[1:]:
                if self._same_list(first, c):
                    continue  # A综合楼24万元，B幼儿园78万元，…，A综合楼156万元: two tranches, not a restatement
                other = self._account(c)
                if account and other and other != account:
                    continue  # the general budget's 年终结余 and the fund budget's
                self.rel.restated.append(Restated(first, c, measure, 0.9 if len(measure) >= 4 else 0.8))
        self._growth_restated()

    def _same_list(self, a: Claim, c: Claim) -> bool:
        """Are ``a`` and ``c`` members of one enumeration of label + figure items: one sentence, ``a``'s figure
        closing its item, and every item between them (apart by 、 , ， ; ；) stating a figure too; two such items
        next to each other count when their run of items holds three or more? Such a list may name one label
        twice (two tranches, two funding batches). 完成投资1200万元，其余资金结转下年；完成投资
        1250万元 is no list (a clause without a figure between them). Linear: the item breaks of a paragraph
        are found once."""
        if a.paragraph != c.paragraph or not _ITEM_END.match(self.text, a.end):
            return False
        seps, breaks = self._list_marks(a.paragraph)
        lo, hi = bisect.bisect_right(seps, a.end - 1), bisect.bisect_left(seps, c.start)
        k = bisect.bisect_left(breaks, a.end)
        if hi - lo < 1 or k != bisect.bisect_left(breaks, c.start):
            return False  # not apart by a separator, or a sentence end / figure-less item in between
        if hi - lo >= 2:
            return True  # a whole item with its figure between them
        # next to each other (A综合楼24万元，A综合楼156万元): a list only if its run of items holds three or more
        run_lo = breaks[k - 1] if k else -1
        run_hi = breaks[k] if k < len(breaks) else len(self.text)
        return bisect.bisect_left(seps, run_hi) - bisect.bisect_right(seps, run_lo) >= 2

    def _list_marks(self, i: int) -> tuple[list[int], list[int]]:
        """List separators of paragraph ``i`` and its item breaks (sentence ends, items without a figure)."""
        marks = self._list_cache.get(i)
        if marks is None:
            p = self.doc.paragraphs[i]
            seps: list[int] = []
            breaks: list[int] = []
            for m in re.finditer(r"[^、,，;；。！？!?]*([、,，;；。！？!?]|$)", self.text[p.start:p.end]):
                if not m.group(0):
                    continue
                if m.group(1) and m.group(1) in "、,，;；":
                    seps.append(p.start + m.end() - 1)
                else:
                    breaks.append(p.start + m.end() - 1)  # a sentence end
                if not re.search(r"\d", m.group(0)):
                    breaks.append(p.start + m.start())  # an item without a figure
            breaks.sort()
            marks = self._list_cache[i] = (seps, breaks)
        return marks

    def _growth_restated(self) -> None:
        """One year-on-year growth rate stated twice: "2023年全镇一般财政公共总收入实现11335万元，同比增长35.24%" and
        "2023年我镇一般财政公共收入与去年同期相比增长32.2%" (real 430). Identity: the quantity (the words before the
        comparison, or the indicator of the level the rate follows; scope and years taken off, 总收入 = 收入),
        the direction, the period (years and period words of its clause group and section). Two rates whose
        levels are both stated and differ are of two quantities (总收入 11335 vs 收入 4505: no restatement)."""
        text, b = self.text, self.b
        base_re = re.compile(_words("prior_year_bases", longest_first=True))
        pat = _pat()
        groups: dict[tuple, list[tuple[Claim, Claim | None, str]]] = {}
        for r in self.rel.increments:
            if r.kind != "percent" or not r.exact:
                continue
            m = base_re.search(r.indicator)
            tail = r.indicator[m.end():] if m else ""
            grow = re.fullmatch(r"(增长|增加|提高|上升|下降|减少|降低)了?", tail)
            if m is None or grow is None:
                continue
            p = self.doc.paragraphs[r.paragraph]
            g0 = b.group_start(r.start, p.start)
            own = text[g0:r.start]
            if pat["plan"].search(own) or re.search(r"年均|平均|累计|以来|\d{1,2}月|月份", own):
                continue  # plans, averages and part-year figures (1-6月) are other indicators
            quantity, level = r.indicator[:m.start()], None
            if not normalise_measure(quantity).strip("，, "):
                lead = self.summable[r.paragraph].between(g0, r.start)
                if not lead or id(lead[-1]) in self.not_level or text[lead[-1].end:r.start - len(r.indicator)].strip(" ，,"):
                    continue
                level = lead[-1]
                quantity = level.indicator
            stated = normalise_measure(re.sub(r"(?:实现|完成|达到|为|的)+$", "", normalise_measure(quantity)))
            measure = re.sub(r"总(?=收入|支出)", "", stated)
            if len(measure) < 4 or re.search(r"[\d%％]", measure):
                continue
            down = grow.group(1) in ("下降", "减少", "降低")
            period = (*sorted(set(pat["period"].findall(base_re.sub("", own)))), self._section_period(p))
            item = "" if r.scope or _SELF_SCOPE.search(quantity) else self._item_of(r, p)
            groups.setdefault((measure, down, period, r.scope or "", item), []).append((r, level, stated))
        for rs in groups.values():
            first, level0, stated0 = rs[0]
            for r, level, stated in rs[1:]:
                if level0 is not None and level is not None and level0.value != level.value:
                    continue  # two levels: two quantities
                if b.sentence_start(r.start) == b.sentence_start(first.start):
                    continue  # rates listed in one sentence are of different quantities
                if stated != stated0 and level0 is None and level is None:
                    continue  # 总收入 and 收入 are one quantity only when the level of one of them is stated
                self.rel.restated.append(Restated(first, r, stated + "增幅", 0.8))

    def _identity(self, c: Claim) -> tuple | None:
        """subject + measure + period + scope, or None when the figure cannot be identified safely.

        The measure is the figure's own words (before it, and for a count the noun after its unit);
        the period and plan cues are read from its clause group up to its own clause; the subject is the
        total a part belongs to, or, for a weak measure (实际完成值, 已于本年度支出), the first clause of a
        group that states another figure first.
        """
        text, b = self.text, self.b
        p = self.doc.paragraphs[c.paragraph]
        g0 = b.group_start(c.start, p.start)
        own = text[max(g0, c.start - 80):min(b.clause_end(c.end, p.end), c.end + 40)]
        pat = _pat()
        if pat["plan"].search(own) or re.search(r"增加|减少|增长|下降|新增|其中|比上年|较上年|同比|以来", c.indicator):
            return None
        if any(ch.isdigit() for ch in c.indicator[-3:]):
            return None
        measure = normalise_measure(c.indicator)
        if c.kind in ("percent", "permille") and ("占" in c.indicator or measure.endswith("的")):
            return None  # a share is about the figure before it (集中采购…占…100%, 分散采购…占…0%)
        if _SHARE_BASE.match(text, c.end) or re.match(r"的[\u4e00-\u9fff]", text[c.end:c.end + 2]):
            return None  # 完成预算29.6万元的92.8%: the budget of the item before it; 投资2000万元的养殖场: an attribute
        noun = ""
        if c.kind == "count":
            m = re.match(r"([\u4e00-\u9fff]{2,6}?)(?=[，,。；;：:、全均都已共达为是的和及与（(\s]|$)", text[c.end:c.end + 8])
            noun = m.group(1) if m else ""
            measure = measure + noun
        if len(measure) < 2:
            return None
        if len(measure) < 4 and not (c.scope and (noun or "有" in c.indicator)):
            return None  # a short measure names a quantity only with its scope: 全县 … 行政村
        if "截至" in own or "截止" in own or re.search(r"\d{1,2}月\d{1,2}日", own):
            return None  # a figure as of a date may change with the date
        subject = ""
        total = self.part_of.get(id(c))
        if total is not None:
            subject = "part-of:" + normalise_measure(total.indicator)
        else:
            clause_start = b.clause_start(c.start, g0)
            weak = len(measure) < 8 or re.match(r"[已于并均另]|实际|全年", measure)
            if weak and clause_start > g0 and self.index[c.paragraph].starting(g0, clause_start):
                start = g0
                while True:  # skip clauses that are only an enumerator: 第二，… / 一是，…
                    first = text[start:b.clause_end(start + 1, clause_start)]
                    first = re.sub(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|其中|[（(]?[一二三四五六七八九十\d]+[)）、.]?)",
                                   "", first).strip("，,：: ")
                    nxt = b.clause_end(start + 1, clause_start) + 1
                    if first or nxt >= clause_start:
                        break
                    start = nxt
                subject = normalise_measure(re.sub(r"[\d.,，]+\s*[\u4e00-\u9fff%％]{0,2}$", "", first))
        subject += self._joined_fund(c, g0)
        period = (*sorted(set(pat["period"].findall(own))), self._section_period(p))
        whole = c.scope or _SELF_SCOPE.search(c.indicator)  # 全县…, 全局/本单位…: the whole, in any item
        item = "" if whole else self._item_of(c, p)
        return (measure, subject, period, c.scope or "", unit_family(c), item)

    def _joined_fund(self, c: Claim, floor: int) -> str:
        """The funds its clause names before a figure's indicator ("|财政拨款" for "财政拨款收入、支出决算总计0.3万元",
        "" when none): the indicator starts after the 、, so without this the 财政拨款 total and the all-funds total
        ("收入、支出决算总计2995.39万元") read as one measure (the Shanghai 部门决算, /work/shared/realpdf)."""
        head = self.text[self.b.clause_start(c.start, floor):c.start]
        funds = sorted({f for f in _FUND.findall(head) if f not in c.indicator})
        return "|" + "+".join(funds) if funds else ""

    def _account(self, c: Claim) -> str:
        """The budget account (一般公共预算, 政府性基金预算 …: ``closed_sets.budget_categories``) its paragraph
        last names before the figure: "…政府性基金预算总收入87.32亿元…。收支相抵，年终结余2.95亿元" is the fund
        account's 结余, not the general budget's of the paragraph before (wild W121). Two figures of two named
        accounts are no restatement; a figure whose paragraph names none may restate either."""
        got = self._accounts
        if got is None:  # every account named in the text, found in one pass
            pat = re.compile("|".join(map(re.escape, lex()["closed_sets"]["budget_categories"])))
            got = self._accounts = [(m.start(), m.group(0)) for m in pat.finditer(self.text)]
        k = bisect.bisect_left(got, (c.start, "")) - 1
        if k < 0 or got[k][0] < self.doc.paragraphs[c.paragraph].start:
            return ""
        return got[k][1]

    def _item_of(self, c: Claim, p: Paragraph) -> str:
        """The list item a figure belongs to, as an identity key ("" when none).

        The innermost of: a numbered heading below the top level (not a topic section: 预算编制, 资产管理,
        人员情况 — the unit's own figures run across those) or an item inside a paragraph
        (（一）X项目… / 1.… / …；2.…, from ``doc.headings``), an enumerator 一是/二是/其一 in its
        paragraph, or a label before a ： that opens a clause (信息化建设项目：年初预算100万元). The same
        measure under two items of a list (年初预算 of project A and of project B) is two indicators.
        A condition opening the figure's sentence part (在A项目中，由B…的，) qualifies it too.
        A figure with a scope word (全县/全区…, 全局/本单位…) is about the whole, so the caller skips this.
        """
        text = self.text
        k = bisect.bisect_right(self._heading_starts, c.start) - 1
        h = self.doc.headings[k] if k >= 0 else None
        while h is not None and h.inline and h.paragraph != c.paragraph:
            h = h.parent  # an item inside a paragraph never holds the next paragraph
        while h is not None and ((not h.inline and h.level < 2) or _TOPIC_TITLE.search(h.title)):
            h = h.parent  # 一、 chapters and topic sections (1.预算编制 / 5.资产管理) are no items of a list
        best, key = (h.start, f"h{h.start}") if h is not None else (-1, "")
        lo = max(p.start, h.title_end if h is not None and h.paragraph == c.paragraph else p.start)
        labels, breaks, commas = self._marks(p)
        k = bisect.bisect_left(labels, c.start) - 1
        if k >= 0 and labels[k] >= max(lo, best):
            best, key = labels[k], f"l{labels[k]}"
        # a condition that opens its sentence part: 在A项目中，由B的，采购金额X万元；在C项目中，…
        k = bisect.bisect_left(breaks, c.start) - 1
        seg = max(breaks[k] if k >= 0 else p.start, lo)
        k = bisect.bisect_left(commas, c.start) - 1
        cut = commas[k] if k >= 0 else -1
        pre = text[seg:cut] if seg < cut <= seg + 60 else ""  # a condition is short
        if pre and not re.search(r"\d", pre) and _CONDITION.search(pre):
            key += "|" + re.sub(r"\s", "", pre)
        k = bisect.bisect_left(breaks, c.start) - 1
        ordinal = _ORDINAL_SUBJECT.match(text, breaks[k] if k >= 0 else p.start)
        if ordinal:  # 一批项目…建设道路311520平方米。…三批项目…建设道路71634平方米: one batch each
            key += "|" + ordinal.group(1)
        return key

    def _marks(self, p: Paragraph) -> tuple[list[int], list[int], list[int]]:
        """Starts of item labels, sentence-part starts and comma offsets of ``p`` (computed once)."""
        got = self._marks_of.get(p.index)
        if got is None:
            text = self.text
            labels = [m.start() for m in _ITEM_LABEL.finditer(text, p.start, p.end)
                      if m.group("enum") or not (re.search(r"\d", m.group("label")) or _NOT_LABEL.search(m.group("label")))]
            breaks = [m.end() for m in re.finditer(r"[。；;！？!?\n]", text[p.start:p.end])]
            breaks = [p.start + b for b in breaks]
            commas = [p.start + m.start() for m in re.finditer(r"[，,]", text[p.start:p.end])]
            got = self._marks_of[p.index] = (labels, breaks, commas)
        return got

    def _section_period(self, p: Paragraph) -> str:
        node = p.section
        out = []
        while node is not None:
            m = _pat()["period"].findall(node.title)
            plan = _pat()["plan"].search(node.title) or re.search(r"下一步|建议|思路|计划|打算|安排", node.title)
            if m or plan:
                out.append("+".join(m) + ("plan" if plan else ""))
            node = node.parent
        return "/".join(out)

    # ---- scores
    def _scheme_weights(self) -> None:
        """The weights a stated scheme fixes (分值统一设置为：产出指标50分、效益指标30分…, in one sentence after the
        cue of ``score_scheme_pattern``) against the bracketed weights of the same indicators (产出指标（70分）).
        A scheme governs only its own section subtree (the heading of its paragraph and the headings below it;
        under a heading of method, ``score_scheme_method_titles`` (（一）评价方法), its parent's subtree);
        where several govern a weight, the innermost section's, then the nearest before it. A scheme of the
        部门整体 evaluation (its sentence or headings name 部门/整体, not 项目) never judges the weights of a
        project (a sentence or heading naming 项目): the two evaluations use different frameworks."""
        text, b = self.text, self.b
        scores = [c for c in self.claims if c.kind == "score" and c.exact]
        schemes: list[tuple[int, Heading | None, bool, dict[str, Claim]]] = []
        for m in re.finditer(lex()["score_scheme_pattern"], text):
            p = self.doc.paragraphs[next(i for i, c in enumerate(self.doc.paragraphs) if c.end >= m.end())]
            s0, end = b.sentence_start(m.start(), p.start), b.sentence_end(m.end(), p.end)
            scheme: dict[str, Claim] = {}
            for c in scores:
                if m.end() <= c.start < end and c.extra.get("role") == "score":
                    name = re.sub(r"^[\s、，,：:]+", "", text[max(m.end(), c.start - 12):c.start])
                    name = re.split(r"[、，,：:；;]", name)[-1]
                    if len(name) >= 2:
                        scheme.setdefault(name, c)
            if scheme:
                said = text[s0:end] + self._titles(p)
                unit_wide = "项目" not in text[s0:end] and bool(re.search("部门|整体", said))
                scope = p.section  # a heading of method (（一）评价方法) states the scheme of its parent section
                if scope is not None and re.search(lex()["score_scheme_method_titles"], scope.title):
                    scope = scope.parent
                schemes.append((m.start(), scope, unit_wide, scheme))
        if not schemes:
            return
        for w in scores:
            if w.extra.get("role") != "weight":
                continue
            q = self.doc.paragraphs[w.paragraph]
            if any(at <= w.start < b.sentence_end(at, len(text)) for at, _, _, _ in schemes):
                continue  # a weight inside the scheme's own sentence
            project = "项目" in text[b.sentence_start(w.start, q.start):b.sentence_end(w.end, q.end)] + self._titles(q)
            governing = [(depth, -abs(w.start - at), scheme) for at, scope, unit_wide, scheme in schemes
                         if (depth := _depth_within(q.section, scope)) is not None
                         and not (unit_wide and project)]
            if not governing:
                continue
            scheme = max(governing, key=lambda g: g[:2])[2]
            label = re.sub(r"[（(]\s*$", "", text[max(0, w.start - 12):w.start])
            for name, c in scheme.items():
                if label.endswith(name):
                    start = max(0, w.start - 12) + len(label) - len(name)
                    self.rel.scheme_weights.append(SchemeWeight(w, c, name, start))
                    break

    def _titles(self, p: Paragraph) -> str:
        """The titles of the headings above a paragraph, innermost first."""
        out, node = [], p.section
        while node is not None:
            out.append(node.title)
            node = node.parent
        return "".join(out)

    def _scores(self) -> None:
        self._scheme_weights()
        text, b = self.text, self.b
        for para, cs in self.by_para.items():
            scores = _Index([c for c in cs if c.kind == "score"])
            if not scores.claims:
                continue
            p = self.doc.paragraphs[para]
            for g in (c for c in cs if c.kind == "grade"):
                s0, s1 = b.sentence_start(g.start, p.start), b.sentence_end(g.end, p.end)
                near = [c for c in scores.starting(s0, s1) if is_total_score(c)]
                if near:
                    self.rel.score_grades.append(ScoreGrade(min(near, key=lambda c: abs(c.start - g.start)), g))
            totals = [c for c in scores.claims if c.extra.get("role") == "score"
                      and re.search(r"总分|总得分|得分合计|合计|综合得分", c.indicator)]
            subs: dict[int, list[Claim]] = {}
            for c in scores.claims:
                if c.extra.get("role") == "score" and _SUB_SCORE.search(c.indicator) and c not in totals:
                    subs.setdefault(b.sentence_start(c.start, p.start), []).append(c)
            for t in totals:
                parts = subs.get(b.sentence_start(t.start, p.start), [])
                if len(parts) >= 2:
                    self.rel.score_sums.append(ScoreSum(t, tuple(parts)))
            for w in scores.claims:
                if w.extra.get("role") not in ("weight", "full"):
                    continue
                after = [c for c in scores.starting(w.end + 1, w.end + 9) if c.extra.get("role") == "score"]
                if after and not re.search("[，,。；;]", text[w.end:after[0].start]):
                    self.rel.score_weights.append(ScoreWeight(w, after[0]))


# ---------------------------------------------------------------- helpers

_SEMI = re.compile(r"[；;]")
_ENUMERATOR = re.compile(r"\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十][，,、：:]|第[一二三四五六七八九十]+[，,、：:是])")
# between two items of a category breakdown: a separator, then the next category's short name
_CATEGORY_NAME = re.compile(r"[\u4e00-\u9fff“”\"()（）]{2,16}")
_CATEGORY_ITEM = re.compile(r"[、，,]\s*" + _CATEGORY_NAME.pattern)


@cache
def _words(key: str, longest_first: bool = False) -> str:
    """The words of a lexicon list as a regex alternation (escaped once per process)."""
    words = map(re.escape, lex()[key])
    return "|".join(sorted(words, key=len, reverse=True) if longest_first else words)


@cache
def _alt_units() -> re.Pattern[str]:
    """Alternate count units in brackets after a unit: (台、块、项), (套); each a count unit of the lexicon or
    one Han character (a measure word such as 块)."""
    unit = "|".join(sorted(map(re.escape, lex()["count_units"]), key=len, reverse=True)) + r"|[\u4e00-\u9fff]"
    return re.compile(rf"\s*[（(]\s*((?:{unit})(?:\s*[、,，/]\s*(?:{unit}))*)\s*[）)]")


def _depth_within(section: Heading | None, scope: Heading | None) -> int | None:
    """How deep ``scope`` lies on the path from ``section`` to the root (-1: the whole text, no heading), or
    None when ``section`` is not ``scope`` nor below it."""
    if scope is None:
        return -1
    path, node = [], section
    while node is not None:
        path.append(node)
        node = node.parent
    return len(path) - path.index(scope) if scope in path else None


# A share written right after its figure with no whole named ("公务接待费支出决算0.28万元，占0.95%"): two such shares
# of parts listed in one sentence imply one whole, unless a 其中/包括/含 list opens between them (a part of a part).
_BARE_SHARE = re.compile(r"\s*[，,]\s*占(?:比|(?:总数|总量|总额|全部)的?(?:比重|比例)?)?(?:为|达)?\s*")  # 占总数的25%: the total
_NESTING = re.compile(r"其中|包括|含|[（(]")


_TOTAL_SCORE = re.compile(r"自评|总分|总得分|综合得分|综合评分|得分合计|合计|评价得分|分数|得分|评分")
_SUB_SCORE = re.compile(r"产出|效益|满意度|预算执行|投入|过程|决策|管理|预算编制|履职|效果|一级指标|二级指标")


def is_total_score(c: Claim) -> bool:
    return c.kind == "score" and c.extra.get("role") == "score" and bool(_TOTAL_SCORE.search(c.indicator)) \
        and not _SUB_SCORE.search(c.indicator)


# an item label inside a paragraph: 一是/其一 enumerators, or the words before a ： opening a clause
_ITEM_LABEL = re.compile(r"(?:^|(?<=[。；;！？!?\n]))\s*(?:(?P<enum>[一二三四五六七八九十]+是|其[一二三四五六七八九十])"
                         r"|(?P<label>[^，,。；;：:！？!?\n]{2,20})[：:])")
_YEAR_ON_YEAR = re.compile(r"^(?:较|比|与)(?:上年|上一年|去年|上年度|上年同期|\d{4}年度?)")
_CAUSE = re.compile(r"主要原因[是为：:]|原因[是为]|主要是由于|由于|因为|主要系")
_NEW_PREDICATE = re.compile(r"[，,]\s*(?:并且?|同时|此外|另外)(?![\u4e00-\u9fff]{0,3}[0-9０-９])")
_COMPARED = re.compile(r"(?:较|(?<!占)比)[^，,。；;]{0,12}$")  # 较上年同期 / 比上年累计支出 / 较2024年的: a comparison base follows
_SHARE_BASE = re.compile(r"的\s*[-−]?\d[\d,，.]*\s*[%％]")  # B的R%: B is the whole of a share or completion
_MINUS = re.compile(r"(?<![\dA-Za-z])[-−－]\s*\d")  # a negative figure (-21万元), whose sign claims do not keep
_ORDINAL_SUBJECT = re.compile(r"\s*((?:第)?[一二三四五六七八九十\d]{1,3}(?:批|期|标段))")  # 一批项目… / 二期工程…: one item each
_FUND = re.compile(r"财政拨款|一般公共预算|政府性基金|国有资本经营|社会保险基金")
_SELF_SCOPE = re.compile(r"全局|全院|全委|全单位|本单位|本局|我局|本部门|我单位|本院|我院")
_CONDITION = re.compile(r"(?:^|[，,])\s*(?:在|由|对于?|凡)|[中的]$")
# a section about a topic of the unit's own work, not an item (project, platform, indicator) of a list
_TOPIC_TITLE = re.compile(r"(?:情况|分析|管理|编制|执行|公开|做法|经验|问题|措施|建议|成效|概况|说明|监控|保障)[。.]?$")
_NOT_LABEL = re.compile(r"其中|包括|如下|分别|主要有|具体|[为是有]$")

_MEASURE_NOISE = re.compile(
    r"^(?:(?:19|20)\d{2}年度?|全年|本年度|本年|年度|截至目前|目前|现|共计|共有|现有|共|合计|总计|全国|全省|全市|全区|全县|全镇|全乡"
    r"|我区|我县|我市|我镇|本单位|本局|我局|本部门|辖区内?|其中|有)+")
_MEASURE_TAIL = re.compile(r"(?:共有|现有|共计|共|有|为|是|达到|达|约|计)+$")


def normalise_measure(ind: str) -> str:
    s = re.sub(r"[“”\"\s]", "", ind)
    prev = None
    while prev != s:
        prev = s
        s = _MEASURE_TAIL.sub("", _MEASURE_NOISE.sub("", s))
    return s


# 完成预算的47% / 完成年初预算的98.20% / 为预算的103.2%: the 执行率 of the 决算 or 执行 figure against the 预算 figure of
# its sentence (公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%: wild W089, 53 %)
_OF_BUDGET = re.compile(r"(?:完成|为|达到?)(?:了)?(?:年初|全年|调整后)?预算(?:数)?的$")
_VALUE_KIND = re.compile(r"(预算|执行|决算|实际|完成)数?$")


def _value_kind(indicator: str) -> str | None:
    """The column a figure of a funds block is stated in (预算数, 执行数 …), from the end of its indicator."""
    m = _VALUE_KIND.search(indicator.strip())
    return m.group(1) if m else None


_CHANNEL = re.compile(r"^(?:通过|利用|依托|经由)|网站|门户|微博|微信|公众号|公开栏|公示栏|新媒体|抖音|头条号|客户端|APP|平台")
_ADDED_APART = re.compile(r"另有|另外|另|此外|还|同时|以及")
_BUDGET_QUALIFIER = re.compile(r"年初|调整后?|全年|变动后")
_FLOW_INSIDE = re.compile(r"含|其中|包括|包含|[（(]")
_FLOW_OUT = re.compile(r"结转(?:到|至)?(?:下一?年度?|\d{4}年)|转入下一?年|正在办理|尚在办理|尚未办结|办理中")
_FLOW_IN = re.compile(r"上一?年度?结转|结转上一?年度?|上年度?遗留")
_FLOW_DONE = re.compile(r"(?:已|共|均|当年|本年度?|全年)?(?:办结|答复|回复|办理完毕|完成办理)(?:了)?(?:申请)?$")
_FLOW_NEW = re.compile(r"(?:收到|受理|新收|接收|接到).{0,16}$")


def _flow_role(indicator: str, after: str) -> str | None:
    """The role a count of 件 plays in the applications' flow, from the words before it (and after it, for
    "7件正在办理中"); None when it plays none or more than one."""
    if _FLOW_OUT.search(indicator) or (not indicator.strip() and _FLOW_OUT.match(after.strip())):
        return "carried_out"
    if _FLOW_IN.search(indicator):
        return "carried_in"
    if _FLOW_DONE.search(indicator) and "结转" not in indicator:
        return "answered"
    if _FLOW_NEW.search(indicator) and "结转" not in indicator and ("申请" in indicator or "依申请" in indicator
                                                                   or re.search(r"(?:收到|受理)$", indicator)):
        return "received"
    return None


def _rate_name(indicator: str) -> str | None:
    for name in lex()["rates"]:
        if indicator.endswith(name) or name in indicator[-6:]:
            return name
    return None


def _head_role(indicator: str, num_words: list[str], den_words: list[str]) -> str | None:
    """The role of a figure in a rate, from the right-most role word of its indicator
    (支出预算 is a budget, 预算执行数 an execution)."""
    best, role = -1, None
    for words, r in ((num_words, "num"), (den_words, "den")):
        for w in words:
            i = indicator.rfind(w)
            if i >= 0 and i + len(w) > best:
                best, role = i + len(w), r
    return role


def _same_prefix(a: str, b: str) -> bool:
    """收入总计 and 支出总计 of one account: the words before them agree (政府性基金收入总计 / 政府性基金支出总计)."""
    a, b = normalise_measure(a), normalise_measure(b)
    return a == b or not a or not b


def _nested_levels(parts: list[Claim]) -> bool:
    """Parts that nest rather than add: levels of a hierarchy (一级/二级/三级指标) or thresholds (千万元以上, 亿元以上)."""
    pattern = _pat()["nested"]
    return sum(1 for c in parts if pattern.search(c.indicator)) >= 2


def _noun_after(text: str, end: int) -> str:
    """The thing a count counts when it follows the unit: 8个项目 → 项目 ("" when none)."""
    m = re.match(r"[\u4e00-\u9fff]{2}", text[end:end + 2])
    return m.group(0) if m else ""


_SUBTOTAL = re.compile(r"(?:小计|合计)\s*[:：为是]?\s*$")


def _below_subtotal(parts: list[Claim], text: str) -> list[Claim]:
    """The parts without those listed under a part named as a subtotal (小计/合计 right before its figure): "实有人数
    25人,其中:在职人数小计14人,行政在职人数5人,…事业单位在职人数8人" lists the 14's own make-up after it (/work/holdout3
    752); the list goes on at the next subtotal."""
    out: list[Claim] = []
    under = False
    for c in parts:
        sub = bool(_SUBTOTAL.search(text, max(0, c.start - 6), c.start))
        if sub or not under:
            out.append(c)
        under = under or sub
    return out


_JOINED = re.compile(r"(?:和|及|以及|与|、)")
_NOT_JOINED = re.compile(r"[，,；;。：:（()）]")


def _joined_totals(levels: list[Claim], text: str) -> list[Claim]:
    """The totals before a 其中 coordinated with the last one by 和/及/与/、 within one clause (行政复议案件6件和
    行政诉讼案件3件), in order; one total alone when there is none."""
    out = [levels[-1]]
    for c in reversed(levels[:-1]):
        gap = text[c.end:out[0].start]
        if _NOT_JOINED.search(gap) or not _JOINED.search(gap):
            break
        out.insert(0, c)
    return out


def _parts_by_name(totals: list[Claim], parts: list[Claim], text: str) -> list[tuple[Claim, list[Claim]]]:
    """Each part of a 其中 list after coordinated totals given to the total whose name it shares most (at least
    three characters, strictly more than any other total's); a part with no name of its own (尚未审结1件)
    goes with the part before it. Empty when a part cannot be placed: the parts are not judged."""
    names = [totals[0].indicator] + [text[a.end:b.start] for a, b in itertools.pairwise(totals)]
    groups: list[list[Claim]] = [[] for _ in totals]
    last = -1
    for c in parts:
        shared = [_common_len(c.indicator, n) for n in names]
        best = max(shared)
        if best >= 3 and shared.count(best) == 1:
            last = shared.index(best)
        elif last < 0 or best >= 3:
            return []
        groups[last].append(c)
    return [(t, g) for t, g in zip(totals, groups, strict=True) if g]


def _common_len(a: str, b: str) -> int:
    """Length of the longest run of characters shared by ``a`` and ``b``."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = j - i
    return best


def _head_len(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their starts."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _tail_len(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their ends."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _shared_tail(a: str, b: str, n: int = 3) -> bool:
    return len(a) >= n and len(b) >= n and a[-n:] == b[-n:]


@cache
def _count_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lx = lex()
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    num = r"(?<![\d.])\d{1,3}(?![\d.])|(?<![一二两三四五六七八九十百])[一二两三四五六七八九十]{1,3}"
    units = alt(lx["count_list_units"])
    then_list = re.compile(
        rf"(?P<num>{num})\s*(?P<unit>{units})(?:[（(][^）)]{{0,4}}[）)])?(?P<noun>[^，。：:；;,\d]{{0,15}}?)[，,]?\s*"
        rf"(?:(?P<intro>{alt(lx['count_list_intro'])})\s*(?P<colon>[：:])?|(?P<bare>[：:]))\s*(?P<list>[^。；;]{{1,300}}?)(?=[。；;]|$)")
    list_then = re.compile(
        rf"(?P<verb>{alt(lx['count_list_before'])})\s*(?P<list>[^。；;，,：:]{{1,200}}?)\s*(?:等)?\s*(?P<num>{num})\s*"
        rf"(?P<unit>{units})")
    composed = re.compile(
        rf"由(?P<list>[^。；;：:]{{4,300}}?)等?\s*(?P<num>{num})\s*(?P<unit>个部分|部分|个方面|方面)(?:组成|构成)")
    return then_list, list_then, composed


@cache
def _count_patterns_parts() -> re.Pattern[str]:
    lx = lex()
    alt = lambda ws: "|".join(sorted(map(re.escape, ws), key=len, reverse=True))  # noqa: E731
    num = r"(?<![一二两三四五六七八九十百])[一二两三四五六七八九十]{1,3}|(?<![\d.])\d{1,2}"
    return re.compile(
        rf"(?P<verb>{alt(lx['count_parts_before'])})\s*[：:]?\s*(?P<list>[^。；;：:\d]{{2,200}}?)\s*(?P<etc>等)?\s*共?"
        rf"(?P<num>{num})\s*(?P<unit>个(?:{alt(lx['count_parts_units'])})|{alt(lx['count_parts_units'])})")


def parse_number_int(num: str) -> int | None:
    from reportlint.claims.extract import parse_number

    got = parse_number(num)
    return int(got[0]) if got else None


@cache
def _listed_headings() -> frozenset[str]:
    """The statutory headings whose names hold 、 (names.yaml ``headings``: 政府信息公开行政复议、行政诉讼情况),
    one part of a report's composition even where the excerpt lacks the heading itself."""
    return frozenset(str(h) for h in load_yaml("names.yaml").get("headings") or [] if "、" in str(h))


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


def interval_sum(parts: tuple[Claim, ...] | list[Claim]) -> tuple[Decimal, Decimal]:
    """Lowest and highest sum of the parts' rounding intervals (an open bound stays open)."""
    lows = [p.interval()[0] for p in parts]
    highs = [p.interval()[1] for p in parts]
    lo = -INF if any(x == -INF for x in lows) else sum(lows, Decimal(0))
    hi = INF if any(x == INF for x in highs) else sum(highs, Decimal(0))
    return lo, hi


def list_interval_sum(parts: tuple[Claim, ...] | list[Claim]) -> tuple[Decimal, Decimal]:
    """The interval sum of the parts of one list, read at the list's own precision: a whole amount among
    parts of the same stated unit written with decimals has only dropped its zeros ("其中:30万元用于A;30万元
    用于B;29.99万元用于C", real 603: the 30 are 30.00, not 29.5–30.5), and so has a part with fewer decimals than
    its siblings ("财政拨款收入113.68万元,占59.2%;事业收入78.3万元", h4b 824: 78.30). Parts of another unit, approximate
    parts and lists whose parts are all whole keep their own rounding, and so does every part of a list with an
    approximate member (30余万元, 约30万元: the writer rounds)."""
    if any(not p.exact for p in parts):
        return interval_sum(parts)
    places: dict[Decimal, int] = {}
    for p in parts:
        if p.kind == "amount" and p.exact:
            places[p.scale] = max(places.get(p.scale, 0), p.decimals)
    lo = hi = Decimal(0)
    for p in parts:
        a, b = p.interval()
        d = places.get(p.scale, 0)
        if p.kind == "amount" and p.exact and p.decimals < d and isinstance(p.value, Decimal):
            tol = Decimal(5) * Decimal(10) ** (-d - 1) * p.scale
            a, b = p.value - tol, p.value + tol
        lo, hi = lo + a, hi + b
    return lo, hi
