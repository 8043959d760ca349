"""Loading report files into text: encodings, BOMs, supported formats.

Inputs are opened read-only; nothing here writes to them.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path

from reportlint.errors import InputError
from reportlint.limits import DEFAULT, Limits, check_bytes, check_chars
from reportlint.source_model import Source

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def display_path(path: str | Path) -> str:
    """A file name safe to print and embed: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become ``\\xNN``, control and bidi characters ``\\xNN`` / ``\\uNNNN``."""
    def esc(m: re.Match[str]) -> str:
        c = ord(m.group())
        if 0xDC80 <= c <= 0xDCFF:
            return f"\\x{c - 0xDC00:02x}"
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
    return _UNSAFE.sub(esc, str(path))


MIN_PLAUSIBLE = 0.85  # real reports: >= 0.99 of their Han characters are common; Big5 read as GB18030 ~0.5


@cache
def _common(c: str) -> bool:
    """One of the ~3,755 most common simplified (GB2312 level 1) or ~5,400 traditional (Big5 level 1) characters."""
    try:
        if 0xB0 <= c.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= c.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


PLAUSIBILITY_SAMPLE = 200_000  # characters judged: a file has one encoding, and the cost stays bounded


def plausibility(text: str) -> float | None:
    """Share of the Han characters that are common ones (in the first PLAUSIBILITY_SAMPLE characters);
    None when there are too few to tell (< 20)."""
    # Han: CJK Extension A, Unified Ideographs, Compatibility Ideographs; each distinct character is
    # classified once per process, and only the (few) uncommon ones are counted
    han = _NOT_HAN.sub("", text[:PLAUSIBILITY_SAMPLE])
    n = len(han)
    if n < 20:
        return None
    distinct = set(han)
    for c in distinct - _CLASSIFIED:
        _CLASSIFIED.add(c)
        if not _common(c):
            _UNCOMMON.add(c)
    return (n - sum(han.count(c) for c in distinct & _UNCOMMON)) / n


_CLASSIFIED: set[str] = set()  # Han characters already judged by _common
_UNCOMMON: set[str] = set()  # those of them that are not common
# wider than textutil.HAN: Extension A and the compatibility ideographs count as Chinese when judging a decoding
_NOT_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")


def _plausible(text: str) -> bool:
    p = plausibility(text)
    return p is None or p >= MIN_PLAUSIBLE


def _implausible(name: str, text: str, encoding: str) -> InputError:
    share = plausibility(text) or 0.0
    return InputError(f"{name}: 按 {encoding} 解码后的文字不像正常中文（常用字仅占 {share:.0%}），"
                      f"可能是编码识别错误或乱码，请转存为 UTF-8 (implausible text: wrong encoding or mojibake)")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 or Big5.

    A decoding is accepted only if the text reads as Chinese (``plausibility``): Big5 bytes that
    happen to decode as GB18030 are read as Big5; UTF-8 text that was once mis-read as GBK and saved
    again (mojibake such as 鍏ㄥ尯) is repaired when the repair is exact, else refused.
    """
    text, encoding = _decode(data, name)
    if _plausible(text):
        return text, encoding
    if encoding.startswith("utf-8"):
        try:
            repaired = text.encode("gb18030").decode("utf-8")
        except UnicodeError:
            repaired = None
        if repaired and _plausible(repaired):
            return repaired, "utf-8 (mojibake via gbk, repaired)"
    raise _implausible(name, text, encoding)


def _decode(data: bytes, name: str) -> tuple[str, str]:
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
        try:
            return data.decode("cp950"), "big5"
        except UnicodeDecodeError:
            pass
        raise InputError(
            f"{name}: 无法识别文件编码，既不是 UTF-8 也不是 GB18030/GBK 或 Big5 (undecodable at byte {exc.start})"
        ) from None
    if not _plausible(text):
        try:
            big5 = data.decode("cp950")
        except UnicodeDecodeError:
            big5 = None
        if big5 is not None and _plausible(big5):
            return big5, "big5"
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


