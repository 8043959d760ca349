"""source.plausibility: the share of common Han characters, as the plain per-character definition gives it."""

from collections import Counter
from pathlib import Path

from reportlint.source import _common, plausibility


def _reference(text: str) -> float | None:
    counts = [(c, k) for c, k in Counter(text).items() if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"]
    n = sum(k for _, k in counts)
    return None if n < 20 else sum(k for c, k in counts if _common(c)) / n


def test_plausibility_equals_the_definition():
    root = Path(__file__).resolve().parents[1] / "corpora"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/*.txt"))[:80]]
    mojibake = texts[0].encode("utf-8").decode("gb18030", errors="replace")
    for text in [*texts, mojibake, "中文" * 9, "中文" * 10, "䶵㐀丽" * 30, "no Han at all"]:
        assert plausibility(text) == _reference(text)
    assert plausibility(mojibake) < 0.85 <= plausibility(texts[0])
