"""Whose date a labelled date field is (datefields.py, REVIEW5 item 3): the context's filing date skips a cited
notice's bracketed 印发日期 and an attached form's 填报日期, and keeps the report's own header field."""

from __future__ import annotations

import datetime as dt

from reportlint.config import Config
from reportlint.engine import lint_text


def _filing(text: str) -> dt.date | None:
    cfg = Config()
    cfg.select = {"year-mismatch"}
    ctx = lint_text(text, cfg).doc.context
    return ctx.filing_date if ctx else None


def test_attached_form_date_is_not_the_reports():
    text = ("三墩县教育局2023年度部门整体支出绩效自评报告\n一、部门概况\n2023年度部门预算100万元。\n"
            "附件：2023年度部门整体支出绩效目标申报表\n填报日期：2022年11月20日\n")
    assert _filing(text) is None


def test_cited_notice_date_skipped_own_header_kept():
    text = ("三墩县教育局2023年度项目支出绩效自评报告\n填报日期：2024年3月15日\n一、项目概况\n"
            "本项目依据《三墩县教育局关于下达2023年项目资金的通知》（印发日期：2022年12月25日）实施。\n")
    assert _filing(text) == dt.date(2024, 3, 15)
    body_first = ("三墩县教育局2023年度项目支出绩效自评报告\n一、项目概况\n"
                  "本项目依据《三墩县教育局关于下达2023年项目资金的通知》（填报日期：2022年12月25日）实施。\n")
    assert _filing(body_first) is None
