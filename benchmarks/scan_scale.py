"""The scan's cross-report (reduce) step at scale: time per report and the parent's peak memory.

    .venv/bin/python benchmarks/scan_scale.py                      # 100 … 20,000 reports
    .venv/bin/python benchmarks/scan_scale.py --sizes 1000 10000 --keep /tmp/scale   # reuse records

A scan's map step lints every report (about 20 reports a second per core here), so 20,000 reports would
take a quarter of an hour before the reduce even starts. The records are therefore made the cheap way:
``reportlint generate`` writes the reports of each size (seed 1; each size is a batch of its own, with
its own planted copies, one report in ten), and each record holds what the reduce reads from a
real one (unit, level and year from the generator's manifest, and ``crossdoc.passages`` of the built
document: the same passages, texts and signatures as a scan's), with no rule findings. The reduce
(``batch.reduce_scan``: copy index, same-unit years, pages of cluster members, summary.csv,
findings.jsonl, clusters.json, index.html) then runs on the first N records in a fresh process, which
reports its wall time and CPU time (after its imports, which it reports apart; CPU time is what a
busy machine disturbs least, so the ratios are taken from it) and its peak resident memory (VmHWM,
imports included). Sizes run in rounds, each round in the order small to large and back, and each
figure is a median.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

REDUCE = """
import json, sys, time, tempfile
from pathlib import Path
from reportlint import batch
n, records = int(sys.argv[1]), Path(sys.argv[2])
paths = sorted(records.glob("*.json"))[:n]
t = time.perf_counter()
batch._warm_reduce()
imports = time.perf_counter() - t
with tempfile.TemporaryDirectory() as out:
    out = Path(out)
    (out / "pages").mkdir()
    t, cpu = time.perf_counter(), time.process_time()
    result = batch.reduce_scan(paths, out)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM")][0].split()[1]
clusters = [{"kind": c.kind, "members": sorted([Path(m.report).name, m.passage["line"]] for m in c.members)}
            for c in result.clusters if not c.template]
print(json.dumps({"seconds": seconds, "cpu": cpu, "imports": imports, "peak_mb": int(hwm) / 1024, "clusters": clusters}))
"""


def _record(task: tuple[str, str, str, str, int]) -> None:
    from reportlint import crossdoc
    from reportlint.batch import new_record, write_record
    from reportlint.document import build_document
    from reportlint.source import load_source

    path, out, unit, level, year = task
    rec = new_record(path, Path(path).stem)
    rec.update(unit=unit, level=level, evaluation_year=year, context_line="",
               passages=crossdoc.passages(build_document(load_source(path))))
    write_record(Path(out), rec)


def make_records(n: int, workdir: Path) -> Path:
    """``n`` generated reports and their records (see the module docstring); reused when present."""
    from reportlint.generate import generate

    src, out = workdir / f"gen{n}", workdir / f"rec{n}"
    if not (src / "manifest.json").exists():
        generate(src, n, seed=1)
    manifest = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
    (out / "records").mkdir(parents=True, exist_ok=True)
    done = {p.stem for p in (out / "records").glob("*.json")}
    tasks = [(str(src / r["file"]), str(out), r["unit"], r["level"], r["year"]) for r in manifest["reports"]
             if Path(r["file"]).stem not in done]
    with Pool(os.cpu_count() or 1) as pool:
        for _ in pool.imap_unordered(_record, tasks, chunksize=64):
            pass
    return out / "records"


def reduce_once(n: int, records: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    r = subprocess.run([sys.executable, "-c", REDUCE, str(n), str(records)], capture_output=True, text=True, env=env,
                       check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 10000, 20000])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="a folder to keep (and reuse) the generated reports and records")
    ap.add_argument("--make-only", action="store_true", help="only make the records (into --keep)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "scan_scale.md")
    args = ap.parse_args()
    sys.path.insert(0, str(SRC))
    with tempfile.TemporaryDirectory(prefix="reportlint-scale-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        records = {n: make_records(n, work) for n in sorted(args.sizes)}
        made = time.perf_counter() - t
        if args.make_only:
            return
        runs: dict[int, list[dict]] = {n: [] for n in args.sizes}
        for k in range(args.rounds):
            for n in (sorted(args.sizes) if k % 2 == 0 else sorted(args.sizes, reverse=True)):
                runs[n].append(reduce_once(n, records[n]))
        truth = {}
        for n in args.sizes:
            manifest = json.loads((work / f"gen{n}" / "manifest.json").read_text(encoding="utf-8"))
            truth[n] = {tuple(sorted((m["file"], m["line"]) for m in c)) for c in manifest["clusters"]}
    base = 1000 if 1000 in runs else min(runs)
    per = {n: statistics.median(r["cpu"] for r in rs) / n * 1000 for n, rs in runs.items()}
    lines = [f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
             f"{time.strftime('%Y-%m-%d %H:%M')}; records made in {made:.0f} s; {args.rounds} rounds",
             "", f"| reports | reduce step (wall) | CPU | CPU per report | vs {base:,} | imports (once) | "
             "parent peak memory | copy clusters (found / exact / planted) |", "|---|---|---|---|---|---|---|---|"]
    for n in sorted(runs):
        rs = runs[n]
        found = {tuple(sorted(tuple(m) for m in c["members"])) for c in rs[0]["clusters"]}
        lines.append(f"| {n:,} | {statistics.median(r['seconds'] for r in rs):.2f} s | "
                     f"{statistics.median(r['cpu'] for r in rs):.2f} s | {per[n]:.2f} ms | "
                     f"{per[n] / per[base]:.2f} | {statistics.median(r['imports'] for r in rs):.2f} s | "
                     f"{statistics.median(r['peak_mb'] for r in rs):.0f} MB | "
                     f"{len(found)} / {len(found & truth[n])} / {len(truth[n])} |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
