"""Loading report files into text: encodings, BOMs, supported formats.

Inputs are opened read-only; nothing here writes to them.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reportlint.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}


@dataclass(frozen=True)
class LineInfo:
    """Where one line of the extracted text sits in a .docx or .pdf, for people to find it."""

    page: int | None = None  # PDF: 1-based page
    page_line: int | None = None  # PDF: 1-based line on that page
    paragraph: int | None = None  # DOCX: 1-based body paragraph
    table: int | None = None  # DOCX: 1-based table, row and cell
    row: int | None = None
    cell: int | None = None
    auto_number: str | None = None  # DOCX: the list number Word renders (not in the paragraph text)


@dataclass(frozen=True)
class Source:
    """A report's text as read from disk, with newlines normalised to ``\\n``.

    For .docx and .pdf the text is extracted, one line per Word paragraph / table cell or per
    PDF text line, and ``lines`` locates each line in the original file.
    """

    path: str
    text: str
    encoding: str
    kind: str  # "text" | "markdown" | "docx" | "pdf"
    lines: tuple[LineInfo, ...] | None = None
    artifact_lines: frozenset[int] = frozenset()  # 0-based lines known to be page furniture
    notes: tuple[str, ...] = ()  # things the output should tell the reader (auto numbering …)

    def location(self, line: int) -> LineInfo | None:
        """LineInfo of a 1-based line, if the source has them."""
        if self.lines is None or not 1 <= line <= len(self.lines):
            return None
        return self.lines[line - 1]


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if not data.strip():
        raise InputError(f"{name}: 文件为空 (empty file)")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], enc, name), enc
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: 不是文本文件 (binary file)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: 无法识别文件编码，既不是 UTF-8 也不是 GB18030/GBK (undecodable at byte {exc.start})"
        ) from None
    return text, "gb18030"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: 文件声明为 {encoding} 但无法解码 (byte {exc.start})") from None


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: 文件为空 (empty file)")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(f"{name}: 不是文本文件 (binary content)")


def load_source(path: str | Path) -> Source:
    """Read one report file; raise InputError with a one-line message on any problem."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"{name}: 文件不存在 (no such file)")
    if p.is_dir():
        raise InputError(f"{name}: 是目录 (is a directory)")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{name}: 不支持的文件类型 {suffix or '(无扩展名)'} (supported: .txt .md .docx .pdf)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: 无法读取 ({exc.strerror})") from None
    if suffix == ".docx":
        from reportlint.docx_reader import read_docx

        return read_docx(data, name)
    if suffix == ".pdf":
        from reportlint.pdf_reader import read_pdf

        return read_pdf(data, name)
    text, encoding = decode_bytes(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_text(text, name)
    kind = "markdown" if suffix in {".md", ".markdown"} else "text"
    return Source(path=name, text=text, encoding=encoding, kind=kind)


def source_from_text(text: str, path: str = "<text>", kind: str = "text") -> Source:
    """Wrap an in-memory string (tests, stdin) as a Source."""
    return Source(path=path, text=text.replace("\r\n", "\n"), encoding="utf-8", kind=kind)


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively) into report files, plus problems found on the way."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith((".", "~$"))
            )
            if not found:
                problems.append(f"{raw}: 目录中没有可检查的报告 (no .txt/.md/.docx/.pdf reports found)")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            problems.append(f"{raw}: 文件不存在 (no such file)")
    return files, problems
