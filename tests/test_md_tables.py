"""Markdown tables read cell by cell, numbered like the same table written in a .txt or a .docx."""

from reportlint.config import Config
from reportlint.engine import lint_path
from reportlint.mdtext import blank_markup

HEAD = "# 某区财政局2024年度部门决算说明\n\n## 一、收入支出决算总体情况说明\n\n"
TABLE = ("| 项目 | 预算数（万元） | 决算数（万元） |\n|---|---|---|\n| 基本支出 | 60 | 60 |\n"
         "| 项目支出 | 30 | 30 |\n| 合计 | 100 | 90 |\n")


def _table_lines(path):
    return [(f.code, f.message) for f in lint_path(str(path), Config()).findings if f.rule == "sum-mismatch"]


def test_cells_that_repeat_or_sit_inside_an_earlier_cell_are_kept():
    out = blank_markup("| a | b | c | d | e |\n|---|---|---|---|---|\n| 10 | 1 | 0 | 0 | 11 |\n")
    assert out == "| a | b | c | d | e |\n                     \n| 10 | 1 | 0 | 0 | 11 |\n"
    assert blank_markup("| **基本支出** | 60 | 60 |\n|:--|--:|--:|\n") == "|   基本支出   | 60 | 60 |\n" + " " * 13 + "\n"


def test_same_table_in_md_and_txt_gives_the_same_finding_and_cell_names(tmp_path):
    md, txt = tmp_path / "r.md", tmp_path / "r.txt"
    md.write_text(HEAD + TABLE, encoding="utf-8")
    txt.write_text(HEAD.replace("# ", "").replace("#", "") + TABLE, encoding="utf-8")
    want = [("N401", "表中“合计”行不符：t1r4c2写的是100万元，分项60（t1r2c2） + 30（t1r3c2） = 90万元，相差10万元")]
    assert _table_lines(md) == want
    assert _table_lines(txt) == want
    tabbed = tmp_path / "t.txt"  # the same table with tabs: header is r1 there too
    tabbed.write_text(HEAD.replace("#", "").replace("\n ", "\n").strip() + "\n\n"
                      + "项目\t预算数（万元）\t决算数（万元）\n基本支出\t60\t60\n项目支出\t30\t30\n合计\t100\t90\n",
                      encoding="utf-8")
    assert _table_lines(tabbed) == want


def test_md_table_that_adds_up_stays_silent(tmp_path):
    md = tmp_path / "ok.md"
    md.write_text(HEAD + TABLE.replace("| 100 | 90 |", "| 90 | 90 |"), encoding="utf-8")
    assert _table_lines(md) == []
