"""reportlint benchmarks: one command, every figure as a ratio against a reference measured in the same run.

    .venv/bin/python benchmarks/bench.py            # everything (scan of 100, 1,000 and 5,000 reports)
    .venv/bin/python benchmarks/bench.py --quick    # scan of 100 and 1,000 reports only

Figures:
1. lint time of the sample report vs plain ``jieba.cut`` of the same text (the cost floor of any
   jieba-based tool), warm, median of 20 runs each;
2. cold start of ``reportlint check`` on the sample vs ``python -c "import spacy"``, median of 5 runs;
3. peak memory (max RSS) of that ``reportlint check`` process;
4. batch scans of generated reports: throughput, speed-up from 1 to 2 workers, and how the
   cross-report (reduce) step's time grows with the number of reports.
Results are printed as Markdown and written to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
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


def median_time(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def lint_vs_jieba() -> dict:
    import jieba

    from reportlint.engine import lint_path

    jieba.setLogLevel(logging.WARNING)
    text = SAMPLE.read_text(encoding="utf-8")
    jieba.initialize()
    list(jieba.cut(text))
    lint_path(str(SAMPLE))
    t_jieba = median_time(lambda: list(jieba.cut(text)), 20)
    t_lint = median_time(lambda: lint_path(str(SAMPLE)), 20)

    def lint_full():
        r = lint_path(str(SAMPLE))
        r.doc.tokens  # noqa: B018  (the whole-text spaCy Doc as well)

    t_full = median_time(lint_full, 10)
    return {"jieba_ms": t_jieba * 1000, "lint_ms": t_lint * 1000, "ratio": t_lint / t_jieba,
            "lint_full_ms": t_full * 1000, "ratio_full": t_full / t_jieba, "chars": len(text)}


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
    subprocess.run(check, capture_output=True)  # the first run builds the dictionary trie in the temp dir
    t_spacy = median_time(lambda: subprocess.run([sys.executable, "-c", "import spacy"], check=True), 5)
    t_check = median_time(lambda: subprocess.run(check, capture_output=True), 5)
    peak = subprocess.run([sys.executable, "-c", PEAK, str(SAMPLE)], capture_output=True, text=True)
    return {"spacy_s": t_spacy, "check_s": t_check, "ratio": t_check / t_spacy,
            "peak_mb": int(peak.stderr.strip().splitlines()[-1]) / 1024}


def scans(sizes: list[int], workdir: Path) -> list[dict]:
    from reportlint.batch import run_scan
    from reportlint.generate import generate
    from reportlint.source import discover

    rows = []
    for n in sizes:
        src = workdir / f"gen{n}"
        generate(src, n, seed=1)
        files, _ = discover([str(src)])
        for jobs in ([1, 2] if n == 1000 else [2]):
            out = workdir / f"out{n}-{jobs}"
            t = time.perf_counter()
            result = run_scan(files, out, jobs=jobs)
            total = time.perf_counter() - t
            truth = {frozenset((m["file"], m["line"]) for m in c)
                     for c in __import__("json").loads((src / "manifest.json").read_text(encoding="utf-8"))["clusters"]}
            found = {frozenset((Path(m.report).name, m.passage["line"]) for m in c.members)
                     for c in result.clusters if not c.template}
            rows.append({"reports": n, "jobs": jobs, "seconds": total, "per_second": n / total,
                         "reduce_s": result.reduce_seconds, "clusters_true": len(truth),
                         "clusters_found": len(found), "clusters_exact": len(truth & found)})
    return rows


def report(lint: dict, cold: dict, scan_rows: list[dict]) -> str:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d')}",
        "",
        "| measure | reportlint | reference | ratio |",
        "|---|---|---|---|",
        f"| lint the sample ({lint['chars']} characters), warm | {lint['lint_ms']:.1f} ms | "
        f"`jieba.cut` of the same text {lint['jieba_ms']:.1f} ms | **{lint['ratio']:.2f}** |",
        f"| lint + whole-text spaCy `Doc` | {lint['lint_full_ms']:.1f} ms | `jieba.cut` {lint['jieba_ms']:.1f} ms | "
        f"{lint['ratio_full']:.2f} |",
        f"| cold start `reportlint check` on the sample | {cold['check_s']:.2f} s | `python -c \"import spacy\"` "
        f"{cold['spacy_s']:.2f} s | **{cold['ratio']:.2f}** |",
        f"| peak memory of that process | {cold['peak_mb']:.0f} MB | | |",
        "",
        "| scan | workers | wall time | reports/s | cross-report step | copy clusters (found / exact / true) |",
        "|---|---|---|---|---|---|",
    ]
    for r in scan_rows:
        lines.append(f"| {r['reports']} reports | {r['jobs']} | {r['seconds']:.1f} s | {r['per_second']:.1f} | "
                     f"{r['reduce_s']:.2f} s | {r['clusters_found']} / {r['clusters_exact']} / {r['clusters_true']} |")
    one = next((r for r in scan_rows if r["reports"] == 1000 and r["jobs"] == 1), None)
    two = next((r for r in scan_rows if r["reports"] == 1000 and r["jobs"] == 2), None)
    if one and two:
        lines += ["", f"Speed-up from 1 to 2 workers on 1,000 reports: **{one['seconds'] / two['seconds']:.2f}×**."]
    reduce_rows = [r for r in scan_rows if r["jobs"] == 2]
    if len(reduce_rows) >= 2:
        a, b = reduce_rows[0], reduce_rows[-1]
        lines.append(f"Cross-report step: {a['reduce_s']:.2f} s for {a['reports']} reports, {b['reduce_s']:.2f} s for "
                     f"{b['reports']} ({b['reports'] / a['reports']:.0f}× the reports, "
                     f"{b['reduce_s'] / max(a['reduce_s'], 1e-9):.1f}× the time).")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="scan 100 and 1,000 reports only")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    lint = lint_vs_jieba()
    cold = cold_start()
    with tempfile.TemporaryDirectory() as tmp:
        rows = scans([100, 1000] if args.quick else [100, 1000, 5000], Path(tmp))
    text = report(lint, cold, rows)
    print(text)
    (Path(__file__).parent / "results.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
