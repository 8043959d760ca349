"""The report's own date fields, read once by the context (``Context.date_fields``) and given roles by
``years.classify_years`` (shapes of real 304/419/452/520/728 and wild W088)."""

from __future__ import annotations

from reportlint.engine import lint_text
from reportlint.years import classify_years


def _roles(text: str) -> list[tuple[str, str]]:
    res = lint_text(text)
    doc = res.doc
    return [(doc.text[y.start:y.start + 4], y.role) for y in classify_years(doc) if y.role in ("filing", "dated")]


def test_every_own_field_of_a_page_header() -> None:
    # real 419: a metadata table, the field names in [] and the cells split by |
    head = "| [成文日期] | 2025-09-12 |\n| [发布日期] | 2025-09-12 |\n丰都县某某局2024年度部门决算公开\n一、部门概况\n"
    res = lint_text(head)
    assert res.context.filing_date.isoformat() == "2025-09-12"
    assert len(res.context.date_fields) == 2
    assert _roles(head) == [("2025", "filing"), ("2025", "dated")]


def test_field_before_a_bullet_line_and_run_into_the_title() -> None:
    # real 452: the next line opens with a bullet '-' (no period); wild W088: the date run into 2022年度
    assert _roles("-文号:\n-发布日期: 2025-04-29\n-时效性:\n某某局2024年度部门决算\n") == [("2025", "filing")]
    assert _roles("啊喇乡2022年部门决算公开\n来源:啊喇乡发布时间:2023-11-212022年度\n") == [("2023", "filing")]


def test_not_own_fields() -> None:
    # a period, a date opening a sentence, a cited notice's bracketed date, a linked page's date
    text = ("某某局2024年度部门整体支出绩效自评报告\n报告时间:2024年1月1日至12月31日\n"
            "公开时间：2023年6月1日起，本单位执行新办法。\n"
            "依据《关于下达2024年项目资金的通知》（印发日期：2023年12月25日）执行。\n"
            "上一篇：关于某事的通知 发布时间：2024-12-20\n")
    res = lint_text(text)
    assert res.context.date_fields == []
    assert _roles(text) == []
