"""Generate realistic reports with injected defects and a gold file each (seeded, reproducible).

Every report is a 部门整体支出绩效自评报告 or a 工作总结 of a fictional unit (district, county or
city), built from sentence banks with figures that hang together: budget parts add up, rates are
computed from their operands, the grade fits the score. Defects of every rule are then injected at
random, each recorded in the gold file as an ``expected`` item, and correct look-alikes as
``must_not`` items. Some reports copy a distinctive paragraph from another unit's report: the
manifest lists these copy clusters (ground truth for ``boilerplate-cross``).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.document.markers import int_to_cn
from reportlint.document.reflow import display_width

PLACES = {
    "district": ["云山区", "青河区", "临江区", "东湖区", "南岭区", "北城区", "西林区", "金沙区", "望海区", "凤凰区",
                 "白云区", "红湖区"],
    "county": ["青禾县", "南江县", "白石县", "梅岭县", "竹溪县", "石门县", "清河县", "松阳县", "桃源县", "长宁县"],
    "city": ["临川市", "江城市", "海州市", "嘉禾市", "云州市", "兴安市"],
}
SELF = {"district": "区", "county": "县", "city": "市"}
PEER = {"district": "县", "county": "区"}
PARENT = {"district": "市", "county": "市", "city": "省"}
DEPTS = ["财政局", "教育局", "民政局", "卫生健康局", "农业农村局", "交通运输局", "住房和城乡建设局", "文化广电旅游体育局",
         "自然资源局", "水利局", "人力资源和社会保障局", "生态环境局", "应急管理局", "退役军人事务局", "科学技术局"]
OFFICES = ["办公室", "财务股", "综合股", "业务股", "政策法规股", "规划股", "监督检查股", "信息股", "人事股", "项目股"]
WORKS = ["完成年度重点项目建设任务", "推进政务服务标准化建设", "开展业务培训和政策宣传", "加强项目资金监管",
         "推进数字化管理平台建设", "开展安全生产专项整治", "落实惠民政策资金发放", "推进基层服务能力提升"]
# Distinctive passages: every report writes its own (a shuffle of a large domain vocabulary), so two
# reports share one only when one copied it from the other.
VOCAB = ["资金", "项目", "绩效", "预算", "监管", "核查", "整改", "台账", "清单", "督办", "调度", "考核", "评估", "验收", "审计", "公示", "拨付", "结算", "采购", "招标", "合同", "履约", "监理", "工程", "设备", "平台", "系统", "数据", "档案", "制度", "流程", "标准", "规范", "机制", "责任", "分工", "协同", "联动", "培训", "宣传", "走访", "调研", "座谈", "问卷", "反馈", "回访", "跟踪", "预警", "风险", "隐患", "排查", "治理", "改造", "提升", "建设", "运维", "管护", "服务", "保障", "救助", "补贴", "发放", "对象", "名单", "动态", "比对", "复核", "抽查", "通报", "约谈", "问责", "闭环", "销号", "成效", "经验", "做法", "短板", "弱项", "难点", "堵点", "亮点", "特色", "品牌", "示范", "试点", "推广", "乡镇", "街道", "社区", "村居", "企业", "学校", "医院", "站点", "窗口", "网点", "片区", "流域", "园区", "基地", "线路", "管网", "设施", "场馆", "仓库", "车辆"]
FRAMES = ["{a}{b}{c}，{d}{e}{f}{g}", "围绕{a}{b}，{c}{d}{e}{f}", "针对{a}{b}{c}，{d}{e}{f}{g}{h}",
          "通过{a}{b}{c}{d}，{e}{f}{g}", "坚持{a}{b}与{c}{d}并重，{e}{f}{g}{h}"]


def distinctive(rng: random.Random, topic: str, year: int) -> str:
    sentences = []
    for _ in range(4):
        words = {k: rng.choice(VOCAB) for k in "abcdefgh"}
        for a, b in zip("abcdefg", "bcdefgh", strict=True):  # a word drawn twice in a row would be a real 重复字
            if words[b] == words[a]:
                words[b] = VOCAB[(VOCAB.index(words[a]) + 1) % len(VOCAB)]
        sentences.append(rng.choice(FRAMES).format(**words) + f"{rng.randint(2, 300)}项")
    return f"在{topic}工作中，" + "；".join(sentences) + f"，截至{year}年12月31日全部落实。"


TOPICS = ["农村供水保障", "老旧小区改造", "义务教育薄弱环节改善", "基层医疗卫生机构建设", "高标准农田建设",
          "城乡低保资金管理", "公共文化服务设施运维", "河道综合治理", "就业创业补贴发放", "安全生产隐患排查"]
STOCK = "根据《中华人民共和国预算法》等法律法规规定，本部门严格执行预算绩效管理制度。"

RULES = ["year-mismatch", "relative-time", "stale-forecast", "date-invalid", "section-duplicate", "section-gap",
         "section-order", "section-style", "enum-sequence", "outline-missing", "boilerplate-internal", "sum-mismatch",
         "count-mismatch", "rate-mismatch", "score-grade", "score-subtotal", "value-conflict", "jiezhi", "scope-word",
         "term-typo", "law-name", "template-left", "punct-halfwidth", "punct-pair", "docnum-format", "stale-term"]
SIDE_RULES = ["unused-suppression", "foreign-place"]  # drawn from a side generator, so the main stream (and every report) stays as it was
# 科目 rows of a 决算 table: (类 code, 类 name, 款 code, 款 name, the name of another 款 of the same 类)
SUBJECTS = [("201", "一般公共服务支出", "20106", "财政事务", "税收事务"),
            ("208", "社会保障和就业支出", "20805", "行政事业单位养老支出", "抚恤"),
            ("210", "卫生健康支出", "21011", "行政事业单位医疗", "公共卫生"),
            ("221", "住房保障支出", "22102", "住房改革支出", "保障性安居工程支出")]


@dataclass
class Item:
    rule: str
    para: int  # paragraph index (before rendering)
    quote: str
    why: str
    nth: int = 1  # which occurrence of the quote in the paragraph


@dataclass
class Report:
    name: str
    unit: str
    level: str
    year: int
    paragraphs: list[str] = field(default_factory=list)
    expected: list[Item] = field(default_factory=list)
    must_not: list[Item] = field(default_factory=list)
    distinct: list[int] = field(default_factory=list)  # paragraphs eligible for cross-report copying
    copied: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, cluster id)

    def add(self, text: str) -> int:
        self.paragraphs.append(text)
        return len(self.paragraphs) - 1


def _money(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), 2)


def _grade(score: float) -> str:
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def _grade_word(g: str, rng: random.Random) -> str:
    return rng.choice({"优": ["优", "优秀"], "良": ["良", "良好"], "中": ["中", "中等"], "差": ["差", "较差"]}[g])


def build_report(rng: random.Random, index: int, p_defect: float) -> Report:
    level = rng.choice(["district", "district", "county", "county", "city"])
    place = rng.choice(PLACES[level])
    dept = rng.choice(DEPTS)
    unit = place + dept
    year = rng.choice([2022, 2023, 2024, 2025])
    r = Report(name=f"{index:05d}", unit=unit, level=level, year=year)
    side = random.Random(hash(rng.getstate()[1]))  # the state's ints only: hash(None) (its gauss slot) varies by process
    inject = {rule for rule in SIDE_RULES if side.random() < p_defect}
    inject |= {rule for rule in RULES if rng.random() < p_defect}
    if level == "city":
        inject.discard("scope-word")
    s = SELF[level]
    y1 = year + 1
    filing = (y1, rng.randint(2, 8), rng.randint(1, 28))

    r.add("部门整体支出绩效自评报告")
    r.add(f"评价年度：{year}")
    r.add(f"评价单位：{unit}")
    p = r.add(f"填报日期：{filing[0]}年{filing[1]}月{filing[2]}日")
    r.must_not.append(Item("year-mismatch", p, f"{filing[0]}年{filing[1]}月{filing[2]}日", "filing date"))

    code = place[0] + {"财政局": "财", "教育局": "教"}.get(dept, "财") + "绩"
    serial = rng.randint(1, 40)
    docnum = f"{code}〔{y1}〕{serial}号"
    if "docnum-format" in inject:
        docnum = f"{code}[{y1}]{serial}号"
    ann_year = y1 if "year-mismatch" in inject else year
    p = r.add(f"根据《关于开展{year}年度{SELF[level]}级财政资金绩效自评工作的通知》（{docnum}）要求，我单位及时布置自评，"
              f"成立自评工作小组，认真开展自评自查工作。现将{ann_year}年度{unit}整体支出绩效自评情况报告如下：")
    r.must_not.append(Item("year-mismatch", p, f"{year}年度{SELF[level]}级财政资金", "title of the notice"))
    if "docnum-format" in inject:
        r.expected.append(Item("docnum-format", p, docnum, "square brackets in a document number"))
    else:
        r.must_not.append(Item("docnum-format", p, docnum, "correct form"))
    if "year-mismatch" in inject:
        r.expected.append(Item("year-mismatch", p, f"{ann_year}年度{unit}", "announces the next year's evaluation"))

    # 一、单位基本情况
    r.add("一、单位基本情况")
    style = "（一）、" if "section-style" in inject else "（一）"
    p = r.add(f"{style}单位机构设置、部门职能情况。")
    if "section-style" in inject:
        r.expected.append(Item("section-style", p, "（一）、", "punctuation after a bracketed marker"))
    offices = rng.sample(OFFICES, rng.randint(3, 6))
    n_off = len(offices) + (rng.choice([-1, 1]) if "count-mismatch" in inject else 0)
    staff = [rng.randint(5, 30), rng.randint(2, 20), rng.randint(1, 5)]
    total_staff = sum(staff)
    verb = "截止" if "jiezhi" in inject else "截至"
    p = r.add(f"本单位内设{'、'.join(offices)}{n_off}个股室。{verb}{year}年12月31日，核定编制{total_staff}人，"
              f"其中行政编制{staff[0]}人、事业编制{staff[1]}人、工勤编制{staff[2]}人。")
    if "count-mismatch" in inject:
        r.expected.append(Item("count-mismatch", p, f"{n_off}个股室", f"{len(offices)} offices listed"))
    else:
        r.must_not.append(Item("count-mismatch", p, f"{n_off}个股室", "the count matches"))
    r.must_not.append(Item("sum-mismatch", p, f"核定编制{total_staff}人", "the staff parts add up"))
    if "jiezhi" in inject:
        r.expected.append(Item("jiezhi", p, "截止", "截至 + time point"))
    else:
        r.must_not.append(Item("jiezhi", p, "截至", "correct"))
    # a writer's inline suppression: left over after the text was corrected (unused), or still at work
    p = r.add("reportlint: ignore W501")
    if "unused-suppression" in inject:
        r.expected.append(Item("unused-suppression", p, "reportlint: ignore W501", "the next line says 截至"))
        r.add("截至目前已全部完成。")
    else:
        r.must_not.append(Item("unused-suppression", p, "reportlint: ignore W501", "it silences the 截止 below"))
        r.add("截止目前已全部完成。")
    # another county's name left in as the subject (copied text), or a neighbour named on purpose
    if level != "city":
        other = side.choice([c for c in PLACES["county"] if c != place])
        if "foreign-place" in inject:
            p = r.add(f"{other}境内河流属同一水系，水资源较为丰富。")
            r.expected.append(Item("foreign-place", p, f"{other}境内", "another county's hydrology left in"))
        else:
            p = r.add(f"我{SELF[level]}与相邻的{other}建立了联防联治机制。")
            r.must_not.append(Item("foreign-place", p, f"相邻的{other}", "a neighbour named on purpose"))

    p = r.add("（二）年度总体工作和重点工作任务。")
    works = rng.sample(WORKS, 3)
    enum = ["一是", "二是", "四是" if "enum-sequence" in inject else "三是"]
    scope_word = f"全{PEER[level]}" if "scope-word" in inject else f"全{s}"
    p = r.add(f"{enum[0]}{works[0]}；{enum[1]}{works[1]}，{scope_word}共开展专项检查{rng.randint(5, 60)}次；{enum[2]}{works[2]}。")
    if "enum-sequence" in inject:
        r.expected.append(Item("enum-sequence", p, "四是", "二是 followed by 四是"))
    else:
        r.must_not.append(Item("enum-sequence", p, "三是", "in order"))
    if "scope-word" in inject:
        r.expected.append(Item("scope-word", p, scope_word, f"a peer level's scope word in a {level} report"))
    else:
        r.must_not.append(Item("scope-word", p, scope_word, "the unit's own scope word"))

    r.add("（三）部门整体支出绩效目标")
    tasks = rng.randint(8, 40)
    done = tasks
    p = r.add(f"全年计划完成重点任务{tasks}项，全{PARENT[level]}考核排名第{int_to_cn(rng.randint(1, 9))}。")
    r.must_not.append(Item("scope-word", p, f"全{PARENT[level]}", "a parent level"))

    marker = "（三）" if "section-duplicate" in inject else "（四）"
    p = r.add(f"{marker}部门整体支出情况。")
    if "section-duplicate" in inject:
        r.expected.append(Item("section-duplicate", p, "（三）部门整体支出情况", "a second （三）"))
    general = _money(rng, 300, 5000)
    fund = _money(rng, 0, 600)
    total = round(general + fund, 2)
    budget = round(total + _money(rng, 0, 200), 2)
    stated_general = round(general + rng.choice([-1, 1]) * rng.randint(5, 50), 2) if "sum-mismatch" in inject else general
    term = "般公共预算" if "term-typo" in inject else "一般公共预算"
    p = r.add(f"{year}年财政拨款收入预算{budget:.2f}万元，决算{total:.2f}万元。其中{term}{stated_general:.2f}万元、"
              f"政府性基金预算{fund:.2f}万元。")
    if "sum-mismatch" in inject:
        r.expected.append(Item("sum-mismatch", p, f"决算{total:.2f}万元", "the budget categories do not add up"))
    else:
        r.must_not.append(Item("sum-mismatch", p, f"决算{total:.2f}万元", "the parts add up"))
    if "term-typo" in inject:
        r.expected.append(Item("term-typo", p, "般公共预算", "一 missing"))
    else:
        r.must_not.append(Item("term-typo", p, "一般公共预算", "correct"))
    rate = round(total / budget * 100, 2)
    stated_rate = round(rate + rng.choice([-1, 1]) * rng.uniform(1.5, 4), 2) if "rate-mismatch" in inject else rate
    p = r.add(f"全年预算{budget:.2f}万元，决算{total:.2f}万元，预算执行率{stated_rate:.2f}%。")
    if "rate-mismatch" in inject:
        r.expected.append(Item("rate-mismatch", p, f"{stated_rate:.2f}%", f"the operands give {rate:.2f}%"))
    else:
        r.must_not.append(Item("rate-mismatch", p, f"{stated_rate:.2f}%", "consistent with the operands"))
    # a 决算 table's 科目 rows (own random stream: every other draw stays as it was); the 款 row may
    # carry the name of another 款 of its 类
    tab = random.Random(hash(rng.getstate()[1]) + 7)  # the state's ints only: the same stream in every process
    lei, lei_name, kuan, kuan_name, wrong = tab.choice(SUBJECTS)
    amount = _money(tab, 10, 900)
    wrong_name = tab.random() < p_defect
    r.add("一般公共预算财政拨款支出决算表（单位：万元）")
    r.add("科目编码 | 科目名称 | 决算数")
    r.add(f"{lei} | {lei_name} | {amount:.2f}")
    p = r.add(f"{kuan} | {wrong if wrong_name else kuan_name} | {amount:.2f}")
    if wrong_name:
        r.expected.append(Item("subject-code", p, wrong, f"{kuan} is {kuan_name}"))
    else:
        r.must_not.append(Item("subject-code", p, kuan_name, "the listed name of the code"))

    # 二、自评工作开展情况
    r.add("二、自评工作开展情况")
    r.add("（一）评价小组情况。")
    r.add(f"{STOCK}本单位成立以主要负责人为组长的绩效评价工作小组。")
    r.add("（二）自评工作过程。")
    law = "《采购法》" if "law-name" in inject else "《政府采购法》"
    p = r.add(f"工作小组依据{law}和预算管理有关规定，对照绩效指标逐项核实数据、查阅资料并打分。")
    if "law-name" in inject:
        r.expected.append(Item("law-name", p, "《采购法》", "no law has this name"))
    else:
        r.must_not.append(Item("law-name", p, "《政府采购法》", "an accepted short form"))
    if "date-invalid" in inject:
        p = r.add(f"工作小组于{year}年2月30日完成资料收集。")
        r.expected.append(Item("date-invalid", p, f"{year}年2月30日", "no 30 February"))
    r.add("（三）自评材料报送及公开一致情况。")
    if "template-left" in inject:
        p = r.add("本单位所报送的自评报告、数据表、评分表是否与公开的自评报告、数据表、评分表一致。")
        r.expected.append(Item("template-left", p, "是否与公开的", "the template's question left unanswered"))
    else:
        p = r.add("本单位所报送的自评报告、数据表、评分表与公开的版本一致。")

    # 三、绩效自评情况
    r.add("三、绩效自评情况")
    r.add("（一）自评结果。")
    subs = [rng.randint(38, 50), rng.randint(22, 30), rng.randint(6, 10), rng.randint(6, 10)]
    score = sum(subs)
    stated_total = score + rng.choice([-2, -1, 1, 2]) if "score-subtotal" in inject else score
    grade = _grade(score)
    if "score-grade" in inject:
        grade = {"优": "良", "良": rng.choice(["优", "中"]), "中": "良", "差": "中"}[grade]
    gword = _grade_word(grade, rng)
    p = r.add(f"产出指标得分{subs[0]}分、效益指标得分{subs[1]}分、满意度指标得分{subs[2]}分、预算执行率得分{subs[3]}分，"
              f"总分{stated_total}分。")
    if "score-subtotal" in inject:
        r.expected.append(Item("score-subtotal", p, f"总分{stated_total}分", f"the parts add up to {score}"))
    else:
        r.must_not.append(Item("score-subtotal", p, f"总分{stated_total}分", "the parts add up"))
    p = r.add(f"自评得分{score}分，评价等级为{gword}。")
    if "score-grade" in inject:
        r.expected.append(Item("score-grade", p, f"自评得分{score}分", f"{score} is {_grade(score)}"))
    else:
        r.must_not.append(Item("score-grade", p, f"自评得分{score}分", "the grade fits the band"))
    # the children of 三、 are numbered in turn; an injected gap skips （二） and shifts the rest
    third = iter([1, 3, 4, 5, 6] if "section-gap" in inject else [1, 2, 3, 4, 5])
    next(third)
    p = r.add(f"（{int_to_cn(next(third))}）部门整体支出绩效指标分析。")
    if "section-gap" in inject:
        r.expected.append(Item("section-gap", p, "（三）部门整体支出绩效指标分析", "（二） missing"))
    nums = [1, 2, 4, 3, 5] if "section-order" in inject else [1, 2, 3, 4, 5]
    trained = rng.randint(100, 900)
    p = r.add(f"{nums[0]}.预算编制。预算编制符合部门职责和年度工作计划，项目支出预算细化到具体用款单位。"
              f"全年组织业务培训{trained}人次。")
    value_p, value_q = p, f"培训{trained}人次"
    r.add(f"{nums[1]}.预算执行。全年完成重点任务{done}项，重点任务完成率100%，资金拨付及时。")
    info = ("本部门严格按照政府信息公开有关规定公开相关预决算信息，用以反映部门预决算的公开透明和公开合规性情况，"
            "本着公开及时、内容完整、形式规范的原则，已在部门网站公开年度部门预决算及相关说明。")
    p3 = r.add(f"{nums[2]}.信息公开。{info}")
    if "boilerplate-internal" in inject:
        copy = info.replace("预决算信息", "绩效信息").replace("部门预决算的", "部门绩效管理的").replace("年度部门预决算及相关说明", "年度绩效评价结果")
        p = r.add(f"{nums[3]}.绩效管理。{copy}")
        r.expected.append(Item("boilerplate-internal", p, f"{nums[3]}.绩效管理。", "信息公开 copied with words swapped"))
    else:
        p = r.add(f"{nums[3]}.绩效管理。本部门对{rng.randint(5, 30)}个项目开展绩效运行监控，对偏离目标的项目及时纠偏，"
                  f"评价结果作为下一年度预算安排的重要依据。")
        r.must_not.append(Item("boilerplate-internal", p, f"{nums[3]}.绩效管理。", "original text"))
    if "section-order" in inject:
        r.expected.append(Item("section-order", p, f"{nums[3]}.绩效管理", "3. after 4."))
    r.must_not.append(Item("section-duplicate", p3, f"{nums[2]}.信息公开", "numbering in order"))
    dist = distinctive(rng, rng.choice(TOPICS), year)
    p = r.add(f"{nums[4]}.资产管理。{dist}")
    r.distinct.append(p)
    tail = []
    if "punct-halfwidth" in inject:
        tail.append(("punct-halfwidth", "资产账实相符,管理规范。", "账实相符,管理", "half-width comma"))
    if "punct-pair" in inject:
        tail.append(("punct-pair", "详见《资产清查报告。", "《资产清查报告", "unclosed 《"))
    if "value-conflict" in inject:
        other = trained + rng.randint(10, 90)
        tail.append(("value-conflict", f"全年组织业务培训{other}人次。", f"培训{other}人次", f"stated as {trained} before"))
    if "relative-time" in inject:
        tail.append(("relative-time", "今年资产管理工作成效明显。", "今年", "which year?"))
    if "stale-forecast" in inject:
        tail.append(("stale-forecast", "固定资产清查工作预计年底前全部完成。", "预计年底前全部完成", "a forecast filed after the year"))
    if "stale-term" in inject:
        tail.append(("stale-term", "全面落实“十三五”规划各项任务。", "“十三五”", "the 13th Five-Year Plan (2016-2020) as current"))
    if tail:
        p = r.add("".join(t[1] for t in tail))
        for rule, _, quote, why in tail:
            r.expected.append(Item(rule, p, quote, why))
    if "stale-term" not in inject:
        p = r.add("“十三五”期间累计完成资产清查3次。")
        r.must_not.append(Item("stale-term", p, "“十三五”期间", "history, not the current plan"))
    if "value-conflict" not in inject:
        r.must_not.append(Item("value-conflict", value_p, value_q, "stated once"))
    r.add(f"（{int_to_cn(next(third))}）主要做法和经验")
    r.add("一是强化预算约束；二是加强绩效监控；三是推进信息公开。")
    if "outline-missing" not in inject:
        r.add(f"（{int_to_cn(next(third))}）存在问题")
        r.add("部分项目绩效目标设置不够细化，个别指标难以量化。")
    r.add(f"（{int_to_cn(next(third))}）改进措施")
    if "outline-missing" in inject:
        r.expected.append(Item("outline-missing", _find(r, "三、绩效自评情况"), "三、绩效自评情况", "no 存在问题 section"))
    p = r.add(f"下一步，力争{y1}年底前完成绩效指标库建设，预计{y1}年项目资金执行率达到95%以上。")
    r.must_not.append(Item("stale-forecast", p, f"力争{y1}年底前", "a plan for the next year"))
    r.must_not.append(Item("year-mismatch", p, f"{y1}年底前", "a plan for the next year"))
    r.add("四、其他自评情况")
    r.add("无。")
    return r


def _find(r: Report, text: str) -> int:
    return next(i for i, p in enumerate(r.paragraphs) if p.startswith(text))


def copy_between(reports: list[Report], rng: random.Random, share: float) -> list[list[tuple[str, int]]]:
    """Some reports take a distinctive paragraph from another unit's report; returns the clusters."""
    clusters: list[list[tuple[str, int]]] = []
    n = max(1, int(len(reports) * share)) if len(reports) >= 2 else 0
    for k in range(n):
        src = rng.choice(reports)
        # the copier must not be part of a cluster yet: replacing its paragraph would break that cluster
        peers = [x for x in reports if x.year == src.year and x.unit != src.unit and x.distinct and not x.copied
                 and x is not src]
        if not src.distinct or not peers:
            continue  # copies are taken within one year's reports, as a batch scan sees them
        dst = rng.choice(peers)
        sp, dp = src.distinct[0], dst.distinct[0]
        body = src.paragraphs[sp].split("。", 1)[1] if "。" in src.paragraphs[sp] else src.paragraphs[sp]
        head = dst.paragraphs[dp].split("。", 1)[0]
        dst.paragraphs[dp] = f"{head}。{body}"
        cid = f"c{k:03d}"
        existing = next((c for c in clusters if (src.name, sp) in c), None)
        if existing is not None:
            existing.append((dst.name, dp))
        else:
            clusters.append([(src.name, sp), (dst.name, dp)])
        src.copied.append((sp, cid))
        dst.copied.append((dp, cid))
        dst.distinct = []  # its paragraph is now a copy
    return clusters


