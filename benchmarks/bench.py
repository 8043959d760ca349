"""reportlint benchmarks: one command, every figure a ratio against a reference measured in the same run.

    .venv/bin/python benchmarks/bench.py            # everything (scans of 100, 1,000 and 4,000 reports)
    .venv/bin/python benchmarks/bench.py --quick    # scans of 100 and 1,000 reports only
    .venv/bin/python benchmarks/bench.py --src /other/checkout/src   # measure another tree (before/after)

The runs compared are interleaved (A B A B …, so a load change on the machine hits both sides) and each
figure is the median of the per-round ratios A/B, next to the medians of A and B themselves:

1. warm lint of the sample report vs plain ``jieba.cut`` of the same text (the cost floor of any
   jieba-based tool), in one process, 21 rounds;
2. one process running ``reportlint check`` on 200 generated reports vs one process that only runs
   ``jieba.cut`` on the same texts (both cold, start-up included), 5 rounds;
3. cold ``reportlint check`` of the sample vs ``python -c "import spacy"``, 9 rounds, and the peak memory
   of that check;
4. scan workers: the fork server's one-time warm-up, then each worker's start (fork to ready);
5. batch scans of generated reports: 2 workers vs 1 worker on the same reports (wall time, 2 rounds),
   throughput, and how the cross-report (reduce) step's time grows with the number of reports;
6. with ``--scale``: the cross-report step alone at 100 to 20,000 reports (``scan_scale.py``: CPU time per
   report against the 1,000-report figure, the parent's peak memory, clusters found against planted).

Results are printed as Markdown and written to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample" / "000_645b6df18162c422.txt"
SRC = ROOT / "src"


def interleave(a, b, rounds: int) -> dict:
    """Run ``a`` and ``b`` alternately; medians of each and the median of the per-round ratios a/b."""
    ta, tb, ratios = [], [], []
    for i in range(rounds):
        pair = []
        for fn in ((a, b) if i % 2 == 0 else (b, a)):
            t = time.perf_counter()
            fn()
            pair.append(time.perf_counter() - t)
        x, y = pair if i % 2 == 0 else pair[::-1]
        ta.append(x)
        tb.append(y)
        ratios.append(x / y)
    return {"a": statistics.median(ta), "b": statistics.median(tb), "ratio": statistics.median(ratios),
            "ratio_min": min(ratios), "ratio_max": max(ratios), "rounds": rounds}


def _env() -> dict:
    env = dict(os.environ)
    # measured as installed: pip byte-compiles a package, so the runs read .pyc files (written by the
    # warm-up run) rather than compiling every module from source
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, capture_output=True, env=_env())


def lint_vs_jieba() -> dict:
    import jieba

    from reportlint.engine import lint_path

    jieba.setLogLevel(logging.WARNING)
    text = SAMPLE.read_text(encoding="utf-8")
    jieba.initialize()
    for _ in range(3):
        list(jieba.cut(text))
        lint_path(str(SAMPLE))
    r = interleave(lambda: lint_path(str(SAMPLE)), lambda: list(jieba.cut(text)), 21)

    def lint_full():
        lint_path(str(SAMPLE)).doc.tokens  # noqa: B018  (the whole-text spaCy Doc as well)

    lint_full()
    full = interleave(lint_full, lambda: list(jieba.cut(text)), 9)
    return {**r, "chars": len(text), "full": full}


def lint_costs(rounds: int = 5) -> list[tuple[str, float]]:
    """Where a warm lint of the sample spends its time: document build, context, shared claims extraction,
    segmentation and each rule (cumulative ms per lint under cProfile, so inflated alike; shared work is
    counted where it is first asked for, and also on its own line)."""
    import cProfile
    import pstats
    import re

    from reportlint.engine import lint_path

    lint_path(str(SAMPLE))
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(rounds):
        lint_path(str(SAMPLE))
    prof.disable()
    rule_file = re.compile(r"[/\\]rules[/\\]\w+[/\\]([A-Z]\d{3})_(\w+)\.py$")
    phases = {"build_document": "document: reflow, paragraphs, heading tree", "detect_context": "context",
              "claims_of": "claims extraction (shared)", "cut": "segmentation (rjieba, blocks asked for)",
              "lint_path": "total"}
    out: dict[str, float] = {}
    for (filename, _line, func), (_cc, _nc, _tt, ct, _callers) in pstats.Stats(prof).stats.items():
        m = rule_file.search(filename)
        if m and func == m.group(2):
            out[f"{m.group(1)} {m.group(2).replace('_', '-')}"] = ct
        elif func in phases and "reportlint" in filename and (func != "cut" or filename.endswith("nlp.py")):
            out[phases[func]] = out.get(phases[func], 0.0) + ct
    return sorted(((k, v / rounds * 1000) for k, v in out.items()), key=lambda kv: -kv[1])


JIEBA_ONLY = ("import logging, pathlib, sys\nimport jieba\njieba.setLogLevel(logging.WARNING)\n"
              "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
              "    list(jieba.cut(p.read_text(encoding='utf-8')))\n")


def folder_vs_jieba(workdir: Path, n: int = 200) -> dict:
    from reportlint.generate import generate

    src = workdir / f"folder{n}"
    generate(src, n, seed=2)
    check = [sys.executable, "-m", "reportlint", "check", str(src), "-f", "json", "-o", str(workdir / "f.json")]
    jieba_only = [sys.executable, "-c", JIEBA_ONLY, str(src)]
    _run(check)
    _run(jieba_only)
    return {**interleave(lambda: _run(check), lambda: _run(jieba_only), 5), "reports": n}


# VmHWM (the peak resident set of this process image) rather than ru_maxrss, which on Linux carries
# the forked parent's memory over the exec
PEAK = ("import runpy, sys\n"
        "sys.argv = ['reportlint', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('reportlint', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "hwm = [ln for ln in open('/proc/self/status') if ln.startswith('VmHWM')][0].split()[1]\n"
        "print(hwm, file=sys.stderr)\n")


def cold_start() -> dict:
    check = [sys.executable, "-m", "reportlint", "check", str(SAMPLE)]
    spacy = [sys.executable, "-c", "import spacy"]
    with tempfile.TemporaryDirectory(prefix="reportlint-cache-") as fresh:  # the very first run: builds the cache
        env = {**_env(), "REPORTLINT_CACHE_DIR": fresh}
        t = time.perf_counter()
        subprocess.run(check, capture_output=True, env=env)
        first = time.perf_counter() - t
    _run(check)  # fills the cache folder (word-frequency tries, lexicons, compiled patterns) and .pyc files
    _run(spacy)
    r = interleave(lambda: _run(check), lambda: _run(spacy), 9)
    peak = subprocess.run([sys.executable, "-c", PEAK, str(SAMPLE)], capture_output=True, text=True, env=_env())
    return {**r, "peak_mb": int(peak.stderr.strip().splitlines()[-1]) / 1024, "first_s": first}


def worker_start() -> dict:
    """A local scan's worker start: the fork server's one-time warm-up (with the first two workers), then
    each further worker from fork to "ready" (median of 7)."""
    from multiprocessing.connection import wait

    from reportlint.batch import WorkerPool

    def ready(ws: list[dict]) -> None:
        while not all(w["ready"] for w in ws):
            wait([w["conn"] for w in ws], timeout=5)
            for w in ws:
                if not w["ready"] and w["conn"].poll() and w["conn"].recv() == "ready":
                    w["ready"] = True

    pool = WorkerPool(2)
    t = time.perf_counter()
    first = [pool._spawn() for _ in range(2)]
    ready(first)
    warm = time.perf_counter() - t
    times = []
    for _ in range(7):
        t = time.perf_counter()
        w = pool._spawn()
        ready([w])
        times.append(time.perf_counter() - t)
        pool._stop(w)
    for w in first:
        pool._stop(w)
    return {"first_s": warm, "each_s": statistics.median(times)}


def scans(sizes: list[int], speedup_at: int, workdir: Path) -> tuple[list[dict], dict]:
    from reportlint.batch import run_scan
    from reportlint.generate import generate
    from reportlint.source import discover

    rows, speedup = [], {}
    for n in sizes:
        src = workdir / f"gen{n}"
        generate(src, n, seed=1)
        files, _ = discover([str(src)])
        manifest = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
        truth = {frozenset((m["file"], m["line"]) for m in c) for c in manifest["clusters"]}
        runs: dict[int, list[float]] = {1: [], 2: []}
        order = ([2, 1, 2, 1] if n == speedup_at else [2])
        for k, jobs in enumerate(order):
            out = workdir / f"out{n}-{jobs}-{k}"
            t = time.perf_counter()
            result = run_scan(files, out, jobs=jobs)
            total = time.perf_counter() - t
            runs[jobs].append(total)
            if jobs == 2 and len(runs[2]) == 1:
                found = {frozenset((Path(m.report).name, m.passage["line"]) for m in c.members)
                         for c in result.clusters if not c.template}
                rows.append({"reports": n, "jobs": 2, "seconds": total, "per_second": n / total,
                             "reduce_s": result.reduce_seconds, "clusters_true": len(truth),
                             "clusters_found": len(found), "clusters_exact": len(truth & found)})
        if runs[1]:
            ratios = [one / two for one, two in zip(runs[1], runs[2], strict=False)]
            speedup = {"reports": n, "one_s": statistics.median(runs[1]), "two_s": statistics.median(runs[2]),
                       "ratio": statistics.median(ratios), "rounds": len(ratios)}
    return rows, speedup


def _rat(r: dict) -> str:
    return f"**{r['ratio']:.2f}** ({r['ratio_min']:.2f}–{r['ratio_max']:.2f}, {r['rounds']} rounds)"


def report(lint: dict, folder: dict, cold: dict, start: dict, rows: list[dict], speedup: dict,
           costs: list[tuple[str, float]]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end; {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        "Ratios are medians of per-round ratios of interleaved runs (range in brackets).",
        "",
        "| measure | reportlint | reference | ratio | target |",
        "|---|---|---|---|---|",
        f"| warm lint of the sample ({lint['chars']} characters) | {lint['a'] * 1000:.1f} ms | "
        f"`jieba.cut` of the same text {lint['b'] * 1000:.1f} ms | {_rat(lint)} | ≤ 0.7 |",
        f"| warm lint + whole-text spaCy `Doc` | {lint['full']['a'] * 1000:.1f} ms | `jieba.cut` "
        f"{lint['full']['b'] * 1000:.1f} ms | {_rat(lint['full'])} | |",
        f"| one process `reportlint check` of {folder['reports']} generated reports | {folder['a']:.2f} s | one process "
        f"running only `jieba.cut` on them {folder['b']:.2f} s | {_rat(folder)} | ≤ 1.0 |",
        f"| cold `reportlint check` of the sample | {cold['a']:.2f} s | `python -c \"import spacy\"` {cold['b']:.2f} s "
        f"| {_rat(cold)} | ≤ 0.5 |",
        f"| peak memory of that check | {cold['peak_mb']:.0f} MB | | | |",
        f"| the very first check (empty cache folder: builds the tries, lexicon and pattern caches) | "
        f"{cold['first_s']:.2f} s | | | |",
        f"| scan worker start, each (forked from the warm fork server) | {start['each_s'] * 1000:.0f} ms | | | "
        f"well under 0.2 s |",
        f"| the fork server's one-time warm-up, with the first 2 workers | {start['first_s']:.2f} s | | | |",
    ]
    if speedup:
        lines.append(f"| scan of {speedup['reports']:,} reports, 2 workers vs 1 | {speedup['two_s']:.1f} s | 1 worker "
                     f"{speedup['one_s']:.1f} s | **{speedup['ratio']:.2f}×** faster ({speedup['rounds']} rounds) | ≥ 1.6× |")
    lines += ["", "| scan (2 workers) | wall time | reports/s | cross-report step | per report | "
              "copy clusters (found / exact / true) |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['reports']:,} reports | {r['seconds']:.1f} s | {r['per_second']:.1f} | {r['reduce_s']:.2f} s | "
                     f"{r['reduce_s'] / r['reports'] * 1000:.2f} ms | {r['clusters_found']} / {r['clusters_exact']} / "
                     f"{r['clusters_true']} |")
    lines += ["", "Where a warm lint of the sample spends its time (cProfile, ms per lint, inflated by the profiler; "
              "the top 15):", "", "| part | ms |", "|---|---|"]
    lines += [f"| {k} | {v:.1f} |" for k, v in costs[:16]]
    return "\n".join(lines) + "\n"


def main() -> None:
    global SRC
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="scans of 100 and 1,000 reports only")
    ap.add_argument("--src", type=Path, default=SRC, help="the reportlint source tree to measure (default: this one)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "results.md")
    ap.add_argument("--scale", action="store_true",
                    help="also the cross-report step at 100-20,000 reports (benchmarks/scan_scale.py, ~20 min)")
    args = ap.parse_args()
    SRC = args.src.resolve()
    sys.path.insert(0, str(SRC))
    os.environ["PYTHONPATH"] = str(SRC) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    lint = lint_vs_jieba()
    costs = lint_costs()
    cold = cold_start()
    start = worker_start()
    with tempfile.TemporaryDirectory(prefix="reportlint-bench-") as tmp:
        folder = folder_vs_jieba(Path(tmp))
        sizes, at = ([100, 1000], 1000) if args.quick else ([100, 1000, 4000], 4000)
        rows, speedup = scans(sizes, at, Path(tmp))
    text = report(lint, folder, cold, start, rows, speedup, costs)
    if args.scale:  # the reduce step alone at scale, in its own processes (CPU-time ratios, peak memory)
        scale = Path(__file__).with_name("scan_scale.md")
        subprocess.run([sys.executable, str(Path(__file__).with_name("scan_scale.py")), "--out", str(scale)],
                       env=_env(), check=True, capture_output=True)
        text += "\nThe cross-report step at scale (`scan_scale.py`):\n\n" + scale.read_text(encoding="utf-8")
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
