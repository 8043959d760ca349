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


@pytest.mark.parametrize("text,unit,level,source", [
    # real 501: the cover field with a half-width (公章) annotation (the store's punctuation)
    ("部门整体支出绩效自评报告\n评价年度:2024\n评价单位(公章):徐闻县角尾乡人民政府\n填报日期:\n",
     "徐闻县角尾乡人民政府", "township", "cover"),
    # real 419: a web page's metadata table, [ 发布机构 ] | …
    ("| [ 索引号 ] | 115002300086863934/2025-00067 |\n| [ 发布机构 ] | 丰都县林业局 | ||\n一、部门职能\n",
     "丰都县林业局", "county", "publisher"),
    # real 301: a title with the year first, then a line coded 411001-…
    ("2023年贯塘乡人民政府决算编制说明\n411001-衡山县贯塘乡人民政府2023年部门决算公开\n",
     "贯塘乡人民政府", "township", "title"),
    # real 321: the opening announces the report of the unit
    ("根据《中华人民共和国政府信息公开条例》规定,现公布白城市农业农村局2024年政府信息公开工作年度报告。\n一、总体情况\n",
     "白城市农业农村局", "city", "opening"),
    # real 314: the site's banner (洱源县人民政府) ranks after the title naming the report
    ("洱源县人民政府\n政府信息公开\n洱源县卫生健康局(本级)2020年度部门决算\n发布时间:2021-08-25\n",
     "洱源县卫生健康局", "county", "title"),
    # real 431: a town whose name ends in 城 (龙城镇), from the 决算 outline
    ("目 录\n第一部分 萧县龙城镇人民政府概况\n一、部门职责\n", "萧县龙城镇人民政府", "town", "text"),
    # real 519: the opening sentence's subject after 在…领导下
    ("今年以来,在县委、县政府的坚强领导下,中都街道深入贯彻落实省、市部署。\n一、2025年上半年工作总结\n",
     "中都街道", "subdistrict", "text"),
    # real 404: 全州县 is a county, not 全 + a phrase
    ("全州县2022年政府信息公开工作年度报告\n发布时间:2023-01-30 来源: 全州县政务办\n", "全州县", "county", "title"),
    # real 502: a flattened PDF whose title runs into the first paragraph
    ("许昌市河湖水系水源调度中心 2022 年整体和项目支出绩效自评总结报告 一 绩效管理工作开展情况。 我单位按照《中共许昌市委"
     "许昌市人民政府关于全面实施预算绩效管理的实施意见》要求开展自评工作,形成本报告。\n",
     "许昌市河湖水系水源调度中心", "city", "title"),
])
def test_unit_named_by_the_report_itself(text, unit, level, source):
    ctx = lint_text(text, Config(select=set())).context
    assert (ctx.unit_name, ctx.unit_level, ctx.unit_source) == (unit, level, source)


@pytest.mark.parametrize("text", [
    # real 423: site furniture lines (市政府部门网站, 区县政府) are no unit
    "按照市政府、区政府关于推进政府信息公开工作部署和要求,经汇总,2024年一般公共预算“三公”经费。\n国务院部门网站\n地方政府网站\n"
    "市政府部门网站\n区县政府\n",
    # real 508: 本区域 (the town's own area) is no district self-word
    "第一部分 部门概况\n(一)部门主要职能\n执行本区域的经济和社会发展计划、预算,维护本区域社会稳定,负责本区域农业。\n",
])
def test_unit_and_level_unknown_when_the_text_does_not_say(text):
    ctx = lint_text(text, Config(select=set())).context
    assert (ctx.unit_name, ctx.unit_level) == (None, None)


def test_publisher_yields_to_first_person_words_of_a_lower_level():
    """A county site posting a town's report: 来源 names the county, the text speaks as 我镇 throughout."""
    text = ("关于2023年度部门整体支出绩效自评的报告\n来源: 柳城县人民政府 发布时间: 2024-03-01\n"
            "一、基本情况\n我镇共有行政村12个。我镇严格执行预算。本镇财政所负责核算。\n")
    ctx = lint_text(text, Config(select=set())).context
    assert (ctx.unit_level, ctx.level_source) == ("town", "scope words")


