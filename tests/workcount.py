"""Deterministic measures of work for the linear-work tests: never a clock.

``calls`` counts the Python-level calls (and calls into C) a function makes, which a busy machine does
not disturb. A quadratic step hidden inside one C call (a regex backtracking, a slice of a long string
per item) makes no extra calls: such steps are guarded by a count of their own (characters copied,
items visited) where a test can reach them, and by the timed ratios of ``benchmarks/linearity.py``,
which are measured and read, never asserted in the suite (README "Speed").
"""

from __future__ import annotations

CALLS = 4.5  # bound on calls(4x) / calls(1x): a linear algorithm makes ~4x the calls, a quadratic one ~16x


def calls(fn) -> int:
    """Python-level calls (and calls into C) made by ``fn()``."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    return pstats.Stats(prof).total_calls


def calls_ratio(make, run, scale: int = 4) -> float:
    """calls(run(make(scale))) / calls(run(make(1))), after a warm-up run (imports, caches)."""
    small, large = make(1), make(scale)
    run(small)
    return calls(lambda: run(large)) / calls(lambda: run(small))


class CountingStr(str):
    """A str that counts the characters its slices copy (``copied``): a slice of a whole long line per
    item is quadratic work that makes no extra Python call."""

    copied = 0

    def __getitem__(self, key):
        out = str.__getitem__(self, key)
        CountingStr.copied += len(out)
        return out
