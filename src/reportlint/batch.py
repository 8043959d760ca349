"""Batch scans: map (one report per worker) then reduce (cross-report copying, summary, dashboard).

Each worker loads jieba and the lexicons once and reuses them. A report's result is written to
``OUT/records/<key>.json`` as soon as it is done (atomically), so an interrupted scan loses nothing
and ``--resume`` skips what is already there. The reduce step runs in the parent: it reads the
records in file order (so a local pool and a dask cluster give identical outputs), finds passages
shared between units, and writes ``summary.csv``, ``findings.jsonl``, ``clusters.json``, per-report
pages and ``index.html``.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import hashlib
import json
import os
import re
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlint import __version__
from reportlint.decisions import match
from reportlint.findings import Finding, Severity
from reportlint.source import display_path

SEVERITIES = ("error", "warning", "info")
STATUSES = ("ok", "error", "timeout", "too-large")
GRACE = 5.0  # seconds a worker gets past its wall-clock hang guard before the parent kills it (a hang inside C code)
WALL_FACTOR = 5.0  # = limits.WALL_FACTOR: the wall-clock time a report may take, as a multiple of --timeout (CPU)


def content_digest(path: Path) -> str:
    """SHA-1 of a file's bytes (read in 1 MB blocks)."""
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


_UNSAFE_NAME = re.compile(r"[^\w\u4e00-\u9fff.-]+")


def record_key(path: Path, settings: str = "") -> str:
    """A record's name: a readable stem plus a hash of the file's content and of ``settings``
    (options, configuration, limits and linter version), so ``--resume`` never reuses a record
    made from other bytes or with other settings. Safe in a file name and a URL (no # ? %)."""
    h = hashlib.sha1(f"{content_digest(path)}|{settings}|{__version__}".encode()).hexdigest()[:16]
    stem = _UNSAFE_NAME.sub("_", _readable_stem(path.stem))[:40].strip("._") or "report"
    return f"{stem}-{h}"


_GB_READABLE = re.compile(r"[A-Za-z0-9_\u3000-\u303f\u3400-\u9fff\uff00-\uffef .()-]+")


def _readable_stem(stem: str) -> str:
    """A file name's stem as text for a record name. A name whose bytes are not UTF-8 is read as
    GB18030 when that gives plain Chinese text (Windows zips store GBK names: ``湛江报告``); other
    bytes are escaped one by one (``odd\\xff``), never half-decoded into stray letters."""
    try:
        stem.encode("utf-8")
        return display_path(stem)
    except UnicodeEncodeError:
        raw = os.fsencode(stem)
    try:
        text = raw.decode("gb18030")
        if _GB_READABLE.fullmatch(text):
            return text
    except UnicodeDecodeError:
        pass
    return "".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in raw)


@cache
def _config_in(config: str | None, overrides: tuple, folder: str):
    """The configuration of the files in ``folder`` (it depends on the folder only: the nearest
    reportlint.toml or pyproject.toml upwards), looked up once per folder by the reduce step."""
    return _resolver(config, overrides).for_file(Path(folder) / "_")


def _config_of(config: str | None, overrides: tuple, rec: dict):
    return _config_in(config, overrides, str(Path(real_path(rec)).parent))


@cache
def _resolver(config: str | None, overrides: tuple):
    from reportlint.config import ConfigResolver

    return ConfigResolver(Path(config) if config else None, dict(overrides))


def settings_of(path: Path, config: str | None, overrides: tuple) -> str:
    """Everything besides the file's bytes that decides its record: options and the configuration
    file's content (found per file) with its limits."""
    cfg = _resolver(config, overrides).for_file(path)
    text = _file_digest(cfg.source) if cfg.source else ""
    return f"{overrides!r}|{text}|{cfg.limits.digest()}"


@cache
def _file_digest(path: str) -> str:
    try:
        return content_digest(Path(path))
    except OSError:
        return "unreadable"


def _fs_path(path: str) -> dict:
    """How to find a file again from its record: its name as text, plus its raw bytes when the
    name is not valid UTF-8 (Python keeps such bytes as lone surrogates, which JSON cannot carry)."""
    try:
        path.encode("utf-8")
        return {}
    except UnicodeEncodeError:
        return {"fs_path": base64.b64encode(os.fsencode(path)).decode()}


