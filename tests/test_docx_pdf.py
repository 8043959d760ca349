"""Word and PDF inputs: same findings as the text, locations a person can open, broken files."""

import collections
import json

import docx
import pypdfium2 as pdfium
import pytest

from reportlint.engine import lint_path
from reportlint.errors import InputError
from reportlint.source import load_source

from conftest import ROOT, SAMPLE_DIR, SYNTHETIC, run_cli

STEM = SAMPLE_DIR / "000_645b6df18162c422"
BAD = ROOT / "tests" / "fixtures" / "bad"


@pytest.fixture(scope="module")
def results():
    return {ext: lint_path(str(STEM.with_suffix(ext))) for ext in (".txt", ".docx", ".pdf")}


def by_rule(result):
    return collections.Counter(f.rule for f in result.findings)


def test_same_findings_by_rule_in_all_three_formats(results):
    txt = by_rule(results[".txt"])
    # the page number 6 copied into the .docx as a paragraph: a Word file is not known to come from a
    # PDF, so a lone number there is not reported (pdf-artifact wants strong evidence of a page break)
    docx_ = by_rule(results[".docx"])
    assert {k: v for k, v in docx_.items() if k != "pdf-artifact"} == {k: v for k, v in txt.items() if k != "pdf-artifact"}
    assert docx_["pdf-artifact"] == 0 and txt["pdf-artifact"] == 1
    pdf = by_rule(results[".pdf"])
    assert {k: v for k, v in pdf.items() if k != "pdf-artifact"} == {k: v for k, v in txt.items() if k != "pdf-artifact"}
    assert sum(txt.values()) == 30


def test_same_context_in_all_three_formats(results):
    assert {r.context.describe()["evaluation_year"] for r in results.values()} == {2024}
    assert {r.context.unit_level for r in results.values()} == {"district"}


def _docx_paragraph_of(path, prefix):
    paras = docx.Document(str(path)).paragraphs
    return next(i for i, p in enumerate(paras, 1) if p.text.startswith(prefix))


def _pdf_page_line_of(path, needle):
    pdf = pdfium.PdfDocument(str(path))
    try:
        for pno in range(len(pdf)):
            lines = pdf[pno].get_textpage().get_text_range().replace("\r\n", "\n").split("\n")
            for lno, line in enumerate(lines, 1):
                if line.startswith(needle):
                    return pno + 1, lno
    finally:
        pdf.close()
    raise AssertionError(needle)


def test_docx_findings_point_to_paragraphs(results):
    gap = next(f for f in results[".docx"].findings if f.rule == "section-gap")
    assert gap.paragraph == _docx_paragraph_of(STEM.with_suffix(".docx"), "（三）部门整体支出绩效指标分析")
    law = next(f for f in results[".docx"].findings if f.rule == "law-name")
    text = docx.Document(str(STEM.with_suffix(".docx"))).paragraphs[law.paragraph - 1].text
    assert text[law.doc_column - 1:law.doc_column + 4] == "《采购法》"


def test_pdf_findings_point_to_page_and_line(results):
    gap = next(f for f in results[".pdf"].findings if f.rule == "section-gap")
    assert (gap.page, gap.page_line) == _pdf_page_line_of(STEM.with_suffix(".pdf"), "（三）部门整体支出绩效指标分析")
    art = next(f for f in results[".pdf"].findings if f.rule == "pdf-artifact")
    assert art.excerpt == "6"


def test_location_in_text_and_json_output():
    r = run_cli("check", str(STEM.with_suffix(".pdf")), "--select", "section-gap")
    page, line = _pdf_page_line_of(STEM.with_suffix(".pdf"), "（三）部门整体支出绩效指标分析")
    assert f"000_645b6df18162c422.pdf:p{page}:{line}:1: S102 [section-gap]" in r.stdout
    r = run_cli("check", str(STEM.with_suffix(".docx")), "--select", "section-gap", "--format", "json")
    f = json.loads(r.stdout)[0]
    assert f["paragraph"] == _docx_paragraph_of(STEM.with_suffix(".docx"), "（三）部门整体支出绩效指标分析")
    assert "page" not in f


def test_pdf_footers_are_dropped_not_reported(results):
    doc = results[".pdf"].doc
    assert "— 3 —" not in doc.text
    assert [f.excerpt for f in results[".pdf"].findings if f.rule == "pdf-artifact"] == ["6"]


AUTO = SYNTHETIC / "201_docx_autonumber.docx"


def test_autonumbered_docx_structure_rules():
    res = lint_path(str(AUTO))
    got = sorted((f.rule, f.paragraph) for f in res.findings if f.rule.startswith("section-"))
    dup = _docx_paragraph_of(AUTO, "（二）年度总体工作")
    restarted = _docx_paragraph_of(AUTO, "自评工作过程")
    assert got == [("section-duplicate", dup), ("section-gap", restarted)]
    # the rendered numbers are what the reader sees
    assert [h.label for h in res.doc.headings] == ["一、", "（一）", "（二）", "（二）", "二、", "（三）", "三、"]
    assert res.doc.source.notes == ("6 个段落使用 Word 自动编号，序号已按编号定义还原后检查",)


def test_autonumber_note_and_table_claims_in_output():
    r = run_cli("check", str(AUTO))
    assert "Word 自动编号" in r.stdout
    r = run_cli("claims", str(AUTO), "--format", "json")
    rows = json.loads(r.stdout)
    cell = next(x for x in rows if x["raw"] == "9.5分")
    assert cell["table"] == "t1r2c3" and cell["paragraph"] == ""


@pytest.mark.parametrize("name,needle", [("scanned.pdf", "OCR"), ("encrypted.pdf", "加密"),
                                         ("truncated.pdf", "损坏"), ("truncated.docx", "损坏")])
def test_broken_files_one_line_error(name, needle):
    with pytest.raises(InputError) as exc:
        load_source(BAD / name)
    assert needle in str(exc.value)
    r = run_cli("check", str(BAD / name))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and needle in r.stderr


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_zero_byte_files(tmp_path, suffix):
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(b"")
    r = run_cli("check", str(p))
    assert r.returncode == 2 and "empty" in r.stderr


def test_folder_with_broken_files_checks_the_rest(tmp_path):
    for name in ("scanned.pdf", "truncated.docx"):
        (tmp_path / name).write_bytes((BAD / name).read_bytes())
    (tmp_path / "good.pdf").write_bytes(STEM.with_suffix(".pdf").read_bytes())
    r = run_cli("check", str(tmp_path), "--format", "json")
    assert r.returncode == 2
    assert "scanned.pdf" in r.stderr and "truncated.docx" in r.stderr
    assert len({f["path"] for f in json.loads(r.stdout)}) == 1
