"""``reportlint check``'s work, free of the command-line framework so that the fast entry point
(``reportlint.entry``) can run it without importing typer. ``cli.check`` calls the same function."""

from __future__ import annotations

import os
import sys

from reportlint.errors import InputError, UsageError

FORMATS = ("text", "json", "html", "sarif", "github")


def _err(msg: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False).print(f"reportlint: {msg}", markup=False, soft_wrap=True)


def _overrides(select: list[str] | None, ignore: list[str] | None, year: int | None,
               level: str | None) -> dict:
    """Command-line settings that override the configuration file."""
    from reportlint.config import LEVEL_CHOICES, parse_level
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
        parsed = parse_level(level)
        if parsed is None:
            raise UsageError(f"--level 取值应为 {LEVEL_CHOICES} 之一（现为 {level}）")
        out["unit_level"] = parsed
    return out


COLORS = ("auto", "always", "never")


def console(file=None, color: str = "auto"):
    """A rich console for text output: ``--color always`` forces ANSI colours even into a pipe (and
    wins over NO_COLOR), ``never`` writes none, ``auto`` colours a terminal unless NO_COLOR is set."""
    from rich.console import Console

    if color == "auto" and os.environ.get("NO_COLOR"):
        color = "never"
    if color == "always":
        return Console(file=file, highlight=False, force_terminal=True, color_system="standard", no_color=False)
    if color == "never":
        return Console(file=file, highlight=False, color_system=None)
    return Console(file=file, highlight=False)


def _stdin_source(name: str | None, limits):
    """The report on standard input, read as the kind its ``--stdin-filename`` names (text by default)."""
    from pathlib import Path

    from reportlint.source import decode_bytes, display_path, markdown_source
    from reportlint.source_model import Source

    label = display_path(name) if name else "<stdin>"
    data = sys.stdin.buffer.read(limits.max_bytes + 1)
    from reportlint.limits import check_bytes

    check_bytes(len(data), label, limits)
    suffix = Path(name).suffix.lower() if name else ".txt"
    if suffix == ".docx":
        from reportlint.docx_reader import read_docx

        return read_docx(data, label, limits)
    if suffix == ".pdf":
        from reportlint.pdf_reader import read_pdf

        return read_pdf(data, label, limits)
    text, encoding = decode_bytes(data, label)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{label}: 输入为空 (empty input)")
    if suffix in (".md", ".markdown"):
        return markdown_source(label, text, encoding)
    return Source(path=label, text=text, encoding=encoding, kind="text")