def real_path(rec: dict) -> str:
    """The path to open for a record (see ``_fs_path``)."""
    if rec.get("fs_path"):
        return os.fsdecode(base64.b64decode(rec["fs_path"]))
    return rec["file"]


def new_record(path: str, key: str) -> dict:
    return {"key": key, "file": display_path(path), **_fs_path(path), "status": "ok", "message": "",
            "unit": None, "level": None, "evaluation_year": None, "filing_date": None, "counts": {},
            "severities": {}, "findings": [], "passages": [], "page": None}


def process_one(path: str, out_dir: str, config: str | None = None, overrides: tuple = (),
                timeout: float = 120.0, key: str | None = None, all_pages: bool = False) -> dict:
    """Lint one report and write its record; never raises (a failure is a record with its status).
    Its HTML page is written when it has findings, or always with ``all_pages``."""
    from reportlint import crossdoc
    from reportlint.engine import lint_path
    from reportlint.errors import ReportlintError
    from reportlint.limits import Timeout, TooLargeError, time_limit, timeout_message
    from reportlint.output import html
    from reportlint.output.text import context_line

    p = Path(path)
    out = Path(out_dir)
    rec: dict = {}
    started = time.perf_counter()
    try:
        with time_limit(timeout):
            rec = new_record(path, key or record_key(p, settings_of(p, config, overrides)))
            cfg = _resolver(config, overrides).for_file(p)
            result = lint_path(path, cfg)
            ctx = result.context
            rec.update(unit=ctx.unit_name, level=ctx.unit_level, evaluation_year=ctx.evaluation_year,
                       filing_date=ctx.filing_date.isoformat() if ctx.filing_date else None)
            rec["findings"] = [f.to_dict() | {"fingerprint": f.extra.get("fingerprint"),
                                              "fingerprint_v1": f.extra.get("fingerprint_v1"),
                                              "raw_start": f.raw_start, "raw_end": f.raw_end} for f in result.findings]
            rec["context_line"] = context_line(ctx)
            rec["passages"] = crossdoc.passages(result.doc)
            if result.findings or all_pages:  # a page with nothing to show costs a fifth of a worker's time
                page = out / "pages" / f"{rec['key']}.html"
                page.write_text(html.render([result], title=f"reportlint：{p.name}"), encoding="utf-8",
                                errors="backslashreplace")
                rec["page"] = f"pages/{rec['key']}.html"
    except Timeout as exc:
        rec = _failed(rec, path, key, "timeout", timeout_message(timeout, exc).replace("，已跳过", ""))
    except TooLargeError as exc:
        rec = _failed(rec, path, key, "too-large", str(exc))
    except MemoryError:
        rec = _failed(rec, path, key, "too-large", f"{display_path(path)}: 内存超过上限 (out of memory)")
    except ReportlintError as exc:
        rec = _failed(rec, path, key, "error", str(exc))
    except Exception as exc:  # one report's bug must not stop the scan
        rec = _failed(rec, path, key, "error", f"内部错误 (internal error: {type(exc).__name__}: {exc})")
    rec["seconds"] = round(time.perf_counter() - started, 4)
    write_record(out, rec)
    return {"key": rec["key"], "file": rec["file"], "status": rec["status"]}


def _failed(rec: dict, path: str, key: str | None, status: str, message: str) -> dict:
    """A record of a report that could not be checked (its partial results dropped)."""
    if not rec:
        try:
            key = key or record_key(Path(path))
        except OSError:
            key = "unreadable-" + hashlib.sha1(os.fsencode(path)).hexdigest()[:16]
    out = new_record(path, key or rec["key"])
    out.update(status=status, message=message)
    return out


def _count(rec: dict) -> None:
    rec["counts"] = dict(Counter(f["rule"] for f in rec["findings"]))
    sev = Counter(f["severity"] for f in rec["findings"])
    rec["severities"] = {s: sev.get(s, 0) for s in SEVERITIES}


def write_record(out: Path, rec: dict) -> None:
    """Write a record atomically (a temporary file renamed into place)."""
    _count(rec)
    target = out / "records" / f"{rec['key']}.json"
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8", errors="backslashreplace")
    os.replace(tmp, target)


