"""Year mentions classified by role before any rule judges them.

Roles: ``docnum`` (inside 〔〕 of a document number), ``title`` (inside 《》 or a 关于…通知 title),
``filing`` (the filing-date field the context reads), ``dated`` (another date field of the report:
公开时间:2021年9月19日), ``comparison`` (比/较/上年… or a past ranking set against this year's),
``plan`` (a forward reference: 2025年工作任务, 下一步…), ``evaluated`` (an anchored statement about the
evaluated period: 现将2025年度…报告如下, 截至…12月31日, …年收支预决算, the title) and ``other`` (not judged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.document.model import Document
from reportlint.firstchars import guarded
from reportlint.lexicon import load_yaml
from reportlint.textutil import in_brackets

YEAR = guarded(r"(?<![\d.〔\[(（])((?:19|20)\d{2})(?!\d)(\s*年(?:度)?)?")

_EVALUATED_FRAMES = [
    # the announcement: 现将2025年度……自评情况报告如下
    re.compile(r"现将\s*$"),
    # a year-end snapshot: 截至2023年12月31日 / 截止2023年底
    re.compile(r"截[至止]\s*(?:到\s*)?$"),
]
_EVALUATED_AFTER = [
    re.compile(r"^\s*年\s*12\s*月\s*31\s*日"),
    re.compile(r"^\s*年度?\s*(?:局本级|本级|单位|部门|全年)?\s*(?:财政拨款)?\s*(?:收入|支出)\s*(?:预算|决算)"),
    re.compile(r"^\s*年度?\s*(?:部门)?整体(?:支出)?绩效"),
    # the accounts' own scope: 纳入…局2021年度部门决算编制范围 / 2024年度部门决算编报的单位共3个
    re.compile(r"^\s*年度?\s*(?:部门|单位)?决算\s*(?:的)?(?:编制|编报)(?:范围|的?单位)"),
]
# a year-end snapshot without 12月31日: 截至2021年底 / 截止2022年末
_YEAR_END = re.compile(r"^\s*年\s*(?:年底|年末|底|末)(?!前|以前|之前)")
# a head-count at a year-end: 2021年末实有在职人员60人 / 2021年年末实有在职66人 / 2021年末在职人数57人
_STAFF_YEAR_END = re.compile(r"^\s*年\s*(?:12\s*月\s*31\s*日|年底|年末|底|末)\s*[,，]?\s*(?:(?:本|我)?(?:单位|局|镇|乡|街道))?"
                             r"\s*(?:共有|共)?\s*(?:实有|在职|在编|在岗)")
# the report of one year named with its publication date: 完成2024年政府信息公开年度报告，并于2024年1月15日
# 之前…公布 (a year's 年报 is published by January 31 of the next year)
# The year is the report's own (年 or 年度 then at most the unit's name, no date, no other year), and the
# date is that report's (in its clause, or straight after it: ，并于…); no other object or date comes
# between the date and the verb (…公布了2023年…年度报告，并于2024年4月编制发布…方案 is another action).
_REPORT_PUBLISHED = re.compile(r"\s*年度?(?!\s*\d{1,2}\s*月)[^。；，,\n\d月日]{0,20}?(?:政府信息公开|政务公开|信息公开)"
                               r"(?:工作)?(?:年度报告|年报)(?:[^。；，,\n\d]{0,20}?|[，,]\s*并?)(?:于|在)\s*"
                               r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
                               r"[^。；\n\d《]{0,60}?(?:公布|发布|公开|上网|挂网|报送)")


@dataclass(frozen=True)
class YearMention:
    year: int
    start: int  # doc-text span of "2025年度" (or the bare digits)
    end: int
    role: str


def _clause_before(text: str, pos: int) -> str:
    lo = max(0, pos - 500)  # bounded: a one-line text of millions of characters stays linear
    start = max(lo - 1, *(text.rfind(ch, lo, pos) for ch in "。；，！？\n：")) + 1
    return text[start:pos]


_PERIOD = re.compile(r"(?:统计(?:期限|时限|期间|时间|范围|区间)|报告期|所列数据)[^。；\n]{0,16}?$")
_SELF_TITLE = re.compile(r"(?:编制|编写|形成|公布|发布)[^。；]{0,20}《[^》]{0,30}$")
# the report's own title without 《》, named as such: 编制了…2022年政府信息公开工作年度报告(以下简称《年报》) (wild W094)
_SELF_NAMED = re.compile(r"(?:编制|编写|形成|公布|发布)了?[^。；《》\n]{0,20}$")
_SELF_NAMED_AFTER = re.compile(r"\s*年度?[^。；《》\n]{0,20}?(?:年度报告|年报)\s*[(（]以下简称")
_BASIS = re.compile(r"(?:按照|根据|依据|对照|落实|以)[^。；]{0,30}《[^》]{0,30}$")
_BASIS_AFTER = re.compile(r"^\s*年度?[^》]{0,30}?(?:工作要点|工作计划|工作安排|实施方案)》")
_CARRY = re.compile(r"(?:年末|年底|期末)[^。；]{0,6}结转[^。；]{0,30}?(?:在|于|至)\s*$")
_CARRY_AFTER = re.compile(r"^\s*年度?\s*(?:继续)?(?:安排)?使用")
# a 年报's requests carried over to be answered in a named year: 0件转结2024年办结 (wild W143, a 2024 report),
# 结转到2025年办理7件 (W017, a 2024 report)
_CARRIED_REQUEST = re.compile(r"(?:结转|转结)(?:到|至|入)?\s*$")
_CARRIED_REQUEST_AFTER = re.compile(r"^\s*年度?\s*(?:继续)?(?:办理|办结|答复|处理)")
_WHOLE_YEAR = re.compile(r"^\s*年度?\s*全年\s*(?:共|累计|全镇|全乡|全县|全区|全市|我|本)?")
_SENTENCE_START = re.compile(r"(?:^|[。；！？\n]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．]|[^。；\n]{0,12}[。．.])\s*$")
_PLAN_AFTER = re.compile(r"^\s*年度?\s*(?:底前|年底前|年内|上半年|下半年|\d{1,2}月底?前)?\s*(?:将|计划|力争|争取|拟|要|确保|前完成|底前|年内|完成)")
# 2023年，我局将… : the unit as subject between the year and a future word (not 完成, which in a 年报's
# 改进情况 may tell what was done during the year)
_PLAN_AFTER_SUBJECT = re.compile(r"^\s*年度?\s*[,，]?\s*(?:我|本)[\u4e00-\u9fff]{1,3}?\s*(?:将|计划|力争|争取|拟)")
_PLAN_BEFORE = re.compile(r"(?:力争|争取|计划|拟|确保|预计|将)(?:于|在|到)?\s*$")
_HEADING_ABOUT_PERIOD = re.compile(r"(?:情况|说明|回顾|总结|完成|执行|决算|收支|成效)")
_HEADING_PLAN = re.compile(r"(?:计划|任务|思路|打算|安排|目标|展望|要点)")


_REVIEW_HEADING = re.compile(r"回顾|总结|完成情况|主要成效|工作成效")
_RESULTS = re.compile(r"(?:完成|实现|增长|达到|累计)[^。；]{0,20}\d")
_FUTURE = re.compile(r"将|计划|力争|预计|目标|争取|拟|预期")


def _later_in_review(doc: Document, para, year: int) -> bool:
    """The paragraph sits in a review section whose heading names one year, earlier than ``year``."""
    h = para.section
    while h is not None:
        title = doc.text[h.start:h.title_end]
        if _REVIEW_HEADING.search(title):
            years = {int(v) for v in re.findall(r"((?:19|20)\d{2})\s*年", title)}
            return len(years) == 1 and year > next(iter(years))
        h = h.parent
    return False


def _heading_about_one_year(heading: str, not_period: list[str]) -> bool:
    """A heading is about the evaluated period only if it names one year and neither compares years
    (2024年与2023年收支对比情况) nor refers to an earlier report or its follow-up (2023年度报告中问题整改情况)."""
    years = {int(v) for v in re.findall(r"((?:19|20)\d{2})\s*年", heading)}
    return len(years) == 1 and not any(w in heading for w in not_period)


def classify_years(doc: Document) -> list[YearMention]:
    """Every year mention with its role (see the module docstring).

    Roles the time rules judge against the evaluation year Y: ``evaluated`` (must be Y), ``snapshot``
    (截至X年12月31日: must not be before Y), ``year-end`` (截至X年底 / X年末实有在职 alone in its sentence group:
    a suspicion, must not be before Y), ``period`` (the statistics period of a 年报: must be Y),
    ``self-title`` (the report's own title quoted in its opening, or named with 以下简称: must be Y), ``basis`` (按照《X年…工作要点》:
    the year's guidance, must not be before Y), ``carryover`` (年末结转…在X年度继续使用: must be after Y),
    ``whole-year`` (a sentence opening with X年全年 stating results: must not be before Y), ``review-later`` (a
    sentence opening with X stating results, in a review section headed by an earlier year: must be Y), ``carried-request``
    (requests carried over to be answered in X, 结转到X年办理: must be Y + 1), ``plan-section``
    (a plan in 改进措施/下一步 naming a year: must be after Y), ``heading`` (a heading about the period's
    results: must be Y).
    """
    lex = load_yaml("time.yaml")
    comparison = lex["comparison_markers"]
    forward = lex["forward_markers"]
    plan_sections = re.compile("|".join(map(re.escape, lex["plan_sections"])))
    text = doc.text
    ctx = doc.context
    title_end = doc.paragraphs[2].end if len(doc.paragraphs) > 2 else len(text)
    snapshot_genre = bool(ctx and ctx.genre and ctx.genre.genre.id in lex["snapshot_genres"])
    out: list[YearMention] = []
    for m in YEAR.finditer(text):
        year = int(m.group(1))
        start, end = m.start(), m.end()
        after = text[m.end(1):m.end(1) + 30]
        before = _clause_before(text, start)
        para = _paragraph_at(doc, start)
        role = "other"
        if text[max(0, start - 1):start] in "〔[【(（" and re.match(r"\s*[〕\]】)）]", text[m.end(1):]):
            role = "docnum"
        elif ctx and ctx.filing_span and ctx.filing_span[0] <= start < ctx.filing_span[1]:
            role = "filing"  # the date the context read as the report's filing date
        elif ctx and any(s <= start < e for s, e in ctx.date_fields):
            role = "dated"  # another date field of the report's own (the context's ``date_fields``)
        elif in_brackets(text, start):
            role = "title"
            sent = text[max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1:start]
            if _SELF_TITLE.search(sent) and re.search(r"年度?[^》]{0,20}(?:年度报告|年报)》", text[m.end(1):m.end(1) + 40]):
                role = "self-title"
            elif _BASIS.search(sent) and _BASIS_AFTER.match(text[m.end(1):m.end(1) + 40]):
                role = "basis"
        elif _SELF_NAMED.search(text, max(0, start - 30), start) and _SELF_NAMED_AFTER.match(text, m.end(1)):
            role = "self-title"  # 编制了管委会办公室2022年政府信息公开工作年度报告(以下简称《年报》) names this report
        elif re.search(r"关于[^。]{0,40}$", before):
            role = "title"
        elif _PERIOD.search(text[max(0, start - 30):start]) or (
                re.search(r"(?:至|到|—|-)\s*$", text[max(0, start - 3):start])
                and _PERIOD.search(text[max(0, start - 50):start].rsplit("\n", 1)[-1].split("至")[0])):
            role = "period" if re.match(r"^\s*年\s*(?:1\s*月\s*1\s*日|12\s*月\s*31\s*日)", after) else "other"
        elif _is_comparison(before, after, comparison):
            role = "comparison"
        elif para is not None and para.heading is not None and para.heading.start <= start < para.heading.title_end \
                and m.group(2):
            h = para.heading
            role = "plan" if _HEADING_PLAN.search(h.title) else (
                "heading" if _HEADING_ABOUT_PERIOD.search(h.title)
                and _heading_about_one_year(text[h.start:h.title_end], lex["heading_not_period"]) else "other")
        elif para is not None and m.group(2) and _in_plan_section(doc, para, plan_sections) and (
                _PLAN_AFTER.match(after) or _PLAN_AFTER_SUBJECT.match(after) or _PLAN_BEFORE.search(before)):
            role = "plan-section"
        elif any(after.lstrip(" 年度").startswith(w) for w in forward) or re.search(r"下一步|明年|下年度", before):
            role = "plan"
        elif m.group(2) and _CARRY.search(text[max(0, start - 60):start]) and _CARRY_AFTER.match(after):
            # year-end carry-over is used after the year it was carried over from (named earlier in the
            # sentence, else the evaluated year)
            sent = text[max(text.rfind(ch, 0, start) for ch in "。；\n") + 1:start]
            years_before = [int(v) for v in re.findall(r"((?:19|20)\d{2})\s*年", sent)]
            carried = years_before[-1] if years_before else (ctx.evaluation_year if ctx else None)
            role = "carryover" if carried is not None and year <= carried else "other"
        elif m.group(2) and _CARRIED_REQUEST.search(text, max(0, start - 6), start) \
                and _CARRIED_REQUEST_AFTER.match(after):
            role = "carried-request"
        elif m.group(2) and para is not None and para.heading is None and _later_in_review(doc, para, year) \
                and _SENTENCE_START.search(text[max(0, start - 20):start]) \
                and _RESULTS.search(sent_ := _sentence_at(text, start)) and not _FUTURE.search(sent_):
            role = "review-later"  # 一、2023年工作回顾 / 2024年,全县地区生产总值增长6.1% (REVIEW6 item 10)
        elif m.group(2) and _EVALUATED_FRAMES[1].search(before) and _EVALUATED_AFTER[0].match(after):
            role = "snapshot"  # 截至2023年12月31日
        elif m.group(2) and (
                (_STAFF_YEAR_END.match(after) and _lone_year_end(text, start, year))
                or (_EVALUATED_FRAMES[1].search(before) and _YEAR_END.match(after) and snapshot_genre
                    and _lone_year_end(text, start, year, alone=True))):
            # 2021年末实有在职人员60人 as the one year-end of its sentence; 截至2021年底 as the one year of its
            # sentence in a report of statistics or accounts (in a project's report it may be history:
            # 截至2021年底项目已建成): a suspicion of figures kept from last year's report
            role = "year-end"
        elif m.group(2) and (pm := _REPORT_PUBLISHED.match(text, m.end(1), m.end(1) + 160)):
            # a year's 年报 named with its publication date: that year's report (not necessarily this one)
            role = "published-early" if int(pm.group(1)) <= year else "other"
        elif m.group(2) and _WHOLE_YEAR.match(after) and "全年" in after[:6] and _SENTENCE_START.search(
                text[max(0, start - 20):start]) and not re.search(r"[比较]|同比|相比|上年|增长|下降|增加|减少",
                                                                 _sentence_at(text, start)):
            role = "whole-year"
        elif (m.group(2) and (any(f.search(before) for f in _EVALUATED_FRAMES[:1])
                             or any(f.match(after) for f in _EVALUATED_AFTER[1:3])
                             or (_EVALUATED_AFTER[3].match(after) and _plain_scope(text, start, year)))) or (
                m.group(2) and start < title_end and para is not None and para.end - para.start <= 80
                and re.search(r"报告|说明|总结", text[end:end + 40].split("\n")[0])
                # a title of two years (2022年预算执行情况和2023年预算草案的报告) names more than the period
                and len(set(re.findall(r"((?:19|20)\d{2})\s*年", text[para.start:para.end]))) == 1):
            role = "evaluated"
        out.append(YearMention(year, start, end, role))
    return out


def _lone_year_end(text: str, pos: int, year: int, alone: bool = False) -> bool:
    """The sentence at ``pos`` states one year-end and nothing cumulative, compared or later (截至2021年底，
    我镇尚无…; 2022年我单位共有行政编制24个…，2021年末实有在职人员60人), not two year-ends side by side, a
    running total, a base and its change (截至2023年底…40家；截至2024年底，增加到45家), a history (成立于2019年，
    截至2019年底…，现有…), a carry-over (上年结转) or earlier findings (…发现的问题已于2024年整改); with
    ``alone``, it names no other year at all. The sentence runs to 。 across ；, and the next sentence is read
    for a second year-end (a stock at the start and at the end of the year, one after the other)."""
    sent = _sentence_at(text, pos)
    group = _sentence_group(text, pos)
    ends = {int(v) for v in re.findall(r"(?<![\d〔\[(（])((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|年底|年末|底|末)", group)}
    years = {int(v) for v in re.findall(r"(?<![\d〔\[(（])((?:19|20)\d{2})(?!\d)", sent)}
    return ends == {year} and (not alone or years == {year}) and not re.search(
        r"累计|以来|历年|[比较]上?年|相比|增加|减少|增长|下降|增至|降至|达到|现有|目前|结转|上年|成立|组建|整改", group)


def _sentence_group(text: str, pos: int) -> str:
    """The sentence at ``pos`` up to 。！？ (across ；) and the sentence after it, within its paragraph."""
    s = max(text.rfind(ch, max(0, pos - 500), pos) for ch in "。！？\n") + 1
    end = pos
    for _ in range(2):
        ends = [i for i in (text.find(ch, end, end + 500) for ch in "。！？\n") if i >= 0]
        if not ends:
            return text[s:end + 500]
        end = min(ends) + 1
        if text[end - 1] == "\n":
            break
    return text[s:end]


def _plain_scope(text: str, pos: int, year: int) -> bool:
    """纳入…2021年度部门决算编制范围 names the accounts' own year, unless its sentence compares the scope with
    another year's (与上年相比减少1个，原因是2023年度…编制范围内的…于2024年划转)."""
    sent = _sentence_at(text, pos)
    years = {int(v) for v in re.findall(r"(?<![\d〔\[(（])((?:19|20)\d{2})(?!\d)", sent)}
    return years == {year} and not re.search(r"[比较与]上年|相比|变化|减少|增加|划转|原因", sent)


def _paragraph_at(doc: Document, pos: int):
    import bisect

    starts = doc.__dict__.get("_para_starts")
    if starts is None:
        starts = [p.start for p in doc.paragraphs]
        doc.__dict__["_para_starts"] = starts
    i = bisect.bisect_right(starts, pos) - 1
    return doc.paragraphs[i] if i >= 0 else None


def _sentence_at(text: str, pos: int) -> str:
    s = max(text.rfind(ch, 0, pos) for ch in "。；！？\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；！？\n") if i >= 0]
    return text[s:min(ends) if ends else len(text)]


def _in_plan_section(doc: Document, p, pattern: re.Pattern[str]) -> bool:
    """The paragraph sits under a heading about plans (改进措施, 下一步工作, 工作计划 …)."""
    h = p.section
    while h is not None:
        if pattern.search(h.title):
            return True
        h = h.parent
    return False


def _is_comparison(before: str, after: str, markers: list[str]) -> bool:
    """比/较/自/从 directly before the year, or a longer marker (同比, 上年…) in the clause before it."""
    b = before.rstrip()
    for w in markers:
        if len(w) == 1:
            if b.endswith(w) or b.endswith(w + "于"):
                return True
        elif w in b:
            return True
    return re.match(r"^\s*年度?\s*(?:同期|相比|相较|以来)", after) is not None
