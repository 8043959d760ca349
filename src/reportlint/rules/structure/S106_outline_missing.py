"""A section the genre's outline requires is missing, or sections are out of the outline's order.

**Finds**: for a report whose genre is recognised from its first paragraphs (``match`` words of a
file in ``lexicons/outlines/``), each required section (matched by title and aliases, exactly first,
then fuzzily) that no heading carries, looked for at its level and one level deeper; a section
found before one the outline puts ahead of it. For a 部门决算 that prints its set of tables
(``lexicons/table_sets.yaml``, ``tables.tableset``): a table of the national nine-table set missing
while the report speaks of its subject (a warning), an empty table without the note saying why.

**Why a reviewer cares**: 财政 reviewers check the self-evaluation against the prescribed outline
first; a missing 存在问题 or 改进措施 part is a formal defect that sends the report back.

**Example**:

    部门整体支出绩效自评报告
    一、单位基本情况 … 三、绩效自评情况（一）自评结果（二）…指标分析（三）改进措施
    → 缺少「三、绩效自评情况」下“存在问题”部分（部门整体支出绩效自评报告提纲要求）

**Fix**: add the section under the heading named, or move it to its place in the outline.

**Leaves alone**: genres without an outline file (工作总结); reports on a year before the outline's
``from_year`` (a 年报 on 2018 follows the format of its time, not 国办公开办函〔2021〕30号's); sections marked ``required: false``;
units outside the outline's ``jurisdiction`` (a 湛江 template is not applied in 广州) unless the report
visibly follows it (two top-level titles of the outline); sections before the first one present in a
text that starts mid-outline (first top-level heading 三、); sections after the last one present unless
the report visibly reaches its end (a signature or date line, or the outline's last section);
headings worded differently but matching an alias or fuzzily (partial ratio ≥ 85).

**Source**: the outline the financial department prescribes with its notice (the
Zhanjiang 部门整体支出绩效自评报告 template under 湛开财资〔2025〕26号 and 徐财绩〔2025〕5号,
recorded in ``lexicons/outlines/``); 财预〔2020〕10号 gives the national 参考提纲 for project reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from reportlint.document.model import Heading
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.tables.judge import table_set_findings


def outline_for(ctx: RuleContext) -> dict | None:
    """The outline of the report's genre (``lexicons/genres.yaml`` → ``lexicons/outlines/``), when its
    jurisdiction covers the unit (全国, or a province, city or county among the unit's places, by name
    or stem: 湛江市 covers 徐闻县前山镇), or the report visibly follows it; else ``None``."""
    from reportlint.genre import outline_file

    g = ctx.context.genre
    if g is None or not g.genre.outline:
        return None
    outline = outline_file(g.genre.outline)
    if outline is None:
        return None
    since, year = outline.get("from_year"), ctx.context.evaluation_year
    if since and year and year < since:  # a report on a year before the prescribed format
        return None
    where = outline.get("jurisdiction", "全国")
    if where == "全国" or any(_in_place(p, w) for p in ctx.context.places for w in _names(where)):
        return outline
    # elsewhere, or a unit the data do not place: the outline applies only when the report visibly
    # follows its template (two top-level sections titled as the outline titles them)
    tops = [h.title for h in ctx.doc.headings if h.parent is None]
    titled = sum(any(sec["title"] in t for t in tops) for sec in outline["sections"])
    return outline if titled >= 2 else None


def _names(where: str | list[str]) -> list[str]:
    return [where] if isinstance(where, str) else list(where)


def _in_place(p, where: str) -> bool:
    """The place lies in ``where`` (a province, city or county name, with or without its suffix)."""
    stem = where.rstrip("省市县区")
    return any(n and (n.startswith(where) or (len(stem) >= 2 and n.startswith(stem)))
               for n in (p.name, p.city, p.province))


def _title_matches(section: dict, title: str, fuzzy: bool = True) -> bool:
    norm = re.sub(r"[（(][^）)]*[）)]|[。，、：:；\s]", "", title)
    for alias in [section["title"], *section.get("aliases", [])]:
        if alias in norm or (len(norm) >= 4 and norm in alias):
            return True
        # a short alias (改进情况, 主要问题) matches exactly only: fuzzily it finds itself in any title one
        # character off (工作总体推进情况 ~ 改进情况, www.lingyuan.gov.cn 2025 年报, audit6 A01)
        if fuzzy and len(alias) >= 5 and fuzz.partial_ratio(alias, norm) >= 85 and len(norm) >= 3:
            return True
    return False


def _match_children(spec: list[dict], candidates: list[Heading]) -> list[Heading | None]:
    """Exact alias matches first, fuzzy ones for what is left, each heading used once."""
    found: list[Heading | None] = [None] * len(spec)
    used: set[int] = set()
    # required sections choose first: a heading that fits two (收支与绩效目标) belongs to the required one
    order = sorted(range(len(spec)), key=lambda i: not spec[i].get("required", True))
    for fuzzy in (False, True):
        for i in order:
            sec = spec[i]
            if found[i] is not None:
                continue
            hit = next((h for h in candidates if id(h) not in used and _title_matches(sec, h.title, fuzzy)), None)
            if hit is not None:
                used.add(id(hit))
                found[i] = hit
    return found


def _descendants(h: Heading | None, headings: list[Heading]) -> list[Heading]:
    if h is None:
        return [x for x in headings if x.level >= 1]
    out: list[Heading] = []
    stack = list(reversed(h.children))
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(reversed(x.children))
    return out


@rule("outline-missing", "S106", "warning", "structure",
      "缺少该文种提纲（lexicons/outlines/）要求的章节，或章节顺序与提纲不符",
      fires="湛江市某局2024年度部门整体支出绩效自评报告\n一、单位基本情况\n（一）单位机构设置、部门职能情况\n（二）部门整体支出情况\n"
            "二、自评工作开展情况\n（一）自评工作过程\n三、绩效自评情况\n（一）自评结果\n（二）部门整体支出绩效指标分析\n"
            "（三）改进措施\n",
      silent="2024年度工作总结\n一、主要工作\n二、下一步计划\n")
def outline_missing(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    yield from table_set_findings(ctx)  # the genre's set of published tables (部门决算: nine)
    outline = outline_for(ctx)
    if outline is None or not doc.headings:
        return
    # an excerpt that starts mid-outline (its first top-level heading is 三、) lacks nothing before it;
    # sections at the end are missing only when the report visibly reaches its end
    yield from _check_outline(ctx, outline["sections"], None, outline["genre"],
                              closed=_reaches_end(ctx, outline["sections"]),
                              starts_mid=bool(getattr(doc, "excerpt_start", False)))


_DATE_LINE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九十]{4})\s*年\s*[\d〇○一二三四五六七八九十]{1,3}\s*月"
                        r"(?:\s*[\d〇○一二三四五六七八九十]{1,3}\s*日)?\s*$")
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}(?:局|委员会|委|办公室|办|中心|政府|院|所|站|队|馆|厅|部|街道办事处|"
                        r"管委会|联合会|医院|学校)(?:[(（]盖章[)）])?$")


def _reaches_end(ctx: RuleContext, spec: list[dict]) -> bool:
    """The report visibly reaches its end: a signature or date line among its last paragraphs, or a
    heading carrying the outline's last section. A text that merely ends with 。 may be cut short."""
    doc = ctx.doc
    if getattr(doc, "excerpt_end", False):
        return False
    tail = [doc.paragraph_text(p).strip() for p in doc.paragraphs[-3:]]
    if any(_DATE_LINE.match(t) or _SIGNATURE.match(t) for t in tail):
        return True
    tops = [h for h in doc.headings if h.parent is None]
    return any(_title_matches(spec[-1], h.title, fuzzy=False) for h in tops)