def render(r: Report, wrap: int | None, rng: random.Random) -> tuple[str, list[list[tuple[int, int]]]]:
    """The report text, and for each paragraph the (line, column) of each character."""
    out: list[str] = []
    where: list[list[tuple[int, int]]] = []
    if not wrap:
        for text in r.paragraphs:
            out.append(text)
            where.append([(len(out), c + 1) for c in range(len(text))])
        return "\n".join(out) + "\n", where
    page_lines = 0
    page = 1
    for text in r.paragraphs:
        pos: list[tuple[int, int]] = []
        line = ""
        for ch in text:
            if display_width(line + ch) > wrap:
                out.append(line)
                out.append("")
                page_lines += 1
                line = ""
                if page_lines >= 22 and rng.random() < 0.5:
                    page += 1
                    out += ["", str(page), ""]
                    page_lines = 0
            pos.append((len(out) + 1, len(line) + 1))
            line += ch
        out.append(line)
        out.append("")
        page_lines += 1
        where.append(pos)
    return "\n".join(out) + "\n", where


def gold_for(r: Report, text: str, where: list[list[tuple[int, int]]], path: str) -> dict:
    lines = text.split("\n")

    def item(it: Item) -> dict | None:
        ptext = r.paragraphs[it.para]
        k = -1
        for _ in range(it.nth):
            k = ptext.find(it.quote, k + 1)
        if k < 0:
            return None
        line, col = where[it.para][k]
        text_line = lines[line - 1]
        start, end = col - 1, col - 1 + len(it.quote)
        # a quote cut by a wrap may occur earlier on its line: widen it leftwards until it is the first
        while text_line.find(text_line[start:end]) != start and start > 0:
            start -= 1
        return {"rule": it.rule, "line": line, "quote": text_line[start:end], "why": it.why}

    expected = [x for x in map(item, r.expected) if x]
    must_not = [x for x in map(item, r.must_not) if x]
    for p, cid in r.copied:
        line, col = where[p][0]
        expected.append({"rule": "boilerplate-cross", "line": line, "quote": lines[line - 1][col - 1:col + 5],
                         "why": f"copy cluster {cid}", "cluster": cid})
    # page numbers of a wrapped rendering are PDF leftovers
    for i, ln in enumerate(lines, 1):
        if ln.isdigit() and i > 2 and not lines[i - 2] and i < len(lines) and not lines[i]:
            expected.append({"rule": "pdf-artifact", "line": i, "quote": ln, "why": "page number between lines"})
    return {"document": path, "about": f"generated report {r.name} ({r.unit}, {r.year})",
            "context": {"evaluation_year": r.year, "unit_level": r.level}, "expected": expected, "must_not": must_not}


def generate(out: Path, n: int, seed: int = 1, p_defect: float = 0.2, wrap_share: float = 0.3,
             copy_share: float = 0.1) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    reports = [build_report(rng, i + 1, p_defect) for i in range(n)]
    clusters = copy_between(reports, rng, copy_share)
    manifest = {"seed": seed, "count": n, "p_defect": p_defect, "reports": [], "clusters": []}
    positions: dict[tuple[str, int], tuple[str, int]] = {}
    for r in reports:
        wrap = 28 if rng.random() < wrap_share else None
        text, where = render(r, wrap, rng)
        name = f"{r.name}.txt"
        (out / name).write_text(text, encoding="utf-8")
        gold = gold_for(r, text, where, name)
        (out / f"{r.name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        manifest["reports"].append({"file": name, "unit": r.unit, "level": r.level, "year": r.year,
                                    "wrapped": bool(wrap), "defects": sorted({e["rule"] for e in gold["expected"]})})
        for p in range(len(r.paragraphs)):
            positions[(r.name, p)] = (name, where[p][0][0] if where[p] else 0)
    for c in clusters:
        manifest["clusters"].append([{"file": positions[m][0], "line": positions[m][1]} for m in c])
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest
