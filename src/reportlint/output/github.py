"""GitHub Actions workflow annotations: ``::error file=…,line=…::message``.

``line`` is the running line of the extracted text, as in SARIF and JSON: for a .pdf the lines are
counted across pages, for a .docx each paragraph and each table cell is a line. Where a person finds
the place otherwise (page and line on the page, ¶ paragraph, table cell), the message starts with it
(``[p21:25:15] …``, ``[¶5:3] …``).
"""

from __future__ import annotations

from reportlint.findings import Finding, Severity, location_label

_CMD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        msg = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
        if f.page is not None or f.paragraph is not None or f.table is not None:  # .pdf / .docx: the person's place
            msg = f"[{location_label(f).removeprefix(f.path + ':')}] {msg}"
        lines.append(f"::{_CMD[f.severity]} file={_prop(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},title={_prop(f.code + ' ' + f.rule)}::{_data(msg)}")
    return "\n".join(lines)
