"""The tables a genre publishes as one set (``lexicons/table_sets.yaml``): which are missing, and which
are printed empty without the note that says why.

Only for a report that visibly carries the set: five or more of its table titles as title lines (a
paragraph that is the title, with at most a list marker, the unit's name, leader dots or a page
number around it). A title never given as a title line is missing, when all but two at most are there,
no title line of another table (…项目支出决算表: another province's or year's template) is, and the
report speaks of the missing table's subject elsewhere (its ``stem``: 政府性基金, 三公 …). A table's body is the paragraphs after its last title
line up to the next title line or part heading (第三部分); it is empty when no figure other than 0 is
in it (page numbers and 科目编码 of up to three digits aside; a title line closing a run of three or more
title lines with no body between them is the end of a contents list, not a table), and an empty table needs a note in its
body or caption (本表无数据, 无…支出, 为空) or a sentence of the report that names its fund and says
there is none (本部门无政府性基金预算财政拨款收入).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reportlint.lexicon import load_yaml

if TYPE_CHECKING:
    from reportlint.document.model import Document

_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_FIGURE = re.compile(r"(?<![\d.])\d[\d,]*(?:\.\d+)?(?![\d.])")
_FUND = re.compile(r"政府性基金|国有资本经营|三公")
_LEADER = re.compile(r"(?:[¨…·.．_—-]{2,}|\s)*\d*$")  # a table of contents line's leader dots and page
_TABLE_WORDS = re.compile(r"单位[:：]|项目|科目|本表|合计|总计")  # a table's body, not a list of titles


@dataclass(frozen=True)
class SetGap:
    kind: str  # "missing" | "empty"
    title: str
    number: int  # 1-based place in the set
    start: int  # doc-text span to report at
    end: int
    set_name: str = ""  # 部门决算公开表
    set_size: int = 0


@cache
def _sets() -> dict:
    return (load_yaml("table_sets.yaml") or {}).get("sets") or {}


def table_set_gaps(doc: Document, genre: str | None) -> list[SetGap]:
    spec = _sets().get(genre or "")
    if not spec:
        return []
    tables = [(t["title"], re.compile(t["pattern"])) for t in spec["tables"]]
    stems = [t.get("stem") for t in spec["tables"]]
    note = re.compile(spec["empty_note"])
    paras = doc.paragraphs
    texts = [re.sub(r"\s+", "", doc.text[p.start:p.end]) for p in paras]
    texts = [_LEADER.sub("", t) if len(t) < 120 else t for t in texts]  # title lines are short
    lines: dict[int, int] = {}  # paragraph -> table number (0-based) of a title line
    for i, t in enumerate(texts):
        for k, (_, pat) in enumerate(tables):
            m = pat.search(t)
            if m and len(t) - len(m.group(0)) <= 24 and not re.search(r"说明|。|，", t):
                lines[i] = k
                break
    present = set(lines.values())
    if len(present) < 5:
        return []
    out: list[SetGap] = []
    first = min(lines)
    other = re.compile(spec["other_title"])
    foreign = any(other.search(t) and i not in lines and not _PART.match(t) for i, t in enumerate(texts))
    prose = [t for i, t in enumerate(texts) if i not in lines]
    for k, (title, _) in enumerate(tables):
        stem = stems[k]
        if k not in present and len(present) >= len(tables) - 2 and not foreign and stem \
                and any(stem in t for t in prose):
            p = paras[first]
            out.append(SetGap("missing", title, k + 1, p.start, p.end, spec.get("name", ""), len(tables)))
    for k, (title, _) in enumerate(tables):
        at = [i for i, v in lines.items() if v == k]
        if not at:
            continue
        i = max(at)
        if i - 1 in lines and i - 2 in lines:
            continue  # the last line of a contents list (三、支出决算表\n四、…\n十三、…“三公”经费支出决算表): no table
        if paras[i].toc:
            continue  # an entry of the table of contents (wild W194: 第五部分附表 一、… 四、财政拨款收入支出决算总表 …)
        body: list[str] = []
        for j in range(i + 1, min(len(paras), i + 120)):
            if j in lines or _PART.match(texts[j]) or other.search(texts[j]):
                break
            body.append(texts[j])
        if not any(_TABLE_WORDS.search(b) for b in body):
            continue  # a table of contents entry, or a title without a table: nothing to judge
        figures = [f for b in body for f in _FIGURE.findall(b)]
        if any(_nonzero(f) for f in figures):
            continue
        if note.search(texts[i]) or any(note.search(b) for b in body):
            continue
        fund = _FUND.search(title)
        if fund and any(fund.group(0) in t and note.search(t) for t in prose):
            continue  # 本部门无政府性基金预算财政拨款收入支出 said in the 说明
        p = paras[i]
        out.append(SetGap("empty", title, k + 1, p.start, p.end, spec.get("name", ""), len(tables)))
    return out


def _nonzero(figure: str) -> bool:
    f = figure.replace(",", "")
    if "." not in f and len(f) <= 3:
        return False  # a page number, a 科目编码 of a 类, a row number
    try:
        return float(f) != 0
    except ValueError:
        return False