@dataclass
class ScanResult:
    records: Sequence[dict]  # read from disk on demand (``Records``), as the outputs show them
    clusters: list = field(default_factory=list)
    skipped: int = 0
    seconds: float = 0.0
    reduce_seconds: float = 0.0
    resolved: list = field(default_factory=list)  # decisions whose finding is gone
    failed: list[dict] = field(default_factory=list)  # records of reports that could not be checked
    findings: int = 0  # findings in all
    counted: int = 0  # findings not dismissed by a decision
    style: int = 0  # findings of the style rules (family form: punctuation …), counted apart on the dashboard
    no_unit: int = 0  # reports checked whose unit was not recognised: left out of the cross-unit step


def run_scan(files: list[Path], out: Path, jobs: int = 0, resume: bool = False, scheduler: str | None = None,
             config: str | None = None, overrides: dict | None = None, timeout: float = 120.0,
             progress: Callable[[int, int], None] | None = None, similarity: float = 70.0,
             all_pages: bool = False, decisions: list | None = None) -> ScanResult:
    """Check ``files`` into ``out``; ``decisions`` (``decisions.read_decisions``) mark the findings of
    findings.jsonl and the dashboard (records stay as the rules left them, so ``--resume`` reuses them)."""
    for sub in ("records", "pages"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ov = tuple(sorted((overrides or {}).items(), key=lambda kv: kv[0]))
    ov = tuple((k, tuple(sorted(v)) if isinstance(v, set) else v) for k, v in ov)
    keys: list[str] = []  # each file's record name, in file order
    failed_early: set[int] = set()
    for n, f in enumerate(files):
        try:
            keys.append(record_key(f, settings_of(f, config, ov)))
        except OSError as exc:  # vanished or unreadable since discovery: its own record, the scan goes on
            rec = _failed({}, str(f), None, "error", f"{display_path(f)}: 无法读取 ({exc.strerror or exc})")
            write_record(out, rec)
            keys.append(rec["key"])
            failed_early.add(n)
    todo = [(str(f), k) for n, (f, k) in enumerate(zip(files, keys, strict=True)) if n not in failed_early
            and not (resume and (out / "records" / f"{k}.json").exists())]
    skipped = len(files) - len(todo) - len(failed_early)
    done = len(files) - len(todo)
    try:
        if progress:
            progress(done, len(files))
        for _ in _execute(todo, str(out), config, ov, timeout, jobs, scheduler, all_pages):
            done += 1
            if progress:
                progress(done, len(files))
        del todo
        reduce_started = time.perf_counter()
        result = reduce_scan(RecordPaths(out / "records", keys), out, similarity, config, ov, decisions)
    except KeyboardInterrupt:
        with contextlib.suppress(Exception):
            getattr(progress, "close", lambda: None)()
        raise ScanInterrupted(done, len(files)) from None
    now = time.perf_counter()
    result.skipped, result.seconds, result.reduce_seconds = skipped, now - started, now - reduce_started
    return result


class ScanInterrupted(KeyboardInterrupt):
    """Ctrl-C during a scan: ``done`` of ``total`` records are on disk (``--resume`` keeps them)."""

    def __init__(self, done: int, total: int):
        super().__init__(done, total)
        self.done, self.total = done, total


class RecordPaths(Sequence):
    """The record files of a scan, in file order, from their names (no Path object held per report)."""

    def __init__(self, folder: Path, keys: list[str]):
        self.folder, self.keys = folder, keys

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self.folder / f"{self.keys[i]}.json"


def _execute(todo: list[tuple[str, str]], out: str, config, ov, timeout, jobs: int,
             scheduler: str | None, all_pages: bool = False) -> Iterable[dict]:
    """The map step: (path, record name) pairs to their records."""
    if not todo:
        return
    if scheduler:
        yield from _execute_dask(todo, out, config, ov, timeout, scheduler, all_pages)
        return
    jobs = min(jobs or os.cpu_count() or 1, len(todo))
    memory = _resolver(config, ov).for_file(Path(todo[0][0])).limits.worker_memory_mb
    yield from WorkerPool(jobs, memory).run(todo, out, config, ov, timeout, all_pages)


def _execute_dask(todo, out, config, ov, timeout, scheduler, all_pages=False) -> Iterable[dict]:
    from reportlint.errors import UsageError

    try:
        from distributed import Client, as_completed
    except ImportError:
        raise UsageError("--scheduler 需要安装 dask.distributed (pip install distributed)") from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"无法连接调度器 {scheduler}：{type(exc).__name__}: {exc}".splitlines()[0]) from None
    with client:
        futures = {client.submit(process_one, path, out, config, ov, timeout, key, all_pages, pure=False): (path, key)
                   for path, key in todo}
        for fut in as_completed(futures):
            path, key = futures[fut]
            try:
                yield fut.result()
            except Exception as exc:  # a worker that died (KilledWorker) costs only its report
                rec = _failed({}, path, key, "error",
                              f"{display_path(path)}: 检查进程异常退出 ({type(exc).__name__}: {exc})".splitlines()[0])
                write_record(Path(out), rec)
                yield {"key": rec["key"], "file": rec["file"], "status": rec["status"]}


