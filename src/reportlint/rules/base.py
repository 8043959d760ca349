"""Rule declaration and registry.

A rule is declared once, with its name (the contract in RULES.md), a short code, a default
severity, a one-line description and two examples (one that fires, one that must stay silent),
and registered by the ``@rule`` decorator. The examples are tested for every rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlint.config import Config
from reportlint.context import Context
from reportlint.document.model import Document
from reportlint.findings import Finding, Severity


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


REGISTRY: dict[str, Rule] = {}


def rule(name: str, code: str, severity: str, family: str, summary: str, fires: str, silent: str,
         needs: tuple[str, ...] = (), batch: bool = False):
    """Register the decorated function ``check(ctx) -> Iterable[Finding]`` as a rule."""

    def wrap(fn: Callable[[RuleContext], Iterable[Finding]]):
        if name in REGISTRY or any(r.code == code for r in REGISTRY.values()):
            raise ValueError(f"rule {name} / {code} declared twice")
        REGISTRY[name] = Rule(name, code, Severity.parse(severity), family, summary, fires, silent, fn,
                              needs, batch)
        return fn

    return wrap


def all_rules() -> list[Rule]:
    import reportlint.rules.families  # noqa: F401  (registers every family)

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
