"""Copying rules: near-duplicate passages inside one report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process

from reportlint.findings import Finding
from reportlint.lexicon import load_list
from reportlint.rules.base import RuleContext, rule

_PARA_A = ("3.信息公开。本部门在被评价年度严格按照政府信息公开有关规定公开相关预决算信息，用以反映部门预决算的"
           "公开透明和公开合规性情况。我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则进行公开。\n")
_PARA_B = ("4.绩效管理。本部门在被评价年度严格按照政府信息公开有关规定公开相关绩效信息，用以反映部门绩效管理的"
           "公开透明和公开合规性情况。我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则进行公开。\n")


@cache
def _stock() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_list("stock_phrases.txt")))


_NOT_KEPT = re.compile(r"[^\u4e00-\u9fff]+")


def normalise(s: str) -> str:
    """Only the Chinese characters, stock phrases taken out: digits, punctuation, spacing and the
    lead-ins every report shares do not make a passage original, nor a copy."""
    return _NOT_KEPT.sub("", _stock().sub("", s))


def _masked(doc) -> str:
    """The document text with stock phrases blanked out (same length), computed once per document."""
    masked = doc.__dict__.get("_stock_masked")
    if masked is None:
        masked = _stock().sub(lambda m: " " * len(m.group()), doc.text)
        doc.__dict__["_stock_masked"] = masked
    return masked


def _normalised_span(doc, start: int, end: int) -> str:
    return _NOT_KEPT.sub("", _masked(doc)[start:end])


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
        norm = _normalised_span(doc, start, p.end)
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
        norm = _normalised_span(doc, sen.start, sen.end)
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


@rule("boilerplate-cross", "C302", "warning", "copying",
      "（批量扫描）不同单位的报告之间共享的段落，按复制簇列出所有单位和位置",
      fires=("甲区财政局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门制定了12项整改措施，建立问题清单、"
             "责任清单和时限清单，实行销号管理。\n乙县教育局报告：针对农村供水保障中发现的36个突出问题，我局会同有关部门"
             "制定了12项整改措施，建立问题清单、责任清单和时限清单，实行销号管理。\n"),
      silent=("甲区财政局报告：根据《中华人民共和国预算法》等法律法规规定，本部门严格执行预算绩效管理制度。\n"
              "乙县教育局报告：根据《中华人民共和国预算法》等法律法规规定，本部门严格执行预算绩效管理制度。\n"),
      batch=True)
def boilerplate_cross(ctx: RuleContext) -> Iterator[Finding]:
    """Found by ``reportlint scan`` across reports (see crossdoc.py); nothing to do for one report."""
    return iter(())
