"""Headings, lists, tables of contents and table rows, recognised as real reports lay them out.

Input: the rebuilt paragraphs (doc-text offsets) and the raw text they come from. Output
(``Structure``): the body's headings in document order, each attached to its parent; the entries of a
table of contents (目录) as a tree of their own; whether the text is an excerpt (begins at 三、, ends
mid-sentence); notes for the reader.

- **Markers** (markers.py) at a paragraph's start, after indentation, and written with spaces that the
  paragraph join dropped ("一 基本情况" in the raw line).
- **Nesting** by marker family (``kind``): a heading of a family already open is a sibling of that
  one (and closes what is below it); a new family nests under the open heading when it ranks below it
  (一、 → （一） → 1. → （1） → ①, 第X部分/章/节 above, 第X条 between 一、 and （一）).
- **Lists inside paragraphs**: items after a sentence or clause end ("…。2.完成…", "…；（2）…", "①…②…")
  join the sequence as ``inline`` headings, so they are checked like headings.
- **Table rows written as text** (cells separated by | or tabs or space runs, numeric columns, a unit
  caption 单位：万元, two markers in one row as in a two-column 收支 table, a row ending in an amount)
  and the short lines between such rows are not headings: numbering inside a table restarts and skips
  freely. A short line inside a table that continues the numbering outside it ends the table.
- **Tables of contents**: a 目录 paragraph and the heading-like lines after it up to the body (where
  the first entry repeats, or prose begins), lines with dot leaders or PAGEREF fields, and a run of
  headings at the start that the body repeats.

Everything is linear in the number of paragraphs (the open-heading stack holds at most one heading of
each marker family).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from reportlint.document.markers import FIRST_CHARS, Marker, lost_open_brackets, marker_label, match_marker
from reportlint.document.model import Heading, Paragraph
from reportlint.document.reflow import TOC_LINE  # a table-of-contents line: dot leaders or a PAGEREF field

# order of marker families, top first; 第X条 sits between 一、 and （一） in reports that quote rules
RANK = {"part": 0.0, "chapter": 0.2, "section": 0.4, "cn": 1.0, "article": 1.5, "paren-cn": 2.0, "arabic": 3.0,
        "decimal2": 3.2, "decimal3": 3.4, "paren-arabic": 4.0, "rparen": 4.2, "circled": 5.0}

_TITLE_END = re.compile(r"[。：:；;]")
_CLAUSE_END = re.compile(r"[。：:；;，,]")
_FINAL = "。！？!?；;…”’」』）)》】]"
_LEADER = re.compile(r"(?:[.．·…¨・•_\-—]\s*){4,}|PAGEREF|\s\d{1,3}\s*$")
_TOC_WORD = re.compile(r"^(?:.{0,16}?目\s*录|目\s*次)$")
_CELLS = re.compile(r"\||\t|\S(?:[ \u3000]{2,})\S.*\S(?:[ \u3000]{2,})\S")
_NUM_COLUMNS = re.compile(r"(?:^|[^\d.,，、%％\s])\s*-?\d[\d,.]*%?(?:[ \u3000]+-?\d[\d,.]*%?)+\s*$")
_UNIT_CAPTION = re.compile(r"^(?:金额)?单位[:：]\s*\S{1,6}$")
_ENDS_AMOUNT = re.compile(r"[\u4e00-\u9fff）)]-?\d[\d,]*\.\d{1,2}$")
# after a clause break only where a marker can start (FIRST_CHARS): the other breaks are no item
_INLINE_AT = re.compile(r"[。；;！？!?：:，,]\s*(?=[" + re.escape("".join(sorted(FIRST_CHARS))) + r"])|[（(]"
                        r"|(?=[一二三四五六七八九十0-9０-９①-⑳])")
_TOP_WORD = {"part": "部分", "chapter": "章", "section": "节", "cn": "一级标题", "paren-cn": "二级标题",
             "arabic": "三级标题", "paren-arabic": "四级标题"}
_CHECKBOX = re.compile(r"[□☐☑☒■√]")
_INLINE_KINDS = {"arabic", "paren-arabic", "paren-cn", "circled", "rparen", "cn"}
_NO_INLINE_BEFORE = set("第条款项章节之")
# after a figure written behind a name and a space (省级 4、市级 3、…): the next name and its figure; the figure
# is a count, not a run-in list number (with a comma after it, 省级 4，市级 3 / 浙江 2, 重庆, it never is one)
_COUNT_NEXT = re.compile(r"\s*[\u4e00-\u9fff]{1,10}\s*[:：]?\s*[0-9０-９]")


@dataclass
class Structure:
    headings: list[Heading] = field(default_factory=list)
    toc: list[Heading] = field(default_factory=list)
    excerpt_start: bool = False
    excerpt_end: bool = False
    notes: list[str] = field(default_factory=list)
    lost: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, the marker it lost)


def find_structure(text: str, raw: str, offsets: list[int], paragraphs: list[Paragraph],
                   shown: str | None = None) -> Structure:
    """Headings and table of contents of a document. ``shown``: the raw text with markup visible
    (build._markup_shown), used to tell table cells from blanks that markup left."""
    out = Structure()
    body = [p for p in paragraphs if not p.table]
    if not body:
        return out
    ptexts = [text[p.start:p.end] for p in body]
    raws = [_raw_of(raw, offsets, p) for p in body]
    lost = lost_open_brackets(text)
    markers = [_bracketed(_marker(t, r), p.start, lost) for t, r, p in zip(ptexts, raws, body, strict=True)]
    chunks = _page_chunks(ptexts, markers)
    markers = [None if k in chunks else m for k, m in enumerate(markers)]
    listed = _lead_in_lists(ptexts, markers)
    cells = raws if shown is None else [_raw_of(shown, offsets, p) for p in body]
    strong = [_row_like(t, r, m) for t, r, m in zip(ptexts, cells, markers, strict=True)]
    toc = _toc_block(ptexts, raws, markers, strong)

    inside = _inside_tables(paragraphs)
    stack: list[Heading] = []
    toc_stack: list[Heading] = []
    in_table = False
    for k, p in enumerate(body):
        t, m = ptexts[k], markers[k]
        if p.start in inside:
            in_table = True  # a spanning row of a recognised table: "三、本年度办理结果" between its rows
        if k in toc:
            p.toc = True
            if m is not None:
                h = _heading(text, p, m, toc=True)
                p.heading = h
                _attach(toc_stack, h)
                out.toc.append(h)
            continue
        if strong[k]:
            in_table = True
            p.row = True
            continue
        if in_table:
            if len(t) > 40 or t[-1] in "。！？!?" or (m is not None and (m.level == 0 or _continues(stack, m))):
                in_table = False
            else:
                p.row = m is not None or p.row
                continue
        if m is not None:
            h = _heading(text, p, m)
            h.listed = body[listed[k]].index if k in listed else -1
            p.heading = h
            _attach(stack, h)
            out.headings.append(h)
        for h in _inline_items(text, offsets, p, m, lost):
            _attach(stack, h)
            out.headings.append(h)

    _excerpt(out, ptexts)
    out.lost = _lost_markers(body, ptexts, markers, out)
    return out


def _page_chunks(ptexts: list[str], markers: list[Marker | None]) -> set[int]:
    """Paragraph indexes of a document aggregator's page-chunk numbers. 文库 sites (淘文阁, 优知文库,
    文库网…) cut a text into pieces numbered 1、 2、 3、 at line starts, mid-sentence and even
    mid-word: «…坚决禁用高度\n2、高残农药,实现…» (wild W155, W156, W187, W192; real 749). Read as
    such only when the paragraphs numbered with 、 are exactly 1, 2, … n (n >= 2) in order, and each
    from 2 on follows a long paragraph (60+ characters) that stops without a final mark and is long
    itself (but the last, which the excerpt may cut);
    a list whose items end a sentence, or one that skips or repeats a number, stays a list."""
    items = [k for k, m in enumerate(markers) if m is not None and m.kind == "arabic" and m.style == "dunhao"]
    numbers = [markers[k].number for k in items]  # type: ignore[union-attr]
    first = 1 if ptexts[0].startswith("1、") and (not items or items[0] > 0) else 0  # «1、-精品合同推荐- …»: no marker read
    if len(items) + first < 2 or numbers != list(range(1 + first, len(items) + 1 + first)):
        return set()
    for k in items[1 - first:]:
        before = ptexts[k - 1].rstrip() if k > 0 else ""
        if len(before) < 60 or (len(ptexts[k]) < 60 and k != items[-1]) or before[-1] in _FINAL + "：:":
            return set()  # (the last piece may be short: the excerpt ends inside it)
    return set(items)


# a lead-in that opens a list: …主要职责如下: / …二级预算单位包括: / 分别是: (not the report's announcement of its
# sections, 现将…报告如下: / …公开如下:, after which its headings follow)
_LEAD_IN = re.compile(r"[:：]\s*$")
_ANNOUNCES = re.compile(r"(?:报告|汇报|总结|说明|公布|公开|通报|介绍)如下\s*[:：]\s*$|^\s*现将|^\s*现就")
_LIST_KINDS = {"arabic", "paren-arabic", "rparen", "circled"}


def _lead_in_lists(ptexts: list[str], markers: list[Marker | None]) -> dict[int, int]:
    """Items of lists that a sentence ending in a colon opens (h4diag 801: 广水市白泉卫生院主要职责如下: /
    1、承担… / 2、受…; 纳入…编制范围的二级预算单位包括: / 1.广水市白泉卫生院(本级)), each with the index of
    its lead-in: such a list is numbered on its own (a new sibling run, checked within itself: 具体情况如下: /
    1.公务接待费… / 3.公务用车… still skips, wild W089) and may use another form than the headings. A
    list starts at 1 after a paragraph that is no heading itself and goes on while the items keep its
    marker's kind and form; a heading ending in a colon ((一)职能职责:) keeps its numbered children as
    headings, and so does the announcement of the report's sections (现将…报告如下:), and numbering that
    goes on after the run (…以下工作: / 1.加强财务管理 / prose / 2.推进绩效管理: sections)."""
    out: dict[int, int] = {}
    k = 1
    while k < len(ptexts):
        m = markers[k]
        lead = ptexts[k - 1].rstrip()
        if (m is None or m.kind not in _LIST_KINDS or m.number != 1 or markers[k - 1] is not None
                or not _LEAD_IN.search(lead) or _ANNOUNCES.search(lead)):
            k += 1
            continue
        j = k
        while j < len(ptexts) and markers[j] is not None and markers[j].kind == m.kind \
                and markers[j].style == m.style and markers[j].punct == m.punct:  # type: ignore[union-attr]
            j += 1
        after = next((markers[q] for q in range(j, len(ptexts)) if markers[q] is not None), None)
        if not (after is not None and after.kind == m.kind and after.style == m.style
                and after.number == markers[j - 1].number + 1):  # type: ignore[union-attr]
            out.update({q: k - 1 for q in range(k, j)})  # (numbering that goes on after prose: sections, not a list)
        k = j
    return out


def _inside_tables(paragraphs: list[Paragraph]) -> set[int]:
    """Starts of the paragraphs that sit between two rows of recognised tables (a row that spans the
    table, written without cells: the 年报 申请 table's "三、本年度办理结果" between 二、上年结转…| 0 | and
    （一）予以公开| 0 |). They are read as table lines unless they continue the numbering outside."""
    return {p.start for a, p, b in zip(paragraphs, paragraphs[1:], paragraphs[2:], strict=False)
            if a.table and b.table and not p.table}


def _lost_markers(body: list[Paragraph], ptexts: list[str], markers: list[Marker | None],
                  out: Structure) -> list[tuple[int, int, str]]:
    """Lines of a list of headings that lost their number: "、政府性基金…" after 六、…, or two bare
    titles between 七、 and 十、 in a run of headings (a table of contents)."""
    k_of = {p.index: k for k, p in enumerate(body)}
    lost: list[tuple[int, int, str]] = []
    j = -1  # the paragraph before the current run of lines starting with 、
    for k, t in enumerate(ptexts):
        if not t.startswith("、"):
            j = k
            continue
        prev = body[j].heading if j >= 0 else None
        if len(t) > 1 and _is_han(t[1]) and prev is not None and prev.kind == "cn":
            lost.append((body[k].start, body[k].start + min(len(t), 20), marker_label(1, prev.number + k - j)))
    for run in sibling_runs(out.headings) + sibling_runs(out.toc):
        for a, b in itertools.pairwise(run):
            ka, kb = k_of.get(a.paragraph), k_of.get(b.paragraph)
            if ka is None or kb is None or a.inline or b.inline or a.level not in (1, 2):
                continue
            between = range(ka + 1, kb)
            if len(between) != b.number - a.number - 1 or not between:
                continue
            if not all(markers[i] is None and len(ptexts[i]) <= 40 and ptexts[i][-1] not in "。！？!?；;：:"
                       and not ptexts[i].startswith("、") for i in between):
                continue
            # a list of headings: the lines around the pair are headings too
            around = [i for i in (ka - 1, kb + 1) if 0 <= i < len(body)]
            if not a.toc and not all(body[i].heading is not None for i in around):
                continue
            for n, i in enumerate(between, start=a.number + 1):
                lost.append((body[i].start, body[i].start + min(len(ptexts[i]), 20), marker_label(a.level, n)))
        lost.extend(_lost_at_end(run, body, ptexts, markers, k_of))
    return sorted(lost)


def _lost_at_end(run: list[Heading], body: list[Paragraph], ptexts: list[str], markers: list[Marker | None],
                 k_of: dict[int, int]) -> list[tuple[int, int, str]]:
    """Bare titles that go on a list of table titles after its last number, up to the next part: 七、财政拨款
    “三公”经费支出决算表 / 政府性基金预算财政拨款收入支出决算表 / 国有资本经营预算…决算表 / 第三部分… (h4diag 804:
    八、 and 九、 lost). Only for a list of three or more whose titles mostly end alike (…决算表), bare lines
    ending the same way, and a part or higher-level heading right after them."""
    if len(run) < 3 or run[-1].level not in (1, 2) or any(h.inline for h in run):
        return []
    ends = Counter(h.title[-2:] for h in run if len(h.title) >= 4)
    end, count = ends.most_common(1)[0] if ends else ("", 0)
    last = k_of.get(run[-1].paragraph)
    if count * 2 <= len(run) or last is None or not end.endswith("表"):
        return []
    bare = []
    k = last + 1
    while k < len(ptexts) and markers[k] is None and 4 <= len(ptexts[k]) <= 40 and ptexts[k].endswith(end):
        bare.append(k)
        k += 1
    if not bare or k >= len(ptexts) or markers[k] is None:
        return []
    closer = markers[k]
    if not (closer.kind in ("part", "chapter") or closer.level < run[-1].level):  # type: ignore[union-attr]
        return []
    return [(body[i].start, body[i].start + min(len(ptexts[i]), 20), marker_label(run[-1].level, n))
            for n, i in enumerate(bare, start=run[-1].number + 1)]


def _raw_of(raw: str, offsets: list[int], p: Paragraph) -> str:
    """The first raw line of a paragraph (cell separators and spaces the join dropped are still there)."""
    if p.end <= p.start:
        return ""
    a = offsets[p.start]
    b = raw.find("\n", a)
    return raw[a:b if b >= 0 else len(raw)].rstrip("\r")


def _marker(t: str, r: str) -> Marker | None:
    m = match_marker(t)
    if m is None:
        rm = match_marker(r.lstrip())
        if rm is not None and rm.style == "space" and t.startswith(rm.text):
            # "一 基本情况": the join dropped the space; the marker is the numeral alone in the text
            return Marker(rm.level, rm.number, rm.text, "space", "", len(rm.text), rm.kind, rm.prefix)
    return m


def _bracketed(m: Marker | None, pos: int, lost: dict[int, tuple[str, str, str]]) -> Marker | None:
    """An item 1) that lost its opening bracket (its list goes on as (2)) is an item (1) of that list."""
    if m is None or m.kind != "rparen" or pos not in lost:
        return m
    _, open_, _ = lost[pos]
    return Marker(4, m.number, m.text, "paren-half" if open_ == "(" else "paren-full", "", m.length, "paren-arabic")


def _row_like(t: str, r: str, m: Marker | None) -> bool:
    """A table row written as text: cells, numeric columns, a unit caption, two markers, an amount."""
    if "|" in t or "|" in r:
        return True
    if _CELLS.search(r) and t[-1] not in "。！？!?":
        return True  # spaces inside a sentence (one that ends as prose) are not cell separators
    if _UNIT_CAPTION.match(t):
        return True
    if len(t) <= 60 and _NUM_COLUMNS.search(t):
        return True
    if _CHECKBOX.search(t):
        return True
    if m is not None and m.level >= 1:
        again = t.find(t[:m.length].rstrip(), m.length)
        if again > 0 and _is_han(t[again - 1]) and match_marker(t, again) is not None:
            return True  # two columns of one row: "一、财政拨款收入2,940.05一、一般公共服务支出"
        if len(t) <= 40 and _ENDS_AMOUNT.search(t):
            return True
    return False


def _toc_block(ptexts: list[str], raws: list[str], markers: list[Marker | None], strong: list[bool]) -> set[int]:
    """Paragraph indexes of a table of contents."""
    out = {k for k, t in enumerate(ptexts) if markers[k] is not None and len(t) <= 80 and not strong[k]
           and TOC_LINE.search(raws[k][-80:]) and not t.endswith("。")}
    if out:
        # a part heading (第二部分…) between or just before leader lines belongs to the contents too
        marks = sorted(out)
        for a, b in zip([marks[0] - 3, *marks], marks, strict=False):
            between = range(max(a + 1, 0), b)
            if all(_heading_like(ptexts[i], markers[i]) for i in between):
                out.update(i for i in between if markers[i] is not None)
    start = next((k for k, t in enumerate(ptexts) if markers[k] is None and _TOC_WORD.match(t.strip())), None)
    if start is None:
        # no 目录 line: a run of headings at the start that the body repeats is a table of contents
        first = next((k for k, m in enumerate(markers) if m is not None), None)
        if first is None or markers[first].level > 1:
            return out
        key = _key(ptexts[first], markers[first])
        for j in range(first + 1, min(len(ptexts), first + 80)):
            if markers[j] is not None and _key(ptexts[j], markers[j]) == key:
                if all(_heading_like(ptexts[i], markers[i]) for i in range(first, j)):
                    out.update(range(first, j))
                break
            if not _heading_like(ptexts[j], markers[j]):
                break
        return out
    first_key = None
    block: set[int] = set()
    repeated = False
    for k in range(start + 1, min(len(ptexts), start + 150)):
        t, m = ptexts[k], markers[k]
        if m is not None:
            key = _key(t, m)
            if first_key is None:
                first_key = key
            elif key == first_key:
                repeated = True
                break  # the body begins: its first heading repeats the first entry
        if not _heading_like(t, m) or (t.rstrip().endswith((":", "：")) and not TOC_LINE.search(t[-80:])):
            break  # (a contents entry is a title: the lead-in …主要职责如下: is the body, h4diag 801; a last entry
            #         may end in 。, h4b 830: 10、2025年整体支出绩效目标表。)
        block.add(k)
    if not repeated and block and first_key is not None and not any(
            markers[j] is not None and _key(ptexts[j], markers[j]) == first_key  # type: ignore[arg-type]
            for j in range(max(block) + 1, len(ptexts))):
        return out  # 目录 over an empty contents (the page lost it): the lines after it are the body's own
        #             headings, which nothing repeats later (h4diag 801: 第一部分…概况 / 1. 部门主要职责 / 主要职责如下:)
    return out | block


def _key(t: str, m: Marker) -> tuple[str, int, str]:
    return m.kind, m.number, _norm_title(t[m.length:])[:8]


def _norm_title(s: str) -> str:
    s = _LEADER.sub("", s)
    s = re.sub(r"PAGEREF.*$", "", s)
    return re.sub(r"[\s:：。.．,，、;；()（）“”\"'¨…·]", "", s)


def _heading_like(t: str, m: Marker | None) -> bool:
    if TOC_LINE.search(t[-80:]):
        return True
    if m is not None:
        return len(t) <= 60
    return len(t) <= 40 and t[-1] not in "。！？!?；;"


def _continues(stack: list[Heading], m: Marker) -> bool:
    """A line inside a table that continues the numbering outside it (the next section) ends the table."""
    for h in reversed(stack):
        if h.kind == m.kind:
            return m.number == h.number + 1
    return m.number == 1 and (not stack or RANK.get(m.kind, 9) > RANK.get(stack[-1].kind, 9))


def _heading(text: str, p: Paragraph, m: Marker, toc: bool = False, start: int | None = None,
             end: int | None = None, inline: bool = False) -> Heading:
    start = p.start if start is None else start
    end = p.end if end is None else end
    rest_start = start + m.length
    rest = text[rest_start:min(end, rest_start + 120)]  # a title is short: never copy a long paragraph
    if toc:
        rest = re.sub(r"\s*PAGEREF.*$", "", rest)
        rest = re.sub(r"(?:[.．·…¨・•_\-—]\s*){2,}\s*\d*\s*$|\s+\d{1,3}\s*$", "", rest)
    # an item inside a paragraph is titled up to its first clause break
    end_m = (_CLAUSE_END if inline else _TITLE_END).search(rest)
    if end_m and end_m.start() <= 40:
        title_len = end_m.start()
    elif len(rest) <= 50:
        title_len = len(rest.rstrip("。"))
    else:
        comma = rest.find("，")
        if comma < 0:
            comma = rest.find(",")
        title_len = comma if 0 < comma <= 30 else min(30, len(rest))
    return Heading(
        level=m.level, number=m.number, marker=m.text, style=m.style, punct=m.punct,
        start=start, end=start + len(m.text) + (1 if m.punct else 0),
        title=rest[:title_len].strip(), title_end=rest_start + title_len, paragraph=p.index,
        kind=m.kind, prefix=m.prefix, inline=inline, toc=toc,
    )


def _attach(stack: list[Heading], h: Heading) -> None:
    """Parent of ``h``: the open heading of its family closes (siblings); otherwise it nests under the
    innermost open heading of a higher rank."""
    if not h.inline:
        while stack and stack[-1].inline:
            stack.pop()  # an item inside a paragraph never holds the next paragraph's heading
    for i in range(len(stack) - 1, -1, -1):
        if stack[i].kind == h.kind:
            del stack[i:]
            break
    else:
        rank = RANK.get(h.kind, 9)
        while stack and RANK.get(stack[-1].kind, 9) >= rank:
            stack.pop()
    if stack:
        h.parent = stack[-1]
        stack[-1].children.append(h)
    stack.append(h)


def _inline_items(text: str, offsets: list[int], p: Paragraph, own: Marker | None,
                  lost: dict[int, tuple[str, str, str]]) -> list[Heading]:
    """Numbered items run together inside a paragraph (after its own marker and title, if any).

    An item starts after a sentence or clause end, after a space the paragraph join dropped (a
    flattened report: "…任务 1、强化…"), or at a bracketed marker that continues the paragraph's list.
    """
    items: list[Heading] = []
    begin = p.start + (own.length if own is not None else 0)
    seq: dict[str, int] = {}
    if own is not None:
        seq[own.kind] = own.number
    last = -1
    for a in _INLINE_AT.finditer(text, begin, p.end):
        g = a.group(0)
        if not g:  # before a numeral: an item only where the join dropped a space (most are figures)
            pos = a.start()
            if not (p.start < pos < p.end and offsets[pos] > offsets[pos - 1] + 1) or pos <= last:
                continue
        else:
            pos = a.end() if g[0] not in "（(" else a.start()
            if pos >= p.end or pos <= last:
                continue
        sep = g[0] if g else " "
        if sep in "（(" and pos > p.start and offsets[pos] > offsets[pos - 1] + 1:
            sep = " "
        if sep not in "（(" and a.group(0) == "" and not (pos > p.start and offsets[pos] > offsets[pos - 1] + 1):
            continue
        last = pos
        if sep in "（(" and pos > p.start and text[pos - 1] in _NO_INLINE_BEFORE:
            continue
        if sep in ",:" and a.start() > p.start and text[a.start() - 1].isdigit():
            continue  # 1,286 and 13:30 are numbers, not a clause break
        m = _bracketed(match_marker(text, pos), pos, lost)
        if m is None or m.kind not in _INLINE_KINDS or "\n" in text[pos:pos + m.length]:
            continue
        if not g and m.kind == "arabic" and (m.punct in ("，", ",") or (
                m.punct == "、" and _COUNT_NEXT.match(text, pos + m.length))):
            continue  # 省级 4，市级 3 / 浙江 2, 重庆, 海南: counts after names, not list numbers (which open a clause)
        if m.punct in (":", "：") and pos > p.start and text[pos - 1] in "表图件":
            continue  # 表 1：收入支出决算总表, 附件2：… label a table or an attachment, not a list item
        if sep in "（(" and m.kind not in ("paren-cn", "paren-arabic"):
            continue
        if m.kind == "cn" and (sep not in "。；;：:" and m.number != seq.get("cn", -1) + 1):
            continue  # 一、 after a comma only when it continues a sequence of the paragraph
        if sep in "（(" and m.number != seq.get(m.kind, 0) + 1 and (m.kind == "paren-arabic" or m.number != 1):
            continue  # （2） right after text only as the next item of a list ((一) also as a first one)
        seq[m.kind] = m.number
        # the item runs to the next item or the paragraph's end
        items.append(_heading(text, p, m, start=pos, end=p.end, inline=True))
    return items


def _excerpt(out: Structure, ptexts: list[str]) -> None:
    """A text cut from a longer one: its first top-level heading is not 1, or it stops mid-sentence."""
    tops = [h for h in out.headings if h.parent is None and not h.inline and h.kind != "article"]
    if tops:
        # the first top-level heading of the highest rank used: 三、 first, or （一）…（三） then 九、
        rank = min(RANK.get(h.kind, 9) for h in tops)
        first = next(h for h in tops if RANK.get(h.kind, 9) == rank)
        if first.number > 1:
            out.excerpt_start = True
            out.notes.append(f"文本从中间开始（第一个{_TOP_WORD.get(first.kind, '标题')}是{first.label}），其前的序号不检查")
    last = ptexts[-1].rstrip()
    # a heading ends without punctuation too, but not with an opener, and carries no sentence break
    heading = match_marker(last) is not None and not re.search(r"[。；;！？!?]", last)
    if last and (last[-1] in "《“（(‘【〔「" or (not heading and (
            last[-1] in "，,、" or (len(last) > 20 and _is_han(last[-1]))))):
        out.excerpt_end = True
        out.notes.append("文本在句中结束（摘录），末尾未闭合的括号和引号不检查")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def sibling_runs(headings: list[Heading]) -> list[list[Heading]]:
    """Runs of siblings: headings of one marker family under one parent, in document order.

    A list that starts again at 1 after reaching 2 or more (or inside a paragraph) is a new list,
    not a step back: a table cell "项目支出:" or a lead-in sentence restarts numbering in real reports.
    """
    runs: list[list[Heading]] = []
    current: dict[tuple[int, str, tuple[int, ...]], list[Heading]] = {}
    for h in headings:
        # 1.1 1.2 and 2.1 2.2 are two lists (their prefix differs); a list a sentence opens is its own
        key = (id(h.parent) if h.parent is not None else 0, h.kind or str(h.level), h.prefix, h.listed)
        run = current.get(key)
        if run is None or (h.number == 1 and (run[-1].number >= 2 or h.inline or run[-1].inline)):
            run = []
            current[key] = run
            runs.append(run)
        run.append(h)
    return runs
