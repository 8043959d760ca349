"""Timed linearity of each stage: CPU time on a 1x and a 4x input (linear ~4, quadratic ~16).

    .venv/bin/python benchmarks/linearity.py          # prints a Markdown table

The suite asserts the same stages by counted work only (tests/workcount.py: calls, characters copied,
items visited); a timed ratio depends on the machine's load, so it is measured here and read, never
asserted in a test. A quadratic step inside one C call (a regex, a slice per item) shows only here.
Each figure is the best of 5 interleaved runs of CPU time (``time.process_time``), the garbage
collector paused during each run.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from hostile import sample_path, text_pdf  # noqa: E402
from reportlint.config import Config  # noqa: E402
from reportlint.engine import lint_text  # noqa: E402
from reportlint.findings import Finding, Severity  # noqa: E402


def _cpu(fn) -> float:
    gc.collect()
    gc.disable()
    try:
        t = time.process_time()
        fn()
        return time.process_time() - t
    finally:
        gc.enable()


def ratio(make, run, scale: int = 4, repeat: int = 5) -> tuple[float, float, float]:
    """(best CPU of run(make(scale)) / best of run(make(1)), best small, best large)."""
    small, large = make(1), make(scale)
    run(small)
    bs = bl = float("inf")
    for _ in range(repeat):
        bs = min(bs, _cpu(lambda: run(small)))
        bl = min(bl, _cpu(lambda: run(large)))
    return bl / max(bs, 1e-6), bs, bl


def _findings(raw: str, every: int) -> list[Finding]:
    out = [Finding("r", "X", Severity.WARNING, f"问题{k}", k, k + 5) for k in range(0, len(raw) - 5, every)]
    for f in out:
        f.path = "r.txt"
    return out


def cases():
    from reportlint.fingerprints import assign
    from reportlint.output import html
    from reportlint.pdf_reader import read_pdf
    from reportlint.rules.copying import C301_boilerplate_internal as c301

    sample = sample_path().read_text(encoding="utf-8")
    line = "本单位全年预算执行率为98%，项目完成情况良好。"

    def html_lines(k):
        raw = "\n".join([line] * (6000 * k))
        return raw, _findings(raw, 97)

    yield "html._lines", html_lines, lambda a: html._lines(*a)

    def one_line(k):
        raw = "本单位全年预算执行情况良好" * (16000 * k)
        return _findings(raw, 50), raw

    yield "fingerprints on one long line", one_line, lambda a: assign(*a)
    import random

    rng = random.Random(1)
    chars = "".join(sorted(set(sample) - set("，。、：；（）\n 0123456789")))
    passages = {k: ["".join(rng.choice(chars) for _ in range(60)) for _ in range(1000 * k)] for k in (1, 4)}
    yield "C301 candidate pairs (distinct passages)", passages.get, c301.candidate_pairs
    pdfs = {k: text_pdf(60 * k, 10) for k in (1, 4)}
    yield "PDF pages", pdfs.get, lambda d: read_pdf(d, "x.pdf")
    results = {k: lint_text(sample * (2 * k)) for k in (1, 4)}
    yield "HTML of a long report", results.get, lambda r: html.render([r])
    yield "whole lint, sample repeated", lambda k: sample * (3 * k), lint_text
    yield "whole lint, one line", lambda k: (sample.replace("\n", "") * 20)[:25_000 * k], lint_text
    numbers = replace(Config(), select={"sum-mismatch", "count-mismatch", "rate-mismatch", "value-conflict",
                                        "score-grade", "score-subtotal"}, ignore=set())
    for name, shape in (("1万元 repeated in one paragraph", lambda k: "1万元" * (2500 * k)),
                        ("a run of digits", lambda k: "9" * (10000 * k) + "万元"),
                        ("relations in one paragraph",
                         lambda k: "全年支出100万元，其中基本支出60万元、项目支出50万元，执行率95%；" * (300 * k)),
                        ("count lists in one paragraph", lambda k: "下设办公室、财务股、业务股3个股室，" * (400 * k))):
        yield f"number rules: {name}", shape, lambda t: lint_text(t, numbers)
    structure = Config(select={"section-duplicate", "section-gap", "section-order", "section-style",
                               "enum-sequence"})
    yield ("structure rules, 300 headings", lambda k: "".join(
        f"{'一二三四五六七八九'[i % 9]}、第{i}部分情况\n（一）机构\n1.职责。2.人员。\n本单位正文。\n" for i in range(300 * k)),
        lambda t: lint_text(t, structure))


def main() -> None:
    print("| stage | CPU 1x (s) | CPU 4x (s) | ratio (linear ~4, quadratic ~16) |\n|---|---:|---:|---:|")
    for name, make, run in cases():
        r, small, large = ratio(make, run)
        flag = " ⚠" if r >= 8 else ""
        print(f"| {name} | {small:.3f} | {large:.3f} | {r:.1f}{flag} |", flush=True)


if __name__ == "__main__":
    main()
