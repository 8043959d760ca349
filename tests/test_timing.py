"""Genre, period and unit context (genre.py, places.py, context.py) and the time and scope rules on
whole real texts: the corpora's 政府工作报告 (clean), 年报, 决算 and summaries.

Rule-by-rule shapes live in the case sheets ``tests/rules/T20*.yml``, ``W502.yml``, ``S106.yml``.
"""

import json

import pytest

from reportlint.config import Config
from reportlint.engine import lint_path, lint_text, read_document
from reportlint.places import place_chain

from conftest import CLEAN, REAL, SAMPLE, run_cli

TIME_AND_SCOPE = {"year-mismatch", "relative-time", "stale-forecast", "date-invalid", "stale-term", "scope-word"}


@pytest.mark.parametrize("name,chain", [
    ("西安市长安区砲里街道", [("砲里街道", "subdistrict"), ("长安区", "district"), ("西安市", "city"), ("陕西省", "province")]),
    ("都匀市沙包堡街道办事处", [("沙包堡街道", "subdistrict"), ("都匀市", "county"), ("黔南布依族苗族自治州", "city"),
                         ("贵州省", "province")]),
    ("白城市农业农村局", [("白城市", "city"), ("吉林省", "province")]),
    ("梧岭市民政局", [("梧岭市", "city")]),
    ("湛江经济技术开发区人口和社会事务管理局", [("经济技术开发区", "district"), ("湛江市", "city"), ("广东省", "province")]),
    ("天津市静海区人民政府", [("静海区", "district"), ("天津市", "province")]),
    ("政协南县委员会", [("南县", "county"), ("益阳市", "city"), ("湖南省", "province")]),
    ("广西壮族自治区人民检察院", [("广西壮族自治区", "province")]),
])
def test_place_chain_from_division_data(name, chain):
    assert [(p.name, p.level) for p in place_chain(name)] == chain


def test_government_work_report_reviews_the_year_before_its_delivery():
    ctx = read_document(str(CLEAN / "2024.txt")).context
    d = ctx.describe()
    assert (d["genre"], d["evaluation_year"], d["evaluation_year_source"]) == ("政府工作报告", 2023, "genre+filing")
    assert (d["filing_date"], d["filing_date_source"], d["plan_year"]) == ("2024-03-05", "speech", 2024)
    assert not ctx.retrospective


def test_clean_government_work_reports_have_no_time_or_scope_finding():
    found = [(p.name, f.rule, f.excerpt) for p in sorted(CLEAN.glob("*.txt"))
             for f in lint_path(str(p)).findings if f.rule in TIME_AND_SCOPE]
    assert found == []


def test_annual_report_year_from_its_statistics_period():
    """411: the opening quotes last year's title; the statistics period says 2021."""
    ctx = read_document(str(REAL / "411.txt")).context
    assert (ctx.genre_name, ctx.evaluation_year, ctx.year_source) == ("政府信息公开工作年度报告", 2021, "period")
    got = [(f.rule, f.excerpt) for f in lint_path(str(REAL / "411.txt")).findings if f.rule == "year-mismatch"]
    assert got == [("year-mismatch", "2020年")]


def test_dated_speech_anchors_relative_years():
    """316: a 决算 report delivered 2023-08-30 says 今年上半年 for 2023."""
    result = lint_path(str(REAL / "316.txt"))
    assert result.context.filing_source == "speech" and not result.context.retrospective
    assert [f for f in result.findings if f.rule == "relative-time"] == []


def test_configured_year_only_fills_in():
    text = "岚溪县统计局2023年政府信息公开工作年度报告\n今年以来，主动公开政府信息300条。\n"
    r = lint_text(text, Config(evaluation_year=2025))
    assert (r.context.evaluation_year, r.context.year_source) == (2023, "title")
    r = lint_text("今年以来，主动公开政府信息300条。\n", Config(evaluation_year=2025))
    assert (r.context.evaluation_year, r.context.year_source) == (2025, "option")


def test_header_and_json_show_genre_and_sources():
    r = run_cli("check", str(SAMPLE))
    assert "文种：部门整体支出绩效自评报告（依据标题）" in r.stdout and "评价年度：2024（封面）" in r.stdout
    assert "填报日期：2025-07-24（填报日期栏）" in r.stdout and "上级：湛江市、广东省" in r.stdout
    findings = json.loads(run_cli("check", str(SAMPLE), "--format", "json").stdout)
    ctx = findings[0]["context"]
    assert (ctx["genre"], ctx["genre_source"], ctx["evaluation_year_source"], ctx["filing_date_source"]) == (
        "部门整体支出绩效自评报告", "title", "cover", "filing field")
    assert ctx["places"] == ["经济技术开发区", "湛江市", "广东省"] and ctx["retrospective"] is True
