"""The ``reportlint`` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from reportlint import __version__
from reportlint.checkcmd import _err, _overrides, run_check
from reportlint.errors import InputError, ReportlintError, UsageError

app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="reportlint：中文政府报告（绩效自评报告、决算说明、工作总结）检查工具")

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="输出格式：text、json、html、sarif 或 github")]


def _version(value: bool) -> None:
    if value:
        print(f"reportlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="显示版本")] = False) -> None:
    """reportlint：中文政府报告检查工具。"""


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(
        help="报告文件或目录（目录递归查找 .txt .md .docx .pdf）；- 表示从标准输入读取")],
    fmt: FormatOpt = "text",
    select: Annotated[list[str] | None, typer.Option("--select", help="只运行这些规则（名称、代码或代码前缀，可逗号分隔）")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="不运行这些规则")] = None,
    year: Annotated[int | None, typer.Option("--year", help="评价年度（报告未写明评价年度时使用；报告写明的年度优先）")] = None,
    level: Annotated[str | None, typer.Option("--level", help="单位层级：省/市/区/县/镇/乡/街道（或 province/city/district/county/town/township/subdistrict）")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="配置文件（默认从被检查文件所在目录向上查找 reportlint.toml，"
                                                 "或含 \\[tool.reportlint] 的 pyproject.toml；命令行选项优先）")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="只报告不在此基线文件中的新问题")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="把当前全部问题写入基线文件")] = None,
    decisions: Annotated[Path | None, typer.Option("--decisions", help="审核决定文件（HTML 报告导出）：已忽略的问题不计入退出码，"
                                                   "问题已不存在的决定列为已解决")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="自动修复确定的问题（截止→截至、中文间的半角标点、文号的〔〕）："
                                      ".txt/.md 就地改写，.docx 须用 --fix-to")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="只显示 --fix 将做的修改（统一差异格式），不写入")] = False,
    fix_to: Annotated[Path | None, typer.Option("--fix-to", help="把修复后的文件写到此新文件（单个输入；.docx 保留格式），"
                                                "不改动输入")] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="只显示每条规则的问题数")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只列出问题（不显示上下文、原文摘录和汇总）")] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="发现问题时退出码仍为 0（输入或用法错误仍为 2）")] = False,
    color: Annotated[str, typer.Option("--color", help="颜色：auto（终端且未设 NO_COLOR 时）、always、never")] = "auto",
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename",
                                                       help="从标准输入读取时报告的文件名（也决定按 .md/.docx 等读取，"
                                                            "并从其目录查找配置）")] = None,
    previous: Annotated[Path | None, typer.Option("--previous", help="同一单位往年的报告：列出沿用往年报告的段落"
                                                  "（仅年份不同、数字照搬）")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="单份报告的时限（秒，计 CPU 时间；墙钟 5 倍时强制停止），超时的报告跳过，退出码 2；0 表示不限时")] = 120.0,
) -> None:
    """检查报告，逐条列出问题（位置、代码、规则名、级别、说明、原文摘录、建议）。

    输入：.txt .md（GB18030/UTF-8/UTF-16 自动识别）、.docx、.pdf，或目录（递归）。
    配置：reportlint.toml 或 pyproject.toml 的 \\[tool.reportlint]（自被检查文件向上查找，或 --config）。
    退出码：0 无警告或错误，1 有警告或错误，2 用法或输入错误。
    """
    try:
        code = run_check(paths, fmt, select, ignore, year, level, output, config, baseline, write_baseline,
                         statistics=statistics, quiet=quiet, exit_zero=exit_zero, color=color, fix=fix, diff=diff,
                         fix_to=fix_to, stdin_filename=stdin_filename, decisions=decisions, previous=previous,
                         timeout=timeout)
    except ReportlintError as exc:
        _err(str(exc))
        code = 2
    raise typer.Exit(code)


@app.command()
def claims(
    paths: Annotated[list[str], typer.Argument(help="报告文件或目录")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：csv 或 json")] = "csv",
    year: Annotated[int | None, typer.Option("--year", help="评价年度（报告未写明评价年度时使用；报告写明的年度优先）")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件而不是标准输出")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="配置文件")] = None,
) -> None:
    """导出报告中的数据声明（金额、数量、比率、日期、排名、得分、等级）为表格。"""
    from reportlint.engine import read_document
    from reportlint.output import claims_table
    from reportlint.safeio import check_output, write_text
    from reportlint.source import discover

    code = 0
    try:
        if fmt not in ("csv", "json"):
            raise UsageError(f"未知输出格式：{fmt}（可选 csv、json）")
        from reportlint.config import ConfigResolver

        resolver = ConfigResolver(config, _overrides(None, None, year, None))
        files, problems = discover(paths, resolver.excluded)
        for p in problems:
            _err(p)
            code = 2
        if output:
            check_output(output, files, "-o")
        table: list[dict] = []
        read = 0
        for f in files:
            try:
                table.extend(claims_table.rows(read_document(str(f), resolver.for_file(f))))
                read += 1
            except InputError as exc:
                _err(str(exc))
                code = 2
        if not read:  # no report could be read: no header-only table that would look like "no claims"
            raise typer.Exit(2)
        text = claims_table.render_csv(table) if fmt == "csv" else claims_table.render_json(table)
        if output:
            write_text(output, text, "-o")
        else:
            sys.stdout.write(text if fmt == "csv" else text + "\n")
    except ReportlintError as exc:
        _err(str(exc))
        code = 2
    raise typer.Exit(code)


@app.command()
def scan(
    paths: Annotated[list[str], typer.Argument(help="报告文件或目录（递归查找 .txt .md .docx .pdf）")],
    out: Annotated[Path, typer.Option("--out", help="输出目录：summary.csv、findings.jsonl、index.html、pages/")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="并行进程数，默认全部 CPU")] = 0,
    resume: Annotated[bool, typer.Option("--resume", help="跳过已完成的报告（中断后继续）")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="dask.distributed 调度器地址，如 tcp://10.0.0.5:8786")] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="单份报告的时限（秒，计 CPU 时间；墙钟 5 倍时强制停止）")] = 120.0,
    year: Annotated[int | None, typer.Option("--year", help="评价年度（报告未写明评价年度时使用；报告写明的年度优先）")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="配置文件")] = None,
    all_pages: Annotated[bool, typer.Option("--all-pages", help="为每份报告生成 HTML 页面（默认只为有问题的报告生成）")] = False,
    decisions: Annotated[Path | None, typer.Option("--decisions", help="审核决定文件（HTML 报告导出）：汇总中按单位统计"
                                                   "待处理、已确认、已忽略")] = None,
) -> None:
    """批量检查一批报告：并行检查、汇总表、仪表盘，并找出不同单位报告之间的复制。"""
    from reportlint.batch import ScanInterrupted, progress_printer, run_scan
    from reportlint.safeio import check_output_dir
    from reportlint.source import discover, display_path

    try:
        from reportlint.config import ConfigResolver

        files, problems = discover(paths, ConfigResolver(config, {}).excluded)  # exclude: per file's configuration
        for p in problems:
            _err(p)
        if not files:
            raise UsageError("没有可检查的报告")
        if jobs < 0:
            raise UsageError("--jobs 不能为负数")
        if not timeout >= 0:
            raise UsageError("--timeout 应为非负秒数（0 表示不限时）")
        check_output_dir(out, files, "--out")
        target = out.resolve()
        for p in paths:
            folder = Path(p).resolve()
            if folder.is_dir() and (folder == target or folder in target.parents):
                _err(f"注意：输出目录 {display_path(out)} 在输入目录 {display_path(p)} 之中，结果将与报告放在一起 "
                     f"(outputs go into the input folder)")
                break
        book = None
        if decisions is not None:
            from reportlint.decisions import read_decisions

            book = read_decisions(decisions)
        result = run_scan(files, out, jobs=jobs, resume=resume, scheduler=scheduler,
                          config=str(config) if config else None, overrides=_overrides(None, None, year, None),
                          timeout=timeout, progress=progress_printer(), all_pages=all_pages, decisions=book)
    except ReportlintError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    except ScanInterrupted as stop:
        _err(f"已中断：已完成 {stop.done}/{stop.total} 份，用 --resume 继续")
        raise typer.Exit(130) from None
    n_find = result.findings  # counted by the reduce step as it wrote the outputs (records stay on disk)
    if book is not None:
        from reportlint.decisions import resolved_lines

        n_find = result.counted
        _err(f"审核决定：{len(result.resolved)} 项已解决（对应问题已不存在）")
        from reportlint.fingerprints import old_file_note

        if note := old_file_note(decisions, book.version, "在 HTML 报告中重新“导出决定文件”", legacy=0,
                                 unmatched=len(result.resolved)):
            _err(note)
        for line in resolved_lines(result.resolved):
            _err(line)
    clusters = [c for c in result.clusters if not c.template]
    no_unit = f"（{result.no_unit} 份未识别单位，未参与跨单位比对）" if result.no_unit else ""
    print(f"检查了 {len(result.records)} 份报告（跳过已完成 {result.skipped} 份，{len(result.failed)} 份无法检查），"
          f"共 {n_find} 处问题（其中格式问题 {result.style} 处），{len(clusters)} 个跨报告复制簇{no_unit}；"
          f"用时 {result.seconds:.1f} 秒。"
          f"结果在 {display_path(out)}/index.html")
    for r in result.failed:
        msg = r["message"] if r["message"].startswith(r["file"]) else f"{r['file']}: {r['message']}"
        _err(f"{msg} [{r['status']}]")
    raise typer.Exit(2 if result.failed or problems else (1 if n_find else 0))


@app.command()
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="含报告的目录：有 *.gold.json 标注的按标注评分，没有的视为干净文本")],
    thresholds: Annotated[Path | None, typer.Option("--thresholds", help="记录的下限（JSON，可按目录名分节）；低于则退出码 1")] = None,
    write_thresholds: Annotated[Path | None, typer.Option("--write-thresholds", help="把当前数值写入此文件（按目录名分节合并）")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text 或 json")] = "text",
    show: Annotated[int, typer.Option("--show", help="最多列出多少条漏报与误报")] = 50,
) -> None:
    """按标注文件计算每条规则的精确率、召回率和 F1（另按置信度、体裁分列），干净文本按每十万字的报告数计。"""
    import json

    from rich.table import Table

    from reportlint.evaluate import (
        check_thresholds,
        current_thresholds,
        evaluate_dir,
        render_groups,
        render_table,
        thresholds_for,
    )

    try:
        if not corpus.is_dir():
            raise UsageError(f"{corpus}: 不是目录")
        ev = evaluate_dir(corpus)
        if fmt == "json":
            print(json.dumps(ev.as_dict(), ensure_ascii=False, indent=1))
        else:
            con = Console(highlight=False, width=150)
            if ev.reports:
                table = Table("代码", "规则", "TP", "FP", "其中落在反例", "FN", "精确率", "召回率", "F1", "正例", "反例",
                              title=f"reportlint evaluate {corpus.name}：{ev.reports} 份有标注的报告", box=None)
                for row in render_table(ev):
                    table.add_row(*[str(x) for x in row])
                con.print(table)
                for title, groups in (("按置信度", ev.by_confidence), ("按体裁", ev.by_genre)):
                    t = Table(title, "TP", "FP", "其中落在反例", "FN", "精确率", "召回率", box=None)
                    for row in render_groups(groups, recall_only=groups is ev.by_confidence):
                        t.add_row(*[str(x) for x in row])
                    con.print(t)
            if ev.clean.reports:
                c = ev.clean.as_dict()
                con.print(f"干净文本 {c['reports']} 份，{c['chars']} 字：报告 {c['findings']} 条"
                          f"（错误 {c['errors']}，警告 {c['warnings']}，提示 {c['info']}），"
                          f"每十万字 {c['per_100k']} 条（错误 {c['errors_per_100k']}）", markup=False)
                if c["by_rule"]:
                    con.print("  按规则：" + "，".join(f"{k} {v}" for k, v in c["by_rule"].items()), markup=False)
            lists = [("漏报", ev.misses), ("误报", ev.false_alarms), ("标注错误", ev.gold_errors)]
            for title, items in lists:
                if not items and title == "标注错误":
                    continue
                con.print(f"\n{title} {len(items)} 处" + ("：" if items else ""), markup=False)
                for line in items[:show]:
                    con.print("  " + line, markup=False, soft_wrap=True)
                if len(items) > show:
                    con.print(f"  …… 另有 {len(items) - show} 处", markup=False)
        if write_thresholds:
            data = {}
            if write_thresholds.is_file():
                data = json.loads(write_thresholds.read_text(encoding="utf-8"))
            data[corpus.name] = current_thresholds(ev)
            write_thresholds.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        code = 0
        for err in ev.gold_errors:
            _err(f"标注错误：{err}")
        if thresholds:
            section = thresholds_for(json.loads(thresholds.read_text(encoding="utf-8")), corpus)
            below = check_thresholds(ev, section)
            for b in below:
                _err(f"低于记录的下限：{b}")
            code = 1 if below or ev.gold_errors else 0
    except ReportlintError as exc:
        _err(str(exc))
        code = 2
    raise typer.Exit(code)


@app.command()
def generate(
    out: Annotated[Path, typer.Argument(help="输出目录")],
    count: Annotated[int, typer.Option("--count", "-n", help="生成多少份报告")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="随机种子（相同种子生成相同的报告）")] = 1,
    defect_rate: Annotated[float, typer.Option("--defect-rate", help="每条规则在每份报告中注入缺陷的概率")] = 0.2,
) -> None:
    """生成带缺陷和标注文件的模拟报告（用于评测与性能测试）。"""
    from reportlint.generate import generate as make

    if count < 1 or not 0 <= defect_rate <= 1:
        _err("--count 应为正整数，--defect-rate 应在 0 到 1 之间")
        raise typer.Exit(2)
    manifest = make(out, count, seed=seed, p_defect=defect_rate)
    print(f"已生成 {count} 份报告到 {out}（{len(manifest['clusters'])} 个跨报告复制簇）")


@app.command("rules")
def list_rules(
    fmt: Annotated[str, typer.Option("--format", "-f", help="text（表格）、markdown（README 规则表）或 json")] = "text",
) -> None:
    """列出全部规则。"""
    import json

    from reportlint.rules.base import all_rules
    from reportlint.rules.ruledoc import markdown_table, parse

    rules = all_rules()
    if fmt == "markdown":
        sys.stdout.write(markdown_table(rules))
        return
    if fmt == "json":
        out = [{"code": r.code, "name": r.name, "severity": str(r.severity), "family": r.family, "summary": r.summary,
                "needs": list(r.needs), "batch": r.batch, "fixable": r.fixable, "module": r.module, **_doc_fields(parse(r.doc))}
               for r in rules]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if fmt != "text":
        _err(f"未知格式：{fmt}（可用：text、markdown、json）")
        raise typer.Exit(2)
    from rich.table import Table

    table = Table("代码", "名称", "级别", "类别", "说明", box=None, pad_edge=False)
    for r in rules:
        table.add_row(r.code, r.name, _SEVERITY_CN[str(r.severity)], r.family, r.summary)
    Console().print(table)


_SEVERITY_CN = {"error": "错误", "warning": "警告", "info": "提示"}  # as ``check`` prints them


def _doc_fields(doc) -> dict:
    return {"doc": {"summary": doc.summary, **{k.lower().replace(" ", "_"): v for k, v in doc.sections.items()}}}


_SECTION_TITLES = {"Finds": "发现什么", "Why a reviewer cares": "为什么重要", "Example": "示例", "Fix": "如何修改",
                   "Leaves alone": "不报告的情形", "Source": "依据"}


@app.command()
def explain(key: Annotated[str, typer.Argument(help="规则名称或代码，如 section-gap 或 S102")]) -> None:
    """显示一条规则的说明（取自规则模块的文档）与示例。"""
    from reportlint.rules.base import find_rule
    from reportlint.rules.ruledoc import SECTIONS, parse

    r = find_rule(key)
    if r is None:
        _err(f"未知规则：{key}（用 reportlint rules 查看全部规则）")
        raise typer.Exit(2)
    con = Console(highlight=False)
    doc = parse(r.doc)
    con.print(f"[bold]{r.code} {r.name}[/bold]  级别：{_SEVERITY_CN[str(r.severity)]}（{r.severity}）  类别：{r.family}")
    con.print(r.summary, markup=False)
    con.print(doc.summary, markup=False)
    if r.needs:
        con.print(f"需要的上下文：{', '.join(r.needs)}（无法识别时本规则不报告）")
    for name in SECTIONS:
        if doc.sections.get(name):
            con.print(f"\n[bold]{_SECTION_TITLES[name]}[/bold]（{name}）", markup=True)
            con.print(doc.sections[name], markup=False)
    con.print("\n[red]会报告[/red]：", markup=True)
    con.print(r.fires.rstrip(), markup=False)
    con.print("\n[green]不会报告[/green]：", markup=True)
    con.print(r.silent.rstrip(), markup=False)


def _given_value(param, argv: list[str]) -> str | None:
    """The value written after one of ``param``'s option names in ``argv`` (``--year abc``, ``--year=abc``)."""
    names = [n for n in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())) if n.startswith("-")]
    for i, arg in enumerate(argv):
        for n in names:
            if arg == n and i + 1 < len(argv):
                return argv[i + 1]
            if arg.startswith(n + "=") and n.startswith("--"):
                return arg[len(n) + 1:]
            if not n.startswith("--") and arg.startswith(n) and len(arg) > len(n):
                return arg[len(n):]  # -jabc
    return None


