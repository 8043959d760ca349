"""boilerplate-internal quotes the copied passage, not the twin's section heading (REVIEW5 item 11: the stored
2010 政府工作报告 repeats the end of one paragraph as the next; the message named the section's heading)."""

from __future__ import annotations

from pathlib import Path

from reportlint.config import Config
from reportlint.engine import lint_text

CLEAN_2010 = Path(__file__).resolve().parents[1] / "corpora" / "clean" / "2010.txt"


def _c301(text: str) -> list[str]:
    cfg = Config()
    cfg.select = {"boilerplate-internal"}
    return [f.message for f in lint_text(text, cfg).findings if f.rule == "boilerplate-internal"]


def test_quotes_the_copied_end_of_a_longer_paragraph():
    end = "四是加强风险管理，提高金融监管有效性。探索建立宏观审慎管理制度，强化对跨境资本流动的有效监控，防范系统性风险。"
    text = ("（一）提高宏观调控水平，保持经济平稳较快发展\n"
            "三是积极扩大直接融资。完善多层次资本市场。" + end + "\n"
            + end + "\n")
    msgs = _c301(text)
    assert len(msgs) == 1
    assert "「四是加强风险管理，提高金融监管有效性。探索建立宏…」" in msgs[0]
    assert "提高宏观调控水平" not in msgs[0]


def test_clean_2010_duplicate_quotes_the_passage():
    msgs = _c301(CLEAN_2010.read_text(encoding="utf-8"))
    assert msgs and all("提高宏观调控水平" not in m for m in msgs)
    assert any("「四是加强风险管理" in m for m in msgs)
