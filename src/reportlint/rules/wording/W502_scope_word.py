"""A peer level's scope word (全县 / 本县 / 县委 in a district's report).

**Finds**: for a unit whose level is known (``district``, ``county`` …), the scope words
(``self_words``) and government words (``government_words``, only at a clause start) of the
peer levels listed in ``lexicons/scope.yaml`` (``peers``); a word must start on a token boundary
when a Han character precedes it.

**Why a reviewer cares**: 全县 in a district's report is the trace of a template taken from a county
(or from last year's unit); it tells the reviewer the text was not written for this unit.

**Example**:

    评价单位：湛江经济技术开发区人口和社会事务管理局
    持续提升全县公共卫生服务能力。
    → 范围用语“全县”与单位层级不符：本单位为区级（湛江经济技术开发区人口和社会事务管理局），疑似套用其他单位的文本

**Fix**: write the unit's own scope word (the suggestion: 全区 for a district).

**Leaves alone**: parent levels (全市, 全省); words that are part of the unit's own name; words in
《》; 全区 in a 自治区's report; 县委 inside a place name (遂溪县委); reports whose level is unknown.

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


@cache
def _scope_tables():
    lex = load_yaml("scope.yaml")
    return lex["self_words"], lex["peers"], lex.get("government_words", {})


@rule("scope-word", "W502", "error", "wording",
      "范围用语与单位层级不符（区级单位的报告写“全县”），多为套用其他单位模板",
      fires="评价单位：湛江经济技术开发区人口和社会事务管理局\n持续提升全县公共卫生服务能力。\n",
      silent="评价单位：湛江经济技术开发区人口和社会事务管理局\n全区医改考核全市排名第三，经开区疫苗接种率全省领先。\n",
      needs=("level",))
def scope_word(ctx: RuleContext) -> Iterator[Finding]:
    level = ctx.context.unit_level
    self_words, peers, gov_words = _scope_tables()
    own = self_words.get(level, [])
    unit = ctx.context.unit_name or ""
    text = ctx.text
    for peer in peers.get(level, []):
        if peer == "district" and "自治区" in unit:
            continue  # 全区 is the province in 广西/内蒙古… reports
        words = list(self_words.get(peer, []))
        gov = gov_words.get(peer, [])
        for i, word in enumerate(words + gov):
            for m in re.finditer(re.escape(word), text):
                s, e = m.start(), m.end()
                if in_brackets(text, s) or (unit and word in unit):
                    continue
                # 县委 / 县政府: only at a clause start, not inside a place name (遂溪县委)
                if i >= len(words) and s > 0 and re.match(HAN_CHAR, text[s - 1]):
                    continue
                if s > 0 and re.match(HAN_CHAR, text[s - 1]) and not ctx.doc.is_boundary(s):
                    continue
                fix = own[i] if i < len(words) and i < len(own) else None
                yield ctx.report(s, e,
                                 f"范围用语“{word}”与单位层级不符：本单位为{LEVEL_LABELS.get(level, level)}级"
                                 f"（{unit or '按全文用语判断'}），疑似套用其他单位的文本",
                                 suggestion=fix)