def run_check(paths, fmt, select, ignore, year, level, output, config, baseline=None, write_baseline=None, *,
              statistics: bool = False, quiet: bool = False, exit_zero: bool = False, color: str = "auto",
              fix: bool = False, diff: bool = False, fix_to=None, stdin_filename: str | None = None,
              decisions=None, previous=None, timeout: float = 120.0) -> int:
    from pathlib import Path

    from reportlint.baseline import filter_new, read_baseline
    from reportlint.baseline import write_baseline as save_baseline
    from reportlint.config import ConfigResolver
    from reportlint.engine import lint_path, lint_source
    from reportlint.findings import Severity
    from reportlint.limits import Timeout, time_limit, timeout_message
    from reportlint.safeio import check_output, open_output
    from reportlint.source import discover, display_path

    if fmt not in FORMATS:
        raise UsageError(f"未知输出格式：{fmt}（可选 {'、'.join(FORMATS)}）")
    if color not in COLORS:
        raise UsageError(f"--color 取值应为 {'、'.join(COLORS)} 之一")
    if not timeout >= 0:
        raise UsageError("--timeout 应为非负秒数（0 表示不限时）")
    if statistics and fmt != "text":
        raise UsageError("--statistics 只用于 text 格式")
    stdin = "-" in paths
    if stdin and len(paths) > 1:
        raise UsageError("从标准输入读取（-）时不能再给出其他文件")
    if stdin_filename is not None and not stdin:
        raise UsageError("--stdin-filename 只在从标准输入读取（-）时使用")
    from reportlint.fingerprints import old_file_note

    known = read_baseline(baseline) if baseline else None
    book = None
    if decisions is not None:
        from reportlint import decisions as decided

        book = decided.read_decisions(decisions)
    resolver = ConfigResolver(config, _overrides(select, ignore, year, level))
    files, problems = ([], []) if stdin else discover(paths, resolver.excluded)
    for p in problems:
        _err(p)
    if not files and problems:
        return 2
    if fix_to is not None and not stdin and len(files) != 1:
        raise UsageError("--fix-to 只能用于单个输入文件")
    if fix and not diff and fix_to is None:
        named = [p for p in paths if p != "-" and str(p).lower().endswith(".docx") and Path(p).is_file()]
        if named:  # a file named on the command line, refused before any work (in a folder: a note)
            raise UsageError(f"{display_path(named[0])}: Word 文件不就地修改，请用 --fix-to 新文件.docx")
    for target, option in ((output, "-o"), (write_baseline, "--write-baseline"), (fix_to, "--fix-to")):
        if target is not None:
            check_output(target, files, option)
    results = []
    origin: dict[int, Path | None] = {}  # result index -> the file it came from (None: stdin)
    failed = len(problems)
    if stdin:
        name = stdin_filename
        cfg = resolver.for_file(Path(name) if name else Path.cwd())
        try:
            with time_limit(timeout):
                results.append(lint_source(_stdin_source(name, cfg.limits), cfg))
            origin[0] = None
        except InputError as exc:
            _err(str(exc))
            failed += 1
        except Timeout as exc:
            _err(f"{display_path(name) if name else '<stdin>'}: {timeout_message(timeout, exc)}")
            failed += 1
    for f in files:
        cfg = resolver.for_file(f)  # a broken configuration stops the run (exit 2)
        try:
            with time_limit(timeout):  # the scan's per-report limit (limits.time_limit), one line and exit 2
                result = lint_path(str(f), cfg)
            results.append(result)
            origin[len(results) - 1] = f
        except InputError as exc:
            _err(str(exc))
            failed += 1
        except Timeout as exc:
            _err(f"{display_path(f)}: {timeout_message(timeout, exc)}")
            failed += 1
        except Exception as exc:  # a bug must not hide the other files' results
            _err(f"{display_path(f)}: 内部错误，已跳过 (internal error: {type(exc).__name__}: {exc})")
            failed += 1
    if previous is not None:  # boilerplate-year against the unit's earlier report
        if len(results) != 1:
            raise UsageError("--previous 只能用于单个输入文件")
        from reportlint import crossdoc

        cfg = resolver.for_file(Path(previous))
        try:
            earlier = lint_path(str(previous), cfg)
        except InputError as exc:
            _err(str(exc))
            return 2
        if resolver.for_file(Path(results[0].path)).enabled("boilerplate-year"):
            sev = resolver.for_file(Path(results[0].path)).severity.get("boilerplate-year")
            results[0].findings = sorted([*results[0].findings, *crossdoc.previous_findings(
                results[0], earlier, Severity.parse(str(sev)) if sev else None)], key=lambda f: f.sort_key())
    fix_summary = None
    if fix or diff or fix_to is not None:
        from reportlint import fix as fixer

        write = (fix or fix_to is not None) and not diff
        fixed = [fixer.fix_result(r, origin[i], write, fix_to) for i, r in enumerate(results)]
        if diff:
            out = open_output(output, "-o") if output else sys.stdout
            try:
                for fr in fixed:
                    out.write(fr.diff)
            finally:
                if output:
                    out.close()
            for fr in fixed:
                if fr.note:
                    _err(f"{fr.path}: {fr.note}")
            _err(fixer.summary(fixed, wrote=False))
            return 2 if failed else (1 if any(fr.diff for fr in fixed) and not exit_zero else 0)
        for r, fr in zip(results, fixed, strict=True):
            r.findings = fr.remaining
            if fr.note:
                _err(f"{fr.path}: {fr.note}")
        fix_summary = fixer.summary(fixed, wrote=True)
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
    resolved = decided.apply(findings, book) if book is not None else []
    notes = []
    if known is not None:
        notes.append(old_file_note(baseline, known.version, "用 --write-baseline 重写基线", legacy=known.legacy,
                                   unmatched=sum(known.values()) - hidden))
    if book is not None:
        legacy = sum(1 for f in findings if f.extra.get("decision")
                     and f.extra["decision"]["fingerprint"] != f.extra.get("fingerprint"))
        notes.append(old_file_note(decisions, book.version, "在 HTML 报告中重新“导出决定文件”", legacy=legacy,
                                   unmatched=len(resolved)))
    for note in notes:
        if note:
            _err(note)
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

            print(html.render(results, resolved=resolved), file=out or sys.stdout)
        else:
            from reportlint.output import text

            con = console(out, color)
            if statistics:
                for line in text.statistics(findings):
                    con.print(line, markup=False, highlight=False)
            else:
                for r in results:
                    src = r.doc.source
                    raw = (src.original if src is not None and src.original is not None else r.doc.raw)
                    text.print_file(con, r.path, r.context, r.findings, src.notes if src else (), raw=raw,
                                    quiet=quiet)
            if results and not quiet:
                con.print(text.summary_line(findings, len(results), failed), highlight=False)
                for line in decided.summary(findings, resolved) if book is not None else ():
                    con.print(line, markup=False, highlight=False, soft_wrap=True)
                if fix_summary:
                    con.print(fix_summary, markup=False, highlight=False)
        if fix_summary and fmt != "text":
            _err(fix_summary)
    finally:
        if out:
            out.close()
    if known is not None:
        _err(f"基线 {baseline} 隐藏了 {hidden} 处已记录的问题，报告 {len(findings)} 处新问题")
    if book is not None and (fmt != "text" or quiet):
        for line in decided.summary(findings, resolved):
            _err(line)
    if failed:
        return 2
    if exit_zero:
        return 0
    if book is not None:
        return 1 if any(decided.counts(f) for f in findings) else 0
    return 1 if any(f.severity >= Severity.WARNING for f in findings) else 0
