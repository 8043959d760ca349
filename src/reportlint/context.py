"""Report context: genre, evaluation year, filing date, unit name, level and parent places.

Each value is read from the report itself (cover fields, title, closing or delivery date, the page's
publication date in any of its forms: 发布时间:2024-09-24, 公开时间:2021年9月19日, 2022-09-19 作者:, unit name), else derived from the genre's period logic (a 政府工作报告 delivered in
March 2024 reviews 2023), else filled in from the configuration or the command line; it stays ``None``
when unknown, and rules that need an unknown value stay silent. Every value carries its source
(``sources``), shown in the output header and the JSON. Every labelled date field of the report's own
(填报日期, 成文日期, 发布时间 … beside the one read as the filing date) is read here once, as
``date_fields``; ``years.classify_years`` gives their years the role ``dated``.

The unit is the first name the report gives for itself whose level is known, strongest first: a form's
field (评价单位(公章):…, 单位名称 | …), a title (衡山县贯塘乡人民政府2023年部门决算公开, 2023年贯塘乡人民政府
决算编制说明, a title run into a flattened PDF's first paragraph, a site banner last), the opening
(现公布白城市农业农村局2024年…, 本报告由…编制, 纳入…部门决算), the page's publisher (发布机构, 来源), the
outline or description (第一部分 …概况, …为行政单位) and the opening sentence's subject (2022年,东港街道坚决…).
A weak name (publisher, description, subject) yields to the report's first-person words of another level
(我镇 throughout a page whose 来源 is the county); with no name, a clear majority of self-words (我县/全县)
gives the level alone. Unit level and parents come from the division data (``places``): 西安市长安区砲里
街道 is a subdistrict under 长安区 (district), 西安市 (city) and 陕西省; names the data do not know fall
back to their suffix.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlint.datefields import OTHER_PAGE, another_documents_date
from reportlint.document.model import Document
from reportlint.firstchars import guarded
from reportlint.genre import GenreMatch, Period, detect_genre
from reportlint.lexicon import load_yaml
from reportlint.places import Place, known_places, place_chain

_EVAL_YEAR = re.compile(r"(?:评价|考核|预算|决算|报告|统计|自评)年度\s*[:：]?\s*(\d{4})")
_TITLE_YEAR = re.compile(r"(?<![—\-－~～至到]\s)(?<![—\-－~～至到\d])(\d{4})(?!\s*[—\-－~～至到]\s*\d{4})\s*年度?[^。，；]{0,40}?(?:报告|说明|总结|自评表|评价表|[决预]算公开)")
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_ISO = r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"
# a field's separator as pages and forms write it: 填报日期:… / 成文日期 ] 2021-07-30 / 成文日期: | 2024年04月22日
_SEP = r"\s*[:：|｜]?\s*[\]】]?\s*[|｜]?\s*"
_FIELD_DATE = _SEP + "(?:" + _DATE + "|" + _ISO + ")"
# the labels of the report's own date fields: its filing (填报日期, 成文日期 …) and its page's publication (发布时间 …)
_FILING_WORDS = r"(?:填报|报告|成文|编制|填表|报送|上报|评价|自评)"
_PUB_WORDS = r"(?:发布|公开|生成|印发|发文)"
_FILING = re.compile(_FILING_WORDS + r"(?:日期|时间)" + _FIELD_DATE)
# one date, not a period: 报告时间:2024年1月1日至12月31日 / 2023年1月1日起至… / 2024-01-01—2024-12-31
_RANGE_AFTER = re.compile(r"\s*(?:起\s*)?[至到止—－~～-]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*[月日]?|\s*(?:起|以来|之前|前|后)")
_LONE_DATE = re.compile(r"^\s*" + _DATE + r"\s*$")
# a statement's header around a lone date (资产负债表 / 2023年12月31日 / 单位:元): the accounts' reference date
_TABLE_TITLE = re.compile(r"表\s*(?:[(（]续[)）])?\s*$|^\s*(?:编制单位|编报单位|填报单位)")
_TABLE_UNIT = re.compile(r"^\s*(?:(?:金额)?单位\s*[:：]|编制单位|编报单位|填报单位|项目\s*[|｜\t ]|[|｜]\s*[\u4e00-\u9fff\d])")
# a speech: ——2024年3月5日在第十四届全国人民代表大会第二次会议上
_SPEECH = re.compile(r"^[—\-－\s]*" + _DATE + r"\s*在[^。\n]{2,60}?(?:会议|大会)上")
# the page's publication date (web metadata before or after the report): an upper bound of filing.
# Labelled: 发布时间:2024-09-24 / 公开时间:2021年9月19日 / 发文日期: | 2024年04月22日; a bare 时间/日期 label
# only where it starts the line or follows a mark or a field (来源:霍邱县教育局 时间:2023-03-30, 【字号:】时间:…),
# never inside a word (会议时间, 完成时间)
_PUB_LABEL = r"(?:" + _PUB_WORDS + r"(?:日期|时间)|(?:时间|日期))"
_PUBLISHED = re.compile(_PUB_LABEL + _FIELD_DATE)
_BARE_LABEL = re.compile(r"(?:时间|日期)" + _FIELD_DATE)
# unlabelled: a page's furniture line that starts with a date or a timestamp (2022-09-19 作者: / • 2025-02-28
# 14:50 / 2024-04-01 10:14 来源:正直镇 / a lone 2026-03-04 under an empty 发布时间: / a lone date under the title),
# or a timestamp run into the breadcrumb before 来源/作者 (…部门决算2022-10-17 17:46来源:财务处)
_CLOCK = r"\s*\d{1,2}:\d{2}(?::\d{2})?"
_FURNITURE_FIELD = r"(?:作者|来源|信息来源|发布机构|发布部门|点击|浏览|阅读|访问|字体|字号|文字大小|分享)"
_DATE_LINE = re.compile(r"^\s*[•·▪■◆\-—|｜]?\s*(?:" + _DATE + "|" + _ISO + ")(?=(?:" + _CLOCK + r")?\s*(?:$|[|｜]|"
                        + _FURNITURE_FIELD + "))")
_STAMP = re.compile(_ISO + r"(?=" + _CLOCK + r"\s*" + _FURNITURE_FIELD + ")")
# a field ends at the line's end, a clock time, a separator or the next field: a date followed by prose is a
# sentence (公开时间：2023年6月1日起，…)
_PUB_END = re.compile(r"(?:" + _CLOCK + r")?(?:\s*$|\s|[|｜\]】)）]|" + _FURNITURE_FIELD
                      + r"|主题|分类|文号|索引|生效|废止|公开|成文|有效|发布|信息|\d{4}\s*年)")
# every labelled date field of the report's own, anywhere in the text (the filing date is one of them; a page
# carries several: 成文日期 2021-07-30 / 发布日期 2021-08-03): one date, not a period, ending as a field
_OWN_FIELD = guarded("(?:" + _FILING_WORDS + "|" + _PUB_WORDS + r")(?:日期|时间)" + _FIELD_DATE
                      + r"(?!\d)(?!\s*(?:起\s*)?[至到止—－~～-])")
# a page's metadata line after a long menu (来源:五蛟镇 发布时间:… 浏览次数:): looked for past the first paragraphs
_META_LINE = re.compile(_FURNITURE_FIELD + r"|索引号|发布时间|发布日期")
_HEAD_META = 24  # paragraphs searched for a metadata line
# a time word that names another moment than publication (更新时间, 生效日期, 会议时间, 截止日期)
_OTHER_TIME = re.compile(r"(?:更新|修改|生效|废止|截止|截至|有效|办理|受理|会议|完成|开始|结束|统计|申请|答复|实施|执行|签订|"
                         r"成立|出生|开工|竣工|验收|活动|培训|举办)$")
_UNIT_NAME_IN_TEXT = re.compile(r"([\u4e00-\u9fff（）()]{2,30}?(?:局|委员会|委|办公室|办|中心|政府|院|所|站|队|馆|厅|部|"
                                r"街道办事处|街道|管委会|联合会|医院|学校))")
# an opening sentence, not a title: 现将2025年度…报告如下 is judged (year-mismatch), never a source
_OPENING = re.compile(r"^(?:现将|根据|按照|依据|为)|如下|[：:。]$")
# a report on part of a year (2024年上半年工作总结, 前三季度, 1-6月): it looks back on no finished year
_PART_YEAR = re.compile(r"半年|季度|(?<!\d)1\s*[-—－~～至到]\s*(?:1[01]|[1-9])\s*月")
_NAME = r"[\u4e00-\u9fff()（）]{2,40}?"
# where a report names the unit it is about, strongest first; each gives (source, name)
# the form's own fields: 评价单位(公章):…, 单位名称 | …, 部门（单位）名称：…
_UNIT_FIELD = re.compile(r"(?:评价单位|填报单位|报送单位|编制单位|单位名称|部门名称|预算单位|预算部门|项目单位|主管部门|部门[(（]单位[)）]名称|"
                         r"单位[(（](?:盖章|公章)[)）])\s*(?:[(（][^)）]{0,6}[)）])?\s*(?:[]】]\s*[:：|｜]?|[:：|｜])\s*[|｜]?\s*"
                         r"([\u4e00-\u9fff（）()]{3,40})")
# the page's publisher (web metadata): the unit itself or the site that posts for it
# (a separator is required: 资金来源于市财政 is no field)
_PUBLISHER = re.compile(r"(?:发布机构|发布单位|发文机关|信息来源|来源)\s*(?:[]】]\s*[:：|｜]?|[:：|｜]|\s)\s*[|｜]?\s*"
                        r"([\u4e00-\u9fff（）()]{3,30})")
# a title: 衡山县贯塘乡人民政府2023年部门决算公开 / 2023年贯塘乡人民政府决算编制说明
_TITLE_FRAMES = (
    re.compile(r"^(?:\d{4,8}\s*[-—－]\s*|附件\s*\d*\s*[:：]?\s*)?(?:关于)?(" + _NAME + r")\s*(?:[(（]本级[)）])?\s*\d{4}\s*年"),
    re.compile(r"^\d{4}\s*年度?\s*(" + _NAME + r")\s*(?:[(（]本级[)）])?\s*(?:部门|单位)?(?:整体|项目|决算|预算|政府信息|政务公开|法治政府|工作(?:总结|报告|情况))"),
)
# a title run into the first paragraph of a flattened PDF: 许昌市…中心 2022 年整体和项目支出绩效自评总结报告 一 …
_RUN_IN_TITLE = re.compile(r"^(?:附件\s*\d*\s*[:：]?\s*)?(" + _NAME + r")\s*\d{4}\s*年度?[^。，,；:：]{0,30}?(?:报告|说明|总结|公开)")
# the opening or the outline names it: 现公布白城市农业农村局2024年…, 本报告由周湾镇人民政府编制
_TEXT_FRAMES = (
    re.compile(r"(?:现公布|现发布|现将|特编制|编制了?|公布|发布)\s*《?(" + _NAME + r")\s*\d{4}\s*年"),
    re.compile(r"本(?:年度)?报告由(" + _NAME + r")(?:负责)?编制"),
    re.compile(r"纳入(" + _NAME + r")\s*\d{4}\s*年度?(?:部门)?(?:决算|预算)"),
)
# the outline and the unit's description name it (第一部分 萧县龙城镇人民政府概况, …为行政单位): weaker, a
# subordinate unit may be described the same way
_BODY_FRAMES = (
    re.compile(r"(?:^|\n)\s*第一部分\s*(" + _NAME + r")(?:部门|单位)?概况"),
    re.compile(r"(?:^|\n)\s*[一1][、.．]\s*(" + _NAME + r")(?:部门|单位)?(?:基本情况|概况)"),
    re.compile(r"(?:^|[\n。])\s*(" + _NAME + r")(?:为|是)(?:行政|事业|参公|全额|差额|公益)"),
    re.compile(r"(?:^|[\n。])\s*(" + _NAME + r")(?:的)?(?:基本职能|主要职能|主要职责|职能职责)"),
    # the 预算/决算说明 form sentences: 某镇人民政府2023年没有使用政府性基金预算拨款安排的支出 /
    # 截至2022年底，某镇人民政府所属各预算单位共有车辆1辆 / 2023年，某镇人民政府的机关运行经费…
    re.compile(r"(?:^|\n)\s*(" + _NAME + r")\s*\d{4}\s*年度?(?:没有|未|无)(?:使用|安排)"),
    re.compile(r"截[至止]\s*\d{4}\s*年[^,，。\n]{0,10}[,，]\s*(" + _NAME + r")所属各?(?:预算)?单位共有车辆"),
    re.compile(r"(?:^|\n)\s*\d{4}\s*年度?\s*[,，]\s*(" + _NAME + r")的?机关运行经费"),
)
# the opening sentence's subject: 2022年,东港街道坚决贯彻… / 在县委、县政府的坚强领导下,中都街道深入贯彻…
_SUBJECT = re.compile(r"(?:^|\n)\s*(?:(?:今年以来|\d{4}\s*年(?:度|以来)?)\s*[,，])?\s*(?:在[^。\n]{2,40}?下\s*[,，]){0,2}\s*"
                      r"([\u4e00-\u9fff]{2,24}?(?:乡|镇|街道|街道办事处|人民政府|办事处|办公室|局|委员会))"
                      r"(?:坚决|认真|深入|严格|始终|紧紧|坚持|围绕|全面|积极|持续|立足|聚焦|紧扣|以|在)")
_NOT_UNIT = re.compile(r"网站|门户|无障碍|首页|欢迎|平台|网$|^(?:部门|单位|本级|项目)")
# 全县 / 我镇 / 本级 open a phrase, not a name (but 全州县, 本溪市 are places)
_NOT_NAME_START = re.compile(r"^[全我本各该]")
_BARE_LEVEL = re.compile(r"[省市州盟县区旗乡镇街道]+")
_STRONG = ("cover", "title", "opening")
_TITLE_PARAGRAPHS = 8  # a title may follow a page's metadata lines
# a web page's metadata and menu lines before the title (•关怀版, 索引号: …, 生效日期: …, 文 号:, 全文检索):
# not counted among the opening paragraphs where the title is looked for
_PAGE_CHROME = re.compile(r"^\s*[•·▪■◆]|索引号|发布机构\s*[:：]|生效日期|废止日期|^\s*文\s*号\s*[:：]|所属主题|全文检索|"
                          r"浏览次数|【字体|^\s*来源\s*[:：]\s*发布时间")
# an organ speaking of itself (我局 / 本委 / 我办; not 本办法, 本局限)
_ORGAN_SELF = re.compile(r"[我本](?:局(?!限|部)|委(?!托|员)|厅|办(?!法|理|事|学))")
# site furniture around a page's text (甘肃政府服务网, 市政府部门网站, 无障碍阅读): no title
_FURNITURE = re.compile(r"网站|门户|无障碍|首页|服务网|政府网|当前位置|所在位置|长者模式")
# a self-word that is the head of a longer word: 本区域, 全县域, 全市场, 全镇街
_COMPOUND_AFTER = re.compile(r"域|级|场|间|块|街")

LEVEL_LABELS = {"province": "省", "city": "市", "district": "区", "county": "县", "town": "镇",
                "township": "乡", "subdistrict": "街道"}

# where a value came from, as shown to users
SOURCE_LABELS = {"cover": "封面", "title": "标题", "option": "命令行或配置", "config": "配置",
                 "unit name": "单位名称", "divisions": "行政区划数据", "suffix": "名称后缀",
                 "scope words": "用词统计", "genre": "文种", "title+genre": "标题与文种", "genre+filing": "文种与成文日期",
                 "filing field": "填报日期栏", "closing date": "落款日期", "speech": "讲话日期",
                 "published": "网页发布日期", "publisher": "发布机构", "text": "正文", "period": "统计期限",
                 "outline": "提纲", "cue phrases": "用语", "opening": "导语", "announcement": "导语",
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
    # doc-text spans (label to date) of every labelled date field of the report's own (``years``: role dated)
    date_fields: list[tuple[int, int]] = field(default_factory=list)
    genre: GenreMatch | None = None
    places: list[Place] = field(default_factory=list)  # the unit's place first, then its parents
    part_year: bool = False  # the title covers part of a year (上半年, 前三季度, 1-6月)
    dated_in_year: bool = False  # the page is dated by month inside the evaluated year (更新时间:2023-11)

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
    ctx.date_fields = _date_fields(doc)
    if filing_date is not None:
        ctx.filing_date, ctx.filing_source = filing_date, "option"

    m = _EVAL_YEAR.search(head)
    if m:
        ctx.evaluation_year, ctx.year_source = int(m.group(1)), "cover"
    else:
        for p in _head_paragraphs(doc, 4):
            t = doc.paragraph_text(p)
            m = _TITLE_YEAR.search(t)
            if m and len(t) <= 80 and not _OPENING.search(t):
                ctx.evaluation_year, ctx.year_source = int(m.group(1)), "title"
                break
        else:
            cover = _cover_year(doc, ctx.genre)
            if cover is not None:
                ctx.evaluation_year, ctx.year_source = cover, "title"
    if ctx.evaluation_year is None and ctx.genre and ctx.genre.source in ("title", "opening"):
        evidence = ctx.genre.evidence
        if ctx.genre.source == "title":
            # a title run into the first sentence may quote its basis: 本报告依据…《关于做好2022年政府信息公开年度报告…》
            # 要求编制 (wild W133, a 2023 年报): a year inside 《》 is the basis's, not the report's
            evidence = re.sub(r"《[^》]*(?:》|$)", "", evidence)
        m = re.search(r"(\d{4})\s*年", evidence)
        if m:
            ctx.evaluation_year, ctx.year_source = int(m.group(1)), ctx.genre.source
    # a speech's title names the year it is delivered in (2023年政府工作报告 reviews 2022: 一、2022年工作回顾)
    speech = ctx.period if ctx.period and ctx.period.dated_speech and ctx.period.offset else None
    if ctx.year_source == "title" and speech and f"{ctx.evaluation_year + speech.offset}年" in doc.text:
        ctx.evaluation_year, ctx.year_source = ctx.evaluation_year + speech.offset, "title+genre"
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
    ctx.dated_in_year = _dated_in_year(doc, ctx)
    _unit(doc, ctx, head)
    if unit_level is not None:
        ctx.unit_level, ctx.level_source = unit_level, "option"
    return ctx


# (起,至: a comma after 起, wild W143; ——: a doubled dash, W073)
_STAT_PERIOD = re.compile(r"统计(?:期限|时限|期间|时间|范围|区间)[^。；\n]{0,8}?(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[,，]?\s*"
                          r"(?:至|到|—{1,2}|－|-|～|~)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日")


# a cover that sets the year on a line of its own above the title (2023年度 / 四川省眉山市彭山区 / 部门决算)
_COVER_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*")


def _cover_year(doc: Document, genre: GenreMatch | None) -> int | None:
    """The year of a cover whose year line stands alone, one or two lines above the line that names the
    genre (the genre's title evidence)."""
    if genre is None or genre.source != "title":
        return None
    texts = [doc.paragraph_text(p).strip() for p in _head_paragraphs(doc, 6)]
    for i, t in enumerate(texts):
        m = _COVER_YEAR.fullmatch(t)
        if m and genre.evidence in texts[i + 1:i + 3]:
            return int(m.group(1))
    return None


def _head_paragraphs(doc: Document, n: int) -> list:
    """The first ``n`` paragraphs that are not a web page's metadata or menu lines (``_PAGE_CHROME``)."""
    out = []
    for p in doc.paragraphs[:n + 20]:
        if not _PAGE_CHROME.search(doc.paragraph_text(p)[:60]):
            out.append(p)
            if len(out) == n:
                break
    return out


def _part_year(doc: Document, ctx: Context) -> bool:
    """The title (a short paragraph among the first four, or the genre's title evidence) names part of
    a year: 2024年上半年工作总结, 2024年前三季度工作情况汇报, 2024年1-6月工作总结."""
    titles = [doc.paragraph_text(p) for p in _head_paragraphs(doc, 4)]
    titles = [t for t in titles if len(t) <= 80 and not _OPENING.search(t)]
    if ctx.genre and ctx.genre.source == "title":
        titles.append(ctx.genre.evidence)
    return any(_PART_YEAR.search(t) for t in titles)


# a page dated by month only (更新时间:2023-11, 发布时间:2023-11): the report was out by then. A date inside the
# year proves it was written inside it (今年 is right); a year-to-date figure alone does not (real 463: a 2022
# summary with 截至10月底 and 今年1至11月 figures, published in 2023, is judged for its 今年)
_PAGE_MONTH = re.compile(r"(?:更新|发布|发表|公开)(?:日期|时间)\s*[:：]\s*(\d{4})\s*[-/.]\s*(\d{1,2})(?!\s*[-/.]\s*\d)")


def _dated_in_year(doc: Document, ctx: Context) -> bool:
    """The page of a report with no full date is dated (by month) inside the evaluated year."""
    y = ctx.evaluation_year
    if y is None or ctx.filing_date is not None:
        return False
    m = _PAGE_MONTH.search(doc.text[:400])
    return bool(m and int(m.group(1)) == y)


def _period_year(head: str) -> int | None:
    """The year of a statistics period that starts and ends in one year (统计期限自2021年1月1日起至12月31日止)."""
    m = _STAT_PERIOD.search(head)
    if m is None or (m.group(2) and m.group(2) != m.group(1)):
        return None
    return int(m.group(1))


def _filing(doc: Document, ctx: Context) -> None:
    # the first filing field that is the report's own (not a cited notice's or an attached form's), one
    # date and not a period (报告时间:2024年1月1日至12月31日)
    m = next((m for m in _FILING.finditer(doc.text)
              if not _RANGE_AFTER.match(doc.text, m.end()) and not another_documents_date(doc, m.start())), None)
    if m:
        g = [x for x in m.groups() if x is not None]
        d = _date(*g[:3])
        if d is not None:
            ctx.filing_date, ctx.filing_source = d, "filing field"
            ctx.filing_span = (m.start(), m.end())
            return
    for p in doc.paragraphs[:60]:
        m = _SPEECH.match(doc.paragraph_text(p))
        if m:
            ctx.filing_date, ctx.filing_source = _date(m.group(1), m.group(2), m.group(3)), "speech"
            ctx.filing_span = (p.start + m.start(1), p.start + m.end(3))
            return
    tail = doc.paragraphs[-4:]
    for i in range(len(tail) - 1, -1, -1):
        p = tail[i]
        m = _LONE_DATE.match(doc.paragraph_text(p))
        if m and not _heads_table(doc, p):
            ctx.filing_date, ctx.filing_source = _date(m.group(1), m.group(2), m.group(3)), "closing date"
            ctx.filing_span = (p.start, p.end)
            return
    found = _published(doc)
    if found is not None:
        ctx.filing_date, ctx.filing_span = found
        ctx.filing_source = "published"


def _date_fields(doc: Document) -> list[tuple[int, int]]:
    """Every labelled date field of the report's own (成文日期: 2021-07-30, [发布日期] 2021-08-03, 公开时间:2021年9月
    19日): not a period, ending as a field (``_PUB_END``), not in a line linking another page, not another
    document's (``datefields``)."""
    text = doc.text
    starts = [p.start for p in doc.paragraphs]
    out = []
    for m in _OWN_FIELD.finditer(text):
        if not _PUB_END.match(text, m.end()):
            continue
        year = m.start(1) if m.group(1) is not None else m.start(4)
        i = bisect.bisect_right(starts, year) - 1
        if i >= 0 and OTHER_PAGE.search(text, doc.paragraphs[i].start, doc.paragraphs[i].end):
            continue
        if another_documents_date(doc, year):
            continue
        out.append((m.start(), m.end()))
    return out


def _heads_table(doc: Document, p) -> bool:
    """A lone date line that is a statement's header (资产负债表 / 2023年12月31日 / 单位:元), not the signature's
    date: a table title or 编制单位 line stands before it, or a unit line or table rows follow it."""
    i = p.index
    before = doc.paragraph_text(doc.paragraphs[i - 1]) if i > 0 else ""
    after = doc.paragraphs[i + 1] if i + 1 < len(doc.paragraphs) else None
    if _TABLE_TITLE.search(before):
        return True
    return after is not None and (doc.in_table(after) or bool(_TABLE_UNIT.match(doc.paragraph_text(after))))


def _bare_label_ok(t: str, m: re.Match[str]) -> bool:
    """A bare 时间/日期 label is the page's date in a metadata line (a field before or after it: 来源:霍邱县教育局
    时间:…), or where it opens the line or follows a mark and its date carries a clock time; not in prose
    (会议时间:2023年5月6日)."""
    if _OTHER_TIME.search(t, max(0, m.start() - 4), m.start()):
        return False
    if _META_LINE.search(t):
        return True
    if re.search(r"[\u4e00-\u9fff]", t[max(0, m.start() - 1):m.start()]):
        return False
    return bool(re.match(_CLOCK, t[m.end():])) or not t[:m.start()].strip(" \t-—|｜[]【】:：")


def _published(doc: Document) -> tuple[dt.date, tuple[int, int]] | None:
    """The page's publication date and its span: a labelled field (发布时间:…, 公开时间:2021年9月19日, 时间:… in a
    metadata line), or a date that opens a furniture line (2022-09-19 作者:, • 2025-02-28 14:50), in the
    first paragraphs, a metadata line after a long menu, or the last paragraphs."""
    paras = doc.paragraphs
    head = [(p, False) for p in paras[:8]]
    head += [(p, True) for p in paras[8:_HEAD_META] if len(doc.paragraph_text(p)) <= 120
             and _META_LINE.search(doc.paragraph_text(p))]
    seen = {p.index for p, _in_head in head}
    candidates = [(p, True) for p, _meta in head] + [(p, False) for p in paras[-3:] if p.index not in seen]
    for p, in_head in candidates:
        t = doc.paragraph_text(p)
        if OTHER_PAGE.search(t):
            continue
        spans = []
        for m in _PUBLISHED.finditer(t):
            bare = _BARE_LABEL.match(t, m.start()) is not None
            if bare and not _bare_label_ok(t, m):
                continue
            spans.append(m)
        # an unlabelled date only in the page's head, and not a statement's header (资产负债表 / 2023年12月31日)
        m = (_DATE_LINE.match(t) or _STAMP.search(t)) if in_head else None
        if m and _LONE_DATE.match(t) and _heads_table(doc, p):
            m = None
        if m:
            spans.append(m)
        for m in sorted(spans, key=lambda m: m.start()):
            if _RANGE_AFTER.match(t, m.end()) or not _PUB_END.match(t, m.end()):
                continue
            if another_documents_date(doc, p.start + m.start()):
                continue
            g = [x for x in m.groups() if x is not None]
            d = _date(*g[:3])
            if d is not None:
                return d, (p.start + m.start(), p.start + m.end())
    return None


def _unit_candidates(doc: Document, ctx: Context, head: str) -> Iterator[tuple[str, str]]:
    """Names the report gives for the unit it is about, strongest first: (source, name)."""
    for m in _UNIT_FIELD.finditer(head):
        yield "cover", m.group(1)
    for p in _head_paragraphs(doc, _TITLE_PARAGRAPHS):
        t = doc.paragraph_text(p).strip()
        if len(t) > 90 or _OPENING.search(t) or _FURNITURE.search(t):
            continue
        for f in _TITLE_FRAMES:
            m = f.match(t)
            if m:
                yield "title", m.group(1)
    for p in _head_paragraphs(doc, _TITLE_PARAGRAPHS):
        t = doc.paragraph_text(p).strip()
        m = _RUN_IN_TITLE.match(t[:120])
        if m and len(t) > 90 and not _FURNITURE.search(t[:120]):
            yield "title", m.group(1)
    # a short line that is only a unit's name (欢迎来到泸州市中医医院; a site banner 洱源县人民政府 ranks
    # after a title that names the report)
    for p in _head_paragraphs(doc, _TITLE_PARAGRAPHS):
        t = doc.paragraph_text(p).strip()
        m = _UNIT_NAME_IN_TEXT.match(t)
        if m and len(t) <= 60 and not _OPENING.search(t):
            yield "title", m.group(1)
    if ctx.genre and ctx.genre.source in ("title", "opening"):
        m = re.search(r"《?([\u4e00-\u9fff]{2,30}?)\s*\d{4}\s*年", ctx.genre.evidence)
        if m:
            yield "opening", m.group(1)
    for f in _TEXT_FRAMES:
        for m in f.finditer(head):
            yield "opening", m.group(1)
    tail = doc.text[doc.paragraphs[-3].start:] if len(doc.paragraphs) > 3 else ""
    for m in _PUBLISHER.finditer(head + "\n" + tail):
        yield "publisher", m.group(1)
    for f in _BODY_FRAMES:
        for m in f.finditer(head):
            yield "text", m.group(1)
    for m in _SUBJECT.finditer(head):
        yield "text", m.group(1)


def _unit(doc: Document, ctx: Context, head: str) -> None:
    """The unit's name, level and parents: the first name the report gives for itself whose level is
    known (from the division data or its suffix). A name read from the page's publisher or from the
    opening sentence's subject yields to the report's own first-person words when they name another
    level (来源：柳城县人民政府 over a text that says 我镇 throughout)."""
    own = _self_level(doc.text)
    organ = _ORGAN_SELF.search(doc.text) is not None
    fallback: str | None = None
    for source, raw in _unit_candidates(doc, ctx, head):
        name = _trim_unit(raw)
        if len(name) < 2 or _NOT_UNIT.search(name):
            continue
        if _NOT_NAME_START.match(name) and not any(st == 0 for st, _e, _p in known_places(name)):
            continue
        chain = place_chain(name)
        if chain and not chain[0].known and _BARE_LEVEL.fullmatch(chain[0].name):
            continue  # 市政府, 区县政府, 乡镇: a level word with no place name
        level = chain[0].level if chain else level_of_name(name)
        if level is None:
            if source == "cover" and fallback is None:
                fallback = name
            continue
        if source not in _STRONG and own is not None and _RANK[own] != _RANK[level] \
                and own not in _speaks_for(chain):
            continue
        if source == "text" and _RANK[level] == 3 and organ:
            continue  # a bureau's report describing a town's unit (…镇中心学校为事业单位) under it
        ctx.unit_name, ctx.unit_source, ctx.unit_level = name, source, level
        ctx.places = chain
        ctx.level_source = "divisions" if chain and chain[0].known else "suffix"
        return
    if fallback is not None:
        ctx.unit_name, ctx.unit_source = fallback, "cover"
    ctx.unit_level = level_by_vote(doc.text)
    if ctx.unit_level:
        ctx.level_source = "scope words"


_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "town": 3, "township": 3, "subdistrict": 3}


