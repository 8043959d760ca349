"""section-duplicate / section-gap / section-order / section-style on short texts."""

from conftest import lint


def found(text, rule):
    return [(f.line, f.message) for f in lint(text) if f.rule == rule]


def lines(f_list):
    return [line for line, _ in f_list]


def test_duplicate_fires_on_second_of_two_siblings():
    text = "一、基本情况\n（一）机构\n（二）任务\n（三）目标\n（三）支出情况\n二、自评\n"
    got = found(text, "section-duplicate")
    assert lines(got) == [5]
    assert "应为（四）" in got[0][1]


def test_duplicate_silent_when_numbering_restarts_under_new_parent():
    text = "一、基本情况\n（一）机构\n（二）任务\n二、自评\n（一）结果\n（二）分析\n三、其他\n（一）无\n"
    assert found(text, "section-duplicate") == []
    assert found(text, "section-gap") == []


def test_duplicate_in_third_level():
    text = "一、概况\n（一）职责\n1.主要职责\n2.机构设置\n2.人员情况\n"
    assert lines(found(text, "section-duplicate")) == [5]


def test_gap_names_the_missing_number():
    text = "一、概况\n二、自评\n三、绩效自评情况\n（一）自评结果\n（三）指标分析\n（四）存在问题\n"
    got = found(text, "section-gap")
    assert lines(got) == [5]
    assert "缺少（二）" in got[0][1]


def test_gap_at_top_level_and_first_child():
    text = "一、概况\n二、自评\n四、其他\n"
    assert lines(found(text, "section-gap")) == [3]
    text = "一、概况\n（二）机构\n（三）人员\n"
    got = found(text, "section-gap")
    assert lines(got) == [2] and "缺少（一）" in got[0][1]


def test_gap_silent_when_text_says_list_continues():
    text = "一、概况\n以下续前表（三）起：\n（三）机构\n（四）人员\n"
    assert found(text, "section-gap") == []


def test_order_backwards_not_duplicate():
    text = "一、概况\n（一）职责\n（三）机构\n（二）人员\n"
    assert lines(found(text, "section-order")) == [4]
    assert found(text, "section-duplicate") == []


def test_order_silent_on_sequence():
    assert found("一、概况\n（一）职责\n（二）机构\n（三）人员\n", "section-order") == []


def test_style_wrong_punctuation_after_markers():
    text = "一.概况\n（一）、机构\n1，职责说明\n（1）、内容\n"
    got = found(text, "section-style")
    assert lines(got) == [1, 2, 3, 4]


def test_style_mixed_forms_in_one_level():
    text = "一、概况\n（一）机构\n1.职责\n2.机构\n3、人员\n"
    got = found(text, "section-style")
    assert lines(got) == [5]
    assert "1." in got[0][1] or "多写作" in got[0][1]


def test_style_mixed_half_and_full_parens():
    text = "一、概况\n（1）职责\n（2）机构\n(3)人员\n"
    assert lines(found(text, "section-style")) == [4]


def test_style_silent_on_consistent_dunhao_and_level_skip_and_parts():
    assert found("一、概况\n1、职责\n2、机构\n二、自评\n1、结果\n", "section-style") == []
    assert found("第一部分 部门概况\n一、主要职责\n（一）机构\n", "section-style") == []


def test_style_inversion_higher_rank_under_lower():
    text = "1.单位基本情况\n（一）单位机构设置\n（二）人员情况\n2.自评情况\n"
    got = found(text, "section-style")
    assert lines(got) == [2, 3]
    assert "层级倒置" in got[0][1]


def test_amount_is_not_a_heading():
    text = "一、概况\n1.职责\n1.5万元用于购置设备。\n2.机构设置\n"
    assert found(text, "section-gap") == []
    assert found(text, "section-duplicate") == []
