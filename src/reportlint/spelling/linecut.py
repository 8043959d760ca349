"""Words a PDF conversion cut at a line break: the character at the end or the start of a line lost.

A converted table of contents or heading list loses the last character of some lines (梧州 2023 单位决算:
``2023年度单位决`` / ``表四:财政拨款收入支出决算总`` / ``第四部分:名词解``) or the first character of a
wrapped heading's second line (``…2023年度单位`` ⏎ ``算报表`` for 单位决算报表). Shapes reported, both on
short lines without sentence punctuation (headings, contents entries, titles), never in prose:

- a line ending on a stray character (a one-character token that forms no word with the token before),
  followed by a line that opens a new item (a page number, 表N, 第N部分, 一、, (一), 1.) or ends the
  text: the fix is the dictionary word the last token and the character begin (名词解 -> 名词解释), in
  a list of tables the table's name (表四:…决算总 -> 决算总表), else the word the report itself writes
  starting with the character (决 -> 决算);
- a line opening on a stray character that forms no word with the end of the line before (位|算) nor
  with the word after it, after a line without a full stop: the fix is the word ending in that
  character the report writes most often (算 -> 决算, at least twice).

An ordinary wrap (预算绩效管⏎理) joins into a word across the break and is never reported, nor a form the
report writes elsewhere uncompleted (决算数 as a flattened table's column header, 类款项 under 科目编码).
"""

from __future__ import annotations

import re

from reportlint.textutil import HAN_CHAR

_HAN = re.compile(HAN_CHAR)
# a line that opens a new item: a page number, a table, a part, a numbered heading
_ITEM_START = re.compile(
    r"\s*(?:[0-9]+\s*$|表[一二三四五六七八九十0-9]+|附表|第[一二三四五六七八九十0-9]+[部章节]|[一二三四五六七八九十]+[、.．]"
    r"|[(（][一二三四五六七八九十0-9]+[)）]|[0-9]+[.、．]|附件)")
# a table's entry in a list of tables (表四:…决算总 lost 表: a table's name ends in 表)
_TABLE_ENTRY = re.compile(r"\s*(?:附表|表)[一二三四五六七八九十0-9]+\s*[:：、.．]")
# sentence punctuation: a line holding one is prose, not a heading or a contents entry
_PROSE = re.compile(r"[。，,；;！？!?]")
MAX_LINE = 40
# a word this frequent (jieba; 决算 165), written twice or more in the report, is the whole form of a cut one
WORD_FREQ = 100


def _is_han(c: str) -> bool:
    return bool(_HAN.match(c))


def line_cuts(doc, freq, free: set[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, fix, why) for each cut word; ``free`` are characters that stand alone as words."""
    text = doc.text
    out: list[tuple[int, int, str, str]] = []
    for m in re.finditer("\n", text):
        p = m.start()
        a = text.rfind("\n", 0, p) + 1
        line = text[a:p]
        nl = text.find("\n", p + 1)
        nxt = text[p + 1:nl if nl >= 0 else len(text)]
        if line and _heading_like(line) and (_ITEM_START.match(nxt) or not nxt.strip()):
            cut = _end_cut(doc, freq, free, p - 1)
            if cut:
                out.append(cut)
        if nxt and _heading_like(nxt) and line.strip() and _is_han(line.rstrip()[-1]) \
                and not _PROSE.search(line[-1:]) and p > 0 and _is_han(text[p - 1]):
            cut = _start_cut(doc, freq, free, p + 1)
            if cut:
                out.append(cut)
    return out


def _heading_like(line: str) -> bool:
    return len(line.strip()) <= MAX_LINE and not _PROSE.search(line)


def _end_cut(doc, freq, free, i: int):
    text = doc.text
    c = text[i]
    if not _is_han(c) or c in free or i == 0 or not _is_han(text[i - 1]):
        return None
    if doc.words_in(i, i + 1) != [c] or not doc.is_boundary(i):
        return None
    before = doc.words_in(i - 1, i)
    prev = before[-1] if before else ""
    if not prev or len(prev) < 2 or freq.get(prev + c, 0) or text[i - len(prev):i] != prev:
        return None
    a = text.rfind("\n", 0, i) + 1
    whole = _dictionary_completion(prev + c, freq) \
        or (prev + c + "表" if _TABLE_ENTRY.match(text[a:i]) else "")
    if not whole:
        word = _written_word(doc, freq, c, i, first=True, at_least=2)
        whole = prev + word if word else ""
    if not whole or _written_as_is(doc, prev + c, i - len(prev), end=True):
        return None
    s = i - len(prev)
    return s, i + 1, whole, f"“{prev}{c}”在行末缺字，应为“{whole}”（转换时行末字丢失）"


def _start_cut(doc, freq, free, j: int):
    text = doc.text
    c = text[j]
    if not _is_han(c) or c in free or j + 1 >= len(text) or not _is_han(text[j + 1]):
        return None
    if doc.words_in(j, j + 1) != [c] or not doc.is_boundary(j + 1):
        return None
    if freq.get(text[j - 2] + c, 0) or freq.get(c + text[j + 1], 0):
        return None  # 管⏎理: an ordinary wrap inside a word
    after = doc.words_in(j + 1, j + 2)
    if not after or len(after[0]) < 2 or not freq.get(after[0], 0):
        return None
    word = _written_word(doc, freq, c, j, first=False, at_least=2)
    if not word or _written_as_is(doc, c + after[0], j, end=False):
        return None
    return j, j + 1, word, f"“{c}{after[0]}”在行首缺字，应为“{word}{after[0]}”（转换时换行处丢字）"


def _written_as_is(doc, form: str, at: int, end: bool) -> bool:
    """The report writes ``form`` elsewhere too as whole words, ending (``end``) or starting on a word
    boundary (决算数 as a table's column header, 类款项 under 科目编码): its own word, not a cut; 决算总体
    does not make 决算总 a word."""
    text = doc.text
    for m in re.finditer(re.escape(form), text):
        if m.start() != at and doc.is_boundary(m.end() if end else m.start()):
            return True
    return False


def _written_word(doc, freq, c: str, at: int, first: bool, at_least: int = 1) -> str:
    """The commonest dictionary word of two characters the report writes, starting (``first``) or
    ending with ``c``, elsewhere than at ``at``, on word boundaries."""
    text = doc.text
    pat = re.escape(c) + "[\u4e00-\u9fff]" if first else "[\u4e00-\u9fff]" + re.escape(c)
    counts: dict[str, int] = {}
    for k in re.finditer(pat, text):
        if k.start() <= at < k.end():
            continue
        w = k.group()
        if (freq.get(w, 0) or 0) >= WORD_FREQ and doc.is_boundary(k.start()) and doc.is_boundary(k.end()):
            counts[w] = counts.get(w, 0) + 1
    if not counts:
        return ""
    best = max(counts, key=lambda w: (counts[w], freq.get(w, 0)))
    return best if counts[best] >= at_least else ""


def _dictionary_completion(head: str, freq) -> str:
    """The one dictionary word (jieba, frequency >= 3) that is ``head`` plus one character (名词解 ->
    名词解释); "" when none or several."""
    found = [w for w in freq.trie.keys(head) if len(w) == len(head) + 1 and freq.get(w, 0) >= 3]
    return found[0] if len(found) == 1 else ""