# ---------------------------------------------------------------- local worker pool


def _worker_main(conn, memory_mb: int, parent_pid: int | None = None) -> None:
    """A scan worker: dies with its parent, caps its memory, warms up, then lints what it is sent."""
    from reportlint.limits import cap_memory, die_with_parent

    die_with_parent(parent_pid)
    if parent_pid is not None:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _warm()
    cap_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        conn.send(process_one(*task))


def _watch_parent(parent_pid: int, every: float = 1.0) -> None:
    """Ends this worker once the scan is gone, whichever process forked it (spawn or a fork server)."""
    while True:
        time.sleep(every)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            pass


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return f"退出码 {code}"
    try:
        return f"信号 {-code} {signal.Signals(-code).name}"
    except ValueError:
        return f"信号 {-code}"


class WorkerPool:
    """Worker processes, one report each at a time; a worker that dies or hangs costs only its report.

    The parent waits on each worker's pipe and process handle with the nearest deadline: a result
    is passed on; a worker that died (kill -9, abort in C code, out of memory) or ran past
    ``timeout + GRACE`` (a hang where Python's alarm cannot reach) gets its report recorded as
    ``error`` or ``timeout`` with the reason, and is replaced by a fresh worker.
    """

    def __init__(self, jobs: int, memory_mb: int = 0):
        import multiprocessing

        self.jobs = max(1, jobs)
        self.memory_mb = memory_mb
        if "forkserver" in multiprocessing.get_all_start_methods():
            # workers forked from one server warmed by reportlint.scanwarm: each starts in milliseconds
            self.ctx = multiprocessing.get_context("forkserver")
            self.ctx.set_forkserver_preload(["reportlint.workerguard", "reportlint.scanwarm"])
        else:
            self.ctx = multiprocessing.get_context("spawn")
        self.workers: list[dict] = []
        self.replaced = 0

    def _spawn(self) -> dict:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.memory_mb, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return {"proc": proc, "conn": parent, "ready": False, "task": None, "deadline": None, "started": 0.0}

    def _stop(self, w: dict) -> None:
        if w["proc"].is_alive():
            w["proc"].kill()
        w["proc"].join(5)
        w["conn"].close()

    def run(self, tasks: list[tuple[str, str]], out: str, config, ov, timeout: float,
            all_pages: bool = False) -> Iterable[dict]:
        from multiprocessing.connection import wait

        pending = deque(tasks)
        self.workers = [self._spawn() for _ in range(min(self.jobs, len(tasks)))]
        hard = (timeout * WALL_FACTOR + GRACE) if timeout else None  # the worker's own limit is CPU time
        finished = False
        try:
            while pending or any(w["task"] for w in self.workers):
                for w in self.workers:
                    if w["ready"] and w["task"] is None and pending:
                        path, key = pending.popleft()
                        w["task"] = (path, key)
                        w["started"] = time.monotonic()
                        w["deadline"] = w["started"] + hard if hard else None
                        with contextlib.suppress(OSError):  # a dead worker is found below
                            w["conn"].send((path, out, config, ov, timeout, key, all_pages))
                deadlines = [w["deadline"] for w in self.workers if w["task"] and w["deadline"]]
                wait_for = max(0.05, min(deadlines) - time.monotonic()) if deadlines else 1.0
                handles = [w["conn"] for w in self.workers] + [w["proc"].sentinel for w in self.workers]
                wait(handles, timeout=wait_for)
                for i, w in enumerate(self.workers):
                    result = self._poll(w, out, timeout)
                    if result is not None:
                        yield result
                    if w.get("dead"):
                        self._stop(w)
                        self.replaced += 1
                        self.workers[i] = self._spawn()
            finished = True
        finally:
            if not finished:  # Ctrl-C or an error: no report's end is awaited, busy workers are killed now
                for w in self.workers:
                    if w["task"] is not None and w["proc"].is_alive():
                        w["proc"].kill()
            for w in self.workers:
                try:
                    if w["proc"].is_alive() and w["ready"] and w["task"] is None:
                        w["conn"].send(None)
                except OSError:
                    pass
            for w in self.workers:
                w["proc"].join(2)
                self._stop(w)

    def _poll(self, w: dict, out: str, timeout: float) -> dict | None:
        """A finished task's result, or the record of one whose worker died or hung; else None."""
        try:
            if w["conn"].poll():
                msg = w["conn"].recv()
                if msg == "ready":
                    w["ready"] = True
                    return None
                w["task"] = None
                return msg
        except (EOFError, OSError):
            pass  # the worker died; handled below
        if w["proc"].is_alive() and not (w["task"] and w["deadline"] and time.monotonic() > w["deadline"]):
            return None
        w["dead"] = True
        if w["task"] is None:
            if not w["ready"]:  # died while starting up: the environment is broken, not a report
                w["proc"].join(1)
                from reportlint.errors import ReportlintError

                raise ReportlintError(f"检查进程无法启动（{_signal_name(w['proc'].exitcode)}），请先用 reportlint check "
                                      "检查单个文件 (scan worker failed to start)")
            return None
        path, key = w["task"]
        w["task"] = None
        if w["proc"].is_alive():  # past the hard deadline: stuck where the alarm cannot reach (C code)
            status, message = "timeout", (f"{timeout * WALL_FACTOR:g} 秒仍未完成，检查进程已被终止；可用 --timeout "
                                          f"{2 * timeout:g} 放宽时限，或 --timeout 0 不限时 (timeout)")
        else:
            w["proc"].join(1)
            code = w["proc"].exitcode
            memo = "，可能超过内存上限" if self.memory_mb and code in (-6, -9, -11, 1) else ""
            status, message = "error", (f"{display_path(path)}: 检查进程异常退出（{_signal_name(code)}{memo}），"
                                        f"本报告未检查，其余报告继续 (worker died)")
        rec = _failed({}, path, key, status, message)
        write_record(Path(out), rec)
        return {"key": rec["key"], "file": rec["file"], "status": rec["status"]}


