"""Words typed twice (保障保障, 食品食品, 补助资金预算补助资金预算, 政府政府).

A run U U of Han characters is a doubled word when the two copies touch in the written text (no space
or line break between them: 打印 打印 or 打印⏎打印 is a web page's toolbar, not a doubled word), the first
copy is whole words (it starts and ends on jieba word boundaries), the second copy starts on a word
boundary, the line is more than the doubled word itself (a line 纠错纠错 is page furniture), U is no
toolbar word (``confusion.yaml`` ``page_furniture``), and U is not a reduplication the language allows: a dictionary word that is itself a doubling (常常, 人人, 等等, 看看, 研究研究 …) is one
token and never matches; verbs that reduplicate (研究研究, 讨论讨论) and numeral + measure runs (一个一个)
are listed below. A single character typed twice counts for function characters (的的, 了了 …), whose doubling is never
a word, and for a common word's last character typed again as a stray token (下属属各单位). A clause
of four or more Han characters typed twice across its comma (从预算单位构成看,从预算单位构成看,) is a
doubled clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportlint.lexicon import load_yaml

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,8}[:：]?)\1")
# a unit of measure typed twice after a figure (1837600元元)
_UNIT_TWICE = re.compile(r"(?<=[0-9])(万元|亿元|元|人次|人|个|次|件|项|户|家|所|平方米|公里|吨)\1(?![\u4e00-\u9fff])")
# a clause of Han characters typed twice across its comma (从预算单位构成看,从预算单位构成看,): the
# clause opens a sentence or a clause and the copy ends on punctuation; table cells (|, white space) and
# list items with figures (…43.16万元,…43.16万元: another rule's) never match
_CLAUSE_TWICE = re.compile(r"[，,。；;：:！？\n]([\u4e00-\u9fff]{4,30}[，,])\1(?=[，,。；;：:！？]|[\u4e00-\u9fff])")
# the same at the text's start (the pattern above starts on punctuation, which the regex engine finds fast)
_CLAUSE_TWICE_AT_START = re.compile(r"([\u4e00-\u9fff]{4,30}[，,])\1(?=[，,。；;：:！？]|[\u4e00-\u9fff])")
_SINGLE = re.compile(r"([的了是在和与及对为将把被从向于并也都就又而有要已以由其之所])\1")
# verbs whose ABAB reduplication is colloquial but correct ("研究研究"), and runs a reader repeats on purpose
ALLOWED = frozenset({
    "研究", "讨论", "商量", "学习", "考虑", "了解", "检查", "休息", "活动", "锻炼", "打扫", "整理", "收拾",
    "介绍", "试试", "看看", "想想", "谈谈", "走走", "问问", "一点", "一步", "一天",
    "一年", "一个", "一次", "一件", "一项", "一批", "一片", "一层", "一级", "一代", "一家", "一户", "一村",
    "一对", "一条", "哈哈", "呵呵", "嘻嘻", "谢谢", "多多", "好好", "慢慢", "渐渐", "常常", "天天",
})


@dataclass(frozen=True)
class Repeat:
    start: int  # of the second copy
    end: int
    unit: str


def find_repeats(doc) -> list[Repeat]:
    text = doc.text
    out: list[Repeat] = []
    for m in _DOUBLED.finditer(text):
        unit = m.group(1)
        s, mid, e = m.start(), m.start() + len(unit), m.end()
        if _in_table_row(text, s, e):
            continue
        if not all(_touching(doc, k) for k in range(s + 1, e)):
            # 打印 打印, 纠错⏎纠错: words repeated across white space are page furniture; 年初预算数 全年预算数
            # 全年执行数: a copy crossing white space is two cells of a flattened table row read as one word
            continue
        unit = unit.rstrip(":：")
        if unit in page_furniture() or _alone_on_line(text, s, e):
            continue
        if unit in ALLOWED or unit[0] in "一两几每" or len(set(unit)) == 1:
            continue
        if not doc.is_boundary(mid) or not (doc.is_boundary(s) or _glued(doc, s, mid, unit)):
            continue
        out.append(Repeat(mid, e, unit))
    first = _CLAUSE_TWICE_AT_START.match(text)
    for m in ([first] if first else []) + list(_CLAUSE_TWICE.finditer(text)):
        unit = m.group(1)
        out.append(Repeat(m.start(1) + len(unit), m.end(), unit.rstrip("，,")))
    for m in _UNIT_TWICE.finditer(text):
        out.append(Repeat(m.start() + len(m.group(1)), m.end(), m.group(1)))
    for m in _SINGLE.finditer(text):
        s, e = m.start(), m.end()
        if doc.is_boundary(s) and doc.is_boundary(s + 1) and doc.is_boundary(e):
            out.append(Repeat(s + 1, e, m.group(1)))
    out += _char_after_word(doc)
    return sorted(out, key=lambda r: (r.start, r.end))


_PAIR = re.compile(r"([\u4e00-\u9fff])\1")
# measure words and numerals, whose doubling after a numeral is the language's (一个个, 一次次)
MEASURES = frozenset("个只件项条次回遍天年月日位名人家户座所台辆张本份批步层级代片块根")
# the word before the stray copy is at least this common (jieba): 下属 1202
CHAR_AFTER_WORD_FREQ = 500


def _char_after_word(doc) -> list[Repeat]:
    """A word's last character typed again (下属属各单位): the copy stands alone as a token, forms no
    word with what follows, the doubled pair is no word (jieba, wordfreq: 人人, 常常 are), and the
    word before is common; measure words (一个个) and function characters are left alone."""
    from reportlint.nlp import tokenizer
    from reportlint.spelling.data import zipf

    text = doc.text
    fq = tokenizer().FREQ.table
    out: list[Repeat] = []
    for m in _PAIR.finditer(text):
        i = m.start() + 1
        c = text[i]
        if c in MEASURES or _SINGLE.match(c + c) or fq[c + c] or zipf(c + c) > 0:
            continue
        if not (doc.is_boundary(i) and doc.is_boundary(i + 1)) or not _touching(doc, i):
            continue
        before = doc.words_in(i - 1, i)
        w = before[-1] if before else ""
        if len(w) < 2 or text[i - len(w):i] != w or fq[w] < CHAR_AFTER_WORD_FREQ:
            continue
        if i + 1 < len(text) and (fq[text[i:i + 2]] or fq[text[i:i + 3]]):
            continue
        out.append(Repeat(i, i + 1, c))
    return out


# a doubled word this frequent (jieba) is recognised even when its first copy is glued to the word before
GLUED_WORD_FREQ = 1000


def _glued(doc, s: int, mid: int, unit: str) -> bool:
    """The first copy's first character was taken into the word before (水务湖泊局部门部门决算: 局部|门|部门),
    leaving its rest a stray single character: a common word typed twice, not a word ending in its own
    start (the first copy must end as a lone character, which a real word never leaves)."""
    from reportlint.nlp import word_freq

    if len(unit) != 2 or (word_freq().get(unit, 0) or 0) < GLUED_WORD_FREQ:
        return False
    words = doc.words_in(s, mid)
    return len(words) == 2 and len(words[-1]) == 1 and len(words[0]) >= 2 \
        and doc.text[s - len(words[0]) + 1:s] + unit[0] == words[0]


@cache
def page_furniture() -> frozenset[str]:
    """Toolbar and share-button words of government web pages (confusion.yaml ``page_furniture``)."""
    return frozenset(str(w) for w in load_yaml("confusion.yaml").get("page_furniture") or [])


def _touching(doc, mid: int) -> bool:
    """The character at ``mid`` follows the one before right away in the written text (no space, tab
    or line break that reflow dropped between Han characters)."""
    offs = doc.offsets
    return 0 < mid < len(offs) and offs[mid] == offs[mid - 1] + 1


def _alone_on_line(text: str, s: int, e: int) -> bool:
    """The doubled word is all the line holds besides brackets and punctuation (【打印打印】)."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    line = text[a:b if b >= 0 else len(text)]
    return _han_count(line) == _han_count(text[s:e])


def _han_count(s: str) -> int:
    return sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")


def _in_table_row(text: str, s: int, e: int) -> bool:
    """A flattened table row puts one cell's value next to an identical one (目标值 显著提升 | 实际值
    显著提升 between two scores: 10显著提升显著提升10): a figure or cell mark on both sides marks cells,
    not prose (2023部门部门决算 is a title's doubled word)."""
    before = text[max(0, s - 1):s]
    after = text[e:e + 1]
    return bool(re.match(r"[0-9%|｜]", before)) and bool(re.match(r"[0-9%|｜]|$", after))
