"""Tables written in a .txt with tabs or runs of spaces between the cells (issue 21): read as tables,
kept out of the prose; double spaces inside a sentence or a single spaced line stay prose."""

from reportlint.document.reflow import split_lines
from reportlint.document.spaced_rows import spaced_rows

from conftest import lint

TAB_TABLE = ("部门决算说明\n\n表1 支出决算表\n"
             "项目\t年初预算数\t全年预算数\t全年执行数\n"
             "基本支出\t100\t120\t110\n"
             "项目支出\t50\t60\t55\n"
             "合计\t150\t180\t{total}\n")
SPACE_TABLE = ("部门决算说明\n\n单位：万元\n"
               "项目    年初预算数    全年执行数\n"
               "基本支出    100    110\n"
               "项目支出    50    55\n"
               "合计    150    {total}\n")


def _sums(text: str) -> list[tuple[str, str]]:
    return [(f.excerpt, f.message) for f in lint(text) if f.rule == "sum-mismatch"]


def test_a_tab_separated_table_is_checked_cell_by_cell():
    found = _sums(TAB_TABLE.format(total=175))
    assert [m for _, m in found] == [
        "表中“合计”行不符：t1r4c4写的是175，分项110（t1r2c4） + 55（t1r3c4） = 165，相差10"]
    assert _sums(TAB_TABLE.format(total=165)) == []


def test_a_table_with_runs_of_spaces_is_checked_cell_by_cell():
    found = _sums(SPACE_TABLE.format(total=175))
    assert [m for _, m in found] == [
        "表中“合计”行不符：t1r4c3写的是175万元，分项110（t1r2c3） + 55（t1r3c3） = 165万元，相差10万元"]  # unit from the caption
    assert _sums(SPACE_TABLE.format(total=165)) == []


def test_rows_are_found_only_in_blocks_with_figures():
    text = ("一、基本情况\n"
            "全县  完成  任务。\n"            # double spaces in a sentence: prose
            "单位名称    某县民政局    联系人\n"  # one spaced line without a block: prose
            "二、存在问题\n"
            "预算执行    进度    偏慢\n"      # a block of spaced words without figures: prose
            "绩效目标    设置    不细\n"
            "项目    预算    执行\n"          # header above a block with figures: part of the table
            "甲    10    9\n"
            "乙    20    18\n")
    lines = split_lines(text)
    assert sorted(spaced_rows(lines)) == [6, 7, 8]


def test_spaced_rows_are_not_headings_and_numbering_rules_ignore_them():
    text = ("部门决算说明\n\n一、收入支出情况\n\n本年收入合计150万元。\n\n"
            "一、    100    110\n二、    50    55\n\n二、其他说明\n\n无。\n")
    assert [f.rule for f in lint(text) if f.rule.startswith("section")] == []
