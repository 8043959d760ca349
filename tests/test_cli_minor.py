"""Small CLI behaviours a newcomer met (NEWCOMER6 12): symlink loops, severities in Chinese, where a
.docx/.pdf finding is in GitHub annotations."""

import subprocess
import sys

from reportlint.engine import lint_path
from reportlint.output import github
from reportlint.source import discover

from conftest import ROOT


def test_symlink_loop_and_broken_link_say_so(tmp_path):
    (tmp_path / "loop2.txt").symlink_to("loop1.txt")
    (tmp_path / "loop1.txt").symlink_to("loop2.txt")
    (tmp_path / "dang.txt").symlink_to("nowhere.txt")
    _, problems = discover([str(tmp_path / "loop1.txt"), str(tmp_path / "dang.txt"), str(tmp_path / "none.txt")])
    assert [p.split(": ", 1)[1] for p in problems] == [
        "符号链接循环，无法解析 (too many levels of symbolic links)",
        "符号链接指向的文件不存在 (broken symbolic link)", "文件不存在 (no such file)"]


def test_rules_and_explain_show_severities_in_chinese():
    def run(*args):
        code = "import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.cli import main; main()"
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                              timeout=300, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}).stdout

    table = run("rules")
    row = next(line for line in table.splitlines() if line.startswith("S102"))
    assert " 错误 " in row and "error" not in row
    assert "级别：错误（error）" in run("explain", "S102")


def test_github_annotations_of_a_docx_name_the_paragraph_or_cell():
    docx = ROOT / "corpora" / "sample" / "000_645b6df18162c422.docx"
    findings = lint_path(str(docx)).findings
    lines = github.render(findings).splitlines()
    assert len(lines) == len(findings)
    for f, line in zip(findings, lines, strict=True):
        assert f",line={f.line}," in line  # the running line, as in SARIF and JSON
        where = f"¶{f.paragraph}:" if f.paragraph is not None else f"t{f.table['index']}r" if f.table else None
        assert where is None or f"::[{where}" in line


def test_a_pdf_named_docx_is_named_as_a_pdf(tmp_path):
    import pytest

    from reportlint.errors import InputError

    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(InputError, match=r"实为 PDF 文件，请把扩展名改为 \.pdf"):
        lint_path(str(fake))
