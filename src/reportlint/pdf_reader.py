"""PDF reports: the text layer per page in reading order (PDFium via pypdfium2).

Each PDF text line becomes one line; ``Source.lines`` keeps its page and line on the page. Page
numbers and running headers/footers are recognised per page (first and last lines whose shape, digits
aside, repeats across the pages) and handed to the document builder, which drops them silently: they
are the PDF's furniture, not text left in by mistake. A page number inside the text flow (a "6"
pasted in from an earlier conversion) is still reported by pdf-artifact.
"""

from __future__ import annotations

import re
from collections import Counter

from reportlint.cjk import fold_radicals
from reportlint.document.reflow import PAGE_NUMBER
from reportlint.errors import InputError
from reportlint.limits import DEFAULT, Limits, check_chars, check_pages, check_pdf_streams
from reportlint.source_model import LineInfo, Source

MIN_TEXT_PER_PAGE = 10  # fewer characters than this on average: a scan without a text layer


def read_pdf(data: bytes, name: str, limits: Limits = DEFAULT) -> Source:
    """Text lines per page. Limits are checked before PDFium parses (every Flate stream inflated in
    bounded steps, page count) and while extracting (characters so far)."""
    if not data:
        raise InputError(f"{name}: 文件为空 (empty file)")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: 不是 PDF 文件或文件已损坏 (no PDF header)")
    check_pdf_streams(data, name, limits)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise InputError(f"{name}: PDF 已加密，需先解除密码保护 (encrypted PDF)") from None
        raise InputError(f"{name}: PDF 文件已损坏或被截断，无法打开 (corrupt PDF: {msg})") from None
    try:
        check_pages(len(pdf), name, limits)
        pages: list[list[str]] = []
        chars = 0
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
            except pdfium.PdfiumError as exc:
                raise InputError(f"{name}: 第{i + 1}页无法读取 (corrupt page: {exc})") from None
            finally:
                page.close()
            chars += len(text)
            check_chars(chars, name, limits)
            text = fold_radicals(text)
            pages.append([ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    finally:
        pdf.close()
    if not pages:
        raise InputError(f"{name}: PDF 没有页面 (no pages)")
    chars = sum(len("".join(p).strip()) for p in pages)
    if chars < MIN_TEXT_PER_PAGE * len(pages):
        raise InputError(f"{name}: PDF 没有文字层（可能是扫描件），请先做 OCR (no text layer: OCR it first)")

    furniture = _furniture(pages)
    lines: list[str] = []
    info: list[LineInfo] = []
    artifacts: set[int] = set()
    for pno, page_lines in enumerate(pages, 1):
        for lno, line in enumerate(page_lines, 1):
            if (pno, lno) in furniture:
                artifacts.add(len(lines))
            lines.append(line)
            info.append(LineInfo(page=pno, page_line=lno))
    return Source(path=name, text="\n".join(lines) + "\n", encoding="pdf", kind="pdf", lines=tuple(info),
                  artifact_lines=frozenset(artifacts))


def _furniture(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) of page numbers and of running headers/footers."""
    out: set[tuple[int, int]] = set()
    edges: list[tuple[int, int, str]] = []
    for pno, lines in enumerate(pages, 1):
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        for i in idx[:2] + idx[-2:]:
            edges.append((pno, i + 1, lines[i].strip()))
    shape = Counter(re.sub(r"\d+", "#", t) for _, _, t in set(edges))
    need = max(2, (len(pages) + 1) // 2)
    for pno, lno, t in edges:
        repeated = shape[re.sub(r"\d+", "#", t)] >= need and len(t) <= 40
        last = lno == max(i + 1 for i, ln in enumerate(pages[pno - 1]) if ln.strip())
        if (len(pages) >= 3 and repeated) or (len(pages) < 3 and last and PAGE_NUMBER.match(t)):
            out.add((pno, lno))
    return out
