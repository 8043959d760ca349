"""keyindex.KeyIndex: every occurrence of every key, overlapping ones included, as a plain search finds them."""

from __future__ import annotations

import pickle
from pathlib import Path

from reportlint.keyindex import KeyIndex

SAMPLE = Path(__file__).resolve().parents[1] / "corpora" / "sample" / "000_645b6df18162c422.txt"


def _every(text: str, keys: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for k in keys:
        i = text.find(k)
        while i >= 0:
            out.append((i, i + len(k), k))
            i = text.find(k, i + 1)
    return sorted(out)


def test_finds_what_a_plain_search_finds_on_a_report():
    text = SAMPLE.read_text(encoding="utf-8")
    # keys inside other keys (预算 in 预算执行率), keys that overlap (绩效目标 / 目标管理) and keys absent
    keys = ["预算", "预算执行", "预算执行率", "绩效", "绩效目标", "目标管理", "部门整体支出", "资金", "项目支出",
            "2023年", "万元", "不在文中的名称"]
    index = KeyIndex((k, k) for k in keys)
    assert sorted(index.find(text)) == _every(text, keys)
    assert len(index.find(text)) > 100


def test_overlapping_and_nested_keys_in_a_short_text():
    index = KeyIndex([("一般公共预算", "whole"), ("公共预算", "part"), ("预算财政", "across")])
    assert sorted(index.find("一般公共预算财政拨款")) == [(0, 6, "whole"), (2, 6, "part"), (4, 8, "across")]


def test_pickles_to_the_same_index():
    index = KeyIndex([("政府信息公开", ("exact", 1)), ("信息公开", ("half", 2))])
    again = pickle.loads(pickle.dumps(index))
    text = "本机关政府信息公开工作年度报告"
    assert again.find(text) == index.find(text) == [(3, 9, ("exact", 1)), (5, 9, ("half", 2))]


def test_empty_index_and_empty_text():
    assert KeyIndex([]).find("预算") == []
    assert pickle.loads(pickle.dumps(KeyIndex([]))).find("预算") == []
    assert KeyIndex([("预算", 1)]).find("") == []
