"""Batch scans: outputs, broken files, copy clusters, resume after a kill, dask LocalCluster."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportlint.batch import run_scan
from reportlint.engine import lint_path
from reportlint.generate import generate
from reportlint.source import discover

from conftest import ROOT, SAMPLE_DIR

BAD = ROOT / "tests" / "fixtures" / "bad"
SHARED = ("针对农村供水保障中发现的36个突出问题，我局会同水务、财政等部门逐一制定整改措施，建立问题清单、责任清单和时限清单，"
          "实行挂图作战和销号管理，对进度滞后的4个项目开展专项督办，对整改不到位的2家单位进行约谈。")
STOCK = "根据《中华人民共和国预算法》等法律法规规定，本单位严格执行预算绩效管理制度，现将有关情况报告如下："


def _report(unit: str, body: str) -> str:
    return f"{unit}2024年度部门整体支出绩效自评报告\n评价年度：2024\n评价单位：{unit}\n填报日期：2025年3月1日\n{STOCK}\n{body}\n"


def _rows(out: Path) -> list[dict]:
    with open(out / "summary.csv", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for ext in (".txt", ".docx", ".pdf"):
        (src / f"sample{ext}").write_bytes((SAMPLE_DIR / f"000_645b6df18162c422{ext}").read_bytes())
    (src / "broken.pdf").write_bytes((BAD / "truncated.pdf").read_bytes())
    generate(src / "gen", 30, seed=21)
    out = tmp_path_factory.mktemp("out")
    files, _ = discover([str(src)])
    result = run_scan(files, out, jobs=2)
    return src, out, result


def test_scan_writes_all_outputs(scanned):
    _, out, result = scanned
    for name in ("summary.csv", "findings.jsonl", "clusters.json", "index.html"):
        assert (out / name).is_file(), name
    rows = _rows(out)
    assert len(rows) == 34 == len(result.records)
    broken = next(r for r in rows if r["file"].endswith("broken.pdf"))
    assert broken["status"] == "error" and "损坏" in broken["message"]
    ok = [r for r in rows if r["status"] == "ok"]
    assert len(ok) == 33
    sample = next(r for r in rows if r["file"].endswith("sample.txt"))
    assert (sample["unit"], sample["evaluation_year"], sample["filing_date"]) == (
        "湛江经济技术开发区人口和社会事务管理局", "2024", "2025-07-24")
    expected = len(lint_path(str(SAMPLE_DIR / "000_645b6df18162c422.txt")).findings)
    assert (sample["section-duplicate"], sample["jiezhi"], int(sample["total"])) == ("2", "7", expected)
    findings = [json.loads(line) for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sum(int(r["total"]) for r in rows) == len(findings)
    for r in ok:
        page = json.loads((out / "records" / next(p.name for p in (out / "records").iterdir()
                                                 if json.loads(p.read_text(encoding="utf-8"))["file"] == r["file"]))
                          .read_text(encoding="utf-8"))["page"]
        assert bool(page) == (int(r["total"]) > 0)  # a page only for a report with findings
        assert not page or (out / page).is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<svg" in index and "broken.pdf" in index and "跨报告复制" in index


def test_scan_finds_the_generators_copy_clusters(scanned):
    src, out, _ = scanned
    truth = {frozenset((m["file"], m["line"]) for m in c)
             for c in json.loads((src / "gen" / "manifest.json").read_text(encoding="utf-8"))["clusters"]}
    found = {frozenset((Path(m["file"]).name, m["line"]) for m in c["members"])
             for c in json.loads((out / "clusters.json").read_text(encoding="utf-8"))
             if not c["template"] and all("/gen/" in m["file"] for m in c["members"])}
    assert truth and found == truth


def test_copied_paragraph_between_two_units_and_stock_phrases(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(_report("云山区财政局", SHARED), encoding="utf-8")
    (src / "b.txt").write_text(_report("青禾县教育局", "（一）主要做法\n" + SHARED), encoding="utf-8")
    (src / "c.txt").write_text(_report("临川市民政局", "本局全年发放救助资金2860万元，惠及困难群众4.2万人次，"
                                                     "低保对象动态管理率达到100%，临时救助及时率达到98%，群众满意度持续提升。"),
                               encoding="utf-8")
    files, _ = discover([str(src)])
    result = run_scan(files, tmp_path / "out", jobs=1)
    clusters = [c for c in result.clusters if not c.template]
    assert len(clusters) == 1
    c = clusters[0]
    assert c.units == ["云山区财政局", "青禾县教育局"]
    assert sorted((Path(m.report).name, m.passage["line"]) for m in c.members) == [("a.txt", 6), ("b.txt", 7)]
    cross = [f for r in result.records for f in r["findings"] if f["rule"] == "boilerplate-cross"]
    assert sorted((Path(f["path"]).name, f["line"]) for f in cross) == [("a.txt", 6), ("b.txt", 7)]
    assert "青禾县教育局" in next(f for f in cross if f["path"].endswith("a.txt"))["message"]


def test_resume_after_kill_does_not_redo_finished_reports(tmp_path):
    src = tmp_path / "in"
    generate(src, 60, seed=4)
    out = tmp_path / "out"
    env = {**os.environ, "CI": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "reportlint", "scan", str(src), "--out", str(out), "-j", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.time() + 120  # hang guard only: waits for 10 records, asserts no duration
    while time.time() < deadline:
        done = list((out / "records").glob("*.json")) if (out / "records").exists() else []
        if len(done) >= 10:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = {p.name: p.stat().st_mtime_ns for p in (out / "records").glob("*.json")}
    assert 10 <= len(before) < 60
    assert not (out / "summary.csv").exists()
    r = subprocess.run([sys.executable, "-m", "reportlint", "scan", str(src), "--out", str(out), "--resume", "-j", "1"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert f"跳过已完成 {len(before)} 份" in r.stdout, r.stdout + r.stderr
    after = {p.name: p.stat().st_mtime_ns for p in (out / "records").glob("*.json")}
    assert len(after) == 60
    assert all(after[name] == mtime for name, mtime in before.items())
    rows = _rows(out)
    assert len(rows) == 60 and all(r["status"] == "ok" for r in rows)


def test_dask_local_cluster_gives_identical_results(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "in"
    generate(src, 24, seed=9)
    files, _ = discover([str(src)])
    local = run_scan(files, tmp_path / "local", jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_scan(files, tmp_path / "dask", scheduler=cluster.scheduler_address)
    for name in ("summary.csv", "findings.jsonl", "clusters.json"):
        assert (tmp_path / "local" / name).read_text(encoding="utf-8") == (tmp_path / "dask" / name).read_text(
            encoding="utf-8"), name
    assert len(local.records) == len(remote.records) == 24
