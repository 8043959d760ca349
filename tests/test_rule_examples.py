"""Rule declarations and their documentation: unique codes and names, one module per rule named after
it, docstrings with every section and an Example that says what the rule says, the README table.

The declared examples (``fires`` / ``silent``) run as cases of each rule's sheet, with exact spans
(``tests/test_rule_cases.py``).
"""

import json

import pytest

from reportlint.rules.base import all_rules, find_rule
from reportlint.rules.registry import CODES, REGISTRY, families, module_name, rule_modules
from reportlint.rules.ruledoc import SECTIONS, current_table, markdown_table, parse
from rule_cases import run_case

from conftest import ROOT, run_cli


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


RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docstring_has_every_section(rule):
    doc = parse(rule.doc)
    assert doc.summary
    assert [s for s in SECTIONS if not doc.sections.get(s)] == []


@pytest.mark.parametrize("rule", [r for r in RULES if not r.batch], ids=lambda r: r.code)
def test_docstring_example_messages_are_what_the_rule_says(rule):
    """Each ``→`` line of the Example is a message the rule gives on its declared firing example."""
    said = [f.message for f in run_case(rule.name, {"fail": rule.fires})]
    shown = parse(rule.doc).example_messages
    assert shown and [m for m in shown if m not in said] == []


def test_readme_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert current_table(readme) == markdown_table(RULES), "run: python -m reportlint.rules.ruledoc README.md"


def test_cli_rules_markdown_and_explain_come_from_the_docstrings():
    r = run_cli("rules", "--format", "markdown")
    assert r.returncode == 0 and r.stdout == markdown_table(RULES)
    r = run_cli("explain", "jiezhi")
    assert r.returncode == 0
    doc = parse(find_rule("jiezhi").doc)
    for name in SECTIONS:
        assert f"（{name}）" in r.stdout
    assert doc.example_messages[0] in r.stdout and "《现代汉语词典》" in r.stdout


def test_sarif_rule_help_comes_from_the_docstrings():
    from reportlint.output.sarif import render

    driver = json.loads(render([]))["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    for rule in RULES:
        doc = parse(rule.doc)
        sarif = by_id[rule.code]
        assert sarif["fullDescription"]["text"] == doc.sections["Finds"]
        assert doc.sections["Source"] in sarif["help"]["text"]
        assert f"**Source**: {doc.sections['Source']}" in sarif["help"]["markdown"]
