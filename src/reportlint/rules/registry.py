"""The code registry: every rule's code, name and module, in one place.

Rules live one per module in ``reportlint/rules/<family>/<CODE>_<name>.py`` (``S101_section_duplicate``).
The family packages are discovered from the package tree, every module whose name starts with a rule
code is imported once, and its ``@rule`` declaration registers itself here. A module's name must
agree with the code and name it declares, and codes and names are unique.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.rules.base import Rule

PACKAGE = "reportlint.rules"
RULE_MODULE = re.compile(r"^([A-Z]\d{3})_([a-z0-9_]+)$")

REGISTRY: dict[str, Rule] = {}  # name -> rule
CODES: dict[str, str] = {}  # code -> name


def module_name(code: str, name: str) -> str:
    """The module that must hold a rule: ``S101`` + ``section-duplicate`` -> ``S101_section_duplicate``."""
    return f"{code}_{name.replace('-', '_')}"


def register(r: Rule) -> None:
    if r.name in REGISTRY or r.code in CODES:
        raise ValueError(f"rule {r.name} / {r.code} declared twice")
    leaf = r.module.rpartition(".")[2]
    if RULE_MODULE.match(leaf) and leaf != module_name(r.code, r.name):
        raise ValueError(f"rule {r.code} {r.name} declared in {r.module}, expected {module_name(r.code, r.name)}")
    REGISTRY[r.name] = r
    CODES[r.code] = r.name


def families() -> list[str]:
    """The family packages under ``reportlint/rules`` (``structure``, ``timing`` …)."""
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.ispkg)


def rule_modules() -> list[str]:
    """Dotted names of every rule module, family by family."""
    here = Path(__file__).parent
    out = []
    for fam in families():
        for m in pkgutil.iter_modules([str(here / fam)]):
            if not m.ispkg and RULE_MODULE.match(m.name):
                out.append(f"{PACKAGE}.{fam}.{m.name}")
    return out


@cache
def discover() -> None:
    """Import every rule module once (each registers itself)."""
    for mod in rule_modules():
        importlib.import_module(mod)


def all_rules() -> list[Rule]:
    discover()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def find_rule(key: str) -> Rule | None:
    key = key.strip()
    for r in all_rules():
        if key in (r.name, r.code) or key.upper() == r.code:
            return r
    return None


def resolve_selection(keys: Iterable[str]) -> set[str]:
    """Rule names for a list of names, codes or code prefixes / families (``S``, ``S1``, ``time``)."""
    out: set[str] = set()
    rules = all_rules()
    for raw in keys:
        for key in (k.strip() for k in raw.split(",")):
            if not key:
                continue
            matched = [r.name for r in rules
                       if key in (r.name, r.family, r.code) or r.code.startswith(key.upper())
                       or key.upper() == "ALL"]
            if not matched:
                raise KeyError(key)
            out.update(matched)
    return out
