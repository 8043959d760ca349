"""Changes stated as an amount (较上年增加/减少 Δ, and the rate after it) against the two figures they compare.

Shapes (wild W175, real 427):

- in one sentence: "2022年公务接待预算11.8万元，较2021年决算12.39万元减少0.59万元" — the level, then 较/比 + the
  base period + the base figure, then the verb and Δ (the relation is the sentence's grammar, not adjacency);
- against figures stated elsewhere: "2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少0.58万元，
  减少4.68%" where the report states 公务接待 2022年度 预算 11.8万元 and 2021年度 12.39万元 in other sentences.

A figure elsewhere is taken only when it is identified without doubt: the same item (its words without years,
measure words, totals, quotes and a 经费/费用/费 ending: 公务接待费 = 公务接待), the same period (years stated
in the figure's sentence, else in its headings; 上年/去年/上年同期 is the current figure's year − 1), the same
measure (预算 / 决算 / 执行 / 调整预算) when the change names one, and one value for that item-period (two
different stated values: no judgement). The current figure's year must be stated in the change's sentence. A
change judged against figures elsewhere whose base measure is not named is judged only when another change of
the same paragraph, read the same way, holds on the stated figures (the reading is confirmed by its siblings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportlint.claims.model import Claim
from reportlint.years import YEAR

_BASE = r"(?P<base>上一?年度?(?:同期)?|去年(?:同期)?|(?:19|20)\d{2}年度?(?:同期)?)"
_MEASURE = r"(?P<bm>(?:年初|调整后?)?(?:预算|决算|执行)数?)?"
_VERB = r"(?P<verb>增加|减少|增长|下降|降低|增收|减收|增支|减支)了?"
_DOWN = ("减少", "下降", "降低", "减收", "减支")
# the words before Δ in its clause: [item] 较 base [measure] verb, or [item] 同比 verb
_CHANGE = re.compile(r"^(?P<item>.*?)(?:(?:较|比)" + _BASE + "|同比)" + _MEASURE + r"(?:数|的)?" + _VERB + "$")
# the words before a base figure stated in the sentence: 较 base [measure] [的]
_BASE_LEAD = re.compile(r"^(?:较|比)" + _BASE + r"(?:累计)?(?:收入|支出)?" + _MEASURE + r"的?(?:数|金额|支出|收入)?(?:为)?$")
_RATE_AFTER = re.compile(r"\s*[，,]?\s*(?:增长|下降|减少|增加|降低|增幅|降幅)了?(?:幅度)?(?:为|达)?\s*$")
_COMPARING = re.compile(r"较|比上|比去|同比|环比|相比|增加|减少|增长|下降|降低|增减")
_MEASURE_WORD = re.compile(r"(调整后?)?(?:预算|决算|执行)")


@dataclass(frozen=True)
class Difference:
    """Δ (and the rate after it) against current − base."""

    delta: Claim
    current: Claim
    base: Claim
    decrease: bool
    rate: Claim | None
    distant: bool  # the current or the base figure was found elsewhere in the report
    item: str
    years: tuple[int, int] | None  # (current, base) when read from the text

    def holds_exactly(self) -> bool:
        """Δ equals the difference of the stated figures (as written)."""
        d = (self.base.value - self.current.value) if self.decrease else (self.current.value - self.base.value)
        return d == self.delta.value


def item_of(words: str) -> str:
    """The item a figure is about, for comparing items across sentences: 其中公务接待费 → 公务接待,
    2021年度“三公”经费合计支出 → 三公, 公务用车运行费用 → 公务用车运行."""
    s = re.sub(r"^.*(?:其中|包括|含)[:：]?", "", words)
    s = re.sub(r"(?:19|20)\d{2}年度?|全年|本年度?|当年|上年同期|上一?年度?|同期", "", s)
    s = re.sub(r"[“”\"'‘’《》()（）:：、,，\s]", "", s)
    s = re.sub(r"(?:年初|调整后?)?(?:预算|决算|执行)数?|支出|合计|总计|共计|总额|金额|安排|实际|为|是|达到?|共|计|的", "", s)
    return re.sub(r"(?:经费|费用|费)$", "", s)


def _measure(text: str) -> str | None:
    """预算 / 决算 / 执行 / 调整预算 named in ``text`` (one kind), "" when none, None when several."""
    kinds = {("调整" if m.group(1) else "") + m.group(0)[-2:] for m in _MEASURE_WORD.finditer(text)}
    kinds = {"调整预算" if k.startswith("调整") else k for k in kinds}
    if len(kinds) > 1:
        return None
    return kinds.pop() if kinds else ""


def _years(text: str) -> set[int]:
    """The years written as years (2023年, 2023年度) in ``text``: years.YEAR, so 〔2023〕 numbers are none."""
    return {int(m.group(1)) for m in YEAR.finditer(text) if m.group(2)}


class _Facts:
    """Level figures of the report by (item, year): each with its measure, from sentences that compare nothing."""

    def __init__(self, b, doc, level) -> None:
        self.by_key: dict[tuple[str, int], list[tuple[Claim, str | None]]] = {}
        text = doc.text
        for c in b.claims:
            if c.kind != "amount" or not c.exact or not level(c) or b.reference(c):
                continue
            p = doc.paragraphs[c.paragraph]
            if p.table:
                continue
            lead = text[b.b.sentence_start(c.start, p.start):c.start]
            if _COMPARING.search(lead) or _COMPARING.match(text, c.end, c.end + 2):
                continue
            item = item_of(c.indicator)
            if len(item) < 2:
                continue
            years, measure = _years(lead), _measure(lead)
            node = p.section
            while node is not None and (not years or measure == ""):
                title = text[node.start:node.title_end]
                years = years or _years(title)
                if measure == "":
                    measure = _measure(title)
                node = node.parent
            if len(years) != 1:
                continue
            self.by_key.setdefault((item, years.pop()), []).append((c, measure))

    def one(self, item: str, year: int, measure: str) -> Claim | None:
        """The one value stated for item-year (of ``measure`` when named); None when none or several."""
        got = [c for c, m in self.by_key.get((item, year), []) if not measure or m == measure]
        values = {(c.value, c.unit) for c in got}
        return got[0] if len(values) == 1 else None


def differences(b) -> list[Difference]:
    """The changes of the report judged against their two figures (``b``: the relations builder)."""
    doc, text = b.doc, b.text
    facts: _Facts | None = None
    out: list[Difference] = []
    confirmed: set[int] = set()  # paragraphs with a distant change that holds on the stated figures
    pending: list[tuple[Difference, bool]] = []
    for d in b.claims:
        if d.kind != "amount" or not d.exact or id(d) not in b.increment_ids:
            continue
        p = doc.paragraphs[d.paragraph]
        s0 = b.b.sentence_start(d.start, p.start)
        before = [c for c in b.index[d.paragraph].between(s0, d.start) if c.kind == "amount"]
        rate = _rate_after(b, d)
        # …110374万元减少10479万元 / …110374万元下降9.5%，减收10479万元 (the rate between is the change's own)
        m = re.fullmatch(r"\s*(?:(?:增长|下降|增加|减少|降低)了?\d+(?:\.\d+)?\s*[%％]\s*[，,]\s*)?" + _VERB + r"\s*",
                         text[before[-1].end:d.start]) if before else None
        if m and _BASE_LEAD.match(before[-1].indicator):
            base = before[-1]  # …，较2021年决算12.39万元减少0.59万元
            cur = before[-2] if len(before) > 1 else None
            if cur is None or not b.level(cur) or not re.fullmatch(r"\s*[，,]\s*", text[cur.end:base.start - len(base.indicator)]):
                continue
            if cur.exact and base.exact and cur.unit == base.unit == d.unit:
                out.append(Difference(d, cur, base, m.group("verb") in _DOWN, rate, False,
                                      item_of(cur.indicator), None))
            continue
        m = _CHANGE.match(d.indicator)
        if m is None:
            continue
        first_cmp = re.search(r"较|比", text[s0:d.start])
        cur_span = text[s0:s0 + first_cmp.start()] if first_cmp else ""
        # from the sentence's first 较 up to this change's base: 较2021年度增加1.68万元，其中公务接待较
        compared = text[s0 + len(cur_span):d.start - len(d.indicator) + m.end("item")]
        cur: Claim | None = None
        if not m.group("item") and before and b.level(before[-1]) and before[-1].exact \
                and re.fullmatch(r"\s*[，,]\s*", text[before[-1].end:d.start - len(d.indicator)]):
            cur = before[-1]  # 2022年公务接待预算11.8万元，较上年减少0.58万元: the level is the sentence's
            item, cur_span = item_of(cur.indicator), text[s0:cur.start]
        else:
            item = item_of(m.group("item"))
        if len(item) < 2:
            continue
        years = _years(m.group("item")) or _years(cur_span)
        if len(years) != 1:
            continue
        year = years.pop()
        cur_measure = _measure(m.group("item")) or _measure(cur_span)
        base_word = m.group("base") or ""  # 同比: the year before
        by = _years(base_word)
        base_year = by.pop() if by else year - 1
        if not by:  # 上年 after a sentence head that names the base year (较2021年度): the same year
            head_years = _years("".join(x.group("base") for x in re.finditer("(?:较|比)" + _BASE, compared)))
            if head_years and head_years != {base_year}:
                continue
        base_measure = _measure(m.group("bm") or "") or _measure(
            "".join(x.group("bm") or "" for x in re.finditer("(?:较|比)" + _BASE + _MEASURE, compared)))
        if cur_measure is None or base_measure is None or base_year >= year:
            continue
        if facts is None:
            facts = _Facts(b, doc, b.level)
        cur = cur or facts.one(item, year, cur_measure)
        base = facts.one(item, base_year, base_measure)
        if cur is None or base is None or not (cur.unit == base.unit == d.unit):
            continue
        diff = Difference(d, cur, base, m.group("verb") in _DOWN, rate, True, item, (year, base_year))
        named = bool(cur_measure and base_measure)
        if diff.holds_exactly():
            confirmed.add(d.paragraph)
        pending.append((diff, named))
    out.extend(diff for diff, named in pending if named or diff.delta.paragraph in confirmed)
    return out


def _rate_after(b, d: Claim) -> Claim | None:
    """The rate stated right after Δ: 减少0.58万元，减少4.68%."""
    after = [c for c in b.index[d.paragraph].starting(d.end, d.end + 16) if c.kind == "percent"]
    if after and _RATE_AFTER.fullmatch(b.text[d.end:after[0].start]):
        return after[0]
    return None


def sibling_exact(diffs: list[Difference], diff: Difference) -> bool:
    """Every other change of the paragraph holds on the stated figures (and there is one): the writer computed
    on the figures as stated, so a Δ one unit off in its last place is a slip, not rounding."""
    sib = [x for x in diffs if x is not diff and x.delta.paragraph == diff.delta.paragraph]
    return bool(sib) and all(x.holds_exactly() for x in sib)


def rounding_places(c: Claim, other: Claim) -> Decimal:
    """Half a unit of the last place of ``c``, read at the places of ``other`` when it states more (11.8 beside
    12.39 万元 is 11.80)."""
    places = max(c.decimals, other.decimals) if c.scale == other.scale else c.decimals
    return Decimal(5) * Decimal(10) ** (-places - 1) * c.scale
