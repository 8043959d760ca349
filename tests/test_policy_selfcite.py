"""Every title listed in lexicons/policies.yaml, cited word for word, is silent under term-typo: with the
space between joint issuers as listed, without it (the loader drops a space between Han characters), with
、 between issuers, in 《》 and in the 关于 form without issuer (REVIEW5 item 1: 中办发〔2016〕8号 cited
verbatim was an error whose suggestion equalled the text)."""

from __future__ import annotations

import re

import pytest

from reportlint.config import Config
from reportlint.engine import lint_text
from reportlint.lexicon import load_yaml

_TITLES = [d["title"] for d in load_yaml("policies.yaml")["documents"]]


def _forms(title: str) -> list[str]:
    """The ways a report writes a listed title word for word."""
    issuers = re.split(r"\s+", title.split("关于")[0]) if "关于" in title[1:] else []
    forms = {title, re.sub(r"\s+", "", title)}
    if len(issuers) > 1:
        forms.add("、".join(issuers) + title[title.index("关于"):])
    if "关于" in title[1:]:
        forms.add(title[title.index("关于"):])  # the 关于 form, issuer left out
    for f in list(forms):
        for inner in re.findall(r"〈([^〈〉]+)〉", f):
            forms.add(inner)  # the title a wrapper notice forwards, cited on its own
    return sorted(forms)


def _term_typos(text: str) -> list[str]:
    cfg = Config()
    cfg.select = {"term-typo"}
    return [f"{f.message} ({text[f.raw_start:f.raw_end]})" for f in lint_text(text, cfg).findings if f.rule == "term-typo"]


@pytest.mark.parametrize("title", _TITLES)
def test_listed_title_cited_verbatim_is_silent(title):
    texts = []
    for form in _forms(title):
        texts += [f"根据《{form}》要求，认真开展相关工作。", f"按照{form}的要求，认真开展相关工作。"]
    text = "\n".join(texts) + "\n"
    assert _term_typos(text) == []


def test_forms_cover_joint_issuers():
    forms = _forms("中共中央办公厅 国务院办公厅关于全面推进政务公开工作的意见")
    assert "中共中央办公厅国务院办公厅关于全面推进政务公开工作的意见" in forms
    assert "中共中央办公厅、国务院办公厅关于全面推进政务公开工作的意见" in forms
    assert "关于全面推进政务公开工作的意见" in forms
