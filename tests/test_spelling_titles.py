"""Cited central titles one word off, wrapper titles without 的通知 (spelling/titles.py), industry names
cut before their figures (spelling/catalogues.py): exact findings on real shapes, and the data."""

from __future__ import annotations

import re

from reportlint.lexicon import load_yaml
from reportlint.spelling.catalogues import _index, catalogue_cuts, catalogue_names
from reportlint.spelling.titles import one_word_edit, title_typos

# holdout3 750, line 10 (cut): the central title with 全面落实, the provincial 实施意见 beside it
H750 = ("贯彻落实《中共中央国务院关于全面落实预算绩效管理的意见》(中发〔2018〕34号)、《中华人民共和国预算法实施条例》"
        "《财政部关于印发<项目支出绩效评价管理办法>的通知》(财预〔2020〕10号)、《中共湖南省委办公厅湖南省人民政府办公厅"
        "关于全面实施预算绩效管理的实施意见》(湘办发〔2019〕10号)等文件精神")
# holdout3 755, line 9 (cut)
H755 = "成功推动18家企业升规达限、入库纳统(涵盖商贸业9家、建筑业5家、房地产业1家、科技服1家、租赁和商务服2家),持续优化产业结构。"


def test_central_title_near_synonym_with_its_number():
    found = title_typos(H750)
    assert [(H750[s:e], fix) for s, e, fix, *_ in found] == [
        ("《中共中央国务院关于全面落实预算绩效管理的意见》", "《中共中央国务院关于全面实施预算绩效管理的意见》")]
    assert found[0][3] == "policy"
    assert "中发〔2018〕34号" in found[0][5] and "“全面落实”应为“全面实施”" in found[0][5]


def test_one_word_edit_kinds():
    # replaced, dropped, added; two words apart is no one-word edit
    assert one_word_edit("关于全面落实预算绩效管理的意见", "关于全面实施预算绩效管理的意见") == (2, 6, "全面落实", "全面实施", False)
    assert one_word_edit("中华人民共和国政府信息公开年度报告格式", "中华人民共和国政府信息公开工作年度报告格式")[2:4] == ("", "工作")
    assert one_word_edit("关于全面实施预算绩效管理的实施意见", "关于全面实施预算绩效管理的意见")[2:4] == ("实施", "")
    assert one_word_edit("关于推进数字政府建设的实施意见", "关于加强数字政府建设的指导意见") is None
    assert one_word_edit("关于全面实施预算绩效管理的意见", "关于全面实施预算绩效管理的意见") is None


def test_local_and_exact_titles_stay_silent():
    for text in ("根据《关于全面实施预算绩效管理的实施意见》要求",
                 "根据县委《关于全面落实预算绩效管理的意见》要求",
                 "根据《中共中央、国务院关于全面实施预算绩效管理的意见》(中发[2018]34号)",
                 "根据《国务院关于推进数字政府建设的指导意见》要求",
                 "根据《项目支出绩效考核管理办法》(某财预〔2021〕3号)",
                 "根据《法治政府建设实施纲要(2021-2025年)》要求"):
        assert title_typos(text) == [], text


def test_wrapper_title_lost_its_notice():
    text = "严格落实《财政部 应急部 国家林草局关于印发〈中央补助地方森林草原航空消防租机经费管理暂行规定〉》(财资环〔2021〕90号)"
    found = title_typos(text)
    assert [text[s:e] for s, e, *_ in found] == [text[4:text.index("》") + 1]]
    assert found[0][2].endswith("暂行规定〉的通知》")
    assert title_typos(text.replace("〉》", "〉的通知》")) == []


def test_industry_names_cut_before_their_figures():
    found = catalogue_cuts(H755)
    assert [(H755[s:e], fix) for s, e, fix, *_ in found] == [("科技服", "科技服务业"), ("租赁和商务服", "租赁和商务服务业")]
    assert {x[3] for x in found} == {"truncated"}
    whole = H755.replace("科技服1", "科技服务业1").replace("商务服2", "商务服务业2")
    assert catalogue_cuts(whole) == []
    # no list of industries around it
    assert catalogue_cuts("本月走访企业(科技服1家),了解经营情况。") == []
    # only the class word 业 lost: whole words
    assert catalogue_cuts("新增入库企业:批发和零售3家、建筑5家、房地产2家、住宿和餐饮1家。") == []


def test_catalogue_data():
    names = catalogue_names()
    assert len(names) == len(set(names))
    sections = load_yaml("catalogues.yaml")["industries"]["sections"]
    assert len(sections) == 20  # GB/T 4754-2017 门类 A–T
    from reportlint.nlp import word_freq

    freq = word_freq()
    ix = _index()
    for key, (name, full) in zip(ix.keys, ix.values, strict=True):
        if not full:
            assert name.startswith(key) and key not in names and not freq.get(key, 0), key


def test_policy_numbers_well_formed():
    number = re.compile(r"^[\u4e00-\u9fff]{2,7}〔(19|20)[0-9]{2}〕[0-9]{1,4}号$|令第[0-9]+号$|^[\u4e00-\u9fff 0-9年月]+$")
    for d in load_yaml("policies.yaml")["documents"]:
        assert number.search(d["number"]), d


def test_wrapper_title_lost_its_notice_without_inner_brackets():
    text = "根据《关于印发四川省预决算公开操作规程（2022年修订）》(川财预〔2022〕12号)要求"
    assert [fix for *_, fix, _k, _n, _w in title_typos(text)] == ["《关于印发四川省预决算公开操作规程（2022年修订）的通知》"]
    # 转发 … 的报告 (corpora/real) and every 的通知 title stay silent
    assert title_typos("《关于转发最高人民法院“一号司法建议”、“二号司法建议”的报告》") == []
    assert title_typos("《关于印发〈X管理办法〉的补充通知》《关于转发〈Y办法〉的复函》") == []
