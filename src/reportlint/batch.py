"""Batch scans: map (one report per worker) then reduce (cross-report copying, summary, dashboard).

Each worker loads jieba and the lexicons once and reuses them. A report's result is written to
``OUT/records/<key>.json`` as soon as it is done (atomically), so an interrupted scan loses nothing
and ``--resume`` skips what is already there. The reduce step runs in the parent: it reads the
records in file order (so a local pool and a dask cluster give identical outputs), finds passages
shared between units, and writes ``summary.csv``, ``findings.jsonl``, ``clusters.json``, per-report
pages and ``index.html``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlint.findings import Finding, Severity

SEVERITIES = ("error", "warning", "info")


def record_key(path: Path) -> str:
    """Identifies a report file's content version: path, size and modification time."""
    st = path.stat()
    h = hashlib.sha1(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return f"{path.stem[:40]}-{h}"


@cache
def _resolver(config: str | None, overrides: tuple):
    from reportlint.config import ConfigResolver

    return ConfigResolver(Path(config) if config else None, dict(overrides))


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout


def process_one(path: str, out_dir: str, config: str | None = None, overrides: tuple = (),
                timeout: float = 120.0) -> dict:
    """Lint one report and write its record; never raises (a failure is a record with status error)."""
    from reportlint import crossdoc
    from reportlint.engine import lint_path
    from reportlint.errors import ReportlintError
    from reportlint.output import html
    from reportlint.output.text import context_line

    p = Path(path)
    key = record_key(p)
    out = Path(out_dir)
    rec: dict = {"key": key, "file": path, "status": "ok", "message": "", "unit": None, "level": None,
                 "evaluation_year": None, "filing_date": None, "counts": {}, "severities": {}, "findings": [],
                 "passages": [], "page": None}
    started = time.perf_counter()
    use_alarm = timeout and threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        cfg = _resolver(config, overrides).for_file(p)
        result = lint_path(path, cfg)
        ctx = result.context
        rec.update(unit=ctx.unit_name, level=ctx.unit_level, evaluation_year=ctx.evaluation_year,
                   filing_date=ctx.filing_date.isoformat() if ctx.filing_date else None)
        rec["findings"] = [f.to_dict() | {"fingerprint": f.extra.get("fingerprint"), "raw_start": f.raw_start,
                                          "raw_end": f.raw_end} for f in result.findings]
        rec["context_line"] = context_line(ctx)
        rec["passages"] = crossdoc.passages(result.doc)
        page = out / "pages" / f"{key}.html"
        page.write_text(html.render([result], title=f"reportlint：{p.name}"), encoding="utf-8")
        rec["page"] = f"pages/{key}.html"
    except _Timeout:
        rec.update(status="timeout", message=f"超过 {timeout:g} 秒未完成 (timeout)")
    except ReportlintError as exc:
        rec.update(status="error", message=str(exc))
    except Exception as exc:  # one report's bug must not stop the scan
        rec.update(status="error", message=f"内部错误 (internal error: {type(exc).__name__}: {exc})")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    _count(rec)
    rec["seconds"] = round(time.perf_counter() - started, 4)
    _write_record(out, rec)
    return {"key": key, "file": path, "status": rec["status"]}


def _count(rec: dict) -> None:
    rec["counts"] = dict(Counter(f["rule"] for f in rec["findings"]))
    sev = Counter(f["severity"] for f in rec["findings"])
    rec["severities"] = {s: sev.get(s, 0) for s in SEVERITIES}


def _write_record(out: Path, rec: dict) -> None:
    target = out / "records" / f"{rec['key']}.json"
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)


@dataclass
class ScanResult:
    records: list[dict]
    clusters: list = field(default_factory=list)
    skipped: int = 0
    seconds: float = 0.0
    reduce_seconds: float = 0.0

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.records if r["status"] != "ok"]