def _warm_reduce() -> None:
    """Import what the reduce step uses (the copy index, rapidfuzz, the rules' names, the HTML and
    dashboard templates, the document builder): a one-time cost of the process, apart from the step."""
    from reportlint import crossdoc  # noqa: F401
    from reportlint.document import build_document  # noqa: F401
    from reportlint.output import dashboard, html
    from reportlint.rules.base import all_rules

    all_rules()
    html._environment().get_template("report.html.j2")
    html._environment().get_template("dashboard.html.j2")
    dashboard.Tally()._rows.close()
    from rapidfuzz import fuzz, process  # noqa: F401


def _warm() -> None:
    """Load the segmenter and the lexicons once per worker process."""
    from reportlint import nlp
    from reportlint.rules.base import all_rules

    nlp.tokenizer()
    all_rules()
    from reportlint.engine import lint_text

    with contextlib.suppress(Exception):  # lazy loads; a rule's bug is reported per report, not here
        lint_text("2024年度部门整体支出绩效自评报告\n一、基本情况\n本单位全年预算100万元，执行率98%。\n")


# ---------------------------------------------------------------- reduce
#
# The reduce step reads the records from disk twice, one at a time, and never holds them all: the
# first pass feeds each report's passage signatures to crossdoc.CrossIndex (texts and band keys go to
# temporary files) and notes each report's unit and year; the copy steps then re-read only the
# records they need (cluster members, a unit's reports of several years); the second pass writes
# summary.csv, findings.jsonl and the dashboard's rows as it reads each record again with the
# findings the reduce added. What the parent keeps grows with the number of reports by a few
# hundred bytes each.


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _slim(p: dict) -> dict:
    """A passage as a cluster member keeps it: its place and the start of its text as written (no signature)."""
    return {k: v for k, v in p.items() if k not in ("sig", "carry", "figures", "excerpt", "sents")} | {
        "text": p.get("excerpt") or p["text"][:120]}


