"""A law or regulation cited by a name it does not have.

**Finds**: titles in 《》 ending in 法, 条例, 细则, 办法, 规定, 规则 or 法典 that are neither a full name
nor an accepted short name of ``lexicons/laws.yaml`` (plus ``lexicon.laws`` in configuration), when
they are a listed wrong name, a fragment of a known name ending the same way (采购法 ⊂ 政府采购法), or
within one edit / a fuzzy ratio of 85 of one.

**Why a reviewer cares**: an official report must cite the law by its name; 《采购法》 does not exist,
and a reviewer has to look up which law was meant.

**Example**:

    在遵循国家的《预算法》《采购法》基础上使用资金。
    → 法规名称有误：没有名为《采购法》的法律法规，应为《中华人民共和国政府采购法》（简称《政府采购法》）

**Fix**: cite the full name, or its accepted short form (the suggestion).

**Leaves alone**: accepted short names (《预算法》, 《政府采购法》); titles of documents that are not
laws (通知, 意见, 方案); names the lexicon does not know and that are not near a known one.

**Source**: the official names in the 国家法律法规数据库 (flk.npc.gov.cn); short forms as the
laws' own texts and the State Council use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reportlint.findings import Finding
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule

_TITLE = re.compile(r"《([^《》\n]{2,40})》")
_LAW_END = re.compile(r"(?:法|条例|细则|办法|规定|规则|法典)$")


@cache
def _laws(extra: tuple[str, ...] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """(accepted name -> full name, wrong name -> full name)."""
    lex = load_yaml("laws.yaml")
    ok: dict[str, str] = {}
    for law in lex["laws"]:
        ok[law["name"]] = law["name"]
        for s in law.get("short") or []:
            ok[s] = law["name"]
    for item in extra:
        full, _, short = item.partition("=")
        ok[full.strip()] = full.strip()
        for s in short.split(","):
            if s.strip():
                ok[s.strip()] = full.strip()
    return ok, dict(lex.get("wrong") or {})


@rule("law-name", "W504", "error", "wording",
      "引用的法律法规名称不存在（《采购法》应为《中华人民共和国政府采购法》）",
      fires="在遵循国家的《预算法》《采购法》基础上使用资金。\n",
      silent="根据《中华人民共和国预算法》《政府采购法》《中华人民共和国政府信息公开条例》等规定。\n")
def law_name(ctx: RuleContext) -> Iterator[Finding]:
    ok, wrong = _laws(tuple(ctx.config.extra_laws))
    for m in _TITLE.finditer(ctx.text):
        title = m.group(1).strip()
        if title in ok or not _LAW_END.search(title):
            continue
        full = wrong.get(title)
        if full is None:
            full = _closest_law(title, ok)
        if full is None:
            continue
        short = [k for k, v in ok.items() if v == full and k != full]
        hint = f"（简称《{short[0]}》）" if short else ""
        yield ctx.report(m.start(), m.end(), f"法规名称有误：没有名为《{title}》的法律法规，应为《{full}》{hint}",
                         suggestion=f"《{short[0] if short else full}》")


def _closest_law(title: str, ok: dict[str, str]) -> str | None:
    """A fragment of a known name (采购法 ⊂ 政府采购法) or a near spelling of one."""
    best: tuple[float, str] | None = None
    for name, full in ok.items():
        if title in name and len(title) >= 3 and title[-1] == name[-1]:
            score = 100.0
        else:
            score = fuzz.ratio(title, name)
            one_edit = len(title) >= 4 and title[-1] == name[-1] and Levenshtein.distance(title, name) <= 1
            if score < 85 and not one_edit:
                continue
        if best is None or score > best[0]:
            best = (score, full)
    return best[1] if best else None
