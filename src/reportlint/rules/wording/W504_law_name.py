"""A law or regulation cited by a name it does not have.

**Finds**: titles in 《》 ending in 法, 条例, 细则, 办法, 规定, 规则 or 法典 that are neither a full name
nor an accepted short name of ``lexicons/laws.yaml`` (plus ``lexicon.laws`` in configuration), when
they are a listed wrong name, a fragment of a known name ending the same way (采购法 ⊂ 政府采购法), or
one character off a known name where the character is in the national name (《中华人民共合国预算法》)
or is a same-sound or look-alike of the right one (:mod:`reportlint.spelling.laws`); also a title whose
kind word itself is misspelt (《政府信息公开条列》, 《安全生产发》, 《民法点》). A wrong character in a law's
name is reported by term-typo as well.

**Why a reviewer cares**: an official report must cite the law by its name; 《采购法》 does not exist,
and a reviewer has to look up which law was meant.

**Example**:

    在遵循国家的《预算法》《采购法》基础上使用资金。
    → 法规名称有误：没有名为《采购法》的法律法规，应为《中华人民共和国政府采购法》（简称《政府采购法》）

**Fix**: cite the law by its name (the suggestion keeps the form the report chose: the full name for
a full title, 《中华人民共合国预算法》 → 《中华人民共和国预算法》, the accepted short form for a short one).

**Leaves alone**: accepted short names (《预算法》, 《政府采购法》); titles of documents that are not
laws (通知, 意见, 方案); names the lexicon does not know and that are two or more characters from every
known one (《中华人民共和国公司法》 is never "corrected" to 公务员法; 294 laws and regulations are listed).

**Source**: the official names in the 国家法律法规数据库 (flk.npc.gov.cn); short forms as the
laws' own texts and the State Council use them.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.spelling.laws import NATION, is_law, law_issues, misspelt_form, short_form


@rule("law-name", "W504", "error", "wording",
      "引用的法律法规名称不存在（《采购法》应为《中华人民共和国政府采购法》）",
      fires="在遵循国家的《预算法》《采购法》基础上使用资金。\n",
      silent="根据《中华人民共和国预算法》《政府采购法》《中华人民共和国政府信息公开条例》等规定。\n")
def law_name(ctx: RuleContext) -> Iterator[Finding]:
    extra = tuple(ctx.config.extra_laws)
    for s, e, title, full in law_issues(ctx.text, extra):
        if not is_law(full) and misspelt_form(title, extra):
            continue  # a regulation's name misspelt (《政府信息公开条列》): term-typo's, one finding per title
        short = short_form(full, extra)
        hint = f"（简称《{short}》）" if short else ""
        # the form the writer chose: a full name misspelt is fixed to the full name, a short one to the short
        as_written = full if not short or title.startswith(NATION[:2]) or len(title) > len(short) + 1 else short
        yield ctx.report(s, e, f"法规名称有误：没有名为《{title}》的法律法规，应为《{full}》{hint}",
                         suggestion=f"《{as_written}》")
