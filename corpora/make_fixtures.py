"""Make the .docx and .pdf fixtures from the text fixtures (run by hand; the outputs are committed).

    .venv/bin/pip install python-docx        # already a dependency
    apt-get install libreoffice-writer-nogui fonts-noto-cjk    # for the PDF only
    .venv/bin/python corpora/make_fixtures.py

Writes:
- corpora/sample/000_645b6df18162c422.docx: the sample report, one Word paragraph per rebuilt paragraph, with the
  stray page number "6" kept as its own paragraph (as a careless PDF-to-Word copy leaves it);
- corpora/sample/000_645b6df18162c422.pdf: that .docx typeset by LibreOffice, with page numbers in the footer;
- corpora/synthetic/201_docx_autonumber.docx: a short report whose headings are Word auto-numbered
  (一、/（一） from numbering definitions, not typed), one typed duplicate （二）, a list restarted at
  （三）, and a score table;
- tests/fixtures/bad/: a scanned PDF (no text layer), an encrypted PDF (needs pypdf to make), a
  truncated PDF and a truncated .docx.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from reportlint.document import build_document  # noqa: E402
from reportlint.source import load_source  # noqa: E402

FONT = "Noto Serif CJK SC"


def _base_document() -> docx.Document:
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    return d


def _footer_page_number(d: docx.Document) -> None:
    p = d.sections[0].footer.paragraphs[0]
    p.alignment = 1
    p.add_run("— ")
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> —</w:t></w:r>'))


def sample_docx(out: Path) -> None:
    src = load_source(HERE / "sample" / "000_645b6df18162c422.txt")
    doc = build_document(src)
    artifacts = {a.raw_start: a for a in doc.artifacts}
    d = _base_document()
    _footer_page_number(d)
    pending = sorted(artifacts)
    for p in doc.paragraphs:
        raw_start = doc.offsets[p.start]
        while pending and pending[0] < raw_start:
            d.add_paragraph("")
            d.add_paragraph(artifacts[pending.pop(0)].text)
            d.add_paragraph("")
        d.add_paragraph(doc.paragraph_text(p))
    d.save(out)


NUMBERING = """
<w:abstractNum {ns} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUMS = """
<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""
RESTART = """
<w:num {ns} w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>"""


def _numbered(d: docx.Document, text: str, num_id: int, ilvl: int) -> None:
    p = d.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def autonumber_docx(out: Path) -> None:
    d = _base_document()
    numbering = d.part.numbering_part.element
    ns = nsdecls("w")
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING.format(ns=ns))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUMS.format(ns=ns)))
    numbering.append(parse_xml(RESTART.format(ns=ns)))

    d.add_paragraph("部门整体支出绩效自评报告")
    d.add_paragraph("评价年度：2024")
    d.add_paragraph("评价单位：湛江市霞山区财政局")
    d.add_paragraph("填报日期：2025年3月10日")
    _numbered(d, "单位基本情况", 90, 0)                       # 一、
    _numbered(d, "单位机构设置、部门职能情况。", 90, 1)          # （一）
    d.add_paragraph("本局内设办公室、预算股、国库股3个股室，核定编制20人，其中行政编制15人、事业编制5人。")
    _numbered(d, "部门整体支出情况。", 90, 1)                  # （二）
    d.add_paragraph("（二）年度总体工作和重点工作任务。")          # typed: a second （二）
    d.add_paragraph("全年预算800.00万元，决算760.00万元，预算执行率95%。")
    _numbered(d, "自评工作开展情况", 90, 0)                    # 二、
    _numbered(d, "自评工作过程。", 91, 1)                      # （三）: the restarted list begins at 3
    d.add_paragraph("本局成立绩效评价工作小组，对照指标逐项打分。")
    _numbered(d, "绩效自评情况", 90, 0)                        # 三、
    d.add_paragraph("各项指标得分见下表。")
    table = d.add_table(rows=4, cols=3)
    for r, row in enumerate([("指标", "分值", "得分"), ("预算执行率", "10分", "9.5分"),
                             ("产出指标", "50分", "46分"), ("效益指标", "30分", "27分")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("自评得分92分，等级为优。")
    d.save(out)


def docx_to_pdf(src: Path, out: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise SystemExit("libreoffice not found: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "pdf",
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=300)
        shutil.move(Path(tmp) / (src.stem + ".pdf"), out)


def bad_fixtures(folder: Path) -> None:
    """Broken inputs: a scan with no text layer, an encrypted, a truncated PDF and a truncated .docx."""
    import pypdfium2 as pdfium

    folder.mkdir(parents=True, exist_ok=True)
    blank = pdfium.PdfDocument.new()
    blank.new_page(595, 842)
    blank.save(folder / "scanned.pdf")
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        raise SystemExit("the encrypted fixture needs pypdf: .venv/bin/pip install pypdf") from None
    writer = PdfWriter()
    for page in PdfReader(HERE / "sample" / "000_645b6df18162c422.pdf").pages[:1]:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(folder / "encrypted.pdf", "wb") as fh:
        writer.write(fh)
    pdf = (HERE / "sample" / "000_645b6df18162c422.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    dx = (HERE / "sample" / "000_645b6df18162c422.docx").read_bytes()
    (folder / "truncated.docx").write_bytes(dx[: len(dx) // 2])


def main() -> None:
    sample = HERE / "sample" / "000_645b6df18162c422.docx"
    sample_docx(sample)
    docx_to_pdf(sample, HERE / "sample" / "000_645b6df18162c422.pdf")
    autonumber_docx(HERE / "synthetic" / "201_docx_autonumber.docx")
    bad_fixtures(HERE.parent / "tests" / "fixtures" / "bad")
    print("wrote", sample.name, "000_645b6df18162c422.pdf", "201_docx_autonumber.docx", "tests/fixtures/bad/*")


if __name__ == "__main__":
    main()
