"""Human output: one line per finding, like a code linter, with a context header per file."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape

from reportlint.context import LEVEL_LABELS, Context
from reportlint.findings import Finding, Severity, location_label

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CN = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_DECIDED = {"confirmed": "已确认", "dismissed": "已忽略"}


def context_line(ctx: Context) -> str:
    """The detected context, each value with its source: 文种 · 单位（级别，依据） · 评价年度（依据） · 填报日期（依据）."""
    level = LEVEL_LABELS.get(ctx.unit_level or "", None)
    unit = ctx.unit_name or "未识别"
    named = f"依据{_src(ctx.unit_source)}；" if ctx.unit_name else ""
    if level:
        unit += f"（{named}{level}级，依据{_src(ctx.level_source)}"
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


def display_width(s: str) -> int:
    """Terminal columns of ``s``: wide and full-width characters (CJK, ，。（）) take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


def source_excerpt(raw: str, f: Finding, width: int = 100) -> tuple[str, str] | None:
    """The finding's source line (a window of about ``width`` columns around the span) and a marker
    line of ``^`` under the span, aligned by display width. A span over several lines is marked to the
    end of its first line. None when the span is empty or outside the text."""
    if not 0 <= f.raw_start < len(raw) or f.raw_end <= f.raw_start:
        return None
    ls = raw.rfind("\n", 0, f.raw_start) + 1
    le = raw.find("\n", f.raw_start)
    le = len(raw) if le < 0 else le
    line = raw[ls:le].replace("\t", " ").replace("\f", " ")
    a, b = f.raw_start - ls, min(f.raw_end, le) - ls
    if b <= a:
        b = a + 1
    span_end = b  # marked up to the window's end even when the window shows only the span's start
    if b - a > width // 3 and display_width(line[a:b]) > width * 2 // 3:
        # a span longer than the window (a whole paragraph of a .docx): its start is shown, the rest cut
        while b > a + 1 and display_width(line[a:b]) > width * 2 // 3:
            b -= 1
    # keep about a third of the window before the span, cut the rest with …
    lo, hi = a, b
    while lo > 0 and display_width(line[lo - 1:b]) <= width // 3 + display_width(line[a:b]):
        lo -= 1
    while hi < len(line) and display_width(line[lo:hi + 1]) <= width:
        hi += 1
    while lo > 0 and display_width(line[lo - 1:hi]) <= width:  # the line's end reached: fill from the left
        lo -= 1
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(line) else ""
    shown = head + line[lo:hi] + tail
    pad = display_width(head + line[lo:a])
    mark = " " * pad + "^" * max(1, display_width(line[a:min(span_end, hi)]))
    return shown, mark


def finding_line(f: Finding) -> str:
    """``path:line:col: CODE [name] 错误: message`` (rich markup)."""
    loc = location_label(f) + ":"
    sev = _STYLE[f.severity]
    line = (f"[bold]{escape(loc)}[/bold] [{sev}]{f.code}[/] [dim]\\[{f.rule}][/dim] "
            f"[{sev}]{_CN[f.severity]}[/]: {escape(f.message)}")
    d = f.extra.get("decision")
    if d:  # a reviewer's decision (``--decisions``)
        label = _DECIDED.get(d["decision"], d["decision"])
        who = f" {d['reviewer']}" if d.get("reviewer") else ""
        note = f"：{d['note']}" if d.get("note") else ""
        line += f" [green]{escape(f'[{label}{who}{note}]')}[/green]"
    return line


def print_file(console: Console, path: str, ctx: Context | None, findings: list[Finding],
               notes: tuple[str, ...] = (), raw: str | None = None, quiet: bool = False) -> None:
    """One file's findings; with ``raw`` (the text the offsets point into) each shows its source
    line with the span marked. ``quiet`` prints the findings alone (no header, notes or excerpts)."""
    if not quiet:
        console.print(f"[bold]{escape(path)}[/bold]", highlight=False)
        if ctx is not None:
            console.print(f"  [dim]{escape(context_line(ctx))}[/dim]", highlight=False, soft_wrap=True)
        for note in notes:
            console.print(f"  [dim]注：{escape(note)}[/dim]", highlight=False, soft_wrap=True)
    for f in findings:
        console.print(finding_line(f), highlight=False, soft_wrap=True)
        if quiet:
            continue
        excerpt = source_excerpt(raw, f) if raw is not None else None
        if excerpt is not None:
            console.print(f"    {escape(excerpt[0])}", highlight=False, soft_wrap=True)
            console.print(f"    [{_STYLE[f.severity]}]{excerpt[1]}[/]", highlight=False, soft_wrap=True)
        if f.suggestion:
            console.print(f"    [green]建议：{escape(f.suggestion)}[/green]", highlight=False, soft_wrap=True)
        elif f.suggestion == "":
            console.print("    [green]建议：删除[/green]", highlight=False, soft_wrap=True)


def statistics(findings: list[Finding]) -> list[str]:
    """``--statistics``: one line per rule with findings, most frequent first: count, code, name, severity."""
    counts = Counter((f.code, f.rule) for f in findings)
    worst = {}
    for f in findings:
        worst[f.code] = max(worst.get(f.code, f.severity), f.severity)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return [f"{n:>5}  {code}  {name:<22} {_CN[worst[code]]}" for (code, name), n in rows]


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
