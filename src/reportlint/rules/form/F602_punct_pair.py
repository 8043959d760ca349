"""A paired punctuation mark without its other half in a paragraph.

**Finds**: （ ( “ 《 〔 【 ‘ 〈 never closed in their paragraph (after reflow, so pairs wrapped over PDF
lines are whole), and closers without an opener; a closer that skips an open inner mark reports
the inner one (《关于印发〈…的通知》: the 〈 whose 〉 was lost; （ inside “” or 【】 alike). A title nested in a
whole 《…》 with half-width marks (《关于印发<…>的通知》) is judged the same way: a lone < or > inside it. Half-width brackets are brackets: ( pairs with ) as a writer reads them, and a pair
of mixed width （…) is reported once with the fix; an opener and a closer of different kinds that
face each other (“纲要（草案）》) are reported once as one wrong pair. A list item 1) whose list
goes on as (2) (3) lost its opening bracket: reported with (1) as the fix. Quotations opened or
closed with an ASCII apostrophe ('两个确保“, “两个确保', '两个确保”) are reported once per paragraph,
naming the shape (引号不成对：'…“ 应为“…”, with how many the paragraph has), not once per “.

**Why a reviewer cares**: an unclosed 《 or “ makes the reader guess where a title or a quotation
ends; it is usually a character lost in copying.

**Example**:

    按照《预算法规定执行，严格管控“三公经费支出。
    → 左书名号「《」没有对应的右书名号「》」

**Fix**: add the missing mark.

**Leaves alone**: a “ that opens a paragraph of a multi-paragraph quotation (the next paragraph
opens with “ too); a pair split over two lines that the reflow kept apart (a line that does not end
a sentence, whose opener the next line closes); the ) of a list marker 1) or a) (in a list of 1) 2) items); brackets
inside a URL; < and > outside a whole 《…》 (a page's breadcrumb 首页>政务公开, a comparison), and inside one before or after a
figure (《评分表(得分<60分为差)》: a comparison); site widgets whose other half is not in the text (【字体:, the toolbar row 【打印】【关闭】
saved as 打印 】【 关闭: the toolbar words of lexicons/confusion.yaml ``page_furniture``); an opener that
begins a template's instruction (``instructions`` of lexicons/templates.yaml: 省级专项资金(每个专项一行),
which lost its ) with it and is reported by template-left; the end
of an excerpt cut inside a pair (the text stops without a sentence's end, even in a numbered item
or a heading: the openers of its last sentence are not reported; said once as a note).

**Source**: GB/T 15834-2011 标点符号用法 (引号, 括号, 书名号 come in pairs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reportlint.document.markers import lost_open_brackets
from reportlint.document.model import Paragraph
from reportlint.findings import Finding
from reportlint.firstchars import guarded
from reportlint.lexicon import load_yaml
from reportlint.rules.base import RuleContext, rule
from reportlint.spelling.repeats import page_furniture
from reportlint.textutil import HAN_CHAR

_PAIRS = {"（": "）", "(": ")", "“": "”", "《": "》", "〔": "〕", "【": "】", "‘": "’", "〈": "〉", "<": ">"}
_FAMILY = {"（": "（", "(": "（", "）": "（", ")": "（", "“": "“", "”": "“", "《": "《", "》": "《",
           "〔": "〔", "〕": "〔", "【": "【", "】": "【", "‘": "‘", "’": "‘", "〈": "〈", "〉": "〈", "<": "〈", ">": "〈"}
_OPENERS = set(_PAIRS)
_NAMES = {"（": "括号", "“": "引号", "‘": "单引号", "《": "书名号", "〔": "六角括号", "【": "方头括号", "〈": "单书名号"}
# < > are a title's inner marks only inside a whole 《…》 (elsewhere they are breadcrumbs 首页>…, comparisons)
_PAIR_CHARS = re.compile("[" + re.escape("".join(sorted(set(_FAMILY) - set("<>")))) + "]")
_ANGLE = re.compile("[<>]")
# < or > before a figure (<60分, <=5%) or after one (100>90): a comparison, not a title's inner mark
_COMPARISON = re.compile(r"\s*[=＝]?\s*(?!(?:19|20)\d{2}\s*年)[\d０-９]")  # (<2023年… opens a title)
_FIGURE_END = set("0123456789０１２３４５６７８９%％")
_LIST_CLOSER = guarded(r"(?:^|(?<=[\s。；;，,：:、]))(?<!\d[,:])(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})[)）]")
_URL = re.compile(r"(?:https?://|www\.)[\w./?%&=#:~+\-]+")
_WIDGET = re.compile(r"【[\u4e00-\u9fff]{1,4}[:：]")
_HAN_AFTER = re.compile(rf"[ \u3000]*({HAN_CHAR}{{2,6}})")
_SIZE_ROW = re.compile(r"大[ \u3000]*中[ \u3000]*小[ \u3000]*$")
_HAN_BEFORE = re.compile(rf"({HAN_CHAR}{{2,6}})[ \u3000]*$")
_SENTENCE_END = "。！？!?；;"
_SENTENCE_BREAK = re.compile(r"[。！？!?]")
_TEXT_END = "。！？!?；;：:”’）)》】〕」…"


@rule("punct-pair", "F602", "warning", "form",
      "成对标点不配对：（）“”《》〈〉〔〕【】缺少另一半",
      fires="按照《预算法规定执行，严格管控“三公经费支出。\n",
      silent="按照《预算法》规定执行，严格管控“三公”经费支出（含公务接待费）。\n")
def punct_pair(ctx: RuleContext) -> Iterator[Finding]:
    doc = ctx.doc
    text = doc.text
    paras = _chains(text, doc.paragraphs)
    loose = [_unmatched(text, p.start, p.end) for p in paras]
    # a text that stops without a sentence's end was cut (the store's excerpt), maybe inside a pair
    tail = text.rstrip()
    cut = doc.excerpt_end or (bool(tail) and tail[-1] not in _TEXT_END)
    out: list[Finding] = []
    for start, (written, open_, close) in lost_open_brackets(text).items():
        n = written[:-1]
        item = f"{open_}{n}{close}"
        out.append(ctx.report(start, start + len(written),
                              f"{_mark(written[-1])}没有对应的{_mark(open_)}：其后一项写作{open_}{int(n) + 1}{close}，"
                              f"此处应为{item}", suggestion=item))
    for k, p in enumerate(paras):
        items, mixed = loose[k]
        for o, c in mixed:
            inner = text[o + 1:c]
            fix = f"{_full(text[o])}{inner}{_PAIRS[_full(text[o])]}" if len(inner) <= 40 else ""
            out.append(ctx.report(o, c + 1, f"括号全角半角混用：「{text[o]}」与「{text[c]}」配成一对，应同为全角",
                                  suggestion=fix))
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if nxt is not None and text[p.end - 1] not in _SENTENCE_END:
            # a pair wrapped over two lines that stayed two paragraphs: the next line closes it
            later = loose[k + 1][0]
            while items and items[-1][0] == "open" and later and later[0][0] == "close" \
                    and _FAMILY[text[items[-1][1]]] == _FAMILY[text[later[0][1]]]:
                items.pop()
                later.pop(0)
        last = k == len(paras) - 1
        wrong = _apostrophe_pairs(text, p.start, p.end, items)
        if wrong:  # '两个确保“ written throughout: one finding for the paragraph, not one per “
            (a, b), n = wrong[0], len(wrong)
            shape = f"{text[a]}…{text[b]}"
            more = f"（本段共 {n} 处同样写法）" if n > 1 else ""
            out.append(ctx.report(min(a, b), max(a, b) + 1, f"引号不成对：{shape} 应为“…”{more}",
                                  suggestion=f"“{text[min(a, b) + 1:max(a, b)]}”" if n == 1 else ""))
            used = {q for pair in wrong for q in pair}
            items = [it for it in items if it[1] not in used]
        i = 0
        while i < len(items):
            kind, pos = items[i]
            ch = text[pos]
            if (kind == "open" and i + 1 < len(items) and items[i + 1][0] == "close"
                    and _FAMILY[text[items[i + 1][1]]] != _FAMILY[ch] and items[i + 1][1] - pos <= 40):
                c = items[i + 1][1]
                out.append(ctx.report(pos, c + 1, f"{_mark(ch)}与{_mark(text[c])}不是一对：{ch}…{text[c]}"))
                i += 2
                continue
            i += 1
            if kind == "inner":
                out.append(ctx.report(pos, pos + 1, f"{_mark(ch)}没有对应的{_mark(_PAIRS[ch])}"))
                continue
            if kind == "close":
                if ch == "】" and _furniture_before(text, pos):
                    continue  # the site's toolbar row 【打印】【关闭】 cut apart by the page layout: 打印 】
                out.append(ctx.report(pos, pos + 1, f"{_mark(ch)}没有对应的{_mark(_opener(ch))}"))
                continue
            if ch == "“" and pos == p.start and nxt is not None and text[nxt.start] == "“":
                continue  # a multi-paragraph quotation reopens in the next paragraph
            if ch == "【" and (_WIDGET.match(text, pos) or _furniture_after(text, pos)):
                continue  # a site widget (【字体: 大 中 小】, 【 关闭) whose closer is not in the stored text
            if ch in "（(" and _template_instruction().match(text, pos):
                continue  # a template's instruction (每个专项一行 …) that lost its ) with it: template-left's
            if last and cut and not _SENTENCE_BREAK.search(text, pos, p.end):
                continue  # the excerpt is cut inside the pair (an opener of its last sentence)
            out.append(ctx.report(pos, pos + 1, f"{_mark(ch)}没有对应的{_mark(_PAIRS[ch])}"))
    yield from out


def _apostrophe_pairs(text: str, start: int, end: int, items: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Quotations opened or closed with an ASCII apostrophe: each unclosed “ or unopened ” of the paragraph
    paired with the ' on its open side (``'两个确保“``: ' before a lone “; ``“两个确保'`` and ``'两个确保”``
    alike), within 40 characters and no other quotation mark between; the side that pairs more of them
    is the paragraph's way of writing. [(start, end)] of each pair, in order (wild W084: six such
    quotations in one paragraph gave twelve findings naming the “ as an unclosed opener)."""
    lone = [(kind, pos) for kind, pos in items if text[pos] in "“”" and kind in ("open", "close")]
    if not lone:
        return []

    def partner(pos: int, step: int) -> int | None:
        i = pos + step
        while start <= i < end and abs(i - pos) <= 40:
            ch = text[i]
            if ch == "'":
                return i
            if ch in "“”‘’\"\n":
                return None
            i += step
        return None

    best: list[tuple[int, int]] = []
    for step in (-1, 1):  # ' before a lone “ ('…“), or after it (“…')
        pairs = []
        for _, pos in lone:
            q = partner(pos, step if text[pos] == "“" else -step)
            if q is not None:
                pairs.append((min(q, pos), max(q, pos)))
        if len(pairs) > len(best):
            best = pairs
    return sorted(set(best))


