"""A scan always finishes: a killed, hung or crashing worker costs only its own report; hostile names and
bombs are recorded with their status; records are keyed by content, options and configuration;
workers die with their parent."""

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote

import pytest

from hostile import bomb_pdf, sample_path
from reportlint import batch
from reportlint.batch import run_scan
from reportlint.generate import generate
from reportlint.source import discover

SLOW_COPIES = 60  # the sample repeated: long enough (seconds) to be caught while it is being checked


def _rows(out: Path) -> list[dict]:
    with open(out / "summary.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


class _Spy:
    """Replaces batch.WorkerPool with a subclass that lets the test reach the live pool."""

    def __init__(self, monkeypatch):
        self.pools = []
        spy = self

        class Pool(batch.WorkerPool):
            def __init__(self, *a, **kw):
                super().__init__(*a, **kw)
                spy.pools.append(self)

        monkeypatch.setattr(batch, "WorkerPool", Pool)

    def signal_worker_of(self, name: str, sig: int, after: float = 0.5, wait: float = 120) -> threading.Thread:
        """In a thread: once a worker has been checking ``name`` for ``after`` seconds, send it ``sig``."""
        def run():
            end = time.monotonic() + wait  # hang guard only (the worker's age picks when to signal)
            while time.monotonic() < end:
                for pool in self.pools:
                    for w in list(pool.workers):
                        task = w.get("task")
                        if task and Path(task[0]).name == name and time.monotonic() - w["started"] > after:
                            os.kill(w["proc"].pid, sig)
                            return
                time.sleep(0.05)

        t = threading.Thread(target=run, daemon=True)
        t.start()
        return t


@pytest.fixture(scope="module")
def slow_text() -> str:
    return sample_path().read_text(encoding="utf-8") * SLOW_COPIES


def test_scan_with_a_bomb_a_killed_worker_and_a_non_utf8_name_completes(tmp_path, monkeypatch, slow_text):
    src = tmp_path / "in"
    generate(src, 3, seed=5)
    (src / "sample.txt").write_bytes(sample_path().read_bytes())
    (src / "bomb.pdf").write_bytes(bomb_pdf(4 * 2**20))
    (src / "reportlint.toml").write_text("[limits]\nmax_part_bytes = 2097152\n", encoding="utf-8")
    odd = os.fsencode(src) + b"/odd\xff#?\x1b.txt"
    with open(odd, "wb") as fh:
        fh.write(sample_path().read_bytes())
    (src / "slow.txt").write_text(slow_text, encoding="utf-8")
    spy = _Spy(monkeypatch)
    killer = spy.signal_worker_of("slow.txt", signal.SIGKILL)
    files, problems = discover([str(src)])
    assert len(files) == 7 and not problems
    out = tmp_path / "out"
    result = run_scan(files, out, jobs=2, timeout=300)
    killer.join(1)
    rows = {Path(r["file"]).name: r for r in _rows(out)}
    assert len(rows) == 7
    assert rows["slow.txt"]["status"] == "error" and "信号 9" in rows["slow.txt"]["message"]
    assert rows["bomb.pdf"]["status"] == "too-large" and "解压后过大" in rows["bomb.pdf"]["message"]
    name = "odd\\xff#?\\x1b.txt"
    assert rows[name]["status"] == "ok" and rows[name]["total"] == rows["sample.txt"]["total"] != "0"
    assert sum(r["status"] == "ok" for r in rows.values()) == 5
    assert spy.pools[0].replaced == 1
    findings = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum(int(r["total"]) for r in rows.values()) == len(findings) > 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for rec in result.records:
        if rec["page"]:
            assert (out / rec["page"]).is_file()
            assert f'href="{rec["page"]}"' in index  # the key is safe: no # ? % to break the link
    import re

    for href in re.findall(r'href="(pages/[^"]+)"', index):
        assert (out / unquote(href.split("#")[0])).is_file()
    assert "\x1b" not in index


def test_a_worker_stuck_where_the_alarm_cannot_reach_is_killed_and_recorded_as_timeout(tmp_path, monkeypatch,
                                                                                      slow_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(sample_path().read_bytes())
    (src / "slow.txt").write_text(slow_text, encoding="utf-8")
    spy = _Spy(monkeypatch)
    monkeypatch.setattr(batch, "GRACE", 1.0)
    monkeypatch.setattr(batch, "WALL_FACTOR", 1.0)  # the parent's kill at 5 + 1 s of wall time, not 5 x 5 + 1
    stopper = spy.signal_worker_of("slow.txt", signal.SIGSTOP, after=0.2)  # stopped: no Python code runs
    files, _ = discover([str(src)])
    run_scan(files, tmp_path / "out", jobs=1, timeout=5)
    stopper.join(1)
    rows = {Path(r["file"]).name: r for r in _rows(tmp_path / "out")}
    assert rows["slow.txt"]["status"] == "timeout" and "已被终止" in rows["slow.txt"]["message"]
    assert rows["a.txt"]["status"] == "ok"


def test_resume_never_reuses_a_record_made_with_other_options_or_content(tmp_path):
    src = tmp_path / "in"
    generate(src, 2, seed=9)
    files, _ = discover([str(src)])
    out = tmp_path / "out"
    first = run_scan(files, out, jobs=1, overrides={"evaluation_year": 2020})
    fresh = run_scan(files, out, jobs=1, resume=True)
    assert fresh.skipped == 0  # other options: checked again
    assert {r["key"] for r in first.records}.isdisjoint(r["key"] for r in fresh.records)
    again = run_scan(files, out, jobs=1, resume=True)
    assert again.skipped == 2
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    edited = run_scan(files, out, jobs=1, resume=True)
    assert edited.skipped == 1  # new content: checked again
    (src / "reportlint.toml").write_text('ignore = ["jiezhi"]\n', encoding="utf-8")
    assert run_scan(files, out, jobs=1, resume=True).skipped == 0  # new configuration


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(d.name))
    return out


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        out.extend(kids)
        todo.extend(kids)
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux /proc")
def test_workers_die_with_their_parent(tmp_path, slow_text):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"slow{i}.txt").write_text(slow_text, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, "-m", "reportlint", "scan", str(src), "--out", str(tmp_path / "o"),
                               "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        end = time.monotonic() + 60  # hang guard only: waits for the workers to start
        workers = []
        while time.monotonic() < end and len(workers) < 2:
            workers = _descendants(parent.pid)  # a fork server's workers are the scan's grandchildren
            time.sleep(0.2)
        assert workers
        time.sleep(2)
        workers = _descendants(parent.pid)
        parent.kill()
        parent.wait(10)
        end = time.monotonic() + 60  # hang guard only: waits for the workers to leave
        while time.monotonic() < end and any(Path(f"/proc/{w}").exists() and "Z" not in
                                             Path(f"/proc/{w}/stat").read_text().split()[2] for w in workers):
            time.sleep(0.2)
        alive = [w for w in workers if Path(f"/proc/{w}").exists()
                 and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
        assert not alive
    finally:
        if parent.poll() is None:
            parent.kill()


def test_record_names_are_safe_in_urls_and_file_systems(tmp_path):
    p = tmp_path / "a#b?c%d e.txt"
    p.write_text("x", encoding="utf-8")
    key = batch.record_key(p, "settings")
    assert not set(key) & set("#?% /")
    assert key != batch.record_key(p, "other settings")
    json.dumps(batch.new_record(os.fsdecode(os.fsencode(tmp_path) + b"/\xff.txt"), key), ensure_ascii=False).encode()


def test_a_docx_that_runs_past_the_timeout_is_recorded_as_timeout(tmp_path):
    """The alarm is a BaseException: the .docx reader's ``except Exception`` cannot turn it into an error."""
    from hostile import big_docx

    p = tmp_path / "big.docx"
    p.write_bytes(big_docx(sample_path(".docx"), 150))
    out = tmp_path / "out"
    (out / "records").mkdir(parents=True)
    (out / "pages").mkdir()
    res = batch.process_one(str(p), str(out), timeout=0.3)
    assert res["status"] == "timeout"


def test_running_out_of_memory_is_recorded_as_too_large(tmp_path, monkeypatch):
    import reportlint.engine

    def exhausted(*_a, **_k):
        raise MemoryError

    monkeypatch.setattr(reportlint.engine, "lint_path", exhausted)
    p = tmp_path / "r.txt"
    p.write_bytes(sample_path().read_bytes())
    out = tmp_path / "out"
    (out / "records").mkdir(parents=True)
    (out / "pages").mkdir()
    res = batch.process_one(str(p), str(out))
    rec = json.loads((out / "records" / f"{res['key']}.json").read_text(encoding="utf-8"))
    assert (rec["status"], rec["message"]) == ("too-large", f"{p}: 内存超过上限 (out of memory)")
