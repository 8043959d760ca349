"""Running rules over a document: load → document → context → rules → findings."""

from __future__ import annotations

from dataclasses import dataclass

from reportlint import fingerprints, suppress
from reportlint.config import Config
from reportlint.context import Context, detect_context
from reportlint.document import Document, build_document
from reportlint.findings import Finding
from reportlint.rules.base import RuleContext, all_rules
from reportlint.source import Source, load_source


@dataclass
class LintResult:
    path: str
    doc: Document
    context: Context
    findings: list[Finding]


def _has_context(ctx: Context, needs: tuple[str, ...]) -> bool:
    have = {"year": ctx.evaluation_year is not None, "filing": ctx.filing_date is not None,
            "level": ctx.unit_level is not None}
    return all(have[n] for n in needs)


def prepare(doc: Document, config: Config) -> Context:
    """Detect the document's context (with overrides) and attach it."""
    doc.use_words(config.extra_terms)
    doc.context = detect_context(doc, year=config.evaluation_year, unit_level=config.unit_level)
    return doc.context


def read_document(path: str, config: Config | None = None) -> Document:
    """Load, rebuild and contextualise one report, without running rules."""
    config = config or Config()
    doc = build_document(suppress.prepare(load_source(path, config.limits)))
    prepare(doc, config)
    return doc


def lint_document(doc: Document, config: Config | None = None) -> LintResult:
    config = config or Config()
    context = prepare(doc, config)
    findings: list[Finding] = []
    for r in all_rules():
        if r.batch or not config.enabled(r.name) or not _has_context(context, r.needs):
            continue
        rc = RuleContext(doc, context, config, r)
        findings.extend(r.check(rc))
    findings = suppress.apply(findings, suppress.parse(doc.source))  # the writer's inline suppressions
    _locate(doc, findings)
    findings = _dedupe(findings)
    fingerprints.assign(findings, doc.raw, fingerprints.paragraph_starts(doc) if findings else None)
    return LintResult(doc.path, doc, context, findings)


def lint_source(source: Source, config: Config | None = None) -> LintResult:
    return lint_document(build_document(suppress.prepare(source)), config)


def lint_path(path: str, config: Config | None = None) -> LintResult:
    return lint_source(load_source(path, config.limits if config else None), config)


def lint_text(text: str, config: Config | None = None, path: str = "<text>") -> LintResult:
    from reportlint.source import source_from_text

    return lint_source(source_from_text(text, path), config)


def _locate(doc: Document, findings: list[Finding]) -> None:
    src = doc.source
    for f in findings:
        f.path = doc.path
        f.line, f.column = doc.line_col(f.raw_start)
        f.end_line, f.end_column = doc.line_col(f.raw_end)
        f.excerpt = doc.raw[f.raw_start:f.raw_end].replace("\n", "")[:80]
        info = src.location(f.line) if src is not None else None
        if info is None:
            continue
        f.page, f.page_line = info.page, info.page_line
        f.paragraph = info.paragraph
        if info.table is not None:
            f.table = {"index": info.table, "row": info.row, "cell": info.cell}
        prefix = len(info.auto_number or "")
        f.doc_column = max(1, f.column - prefix) if prefix else f.column


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in sorted(findings, key=Finding.sort_key):
        key = (f.rule, f.raw_start, f.raw_end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
