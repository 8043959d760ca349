"""Every lexicon file, and every top-level key of every YAML lexicon, is read by the code.

A key counts as read when it appears as a string literal in ``src/reportlint`` (``lex["rates"]``,
``.get("wrong")``); a file when its name (or, under a folder, the folder's name) does. Keys that only
document a file for people start with ``_`` or sit in comments. Data no code reads is a promise
the linter does not keep; ``KNOWN_UNREAD`` lists today's exceptions with their reasons.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "lexicons"
SRC = ROOT / "src" / "reportlint"


def _literals() -> set[str]:
    out: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    return out


LITERALS = _literals()

# Keys known to be unread today, each with its owner's reason; the test below fails when one of them
# becomes read (then delete it here), so the list can only shrink.
KNOWN_UNREAD = {
    ("scope.yaml", "level_names"): "the same labels live in context.LEVEL_LABELS; context work owns it",
    ("time.yaml", "fixed_terms"): "documents the accounting terms relative-time leaves alone; time work owns it",
}
FILES = sorted(p for p in LEXICONS.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml", ".txt"))


def _named(path: Path) -> bool:
    rel = path.relative_to(LEXICONS)
    names = {rel.as_posix(), path.name, rel.parts[0]}
    return any(n in lit for lit in LITERALS for n in names)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(LEXICONS).as_posix())
def test_lexicon_file_is_read(path):
    assert _named(path), f"no code reads lexicons/{path.relative_to(LEXICONS)}"


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix in (".yaml", ".yml")],
                         ids=lambda p: p.relative_to(LEXICONS).as_posix())
def test_every_top_level_key_is_read(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    keys = [k for k in data if not str(k).startswith("_")] if isinstance(data, dict) else []
    rel = path.relative_to(LEXICONS).as_posix()
    assert [k for k in keys if k not in LITERALS and (rel, k) not in KNOWN_UNREAD] == []


@pytest.mark.parametrize("entry", sorted(KNOWN_UNREAD), ids=lambda e: f"{e[0]}:{e[1]}")
def test_known_unread_is_still_unread(entry):
    path, key = entry
    assert key not in LITERALS, f"lexicons/{path}: {key} is read now; remove it from KNOWN_UNREAD"