def _kind_of(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "命名管道 FIFO"), (stat.S_ISSOCK, "套接字 socket"),
                       (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备")):
        if test(mode):
            return what
    return "特殊文件"


def check_regular(p: Path, name: str) -> os.stat_result:
    """``stat`` of a regular file (following symlinks); a FIFO, device or socket is refused without opening it."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: {_missing(p)}") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{name}: {_missing(p)}") from None
        raise InputError(f"{name}: 无法读取 ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: 是目录 (is a directory)")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: 不是普通文件（{_kind_of(st.st_mode)}），不读取 (not a regular file)")
    return st


def _read_regular(p: Path, name: str, limits: Limits) -> bytes:
    """The file's bytes, opened without blocking (a FIFO swapped in after ``stat`` cannot hang us)."""
    st = check_regular(p, name)
    check_bytes(st.st_size, name, limits)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{name}: 无法读取 ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{name}: 不是普通文件，不读取 (not a regular file)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: 无法读取 ({exc.strerror})") from None
    finally:
        os.close(fd)
    check_bytes(len(data), name, limits)
    return data


def load_source(path: str | Path, limits: Limits | None = None) -> Source:
    """Read one report file; raise InputError with a one-line message on any problem.

    ``Source.path`` is the printable name (``display_path``); the file is read by its real name.
    """
    limits = limits or DEFAULT
    p = Path(path)
    name = display_path(path)
    check_regular(p, name)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(f"{name}: 不支持的文件类型 {display_path(suffix) or '(无扩展名)'} (supported: .txt .md .docx .pdf)")
    data = _read_regular(p, name, limits)
    if suffix == ".docx":
        from reportlint.docx_reader import read_docx

        src = read_docx(data, name, limits)
        check_chars(len(src.text), name, limits)
        return _chinese(src)
    if suffix == ".pdf":
        from reportlint.pdf_reader import read_pdf

        src = read_pdf(data, name, limits)
        check_chars(len(src.text), name, limits)
        return src  # a PDF without Chinese text: its reader says why (image only: OCR first)
    text, encoding = decode_bytes(data, name)
    check_chars(len(text), name, limits)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_text(text, name)
    if suffix in {".md", ".markdown"}:
        return _chinese(markdown_source(name, text, encoding))
    return _chinese(Source(path=name, text=text, encoding=encoding, kind="text"))


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # the ranges of _NOT_HAN


def _chinese(src: Source) -> Source:
    """``src``, or InputError when its text has no Chinese character (an English memo is no report to check)."""
    if not _HAN.search(src.text):
        raise InputError(f"{src.path}: 没有中文，未识别为中文报告，未检查 (no Chinese text)")
    return src


def markdown_source(name: str, text: str, encoding: str) -> Source:
    """A Markdown report: the rules read its text with the markup blanked (``mdtext``), same offsets."""
    from reportlint.mdtext import blank_markup

    return Source(path=name, text=blank_markup(text), encoding=encoding, kind="markdown", original=text)


def source_from_text(text: str, path: str = "<text>", kind: str = "text") -> Source:
    """Wrap an in-memory string (tests, stdin) as a Source."""
    return Source(path=path, text=text.replace("\r\n", "\n"), encoding="utf-8", kind=kind)


def discover(paths: list[str], exclude: Callable[[Path], bool] | None = None) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively) into report files, plus problems found on the way.

    ``exclude`` (the configuration's ``exclude``, ``ConfigResolver.excluded``) drops files found in a
    folder; a file named in ``paths`` is always kept.
    """
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        name = display_path(raw)
        if p.is_dir():
            found = []
            skipped = 0
            for f in p.rglob("*"):
                if f.suffix.lower() not in SUPPORTED_SUFFIXES or f.name.startswith((".", "~$")):
                    continue
                if exclude is not None and exclude(f):
                    skipped += 1
                elif f.is_file():
                    found.append(f)
                elif not f.is_dir() and f.exists():
                    problems.append(f"{display_path(f)}: 不是普通文件，已跳过 (not a regular file)")
            found.sort()
            if not found and skipped:
                problems.append(f"{name}: 目录中的报告都被配置的 exclude 排除了 (all reports excluded by the configuration)")
            elif not found:
                problems.append(f"{name}: 目录中没有可检查的报告 (no .txt/.md/.docx/.pdf reports found)")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            problems.append(f"{name}: 不是普通文件（{_kind_of(p.stat().st_mode)}），不读取 (not a regular file)")
        else:
            problems.append(f"{name}: {_missing(p)}")
    return files, problems


def _missing(p: Path) -> str:
    """Why a named path that is neither a file nor a folder cannot be read: a symlink loop, a link to
    nothing, or no such file."""
    if p.is_symlink():
        try:
            p.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "符号链接循环，无法解析 (too many levels of symbolic links)"
            return "符号链接指向的文件不存在 (broken symbolic link)"
    return "文件不存在 (no such file)"
