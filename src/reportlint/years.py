"""Year mentions classified by role before any rule judges them.

Roles: ``docnum`` (inside 〔〕 of a document number), ``title`` (inside 《》 or a 关于…通知 title),
``filing`` (the filing-date field), ``comparison`` (比/较/上年… or a past ranking set against this
year's), ``plan`` (a forward reference: 2025年工作任务, 下一步…), ``evaluated`` (an anchored statement
about the evaluated period: 现将2025年度…报告如下, 截至…12月31日, …年收支预决算, the title) and
``other`` (not judged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.document.model import Document
from reportlint.lexicon import load_yaml
from reportlint.textutil import in_brackets

YEAR = re.compile(r"(?<![\d.〔\[(（])((?:19|20)\d{2})(?!\d)(\s*年(?:度)?)?")

_EVALUATED_FRAMES = [
    # the announcement: 现将2025年度……自评情况报告如下
    re.compile(r"现将\s*$"),
    # a year-end snapshot: 截至2023年12月31日 / 截止2023年底
    re.compile(r"截[至止]\s*(?:到\s*)?$"),
]
_EVALUATED_AFTER = [
    re.compile(r"^\s*年\s*12\s*月\s*31\s*日"),
    re.compile(r"^\s*年度?\s*(?:局本级|本级|单位|部门|全年)?\s*(?:财政拨款)?\s*(?:收入|支出)\s*(?:预算|决算)"),
    re.compile(r"^\s*年度?\s*(?:部门)?整体(?:支出)?绩效"),
]


@dataclass(frozen=True)
class YearMention:
    year: int
    start: int  # doc-text span of "2025年度" (or the bare digits)
    end: int
    role: str


def _clause_before(text: str, pos: int) -> str:
    start = max(text.rfind(ch, 0, pos) for ch in "。；，！？\n：") + 1
    return text[start:pos]


def classify_years(doc: Document) -> list[YearMention]:
    lex = load_yaml("time.yaml")
    comparison = lex["comparison_markers"]
    forward = lex["forward_markers"]
    text = doc.text
    ctx = doc.context
    title_end = doc.paragraphs[2].end if len(doc.paragraphs) > 2 else len(text)
    out: list[YearMention] = []
    for m in YEAR.finditer(text):
        year = int(m.group(1))
        start, end = m.start(), m.end()
        after = text[m.end(1):m.end(1) + 30]
        before = _clause_before(text, start)
        role = "other"
        if text[max(0, start - 1):start] in "〔[【(（" and re.match(r"\s*[〕\]】)）]", text[m.end(1):]):
            role = "docnum"
        elif ctx and ctx.filing_span and ctx.filing_span[0] <= start < ctx.filing_span[1]:
            role = "filing"
        elif in_brackets(text, start) or re.search(r"关于[^。]{0,40}$", before):
            role = "title"
        elif _is_comparison(before, after, comparison):
            role = "comparison"
        elif any(after.lstrip(" 年度").startswith(w) for w in forward) or re.search(r"下一步|明年|下年度", before):
            role = "plan"
        elif (m.group(2) and (any(f.search(before) for f in _EVALUATED_FRAMES[:1])
                             or (_EVALUATED_FRAMES[1].search(before) and _EVALUATED_AFTER[0].match(after))
                             or any(f.match(after) for f in _EVALUATED_AFTER[1:]))) or (m.group(2) and start < title_end and re.search(r"报告|说明|总结", text[end:end + 40].split("\n")[0])):
            role = "evaluated"
        out.append(YearMention(year, start, end, role))
    return out


def _is_comparison(before: str, after: str, markers: list[str]) -> bool:
    """比/较/自/从 directly before the year, or a longer marker (同比, 上年…) in the clause before it."""
    b = before.rstrip()
    for w in markers:
        if len(w) == 1:
            if b.endswith(w) or b.endswith(w + "于"):
                return True
        elif w in b:
            return True
    return re.match(r"^\s*年度?\s*(?:同期|相比|相较|以来)", after) is not None
