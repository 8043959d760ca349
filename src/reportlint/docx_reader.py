"""Word (.docx) reports: body paragraphs and tables in document order, with list numbers rendered.

Paragraphs and tables inside block-level content controls (``w:sdt``) are read where they stand; a
table of contents control is not.

Each Word paragraph becomes one line of text, each non-empty table cell one line marked as table
content; ``Source.lines`` keeps the paragraph number or table/row/cell of every line.
"""

from __future__ import annotations

import io
import zipfile

from reportlint.docx_numbering import Numbering, W
from reportlint.errors import InputError
from reportlint.limits import DEFAULT, Limits, part_too_large
from reportlint.source_model import LineInfo, Source
from reportlint.suppress import comment_marks, comment_texts, word_comments


def check_parts(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a .docx any of whose parts inflates past ``max_part_bytes``, before python-docx opens it.

    The size comes from the zip directory; zipfile never inflates a member past the size it
    declares (it stops there, and the CRC check then fails), so the check also holds while parsing.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # python-docx reports it as a broken file
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.max_part_bytes:
            raise part_too_large(name, f".docx 部件 {info.filename}", info.file_size, limits)
    if total > 4 * limits.max_part_bytes:
        raise part_too_large(name, ".docx 全部部件", total, limits)


def _why_broken(data: bytes) -> str:
    """A short English gloss of why python-docx refused ``data`` (no exception names for users)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "not a Word document: not a zip archive"
    for part in ("[Content_Types].xml", "word/document.xml"):
        if part not in names:
            return f"not a Word document: {part} missing"
    return "damaged Word document"


def read_docx(data: bytes, name: str, limits: Limits = DEFAULT) -> Source:
    if not data:
        raise InputError(f"{name}: 文件为空 (empty file)")
    if data[:5] == b"%PDF-":  # a PDF saved under a .docx name
        raise InputError(f"{name}: 不是 Word 文件，实为 PDF 文件，请把扩展名改为 .pdf 后再检查 (a PDF named .docx)")
    check_parts(data, name, limits)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency
        raise InputError(f"{name}: 需要 python-docx 才能读取 .docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise InputError(f"{name}: 不是有效的 .docx 文件，可能已损坏或被截断 ({_why_broken(data)})") from None
    except MemoryError:
        raise
    except Exception:  # lxml errors on a broken part
        raise InputError(f"{name}: 不是有效的 .docx 文件，可能已损坏或被截断 ({_why_broken(data)})") from None

    numbering = Numbering.from_part(_numbering_element(document))
    texts = comment_texts(document)  # Word comments: a reportlint directive silences a rule on its text
    has_comments = any("reportlint" in t for t in texts.values())
    style_numpr = _style_numbering(document)
    lines: list[str] = []
    info: list[LineInfo] = []
    anchors: list[tuple[str, str, int, int]] = []  # Word comment anchors: (id, kind, line, offset)
    merged: list[tuple[int, int, int, str]] = []  # grid cells covered by a merge
    para_no = 0
    table_no = 0
    auto = 0
    for child in _blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para_no += 1
            text = _paragraph_text(child)
            number = _list_number(child, numbering, style_numpr)
            if number:
                auto += 1
            line = ((number or "") + text).replace("\n", " ")
            if has_comments:
                anchors.extend((cid, kind, len(lines), off + len(number or "")) for cid, kind, off in comment_marks(child))
            # empty paragraphs stay as blank lines: a lone "6" between two blank paragraphs is a
            # page number pasted in from a PDF, as in a text file
            lines.append(line if line.strip() else "")
            info.append(LineInfo(paragraph=para_no, auto_number=number))
        elif tag == "tbl":
            table_no += 1
            for r, row in enumerate(child.iter(f"{W}tr"), 1):
                col = 1  # cells are numbered by grid column: a cell merged across columns spans several
                for cell in row.iter(f"{W}tc"):
                    span = _grid_span(cell)
                    c, col = col, col + span
                    merged.extend((table_no, r, c + k, "L") for k in range(1, span))
                    if _continues_merge(cell):  # a cell merged down from the row above: its text is above
                        merged.extend((table_no, r, c + k, "U") for k in range(span))
                        continue
                    text = " ".join(_paragraph_text(p) for p in cell.iter(f"{W}p")).strip()
                    if text:
                        if has_comments:
                            anchors.extend((cid, kind, len(lines), 0 if kind == "start" else len(text))
                                           for cid, kind, _ in comment_marks(cell))
                        lines.append(text.replace("\n", " "))
                        info.append(LineInfo(table=table_no, row=r, cell=c))
    if not any(line.strip() for line in lines):
        raise InputError(f"{name}: 文档中没有文字 (no text in document)")
    notes = (f"{auto} 个段落使用 Word 自动编号，序号已按编号定义还原后检查",) if auto else ()
    comments = word_comments(texts, anchors, lines) if has_comments else ()
    return Source(path=name, text="\n".join(lines) + "\n", encoding="docx", kind="docx", lines=tuple(info),
                  notes=notes, comments=comments, merged_cells=tuple(merged))


def _blocks(parent):
    """The paragraphs (``w:p``) and tables (``w:tbl``) of the body in document order, the ones inside
    block-level content controls (``w:sdt``, fill-in templates' 格式文本内容控件) and custom XML included.
    A table of contents control (``docPartGallery`` "Table of Contents") is left out: its lines repeat
    the headings."""
    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag in ("p", "tbl"):
            yield child
        elif tag == "sdt":
            gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
            if gallery is not None and "contents" in (gallery.get(f"{W}val") or "").lower():
                continue
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif tag == "customXml":
            yield from _blocks(child)


def _grid_span(cell) -> int:
    """How many grid columns a table cell spans (``w:gridSpan``, 1 when absent or malformed)."""
    span = cell.find(f"{W}tcPr/{W}gridSpan")
    val = span.get(f"{W}val") if span is not None else None
    return int(val) if val and val.isdigit() and 0 < int(val) < 64 else 1


def _continues_merge(cell) -> bool:
    """A cell that continues a vertical merge (``<w:vMerge/>`` or ``w:val="continue"``; ``restart`` opens one)."""
    vm = cell.find(f"{W}tcPr/{W}vMerge")
    return vm is not None and vm.get(f"{W}val") in (None, "continue")


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
        tag = node.tag.rsplit("}", 1)[-1]
        parts.append(node.text or "" if tag == "t" else ("\t" if tag == "tab" else " "))
    return "".join(parts)


def _numbering_element(document):
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return None
    return part.element if part is not None else None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry list numbering (Heading 1 numbered 一、 by its style)."""
    out = {}
    for style in document.styles.element.iter(f"{W}style"):
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            num_id = numpr.find(f"{W}numId")
            ilvl = numpr.find(f"{W}ilvl")
            if num_id is not None:
                out[style.get(f"{W}styleId")] = (num_id.get(f"{W}val"), int(ilvl.get(f"{W}val")) if ilvl is not None else 0)
    return out


def _list_number(p, numbering: Numbering, style_numpr: dict[str, tuple[str, int]]) -> str | None:
    ppr = p.find(f"{W}pPr")
    num_id, ilvl = None, 0
    if ppr is not None:
        numpr = ppr.find(f"{W}numPr")
        if numpr is not None:
            nid = numpr.find(f"{W}numId")
            lvl = numpr.find(f"{W}ilvl")
            num_id = nid.get(f"{W}val") if nid is not None else None
            ilvl = int(lvl.get(f"{W}val")) if lvl is not None else 0
        if num_id is None:
            style = ppr.find(f"{W}pStyle")
            if style is not None and style.get(f"{W}val") in style_numpr:
                num_id, ilvl = style_numpr[style.get(f"{W}val")]
    if num_id is None:
        return None
    return numbering.render(num_id, ilvl)
