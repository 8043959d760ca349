"""Word content controls (w:sdt) at body level: their paragraphs and tables are read where they stand."""

import io

from docx import Document
from docx.oxml import parse_xml

from reportlint.config import Config
from reportlint.docx_reader import read_docx
from reportlint.engine import lint_path

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _sdt(inner: str, gallery: str = "") -> str:
    pr = (f'<w:sdtPr><w:docPartObj><w:docPartGallery w:val="{gallery}"/></w:docPartObj></w:sdtPr>'
          if gallery else "")
    return f"<w:sdt {NS}>{pr}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in cells) + "</w:tr>"


def _save(doc, path):
    doc.save(str(path))
    return path


def test_paragraphs_and_tables_inside_content_controls_in_document_order(tmp_path):
    d = Document()
    d.add_paragraph("某市某区财政局2024年度部门决算说明")
    body = d.element.body
    toc = _sdt(_p("目录") + _p("一、收入支出决算总体情况说明 1"), gallery="Table of Contents")
    body.insert(len(body) - 1, parse_xml(toc))
    d.add_paragraph("一、收入支出决算总体情况说明")
    table = (f"<w:tbl {NS}><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             + _row("项目", "金额（万元）") + _row("基本支出", "60") + _row("项目支出", "30") + _row("合计", "100")
             + "</w:tbl>")
    body.insert(len(body) - 1, parse_xml(_sdt(_p("截止2024年12月31日，全县共有财政所8个。")
                                              + table.replace(f" {NS}", ""))))
    d.add_paragraph("二、其他重要事项的情况说明")
    path = _save(d, tmp_path / "sdt.docx")
    src = read_docx(path.read_bytes(), "sdt.docx")
    assert src.text.split("\n")[:-1] == [
        "某市某区财政局2024年度部门决算说明", "一、收入支出决算总体情况说明",
        "截止2024年12月31日，全县共有财政所8个。", "项目", "金额（万元）", "基本支出", "60", "项目支出", "30",
        "合计", "100", "二、其他重要事项的情况说明"]  # the table of contents control is left out
    found = [(f.code, f.excerpt, f.paragraph) for f in lint_path(str(path), Config()).findings]
    assert found == [("W501", "截止", 3), ("W502", "全县", 3), ("N401", "100", None)]


def test_a_body_wholly_inside_one_control_is_read():
    d = Document()
    body = d.element.body
    body.insert(0, parse_xml(_sdt(_p("某市某区财政局2024年度部门整体支出绩效自评报告")
                                  + _p("截止2024年12月31日，全县共有财政所8个。"))))
    buf = io.BytesIO()
    d.save(buf)
    src = read_docx(buf.getvalue(), "allsdt.docx")
    assert src.text == "某市某区财政局2024年度部门整体支出绩效自评报告\n截止2024年12月31日，全县共有财政所8个。\n"