def _speaks_for(chain: list[Place]) -> set[str]:
    """Levels whose self-words a place of these forms also uses (a 县级市 says 我市, 自治区 我区)."""
    forms = load_yaml("scope.yaml").get("form_levels", {})
    return {lv for p in chain for lv in forms.get(p.form, ())}


def _self_level(text: str) -> str | None:
    """The level the report's first-person words (我镇 / 本街道 / 我县) clearly give, if any."""
    counts: Counter[str] = Counter()
    for level, words in load_yaml("scope.yaml")["self_words"].items():
        for w in words:
            if w[0] in "我本":
                counts[level] += _count_word(text, w)
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    return top if n >= 2 and n >= 2 * rest[0][1] else None


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
    name = re.sub(r"(?:编制的|的)$", "", name)
    # words after the name (祁东县财政局发布时间, 荷塘区妇女联合会部门(单位)): cut after its last organ word
    m = _ORGAN_END.match(name)
    return m.group(1) if m else name


_ORGAN_END = re.compile(r"^(.*(?:街道办事处|办事处|委员会|管委会|联合会|办公室|人民政府|政府|中心|医院|学校|中学|小学|街道|局|委|会|办|"
                        r"院|所|站|队|馆|厅|部(?!门)|联|社|乡|镇|县(?!级)|区(?!域|级)|市(?!场|民|级)|州(?!级)|盟|旗|省(?!级)))")


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
            counts[level] += _count_word(text, w)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    second = rest[0][1] if rest else 0
    if n < 2 or n < 2 * second:
        return None
    # 全区 alone may be an autonomous region's or a development zone's: a district also says 我区/本区
    if top == "district" and _count_word(text, "我区") + _count_word(text, "本区") == 0:
        return None
    return top


def _count_word(text: str, word: str) -> int:
    """Occurrences of a self-word that is not the head of a longer word (本区域, 全县域)."""
    return sum(1 for m in re.finditer(re.escape(word), text) if not _COMPOUND_AFTER.match(text, m.end()))
