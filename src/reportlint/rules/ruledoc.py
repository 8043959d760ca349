"""Rule documentation read from each rule module's docstring, and the README's rule table.

A rule module's docstring has a one-line summary, then sections, each a paragraph opening with its
bold name::

    One-line summary.

    **Finds**: what the rule reports, in shapes.

    **Why a reviewer cares**: …

    **Example**:

        text that fires
        → the message it gives (one arrow line per finding shown)

    **Fix**: …

    **Leaves alone**: …

    **Source**: the standard or rule it rests on.

``python -m reportlint.rules.ruledoc README.md`` rewrites the table between the ``rules-table``
markers of the README; ``reportlint rules --format markdown`` prints it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.rules.base import Rule

SECTIONS = ("Finds", "Why a reviewer cares", "Example", "Fix", "Leaves alone", "Source")
_HEAD = re.compile(r"^\*\*(" + "|".join(map(re.escape, SECTIONS)) + r")\*\*:[ \t]*", re.M)
BEGIN, END = "<!-- rules-table -->", "<!-- /rules-table -->"


@dataclass
class RuleDoc:
    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def example_messages(self) -> list[str]:
        """The messages the Example section says the rule gives (its ``→`` lines)."""
        return [line.strip()[1:].strip() for line in self.sections.get("Example", "").splitlines()
                if line.strip().startswith("→")]


def parse(doc: str) -> RuleDoc:
    """Summary and sections of a rule docstring (sections absent from it are absent from the dict)."""
    doc = _dedent(doc or "")
    heads = list(_HEAD.finditer(doc))
    summary = " ".join(doc[: heads[0].start() if heads else len(doc)].split())
    sections = {}
    for h, nxt in zip(heads, [*heads[1:], None], strict=True):
        body = doc[h.end(): nxt.start() if nxt else len(doc)]
        sections[h.group(1)] = _dedent(body.strip("\n")).strip() if h.group(1) == "Example" else " ".join(body.split())
    return RuleDoc(summary, sections)


def _dedent(s: str) -> str:
    import textwrap

    return textwrap.dedent(s)


def help_text(r: Rule) -> str:
    """A rule's documentation as plain text: summary, then each section under its name."""
    doc = parse(r.doc)
    parts = [doc.summary] + [f"{name}:\n{doc.sections[name]}" for name in SECTIONS if doc.sections.get(name)]
    return "\n\n".join(parts)


def help_markdown(r: Rule) -> str:
    """A rule's documentation as Markdown (SARIF ``help.markdown``, documentation pages)."""
    doc = parse(r.doc)
    out = [f"**{r.code} `{r.name}`** ({r.severity}): {doc.summary}"]
    for name in SECTIONS:
        body = doc.sections.get(name)
        if not body:
            continue
        if name == "Example":
            out.append(f"**{name}**:\n\n" + "\n".join(f"    {line}" for line in body.splitlines()))
        else:
            out.append(f"**{name}**: {body}")
    return "\n\n".join(out)


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def markdown_table(rules: list[Rule]) -> str:
    """The README rule table: code, name, severity, what it finds (the docstring's summary)."""
    rows = ["| code | name | severity | finds |", "|---|---|---|---|"]
    for r in rules:
        summary = parse(r.doc).summary.rstrip(".")
        rows.append(f"| {r.code} | `{r.name}` | {r.severity} | {_cell(summary)} |")
    return "\n".join(rows) + "\n"


def replace_table(readme: str, table: str) -> str:
    """``readme`` with the text between the ``rules-table`` markers replaced by ``table``."""
    start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return readme[:start] + "\n" + table + readme[end:]


def current_table(readme: str) -> str:
    return readme[readme.index(BEGIN) + len(BEGIN): readme.index(END)].lstrip("\n")


def main(argv: list[str]) -> int:
    from reportlint.rules.registry import all_rules

    path = Path(argv[0] if argv else "README.md")
    text = path.read_text(encoding="utf-8")
    new = replace_table(text, markdown_table(all_rules()))
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"{path}: rule table updated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