def _mark(ch: str) -> str:
    """A paired mark named and shown in corner brackets: 左引号「“」, 右括号「)」."""
    family = _FAMILY[ch]
    return f"{'左' if ch in _OPENERS else '右'}{_NAMES[family]}「{ch}」"


def _furniture_after(text: str, pos: int) -> bool:
    """A toolbar word of the site (打印, 关闭, 分享 …) right after the 【 at ``pos``."""
    m = _HAN_AFTER.match(text, pos + 1)
    return m is not None and any(m.group(1).startswith(w) for w in _widget_words())


def _furniture_before(text: str, pos: int) -> bool:
    """A toolbar word of the site right before the 】 at ``pos``."""
    if _SIZE_ROW.search(text, max(0, pos - 12), pos):
        return True  # 字体: 大 中 小】 whose 【 is not in the stored text
    m = _HAN_BEFORE.search(text, max(0, pos - 10), pos)
    return m is not None and any(m.group(1).endswith(w) for w in _widget_words())


@cache
def _template_instruction() -> re.Pattern[str]:
    """The instructions of a template (``instructions`` in ``lexicons/templates.yaml``), reported by
    template-left."""
    return re.compile("|".join(f"(?:{p})" for p in load_yaml("templates.yaml")["instructions"]))


def _widget_words() -> frozenset[str]:
    return frozenset(w for w in page_furniture() if len(w) >= 2)


