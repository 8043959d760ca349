"""Rule declarations: unique codes and names, one module per rule named after it.

The declared examples (``fires`` / ``silent``) run as cases of each rule's sheet, with exact spans
(``tests/test_rule_cases.py``).
"""

from reportlint.rules.base import all_rules
from reportlint.rules.registry import CODES, REGISTRY, families, module_name, rule_modules


def test_codes_and_names_unique():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert {CODES[r.code] for r in rules} == set(REGISTRY) == {r.name for r in rules}


def test_one_module_per_rule_named_after_it():
    rules = all_rules()
    assert sorted(r.module for r in rules) == sorted(rule_modules())
    for r in rules:
        family_pkg, leaf = r.module.split(".")[-2:]
        assert leaf == module_name(r.code, r.name)
        assert family_pkg in families()
