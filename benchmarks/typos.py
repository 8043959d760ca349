"""SIGHAN-2015 benchmark of reportlint's general wrong-character detector (reportlint.spelling.general).

The test set is pycorrector's ``pycorrector/data/sighan2015_test.tsv`` (1.1.4 wheel; Apache-2.0,
shibing624/pycorrector; the SIGHAN-2015 Bake-off test set converted to simplified characters), vendored in
``benchmarks/data/``: one ``wrong<TAB>right`` pair a line, 707 sentences, equal lengths.

Metrics as pycorrector's ``utils/evaluate_utils.py::eval_model_single`` computes them (sentence level,
all 707 lines): a sentence with an error is a true positive when the output equals the reference, else
a false negative; a sentence without one is a false positive when the output changes it. Detection is
the same with "the changed positions are exactly the wrong ones" for "the output equals the reference"
(the 10 pairs of unequal length count as misses). A stricter line also counts a wrongly changed
erroneous sentence as a false positive. Also the cost: seconds per 10,000 characters after start-up.

usage: .venv/bin/python benchmarks/typos.py [--lint-mode]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "sighan2015_test.tsv"


def load() -> list[tuple[str, str]]:
    pairs = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) == 2 and not line.startswith("#"):
            pairs.append((parts[0], parts[1]))
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def diff(a: str, b: str) -> set[int] | None:
    if len(a) != len(b):
        return None
    return {i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y}


def evaluate(pairs: list[tuple[str, str]], lint_mode: bool = False, **kw) -> dict:
    from reportlint.spelling.general import correct

    det = {"tp": 0, "fp": 0, "fn": 0}
    cor = {"tp": 0, "fp": 0, "fn": 0}
    strict_fp = 0
    for src, tgt in pairs:
        pred, _ = correct(src, lint_mode=lint_mode, **kw)
        changed = diff(src, pred) or set()
        if src != tgt:
            wrong = diff(src, tgt)
            cor["tp" if pred == tgt else "fn"] += 1
            det["tp" if changed and changed == wrong else "fn"] += 1
            strict_fp += bool(changed) and pred != tgt
        elif changed:
            cor["fp"] += 1
            det["fp"] += 1
    return {"detection": det, "correction": cor, "strict_fp": strict_fp}


def main() -> None:
    lint_mode = "--lint-mode" in sys.argv
    t0 = time.perf_counter()
    from reportlint.spelling.general import correct

    correct("预热一下。")
    startup = time.perf_counter() - t0
    pairs = load()
    chars = sum(len(a) for a, _ in pairs)
    t1 = time.perf_counter()
    res = evaluate(pairs, lint_mode)
    elapsed = time.perf_counter() - t1
    print(f"SIGHAN-2015 test ({len(pairs)} sentences, {chars} characters, "
          f"{sum(1 for a, b in pairs if a != b)} with errors){' lint mode' if lint_mode else ''}")
    for name in ("detection", "correction"):
        c = res[name]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"  {name:10s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    c = res["correction"]
    p, r, f = prf(c["tp"], c["fp"] + res["strict_fp"], c["fn"])
    print(f"  correction, wrong fixes counted as false positives: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"  cost {elapsed / chars * 10000:.3f} s per 10,000 characters; start-up {startup:.2f} s")


if __name__ == "__main__":
    main()
