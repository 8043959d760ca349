"""Rule declaration: the ``Rule`` record, the ``@rule`` decorator and ``RuleContext``.

A rule is declared once, in its own module ``rules/<family>/<CODE>_<name>.py``, with its name (the
contract in RULES.md), a short code, a default severity, a one-line description and two examples
(one that fires, one that must stay silent); the module's docstring documents it (see ``ruledoc``).
The ``@rule`` decorator registers it in ``registry``. The examples are tested for every rule.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint.findings import Finding, Severity
from reportlint.rules.registry import REGISTRY, all_rules, find_rule, register, resolve_selection

if TYPE_CHECKING:
    from reportlint.claims.model import Claim
    from reportlint.config import Config
    from reportlint.context import Context
    from reportlint.document.model import Document

__all__ = ["REGISTRY", "Rule", "RuleContext", "all_rules", "find_rule", "resolve_selection", "rule"]


@dataclass(frozen=True)
class Rule:
    name: str
    code: str
    severity: Severity
    family: str
    summary: str
    fires: str  # an example text that makes the rule fire
    silent: str  # a near miss on which the rule must stay silent
    check: Callable[[RuleContext], Iterable[Finding]]
    needs: tuple[str, ...] = ()  # context it needs: "year", "filing", "level"
    batch: bool = False  # cross-report rule, run by the batch scanner, not per document
    module: str = ""  # the module that declares it (its docstring is the rule's documentation)
    fixable: bool = False  # its suggestion is a certain replacement of the span (``reportlint check --fix``)

    @property
    def doc(self) -> str:
        """The declaring module's docstring."""
        mod = sys.modules.get(self.module)
        return (mod.__doc__ or "") if mod else ""


@dataclass
class RuleContext:
    """What a rule sees: the document, its context, the configuration, and a way to report."""

    doc: Document
    context: Context
    config: Config
    rule: Rule

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def claims(self) -> list[Claim]:
        """The figures the document states (``claims.claims_of``), extracted once per document."""
        from reportlint.claims import claims_of

        return claims_of(self.doc)

    def report(self, start: int, end: int, message: str, suggestion: str | None = None,
               severity: Severity | None = None, **extra) -> Finding:
        """A finding over doc-text span ``[start, end)``."""
        raw_start, raw_end = self.doc.raw_span(start, end)
        return self.report_raw(raw_start, raw_end, message, suggestion, severity, **extra)

    def report_raw(self, raw_start: int, raw_end: int, message: str, suggestion: str | None = None,
                   severity: Severity | None = None, **extra) -> Finding:
        r = self.rule
        sev = self.config.severity.get(r.name, severity or r.severity)
        return Finding(rule=r.name, code=r.code, severity=sev, message=f"{message}", raw_start=raw_start,
                       raw_end=raw_end, suggestion=suggestion, extra=extra)


def rule(name: str, code: str, severity: str, family: str, summary: str, fires: str, silent: str,
         needs: tuple[str, ...] = (), batch: bool = False, fixable: bool = False):
    """Register the decorated function ``check(ctx) -> Iterable[Finding]`` as a rule.

    ``fixable=True`` declares that the rule's suggestion always replaces its span with certainty, so
    ``--fix`` may apply it; a finding can still opt out with ``ctx.report(..., certain=False)``."""

    def wrap(fn: Callable[[RuleContext], Iterable[Finding]]):
        register(Rule(name, code, Severity.parse(severity), family, summary, fires, silent, fn, needs, batch,
                      fn.__module__, fixable))
        return fn

    return wrap
