"""Copying between reports: stated candidate recall of the cross-report step, same unit across years."""

from __future__ import annotations

import base64
import random
import re
from pathlib import Path

from rapidfuzz import fuzz

from reportlint import crossdoc
from reportlint.rules.copying._stock import normalise

CASES = Path("/work/shared/cases")
ROOT = Path(__file__).resolve().parents[1]


def _passage(text: str) -> dict:
    norm = normalise(text)
    return {"text": norm, "sig": base64.b64encode(crossdoc.signature(norm).astype("<u8").tobytes()).decode(),
            "line": 1, "column": 1, "where": "正文"}


def _paragraph(path: Path) -> str:
    return max(path.read_text(encoding="utf-8").splitlines(), key=len)


DENSE = [  # case 14 (town names swapped) and case 28 (every place name swapped: 5-gram Jaccard 0.32)
    ("岚溪县农业农村局", "局主要负责同志带队深入柘塘镇、鹤屿镇等地，实地查看山塘水库除险加固和灌溉渠系修复情况，详细了解防汛物资储备和应急队伍值守情况，"
     "要求各乡镇压紧压实防汛责任，确保人员转移预案落实到村到户，切实保障春耕生产用水安全。",
     "桐川县水利局", "局主要负责同志带队深入石门乡、白沙镇等地，实地查看山塘水库除险加固和灌溉渠系修复情况，详细了解防汛物资储备和应急队伍值守情况，"
     "要求各乡镇压紧压实防汛责任，确保人员转移预案落实到村到户，切实保障春耕生产用水安全。"),
    ("岚溪县民政局", "岚溪县民政局在柘塘镇新建养老服务中心1个，在鹤屿镇改造敬老院2所，为岚溪县特困老人配备呼叫设备，在柘塘镇开展养老护理员培训3期，"
     "岚溪县居家养老服务覆盖率逐年提高，鹤屿镇老人满意度明显提升，柘塘镇养老服务站实现全覆盖。",
     "桐川县民政局", "桐川县民政局在石门乡新建养老服务中心1个，在白沙镇改造敬老院2所，为桐川县特困老人配备呼叫设备，在石门乡开展养老护理员培训3期，"
     "桐川县居家养老服务覆盖率逐年提高，白沙镇老人满意度明显提升，石门乡养老服务站实现全覆盖。"),
]


def test_stated_recall_at_the_default_threshold():
    bands, rows = crossdoc.lsh_params(70.0)
    assert (bands, rows) == (64, 4) and bands * rows <= crossdoc.NUM_PERM
    floor = crossdoc.jaccard_floor(70.0)
    assert round(floor, 3) == 0.538
    assert crossdoc.collision_probability(floor, bands, rows) >= 0.99
    for t in (50.0, 60.0, 75.0, 80.0, 90.0, 95.0):
        assert crossdoc.collision_probability(crossdoc.jaccard_floor(t), *crossdoc.lsh_params(t)) >= 0.99


def _jaccard(a: str, b: str) -> float:
    x, y = crossdoc.shingles(a), crossdoc.shingles(b)
    return len(x & y) / len(x | y)


def test_dense_edits_of_cases_14_and_28_are_proposed_and_clustered():
    for unit_a, a, unit_b, b in DENSE:
        na, nb = normalise(a), normalise(b)
        ratio = fuzz.ratio(na, nb)
        assert ratio >= 70
        assert _jaccard(na, nb) >= crossdoc.jaccard_floor(ratio) >= crossdoc.jaccard_floor(70.0)
        clusters = crossdoc.find_clusters([("a.txt", unit_a, [_passage(a)]), ("b.txt", unit_b, [_passage(b)])])
        assert [c.units for c in clusters] == [sorted([unit_a, unit_b])]