def _check_outline(ctx: RuleContext, spec: list[dict], parent: Heading | None, genre: str,
                   closed: bool, starts_mid: bool = False) -> Iterator[Finding]:
    """``closed``: a later section of the parent's level is present, or the report reaches its end, so
    the parent's part is complete. ``starts_mid``: the text starts mid-outline; sections before the
    first present one are not missing."""
    doc = ctx.doc
    direct = [h for h in (parent.children if parent else doc.headings) if parent or h.parent is None]
    found = _match_children(spec, direct)
    # sections may sit one level off (a template that skips a level): look deeper for the rest
    deeper = [h for h in _descendants(parent, doc.headings) if h not in found]
    rest = _match_children([sec for sec, f in zip(spec, found, strict=True) if f is None], deeper)
    it = iter(rest)
    direct_found = [f for f in found if f is not None]
    found = [f if f is not None else next(it) for f in found]
    # a heading found deeper inside another section found here is that section's sub-item (年报
    # 一、总体情况 （二）收到政府信息公开申请情况 （三）政府信息管理情况 — wild W027): its place says nothing
    # of the order of the parts
    below = {id(x) for d in direct_found for x in _descendants(d, doc.headings)}
    inside = {id(f) for f in found if f is not None and id(f) in below and all(f is not d for d in direct_found)}
    where = f"「{parent.label}{parent.title}」下" if parent else ""
    last_pos = -1
    last_title = ""
    present = [i for i, f in enumerate(found) if f is not None and id(f) not in inside]
    last_present = max(present) if present else -1
    first_present = min(present) if present and starts_mid else -1
    for k, (sec, hit) in enumerate(zip(spec, found, strict=True)):
        if hit is None:
            # only a gap before a section that is there: an excerpt cut short is not a missing section
            if sec.get("required", True) and (k < last_present or closed) and k > first_present:
                anchor = parent or doc.headings[0]
                yield ctx.report(anchor.start, max(anchor.title_end, anchor.end),
                                 f"缺少{where}“{sec['title']}”部分（{genre}提纲要求）")
            continue
        if id(hit) in inside:
            continue  # (nor does it show that the report reached that part)
        if hit.start < last_pos:
            yield ctx.report(hit.start, max(hit.title_end, hit.end),
                             f"章节顺序与提纲不符：“{hit.title}”应在“{last_title}”之后")
        else:
            last_pos, last_title = hit.start, hit.title
        if sec.get("children"):
            yield from _check_outline(ctx, sec["children"], hit, genre, closed=closed or k < last_present)
