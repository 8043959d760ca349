"""Wording rules: 截至/截止, scope words, finance-term typos, law names, template leftovers."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reportlint.context import LEVEL_LABELS
from reportlint.findings import Finding
from reportlint.lexicon import load_list, load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.textutil import in_brackets

_CJK = "[\u4e00-\u9fff]"
_TIME_AFTER = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月|目前|当前|现在|今年|本年|上年|去年|"
    r"年底|年末|月底|上半年|下半年|报告期|发稿|本月|今天|当日|当天|\d{1,2}\s*日)")


@rule("jiezhi", "W501", "error", "wording",
      "“截止”后接时间点：表示“到某时为止”应写“截至”",
      fires="截止2024年12月31日，在职在编人员共计74人。\n",
      silent="截至2024年12月31日，在职74人。报名于5月30日截止，截止到11月底完成，截止日期为6月1日。\n")
def jiezhi(ctx: RuleContext) -> Iterator[Finding]:
    text = ctx.text
    for m in re.finditer("截止", text):
        after = text[m.end():m.end() + 12]
        if re.match(r"\s*(?:到|于|日期|时间|期限|时点|前|后)", after):
            continue
        if not _TIME_AFTER.match(after):
            continue
        yield ctx.report(m.start(), m.end(),
                         "“截止”后接时间点应写“截至”：截至表示“到某时为止”，截止表示“（到期）停止”",
                         suggestion="截至")


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
                if i >= len(words) and s > 0 and re.match(_CJK, text[s - 1]):
                    continue
                if s > 0 and re.match(_CJK, text[s - 1]) and not ctx.doc.is_boundary(s):
                    continue
                fix = own[i] if i < len(words) and i < len(own) else None
                yield ctx.report(s, e,
                                 f"范围用语“{word}”与单位层级不符：本单位为{LEVEL_LABELS.get(level, level)}级"
                                 f"（{unit or '按全文用语判断'}），疑似套用其他单位的文本",
                                 suggestion=fix)


# ---------------------------------------------------------------- term-typo


def term_list(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*load_list("terms.txt"), *extra)))


# a replaced or inserted character that is itself a common word (的, 较, 在) means ordinary text
# follows a term prefix ("预算执行较低"), not a corrupted term; rare look-alikes (箅, 菅) stay suspect
COMMON_CHAR_FREQ = 5000


@cache
def _variant_patterns(terms: tuple[str, ...]) -> list[tuple[str, str, re.Pattern[str]]]:
    """Per term and kind of edit (a character extra, replaced or missing), an overlapping-match regex."""
    out = []
    for t in terms:
        if len(t) < 4:
            continue
        chars = [re.escape(c) for c in t]
        extra = ["".join(chars[:i]) + _CJK + "".join(chars[i:]) for i in range(1, len(t))]
        replaced = ["".join(chars[:i]) + f"(?!{chars[i]}){_CJK}" + "".join(chars[i + 1:]) for i in range(len(t))]
        missing = ["".join(chars[:i] + chars[i + 1:]) for i in range(len(t))] if len(t) >= 5 else []
        # each kind on its own: a failed longer variant must not hide a shorter one
        for kind, alts in (("extra", extra), ("replaced", replaced), ("missing", missing)):
            if alts:
                out.append((t, kind, re.compile("(?=(" + "|".join(f"(?:{a})" for a in alts) + "))")))
    return out


def find_term_typos(ctx: RuleContext, terms: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) of corrupted terms; longer candidates win."""
    from reportlint.nlp import tokenizer

    freq = tokenizer().FREQ
    text = ctx.text
    known = set(terms)
    doc = ctx.doc
    candidates: list[tuple[int, int, str]] = []
    starts = _candidate_starts(text, terms)
    for term, kind, pat in _variant_patterns(terms):
        for m in (pat.match(text, i) for i in sorted(starts.get((term, kind), ()))):
            if m is None:
                continue
            s, e = m.start(1), m.end(1)
            cand = m.group(1)
            if cand in known:
                continue
            # the correct term itself is there (一般公共预算 contains 般公共预算)
            lo = max(0, s - len(term))
            k = text.find(term, lo, e + len(term))
            if k >= 0 and k <= s and k + len(term) >= e:
                continue
            if not doc.is_boundary(s) or not _end_ok(doc, s, e, term):
                continue
            if kind != "missing" and not _doubled(cand):
                new = [c for c in cand if c not in term]
                if not new or any(freq.get(c, 0) >= COMMON_CHAR_FREQ for c in new):
                    continue
            span_tokens = doc.words_in(s, e)
            # a broken segmentation (a stray single character) marks a corrupted term;
            # a span that splits into ordinary words (专项/基金) is just other words
            if any(len(w) == 1 and re.match(_CJK, w) for w in span_tokens):
                candidates.append((s, e, term))
    chosen: list[tuple[int, int, str]] = []
    for s, e, term in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(s < ce and cs < e for cs, ce, _ in chosen):
            chosen.append((s, e, term))
    return sorted(chosen)


@cache
def _anchors(terms: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, list[tuple[str, int]]]]:
    """Where a term's variants can start, read off its first and last bigram.

    One edit (a character missing, extra or replaced) destroys at most the bigrams around it, so a
    variant of a term of four or more characters keeps the term's first bigram at its own start, or
    its last bigram at its end: a variant starts at a first-bigram hit, or 1 ± 1 characters before
    ``len(term) - 2`` ahead of a last-bigram hit. Each anchor bigram maps to (term, offsets to try).
    """
    index: dict[str, list[tuple[str, int, str]]] = {}
    for t in terms:
        if len(t) < 4:
            continue
        for kind in ("extra", "replaced", "missing"):
            index.setdefault(t[:2], []).append((t, 0, kind))
        # from the end: an extra character starts one earlier, a missing one one later
        for d, kind in ((-1, "extra"), (0, "replaced"), (1, "missing")):
            index.setdefault(t[-2:], []).append((t, 2 - len(t) + d, kind))
    pattern = re.compile("(?=(" + "|".join(map(re.escape, sorted(index))) + "))")
    return pattern, index


