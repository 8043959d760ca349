"""``check --fix``: apply the suggestions of rules whose fix is certain.

A rule declares ``fixable=True`` (``rules.base.rule``) when its suggestion always replaces its span with
certainty (截止→截至, a half-width mark between Chinese characters, 〔〕 in a 发文字号); one finding
can still opt out (``certain=False``: a two-digit year in a 文号 is a guess). An edit is applied only
when its span is one run of text on one line (no line break or space inside, no Markdown markup) and
does not overlap another edit; everything else remains for a person.

- .txt / .md: rewritten in place with ``--fix`` (same encoding, BOM and line endings), or written to
  ``--fix-to FILE``; ``--diff`` prints a unified diff and writes nothing.
- .docx: written to a new file (``--fix-to FILE``) by replacing text inside the runs (``w:t``), so
  every run keeps its formatting; the input is never written.
- .pdf: not fixable.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.engine import LintResult
from reportlint.errors import UsageError
from reportlint.findings import Finding

_ENCODINGS = {"utf-8": ("utf-8", b""), "utf-8-sig": ("utf-8", b"\xef\xbb\xbf"),
              "utf-16-le": ("utf-16-le", b"\xff\xfe"), "utf-16-be": ("utf-16-be", b"\xfe\xff"),
              "gb18030": ("gb18030", b""), "big5": ("cp950", b"")}


@dataclass(frozen=True)
class Edit:
    start: int  # offsets in the Document's raw text, end exclusive
    end: int
    before: str
    after: str
    finding: Finding


@dataclass
class FixResult:
    path: str
    applied: list[Edit] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    diff: str = ""
    written: Path | None = None
    note: str = ""  # why nothing could be written (a .pdf, a .docx without --fix-to …)


def plan(result: LintResult) -> tuple[list[Edit], list[Finding]]:
    """The certain, non-overlapping edits of a result, and the findings left for a person."""
    from reportlint.rules.base import REGISTRY

    raw = result.doc.raw
    edits: list[Edit] = []
    rest: list[Finding] = []
    for f in sorted(result.findings, key=lambda f: (f.raw_start, f.raw_end)):
        r = REGISTRY.get(f.rule)
        before = raw[f.raw_start:f.raw_end]
        ok = (r is not None and r.fixable and f.suggestion is not None and f.extra.get("certain", True)
              and before and before != f.suggestion and not any(c.isspace() for c in before)
              and not (edits and f.raw_start < edits[-1].end))
        if ok:
            edits.append(Edit(f.raw_start, f.raw_end, before, f.suggestion, f))
        else:
            rest.append(f)
    return edits, rest


def apply_text(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{path.lstrip('/')}", f"b/{path.lstrip('/')}"))


def fix_result(result: LintResult, file: Path | None, write: bool, target: Path | None) -> FixResult:
    """Fix one linted file: compute the edits, the diff, and write them when asked (``write``; into
    ``target`` when given, else in place for text files)."""
    edits, rest = plan(result)
    out = FixResult(result.path, remaining=rest)
    kind = result.doc.source.kind if result.doc.source else "text"
    if not edits:
        return out
    if kind == "pdf" or (file is None and target is None and write):
        out.note = "PDF 无法自动修复" if kind == "pdf" else "标准输入无法就地修复，请用 --fix-to 或 --diff"
        out.remaining = sorted(rest + [e.finding for e in edits], key=Finding.sort_key)
        return out
    if kind == "docx":
        fixed_raw = apply_text(result.doc.raw, edits)
        out.diff = unified_diff(result.path, result.doc.raw, fixed_raw)
        if write and target is None:
            out.note = "Word 文件不就地修改，请用 --fix-to 新文件.docx"
            out.remaining = sorted(rest + [e.finding for e in edits], key=Finding.sort_key)
            return out
        if write:
            applied = _fix_docx(file, result, edits, target)
            out.applied = applied
            out.remaining = sorted(rest + [e.finding for e in edits if e not in applied], key=Finding.sort_key)
            out.written = target
        return out
    return _fix_textfile(result, file, edits, rest, write, target, out)


def _fix_textfile(result, file, edits, rest, write, target, out: FixResult) -> FixResult:
    from reportlint.source import decode_bytes

    if file is None:  # stdin: the text is what was linted
        text, encoding = result.doc.source.original or result.doc.raw, "utf-8"
    else:
        text, encoding = decode_bytes(file.read_bytes(), result.path)
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding not in _ENCODINGS:
        out.note = f"文件编码 {encoding} 无法安全写回，未修复"
        out.remaining = sorted(rest + [e.finding for e in edits], key=Finding.sort_key)
        return out
    good = [e for e in edits if norm[e.start:e.end] == e.before]  # the file changed, or markup inside
    bad = [e.finding for e in edits if e not in good]
    fixed = apply_text(norm, good)
    out.diff = unified_diff(result.path, norm, fixed)
    out.remaining = sorted(rest + bad, key=Finding.sort_key)
    if not write:
        return out
    if "\r" in text:  # apply the edits to the file's own text, so every line ending stays as it was
        where = _positions(text)
        fixed = apply_text(text, [Edit(where[e.start], where[e.start] + len(e.before), e.before, e.after, e.finding)
                                  for e in good])
    codec, bom = _ENCODINGS[encoding]
    data = bom + fixed.encode(codec)
    dest = target or file
    _write_atomic(dest, data, like=file)
    out.applied, out.written = good, dest
    return out


def _positions(text: str) -> list[int]:
    """For each character of ``text`` with its line endings made ``\\n``, its index in ``text``."""
    out: list[int] = []
    i = 0
    while i < len(text):
        out.append(i)
        i += 2 if text.startswith("\r\n", i) else 1
    out.append(len(text))
    return out


def _write_atomic(dest: Path, data: bytes, like: Path | None) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".reportlint-", dir=str(dest.parent if str(dest.parent) else "."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if like is not None and like.exists():
            shutil.copymode(like, tmp)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fix_docx(file: Path, result: LintResult, edits: list[Edit], target: Path) -> list[Edit]:
    """Apply edits inside the runs of a copy of ``file`` saved as ``target``; the edits applied."""
    import docx

    from reportlint.docx_reader import W

    document = docx.Document(str(file))
    infos = result.doc.source.lines or ()
    raw_lines = result.doc.raw.split("\n")
    # each extracted line as (w:t node, index) per character, in the reader's order
    slots: list[list] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            slots.append(_chars(child, W))
        elif tag == "tbl":
            for row in child.iter(f"{W}tr"):
                for cell in row.iter(f"{W}tc"):
                    chars: list = []
                    for k, p in enumerate(cell.iter(f"{W}p")):
                        if k:
                            chars.append((None, 0, " "))
                        chars.extend(_chars(p, W))
                    text = "".join(c for _, _, c in chars)
                    if text.strip():
                        lead = len(text) - len(text.lstrip())
                        slots.append(chars[lead:lead + len(text.strip())])
    if len(slots) != len(infos):
        return []
    starts, pos = [], 0
    for line in raw_lines:
        starts.append(pos)
        pos += len(line) + 1
    applied = []
    from bisect import bisect_right

    for e in reversed(edits):  # from the end, so earlier offsets stay valid within a line
        n = bisect_right(starts, e.start) - 1
        if n >= len(slots) or e.end > starts[n] + len(raw_lines[n]):
            continue
        prefix = len(infos[n].auto_number or "")
        chars = slots[n]
        if "".join(c for _, _, c in chars) != raw_lines[n][prefix:]:
            continue
        a, b = e.start - starts[n] - prefix, e.end - starts[n] - prefix
        if a < 0 or b > len(chars) or any(node is None for node, _, _ in chars[a:b]):
            continue
        _replace(chars[a:b], e.after)
        applied.append(e)
    document.save(str(target))
    return sorted(applied, key=lambda e: e.start)


def _chars(p, W: str) -> list[tuple]:
    """(w:t node, index in it, character) per character of a paragraph as the reader extracts it;
    tabs and breaks have no node (they are never edited)."""
    out: list[tuple] = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            out.extend((node, i, c) for i, c in enumerate(node.text or ""))
        else:
            out.append((None, 0, "\t" if tag == "tab" else " "))
    return out


def _replace(span: list[tuple], after: str) -> None:
    """Replace the characters of ``span`` (in one or more w:t nodes) by ``after``, which goes into the
    first node (so it takes that run's formatting); the other nodes lose their covered characters.
    A replacement of the same length goes character by character, each into its own run."""
    if len(after) == len(span):
        for (node, i, _), c in zip(span, after, strict=True):
            text = node.text or ""
            node.text = text[:i] + c + text[i + 1:]
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return
    nodes: dict = {}
    for node, i, _ in span:
        lo, n = nodes.get(node, (i, 0))
        nodes[node] = (min(lo, i), n + 1)
    for k, (node, (lo, n)) in enumerate(nodes.items()):
        text = node.text or ""
        node.text = text[:lo] + (after if k == 0 else "") + text[lo + n:]
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def summary(results: list[FixResult], wrote: bool) -> str:
    """``已修复 11 处（W501 jiezhi 7，F601 punct-halfwidth 4），剩余 19 处需人工处理``."""
    applied = [e.finding for r in results for e in r.applied]
    remaining = sum(len(r.remaining) for r in results)
    if not wrote:
        would = sum(len(r.diff.splitlines()) > 0 for r in results)
        if not would:
            return f"没有可自动修复的问题；剩余 {remaining} 处需人工处理"
        return f"{would} 个文件有可自动修复的问题（见上方差异，未写入）；剩余 {remaining} 处需人工处理"
    by = Counter((f.code, f.rule) for f in applied)
    detail = "，".join(f"{c} {n} {k}" for (c, n), k in sorted(by.items()))
    head = f"已修复 {len(applied)} 处" + (f"（{detail}）" if detail else "")
    return f"{head}，剩余 {remaining} 处需人工处理"


def check_targets(files: list[Path], fix_to: Path | None) -> None:
    if fix_to is not None and len(files) != 1:
        raise UsageError("--fix-to 只能用于单个输入文件")
