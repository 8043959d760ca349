"""Report context: genre, evaluation year, filing date, unit name, level and parent places.

Each value is read from the report itself (cover fields, title, closing or delivery date, the page's
publication date, unit name), else derived from the genre's period logic (a 政府工作报告 delivered in
March 2024 reviews 2023), else filled in from the configuration or the command line; it stays ``None``
when unknown, and rules that need an unknown value stay silent. Every value carries its source
(``sources``), shown in the output header and the JSON.

Unit level and parents come from the division data (``places``): 西安市长安区砲里街道 is a subdistrict
under 长安区 (district), 西安市 (city) and 陕西省; names the data do not know fall back to their suffix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from reportlint.document.model import Document
from reportlint.genre import GenreMatch, Period, detect_genre
from reportlint.lexicon import load_yaml
from reportlint.places import Place, known_places, place_chain

_EVAL_YEAR = re.compile(r"(?:评价|考核|预算|决算|报告|统计|自评)年度\s*[:：]?\s*(\d{4})")
_TITLE_YEAR = re.compile(r"(?<![—\-－~～至到]\s)(?<![—\-－~～至到\d])(\d{4})(?!\s*[—\-－~～至到]\s*\d{4})\s*年度?[^。，；]{0,40}?(?:报告|说明|总结|自评表|评价表)")
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_ISO = r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"
_FILING = re.compile(r"(?:填报|报告|成文|编制|填表|报送|评价|自评)(?:日期|时间)\s*[:：]?\s*\]?\s*(?:" + _DATE + "|" + _ISO + ")")
_LONE_DATE = re.compile(r"^\s*" + _DATE + r"\s*$")
# a speech: ——2024年3月5日在第十四届全国人民代表大会第二次会议上
_SPEECH = re.compile(r"^[—\-－\s]*" + _DATE + r"\s*在[^。\n]{2,60}?(?:会议|大会)上")
# the page's publication date (web metadata before or after the report): an upper bound of filing
_PUBLISHED = re.compile(r"(?:(?:发布|公开|生成|印发|发文)(?:日期|时间)|(?:^|\s)(?:时间|日期))\s*[:：|]?\s*[\]】]?\s*[|｜]?\s*"
                        + _ISO)
_UNIT = re.compile(r"(?:评价单位|填报单位|发布机构|报送单位|单位名称|部门名称|预算单位|项目单位|部门\(单位\)名称|单位\(盖章\))"
                   r"(?:（[^）]{0,6}）)?\s*[:：]\s*([\u4e00-\u9fff（）()]{3,40})")
_UNIT_NAME_IN_TEXT = re.compile(r"([\u4e00-\u9fff（）()]{2,30}?(?:局|委员会|委|办公室|办|中心|政府|院|所|站|队|馆|厅|部|"
                                r"街道办事处|街道|管委会|联合会|医院|学校))")
# an opening sentence, not a title: 现将2025年度…报告如下 is judged (year-mismatch), never a source
_OPENING = re.compile(r"^(?:现将|根据|按照|依据|为)|如下|[：:。]$")
# a report on part of a year (2024年上半年工作总结, 前三季度, 1-6月): it looks back on no finished year
_PART_YEAR = re.compile(r"半年|季度|(?<!\d)1\s*[-—－~～至到]\s*(?:1[01]|[1-9])\s*月")
_TITLE_UNIT = re.compile(r"^(?:关于)?([\u4e00-\u9fff（）()]{2,40}?)\s*(?:\d{4}\s*年)")

LEVEL_LABELS = {"province": "省", "city": "市", "district": "区", "county": "县", "town": "镇",
                "township": "乡", "subdistrict": "街道"}

# where a value came from, as shown to users
SOURCE_LABELS = {"cover": "封面", "title": "标题", "option": "命令行或配置", "config": "配置",
                 "unit name": "单位名称", "divisions": "行政区划数据", "suffix": "名称后缀",
                 "scope words": "用词统计", "genre": "文种", "genre+filing": "文种与成文日期",
                 "filing field": "填报日期栏", "closing date": "落款日期", "speech": "讲话日期",
                 "published": "网页发布日期", "period": "统计期限", "outline": "提纲", "cue phrases": "用语", "opening": "导语", "announcement": "导语",
                 "unknown": "未识别"}


@dataclass
class Context:
    evaluation_year: int | None = None
    filing_date: dt.date | None = None
    unit_name: str | None = None
    unit_level: str | None = None
    year_source: str = "unknown"
    level_source: str = "unknown"
    filing_source: str = "unknown"
    unit_source: str = "unknown"
    # doc-text spans of the cover fields, so rules can skip them
    filing_span: tuple[int, int] | None = None
    genre: GenreMatch | None = None
    places: list[Place] = field(default_factory=list)  # the unit's place first, then its parents
    part_year: bool = False  # the title covers part of a year (上半年, 前三季度, 1-6月)

    @property
    def filing_year(self) -> int | None:
        return self.filing_date.year if self.filing_date else None

    @property
    def genre_name(self) -> str | None:
        return self.genre.genre.name if self.genre else None

    @property
    def period(self) -> Period | None:
        return self.genre.genre.period if self.genre else None

    @property
    def retrospective(self) -> bool:
        """The report looks back on a finished year (a self-evaluation, 决算, 年报, an annual summary):
        from its genre, else from a filing date after the evaluated year."""
        if self.part_year:
            return False
        if self.period is not None:
            return self.period.retrospective and not self.dated_speech
        return bool(self.evaluation_year and self.filing_year and self.filing_year > self.evaluation_year)

    @property
    def written_after_year(self) -> bool:
        """Certainly written after the evaluated year: a stated filing/publication date after it, or,
        with no date, a genre always written after its year (offset -1: 年报, 决算, 自评报告). A 工作总结
        (offset null: written in December or early next year) with no date is not certain."""
        if self.evaluation_year is None:
            return False
        if self.filing_date is not None:
            return self.filing_date.year > self.evaluation_year
        return bool(self.period and self.period.offset is not None and self.period.offset < 0)

    @property
    def dated_speech(self) -> bool:
        return self.filing_source == "speech" or bool(self.period and self.period.dated_speech)

    @property
    def plan_year(self) -> int | None:
        if self.evaluation_year is None:
            return None
        return self.evaluation_year + (self.period.plan_year if self.period else 1)

    @property
    def parent_levels(self) -> list[str]:
        return [p.level for p in self.places[1:]]

    def describe(self) -> dict:
        """The context as plain data, each value with its source (JSON, scan records)."""
        return {
            "genre": self.genre_name,
            "genre_source": self.genre.source if self.genre else None,
            "evaluation_year": self.evaluation_year,
            "evaluation_year_source": self.year_source if self.evaluation_year else None,
            "filing_date": self.filing_date.isoformat() if self.filing_date else None,
            "filing_date_source": self.filing_source if self.filing_date else None,
            "retrospective": self.retrospective,
            "part_year": self.part_year,
            "plan_year": self.plan_year,
            "unit": self.unit_name,
            "unit_source": self.unit_source if self.unit_name else None,
            "unit_level": self.unit_level,
            "unit_level_source": self.level_source if self.unit_level else None,
            "places": [p.name for p in self.places],
        }


def detect_context(doc: Document, year: int | None = None, unit_level: str | None = None,
                   filing_date: dt.date | None = None) -> Context:
    """The report's context. ``year`` (configuration or ``--year``) fills in only where the report
    gives no evaluation year; ``unit_level`` and ``filing_date`` override."""
    ctx = Context()
    head = doc.text[: doc.paragraphs[min(len(doc.paragraphs), 12) - 1].end] if doc.paragraphs else ""
    ctx.genre = detect_genre(doc)
    _filing(doc, ctx)
    if filing_date is not None:
        ctx.filing_date, ctx.filing_source = filing_date, "option"

    m = _EVAL_YEAR.search(head)
    if m:
        ctx.evaluation_year, ctx.year_source = int(m.group(1)), "cover"
    else:
        for p in doc.paragraphs[:4]:
            t = doc.paragraph_text(p)
            m = _TITLE_YEAR.search(t)
            if m and len(t) <= 80 and not _OPENING.search(t):
                ctx.evaluation_year, ctx.year_source = int(m.group(1)), "title"
                break
    if ctx.evaluation_year is None and ctx.genre and ctx.genre.source in ("title", "opening"):
        m = re.search(r"(\d{4})\s*年", ctx.genre.evidence)
        if m:
            ctx.evaluation_year, ctx.year_source = int(m.group(1)), ctx.genre.source
    # the statistics period of a 年报 states the covered year; it outranks a title quoted in the opening
    period = _period_year(head)
    if period is not None and (ctx.evaluation_year is None or ctx.year_source == "opening"):
        ctx.evaluation_year, ctx.year_source = period, "period"
    if ctx.evaluation_year is None and ctx.period and ctx.period.offset is not None and ctx.filing_date \
            and ctx.filing_source in ("speech", "filing field", "closing date"):
        ctx.evaluation_year, ctx.year_source = ctx.filing_date.year + ctx.period.offset, "genre+filing"
    if ctx.evaluation_year is None and year is not None:
        ctx.evaluation_year, ctx.year_source = year, "option"

    ctx.part_year = _part_year(doc, ctx)
    _unit(doc, ctx, head)
    if unit_level is not None:
        ctx.unit_level, ctx.level_source = unit_level, "option"
    return ctx


_STAT_PERIOD = re.compile(r"统计(?:期限|时限|期间|时间|范围|区间)[^。；\n]{0,8}?(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*"
                          r"(?:至|到|—|-|～)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日")


def _part_year(doc: Document, ctx: Context) -> bool:
    """The title (a short paragraph among the first four, or the genre's title evidence) names part of
    a year: 2024年上半年工作总结, 2024年前三季度工作情况汇报, 2024年1-6月工作总结."""
    titles = [doc.paragraph_text(p) for p in doc.paragraphs[:4]]
    titles = [t for t in titles if len(t) <= 80 and not _OPENING.search(t)]
    if ctx.genre and ctx.genre.source == "title":
        titles.append(ctx.genre.evidence)
    return any(_PART_YEAR.search(t) for t in titles)


def _period_year(head: str) -> int | None:
    """The year of a statistics period that starts and ends in one year (统计期限自2021年1月1日起至12月31日止)."""
    m = _STAT_PERIOD.search(head)
    if m is None or (m.group(2) and m.group(2) != m.group(1)):
        return None
    return int(m.group(1))


def _filing(doc: Document, ctx: Context) -> None:
    m = _FILING.search(doc.text)
    if m:
        g = [x for x in m.groups() if x is not None]
        ctx.filing_date, ctx.filing_source = _date(*g[:3]), "filing field"
        ctx.filing_span = (m.start(), m.end())
        return
    for p in doc.paragraphs[:60]:
        m = _SPEECH.match(doc.paragraph_text(p))
        if m:
            ctx.filing_date, ctx.filing_source = _date(m.group(1), m.group(2), m.group(3)), "speech"
            ctx.filing_span = (p.start + m.start(1), p.start + m.end(3))
            return
    for p in reversed(doc.paragraphs[-4:]):
        m = _LONE_DATE.match(doc.paragraph_text(p))
        if m:
            ctx.filing_date, ctx.filing_source = _date(m.group(1), m.group(2), m.group(3)), "closing date"
            ctx.filing_span = (p.start, p.end)
            return
    # the page's publication date: the report was filed by then
    for p in [*doc.paragraphs[:8], *doc.paragraphs[-3:]]:
        m = _PUBLISHED.search(doc.paragraph_text(p))
        if m:
            d = _date(m.group(1), m.group(2), m.group(3))
            if d is not None:
                ctx.filing_date, ctx.filing_source = d, "published"
                ctx.filing_span = (p.start + m.start(), p.start + m.end())
                return


def _unit(doc: Document, ctx: Context, head: str) -> None:
    m = _UNIT.search(head)
    if m:
        ctx.unit_name, ctx.unit_source = m.group(1), "cover"
    else:
        for p in doc.paragraphs[:3]:
            t = doc.paragraph_text(p)
            if len(t) > 60:
                continue
            m = _UNIT_NAME_IN_TEXT.match(t)
            if m and _NOT_UNIT.search(m.group(1)):
                m = None
            if m and (place_chain(m.group(1)) or level_of_name(m.group(1))):
                ctx.unit_name, ctx.unit_source = m.group(1), "title"
                break
            m = _TITLE_UNIT.match(t)
            if m and place_chain(m.group(1)):
                ctx.unit_name, ctx.unit_source = m.group(1), "title"
                break
    if ctx.unit_name is None and ctx.genre and ctx.genre.source == "title":
        m = re.search(r"《?([\u4e00-\u9fff]{2,30}?)\s*\d{4}\s*年", ctx.genre.evidence)
        if m and place_chain(m.group(1)):
            ctx.unit_name, ctx.unit_source = m.group(1), "opening"
    if ctx.unit_name:
        ctx.unit_name = _trim_unit(ctx.unit_name)
        ctx.places = place_chain(ctx.unit_name)
        if ctx.places:
            ctx.unit_level = ctx.places[0].level
            ctx.level_source = "divisions" if ctx.places[0].known else "suffix"
        else:
            ctx.unit_level = level_of_name(ctx.unit_name)
            if ctx.unit_level:
                ctx.level_source = "suffix"
    if ctx.unit_level is None:
        ctx.unit_level = level_by_vote(doc.text)
        if ctx.unit_level:
            ctx.level_source = "scope words"


_NOT_UNIT = re.compile(r"网站|门户|无障碍|首页|欢迎")


def _trim_unit(name: str) -> str:
    """Drop words around a unit name read from running text (现公布白城市农业农村局, …局填报日期)."""
    name = re.sub(r"(?:填报|报告|编制|评价|成文)(?:日期|时间)$", "", name)
    found = known_places(name)
    start = found[0][0] if found else 0
    if not found:
        m = re.search(r"[\u4e00-\u9fff]{1,8}?(?:县|区|市|镇|乡|街道)", name)
        start = m.start() if m and m.start() <= 8 else 0
    lead = re.match(r"(?:欢迎来到|现公布|现将|由|关于|本|我)", name[:start] or name)
    if found or lead:
        name = name[start:] if found else name[lead.end():] if lead else name
    return re.sub(r"(?:编制的|的)$", "", name)


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def level_of_name(name: str) -> str | None:
    """The administrative level of a unit name: the division data, else the right-most level word."""
    chain = place_chain(name)
    if chain:
        return chain[0].level
    best: tuple[int, str] | None = None
    for entry in load_yaml("scope.yaml")["unit_patterns"]:
        for m in re.finditer(entry["pattern"], name):
            if best is None or m.end() > best[0]:
                best = (m.end(), entry["level"])
    return best[1] if best else None


def level_by_vote(text: str) -> str | None:
    """The level whose self-words (全区/我县…) the text uses most, if clearly ahead."""
    counts: Counter[str] = Counter()
    for level, words in load_yaml("scope.yaml")["self_words"].items():
        if level in ("province", "city"):
            continue  # 全市/全省 are usually parent levels
        for w in words:
            counts[level] += text.count(w)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    second = rest[0][1] if rest else 0
    return top if n >= 2 and n >= 2 * second else None
