"""A cover that sets the evaluation year on a line of its own above the title (real 764: 2023年度 /
四川省眉山市彭山区 / 部门决算 / 目录 / 公开时间:2023年10月23 日)."""

from __future__ import annotations

from reportlint.engine import lint_text

COVER = "2023年度\n四川省眉山市彭山区\n部门决算\n目录\n公开时间:2023年10月23 日\n第一部分 部门概况\n一、部门职责\n"


def test_cover_year_line_above_the_title_is_the_evaluation_year() -> None:
    res = lint_text(COVER)
    assert (res.context.evaluation_year, res.context.year_source) == (2023, "title")
    # the page's date, read with its blank, falls inside the year the accounts cover
    assert res.context.filing_date.isoformat() == "2023-10-23"
    spans = [(f.rule, COVER[f.raw_start:f.raw_end]) for f in res.findings if f.rule.startswith("year")]
    assert spans == [("year-mismatch", "2023年")]


def test_lone_year_line_far_from_the_title_is_not_read() -> None:
    # the year line is three lines above the genre's title line: not one cover block
    text = "2023年度\n目录\n四川省眉山市彭山区\n某某单位\n部门决算\n第一部分 部门概况\n"
    assert lint_text(text).context.evaluation_year is None
