"""Every rule's declared examples: the firing one fires, the silent one stays silent."""

import pytest

from reportlint.rules.base import all_rules

from conftest import lint

RULES = [r for r in all_rules() if not r.batch]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_fires_example(rule):
    assert rule.name in [f.rule for f in lint(rule.fires)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_silent_example(rule):
    assert rule.name not in [f.rule for f in lint(rule.silent)]


def test_codes_and_names_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
