"""Changes stated as amounts against their two figures (claims/differences.py), on real report text."""

from decimal import Decimal
from pathlib import Path

from reportlint.claims.differences import item_of
from reportlint.claims.relations import relations_of
from reportlint.document.build import build_document
from reportlint.engine import lint_text
from reportlint.findings import Severity
from reportlint.source import load_source

WILD = Path(__file__).resolve().parent.parent / "corpora" / "wild"


def _diffs(path: Path) -> list[tuple]:
    doc = build_document(load_source(path))
    return [(x.item, x.years, x.current.raw, x.base.raw, x.delta.raw, x.decrease, x.distant, x.holds_exactly())
            for x in relations_of(doc).differences]


def test_w175_figures_found_elsewhere():
    # 2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年…
    # the third change opens a new sentence without a year: its current period is not stated, not judged
    assert _diffs(WILD / "W175.txt") == [
        ("三公", (2022, 2021), "21.8万元", "20.12万元", "1.68万元", False, True, True),
        ("公务接待", (2022, 2021), "11.8万元", "12.39万元", "0.58万元", True, True, False),
    ]


def test_w013_base_in_the_sentence():
    got = _diffs(WILD / "W013.txt")
    assert [(g[2], g[3], g[4], g[7]) for g in got] == [
        ("431万元", "433万元", "2万元", True), ("251万元", "285万元", "34万元", True), ("124万元", "148万元", "24万元", True)]
    assert not any(g[6] for g in got)


def test_item_names_normalised():
    assert item_of("其中公务接待费") == item_of("公务接待") == "公务接待"
    assert item_of("2021年度“三公”经费合计支出") == item_of("2022年度“三公”经费预算") == "三公"
    assert item_of("公务用车运行费用") == "公务用车运行"


def test_w175_note_names_both_figures():
    text = (WILD / "W175.txt").read_text(encoding="utf-8")
    got = [f for f in lint_text(text).findings if f.rule == "sum-mismatch"]
    assert [f.severity for f in got] == [Severity.INFO]
    assert got[0].message.startswith("增减额与前后两数不符：公务接待2022年11.8万元，2021年12.39万元，相差0.59万元（减少），"
                                      "报告写的是减少0.58万元")
    assert got[0].suggestion == "0.59万元"
    assert Decimal("12.39") - Decimal("11.8") == Decimal("0.59")
