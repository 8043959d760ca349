"""Inline suppressions in .txt, .md and .docx, and the unused ones reported by F605."""

import json

import docx

from reportlint.engine import lint_path

from conftest import run_cli

TEXT = ("评价年度：2024\n"
        "<!-- reportlint: disable-next-line W501 -->\n"
        "截止2024年12月31日，在职人员74人。\n"
        "<!-- reportlint: disable=jiezhi -->\n"
        "截止11月30日，已完成。截止目前，共办理20件。\n"
        "<!-- reportlint: enable=W501 -->\n"
        "截止12月底，作出处罚20宗。\n")


def _found(path):
    return [(f.rule, f.line, f.excerpt) for f in lint_path(str(path)).findings]


def test_txt_next_line_and_block(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert _found(p) == [("jiezhi", 7, "截止")]
    # without the comments all four are reported
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(x for x in TEXT.split("\n") if "reportlint" not in x), encoding="utf-8")
    assert [r for r, _, _ in _found(plain)] == ["jiezhi"] * 4


def test_txt_comment_text_is_not_linted_and_fix_keeps_it(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("截止目前,共办理20件。<!-- reportlint: ignore F601 -->\n", encoding="utf-8")
    assert _found(p) == [("jiezhi", 1, "截止")]
    r = run_cli("check", str(p), "--fix")
    assert p.read_text(encoding="utf-8") == "截至目前,共办理20件。<!-- reportlint: ignore F601 -->\n", r.stderr


def test_md_html_comments_are_read_from_the_raw_source(tmp_path):
    p = tmp_path / "r.md"
    p.write_text("# 绩效自评报告\n\n<!-- reportlint: disable-next-line jiezhi -->\n截止目前，共办理20件。\n\n"
                 "**截止**12月底，作出处罚20宗。 <!-- reportlint: ignore W501 -->\n\n"
                 "截止11月30日，已完成。\n", encoding="utf-8")
    assert _found(p) == [("jiezhi", 8, "截止")]


def test_unused_and_unknown_suppressions_are_info(tmp_path):
    p = tmp_path / "r.md"
    p.write_text("<!-- reportlint: disable-next-line W501 -->\n截至目前，共办理20件。\n\n"
                 "<!-- reportlint: disable-next-line W5O1 -->\n截止目前，共办理20件。\n", encoding="utf-8")
    r = run_cli("check", str(p), "-f", "json")
    rows = [(x["code"], x["severity"], x["line"], x["message"]) for x in json.loads(r.stdout)]
    assert rows == [
        ("F605", "info", 1, "抑制注释未起作用：W501 jiezhi 在此处没有问题，可删除此注释"),
        ("F605", "info", 4, "抑制注释中的规则 W5O1 不存在（用 reportlint rules 查看全部规则）"),
        ("W501", "error", 5, "“截止”后接时间点应写“截至”：截至表示“到某时为止”，截止表示“（到期）停止”"),
    ]


def _docx_with_comment(path, comment: str):
    d = docx.Document()
    d.add_paragraph("评价年度：2024")
    p = d.add_paragraph("全年")
    flagged = p.add_run("截止")
    p.add_run("11月30日，已完成。")
    d.add_paragraph("截止12月底，作出处罚20宗。")
    d.add_comment(flagged, text=comment, author="审核人", initials="SH")
    d.save(path)


def test_docx_word_comment_on_the_flagged_text(tmp_path):
    p = tmp_path / "r.docx"
    _docx_with_comment(p, "原文引用，reportlint: ignore W501")
    assert [(f.rule, f.paragraph) for f in lint_path(str(p)).findings] == [("jiezhi", 3)]
    other = tmp_path / "other.docx"
    _docx_with_comment(other, "请核对日期")  # an ordinary comment silences nothing
    assert [(f.rule, f.paragraph) for f in lint_path(str(other)).findings] == [("jiezhi", 2), ("jiezhi", 3)]


def test_docx_comment_that_suppresses_nothing(tmp_path):
    p = tmp_path / "r.docx"
    _docx_with_comment(p, "reportlint: ignore W503")
    found = [(f.code, f.paragraph, f.excerpt) for f in lint_path(str(p)).findings]
    assert found == [("F605", 2, "截止"), ("W501", 2, "截止"), ("W501", 3, "截止")]
