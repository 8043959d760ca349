"""Two paragraphs (or two long sentences) of one report that are near copies.

**Finds**: paragraph bodies of at least ``boilerplate_min_chars`` Chinese characters (default 40,
after stock phrases of ``lexicons/stock_phrases.txt`` are taken out) whose rapidfuzz ratio reaches
``boilerplate_similarity`` (default 70); then sentences of at least that length in paragraphs not
yet reported (a shorter sentence naming the same three reforms in the review and in the plan is not a
copy). The later passage is reported once, against its first twin. Only passages written as
sentences (holding 。！？；) are compared; the report's own unit name is taken out first. Candidate
pairs come from an index of shared character 4-grams (``candidate_pairs``), so time and memory grow
with the text, never with the square of its passages.

**Why a reviewer cares**: a section copied from another and edited in a few words (信息公开 →
绩效管理) describes the wrong thing; reviewers read it as a report padded rather than written.

**Example**:

    3.信息公开。本部门在被评价年度严格按照政府信息公开有关规定公开相关预决算信息，…
    4.绩效管理。本部门在被评价年度严格按照政府信息公开有关规定公开相关绩效信息，…
    → 与第1行「本部门在被评价年度严格按照政府信息公开有关规定公…」一段高度雷同（相似度93%），疑似复制后只改了少数词语

**Fix**: write what the second section is actually about, or merge the two.

**Leaves alone**: stock lead-ins every report shares (根据…要求, 现将…报告如下 …); short passages;
two passages in the same paragraph; digits, punctuation and spacing (they do not make a passage
original); headings, table-of-contents lines, table rows written as text (``a | b | c``) and
captions without a sentence end (一批 "某单位2023年度…表" lines); the unit's own long name repeated
in every caption; the parallel lines of a 决算/预算说明 form (5.经营收入… 6.其他收入…, each in the
frame 较2022年度决算数增加…，增长…%，主要原因是：…，与去年相比无变化) that differ in their item, its
definition and figures (the frame is a stock phrase); one change restated with its cause (总体情况, 收入情况
and 支出情况 of a 决算说明 each saying 较上年决算数减少710.50万元，下降9.76%，主要原因是…工程完工 when income and
spending moved together) when the passages are not alike without their 主要原因 clauses (two different
changes given one cause stay a copy); a passage repeated word for word in another top-level part (the
funds of a 自评 given under 一、自评结论 and again under 二、佐证材料: the form's summary and detail).

**Source**: 财预〔2020〕10号 (the report must state the unit's own evidence for each indicator);
the threshold is configuration, not a standard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, rule
from reportlint.rules.copying._stock import normalised_span
from reportlint.textutil import HAN

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
    strip = _name_stripper(ctx.context.unit_name if ctx.context else None)
    passages: list[tuple[int, int, int]] = []  # (start, end, paragraph index): paragraph bodies
    texts: list[str] = []
    # a paragraph body's sentences normalised once: the body's normalised text is theirs joined
    parts: dict[int, list[tuple[int, int, str]] | None] = {}
    for p in doc.paragraphs:
        if p.toc or doc.in_table(p):  # table content (.docx cells, rows written as text, PDF tables)
            continue
        start = p.heading.title_end if p.heading else p.start
        if not _prose(doc.text, start, p.end):
            continue
        parts[p.index] = got = _sentence_parts(doc, p, start)
        norm = strip("".join(n for _s, _e, n in got) if got is not None else normalised_span(doc, start, p.end))
        if len(norm) >= min_chars:
            passages.append((start, p.end, p.index))
            texts.append(norm)
    reported: set[int] = set()
    yield from _pairs(ctx, passages, texts, threshold, reported, "段", strip, min_chars)
    sentences, stexts = [], []
    compared = set(texts)
    for p in doc.paragraphs:
        if p.toc or p.index in reported or doc.in_table(p):
            continue
        body = p.heading.title_end if p.heading else p.start
        got = parts.get(p.index)
        if got is None:  # not normalised above (no prose, or sentences that do not tile the body)
            got = [(start, sen.end, normalised_span(doc, start, sen.end)) for sen in p.sentences
                   if (start := max(sen.start, body)) < sen.end and _prose(doc.text, start, sen.end)]
        for start, end, raw in got:
            if not _prose(doc.text, start, end):
                continue
            norm = strip(raw)
            if len(norm) >= min_chars and norm not in compared:  # a one-sentence paragraph was compared whole
                sentences.append((start, end, p.index))
                stexts.append(norm)
    yield from _pairs(ctx, sentences, stexts, threshold, reported, "句", strip, min_chars)


def _sentence_parts(doc, p, body: int) -> list[tuple[int, int, str]] | None:
    """(start, end, normalised text) of each sentence of paragraph ``p`` from ``body`` on, when they tile
    the body exactly (they do: sentences run end to end); None otherwise."""
    out: list[tuple[int, int, str]] = []
    pos = body
    for sen in p.sentences:
        start = max(sen.start, body)
        if start >= sen.end:
            continue
        if start != pos:
            return None
        out.append((start, sen.end, normalised_span(doc, start, sen.end)))
        pos = sen.end
    return out if pos == p.end else None


_PROSE_MARK = re.compile("[。！？；;!?]")
# the reason given for a figure's change, to the end of its sentence (…较上年决算数减少710.50万元，下降9.76%，
# 主要原因是…等工程完工), and the change it explains: the figures after the first change word of its sentence
_REASON = re.compile(r"(?:主要)?(?:变动|变化|增减变化|增减|增加|减少|增长|下降)?(?:的)?(?:主要)?原因(?:主要)?"
                     r"(?:是|为|在于|包括)?[:：]?[^。；;！？!?\n]*")
_CHANGE = re.compile(r"增加|减少|增长|下降|上升|降低|增减|增幅|降幅")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _reasons(doc, start: int, end: int) -> tuple[str, set[tuple[float, ...]]]:
    """The passage normalised without the reasons it gives for changes, and those changes (their figures)."""
    text = doc.text
    parts, changes, pos = [], set(), start
    for m in _REASON.finditer(text, start, end):
        # the change is stated in the reason's sentence or the one before it in its paragraph (…下降9.76%。
        # 主要变动原因是…), which may lie before a passage that is one sentence
        line = text.rfind("\n", 0, m.start())
        cut = max(line, *(text.rfind(ch, line + 1, m.start()) for ch in "。；;！？!?"))
        head = text[cut + 1:m.start()]
        if not _CHANGE.search(head) and cut > line:
            head = text[max(line, *(text.rfind(ch, line + 1, cut) for ch in "。；;！？!?")) + 1:m.start()]
        c = _CHANGE.search(head)
        figures = tuple(float(f) for f in _FIGURE.findall(head, c.end())) if c else ()
        if figures:
            changes.add(figures)
            parts.append(normalised_span(doc, pos, m.start()))
            pos = m.end()
    parts.append(normalised_span(doc, pos, end))
    return "".join(parts), changes


def _same_change_restated(doc, a: tuple[int, int, int], b: tuple[int, int, int], strip, threshold: float,
                          min_chars: int) -> bool:
    """Two passages alike because they state one change with its reason: a 决算说明 gives the same change
    (减少710.50万元，下降9.76%) and cause under 总体情况, 收入情况 and 支出情况 when income and spending moved
    together. Without their reasons they are not alike (or too short to compare). Two different changes
    (增加10.00万元 / 增加5.00万元) given one reason stay a copy."""
    text_a, changes_a = _reasons(doc, a[0], a[1])
    text_b, changes_b = _reasons(doc, b[0], b[1])
    if not changes_a & changes_b:
        return False
    text_a, text_b = strip(text_a), strip(text_b)
    return min(len(text_a), len(text_b)) < min_chars or fuzz.ratio(text_a, text_b) < threshold


def _prose(text: str, start: int, end: int) -> bool:
    """A passage written as sentences: it holds a sentence end. Titles, table captions and lines of a
    form (第二部分：某单位2023年度单位决算报表) have none and are not compared."""
    return _PROSE_MARK.search(text, start, end) is not None


def _name_stripper(unit: str | None):
    """Takes the report's own unit name out of a normalised passage: a long name repeated in every
    caption (某某自治区某某厅机关服务中心2023年度…) makes short lines look alike without being copies."""
    name = _NOT_HAN.sub("", unit or "")
    if len(name) < 4:
        return lambda s: s
    return lambda s: s.replace(name, "")


_NOT_HAN = re.compile(f"[^{HAN}]+")
GRAM = 4  # candidate pairs share character 4-grams
MAX_POSTINGS = 64  # a 4-gram in more passages than this is too common to count as evidence
MIN_SHARED = 0.25  # share of the shorter passage's 4-grams a candidate pair must have in common


def candidate_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs (i < j) worth scoring: they share at least MIN_SHARED of the shorter one's distinct 4-grams.

    An inverted index from 4-gram to passages replaces the N x N matrix: each 4-gram adds at most
    MAX_POSTINGS counts, so time and memory grow with the text, not with its square. On the corpora
    every pair at ratio >= 70 shares >= 56 % of its 4-grams, so the filter loses none of them.
    """
    # a 4-gram seen once maps to its passage (an int: no container for the garbage collector to walk);
    # seen again, to the list of its passages
    index: dict[str, int | list[int]] = {}
    grams = [{t[k:k + GRAM] for k in range(len(t) - GRAM + 1)} for t in texts]
    # a 4-gram of one passage only is evidence for no pair: only the shared ones are indexed (set
    # operations in C; the counts are those of indexing every 4-gram)
    seen: set[str] = set()
    shared: set[str] = set()
    for g in grams:
        shared |= seen & g
        seen |= g
    out: list[tuple[int, int]] = []
    for j, g in enumerate(grams):
        counts: dict[int, int] = {}
        for x in g & shared:
            post = index.get(x)
            if post is None:
                index[x] = j
            elif type(post) is int:
                counts[post] = counts.get(post, 0) + 1
                index[x] = [post, j]
            elif len(post) < MAX_POSTINGS:
                for i in post:
                    counts[i] = counts.get(i, 0) + 1
                post.append(j)
        for i, c in counts.items():
            if c >= MIN_SHARED * min(len(grams[i]), len(g)):
                out.append((i, j))
    return out