class Records(Sequence):
    """A scan's records as its outputs show them (the reduce's findings added, decisions marked,
    findings in order, counts updated), read from disk one at a time on each access."""

    def __init__(self, paths: list[Path], extra: dict[int, list[dict]], pages: dict[int, str], book: dict):
        self.paths, self.extra, self.pages, self.book = paths, extra, pages, book
        self.used: set[str] = set()

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        i = range(len(self))[i]
        rec = _read(self.paths[i])
        for f in rec["findings"]:  # reviewers' decisions apply to the rules' own findings
            d = match(self.book, f)
            if d is not None:
                f["decision"] = d.to_dict()
                self.used.add(d.fingerprint)
        rec["findings"] += [dict(f) for f in self.extra.get(i, ())]
        rec["findings"].sort(key=lambda f: (f["line"], f["column"], f["code"]))
        if i in self.pages:
            rec["page"] = self.pages[i]
        _count(rec)
        return rec


def reduce_scan(paths: list[Path], out: Path, similarity: float = 70.0, config: str | None = None,
                overrides: tuple = (), decisions: list | None = None) -> ScanResult:
    """The cross-report step and the outputs, from the record files ``paths`` (in file order)."""
    import tempfile

    from reportlint import crossdoc

    index = crossdoc.CrossIndex(similarity)
    in_index: list[int] = []  # the record number of each report in the index
    units: dict[str, list[tuple[int, int]]] = {}  # unit key -> (record number, offset in ``years``) per dated report
    years = tempfile.TemporaryFile("w+b")  # noqa: SIM115  what the year step needs of each dated report
    try:
        for i, path in enumerate(paths):
            rec = _read(path)
            key = crossdoc.unit_key(rec["unit"])
            if rec["status"] != "ok" or not key:
                continue
            index.add(rec["file"], rec["unit"], rec["passages"], key=key)
            in_index.append(i)
            if rec["evaluation_year"]:
                units.setdefault(key, []).append((i, years.tell()))
                years.write(json.dumps({"file": rec["file"], "unit": rec["unit"], "real": real_path(rec),
                                        "evaluation_year": rec["evaluation_year"],
                                        "passages": [{k: v for k, v in p.items() if k not in ("sig", "sents")}
                                                     for p in rec["passages"]]}).encode() + b"\n")  # ASCII: any name
        found = index.clusters()
        if _config_in(config, overrides, ".").threshold("copy_sentence_windows") >= 1:  # partial copies
            found += [(m, 100.0, template, spans) for m, spans, template in index.partial_clusters(found)]
        extra: dict[int, list[dict]] = {}
        clusters = _cross_findings(index, found, paths, in_index, extra, config, overrides)
        stock = {(in_index[index.report[m]], index.pindex[m]) for m in index.stock}
        clusters += _year_copies(years, units, stock, extra, config, overrides)
    finally:
        index.close()
        years.close()
    from reportlint.decisions import _book

    book = _book(decisions or [])
    records = Records(paths, extra, {}, book)
    involved = sorted({m.record for c in clusters if not c.template for m in c.members})
    _rerender_pages(records, involved, out, config, overrides)
    result = ScanResult(records, clusters)
    _write_outputs(records, clusters, out, result)
    result.resolved = [d for d in book.values() if d.fingerprint not in records.used]
    return result


