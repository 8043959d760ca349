"""firstchars: the first characters of a pattern's matches, and the guarded pattern's equal matches."""

import re
from pathlib import Path

import pytest

from reportlint.firstchars import first_class, guarded
from reportlint.lexicon import load_list


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?:本)?报告|现将", "[本报现]"),
    (r"(?:根据|按照)《[^》]+》", "[根按]"),
    (r"[（(]\d+[)）]", r"[（\(]"),
    (r"\b(?:x|y)z", "[xy]"),
    (r"(?=[甲乙])[甲乙丙]", "[甲乙丙]"),
    (r"[一-龥]{2}", "[一-龥]"),
    (r"(?<=[≥≤])\s*\*{2,}", r"[\s\*]"),
    (r"\w+", r"[\w]"),
])
def test_first_class(pattern, expected):
    assert first_class(pattern) == expected


@pytest.mark.parametrize("pattern", [r"a*", r"[^。]+", r".报告", r"(?i)abc", r"(?:甲)?"])
def test_no_guard_when_unknown_or_empty(pattern):
    assert first_class(pattern) is None
    assert guarded(pattern).pattern == pattern


@pytest.mark.parametrize("pattern", [r"\w", r"[（(]\d", r"(?:甲乙|丙丁)", r"报告(?:如下)?"])
def test_no_guard_where_re_finds_the_prefix(pattern):
    """A literal prefix, one set, or alternatives that all start with a literal: re skips ahead by itself."""
    assert first_class(pattern) is not None
    assert guarded(pattern).pattern == pattern


def test_stock_phrases_guarded_match_alike():
    """The stock-phrase pattern (copy detection) finds the same spans with and without its guard on every
    real text of the corpora."""
    pattern = "|".join(f"(?:{p})" for p in load_list("stock_phrases.txt"))
    plain, fast = re.compile(pattern), guarded(pattern)
    assert fast.pattern != pattern
    root = Path(__file__).resolve().parents[1] / "corpora"
    texts = sorted(root.glob("real/*.txt"))[:60] + sorted(root.glob("clean/*.txt"))
    assert texts
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)], path.name
