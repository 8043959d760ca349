"""Number rules: totals and their parts, counted lists, rates, scores and grades, conflicting values.

Every check works on rounding intervals: a figure stated with d decimals stands for ± half a unit
in its last place (121.2万元 is 1211500–1212500元), and a check fails only when the intervals cannot
meet. Approximate figures (约, 超过, 近, 不到, 余, 多) never produce an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from reportlint.claims.extract import parse_number
from reportlint.claims.model import Claim, fmt
from reportlint.findings import Finding, Severity
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule

_SUMMABLE = ("amount", "count")


@cache
def _lex() -> dict:
    return load_yaml("claims.yaml")


def _same_family(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and (a.kind == "amount" or a.unit == b.unit)


def _show(c: Claim, value: Decimal | None = None) -> str:
    v = c.value if value is None else value
    if c.kind == "amount":
        stated = c.extra.get("stated_unit", "元")
        scale = c.scale
        return f"{fmt(v / scale, 6)}{stated}"
    return f"{fmt(v, 4)}{c.unit}"


def _sentence_end(text: str, pos: int, limit: int) -> int:
    m = re.compile(r"[。！？]").search(text, pos, limit)
    return m.start() if m else limit


def _clause_group_end(text: str, pos: int, limit: int) -> int:
    """The end of a list of parts: the sentence end or a semicolon."""
    m = re.compile(r"[。！？；;]").search(text, pos, limit)
    return m.start() if m else limit


def _sentence_start(text: str, pos: int, floor: int) -> int:
    i = max(text.rfind(ch, floor, pos) for ch in "。！？")
    return floor if i < 0 else i + 1


def _interval_sum(parts: list[Claim]) -> tuple[Decimal, Decimal]:
    total = sum((p.value for p in parts), Decimal(0))
    tol = sum((p.tolerance for p in parts), Decimal(0))
    return total - tol, total + tol


def _closed(parts: list[Claim]) -> bool:
    sets = _lex()["closed_sets"].values()
    return any(all(any(member in p.indicator for member in members) for p in parts) for members in sets)


# ---------------------------------------------------------------- sum-mismatch


@rule("sum-mismatch", "N401", "error", "numbers",
      "总数与所列分项之和不符（分项之和超过总数必错；少于总数仅在列举完整时报告）",
      fires="2024年财政拨款收入1500.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。\n",
      silent="2024年财政拨款收入1550.00万元，其中一般公共预算1200.00万元、政府性基金预算350.00万元。"
             "核定编制82人，其中行政编制25人。\n")
def sum_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    by_para: dict[int, list[Claim]] = {}
    for c in ctx.doc.claims:
        if c.kind in _SUMMABLE:
            by_para.setdefault(c.paragraph, []).append(c)
    for p in ctx.doc.paragraphs:
        claims = by_para.get(p.index, [])
        if len(claims) < 2:
            continue
        for m in re.finditer(r"其中|分别为|分别是|合计|总计|共计", text[p.start:p.end]):
            k = p.start + m.start()
            word = m.group(0)
            if word == "其中" or word.startswith("分别"):
                before = [c for c in claims if c.end <= k and c.start >= _sentence_start(text, k, p.start) - 1]
                if not before:
                    prev_start = _sentence_start(text, _sentence_start(text, k, p.start) - 1, p.start)
                    before = [c for c in claims if prev_start <= c.start and c.end <= k]
                if not before:
                    continue
                total = before[-1]
                end = _clause_group_end(text, k, p.end)
                nxt = re.compile(r"其中|合计|总计|共计").search(text, k + len(word), end)
                end = nxt.start() if nxt else end
                parts = [c for c in claims if k < c.start < end and _same_family(c, total)]
                closed = word.startswith("分别") or _closed(parts)
            else:  # parts …，合计 N
                after = [c for c in claims if c.start >= k + len(word) and c.start - (k + len(word)) <= 4]
                if not after:
                    continue
                total = after[0]
                start = _sentence_start(text, k, p.start)
                parts = [c for c in claims if start <= c.start and c.end <= k and _same_family(c, total)]
                closed = True
            if not parts or not all(c.exact for c in [total, *parts]):
                continue
            if len(parts) == 1 and parts[0].value <= total.value:
                continue  # one part of a total: nothing to add up
            yield from _judge_sum(ctx, total, parts, closed, word)


def _judge_sum(ctx: RuleContext, total: Claim, parts: list[Claim], closed: bool, word: str) -> Iterator[Finding]:
    lo, hi = _interval_sum(parts)
    t_lo, t_hi = total.interval()
    s = sum((p.value for p in parts), Decimal(0))
    listed = " + ".join(_show(p) for p in parts)
    diff = s - total.value
    if lo > t_hi:
        yield ctx.report(total.start, parts[-1].end,
                         f"分项之和超过总数：{listed} = {_show(total, s)}，比总数{_show(total)}多{_show(total, diff)}")
    elif hi < t_lo:
        msg = f"分项之和小于总数：{listed} = {_show(total, s)}，比总数{_show(total)}少{_show(total, -diff)}"
        if closed:
            yield ctx.report(total.start, parts[-1].end, msg)
        else:
            yield ctx.report(total.start, parts[-1].end, msg + "（“其中”可能只列举了部分，如是请忽略）",
                             severity=Severity.INFO)


# ---------------------------------------------------------------- count-mismatch

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


# ---------------------------------------------------------------- rate-mismatch


def _rate_name(indicator: str) -> str | None:
    for name in _lex()["rates"]:
        if indicator.endswith(name) or name in indicator[-6:]:
            return name
    return None


def _role(indicator: str, words: list[str]) -> bool:
    return any(w in indicator for w in words)


@rule("rate-mismatch", "N403", "error", "numbers",
      "所述比率与其分子分母不符（执行率 = 决算/预算、完成率、占比），或同一量的两个比率推出不同基数",
      fires="全年预算100万元，决算90万元，预算执行率95%。\n",
      silent="全年预算100万元，决算95万元，预算执行率95%。参保总缴费人数225317人，完成率100.59%；"
             "已缴费人数184305人，参保缴费完成率为82.28%。\n")
def rate_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    claims = ctx.doc.claims
    text = ctx.text
    rates = _lex()["rates"]
    numerators: list[tuple[Claim, Claim, str]] = []  # (count/amount, rate, rate name) for implied bases
    for i, r in enumerate(claims):
        if r.kind != "percent" or not r.exact:
            continue
        name = _rate_name(r.indicator)
        s0 = _sentence_start(text, r.start, ctx.doc.paragraphs[r.paragraph].start)
        before = [c for c in claims[:i] if c.kind in _SUMMABLE and c.start >= s0 and c.paragraph == r.paragraph]
        # A 占 B 的 R%
        occ = re.search(r"占", text[s0:r.start])
        if occ and len(before) >= 2 and before[-2].end <= s0 + occ.start() < before[-1].start:
            yield from _judge_rate(ctx, r, before[-2], before[-1], "占比")
            continue
        if name is None:
            continue
        num_words, den_words = rates[name]
        nums = [c for c in before if _role(c.indicator, num_words) and not _role(c.indicator, den_words)]
        dens = [c for c in before if _role(c.indicator, den_words) and not _role(c.indicator, num_words)]
        if len(nums) == 1 and len(dens) == 1 and _same_family(nums[0], dens[0]) and nums[0] is not dens[0]:
            yield from _judge_rate(ctx, r, nums[0], dens[0], name)
        elif before and not dens and re.fullmatch(r"[，,]?[^，,。；;]*", text[before[-1].end:r.start]):
            numerators.append((before[-1], r, name))  # "已缴费人数184305人，完成率82.28%"
    yield from _implied_bases(ctx, numerators)


def _judge_rate(ctx: RuleContext, r: Claim, num: Claim, den: Claim, name: str) -> Iterator[Finding]:
    if not (num.exact and den.exact) or den.value == 0:
        return
    n_lo, n_hi = num.interval()
    d_lo, d_hi = den.interval()
    if d_lo <= 0:
        return
    lo, hi = n_lo / d_hi * 100, n_hi / d_lo * 100
    r_lo, r_hi = r.interval()
    if hi < r_lo or lo > r_hi:
        actual = num.value / den.value * 100
        yield ctx.report(r.start, r.end,
                         f"{name}与所列数字不符：{_show(num)} ÷ {_show(den)} = {fmt(actual, max(2, r.decimals))}%，"
                         f"报告写的是{fmt(r.value, r.decimals)}%，相差{fmt(abs(actual - r.value), 2)}个百分点",
                         suggestion=f"{round(actual, r.decimals)}%")


def _implied_bases(ctx: RuleContext, pairs: list[tuple[Claim, Claim, str]]) -> Iterator[Finding]:
    """Two rates of one quantity (缴费人数 at 完成率) must imply the same base."""
    for j, (n2, r2, name2) in enumerate(pairs):
        for n1, r1, name1 in pairs[:j]:
            if name1 != name2 or n1.paragraph != n2.paragraph or not _same_family(n1, n2):
                continue
            if not _shared_tail(n1.indicator, n2.indicator):
                continue
            if r1.value == 0 or r2.value == 0:
                continue
            b1 = (n1.interval()[0] / r1.interval()[1] * 100, n1.interval()[1] / r1.interval()[0] * 100)
            b2 = (n2.interval()[0] / r2.interval()[1] * 100, n2.interval()[1] / r2.interval()[0] * 100)
            if b1[1] < b2[0] or b2[1] < b1[0]:
                v1, v2 = n1.value / r1.value * 100, n2.value / r2.value * 100
                yield ctx.report(r2.start, r2.end,
                                 f"两个{name2}推出的基数不一致：{_show(n1)}÷{fmt(r1.value, 2)}% ≈ {fmt(v1, 0)}，"
                                 f"{_show(n2)}÷{fmt(r2.value, 2)}% ≈ {fmt(v2, 0)}", severity=Severity.WARNING)


def _shared_tail(a: str, b: str, n: int = 3) -> bool:
    return len(a) >= n and len(b) >= n and a[-n:] == b[-n:]


# ---------------------------------------------------------------- scores and grades

_TOTAL_SCORE = re.compile(r"自评|总分|总得分|综合得分|综合评分|得分合计|合计|评价得分|分数|得分|评分")
_SUB_SCORE = re.compile(r"产出|效益|满意度|预算执行|投入|过程|决策|管理|预算编制|履职|效果|一级指标|二级指标")


def grade_bands(ctx: RuleContext) -> list[tuple[Decimal, str]]:
    bands = ctx.config.grade_bands or load_yaml("grade_bands.yaml")["bands"]
    out = [(Decimal(str(b["min"])), str(b["grade"])) for b in bands]
    synonyms = {w: g for g, ws in load_yaml("grade_bands.yaml")["synonyms"].items() for w in ws}
    return sorted(((m, synonyms.get(g, g)) for m, g in out), reverse=True)


def band_of(score: Decimal, bands: list[tuple[Decimal, str]]) -> tuple[str, Decimal, Decimal | None]:
    upper = None
    for lo, grade in bands:
        if score >= lo:
            return grade, lo, upper
        upper = lo
    return bands[-1][1], bands[-1][0], upper


def _is_total_score(c: Claim) -> bool:
    return c.kind == "score" and c.extra.get("role") == "score" and bool(_TOTAL_SCORE.search(c.indicator)) \
        and not _SUB_SCORE.search(c.indicator)


@rule("score-grade", "N404", "error", "numbers",
      "自评分数与等级不符（90分及以上为优，80–90为良，60–80为中，60以下为差；分档见 lexicons/grade_bands.yaml）",
      fires="自评分数90分，等级为良好。\n",
      silent="自评得分90分，等级为优。综合得分85.5分，评价等级为“良”。\n")
def score_grade(ctx: RuleContext) -> Iterator[Finding]:
    claims = ctx.doc.claims
    bands = grade_bands(ctx)
    text = ctx.text
    for g in claims:
        if g.kind != "grade":
            continue
        p_start = ctx.doc.paragraphs[g.paragraph].start
        s0 = _sentence_start(text, g.start, p_start)
        s1 = _sentence_end(text, g.end, ctx.doc.paragraphs[g.paragraph].end)
        scores = [c for c in claims if c.paragraph == g.paragraph and s0 <= c.start < s1 and _is_total_score(c)]
        if not scores:
            continue
        sc = min(scores, key=lambda c: abs(c.start - g.start))
        if not sc.exact:
            continue
        expect, lo, hi = band_of(sc.value, bands)
        if expect != g.value:
            rng = f"{fmt(lo)}分及以上" if hi is None else f"{fmt(lo)}分（含）至{fmt(hi)}分"
            s, e = min(sc.start, g.start), max(sc.end, g.end)
            yield ctx.report(s, e, f"分数与等级不符：{fmt(sc.value, 2)}分应为“{expect}”（{rng}），报告写的是“{g.extra['word']}”",
                             suggestion=expect)


@rule("score-subtotal", "N405", "error", "numbers",
      "分项得分之和与总分不符，分项得分超过其分值，或总分超过满分",
      fires="产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分93分。\n",
      silent="产出指标得分45分、效益指标得分28分、满意度得分9分、预算执行率得分9分，总分91分。"
             "预算执行率（10分）得9.5分。\n")
def score_subtotal(ctx: RuleContext) -> Iterator[Finding]:
    claims = ctx.doc.claims
    text = ctx.text
    full = Decimal(str(load_yaml("grade_bands.yaml").get("full_marks", 100)))
    stated_full = [c.value for c in claims if c.kind == "score" and c.extra.get("role") == "full"]
    if stated_full:
        full = max(full, *stated_full)
    scores_by_para: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind == "score":
            scores_by_para.setdefault(c.paragraph, []).append(c)
    for p in ctx.doc.paragraphs:
        ps = scores_by_para.get(p.index, [])
        # sub-scores and their total
        totals = [c for c in ps if c.extra.get("role") == "score" and re.search(r"总分|总得分|得分合计|合计|综合得分", c.indicator)]
        subs = [c for c in ps if c.extra.get("role") == "score" and _SUB_SCORE.search(c.indicator) and c not in totals]
        for t in totals:
            parts = [c for c in subs if _sentence_start(text, c.start, p.start) == _sentence_start(text, t.start, p.start)]
            if len(parts) >= 2 and all(c.exact for c in [t, *parts]):
                lo, hi = _interval_sum(parts)
                t_lo, t_hi = t.interval()
                if hi < t_lo or lo > t_hi:
                    s = sum((c.value for c in parts), Decimal(0))
                    yield ctx.report(parts[0].start, t.end,
                                     f"分项得分之和与总分不符：{' + '.join(fmt(c.value, 2) for c in parts)} = {fmt(s, 2)}分，"
                                     f"总分写的是{fmt(t.value, 2)}分", suggestion=f"{fmt(s, 2)}分")
        # a score above its weight: 预算执行率（10分）得12分
        for w in ps:
            if w.extra.get("role") not in ("weight", "full"):
                continue
            after = [c for c in ps if c.start > w.end and c.start - w.end <= 8 and c.extra.get("role") == "score"]
            if after and after[0].exact and after[0].value > w.value + after[0].tolerance:
                yield ctx.report(w.start, after[0].end,
                                 f"得分超过分值：分值{fmt(w.value, 2)}分，得分{fmt(after[0].value, 2)}分")
        for c in ps:
            if _is_total_score(c) and c.exact and c.value > full:
                yield ctx.report(c.start, c.end, f"总分{fmt(c.value, 2)}分超过满分{fmt(full)}分")


# ---------------------------------------------------------------- value-conflict

_IND_NOISE = re.compile(r"^(?:(?:19|20)\d{2}年度?|全年|本年|本年度|年度|累计|共计|共|合计|总计|全区|全县|全市|我区|我县|我市|本单位|本局|我局)+")


def _norm_indicator(ind: str) -> str:
    return _IND_NOISE.sub("", re.sub(r"[“”\"\s]", "", ind))


@rule("value-conflict", "N406", "error", "numbers",
      "同一指标在报告中两次出现而数值不同",
      fires="全区参保总缴费人数225317人。\n（二）医保\n全区参保总缴费人数225371人。\n",
      silent="参保总缴费人数225317人。\n（二）医保\n参保总缴费人数225317人，退回医保基金13344.51元。\n")
def value_conflict(ctx: RuleContext) -> Iterator[Finding]:
    from reportlint.rules.timing import in_future_section

    groups: dict[tuple, list[Claim]] = {}
    dated_sentences = {(c.paragraph, _sentence_start(ctx.text, c.start, ctx.doc.paragraphs[c.paragraph].start))
                       for c in ctx.doc.claims if c.kind in ("date", "period")}
    for c in ctx.doc.claims:
        if c.kind not in ("amount", "count", "percent", "permille") or not c.exact:
            continue
        ind = _norm_indicator(c.indicator)
        if len(ind) < 4 or re.search(r"增加|减少|增长|下降|新增|其中|比上年|较上年|同比", c.indicator):
            continue
        p = ctx.doc.paragraphs[c.paragraph]
        if in_future_section(ctx.doc, p):
            continue
        if (c.paragraph, _sentence_start(ctx.text, c.start, p.start)) in dated_sentences:
            continue  # a figure "as of" a date may change with the date
        groups.setdefault((ind, c.kind, c.unit), []).append(c)
    for (ind, _, _), cs in groups.items():
        for j in range(1, len(cs)):
            a, b = cs[0], cs[j]
            a_lo, a_hi = a.interval()
            b_lo, b_hi = b.interval()
            if b_hi < a_lo or b_lo > a_hi:
                yield ctx.report(b.start, b.end,
                                 f"同一指标数值不一致：“{ind}”此处为{_show(b)}，{ctx.doc.place(a.start)}为{_show(a)}")