def run_scan(files: list[Path], out: Path, jobs: int = 0, resume: bool = False, scheduler: str | None = None,
             config: str | None = None, overrides: dict | None = None, timeout: float = 120.0,
             progress: Callable[[int, int], None] | None = None, similarity: float = 70.0) -> ScanResult:
    for sub in ("records", "pages"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    keys = {str(f): record_key(f) for f in files}
    todo = [str(f) for f in files if not (resume and (out / "records" / f"{keys[str(f)]}.json").exists())]
    skipped = len(files) - len(todo)
    ov = tuple(sorted((overrides or {}).items(), key=lambda kv: kv[0]))
    ov = tuple((k, tuple(sorted(v)) if isinstance(v, set) else v) for k, v in ov)
    done = skipped
    if progress:
        progress(done, len(files))
    for _ in _execute(todo, str(out), config, ov, timeout, jobs, scheduler):
        done += 1
        if progress:
            progress(done, len(files))
    reduce_started = time.perf_counter()
    records = [json.loads((out / "records" / f"{keys[str(f)]}.json").read_text(encoding="utf-8")) for f in files]
    clusters = reduce_scan(records, out, similarity, config, ov)
    now = time.perf_counter()
    return ScanResult(records, clusters, skipped, now - started, now - reduce_started)


def _execute(todo: list[str], out: str, config, ov, timeout, jobs: int, scheduler: str | None) -> Iterable[dict]:
    if not todo:
        return
    if scheduler:
        from distributed import Client, as_completed

        with Client(scheduler) as client:
            futures = client.map(process_one, todo, out_dir=out, config=config, overrides=ov, timeout=timeout,
                                 pure=False)
            for fut in as_completed(futures):
                yield fut.result()
        return
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(todo) == 1:
        for path in todo:
            yield process_one(path, out, config, ov, timeout)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"), initializer=_warm) as pool:
        futures = [pool.submit(process_one, path, out, config, ov, timeout) for path in todo]
        for fut in as_completed(futures):
            yield fut.result()


def _warm() -> None:
    """Load the segmenter and the lexicons once per worker process."""
    from reportlint import nlp
    from reportlint.rules.base import all_rules

    nlp.tokenizer()
    all_rules()


# ---------------------------------------------------------------- reduce


def reduce_scan(records: list[dict], out: Path, similarity: float = 70.0, config: str | None = None,
                overrides: tuple = ()) -> list:
    from reportlint import crossdoc

    ok = [r for r in records if r["status"] == "ok"]
    clusters = crossdoc.find_clusters([(r["file"], r["unit"] or r["file"], r["passages"]) for r in ok],
                                      threshold=similarity)
    by_file = {r["file"]: r for r in records}
    for n, c in enumerate(clusters, 1):
        if c.template:
            continue
        for m in c.members:
            cfg = _resolver(config, overrides).for_file(Path(m.report))
            if not cfg.enabled("boilerplate-cross"):
                continue
            severity = str(cfg.severity.get("boilerplate-cross", Severity.WARNING))
            others = [o for o in c.members if o.unit != m.unit]
            where = "；".join(f"{o.unit}（{Path(o.report).name} {o.passage['where']}）" for o in others[:5])
            more = f"等{len(others)}处" if len(others) > 5 else ""
            p = m.passage
            by_file[m.report]["findings"].append({
                "path": m.report, "rule": "boilerplate-cross", "code": "C302", "severity": severity,
                "message": f"与其他单位的报告雷同（复制簇 {n}，相似度≥{c.similarity:.0f}%）：{where}{more}",
                "line": p["line"], "column": p["column"], "end_line": p["end_line"], "end_column": p["end_column"],
                "cluster": n,
            })
    for r in records:
        r["findings"].sort(key=lambda f: (f["line"], f["column"], f["code"]))
        _count(r)
    _rerender_pages([by_file[m.report] for c in clusters if not c.template for m in c.members], out, config,
                    overrides)
    write_outputs(records, clusters, out)
    return clusters


def _rerender_pages(records: list[dict], out: Path, config: str | None, overrides: tuple) -> None:
    """Pages of reports in a copy cluster are drawn again with their boilerplate-cross findings.

    No rule runs again: the text is re-read and rebuilt (for its outline) and the findings come
    from the record, so this costs a fraction of linting.
    """
    from reportlint.document import build_document
    from reportlint.output import html
    from reportlint.source import load_source

    seen = set()
    for rec in records:
        if rec["file"] in seen or rec["status"] != "ok":
            continue
        seen.add(rec["file"])
        doc = build_document(load_source(rec["file"]))
        findings = []
        for f in rec["findings"]:
            if f["rule"] == "boilerplate-cross":
                p = next(x for x in rec["passages"] if x["line"] == f["line"] and x["column"] == f["column"])
                span = (p["raw_start"], p["raw_end"])
            else:
                span = (f["raw_start"], f["raw_end"])
            finding = Finding(rule=f["rule"], code=f["code"], severity=Severity.parse(f["severity"]),
                              message=f["message"], raw_start=span[0], raw_end=span[1],
                              suggestion=f.get("suggestion"), path=rec["file"], line=f["line"], column=f["column"],
                              end_line=f["end_line"], end_column=f["end_column"], page=f.get("page"),
                              page_line=f.get("page_line"), paragraph=f.get("paragraph"), table=f.get("table"))
            findings.append(finding)
        view = html.ReportView.from_document(doc, findings, rec.get("context_line", ""))
        (out / rec["page"]).write_text(html.render([view], title=f"reportlint：{Path(rec['file']).name}"),
                                       encoding="utf-8")


def write_outputs(records: list[dict], clusters: list, out: Path) -> None:
    from reportlint.output import dashboard
    from reportlint.rules.base import all_rules

    rules = [r.name for r in all_rules()]
    with open(out / "summary.csv", "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "unit", "level", "evaluation_year", "filing_date", "status", "message", *SEVERITIES,
                    "total", *rules])
        for r in records:
            w.writerow([r["file"], r["unit"] or "", r["level"] or "", r["evaluation_year"] or "", r["filing_date"] or "",
                        r["status"], r["message"], *[r["severities"].get(s, 0) for s in SEVERITIES], len(r["findings"]),
                        *[r["counts"].get(name, 0) for name in rules]])
    with open(out / "findings.jsonl", "w", encoding="utf-8") as fh:
        for r in records:
            for f in r["findings"]:
                public = {k: v for k, v in f.items() if not k.startswith("raw_")}
                fh.write(json.dumps(public, ensure_ascii=False) + "\n")
    data = [{"id": n, "template": c.template, "similarity": round(c.similarity, 1), "units": c.units,
             "members": [{"file": m.report, "unit": m.unit, "line": m.passage["line"], "where": m.passage["where"],
                          "text": m.passage["text"][:120]} for m in c.members]}
            for n, c in enumerate(clusters, 1)]
    (out / "clusters.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "index.html").write_text(dashboard.render(records, data), encoding="utf-8")


def progress_printer(stream=None) -> Callable[[int, int], None] | None:
    """A rich progress bar on a terminal; nothing in CI or when stderr is redirected."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or not stream.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), transient=True)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            bar.start()
            task = bar.add_task("检查报告", total=total)
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return update
