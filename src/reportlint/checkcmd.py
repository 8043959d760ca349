"""``reportlint check``'s work, free of the command-line framework so that the fast entry point
(``reportlint.entry``) can run it without importing typer. ``cli.check`` calls the same function."""

from __future__ import annotations

import sys

from reportlint.errors import InputError, UsageError

FORMATS = ("text", "json", "html", "sarif", "github")


def _err(msg: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False).print(f"reportlint: {msg}", markup=False, soft_wrap=True)


def _overrides(select: list[str] | None, ignore: list[str] | None, year: int | None,
               level: str | None) -> dict:
    """Command-line settings that override the configuration file."""
    from reportlint.config import LEVELS
    from reportlint.rules.base import resolve_selection

    out: dict = {}
    try:
        if select:
            out["select"] = resolve_selection(select)
        if ignore:
            out["ignore"] = resolve_selection(ignore)
    except KeyError as exc:
        raise UsageError(f"未知规则：{exc.args[0]}（用 reportlint rules 查看全部规则）") from None
    if year is not None:
        if not 1990 <= year <= 2100:
            raise UsageError(f"--year 超出范围：{year}")
        out["evaluation_year"] = year
    if level is not None:
        if level not in LEVELS:
            raise UsageError(f"--level 取值应为 {', '.join(LEVELS)} 之一")
        out["unit_level"] = level
    return out


def run_check(paths, fmt, select, ignore, year, level, output, config, baseline=None, write_baseline=None) -> int:
    from reportlint.baseline import filter_new, read_baseline
    from reportlint.baseline import write_baseline as save_baseline
    from reportlint.config import ConfigResolver
    from reportlint.engine import lint_path
    from reportlint.findings import Severity
    from reportlint.safeio import check_output, open_output
    from reportlint.source import discover, display_path

    if fmt not in FORMATS:
        raise UsageError(f"未知输出格式：{fmt}（可选 {'、'.join(FORMATS)}）")
    known = read_baseline(baseline) if baseline else None
    resolver = ConfigResolver(config, _overrides(select, ignore, year, level))
    files, problems = discover(paths)
    for p in problems:
        _err(p)
    if not files and problems:
        return 2
    for target, option in ((output, "-o"), (write_baseline, "--write-baseline")):
        if target is not None:
            check_output(target, files, option)
    results = []
    failed = len(problems)
    for f in files:
        cfg = resolver.for_file(f)  # a broken configuration stops the run (exit 2)
        try:
            results.append(lint_path(str(f), cfg))
        except InputError as exc:
            _err(str(exc))
            failed += 1
        except Exception as exc:  # a bug must not hide the other files' results
            _err(f"{display_path(f)}: 内部错误，已跳过 (internal error: {type(exc).__name__}: {exc})")
            failed += 1
    findings = [x for r in results for x in r.findings]
    if write_baseline:
        save_baseline(write_baseline, findings)
        _err(f"已将 {len(findings)} 处问题写入基线 {write_baseline}")
    hidden = 0
    if known is not None:
        for r in results:
            r.findings, n = filter_new(r.findings, known)
            hidden += n
        findings = [x for r in results for x in r.findings]
    out = open_output(output, "-o") if output else None
    try:
        if fmt == "json":
            from reportlint.output import jsonfmt

            contexts = {r.path: r.context.describe() for r in results}
            print(jsonfmt.render(findings, contexts), file=out or sys.stdout)
        elif fmt == "sarif":
            from reportlint.output import sarif

            print(sarif.render(findings), file=out or sys.stdout)
        elif fmt == "github":
            from reportlint.output import github

            print(github.render(findings), file=out or sys.stdout)
        elif fmt == "html":
            from reportlint.output import html

            print(html.render(results), file=out or sys.stdout)
        else:
            from rich.console import Console

            from reportlint.output import text

            console = Console(file=out, highlight=False) if out else Console(highlight=False)
            for r in results:
                text.print_file(console, r.path, r.context, r.findings, r.doc.source.notes if r.doc.source else ())
            if results:
                console.print(text.summary_line(findings, len(results), failed), highlight=False)
    finally:
        if out:
            out.close()
    if known is not None:
        _err(f"基线 {baseline} 隐藏了 {hidden} 处已记录的问题，报告 {len(findings)} 处新问题")
    if failed:
        return 2
    return 1 if any(f.severity >= Severity.WARNING for f in findings) else 0
