"""Two paragraphs (or two long sentences) of one report that are near copies.

**Finds**: paragraph bodies of at least ``boilerplate_min_chars`` Chinese characters (default 40,
after stock phrases of ``lexicons/stock_phrases.txt`` are taken out) whose rapidfuzz ratio reaches
``boilerplate_similarity`` (default 70); then sentences of ≥ ¾ that length in paragraphs not yet
reported. The later passage is reported once, against its first twin.

**Why a reviewer cares**: a section copied from another and edited in a few words (信息公开 →
绩效管理) describes the wrong thing; reviewers read it as a report padded rather than written.

**Example**:

    3.信息公开。本部门在被评价年度严格按照政府信息公开有关规定公开相关预决算信息，…
    4.绩效管理。本部门在被评价年度严格按照政府信息公开有关规定公开相关绩效信息，…
    → 与第1行「3.信息公开」一段高度雷同（相似度93%），疑似复制后只改了少数词语

**Fix**: write what the second section is actually about, or merge the two.

**Leaves alone**: stock lead-ins every report shares (根据…要求, 现将…报告如下 …); short passages;
two passages in the same paragraph; digits, punctuation and spacing (they do not make a passage
original).

**Source**: 财预〔2020〕10号 (the report must state the unit's own evidence for each indicator);
the threshold is configuration, not a standard.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from rapidfuzz import fuzz, process

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.copying._stock import normalised_span

_PARA_A = ("3.信息公开。本部门在被评价年度严格按照政府信息公开有关规定公开相关预决算信息，用以反映部门预决算的"
           "公开透明和公开合规性情况。我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则进行公开。\n")
_PARA_B = ("4.绩效管理。本部门在被评价年度严格按照政府信息公开有关规定公开相关绩效信息，用以反映部门绩效管理的"
           "公开透明和公开合规性情况。我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则进行公开。\n")


@rule("boilerplate-internal", "C301", "warning", "copying",
      "同一报告中两段（或两个长句）高度雷同，疑似复制后只改了少数词语",
      fires=_PARA_A + _PARA_B,
      silent=_PARA_A + "4.绩效管理。本单位建立了绩效目标、运行监控、绩效评价和结果应用的全过程管理机制，"
                       "对12个项目开展了绩效运行监控，监控覆盖率100%，评价结果已报送财政部门并在部门网站公开。\n")
def boilerplate_internal(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    threshold = ctx.config.threshold("boilerplate_similarity")
    min_chars = int(ctx.config.threshold("boilerplate_min_chars"))
    passages: list[tuple[int, int, int]] = []  # (start, end, paragraph index): paragraph bodies
    texts: list[str] = []
    for p in doc.paragraphs:
        start = p.heading.title_end if p.heading else p.start
        norm = normalised_span(doc, start, p.end)
        if len(norm) >= min_chars:
            passages.append((start, p.end, p.index))
            texts.append(norm)
    reported: set[int] = set()
    yield from _pairs(ctx, passages, texts, threshold, reported, "段")
    sentences, stexts = [], []
    compared = set(texts)
    for sen in doc.sentences():
        if sen.paragraph in reported:
            continue
        norm = normalised_span(doc, sen.start, sen.end)
        if len(norm) >= min_chars * 3 // 4 and norm not in compared:  # a one-sentence paragraph was compared whole
            sentences.append((sen.start, sen.end, sen.paragraph))
            stexts.append(norm)
    yield from _pairs(ctx, sentences, stexts, threshold, reported, "句")


def _pairs(ctx: RuleContext, passages: list[tuple[int, int, int]], texts: list[str], threshold: float,
           reported: set[int], unit: str) -> Iterator[Finding]:
    if len(passages) < 2:
        return
    doc = ctx.doc
    scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
    # pairs (i < j) above the threshold, the later passage j reported once, against its first twin i
    hits = np.argwhere(np.triu(scores >= threshold, 1))
    for i, j in sorted(((int(i), int(j)) for i, j in hits), key=lambda ij: (ij[1], ij[0])):
        if passages[i][2] == passages[j][2] or passages[j][2] in reported:
            continue
        score = float(scores[i][j])
        s_i = passages[i][0]
        line_i = doc.line_col(doc.offsets[s_i])[0]
        head_i = doc.paragraphs[passages[i][2]].heading
        where = f"「{head_i.label}{head_i.title}」" if head_i else ""
        reported.add(passages[j][2])
        yield ctx.report(passages[j][0], passages[j][1],
                         f"与{doc.place(s_i)}{where}一{unit}高度雷同（相似度{score:.0f}%），疑似复制后只改了少数词语",
                         twin_line=line_i, similarity=round(score, 1))
