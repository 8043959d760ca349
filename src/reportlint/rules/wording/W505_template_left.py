"""Template text left unanswered or unreplaced.

**Finds**: placeholders (``placeholders`` in ``lexicons/templates.yaml``: XX, ××, X年X月, 【请填写…】, the same in half-width
square brackets [具体地名] / [单位名称]), template instructions (``instructions``: （请填写…）, (注:请部门根据实际注明页码),
（此处填写…）, a table template's row instruction left in a
row label, 省级专项资金(每个专项一行), instructions left in a heading (``heading_instructions``:
（包括…等）, the closing 等 marks the instruction), a word limit left where the answer belongs
(``word_limit_instructions``: 说明…完成情况(100字以内) / …原因。（限300字） / (不超过500字), the whole instruction
sentence reported when nothing follows the parenthesis in its line or cell), blank cover fields (``blank_fields``: 评价单位：with nothing after it), and template
questions kept as statements (…是否…一致。) that the text after them does not answer.

**Why a reviewer cares**: a template question or placeholder left in the report shows it was not
finished; the question it asks is exactly what the reviewer wanted answered.

**Example**:

    （四）自评材料报送及公开一致情况。本单位所报送的自评报告、数据表、评分表是否与公开的自评报告一致。
    → 模板问题未作答：“是否……”以陈述句保留在正文中，应写明实际情况（如“一致”或说明差异）

**Fix**: answer the question (一致 / 不一致 and why), fill in the placeholder or field, delete the
instruction.

**Leaves alone**: 某某 (how published texts and corpus builders anonymise a person or an address); real [ ]
(a citation [1], 徐财绩[2025]5号, a web page's field label [ 发布机构 ], a Markdown link); a note to the reader
(注:数据来源于…, 注：单位为万元);
a heading's parenthesis that is part of its title (决算公开表(含汇总表), 支出(含本级行政及本级事业));
Markdown bold (``**一般公共预算**``; ``**`` counts only where a figure belongs: ≥**平方米); an empty box □
on a line where another box is ticked (☑ ■ √); real questions (ending in ？); 是否 embedded in a statement (对…是否…进行了评价:
``question_embedders``, 经…; …是否建立完善…等方面进行了自评: the aspects a statement says were evaluated); 是否 naming an aspect in a list (即是否公开、公开形式、公开范围等环节; after 即/如/包括/涉及/围绕/关于);
a 是否 clause that is the subject of the predicate after its comma (，有待进一步观察 / ，直接关系到… / ，取决于…:
``question_subject_predicates``); a question answered right after it (，是 / 均已 / 经核…一致), after a colon too (是否存在问题：否。 / ：有 /
：一致 / ：☑是 □否); 是否 in table rows (a scoring form's indicator explanation and criterion:
部门…工作计划制定是否完整可行 | 年度工作计划是否完整可行(3分); placeholders and instructions in cells still count);
a word limit followed by the next note or the answer (…需说明原因(100字以内);2.…); sections
about problems and the future.

**Source**: the template the financial department issues with its notice (湛开财资〔2025〕26号,
徐财绩〔2025〕5号); 国办公开办函〔2021〕30号 for the 政府信息公开工作年度报告 template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.timing._future import in_future_section


@cache
def _template_patterns():
    lex = load_yaml("templates.yaml")
    # guarded: alternations searched over the whole text skip the positions where none can start
    ph = guarded("|".join(f"(?:{p})" for p in lex["placeholders"]))
    ins = guarded("|".join(f"(?:{p})" for p in lex["instructions"]))
    head_ins = guarded("|".join(f"(?:{p})" for p in lex["heading_instructions"]))
    blank = re.compile(r"^(?:" + "|".join(map(re.escape, lex["blank_fields"])) + r")(?:（[^）]{0,6}）)?\s*[:：]\s*$")
    return ph, ins, head_ins, blank, tuple(lex["question_embedders"])


@cache
def _subject_predicate() -> re.Pattern[str]:
    """After the 是否 clause: a comma, then a predicate of which the clause is the subject (，有待进一步观察 /
    ，直接关系到… / ，取决于…); not when what is pending is the check itself (，有待进一步核实)."""
    lex = load_yaml("templates.yaml")
    words = sorted(lex["question_subject_predicates"], key=len, reverse=True)
    checks = "|".join(map(re.escape, lex["question_unchecked"]))
    return re.compile(r"[，,]\s*(?:" + "|".join(map(re.escape, words)) + r")(?![^。；，,;]{0,5}?(?:" + checks + "))")


@cache
def _word_limit():
    return guarded("|".join(f"(?:{p})" for p in load_yaml("templates.yaml")["word_limit_instructions"]))


# after a word-limit parenthesis: nothing more in its line or its cell
_CLOSES = re.compile(r"[。.\s]*(?:\||$)", re.M)
# numbering before an instruction sentence: 1. / (一) / 二、
_NUMBERING = re.compile(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?")


def _instruction_start(text: str, i: int) -> int:
    """Start of the instruction sentence that ends just before ``i`` (an 。 right before is its own)."""
    j = i
    while j > 0 and text[j - 1] in "。 \t":
        j -= 1
    start = max(text.rfind(ch, 0, j) for ch in "。！？；;|\n") + 1
    return _NUMBERING.match(text, start).end()


_TICKED = re.compile("[☑☒■√✓✔]")
# 是否 clauses that a statement says were evaluated: …等方面进行了自评 / …情况开展了检查 / …方面作了评价
_ASPECTS_EVALUATED = re.compile(r"(?:方面|情况|内容)\s*(?:进行|开展|作|做)了?[\u4e00-\u9fff]{0,4}?"
                                r"(?:自评|评价|评估|检查|核查|审查|分析|考核|梳理|自查)")
# words before 是否 that make it name an aspect (即是否公开、公开形式…), not ask a question
_NAMING = ("即", "如", "包括", "涉及", "围绕", "关于")
# the answer right after the question's clause: ，是 / ；均已 / ：否 / :有 / ：☑是 (a following 是否 question is
# not an answer)
_ANSWER = re.compile(r"[，；：:,;\s]*(?:[☑☒■√✓✔]|是(?!否)|否|均|已|未|有(?![待所])|无|经核|经比对|经核查|一致|不一致)")


def _line_of(text: str, i: int) -> str:
    return text[text.rfind("\n", 0, i) + 1:(text.find("\n", i) + 1 or len(text) + 1) - 1]


@rule("template-left", "W505", "warning", "wording",
      "模板文字未替换：未作答的模板问题（是否…一致。）、占位符（XX、××、X年X月）、填写说明",
      fires="（四）自评材料报送及公开一致情况。本单位所报送的自评报告、数据表、评分表是否与公开的自评报告一致。\n",
      silent="（四）存在问题\n（1）项目立项是否充分论证？有待进一步研究。\n本单位对项目是否达到预期目标进行了评价。\n")
def template_left(ctx: RuleContext) -> Iterator[Finding]:
    ph, ins, head_ins, blank, embedders = _template_patterns()
    text = ctx.text
    doc = ctx.doc
    for m in ph.finditer(text):
        if m.group(0) == "□" and _TICKED.search(_line_of(text, m.start())):
            continue  # a checkbox group with one box ticked: the question was answered
        yield ctx.report(m.start(), m.end(), f"模板占位符“{m.group(0)}”未替换为实际内容")
    for m in ins.finditer(text):
        yield ctx.report(m.start(), m.end(), f"模板填写说明“{m.group(0)}”未删除")
    for m in _word_limit().finditer(text):
        if not _CLOSES.match(text, m.end()):
            continue  # a limit inside a form's printed notes, the next note after it
        start = _instruction_start(text, m.start())
        if start < m.start():
            yield ctx.report(start, m.end(), f"模板填写说明“{m.group(0)}”未删除：应以实际内容替换这句填写要求")
    for p in doc.paragraphs:
        ptext = doc.paragraph_text(p)
        if blank.match(ptext):
            yield ctx.report(p.start, p.end, f"封面栏目“{ptext.rstrip('：: ')}”未填写")
        if p.heading is not None:
            for m in head_ins.finditer(text, p.heading.start, p.heading.title_end + 1):
                yield ctx.report(m.start(), m.end(), f"标题中保留了模板的填写说明“{m.group(0)}”", suggestion="")
        if "是否" not in ptext or in_future_section(doc, p) or (p.section and "问题" in p.section.title):
            continue  # a question left needs its 是否
        if doc.in_table(p):
            continue  # a scoring form's cell: 是否 is its indicator explanation or criterion, not a question left
        for s in p.sentences:
            sent = text[s.start:s.end]
            k = sent.find("是否")
            if k < 0 or not sent.rstrip().endswith("。"):
                continue
            lead = sent[:k]
            if any(w in lead for w in embedders) or lead.startswith("经"):
                continue
            clause_end = min([i for i in (sent.find(ch, k) for ch in "，；：:,;") if i >= 0] or [len(sent)])
            clause = sent[k:clause_end]
            if lead.rstrip().endswith(_NAMING) or ("、" in clause and "等" in clause):
                continue  # 即是否公开、公开形式、公开范围等关键环节: 是否公开 names an aspect in a list
            if _ASPECTS_EVALUATED.search(sent, k):
                continue  # 在…是否可行性论证充分,对…是否建立完善…等方面进行了自评 (h4b 826): the aspects evaluated
            rest = sent[clause_end:] + text[s.end:p.end]
            if _ANSWER.match(rest):
                continue
            if _subject_predicate().match(rest):
                continue  # 项目实施是否达到预期效果，有待进一步观察: the clause is the sentence's subject
            yield ctx.report(s.start + k, s.end,
                             "模板问题未作答：“是否……”以陈述句保留在正文中，应写明实际情况（如“一致”或说明差异）")