def _cross_findings(index, found: list, paths: Sequence[Path], numbers: list[int], extra: dict[int, list[dict]],
                    config: str | None, overrides: tuple) -> list:
    """Clusters of ``index.clusters()`` with their members (re-read from their records: file, unit,
    passage), and a ``boilerplate-cross`` finding for every member of a non-template cluster, added to
    ``extra``. ``numbers``: the record number of each report in the index."""
    from reportlint import crossdoc

    listed = [c[0][:crossdoc.TEMPLATE_LISTED] if c[2] else c[0] for c in found]
    spans = {(n, m): s for n, c in enumerate(found) if len(c) > 3 for m, s in c[3].items()}  # partial copies
    wanted: dict[int, set[int]] = {}
    for members in listed:
        for m in members:
            wanted.setdefault(index.report[m], set()).add(index.pindex[m])
    full: dict[tuple[int, int], dict] = {}  # the passages of partial copies, with their sentences
    passages: dict[tuple[int, int], dict] = {}
    real: dict[int, str] = {}
    named: dict[int, tuple[str, str]] = {}  # report in the index -> (file, unit)
    for r in sorted(wanted):
        rec = _read(paths[numbers[r]])
        real[numbers[r]] = real_path(rec)
        named[r] = (rec["file"], rec["unit"])
        for n in wanted[r]:
            passages[(r, n)] = _slim(rec["passages"][n])
            if spans:
                full[(r, n)] = rec["passages"][n]

    def member_passage(k: int, m: int) -> dict:
        key = (index.report[m], index.pindex[m])
        return _slim(crossdoc.span_passage(full[key], spans[(k, m)])) if (k, m) in spans else passages[key]

    clusters = []
    for k, ((members, similarity, template, *_), shown) in enumerate(zip(found, listed, strict=True)):
        c = crossdoc.Cluster([crossdoc.Member(*named[index.report[m]], member_passage(k, m),
                                              record=numbers[index.report[m]]) for m in shown],
                             similarity=similarity, template=template, size=len(members),
                             unit_names=index.unit_names(members))
        clusters.append(c)
    for n, c in enumerate(clusters, 1):
        if c.template:
            continue
        for m in c.members:
            cfg = _config_in(config, overrides, str(Path(real[m.record]).parent))
            if not cfg.enabled("boilerplate-cross"):
                continue
            severity = str(cfg.severity.get("boilerplate-cross", Severity.WARNING))
            others = [o for o in c.members if o.unit != m.unit]
            where = "；".join(f"{o.unit}（{Path(o.report).name} {o.passage['where']}）" for o in others[:5])
            more = f"等{len(others)}处" if len(others) > 5 else ""
            p = m.passage
            extra.setdefault(m.record, []).append({
                "path": m.report, "rule": "boilerplate-cross", "code": "C302", "severity": severity,
                "message": (f"与其他单位的报告有连续{p['copied'][0]}句（{p['copied'][1]}字）相同（复制簇 {n}）：{where}{more}"
                            if p.get("copied") else
                            f"与其他单位的报告雷同（复制簇 {n}，相似度≥{c.similarity:.0f}%）：{where}{more}"),
                "line": p["line"], "column": p["column"], "end_line": p["end_line"], "end_column": p["end_column"],
                "raw_start": p["raw_start"], "raw_end": p["raw_end"], "cluster": n,
            })
    return clusters


def _year_copies(years, units: dict[str, list[tuple[int, int]]], stock: set[tuple[int, int]],
                 extra: dict[int, list[dict]], config: str | None, overrides: tuple) -> list:
    """``boilerplate-year`` (C303): each unit's reports compared with its reports of earlier years
    (crossdoc.year_copies), read back from ``years`` (what pass 1 kept of each dated report) only for
    units with reports of two years or more. Passages that are template text across units (``stock``:
    members of template clusters or common text of the cross-report step) are left out: every unit
    repeats them every year. Findings go to ``extra`` (the later report's), clusters are of kind same-unit."""
    from reportlint import crossdoc

    def back(offset: int) -> dict:
        years.seek(offset)
        return json.loads(years.readline())

    clusters = []
    for entries in units.values():
        if len(entries) < 2:
            continue
        numbers = [i for i, _ in entries]
        recs = [back(offset) for _, offset in entries]
        if len({r["evaluation_year"] for r in recs}) < 2:
            continue
        group = [(r["file"], r["unit"], r["evaluation_year"],
                  [p for n, p in enumerate(r["passages"]) if (i, n) not in stock]) for i, r in zip(numbers, recs,
                                                                                                  strict=True)]
        for k, found, cluster in crossdoc.year_copies(group):
            i, rec = numbers[k], recs[k]
            cfg = _config_in(config, overrides, str(Path(rec["real"]).parent))
            if not cfg.enabled("boilerplate-year"):
                continue
            severity = str(cfg.severity.get("boilerplate-year", Severity.WARNING))
            for f in found:
                p = f["passage"]
                extra.setdefault(i, []).append({
                    "path": rec["file"], "rule": "boilerplate-year", "code": "C303", "severity": severity,
                    "message": f["message"], "line": p["line"], "column": p["column"], "end_line": p["end_line"],
                    "end_column": p["end_column"], "raw_start": p["raw_start"], "raw_end": p["raw_end"]})
            by_file = {r["file"]: n for n, r in zip(numbers, recs, strict=True)}
            for m in cluster.members:
                m.record = by_file[m.report]
                m.passage = _slim(m.passage)
            clusters.append(cluster)
    return clusters