def test_the_bound_holds_for_any_edit_pattern():
    """Whatever the edits, a pair at ratio r has multiset Jaccard >= r/(2-r): the bound is a theorem, not a fit."""
    rng = random.Random(7)
    base = re.sub(r"\s", "", (ROOT / "corpora" / "real" / "301.txt").read_text(encoding="utf-8"))
    base = normalise(base)
    checked = 0
    for _ in range(400):
        start = rng.randrange(0, len(base) - 200)
        a = base[start:start + rng.randint(60, 200)]
        b = list(a)
        for _ in range(rng.randint(1, len(a) // 3)):  # dense substitutions, insertions and deletions
            i = rng.randrange(len(b))
            op = rng.random()
            if op < 0.5:
                b[i] = rng.choice(base)
            elif op < 0.75:
                b.insert(i, rng.choice(base))
            else:
                del b[i]
        b = "".join(b)
        ratio = fuzz.ratio(a, b)
        assert _jaccard(a, b) >= crossdoc.jaccard_floor(ratio) - 1e-9
        checked += ratio >= 70
    assert checked > 50


def test_every_pair_above_the_threshold_is_clustered_in_a_batch_of_dense_edits():
    """40 pairs of units, each a paragraph with its places swapped at a different density, among
    unrelated paragraphs: every pair at ratio >= 70 is found (recall 0.996 each by construction)."""
    rng = random.Random(3)
    texts = [normalise(p) for f in sorted((ROOT / "corpora" / "real").glob("*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if len(normalise(p)) >= 80]
    places = ["柘塘镇", "鹤屿镇", "石门乡", "白沙镇", "岚溪县", "桐川县", "梧岭市", "东屏市"]
    reports, expected = [], 0
    for k in range(40):
        a = texts[k * 3 % len(texts)]
        step = rng.randint(6, 20)
        b = "".join(c if i % step else rng.choice(places) for i, c in enumerate(a))
        if fuzz.ratio(a, b) < 70:
            continue
        expected += 1
        reports.append((f"a{k}.txt", f"甲{k}单位", [_passage(a)]))
        reports.append((f"b{k}.txt", f"乙{k}单位", [_passage(b)]))
    assert expected >= 30
    clusters = crossdoc.find_clusters(reports, template_share=1.0)
    found = [set(c.units) for c in clusters]
    assert sum(any({f"甲{k}单位", f"乙{k}单位"} <= units for units in found) for k in range(40)) == expected


STOCK = ("根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
         "要求，现将岚溪县统计局{y}年政府信息公开工作年度报告如下。")
FUNCTIONS = ("岚溪县统计局是县人民政府主管全县统计工作的工作部门，负责组织实施全县统计调查，收集、汇总、整理和提供有关调查的统计数据，"
             "综合整理和提供地区生产总值核算资料，对全县经济社会发展情况进行统计分析、统计预测和统计监督。")
CARRIED = ("{y}年，我局依托县政府门户网站和统计公报及时发布统计数据，全年向县委办、县政府办报送统计分析材料70多篇，"
           "免费赠阅统计年鉴60余份，接受群众电话和窗口咨询数百次，政府信息公开工作平稳有序。")
UPDATED = ("{y}年主动公开统计公报{a}期、统计月报{b}期，在门户网站发布统计数据解读{c}篇，办理依申请公开{d}件，均在法定期限内答复，"
           "未发生因政府信息公开引起的行政复议和行政诉讼。")
OWN = {2022: "统计数据发布渠道单一，主要依靠纸质统计年鉴和门户网站的静态页面，群众查询统计数据仍不够方便，下一步将开设统计数据专栏，"
             "按月更新主要经济指标，同时在乡镇便民服务中心设置统计资料查阅点，方便群众就近查询，并在年底前完成首批数据上线。",
       2023: "统计数据解读不够通俗，图表和视频解读较少，部分解读材料专业术语多，群众不易理解，下一步将加强图解和视频解读，"
             "邀请基层统计员参与，在政务新媒体开设统计解读栏目，用群众听得懂的语言解读主要经济指标，全年计划推出系列解读作品。",
       2024: "统计数据专栏更新不够及时，个别月份的主要指标延迟发布，历史数据查询功能不完善，下一步将建立发布时间表，"
             "并完善历年数据查询，对延迟发布的原因逐月分析通报，把发布时效纳入股室年度考核，确保主要指标按时向社会公开。"}


def _year_report(y: int, figures: tuple[int, int, int, int]) -> str:
    a, b, c, d = figures
    return "\n".join([f"岚溪县统计局{y}年政府信息公开工作年度报告", "评价单位：岚溪县统计局", STOCK.format(y=y),
                      "一、总体情况", FUNCTIONS, CARRIED.format(y=y), UPDATED.format(y=y, a=a, b=b, c=c, d=d),
                      "二、存在的主要问题及改进情况", OWN[y], ""])


def test_three_years_of_one_unit_show_the_carried_passages_only(tmp_path):
    from reportlint.batch import run_scan

    src = tmp_path / "in"
    src.mkdir()
    for y, figs in ((2022, (4, 12, 18, 6)), (2023, (5, 12, 21, 9)), (2024, (4, 11, 25, 7))):
        (src / f"{y}.txt").write_text(_year_report(y, figs), encoding="utf-8")
    (src / "other.txt").write_text(_year_report(2024, (1, 2, 3, 4)).replace("岚溪县统计局", "桐川县统计局"),
                                   encoding="utf-8")
    (src / "plan.txt").write_text((CASES / "09-foreign-county-text.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_scan(sorted(src.glob("*.txt")), tmp_path / "out", jobs=1)
    found = {r["file"].rsplit("/", 1)[-1]: [(f["line"], f["message"]) for f in r["findings"]
                                            if f["rule"] == "boilerplate-year"] for r in result.records}
    assert found["2022.txt"] == [] and found["other.txt"] == []
    assert [line for line, _ in found["2023.txt"]] == [6] and [line for line, _ in found["2024.txt"]] == [6]
    assert "2022年度报告相同" in found["2023.txt"][0][1] and "70多篇、60余份" in found["2023.txt"][0][1]
    assert "与2022、2023年度报告相同" in found["2024.txt"][0][1] and "2023.txt 第6行" in found["2024.txt"][0][1]
    kinds = [c["kind"] for c in __import__("json").loads((tmp_path / "out" / "clusters.json").read_text("utf-8"))]
    assert kinds.count("same-unit") == 2
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "同一单位跨年度沿用（2 个簇）" in page and "不同单位之间雷同（4 个簇）" in page  # other.txt: 2024 renamed
    assert "他地名称（1 处）" in page and "描述的是另一地方「桐川县」的辖区" in page


def test_a_report_mostly_last_years_gets_one_summary_finding(tmp_path):
    from reportlint.engine import lint_path
    from reportlint.findings import Severity

    old, new = tmp_path / "2023.txt", tmp_path / "2024.txt"
    old.write_text(_year_report(2023, (5, 12, 21, 9)), encoding="utf-8")
    new.write_text(_year_report(2023, (5, 12, 21, 9)).replace("2023", "2024"), encoding="utf-8")
    found = crossdoc.previous_findings(lint_path(str(new)), lint_path(str(old)), Severity.WARNING)
    assert [f.line for f in found] == [5] and found[0].message.startswith("本报告约100%的段落与2023年度报告（2023.txt）")
    assert "共4段" in found[0].message


def test_check_previous_through_both_entry_points(tmp_path):
    import subprocess
    import sys

    from typer.testing import CliRunner

    from reportlint.cli import app

    a, b = CASES / "13-cross-year-copy.txt", CASES / "13-cross-year-copy.b.txt"
    args = ["check", str(a), "--previous", str(b), "--select", "C303", "-q", "--color", "never"]
    fast = subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True)
    full = CliRunner().invoke(app, args)
    assert fast.returncode == full.exit_code == 1
    assert fast.stdout == full.output
    assert "13-cross-year-copy.txt:4:1: C303 [boilerplate-year]" in fast.stdout
    assert "13-cross-year-copy.b.txt 第4行" in fast.stdout


def _calls(fn) -> int:
    """Python-level calls made by ``fn()``: an operation count a busy machine does not disturb."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    return pstats.Stats(prof).total_calls


TEMPLATE = ("本部门严格按照政府信息公开有关规定公开相关预决算信息，全年公开预决算信息{a}条，用以反映部门预决算的公开透明和公开合规性情况，"
            "本着公开及时、内容完整、形式规范的原则，已在部门网站公开{b}年度部门预决算及相关说明，公开率达到{c}%。")


def _batch(scale: int, seed: int = 11) -> tuple[list, list[tuple[str, str]]]:
    """Real paragraphs (corpora/real and clean, one unit each), a template paragraph that every
    second unit fills with its own figures, and dense-edit copies between pairs of units; all x scale."""
    rng = random.Random(seed)
    texts = sorted({normalise(p) for d in ("real", "clean") for f in sorted((ROOT / "corpora" / d).glob("*.txt"))
                    for p in f.read_text(encoding="utf-8").split("\n") if len(normalise(p)) >= 80})
    rng.shuffle(texts)
    places = ["柘塘镇", "鹤屿镇", "石门乡", "白沙镇", "岚溪县", "桐川县", "梧岭市", "东屏市"]
    reports, planted = [], []
    for k in range(200 * scale):
        ps = [_passage(texts[k])]
        if k % 2 == 0:
            ps.append(_passage(TEMPLATE.format(a=rng.randint(10, 90), b=rng.choice([2022, 2023]), c=rng.randint(90, 100))))
        reports.append((f"r{k}.txt", f"单位{k}", ps))
    for k in range(10 * scale):
        a = texts[200 * scale + k]
        step = rng.randint(8, 20)
        b = "".join(c if i % step else rng.choice(places) for i, c in enumerate(a))
        if fuzz.ratio(a, b) < 70:
            continue
        reports += [(f"a{k}.txt", f"甲{k}", [_passage(a)]), (f"b{k}.txt", f"乙{k}", [_passage(b)])]
        planted.append((f"甲{k}", f"乙{k}"))
    return reports, planted


def test_cross_step_work_grows_linearly_and_finds_every_dense_copy_in_a_large_batch():
    """4x the reports (real paragraphs, a template filled by half the units, dense-edit copies): at
    most 4x the Python-level work, every planted pair found at both sizes (recall in a large batch, not
    only in a pair), and the template never reported as copying."""
    batches = {k: _batch(k) for k in (1, 4)}
    for reports, planted in batches.values():
        clusters = crossdoc.find_clusters(reports)
        found = [set(c.units) for c in clusters if not c.template]
        assert all(any(set(pair) <= units for units in found) for pair in planted)
        template = normalise(TEMPLATE)[:20]  # the template is set aside (the background's own near-copies,
        assert not any(m.passage["text"].startswith(template)  # such as 政府工作报告 thanks, may be clusters)
                       for c in clusters if not c.template for m in c.members)
        assert len(planted) >= 8
    crossdoc.find_clusters(batches[1][0])
    small = _calls(lambda: crossdoc.find_clusters(batches[1][0]))
    large = _calls(lambda: crossdoc.find_clusters(batches[4][0]))
    assert large / small < 4.5


def test_proposed_pairs_per_passage_are_bounded_by_the_bucket_cap():
    """Generated reports' paragraphs share a 100-word vocabulary (multiset Jaccard 0.3-0.45 between
    unrelated ones): every band proposes at most (cap-1)/2 pairs per passage, and the sketch lets
    through only pairs near the floor."""
    from reportlint.generate import TOPICS, distinctive

    rng = random.Random(5)
    reports = [(f"r{k}", f"单位{k}", [_passage(distinctive(rng, rng.choice(TOPICS), 2024))]) for k in range(600)]
    index = crossdoc.CrossIndex()
    try:
        for r in reports:
            index.add(*r)
        assert index.clusters() == []
        stats = index.stats
    finally:
        index.close()
    assert stats["proposed"] <= stats["nodes"] * index.bands * (crossdoc.BUCKET_CAP - 1) / 2
    assert stats["candidates"] < stats["proposed"] / 50


def test_stock_prefaces_and_form_sentences_of_two_units_are_no_copy():
    """The 政府信息公开年报 preface of the national format (parts, statistics period, electronic version,
    whom to ask) and the 部门决算 basic-facts fields written as sentences, as two units of corpora/real
    write them: taken out as stock, so no cluster (a scan of corpora/real found these two pairs)."""
    def line(name: str, n: int) -> str:
        return (ROOT / "corpora" / "real" / name).read_text(encoding="utf-8").split("\n")[n - 1]

    for (a, la), (b, lb) in ((("325.txt", 2), ("513.txt", 2)), (("468.txt", 18), ("501.txt", 15))):
        reports = [(a, "甲单位", [_passage(line(a, la))]), (b, "乙单位", [_passage(line(b, lb))])]
        assert crossdoc.find_clusters(reports) == []


SHARED_TEMPLATE = ("本部门严格按照政府信息公开有关规定公开相关预决算信息，用以反映部门预决算的公开透明和公开合规性情况，本着公开及时、"
                   "内容完整、形式规范的原则，已在部门网站公开年度部门预决算及相关说明，同时在政务公开专栏设置预决算公开入口，"
                   "方便社会公众查询监督，公开内容涵盖收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算财政拨款支出表、"
                   "一般公共预算财政拨款基本支出表和政府性基金预算财政拨款收支表，并对机关运行经费和三公经费作出说明。")


def test_a_template_every_unit_carries_is_not_a_units_own_carry_over(tmp_path):
    """Eight units, two years each, every report carrying the same template paragraph and a paragraph of
    its own: the template is a template cluster across units, so no unit is told that its report is
    mostly last year's (the false kind of 30 same-unit clusters on 1,000 generated reports)."""
    from reportlint.batch import run_scan

    texts = sorted({normalise(p) for f in sorted((ROOT / "corpora" / "real").glob("*.txt"))
                    for p in f.read_text(encoding="utf-8").split("\n") if 70 <= len(normalise(p)) <= 90})
    src = tmp_path / "in"
    src.mkdir()
    for k, unit in enumerate(["岚溪县财政局", "桐川县财政局", "梧岭市教育局", "东屏市民政局", "柘塘县水利局",
                              "鹤屿区统计局", "石门县审计局", "白沙区商务局"]):
        for n, y in enumerate((2023, 2024)):
            (src / f"{k}-{y}.txt").write_text("\n".join([
                f"{unit}{y}年度部门整体支出绩效自评报告", f"评价单位：{unit}", "一、基本情况", SHARED_TEMPLATE,
                texts[2 * k + n], ""]), encoding="utf-8")
    result = run_scan(sorted(src.glob("*.txt")), tmp_path / "out", jobs=1)
    assert [c.template for c in result.clusters] == [True]
    assert [f for r in result.records for f in r["findings"] if f["rule"] == "boilerplate-year"] == []


def test_mandated_template_text_of_real_reports_is_no_copy():
    """The 年报's prescribed opening (the 条例 and the 国办 notice cited by name, 现发布…年度报告; the six
    parts; the statistics period) and the 自评表's printed notes (预算执行率=预算执行数/调整后预算数 …), as
    units of corpora/real and corpora/wild write them: a scan of those seven files gave three clusters."""
    def line(folder: str, name: str, n: int) -> str:
        return (ROOT / "corpora" / folder / name).read_text(encoding="utf-8").split("\n")[n - 1]

    groups = [
        [("real", "513.txt", 1, "开阳县冯三镇人民政府"), ("real", "634.txt", 3, "兴庆区前进街街道办事处"),
         ("wild", "W005.txt", 2, "利辛县望疃镇")],
        [("real", "309.txt", 15, "大英县司法局"), ("real", "617.txt", 38, "青神县发展和改革局")],
        [("real", "636.txt", 1, "安镇街道"), ("wild", "W030.txt", 2, "合江县人民政府办公室")],
    ]
    for group in groups:
        reports = [(name, unit, [_passage(line(folder, name, n))]) for folder, name, n, unit in group]
        assert crossdoc.find_clusters(reports) == []


FLOOD_PARAGRAPH = ("局主要负责同志带队深入各乡镇，实地查看山塘水库除险加固和灌溉渠系修复情况，详细了解防汛物资储备和应急队伍值守情况，"
       "要求各乡镇压紧压实防汛责任，确保人员转移预案落实到村到户，切实保障春耕生产用水安全，全年未发生一起安全生产事故。")


def test_text_shared_by_units_of_three_provinces_is_a_template_a_copy_between_two_is_found():
    """Units of three provinces or more writing one passage follow a national template; two units (of one
    province or of two) sharing it is a copy, reported."""
    spread = [("a.txt", "开阳县财政局", [_passage(FLOOD_PARAGRAPH)]), ("b.txt", "利辛县财政局", [_passage(FLOOD_PARAGRAPH)]),
              ("c.txt", "青神县财政局", [_passage(FLOOD_PARAGRAPH)])]  # 贵州, 安徽, 四川
    found = crossdoc.find_clusters(spread)
    assert [(c.template, c.units) for c in found] == [(True, ["利辛县财政局", "开阳县财政局", "青神县财政局"])]
    for pair in ((spread[0], spread[1]), (spread[2], ("d.txt", "大英县财政局", [_passage(FLOOD_PARAGRAPH)]))):
        found = crossdoc.find_clusters(list(pair))
        assert [(c.template, round(c.similarity)) for c in found] == [(False, 100)]
    local = [*spread[1:], ("d.txt", "大英县财政局", [_passage(FLOOD_PARAGRAPH)]), ("e.txt", "蒙城县财政局", [_passage(FLOOD_PARAGRAPH)])]
    found = crossdoc.find_clusters(local)  # four units of two provinces (安徽, 四川): still a copy
    assert [(c.template, len(c.units)) for c in found] == [(False, 4)]


def _doc_passages(text: str) -> list[dict]:
    from reportlint.document import build_document
    from reportlint.source import source_from_text

    return crossdoc.passages(build_document(source_from_text(text, "x.txt")))


def test_one_formula_filled_with_other_figures_by_two_units_is_a_template_a_copy_keeping_figures_is_found():
    """NEWCOMER6 4: real 767 (重庆市北碚区) and wild W015 (重庆市永川区) both write the 预算执行 formula
    (一般公共预算收入…加上上级补助收入…收入总量为…) with their own figures: ratio 70.4, one false cluster.
    A form filled with other figures is a template across units, as across one unit's years (C303)."""
    beibei = (ROOT / "corpora" / "real" / "767.txt").read_text(encoding="utf-8").split("\n")[10]
    yongchuan = (ROOT / "corpora" / "wild" / "W015.txt").read_text(encoding="utf-8").split("\n")[4]
    a, b = _doc_passages(beibei), _doc_passages(yongchuan)
    assert crossdoc.filled_pair(set(crossdoc.figure_key(a[0]["figures"]).split("|")),
                                set(crossdoc.figure_key(b[0]["figures"]).split("|")))
    found = crossdoc.find_clusters([("767.txt", "重庆市北碚区人民政府", a), ("W015.txt", "重庆市永川区", b)])
    assert [(c.template, round(c.similarity)) for c in found] == [(True, 70)]
    # the same paragraph copied by another unit with its figures (all, or some of them) is a copy
    for copy in (beibei, beibei.replace("925703", "915703").replace("675178", "665178")):
        found = crossdoc.find_clusters([("767.txt", "重庆市北碚区人民政府", a),
                                        ("x.txt", "重庆市合川区人民政府", _doc_passages(copy))])
        assert [c.template for c in found] == [False]
    # prose without figures copied by another unit stays a copy
    found = crossdoc.find_clusters([("a.txt", "开阳县财政局", _doc_passages(FLOOD_PARAGRAPH)),
                                    ("b.txt", "利辛县财政局", _doc_passages(FLOOD_PARAGRAPH))])
    assert [c.template for c in found] == [False]


def test_figure_key_keeps_numbers_of_two_digits_or_decimals():
    assert crossdoc.figure_key(["279964万元", "6.8%", "3个", "1,234.5万元", "6.8%"]) == "279964|6.8|1234.5"
    assert not crossdoc.filled_pair({"279964", "6.8"}, {"53.24", "6.8"})  # a figure in common: not a filled form
    assert not crossdoc.filled_pair({"279964"}, {"53.24", "6.3"})  # one figure says too little


def test_sentence_windows_find_planted_partial_copies_of_real_reports():
    """NEWCOMER6 3: a few sentences copied from another unit's report (part of a paragraph, sentences of
    several paragraphs, two paragraphs merged) are missed by the paragraph comparison and found by runs
    of shared sentences (tests/copyplant.py, seed 6; the full figures with 40 plants a kind are in the README)."""
    from copyplant import recall

    before, after = recall(6, windows=False), recall(6, windows=True)
    assert after["several"] == after["merged"] == 1.0
    assert after["55%"] > before["55%"] and all(after[k] >= before[k] for k in before)


def test_a_sentence_run_filled_with_other_figures_or_quoted_is_no_partial_copy():
    """The exemptions of the paragraph comparison hold for sentence windows: a form filled with other
    figures gets other keys, quoted words are not indexed, a run of two units' own words is a copy."""
    own = "我局全年组织开展农村供水安全隐患排查36次，整改问题12个。建立问题清单、责任清单和时限清单，实行销号管理，确保整改到位。"
    other = own.replace("36", "41").replace("12", "9").replace("建立问题清单、责任清单和时限清单，实行销号管理，确保整改到位。", "")
    quote = "习近平总书记指出：“要把农村供水保障作为民生工程抓紧抓实抓好，确保农村群众喝上放心水、安全水。”"
    filler = "本年度各项工作总体平稳有序推进，完成了年初确定的主要目标任务，群众满意度有所提高。"
    mine = ("今年我县在城乡道路养护方面投入较大，新修乡村公路若干条，改造危桥多座，交通条件明显改善。"
            "同时加强了客运站点管理，优化公交线路布局，方便沿线群众出行，得到社会各界普遍好评。")

    def run(a: str, b: str) -> int:
        index = crossdoc.CrossIndex()
        try:
            index.add("a.txt", "甲县水利局", _doc_passages(filler + a + filler))
            index.add("b.txt", "乙县农业农村局", _doc_passages(mine + b + mine))
            return len(index.partial_clusters(index.clusters()))
        finally:
            index.close()

    assert run(own, own) == 1
    assert run(own, other + "建立台账。") == 0
    assert run(quote + quote, quote + quote) == 0


def test_figures_in_full_width_digits_do_not_stop_the_cross_report_step():
    """``figure_key`` reads ``\\d``, which matches full-width digits (１２３万元): the index stored them as
    ASCII and the reduce step raised UnicodeEncodeError on such a report (found on the shared cleancorpus)."""
    text = "全年共完成投资１２３４万元，新建道路２５公里，改造危房３６０户，带动就业人数较上年明显增加，群众满意度持续提升，各项目标任务全面完成，为下一年度交通基础设施建设打下了坚实基础。"
    index = crossdoc.CrossIndex()
    try:
        index.add("a.txt", "甲县交通运输局", _doc_passages(text))
        index.add("b.txt", "乙县交通运输局", _doc_passages(text))
        found = index.clusters()
    finally:
        index.close()
    assert [(len(members), template) for members, _, template in found] == [(2, False)]


def test_a_scan_reports_the_copied_sentences_in_both_reports(tmp_path):
    """Three sentences of one unit's paragraph pasted into a paragraph of another unit's own words (about
    45 % of it: ratio under 70, missed by the paragraph comparison): one cluster, each finding on the copied
    sentences only, saying how many sentences and characters, and naming the other unit."""
    from reportlint.batch import run_scan
    from reportlint.source import discover

    copied = ("针对农村供水保障中发现的36个突出问题，我局会同水务、财政等部门逐一制定整改措施。"
              "建立问题清单、责任清单和时限清单，实行挂图作战和销号管理。"
              "对进度滞后的4个项目开展专项督办，对整改不到位的2家单位进行约谈。")
    own_a = "全年共安排农村饮水安全巩固提升资金1260万元，新建集中供水工程8处，改造老旧管网42公里，受益人口3.1万人。"
    own_b = ("本年度我局围绕义务教育优质均衡发展目标，新建改扩建校舍2.4万平方米，补充配备教学仪器设备1.2万台套，"
             "招聘特岗教师85名，组织骨干教师跟岗研修320人次，全县学校办学条件和师资水平明显改善。")

    def report(unit: str, body: str) -> str:
        return f"{unit}2024年度部门整体支出绩效自评报告\n评价年度：2024\n评价单位：{unit}\n填报日期：2025年3月1日\n{body}\n"

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(report("云山区水利局", own_a + copied), encoding="utf-8")
    (src / "b.txt").write_text(report("青禾县教育局", own_b + copied), encoding="utf-8")
    files, _ = discover([str(src)])
    result = run_scan(files, tmp_path / "out", jobs=1)
    assert [(sorted(c.units), c.template) for c in result.clusters] == [(["云山区水利局", "青禾县教育局"], False)]
    cross = sorted((f for r in result.records for f in r["findings"] if f["rule"] == "boilerplate-cross"),
                   key=lambda f: f["path"])
    texts = {Path(f["path"]).name: Path(f["path"]).read_text(encoding="utf-8") for f in cross}
    assert [(Path(f["path"]).name, texts[Path(f["path"]).name][f["raw_start"]:f["raw_end"]]) for f in cross] == [
        ("a.txt", copied), ("b.txt", copied)]
    assert [f["line"] for f in cross] == [5, 5]
    assert cross[0]["message"].startswith("与其他单位的报告有连续3句（") and "青禾县教育局" in cross[0]["message"]
