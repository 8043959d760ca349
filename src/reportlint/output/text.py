"""Human output: one line per finding, like a code linter, with a context header per file."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from reportlint.context import LEVEL_LABELS, Context
from reportlint.findings import Finding, Severity, location_label

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CN = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


def context_line(ctx: Context) -> str:
    """The detected context, each value with its source: 文种 · 单位（级别，依据） · 评价年度（依据） · 填报日期（依据）."""
    level = LEVEL_LABELS.get(ctx.unit_level or "", None)
    unit = ctx.unit_name or "未识别"
    if level:
        unit += f"（{level}级，依据{_src(ctx.level_source)}"
        if len(ctx.places) > 1:
            unit += "；上级：" + "、".join(p.name for p in ctx.places[1:])
        unit += "）"
    year = f"{ctx.evaluation_year}（{_src(ctx.year_source)}）" if ctx.evaluation_year else "未识别"
    filing = (f"{ctx.filing_date.isoformat()}（{_src(ctx.filing_source)}）" if ctx.filing_date else "未识别")
    genre = f"{ctx.genre_name}（依据{_src(ctx.genre.source)}）" if ctx.genre else "未识别"
    return f"文种：{genre} · 单位：{unit} · 评价年度：{year} · 填报日期：{filing}"


def _src(s: str) -> str:
    from reportlint.context import SOURCE_LABELS

    return SOURCE_LABELS.get(s, s)


def print_file(console: Console, path: str, ctx: Context | None, findings: list[Finding],
               notes: tuple[str, ...] = ()) -> None:
    console.print(f"[bold]{escape(path)}[/bold]", highlight=False)
    if ctx is not None:
        console.print(f"  [dim]{escape(context_line(ctx))}[/dim]", highlight=False, soft_wrap=True)
    for note in notes:
        console.print(f"  [dim]注：{escape(note)}[/dim]", highlight=False, soft_wrap=True)
    for f in findings:
        loc = location_label(f) + ":"
        console.print(
            f"{escape(loc)} [{_STYLE[f.severity]}]{f.code}[/] [dim]\\[{f.rule}][/dim] {escape(f.message)}",
            highlight=False, soft_wrap=True)
        if f.suggestion:
            console.print(f"    [green]建议：{escape(f.suggestion)}[/green]", highlight=False, soft_wrap=True)


def summary_line(findings: list[Finding], files: int, failed: int = 0) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} 个{_CN[s]}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    total = len(findings)
    text = f"共 {total} 处问题（{'，'.join(parts)}），检查了 {files} 个文件"
    if failed:
        text += f"，{failed} 个文件无法读取"
    if total == 0 and not failed:
        text = f"未发现问题，检查了 {files} 个文件"
    return text