@pytest.mark.parametrize("text,genre", [
    # real 505: the title 2022年决算报告 decides; the headings 一般公共预算收支情况… do not outvote it
    ("重庆市铜梁区小林镇人民政府\n2022年决算报告\n一、预算收支决算情况\n(一)一般公共预算收支情况\n全镇本级一般公共预算收入111.11万元。\n"
     "(二)政府性基金预算收支情况\n全镇政府性基金支出0万元。\n(三)国有资本经营预算收支情况\n我镇无国有资本经营预算收支。\n", "部门决算说明"),
    # real 502: a flattened PDF's title runs into the first paragraph
    ("许昌市河湖水系水源调度中心 2022 年整体和项目支出绩效自评总结报告 一 绩效管理工作开展情况。 我单位按照《中共许昌市委许昌市人民政府"
     "关于全面实施预算绩效管理的实施意见》要求开展自评工作,形成本报告,现将有关情况说明。\n", "部门整体支出绩效自评报告"),
    # real 504: …补助资金绩效评价自评报告
    ("谢家集区2024年度转移支付财政衔接推进乡村振兴补助资金绩效评价自评报告\n区财政局:\n", "项目支出绩效自评报告"),
    # real 453: 关于2023年度项目绩效自评工作的报告
    ("承德市农业农村局关于2023年度项目绩效自评工作的报告\n市财政局:\n", "项目支出绩效自评报告"),
    # corpora/wild/W008.txt, W009.txt: the finance bureau's report to the congress on one year's execution
    # and the next year's draft budget (was read as a 部门预算说明)
    ("黄平县2022年预算执行情况和2023年预算草案的报告\n（2023年2月8日在县第十七届人民代表大会第二次会议上）\n黄平县财政局\n",
     "预算执行情况和预算草案的报告"),
])
def test_genre_from_title(text, genre):
    assert lint_text(text, Config(select=set())).context.genre_name == genre


def test_budget_with_glossary_is_not_final_accounts():
    """real 427: the second half of a 预算 (三公经费 budget, 名词解释) has no title; 名词解释 closes a 预算 as
    well as a 决算, so it is no evidence of a retrospective report."""
    text = ("本单位2023年“会议费”“培训费”“差旅费”财政拨款预算数3万元。\n(一)会议费2023年预算0万元,与2022年持平。\n"
            "六、名词解释\n1.财政拨款收入:指本级财政当年拨付的资金。\n")
    ctx = lint_text(text, Config(select=set())).context
    assert ctx.genre_name != "部门决算说明" and not ctx.retrospective


def test_a_bureau_describing_a_town_unit_is_no_town():
    """A county bureau's 决算 opening with a subordinate (…镇中心学校为事业单位) and speaking as 我局: the
    description is no evidence that the report is a town's."""
    text = ("第一部分 部门概况\n一、主要职能\n某某镇中心学校为事业单位，主要职责是义务教育。\n二、基本情况\n"
            "2023年我局共有在编人员12人。\n")
    assert lint_text(text, Config(select=set())).context.unit_level is None


def test_quanqu_alone_gives_no_district():
    """A county bureau in Guangxi: 全区 is the autonomous region; with no 我区/本区 the vote gives no level."""
    text = "2023年，全区财政工作会议召开。全区推进预算绩效管理，全区各县均已完成。全县预算执行率98%。\n"
    assert lint_text(text, Config(select=set())).context.unit_level is None


def test_a_source_of_funds_is_no_publisher():
    """来源 needs a field separator: 资金来源于市财政局 names no publisher (and no city level)."""
    assert lint_text("项目资金来源于市财政局拨款。\n", Config(select=set())).context.unit_level is None


def test_title_behind_web_page_menu(tmp_path):
    """A web page's menu and metadata lines (•关怀版, 索引号, 生效日期, 文号) and the site banner before the title
    (shape of a 甘肃 town's 决算 page): the title gives the unit, its level and the year."""
    page = ("•关怀版\n•无障碍\n•政务微信\n某某县人民政府\n某镇政府信息公开\n全文检索\n索引号: 621021/2024-00082发布机构:\n"
            "生效日期: 2024-08-29废止日期:\n文号:所属主题:预算决算\n2023年度庆城县驿马镇人民政府部门决算公开\n"
            "第一部分部门概况\n执行全镇的社会和经济发展计划、预算。\n")
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    ctx = read_document(str(path)).context
    assert (ctx.unit_name, ctx.unit_level, ctx.evaluation_year) == ("庆城县驿马镇人民政府", "town", 2023)


def test_unit_from_budget_form_sentences(tmp_path):
    """A 预算说明 excerpt without its title (page 3 of a 四川 town's): the form sentences name the unit."""
    page = ("九、政府性基金预算支出情况说明\n大英县金元镇人民政府2023年没有使用政府性基金预算拨款安排的支出。\n"
            "(三)国有资产占有使用情况\n截至2022年底,大英县金元镇人民政府所属各预算单位共有车辆1辆。\n")
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    ctx = read_document(str(path)).context
    assert (ctx.unit_name, ctx.unit_level) == ("大英县金元镇人民政府", "town")
    assert [p.name for p in ctx.places] == ["金元镇", "大英县", "遂宁市", "四川省"]
