"""A scope word of a level that is neither the unit's nor a parent's (全县 / 县委 in a district's report).

**Finds**: for a unit whose level is known (``district``, ``county`` …), the scope words
(``self_words``) and government words (``government_words``, only at a clause start) of a level of
the same rank or above that is neither the unit's own nor one of its parents' (the parent chain comes
from the division data, ``places``: 全县 is wrong in 宁波市鄞州区东柳街道's report, right in 安吉县昌硕街道's);
when the parents are unknown, of the peer levels listed in ``lexicons/scope.yaml`` (``peers``), and
the county's (全县) in a town or street office whose text names its government only as a district's
(区委、区政府, ``parent_words``). Also
an organ's self-reference (我局 / 本委) in the report of a town, township or subdistrict government,
and a glossary that has another level appropriate the unit's budget (一般公共预算拨款收入：指市本级财政当年
拨付的资金 in a town's or a county bureau's 预算/决算说明; only 省/市/州, ``own_finance_levels``).
A word must start and end on token
boundaries when Han characters surround it (全乡镇, 全乡村振兴 and 本区域 are other words).

**Why a reviewer cares**: 全县 in a district's report is the trace of a template taken from a county
(or from last year's unit); it tells the reviewer the text was not written for this unit.

**Example**:

    评价单位：湛江经济技术开发区人口和社会事务管理局
    持续提升全县公共卫生服务能力。
    → 范围用语“全县”与单位层级不符：本单位为区级（湛江经济技术开发区人口和社会事务管理局，上级为湛江市、广东省），疑似套用其他单位的文本

**Fix**: write the unit's own scope word (the suggestion: 全区 for a district).

**Leaves alone**: parent levels (全市, 全省); 县本级财政 in a town's glossary (the county may keep
its books); words that are part of the unit's own name; words in 《》; words inside quotation marks after another unit of
that level named in the paragraph (城关街道…写道：“我街道…”: reported speech); 全区 in a 自治区's report; 县委 inside a place name (遂溪县委); reports whose level is unknown.

**Source**: the unit's administrative level (its name on the cover, 行政区划 levels); the scope
word table in ``lexicons/scope.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reportlint.context import LEVEL_LABELS
from reportlint.findings import Finding
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import HAN_CHAR, in_brackets

_GOVERNMENT = ("政府", "人民政府", "党委")
_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "town": 3, "township": 3, "subdistrict": 3}
_JUDGED = ("district", "county", "town", "township", "subdistrict")


@cache
def _scope_tables():
    lex = load_yaml("scope.yaml")
    return lex["self_words"], lex["peers"], lex.get("government_words", {})


def allowed_levels(ctx: RuleContext) -> set[str] | None:
    """Levels whose scope words fit the unit: its own and its parents' (with the levels their forms
    speak for); ``None`` when the parent chain is unknown (then the ``peers`` table decides)."""
    c = ctx.context
    places = c.places
    if len(places) < 2 and not (places and places[0].level == "province"):
        return None
    if not any(p.known for p in places):
        return None  # parents read from suffixes only (某县城关镇): the province, and so 全区's meaning, is unknown
    forms = load_yaml("scope.yaml").get("form_levels", {})
    out = {c.unit_level}
    for p in places:
        out.add(p.level)
        out.update(forms.get(p.form, ()))
    return out


@rule("scope-word", "W502", "error", "wording",
      "范围用语与单位层级不符（区级单位的报告写“全县”），或乡镇街道的报告自称“我局”，多为套用其他单位模板",
      fires="评价单位：湛江经济技术开发区人口和社会事务管理局\n持续提升全县公共卫生服务能力。\n",
      silent="评价单位：湛江经济技术开发区人口和社会事务管理局\n全区医改考核全市排名第三，经开区疫苗接种率全省领先。\n",
      needs=("level",))
def scope_word(ctx: RuleContext) -> Iterator[Finding]:
    level = ctx.context.unit_level
    self_words, peers, gov_words = _scope_tables()
    own = self_words.get(level, [])
    unit = ctx.context.unit_name or ""
    text = ctx.text
    allowed = allowed_levels(ctx)
    if allowed is not None:
        judged = [x for x in _JUDGED if x not in allowed and _RANK[x] <= _RANK.get(level, 3)]
    else:
        judged = [x for x in peers.get(level, []) if not (x == "district" and "自治区" in unit)]
        if _RANK.get(level) == 3 and _parent_is_district(ctx.text):
            judged.append("county")  # a town or street office under a district (区委、区政府) writing 全县
    # the level its own name gives (晓坪乡 → township) is its own even when the level was set otherwise
    # (乡 and 镇 are one rank; a configured "town" must not make 全乡 foreign in a 乡's report)
    named = {p.level for p in ctx.context.places[:1]}
    if unit and not named:
        from reportlint.context import level_of_name

        named = {level_of_name(unit)} - {None}
    judged = [x for x in judged if x not in named]
    if not named and level in ("town", "township"):
        # 乡 and 镇 are one rank: without the unit's own name (a configured or usage-read "town"), 我乡 in a report
        # that also writes 镇街 tells nothing (real 702, a 乡's 年报 evaluated with --level town)
        judged = [x for x in judged if x not in ("town", "township")]
    label = LEVEL_LABELS.get(level, level)
    chain = "、".join(p.name for p in ctx.context.places[1:])
    basis = "依据命令行或配置" if ctx.context.level_source == "option" else "按全文用语判断"
    named_by = f"{unit}，层级{basis}" if unit and ctx.context.level_source == "option" else unit
    where = f"（{named_by or basis}{'，上级为' + chain if chain else ''}）"
    for peer in judged:
        words = list(self_words.get(peer, []))
        gov = gov_words.get(peer, [])
        for i, word in enumerate(words + gov):
            for m in re.finditer(re.escape(word), text):
                s, e = m.start(), m.end()
                if in_brackets(text, s) or (unit and word in unit) or _quoted_from_other(text, s, word):
                    continue
                # 县委 / 县政府: only at a clause start, not inside a place name (遂溪县委)
                if i >= len(words) and s > 0 and re.match(HAN_CHAR, text[s - 1]):
                    continue
                if s > 0 and re.match(HAN_CHAR, text[s - 1]) and not ctx.doc.is_boundary(s):
                    continue
                # the head of a longer word: 全乡镇, 全乡村振兴, 本区域 (我镇政府 is 我镇 + 政府: jieba reads 我 / 镇政府)
                if (e < len(text) and re.match(HAN_CHAR, text[e]) and not ctx.doc.is_boundary(e)
                        and not (word[0] in "我本" and text.startswith(_GOVERNMENT, e))):
                    continue
                fix = own[i] if i < len(words) and i < len(own) else None
                yield ctx.report(s, e,
                                 f"范围用语“{word}”与单位层级不符：本单位为{label}级{where}，疑似套用其他单位的文本",
                                 suggestion=fix)
    yield from _level_nouns(ctx, judged, label, where)
    yield from _organ_self_reference(ctx, label, where)
    yield from _own_finance(ctx, label, where)


def _quoted_from_other(text: str, i: int, word: str) -> bool:
    """``word`` at ``i`` is inside quotation marks after another unit of its level named in the paragraph:
    reported speech (城关街道的经验材料…写道：“我街道建立了…”, 东湖街道介绍了“我街道政务公开专区”, REVIEW7)."""
    p0 = text.rfind("\n", 0, i) + 1
    q = text.rfind("“", p0, i)
    if q < 0 or "”" in text[q:i]:
        return False
    stem = word.lstrip("我本全")
    if not stem:
        return False
    return any(m.group(0)[-len(stem) - 1] not in "我本全各该"
               for m in re.finditer(r"[\u4e00-\u9fff]{2,6}?" + re.escape(stem), text[p0:q]))


def _own_finance(ctx: RuleContext, label: str, where: str) -> Iterator[Finding]:
    """The glossary's own appropriation of another level: 指市本级财政当年拨付的资金 in a town's report."""
    lex = load_yaml("scope.yaml")
    c = ctx.context
    if not c.unit_name or c.level_source not in ("divisions", "suffix", "option"):
        return
    forms = lex.get("form_levels", {})
    own = {c.unit_level} | {lv for p in c.places[:1] for lv in forms.get(p.form, ())}
    for m in re.finditer(lex["own_finance_pattern"], ctx.text):
        level = lex["own_finance_levels"][m.group(1)]
        if level in own or in_brackets(ctx.text, m.start()):
            continue
        yield ctx.report(m.start(1), m.end(), f"“{m.group(1)}本级财政”与单位层级不符：本单位为{label}级{where}，"
                                              f"本单位的财政拨款不由{m.group(1)}本级财政拨付，疑似套用其他单位的名词解释",
                         suggestion="本级财政")


def _parent_is_district(text: str) -> bool:
    """The report names its government as a district's (区委、区政府 / 全区 at least twice) and never as a
    county's (县委 / 县政府): the parent of a town or street office whose parents the division data do not
    give. 全区 is never judged this way (it may be a 自治区 or a 开发区)."""
    lex = load_yaml("scope.yaml")["parent_words"]

    def count(words: list[str]) -> int:
        return sum(1 for w in words for m in re.finditer(re.escape(w), text)
                   if m.start() == 0 or not re.match(HAN_CHAR, text[m.start() - 1]) or text[m.start() - 1] in "在和及与、")
    return count(lex["district"]) >= 2 and count(lex["county"]) == 0


def _level_nouns(ctx: RuleContext, judged: list[str], label: str, where: str) -> Iterator[Finding]:
    """A bare level noun as the unit's own name (研究决定街道党的建设 in a 乡's report)."""
    lex = load_yaml("scope.yaml")
    nouns = lex.get("level_nouns", {})
    before = tuple(lex.get("level_noun_before", ()))
    after = re.compile("|".join(map(re.escape, lex.get("level_noun_after", ()))))
    text = ctx.text
    for level in judged:
        noun = nouns.get(level)
        if not noun:
            continue
        for m in re.finditer(re.escape(noun), text):
            s, e = m.start(), m.end()
            if not after.match(text, e) or in_brackets(text, s):
                continue
            alone = s == 0 or not re.match(HAN_CHAR, text[s - 1])
            if not alone and not (text[:s].endswith(before) and ctx.doc.is_boundary(s)):
                continue
            yield ctx.report(s, e, f"“{noun}”与单位层级不符：本单位为{label}级{where}，"
                                   f"此处把本单位称作“{noun}”，疑似套用其他单位的职能表述")


def _organ_self_reference(ctx: RuleContext, label: str, where: str) -> Iterator[Finding]:
    """我局 / 本委 in the report of a town, township or subdistrict government (no such organ)."""
    lex = load_yaml("scope.yaml")
    c = ctx.context
    unit = c.unit_name or ""
    if c.unit_level not in lex.get("organ_levels", ()) or not unit or c.level_source == "scope words":
        return
    text = ctx.text
    for word in lex.get("organ_self_words", ()):
        if word[-1] in unit:
            continue
        for m in re.finditer(re.escape(word), text):
            s, e = m.start(), m.end()
            if in_brackets(text, s) or not ctx.doc.is_boundary(s):
                continue
            yield ctx.report(s, e, f"自称“{word}”与单位不符：本单位为{label}级政府机关{where}，疑似套用其他部门的文本")
