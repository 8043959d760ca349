"""``check --fix`` / ``--diff`` / ``--fix-to``: only certain fixes, never an input without asking."""

import json
import zipfile

from conftest import SAMPLE, run_cli

DOCX = SAMPLE.with_suffix(".docx")
CERTAIN = {"jiezhi", "punct-halfwidth", "docnum-format"}


def _findings(path, *extra):
    r = run_cli("check", str(path), "-f", "json", *extra)
    return json.loads(r.stdout)


def test_fix_on_the_sample_fixes_exactly_the_certain_findings(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SAMPLE.read_bytes())
    before = _findings(report)
    certain = [f for f in before if f["rule"] in CERTAIN]
    assert len(certain) == 11  # 7 截止, 4 half-width marks
    r = run_cli("check", str(report), "--fix")
    assert "已修复 11 处（F601 punct-halfwidth 4，W501 jiezhi 7），剩余 19 处需人工处理" in r.stdout
    after = _findings(report)
    assert not [f for f in after if f["rule"] in CERTAIN]
    key = ("rule", "line", "column", "message")
    assert [tuple(f[k] for k in key) for f in after] == [tuple(f[k] for k in key) for f in before
                                                         if f["rule"] not in CERTAIN]
    old, new = SAMPLE.read_text(encoding="utf-8"), report.read_text(encoding="utf-8")
    assert new.count("截至") - old.count("截至") == 7 and len(new) == len(old)
    assert "执业（助理）医师数" in new and "村（社区）工作机制" in new
    # a second run has nothing left to fix
    r = run_cli("check", str(report), "--fix")
    assert "已修复 0 处" in r.stdout and report.read_text(encoding="utf-8") == new


def test_without_fix_the_input_is_never_written(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SAMPLE.read_bytes())
    r = run_cli("check", str(report), "--diff")
    assert report.read_bytes() == SAMPLE.read_bytes()
    assert r.returncode == 1 and r.stdout.startswith("--- a/")
    assert "-截止 2024 年 12 月 31 日，本单位本级般公共预算财政拨款开\n+截至 2024 年 12 月 31 日" in r.stdout
    added = [ln for ln in r.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert len(added) == 11  # one changed line per certain finding
    run_cli("check", str(report))
    assert report.read_bytes() == SAMPLE.read_bytes()


def test_fix_keeps_encoding_bom_and_line_endings(tmp_path):
    report = tmp_path / "gbk.txt"
    text = "评价年度：2024\r\n截止2024年12月31日,在职74人。\r\n"
    report.write_bytes(text.encode("gb18030"))
    run_cli("check", str(report), "--fix")
    assert report.read_bytes() == "评价年度：2024\r\n截至2024年12月31日，在职74人。\r\n".encode("gb18030")
    mixed = tmp_path / "mixed.txt"  # CRLF, LF and a lone CR: each line ending stays as it was
    mixed.write_bytes("评价年度：2024\r\n一、概况\n截止2024年12月31日,在职74人。\r截止12月底完成。\r\n".encode())
    run_cli("check", str(mixed), "--fix")
    assert mixed.read_bytes() == "评价年度：2024\r\n一、概况\n截至2024年12月31日，在职74人。\r截至12月底完成。\r\n".encode()
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "截止2024年12月31日，在职74人。\n".encode())
    run_cli("check", str(bom), "--fix")
    assert bom.read_bytes() == b"\xef\xbb\xbf" + "截至2024年12月31日，在职74人。\n".encode()


def test_uncertain_fixes_are_left_alone(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("根据徐财绩[2025]5号文件和湛开财资〔25〕第026号文件要求。\n", encoding="utf-8")
    r = run_cli("check", str(report), "--fix", "--select", "docnum-format")
    # the brackets are certain; a two-digit year (20xx?) is a guess and stays for a person
    assert report.read_text(encoding="utf-8") == "根据徐财绩〔2025〕5号文件和湛开财资〔25〕第026号文件要求。\n"
    assert "已修复 1 处" in r.stdout and "剩余 1 处" in r.stdout


def test_fix_to_writes_a_new_text_file_and_refuses_an_input(tmp_path):
    out = tmp_path / "fixed.txt"
    r = run_cli("check", str(SAMPLE), "--fix-to", str(out), "-q")
    assert r.returncode == 1 and out.is_file()
    assert SAMPLE.read_text(encoding="utf-8").count("截止") - out.read_text(encoding="utf-8").count("截止") == 7
    r = run_cli("check", str(SAMPLE), "--fix-to", str(SAMPLE))
    assert r.returncode == 2 and "拒绝覆盖" in r.stderr


def _runs(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return xml.count("<w:r>") + xml.count("<w:r "), xml.count("<w:rPr>"), xml


def test_docx_fixed_into_a_new_file_keeping_runs(tmp_path):
    src = tmp_path / "report.docx"
    src.write_bytes(DOCX.read_bytes())
    r = run_cli("check", str(src), "--fix")  # a .docx is never rewritten in place
    assert src.read_bytes() == DOCX.read_bytes() and "--fix-to" in r.stderr
    out = tmp_path / "fixed.docx"
    r = run_cli("check", str(src), "--fix-to", str(out))
    assert src.read_bytes() == DOCX.read_bytes()
    assert "已修复 11 处" in r.stdout
    after = _findings(out)
    assert not [f for f in after if f["rule"] in CERTAIN] and len(after) == len(_findings(src)) - 11
    n_runs, n_props, xml = _runs(out)
    assert (n_runs, n_props) == _runs(src)[:2]  # every run and its formatting kept
    assert "截止" not in xml.replace("截止到", "")


def test_stdin_diff_and_fix_to(tmp_path):
    import subprocess
    import sys

    text = "# 一、基本情况\n\n**截止**2024年12月31日，在职74人。\n"
    r = subprocess.run([sys.executable, "-m", "reportlint", "check", "-", "--stdin-filename", "r.md", "--diff"],
                       input=text.encode(), capture_output=True, timeout=300)
    assert "-**截止**2024年" in r.stdout.decode() and "+**截至**2024年" in r.stdout.decode()


def test_docx_fix_across_runs_and_in_table_cells(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("评价年度：2024。")
    p = d.add_paragraph()
    p.add_run("截").bold = True  # the word split over two runs of different formatting
    p.add_run("止2024年12月31日,在职74人。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "说明"
    t.cell(0, 1).text = "截止2024年12月31日，在职74人。"
    src, out = tmp_path / "t.docx", tmp_path / "fixed.docx"
    d.save(str(src))
    r = run_cli("check", str(src), "--fix-to", str(out))
    assert "已修复 3 处（F601 punct-halfwidth 1，W501 jiezhi 2），剩余 0 处需人工处理" in r.stdout
    fixed = docx.Document(str(out))
    assert [(x.text, x.bold) for x in fixed.paragraphs[1].runs] == [("截", True), ("至2024年12月31日，在职74人。", None)]
    assert fixed.tables[0].cell(0, 1).text == "截至2024年12月31日，在职74人。"
    assert _findings(out) == []
