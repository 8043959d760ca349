"""Extract claims from a Document.

Order matters: dates, periods, rankings, grades and scores are taken first, then amounts, counts,
percentages and per-mille rates from the numbers that are left. Arabic numbers are parsed here
(3.5万, 1,234.5); Chinese numerals (十二, 三百万, 两千零二十四) go through cn2an.
"""

from __future__ import annotations

import calendar
import re
from decimal import Decimal, InvalidOperation
from functools import cache

from reportlint.claims.model import Claim
from reportlint.document.markers import cn_to_int
from reportlint.document.model import Document, Paragraph
from reportlint.lexicon import load_yaml
from reportlint.textutil import CN_NUMERALS

CN_DIGITS = CN_NUMERALS
# An Arabic number (ASCII or full-width digits; thousands separated by , or ，) that does not start
# inside another number. Possessive quantifiers keep a run of digits linear: no backtracking into it.
_ARABIC = r"(?<![\d.．])(?:\d{1,3}(?:[,，]\d{3})++(?!\d)|\d++)(?:[.．]\d++)?"
_CN = rf"(?<![{CN_DIGITS}])[{CN_DIGITS}]++"
# full-width digits, point and comma -> ASCII, for parsing
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_CLAUSE_BREAK = "，。；：、！？\n,;:"


@cache
def _lex() -> dict:
    return load_yaml("claims.yaml")


@cache
def _grade_synonyms() -> dict[str, str]:
    out = {}
    for grade, words in load_yaml("grade_bands.yaml")["synonyms"].items():
        for w in words:
            out[w] = grade
    return out


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {k: _anchored(k, pat) for k, pat in raw_patterns().items()}


@cache
def raw_patterns() -> dict[str, re.Pattern[str]]:
    """The claim patterns as written (``_patterns`` gives each a lookahead on the characters it can start with)."""
    lex = _lex()
    money = sorted(lex["money_units"], key=len, reverse=True)
    counts = sorted(lex["count_units"], key=len, reverse=True)
    scales = sorted(lex["scale_words"], key=len, reverse=True)
    unit = "|".join(map(re.escape, money + counts))
    grades = "|".join(sorted(map(re.escape, _grade_synonyms()), key=len, reverse=True))
    return {
        "date": re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
                           r"|(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
                           r"|((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月)?\s*(底|末)"
                           r"|(?<![\d年])(\d{1,2})\s*月\s*(底|末)"),
        "period": re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*[—–\-~～至到]\s*(\d{1,2})\s*月(?:份)?"
                             r"|(?:((?:19|20)\d{2})\s*年\s*)?(上半年|下半年|第[一二三四]季度)"),
        "ranking": re.compile(r"(全国|全省|全市|全区|全县|全州|省内|市内|区内|县内)?\s*(?:综合)?(?:排名|排位|名列|位居|位列|稳居|跻身|排|居|列)?"
                              r"\s*(全国|全省|全市|全区|全县|全州)?\s*(?:第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:名|位)?"
                              r"|前\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:名|位)?(?![\u4e00-\u9fff]{0,1}季度)|前列)"),
        "grade": re.compile(r"(?:等级|评级|等次|档次|评价结果|评定结果|考核结果)\s*(?:为|是|评为|[:：])?\s*[“\"]?"
                            rf"({grades})[”\"]?(?![”\"]?[\u4e00-\u9fff]{{0,1}}[的地得])"
                            rf"|评(?:定|价)?为\s*[“\"]?({grades})[”\"]?(?=[，。；、\s]|等|$)"),
        "score": re.compile(rf"({_ARABIC})\s*分(?![别之析配类布工管级期批散担解享成支红摊局队组钟数值项])"),
        "quantity": re.compile(rf"({_ARABIC}|{_CN})\s*(?:余|多)?\s*({'|'.join(scales)})?\s*({unit})"),
        "percent": re.compile(rf"({_ARABIC})\s*[%％]|百分之\s*({_ARABIC}|{_CN})"),
        "permille": re.compile(rf"({_ARABIC})\s*‰"),
        "bare_after_per_thousand": re.compile(rf"每千[\u4e00-\u9fff（）()]*?(?:数|率)\s*(?:为|是|达|达到)?\s*({_ARABIC})(?![\d%％‰.])"),
    }


# The characters a match of each pattern can start with. A pattern that opens with optional groups or an
# alternation gives the regex engine no first character to skip to, so it tries every position of the
# text; a lookahead on this class rejects most positions at once (the matches are the same: tested on
# every corpus text, tests/test_claims.py).
_STARTS = {"date": r"\d", "period": r"\d上下第", "ranking": r"\s全省市区县综排名位稳跻居列第前", "grade": "等评档考",
           "score": r"\d", "quantity": rf"\d{CN_DIGITS}", "percent": r"\d百", "permille": r"\d"}