def _click_exceptions():
    """The exception classes of the click that typer runs on (recent typer vendors its own copy)."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - typer on the installed click
        from click import exceptions
    return exceptions


def usage_message(exc, argv: list[str]) -> str:
    """One Chinese line for a usage error raised by the command-line parser (click)."""
    import difflib

    cx = _click_exceptions()
    ctx = exc.ctx
    where = f"reportlint {ctx.info_name}" if ctx is not None and ctx.parent is not None else "reportlint"
    if where == "reportlint" and argv and not argv[0].startswith("-"):
        where = f"reportlint {argv[0]}"  # an option's missing value is raised before the command's context
    more = f"（{where} --help 查看用法）"
    param = getattr(exc, "param", None)
    names = "/".join(getattr(param, "opts", ()) or ()) if param is not None else ""
    if isinstance(exc, cx.NoSuchOption):
        hint = f"，是否要用 {'、'.join(exc.possibilities)}" if exc.possibilities else ""
        return f"未知选项 {exc.option_name}{hint}{more}"
    if isinstance(exc, cx.BadOptionUsage):
        return f"选项 {exc.option_name} 后面缺少取值{more}"
    if isinstance(exc, cx.MissingParameter):
        if getattr(param, "param_type_name", "") == "option":
            return f"缺少选项 {names}：{param.help or ''}{more}"
        what = getattr(param, "help", None) or (param.human_readable_name if param is not None else "参数")
        return f"缺少参数：{what}{more}"
    if isinstance(exc, cx.BadParameter) and param is not None:
        value = _given_value(param, argv)
        shown = f"（现为 {value}）" if value is not None else ""
        said = exc.message.lower()
        kind = "整数" if "integer" in said else "数字" if ("number" in said or "float" in said) else ""
        if param.name == "year" and kind:
            return f"{names} 应为整数年份，如 2024{shown}"
        if kind:
            return f"{names} 应为{kind}{shown}"
        return f"{names or param.human_readable_name} 取值无效{shown}：{exc.message}"
    message = exc.format_message()
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else ""
        commands = ctx.command.list_commands(ctx) if ctx else []
        close = difflib.get_close_matches(name, commands, n=1)
        hint = f"，是否要用 {close[0]}" if close else ""
        return f"未知命令 {name}{hint}（可用命令：{'、'.join(commands)}）"
    if message.startswith("Got unexpected extra argument"):
        extra = message[message.rfind("(") + 1:message.rfind(")")] if "(" in message else ""
        return f"多余的参数：{extra}{more}"
    return f"用法错误：{message}{more}"


def main() -> None:
    from reportlint.warmcache import install_regex_cache

    install_regex_cache()
    cx = _click_exceptions()
    try:
        if not sys.argv[1:]:
            app()  # bare ``reportlint``: typer shows the help (exit 2)
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except cx.UsageError as exc:  # one Chinese line, not click's English box
        _err(usage_message(exc, sys.argv[1:]))
        sys.exit(2)
    except cx.ClickException as exc:  # a file option click could not open, …
        _err(exc.format_message())
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        _err("已中断")
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        from reportlint.errors import quiet_broken_pipe

        quiet_broken_pipe()
    except Exception as exc:  # a bug must end in one clear line, not a traceback (REPORTLINT_DEBUG=1 shows it)
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        _err(f"内部错误 (internal error: {type(exc).__name__}: {exc})；设置 REPORTLINT_DEBUG=1 可查看详情")
        sys.exit(2)


if __name__ == "__main__":
    main()
