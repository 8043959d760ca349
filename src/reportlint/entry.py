"""The ``reportlint`` command's entry point.

``reportlint check PATH… [options]`` with the options it documents (``-f/--format``, ``--select``,
``--ignore``, ``--year``, ``--level``, ``-o/--output``, ``--config``, ``--baseline``, ``--write-baseline``,
``--color``, ``--fix-to``, ``--stdin-filename``, ``--decisions``, ``--previous``, ``--timeout``, as ``--opt value`` or ``--opt=value``; the flags
``--fix``, ``--diff``, ``--statistics``, ``-q/--quiet``, ``--exit-zero``; ``-`` for standard input) runs
straight away: the command-line framework (typer, click, rich's console, pydantic: about 0.15 s of
imports) is not loaded. Anything else (``--help``, another command, an option it does not know, a value
typer would reject) goes to the full CLI in ``cli.py``, which gives the same results and messages.
"""

from __future__ import annotations

import os
import sys

_VALUED = {"-f": "fmt", "--format": "fmt", "--select": "select", "--ignore": "ignore", "--year": "year",
           "--level": "level", "-o": "output", "--output": "output", "--config": "config",
           "--baseline": "baseline", "--write-baseline": "write_baseline", "--color": "color",
           "--fix-to": "fix_to", "--stdin-filename": "stdin_filename",
           "--decisions": "decisions", "--previous": "previous", "--timeout": "timeout"}
_FLAGS = {"--statistics": "statistics", "-q": "quiet", "--quiet": "quiet", "--exit-zero": "exit_zero",
          "--fix": "fix", "--diff": "diff"}
_LISTS = ("select", "ignore")
_PATHS = ("output", "config", "baseline", "write_baseline", "fix_to", "decisions", "previous")


def parse_check(args: list[str]) -> dict | None:
    """``check``'s arguments as keyword arguments of ``checkcmd.run_check``, or None (use the full CLI)."""
    opts: dict = {"paths": [], "fmt": "text", "select": None, "ignore": None, "year": None, "level": None,
                  "output": None, "config": None, "baseline": None, "write_baseline": None}
    i = 0
    while i < len(args):
        a = args[i]
        if not a.startswith("-") or a == "-":
            opts["paths"].append(a)
            i += 1
            continue
        if a in _FLAGS:
            opts[_FLAGS[a]] = True
            i += 1
            continue
        name, eq, value = a.partition("=")
        if name not in _VALUED or (eq and not name.startswith("--")):
            return None
        if not eq:
            if i + 1 >= len(args):
                return None
            value = args[i + 1]
            i += 1
        i += 1
        key = _VALUED[name]
        if key in _LISTS:
            opts[key] = [*(opts[key] or []), value]
        elif key == "year":
            try:
                opts[key] = int(value)
            except ValueError:
                return None
        elif key == "timeout":
            try:
                opts[key] = float(value)
            except ValueError:
                return None
        elif key in _PATHS:
            from pathlib import Path

            opts[key] = Path(value)
        else:
            opts[key] = value
    return opts if opts["paths"] else None


def main() -> None:
    from reportlint.warmcache import install_regex_cache

    install_regex_cache()  # compiled patterns from earlier runs (a fifth of a cold start otherwise)
    argv = sys.argv[1:]
    opts = parse_check(argv[1:]) if argv[:1] == ["check"] else None
    if opts is None:
        from reportlint.cli import main as full

        full()
        return
    from reportlint.checkcmd import _err, run_check
    from reportlint.errors import ReportlintError

    try:
        code = run_check(**opts)
    except ReportlintError as exc:
        _err(str(exc))
        code = 2
    except KeyboardInterrupt:
        _err("已中断")
        code = 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as other command-line tools do
        from reportlint.errors import quiet_broken_pipe

        quiet_broken_pipe()
    except Exception as exc:  # as cli.main: one clear line, not a traceback (REPORTLINT_DEBUG=1 shows it)
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        _err(f"内部错误 (internal error: {type(exc).__name__}: {exc})；设置 REPORTLINT_DEBUG=1 可查看详情")
        code = 2
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from reportlint.errors import quiet_broken_pipe

        quiet_broken_pipe()
    sys.exit(code)