@dataclass
class _Span:
    start: int
    end: int


def _chains(text: str, paragraphs: list[Paragraph]) -> list[_Span]:
    """Paragraphs joined where a full line does not end its sentence (text wrapped over lines that
    stayed separate paragraphs, as in a PDF whose layout was not rebuilt); short lines (table cells)
    stay on their own."""
    out: list[_Span] = []
    joined = False
    for p in paragraphs:
        if joined:
            out[-1].end = p.end
        else:
            out.append(_Span(p.start, p.end))
        joined = p.end - p.start >= 20 and text[p.end - 1] not in _SENTENCE_END + "：:"
    return out


def _unmatched(text: str, start: int, end: int) -> tuple[list[tuple[str, int]], list[tuple[int, int]]]:
    """Unmatched openers and closers of a paragraph, in order, and the mixed-width bracket pairs."""
    skip = {m.end() - 1 for m in _LIST_CLOSER.finditer(text, start, end)}
    for m in _URL.finditer(text, start, end):
        skip.update(range(m.start(), m.end()))
    stack: list[int] = []
    items: list[tuple[str, int]] = []
    mixed: list[tuple[int, int]] = []
    for bm in _PAIR_CHARS.finditer(text, start, end):
        i, ch = bm.start(), bm.group(0)
        if i in skip:
            continue
        if ch in _OPENERS:
            stack.append(i)
            continue
        fam = _FAMILY[ch]
        depth = next((d for d in range(len(stack) - 1, -1, -1) if _FAMILY[text[stack[d]]] == fam), None)
        if depth is None:
            if not (ch == "〉" and _half_width_other(text, stack, "<", i)):
                items.append(("close", i))
            continue
        for d in stack[depth + 1:]:
            if not (text[d] == "〈" and ">" in text[d:i]):
                items.append(("inner", d))  # skipped by an outer closer: never closed, wherever the text ends
        o = stack[depth]
        del stack[depth:]
        if fam == "（" and (text[o] == "（") != (ch == "）"):
            mixed.append((o, i))
        if ch == "》":
            items.extend(_angles(text, o + 1, i, skip))
    items.extend(("open", d) for d in stack)
    items.sort(key=lambda it: it[1])
    return items, mixed


