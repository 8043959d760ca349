"""Another place's names left in the report: text copied from another county's or city's document.

**Finds**: two shapes, in a report whose own place and level are known (its unit's place chain, or
the place that opens its title: 岚溪县森林防火规划):

- another place of the unit's level described as the subject of a passage about territory:
  ``桐川县境内河流…`` / ``…县辖区内`` / ``…县位于`` / ``…县地处`` / ``…县总面积`` in 岚溪县's plan. A place
  from the division data is named with the city and province it belongs to;
- a list of places of the unit's own level given tasks, in a report of that level:
  ``梧岭、东屏、南川等市要于年底前完成…`` in a city bureau's summary (a province's text pasted in).

**Why a reviewer cares**: inspection notices quote plans that keep another county's rivers and
towns, and city summaries that assign tasks to "other cities": the text was written for somewhere
else and does not describe the unit.

**Example**:

    岚溪县森林防火规划编制说明
    （二）水文。桐川县境内河流属资江水系，主要支流流经柘塘镇、鹤屿镇。
    → 描述的是另一地方「桐川县」的辖区，本报告单位为岚溪县：疑似照搬他地文件，请核实

**Fix**: describe the unit's own place, or say why the other place is named.

**Leaves alone**: the unit's own place and its parents and children (a city names its counties, a
county its towns; 各县（市、区）…要 in a city report); places named on purpose in the sentence
(与相邻的X县, 参照/学习/借鉴/赴/考察 X, 与X交界/接壤, 对口帮扶, 结对/挂职/交流 X); lists with the unit itself as one
party (我市与X市); reports whose own place or level is unknown, and provincial and national reports
(a national report names every province: it has no peers).

**Source**: inspection findings on copied plans (hunantoday.cn 2025-07; district.ce.cn 2019-05).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reportlint.findings import Finding
from reportlint.places import Place, divisions, place_chain
from reportlint.rules.base import RuleContext, rule

_COUNTY_LEVEL = ("county", "district")
_SUFFIX_LEVEL = {"县": "county", "旗": "county", "区": "district", "市": None}  # 市: city or county-level city
_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,5}?(?:自治县|县|旗|区|市))(境内|辖区内|全境|位于|地处|总面积|国土面积|下辖|共辖)")
_DIRECTIVE = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、){1,}[\u4e00-\u9fff]{2,4})等(市|县|区)(?:要|应|须|需|务必)")
_ON_PURPOSE = re.compile(r"与|同|和|及|相邻|毗邻|邻近|周边|交界|接壤|参照|参考|学习|借鉴|对标|赴|到|前往|考察|对口|帮扶|协作|支援|援|联防|"
                         r"结对|挂职|交流|共建|兄弟|先进|经验|来自|原")
_NOT_NAME = re.compile(r"^(?:[全本我该各其此每邻外市区县省州乡镇村]|周边|附近|下辖|所辖)")
_TITLE_PLACE = re.compile(r"^\s*([\u4e00-\u9fff]{2,12}?(?:自治县|县|旗|区|市))")


def _own_places(ctx: RuleContext) -> list[Place]:
    if ctx.context.places:
        return ctx.context.places
    if not ctx.doc.paragraphs:
        return []
    m = _TITLE_PLACE.match(ctx.doc.paragraph_text(ctx.doc.paragraphs[0]))
    return place_chain(m.group(1)) if m else []


def _short(name: str) -> str:
    return re.sub(r"(?:自治县|县|旗|区|市)$", "", name)


@cache
def _is_known(name: str) -> list[Place]:
    return divisions().lookup(name)


def _related(name: str, own: list[Place]) -> bool:
    """True when ``name`` is the unit's own place, a parent, or a place under it."""
    names = {p.name for p in own} | {_short(p.name) for p in own}
    if name in names or _short(name) in names:
        return True
    for p in _is_known(name):
        if any(p.city == o.name or (p.province == o.name and o.level == "province") for o in own[:1]):
            return True
    return False


def _belongs(name: str) -> str:
    known = _is_known(name)
    if len({(p.city, p.province) for p in known}) == 1 and (known[0].city or known[0].province):
        return f"（属{known[0].province}{known[0].city}）"
    return ""


def _clause_before(text: str, start: int) -> str:
    cut = max(text.rfind(c, 0, start) for c in "。；;！？\n")
    return text[cut + 1:start]


@rule("foreign-place", "C304", "warning", "copying",
      "出现另一地方（同级的其他县、市）的名称：描述他地辖区（X县境内…）或给同级其他地方布置任务，疑似照搬他地文件",
      fires="岚溪县森林防火规划编制说明\n（二）水文。桐川县境内河流属资江水系，主要支流流经柘塘镇、鹤屿镇。\n",
      silent="岚溪县森林防火规划编制说明\n（三）周边情况。我县与相邻的桐川县建立了森林防火联防机制，每年开展联合演练1次。\n")
def foreign_place(ctx: RuleContext) -> Iterator[Finding]:
    own = _own_places(ctx)
    if not own:
        return
    level = own[0].level
    if level not in (*_COUNTY_LEVEL, "city"):
        return
    text = ctx.text
    for m in _SUBJECT.finditer(text):
        name = m.group(1)
        # the longest place name ending here that starts at a boundary (a known name, or after a non-Han mark)
        cands = [name[i:] for i in range(len(name) - 2, -1, -1)]
        pick = next((c for c in reversed(cands) if _is_known(c)), None)
        start = m.end(1) - len(pick) if pick else m.start(1)
        if pick is None:
            if m.start(1) > 0 and "\u4e00" <= text[m.start(1) - 1] <= "\u9fff":
                continue
            pick = name
        if _NOT_NAME.match(pick) or _ON_PURPOSE.search(pick) or len(pick) < 3 or _related(pick, own):
            continue
        suffix_level = _SUFFIX_LEVEL.get(pick[-1], "county") if not pick.endswith("自治县") else "county"
        known = _is_known(pick)
        plevel = known[0].level if known else suffix_level
        # an unknown …市 (prefecture or county-level city) cannot be placed; an unknown …区 is as often a
        # park, scenic area or reserve (工业园区, 风景区, 保护区) as a district
        if plevel is None or (not known and pick.endswith("区")):
            continue
        same = (plevel in _COUNTY_LEVEL and level in _COUNTY_LEVEL) or plevel == level
        if not same or _ON_PURPOSE.search(_clause_before(text, start)):
            continue
        yield ctx.report(start, m.end(2), f"描述的是另一地方「{pick}」{_belongs(pick)}的辖区，本报告单位为"
                         f"{own[0].name}：疑似照搬他地文件，请核实")
    for m in _DIRECTIVE.finditer(text):
        items = m.group(1).split("、")
        word = m.group(2)
        want = {"市": ("city",), "县": _COUNTY_LEVEL, "区": _COUNTY_LEVEL}[word]
        # 我县与X县、Y县等县要…: the unit is a party (the conjunction opens the list), not the addressee
        if (level not in want or _ON_PURPOSE.search(_clause_before(text, m.start()))
                or _ON_PURPOSE.match(items[0])):
            continue
        others = [i for i in items if not _related(i, own) and not _related(i + word, own)]
        if len(others) < 1 or len(items) < 2:
            continue
        yield ctx.report(m.start(), m.end(), f"{own[0].name}的报告给同级的其他{word}（{'、'.join(others)}）布置任务："
                         "疑似照搬上级文件，请改为本单位的工作")