def _candidate_starts(text: str, terms: tuple[str, ...]) -> dict[tuple[str, str], set[int]]:
    """(term, kind of edit) -> positions where such a variant may start."""
    pattern, index = _anchors(terms)
    starts: dict[tuple[str, str], set[int]] = {}
    for m in pattern.finditer(text):
        i = m.start()
        for t, offset, kind in index[m.group(1)]:
            if i + offset >= 0:
                starts.setdefault((t, kind), set()).add(i + offset)
    return starts


def _end_ok(doc, s: int, e: int, term: str) -> bool:
    """The candidate ends on a word boundary, or inside a word that continues the term's own
    ending (三公经经费支出: 经费支出 starts with the term's 经费)."""
    if doc.is_boundary(e):
        return True
    k = e - 1
    while k > s and not doc.is_boundary(k):
        k -= 1
    tail = doc.text[k:e]
    return len(tail) >= 2 and term.endswith(tail)


def _doubled(cand: str) -> bool:
    """A character typed twice (一般公公共预算)."""
    return any(a == b for a, b in itertools.pairwise(cand))


@rule("term-typo", "W503", "error", "wording",
      "财政术语缺字、多字或错字（般公共预算、一般公共预箅），按 lexicons/terms.txt 模糊匹配",
      fires="本单位本级般公共预算财政拨款开支的在职人员74人，政府性基金预箅收入100万元。\n",
      silent="一般公共预算财政拨款支出，政府性基金预算，专项基金，财政拨付及时，资本支出，办公经费。\n")
def term_typo(ctx: RuleContext) -> Iterator[Finding]:
    terms = term_list(tuple(ctx.config.extra_terms))
    for s, e, term in find_term_typos(ctx, terms):
        cand = ctx.text[s:e]
        yield ctx.report(s, e, f"疑似术语错误：“{cand}”应为“{term}”（{_edit_kind(cand, term)}）", suggestion=term)


def _edit_kind(cand: str, term: str) -> str:
    if len(cand) < len(term):
        return "缺字"
    if len(cand) > len(term):
        return "多字"
    return "错字"


# ---------------------------------------------------------------- law-name

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


# ---------------------------------------------------------------- template-left


@cache
def _template_patterns():
    lex = load_yaml("templates.yaml")
    ph = re.compile("|".join(f"(?:{p})" for p in lex["placeholders"]))
    ins = re.compile("|".join(f"(?:{p})" for p in lex["instructions"]))
    head_ins = re.compile("|".join(f"(?:{p})" for p in lex["heading_instructions"]))
    blank = re.compile(r"^(?:" + "|".join(map(re.escape, lex["blank_fields"])) + r")(?:（[^）]{0,6}）)?\s*[:：]\s*$")
    return ph, ins, head_ins, blank, tuple(lex["question_embedders"])


@rule("template-left", "W505", "warning", "wording",
      "模板文字未替换：未作答的模板问题（是否…一致。）、占位符（XX、××、X年X月）、填写说明",
      fires="（四）自评材料报送及公开一致情况。本单位所报送的自评报告、数据表、评分表是否与公开的自评报告一致。\n",
      silent="（四）存在问题\n（1）项目立项是否充分论证？有待进一步研究。\n本单位对项目是否达到预期目标进行了评价。\n")
def template_left(ctx: RuleContext) -> Iterator[Finding]:
    from reportlint.rules.timing import in_future_section

    ph, ins, head_ins, blank, embedders = _template_patterns()
    text = ctx.text
    doc = ctx.doc
    for m in ph.finditer(text):
        yield ctx.report(m.start(), m.end(), f"模板占位符“{m.group(0)}”未替换为实际内容")
    for m in ins.finditer(text):
        yield ctx.report(m.start(), m.end(), f"模板填写说明“{m.group(0)}”未删除")
    for p in doc.paragraphs:
        ptext = doc.paragraph_text(p)
        if blank.match(ptext):
            yield ctx.report(p.start, p.end, f"封面栏目“{ptext.rstrip('：: ')}”未填写")
        if p.heading is not None:
            for m in head_ins.finditer(text, p.heading.start, p.heading.title_end + 1):
                yield ctx.report(m.start(), m.end(), f"标题中保留了模板的填写说明“{m.group(0)}”", suggestion="")
        if in_future_section(doc, p) or (p.section and "问题" in p.section.title):
            continue
        for s in p.sentences:
            sent = text[s.start:s.end]
            k = sent.find("是否")
            if k < 0 or not sent.rstrip().endswith("。"):
                continue
            lead = sent[:k]
            if any(w in lead for w in embedders) or lead.startswith("经"):
                continue
            clause_end = min([i for i in (sent.find(ch, k) for ch in "，；") if i >= 0] or [len(sent)])
            rest = sent[clause_end:] + text[s.end:p.end]
            if re.match(r"[，；\s]*(?:是|否|均|已|经核|经比对|经核查|一致|不一致)", rest):
                continue
            yield ctx.report(s.start + k, s.end,
                             "模板问题未作答：“是否……”以陈述句保留在正文中，应写明实际情况（如“一致”或说明差异）")