def _half_width_other(text: str, stack: list[int], half: str, pos: int) -> bool:
    """A 〉 whose opener is a half-width < inside the open 《 (a pair of mixed width)."""
    title = next((d for d in reversed(stack) if text[d] == "《"), None)
    return title is not None and half in text[title:pos]


def _angles(text: str, start: int, end: int, skip: set[int]) -> Iterator[tuple[str, int]]:
    """The half-width < > of a title nested in a whole 《…》 (《关于印发<…>的通知》) left without their other
    half: an unclosed < as ``inner`` (its 》 came first), an unopened > as ``close``. A 〈 closed by > (or <
    by 〉) is a pair of mixed width, balanced here."""
    opened: list[int] = []
    for m in _ANGLE.finditer(text, start, end):
        i = m.start()
        if i in skip:
            continue
        if m.group(0) == "<" and _COMPARISON.match(text, i + 1) and text.find(">", i, end) < 0:
            continue  # a comparison sign inside a title: 《评分表(得分<60分为差)》 (REVIEW6 item 14); not
            #           《关于印发<2023年…>的通知》, whose > follows
        if m.group(0) == ">" and not opened and i > 0 and text[i - 1] in _FIGURE_END:
            continue  # (…分数>90分…)
        if m.group(0) == "<":
            opened.append(i)
        elif opened:
            opened.pop()
        elif text.rfind("〈", start, i) < 0:
            yield "close", i
    for i in opened:
        if text.find("〉", i, end) < 0:
            yield "inner", i


def _full(ch: str) -> str:
    return "（" if ch in "（(" else ch


def _opener(ch: str) -> str:
    return {v: k for k, v in _PAIRS.items() if k != "("}[ch] if ch != ")" else "("
