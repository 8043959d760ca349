"""Small two-column tables written in a .txt with tabs or spaces (a label and a figure per row, a 合计
row): read as a table like the same table in .docx or with | bars; prose and spaced words stay prose."""

import pytest

from reportlint.document.reflow import split_lines
from reportlint.document.spaced_rows import spaced_rows

from conftest import lint

HEAD = "某区财政局2024年度部门决算说明\n\n一、收入支出决算总体情况说明\n\n"
WANT = [("100", "表中“合计”行不符：t1r4c2写的是100万元，分项60（t1r2c2） + 30（t1r3c2） = 90万元，相差10万元")]


def _sums(text: str) -> list[tuple[str, str]]:
    return [(f.excerpt, f.message) for f in lint(text) if f.rule == "sum-mismatch"]


@pytest.mark.parametrize("gap", ["\t", "    ", " | "])
def test_two_columns_three_figures_and_a_total_row_read_as_a_table(gap):
    rows = ["项目", "金额（万元）"], ["基本支出", "60"], ["项目支出", "30"], ["合计", "100"]
    text = HEAD + "".join(gap.join(r) + "\n" for r in rows)
    assert _sums(text) == WANT
    assert _sums(text.replace("合计" + gap + "100", "合计" + gap + "90")) == []


def test_total_row_first_is_evidence_too():
    text = HEAD + "项目\t金额（万元）\n合计\t100\n基本支出\t60\n项目支出\t30\n"
    assert [m for _, m in _sums(text)] == [
        "表中“合计”行不符：t1r2c2写的是100万元，分项60（t1r3c2） + 30（t1r4c2） = 90万元，相差10万元"]


def test_small_blocks_without_the_evidence_stay_prose():
    text = ("一、基本情况\n"
            "基本支出    60\n项目支出    30\n"            # two rows: no table
            "\n"
            "甲单位    12\n乙单位    30\n丙单位    8\n"       # three spaced pairs, no 合计 row: no table
            "\n"
            "合计    完成\n全年    推进\n"                  # spaced words without figures
            "\n"
            "联系人    张三\n电话    12345\n合计    3\n"     # a figure not in every row
            "\n"
            "一是  加强管理，合计完成10项。\n二是  规范程序。\n合计  3\n")  # sentences
    assert spaced_rows(split_lines(text)) == set()
