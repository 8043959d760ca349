"""Hostile and oversized inputs built in the test (nothing big is committed): PDFs with many pages or a
Flate bomb, .docx files with a part that inflates past a limit, texts of a given size."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from numbered object bodies (object n is objects[n-1]); catalog is object 1."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_pdf(pages: int, lines_per_page: int = 30) -> bytes:
    """A PDF of ``pages`` pages of ASCII text lines (Helvetica), each page ending in its number."""
    n_fixed = 3  # catalog, pages, font
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for p in range(pages):
        page_obj = n_fixed + 2 * p + 1
        content_obj = page_obj + 1
        kids.append(b"%d 0 R" % page_obj)
        body = [b"BT /F1 10 Tf 12 TL 50 780 Td"]
        for i in range(lines_per_page):
            body.append(b"(Line %d of page %d: the budget was executed as planned in every quarter.) '" % (i + 1, p + 1))
        body.append(b"(%d) ' ET" % (p + 1))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % content_obj)
        objects.append(_stream(b"\n".join(body), flate=True))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return _pdf(objects)


def bomb_pdf(inflated: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (spaces), built in 1 MB steps."""
    comp = zlib.compressobj(9)
    parts = [comp.compress(b"BT /F1 10 Tf 50 780 Td (bomb) Tj ET\n")]
    chunk = b" " * (1 << 20)
    left = inflated
    while left > 0:
        parts.append(comp.compress(chunk[:min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(comp.flush())
    data = b"".join(parts)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream])


def docx_with_part(base: Path, part: str, size: int) -> bytes:
    """The .docx ``base`` with one more part of ``size`` bytes (it compresses to almost nothing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        with dst.open(part, "w") as fh:
            block = b"<a/>" * (1 << 18)
            left = size
            while left > 0:
                fh.write(block[:left])
                left -= len(block)
    return out.getvalue()





def sample_path(ext: str = ".txt") -> Path:
    """The bundled sample report (corpora/sample/ or, before the corpora were sorted, corpora/)."""
    for folder in (ROOT / "corpora" / "sample", ROOT / "corpora"):
        p = folder / f"000_645b6df18162c422{ext}"
        if p.is_file():
            return p
    raise FileNotFoundError(ext)


def cli(*args, timeout: float = 120, env: dict | None = None):
    """Run ``reportlint`` with str or bytes arguments; stdout and stderr as text (undecodable bytes escaped)."""
    import os
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, timeout=timeout,
                       cwd=ROOT, env={**os.environ, **(env or {})})
    r.stdout = r.stdout.decode("utf-8", "backslashreplace")
    r.stderr = r.stderr.decode("utf-8", "backslashreplace")
    return r


def big_docx(base: Path, copies: int) -> bytes:
    """The .docx ``base`` with its body repeated ``copies`` times (slow to parse, small on disk)."""
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = data.split(b"<w:body>", 1)
                body, tail = rest.rsplit(b"<w:sectPr", 1)
                data = head + b"<w:body>" + body * copies + b"<w:sectPr" + tail
            dst.writestr(info.filename, data)
    return out.getvalue()


def docx_lying_about_a_part(base: Path, part: str, real_size: int, declared: int = 1000) -> bytes:
    """The .docx ``base`` with ``part`` replaced by ``real_size`` bytes of XML whose zip headers
    declare only ``declared`` bytes (a bomb that hides from a check of the directory)."""
    import struct

    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                data = data[:-len(b"</w:document>")] + b" " * real_size + b"</w:document>"
            dst.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as zf:
        info = zf.getinfo(part)
    struct.pack_into("<I", raw, info.header_offset + 22, declared)  # local header: uncompressed size
    name = part.encode()
    cd = raw.find(b"PK\x01\x02")
    while raw[cd + 46:cd + 46 + len(name)] != name:
        cd = raw.find(b"PK\x01\x02", cd + 4)
    struct.pack_into("<I", raw, cd + 24, declared)  # central directory: uncompressed size
    return bytes(raw)