QUOTE = 24  # characters of the twin passage quoted in the message
_LEAD = frozenset("。，；：、,.;:")  # the mark that closes a run-in heading before the passage


def _twin_quote(text: str, twin: tuple[int, int, int], copy: tuple[int, int, int]) -> str:
    """The twin passage as quoted in the message, from where the copy's opening words stand in it (a copy
    of the end of a longer paragraph quotes that end, not the paragraph's or its section's start)."""
    a, b = twin[0], twin[1]
    c = copy[0]
    while c < copy[1] and (text[c].isspace() or text[c] in _LEAD):
        c += 1
    key = text[c:c + 8]
    k = text.find(key, a, b) if len(key) == 8 else -1
    start = k if k >= 0 else a
    while start < b and (text[start].isspace() or text[start] in _LEAD):
        start += 1
    quote = text[start:min(b, start + QUOTE)].rstrip()
    return f"「{quote}…」" if start + QUOTE < b else f"「{quote}」"


def _restated(doc, a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """The same words and figures in another top-level part of the report: 一、自评结论 and 二、佐证材料
    each giving the funds (wild W188) — the form's summary and detail, not a copy edited in a few words."""
    if re.sub(r"\s", "", doc.text[a[0]:a[1]]) != re.sub(r"\s", "", doc.text[b[0]:b[1]]):
        return False  # (other figures in the same words stay a copy)

    def part(pos: int):
        h = next((p.section for p in doc.paragraphs if p.start <= pos <= p.end), None)
        while h is not None and h.parent is not None:
            h = h.parent
        return h
    return part(a[0]) is not part(b[0])


def _pairs(ctx: RuleContext, passages: list[tuple[int, int, int]], texts: list[str], threshold: float,
           reported: set[int], unit: str, strip, min_chars: int) -> Iterator[Finding]:
    if len(passages) < 2:
        return
    doc = ctx.doc
    hits = []
    # exact copies (after normalising) pair with their first occurrence; only distinct texts are indexed
    first: dict[str, int] = {}
    distinct: list[int] = []
    for k, t in enumerate(texts):
        if t in first:
            if passages[first[t]][2] != passages[k][2] and not _restated(doc, passages[first[t]], passages[k]):
                hits.append((k, first[t], 100.0))
        else:
            first[t] = k
            distinct.append(k)
    for a, b in candidate_pairs([texts[k] for k in distinct]):
        i, j = distinct[a], distinct[b]
        if passages[i][2] == passages[j][2]:
            continue
        score = fuzz.ratio(texts[i], texts[j], score_cutoff=threshold)
        if score >= threshold:
            hits.append((j, i, score))
    # the later passage j reported once, against its first twin i
    for j, i, score in sorted(hits):
        if passages[j][2] in reported or _same_change_restated(doc, passages[i], passages[j], strip, threshold,
                                                                 min_chars):
            continue
        s_i = passages[i][0]
        line_i = doc.line_col(doc.offsets[s_i])[0]
        where = _twin_quote(doc.text, passages[i], passages[j])
        reported.add(passages[j][2])
        yield ctx.report(passages[j][0], passages[j][1],
                         f"与{doc.place(s_i)}{where}一{unit}高度雷同（相似度{score:.0f}%），疑似复制后只改了少数词语",
                         twin_line=line_i, similarity=round(score, 1))
