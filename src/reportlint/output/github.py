"""GitHub Actions workflow annotations: ``::error file=…,line=…::message``."""

from __future__ import annotations

from reportlint.findings import Finding, Severity

_CMD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        msg = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
        lines.append(f"::{_CMD[f.severity]} file={_prop(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},title={_prop(f.code + ' ' + f.rule)}::{_data(msg)}")
    return "\n".join(lines)
