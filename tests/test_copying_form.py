"""boilerplate-internal and pdf-artifact."""

from conftest import lint

A = ("本部门在被评价年度严格按照政府信息公开有关规定公开相关预决算信息，用以反映部门预决算的公开透明和公开合规性情况。"
     "我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则，已进行年度部门预决算公开。")
B = ("本部门在被评价年度严格按照政府信息公开有关规定公开相关绩效信息，用以反映部门绩效管理的公开透明和公开合规性情况。"
     "我局属于非涉密部门，本着公开及时、内容完整、形式规范的原则，已进行年度绩效评价公开。")
C = ("本单位建立了绩效目标、运行监控、绩效评价和结果应用的全过程管理机制，对12个项目开展了绩效运行监控，"
     "监控覆盖率100%，评价结果已报送财政部门并在部门网站公开。")


def found(text, rule, **cfg):
    return [(f.line, f.message) for f in lint(text, **cfg) if f.rule == rule]


def test_boilerplate_internal_reports_the_later_copy_and_its_twin():
    got = found(f"3.信息公开。{A}\n4.绩效管理。{B}\n", "boilerplate-internal")
    assert len(got) == 1 and got[0][0] == 2
    assert "第1行" in got[0][1] and "3.信息公开" in got[0][1]


def test_boilerplate_internal_silent_on_different_paragraphs_and_headings():
    assert found(f"3.信息公开。{A}\n4.绩效管理。{C}\n", "boilerplate-internal") == []
    assert found("（一）自评结果。\n（一）自评结果。\n", "boilerplate-internal") == []
    assert found("无。\n无。\n", "boilerplate-internal") == []


def test_boilerplate_threshold_is_configurable():
    text = f"3.信息公开。{A}\n4.绩效管理。{B}\n"
    assert found(text, "boilerplate-internal", thresholds={"boilerplate_similarity": 99.0}) == []


def test_boilerplate_long_sentence_copied_into_another_paragraph():
    s = "我局属于非涉密部门，在预决算上，本着公开及时、内容完整、形式规范的原则，我局已进行年度部门预决算公开。"
    text = f"一、信息公开\n根据规定开展了公开工作，共公开文件12份。{s}\n二、绩效管理\n绩效管理制度健全。{s}\n"
    assert [g[0] for g in found(text, "boilerplate-internal")] == [4]


PROSE = ["本局设办公室、民政科、卫生科、人口与计生科、人口统计科、武装科、文",
         "体科7个行政科室，负责辖区内人口和社会事务的综合管理和协调工作，并",
         "承担上级交办的其他各项工作任务，具体职责详见以下各条，现分述如下："]


def test_pdf_artifact_lone_page_number_between_paragraph_lines():
    text = "\n\n".join([*PROSE[:2], "12", *PROSE[2:], *PROSE]) + "\n"
    got = found(text, "pdf-artifact")
    assert [g[0] for g in got] == [5]
    assert "12" in got[0][1]


def test_pdf_artifact_dash_page_number_and_running_header():
    header = "湛江市某某局2024年度部门整体支出绩效自评报告"
    body = []
    for i in range(3):
        body += [*PROSE, f"— {i + 1} —", header]
    text = "\n".join(body) + "\n" + "\n".join(PROSE) + "\n"
    got = found(text, "pdf-artifact")
    assert len([g for g in got if "页码" in g[1]]) == 3
    assert len([g for g in got if "页眉" in g[1]]) == 3


def test_pdf_artifact_silent_on_numbers_in_sentences_lists_and_tables():
    table = "项目\n预算数\n决算数\n办公费\n12\n13\n差旅费\n8\n9\n"
    assert found(table, "pdf-artifact") == []
    assert found("全区托育服务机构共计28家。\n可提供托位数2115个。\n", "pdf-artifact") == []