def _anchored(kind: str, pat: re.Pattern[str]) -> re.Pattern[str]:
    start = _STARTS.get(kind)
    return re.compile(f"(?=[{start}])(?:{pat.pattern})") if start else pat


def parse_number(s: str) -> tuple[Decimal, int] | None:
    """Value and stated decimals of an Arabic or Chinese numeral string."""
    s = s.translate(_FULLWIDTH).replace(",", "").strip()
    if not s:
        return None
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", s):
        decimals = len(s.split(".")[1]) if "." in s else 0
        return Decimal(s), decimals
    if re.fullmatch(r"[一二两三四五六七八九]?十?[一二两三四五六七八九]?", s) and s:
        return Decimal(cn_to_int(s.replace("两", "二"))), 0  # 三, 十二, 九十九: the heading-marker parser
    if len(s) <= 7 and not s.strip("百千万亿"):
        return None  # units without a digit (万, 千万, 亿万): what cn2an refuses (checked for every such string up to 7)
    import cn2an  # numerals with 百/千/万/亿 or 零 (an eighth of a second to import, so only when needed)

    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError, InvalidOperation):
        return None
    return Decimal(str(value)), 0


def _cn_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    got = parse_number(s)
    return int(got[0]) if got else None


class _Spans:
    """Doc-text spans already claimed, so a number is read only once (a mask: cost is the span's length)."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.mask = bytearray(end - start + 1)

    def free(self, s: int, e: int) -> bool:
        return not any(self.mask[s - self.start:e - self.start])

    def take(self, s: int, e: int) -> None:
        self.mask[s - self.start:e - self.start] = b"\x01" * (e - s)


def extract_claims(doc: Document) -> list[Claim]:
    claims: list[Claim] = []
    year = doc.context.evaluation_year if doc.context else None
    for p in doc.paragraphs:
        claims.extend(_paragraph_claims(doc, p, year))
    return claims


def _section(p: Paragraph) -> str:
    parts = []
    node = p.section
    while node is not None:
        parts.append(node.label)
        node = node.parent
    return "/".join(reversed(parts))


_NEEDS = {"date": "月年", "period": "月年季", "ranking": "第前", "grade": "级次果评", "score": "分",
          "percent": "%％百", "permille": "‰", "bare_after_per_thousand": "千"}


_NEEDS_SETS = {k: frozenset(chars) for k, chars in _NEEDS.items()}
_ANY_NUMBER = re.compile(f"[0-9０-９{CN_DIGITS}]")


def _runs(ptext: str) -> set[str]:
    """The patterns worth running on a paragraph: those whose anchor characters it contains."""
    chars = set(ptext)
    return {k for k, need in _NEEDS_SETS.items() if not chars.isdisjoint(need)}


def _paragraph_claims(doc: Document, p: Paragraph, year: int | None) -> list[Claim]:
    text = doc.text
    pat = _patterns()
    spans = _Spans(p.start, p.end)
    ptext = text[p.start:p.end]
    if not _ANY_NUMBER.search(ptext):
        return []
    runs = _runs(ptext)
    out: list[Claim] = []
    section = ""  # filled in below, once, if the paragraph has claims
    skip_until = p.heading.end if p.heading is not None else p.start

    def add(kind, s, e, value, unit, decimals=0, scale=Decimal(1), comparator=None, extra=None, num_start=None,
            indicator=None):
        comp = comparator or _comparator(text, num_start if num_start is not None else s, e, p)
        ind = indicator if indicator is not None else _indicator(text, num_start if num_start is not None else s, p)
        if not ind and kind == "ranking":
            ind = _previous_clause_subject(text, s, p)
        out.append(Claim(kind=kind, raw=text[s:e], value=value, unit=unit, comparator=comp, indicator=ind,
                         scope=_scope(text, s, p, ind), section=section, start=s, end=e, paragraph=p.index,
                         decimals=decimals, scale=scale, extra=extra or {}))
        spans.take(s, e)

    def quoted(s: int) -> bool:  # inside a short quotation (“四个全面”): bounded look-around
        o = text.rfind("“", max(p.start, s - _QUOTE_REACH), s)
        return o >= 0 and text.find("”", o, min(p.end, s + _QUOTE_REACH)) > s

    # dates
    for m in (pat["date"].finditer(text, p.start, p.end) if "date" in runs else ()):
        s, e = m.start(), m.end()
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            inferred = False
        elif m.group(4):
            y, mo, d, inferred = year, int(m.group(4)), int(m.group(5)), True
        elif m.group(6):
            y = int(m.group(6))
            mo = int(m.group(7)) if m.group(7) else 12
            d, inferred = None, False
        else:
            y, mo, d, inferred = year, int(m.group(9)), None, True
        if d is None and 1 <= mo <= 12 and y:
            d = calendar.monthrange(y, mo)[1]
        valid = 1 <= mo <= 12 and d is not None and 1 <= d <= (calendar.monthrange(y or 2000, mo)[1] if 1 <= mo <= 12 else 31)
        iso = f"{y or '????'}-{mo:02d}-{d:02d}" if d is not None else None
        add("date", s, e, iso if valid else None, "日期", comparator="=",
            extra={"year_inferred": inferred, "valid": valid, "month": mo, "day": d, "year": y})
    # periods
    for m in (pat["period"].finditer(text, p.start, p.end) if "period" in runs else ()):
        if not spans.free(m.start(), m.end()):
            continue
        y = m.group(1) or m.group(4)
        label = f"{m.group(2)}—{m.group(3)}月" if m.group(2) else m.group(5)
        add("period", m.start(), m.end(), f"{y + '年' if y else ''}{label}", "期间", comparator="=")
    # rankings
    for m in (pat["ranking"].finditer(text, p.start, p.end) if "ranking" in runs else ()):
        s, e = m.start(), m.end()
        if not spans.free(s, e) or s < skip_until:
            continue
        scope = m.group(1) or m.group(2)
        rank, bound = m.group(3), m.group(4)
        if rank is None and bound is None:  # 前列
            if not scope:
                continue
            add("ranking", s, e, None, "名", comparator="top", extra={"scope": scope})
        else:
            has_rank_word = re.search(r"排名|排位|位居|位列|居|列|名|位|前", text[s:e])
            if not scope and not has_rank_word:
                continue
            if not scope and rank and not re.search(r"名|位|排", text[s:e]):
                continue  # 第三 alone (第三方, 第三季度) is not a ranking
            value = _cn_value(rank or bound)
            if value is None:
                continue
            add("ranking", s, e, Decimal(value), "名", comparator="=" if rank else "<=", extra={"scope": scope})
    # grades
    for m in (pat["grade"].finditer(text, p.start, p.end) if "grade" in runs else ()):
        word = m.group(1) or m.group(2)
        g = m.start(1) if m.group(1) else m.start(2)
        if not spans.free(g, g + len(word)):
            continue
        frame = re.sub(r"[为是:：“\"\s]|评定|评价(?!结果)", "", text[m.start():g]) or "等级"
        add("grade", g, g + len(word), _grade_synonyms()[word], "等级", comparator="=", extra={"word": word},
            indicator=frame)
    # scores (a weight in brackets, （10分）, is a score with role weight)
    for m in (pat["score"].finditer(text, p.start, p.end) if "score" in runs else ()):
        s, e = m.start(), m.end()
        if not spans.free(s, e) or _glued(text, s, p):
            continue
        got = parse_number(m.group(1))
        if got is None:
            continue
        role = "weight" if text[s - 1:s] in "（(" and text[e:e + 1] in "）)" else "score"
        if re.search(r"满分\s*$", text[max(p.start, s - 4):s]):
            role = "full"
        add("score", s, e, got[0], "分", decimals=got[1], extra={"role": role})
    # percentages and per-mille
    for m in (pat["percent"].finditer(text, p.start, p.end) if "percent" in runs else ()):
        s, e = m.start(), m.end()
        if not spans.free(s, e) or _glued(text, s, p):
            continue
        got = parse_number(m.group(1) or m.group(2))
        if got:
            add("percent", s, e, got[0], "%", decimals=got[1])
    for m in (pat["permille"].finditer(text, p.start, p.end) if "permille" in runs else ()):
        if spans.free(m.start(), m.end()) and (got := parse_number(m.group(1))):
            add("permille", m.start(), m.end(), got[0], "‰", decimals=got[1])
    for m in (pat["bare_after_per_thousand"].finditer(text, p.start, p.end) if "bare_after_per_thousand" in runs else ()):
        s, e = m.start(1), m.end(1)
        if spans.free(s, e) and (got := parse_number(m.group(1))):
            add("permille", s, e, got[0], "每千人口", decimals=got[1])
    # amounts and counts
    lex = _lex()
    for m in pat["quantity"].finditer(text, p.start, p.end):
        s, e = m.start(), m.end()
        num, scale_word, unit = m.group(1), m.group(2), m.group(3)
        if not spans.free(s, e) or _glued(text, s, p):
            continue
        if num[0] in CN_DIGITS:
            if quoted(s) or (num in ("一", "两") and unit in ("个", "项", "次", "位", "支", "批", "件")):
                continue  # “四个全面”, 一个台阶: fixed phrases and articles, not figures
            if len(num) > 1 and not re.search("[十百千万亿]", num):
                continue  # 八一 (a festival), 一二 (a list): digit strings are not quantities
            if len(num) == 1 and text[s - 1:s] and re.match(r"[\u4e00-\u9fff]", text[s - 1]) and not re.search(
                    r"[共有设达计为是了近约超]$", text[s - 1]):
                continue  # 统一个, 唯一家: a numeral glued into a word
        got = parse_number(num)
        if got is None:
            continue
        value, decimals = got
        scale = Decimal(lex["scale_words"][scale_word]) if scale_word else Decimal(1)
        if unit in lex["money_units"]:
            scale *= Decimal(lex["money_units"][unit])
            add("amount", s, e, value * scale, "元", decimals=decimals, scale=scale,
                extra={"stated_unit": (scale_word or "") + unit})
        else:
            kind = "permille" if re.search(r"每千", _indicator(text, s, p)) else "count"
            add(kind, s, e, value * scale, unit, decimals=decimals, scale=scale)
    if out:
        section = _section(p)
        for c in out:
            c.section = section
    out.sort(key=lambda c: c.start)
    return out


def _glued(text: str, s: int, p: Paragraph) -> bool:
    """Digits glued to a preceding code or date (5・8, 12345市民, 〔2025〕26号, 0-6岁)."""
    prev = text[s - 1:s] if s > p.start else ""
    return prev in ("・", "·", "-", "—", "〕", "]", ".", "/", "×") or prev.isdigit()


_QUOTE_REACH = 30
_CLAUSE_REACH = 40  # an indicator is read from at most this many characters before its figure


def _clause_start(text: str, pos: int, p: Paragraph) -> int:
    """Start of the clause holding ``pos``, looking back at most _CLAUSE_REACH characters."""
    i = pos
    floor = max(p.start, pos - _CLAUSE_REACH)
    while i > floor and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return i


_LEAD = re.compile(r"^(?:其中|另外|此外|同时|并且|并|且|和|及|以及|与|全年共|全年|共计|合计|总计|累计|共有|共|均)")
_TRAIL = re.compile(r"(?:截至|截止到|截止|预计|为|是|达到|达|共计|合计|总计|累计|共有|共|有|约为|约|大约|超过|超|近|将近|接近|逾|不到|不足|计|至|到|已达|已|"
                    r"高达|仅|分别为|分别是|分别|\s)+$")


def _indicator(text: str, pos: int, p: Paragraph) -> str:
    start = _clause_start(text, pos, p)
    if p.heading is not None and start < p.heading.end <= pos:
        start = p.heading.end
    ind = text[start:pos].strip()
    if not ind and start > p.start and text[start - 1] in "：:":
        ind = text[_clause_start(text, start - 1, p):start - 1].strip()  # 填报日期：2025年…
    prev = None
    while prev != ind:
        prev = ind
        ind = _LEAD.sub("", ind)
        ind = _TRAIL.sub("", ind)
    return ind[-24:]


def _previous_clause_subject(text: str, pos: int, p: Paragraph) -> str:
    """"…得分比例81.78%，全市排名第四": a bare ranking is about the previous clause's subject."""
    start = _clause_start(text, pos, p)
    if start <= p.start or text[start - 1] not in "，,":
        return ""
    prev_start = _clause_start(text, start - 1, p)
    clause = re.sub(r"[\d.,]+\s*(?:[%％‰]|[\u4e00-\u9fff]{0,2})$", "", text[prev_start:start - 1])
    return _indicator(clause, len(clause), Paragraph(0, 0, len(clause)))