def _rerender_pages(records: Records, involved: list[int], out: Path, config: str | None, overrides: tuple) -> None:
    """Pages of reports in a copy cluster are drawn again with the findings the reduce added.

    No rule runs again: the text is re-read and rebuilt (for its outline) and the findings come
    from the record, so this costs a fraction of linting. A report that had no page gets one
    (``records.pages``; its record on disk stays as the rules left it, for ``--resume``).
    """
    from reportlint.document import build_document
    from reportlint.output import html
    from reportlint.source import load_source

    for i in involved:
        rec = records[i]
        if rec["status"] != "ok":
            continue
        if not rec.get("page"):  # no finding of its own, so no page yet
            rec["page"] = records.pages[i] = f"pages/{rec['key']}.html"
        path = real_path(rec)
        doc = build_document(load_source(path, _config_of(config, overrides, rec).limits))
        findings = []
        for f in rec["findings"]:
            finding = Finding(rule=f["rule"], code=f["code"], severity=Severity.parse(f["severity"]),
                              message=f["message"], raw_start=f["raw_start"], raw_end=f["raw_end"],
                              suggestion=f.get("suggestion"), path=rec["file"], line=f["line"], column=f["column"],
                              end_line=f["end_line"], end_column=f["end_column"], page=f.get("page"),
                              page_line=f.get("page_line"), paragraph=f.get("paragraph"), table=f.get("table"))
            findings.append(finding)
        view = html.ReportView.from_document(doc, findings, rec.get("context_line", ""))
        (out / rec["page"]).write_text(html.render([view], title=f"reportlint：{Path(rec['file']).name}"),
                                       encoding="utf-8")


def _write_outputs(records: Records, clusters: list, out: Path, result: ScanResult) -> None:
    """summary.csv, findings.jsonl, clusters.json and index.html, one record at a time."""
    from reportlint.output import dashboard
    from reportlint.rules.base import all_rules

    rules = [r.name for r in all_rules()]
    tally = dashboard.Tally()
    pages: dict[str, str | None] = {}
    members = {m.report for c in clusters for m in c.members}
    from reportlint.decisions import DISMISSED, decision_of

    with open(out / "summary.csv", "w", encoding="utf-8-sig", newline="") as fh, \
            open(out / "findings.jsonl", "w", encoding="utf-8") as fj:
        w = csv.writer(fh)
        w.writerow(["file", "unit", "level", "evaluation_year", "filing_date", "status", "message", *SEVERITIES,
                    "total", *rules])
        for r in records:
            w.writerow([r["file"], r["unit"] or "", r["level"] or "", r["evaluation_year"] or "", r["filing_date"] or "",
                        r["status"], r["message"], *[r["severities"].get(s, 0) for s in SEVERITIES], len(r["findings"]),
                        *[r["counts"].get(name, 0) for name in rules]])
            for f in r["findings"]:
                public = {k: v for k, v in f.items() if not k.startswith("raw_") and k != "fingerprint_v1"}
                fj.write(json.dumps(public, ensure_ascii=False) + "\n")
            result.findings += len(r["findings"])
            result.counted += sum(1 for f in r["findings"] if decision_of(f) != DISMISSED)
            if r["status"] != "ok":
                result.failed.append({k: v for k, v in r.items() if k != "passages"})
            if r["file"] in members:
                pages[r["file"]] = r.get("page")
            r.pop("passages", None)
            tally.add(r)
    data = [{"id": n, "kind": getattr(c, "kind", "cross-unit"), "template": c.template,
             "similarity": round(c.similarity, 1), "units": c.units, "size": c.size or len(c.members),
             "members": [{"file": m.report, "unit": m.unit, "line": m.passage["line"], "where": m.passage["where"],
                          "text": m.passage["text"][:120]} for m in c.members]}
            for n, c in enumerate(clusters, 1)]
    with open(out / "clusters.json", "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    result.style = tally.style_total
    result.no_unit = tally.no_unit
    tally.write(out / "index.html", data, pages)


def progress_printer(stream=None) -> Callable[[int, int], None] | None:
    """A rich progress bar on a terminal; nothing in CI or when stderr is redirected."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or not stream.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), transient=True)
    return _Bar(bar)


class _Bar:
    """``progress_printer``'s callable: ``bar(done, total)``; ``close()`` erases it (Ctrl-C)."""

    def __init__(self, bar):
        self.bar, self.task = bar, None

    def __call__(self, done: int, total: int) -> None:
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task("检查报告", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()

    def close(self) -> None:
        self.bar.stop()