_SCOPE_AT = re.compile(r"全国|全省|全市|全区|全县|全镇|全乡")
_SCOPE_IN = re.compile(r"全国|全省|全市|全区|全县|全镇|全乡|我区|我县|我市|辖区")


def _scope(text: str, s: int, p: Paragraph, indicator: str) -> str | None:
    m = _SCOPE_AT.search(text, s, s + 8) or _SCOPE_IN.search(indicator)
    return m.group(0) if m else None


@cache
def _comparator_words() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    lex = _lex()
    before = [(w, c) for c, ws in lex["comparators_before"].items() for w in ws]
    after = [(w, c) for c, ws in lex["comparators_after"].items() for w in ws]
    return sorted(before, key=lambda x: -len(x[0])), sorted(after, key=lambda x: -len(x[0]))


@cache
def _comparator_patterns() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    before, after = _comparator_words()
    b = re.compile("(" + "|".join(re.escape(w) for w, _ in before) + ")$")
    a = re.compile(r"\d(" + "|".join(re.escape(w) for w, _ in after) + ")")
    return b, dict(before), a, dict(after)


def _comparator(text: str, s: int, e: int, p: Paragraph) -> str:
    before, before_of, after, after_of = _comparator_patterns()
    m = before.search(text, max(p.start, s - 4), s)
    if m:
        return before_of[m.group(1)]
    # 322多万元 / 2900余人次: the word sits between the number and its unit
    m = after.search(text, s, e)
    if m:
        return after_of[m.group(1)]
    for w, c in after_of.items():
        if text.startswith(w, e):
            return c
    return "="
