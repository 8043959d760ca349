"""Planted partial copies between real reports (fixed seed), and the cross-report step's recall on them.

    .venv/bin/python tests/copyplant.py            # recall per kind, paragraphs only vs sentence windows

Each plant takes sentences from a paragraph of one real report (corpora/real, wild) and puts them into
another report of another unit: the first sentences making 40 / 55 / 70 / 100 % of a paragraph
(appended to a paragraph of the target), 2-3 sentences from each of three paragraphs (one new paragraph),
or two paragraphs merged into one. A plant is found when the source passage and the target passage that
holds the copy end in one non-template cluster (paragraph comparison, or sentence windows too).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("40%", "55%", "70%", "100%", "several", "merged")
_SENT = re.compile(r"[^。！？；]*[。！？；]")


def _paragraphs(text: str) -> list[str]:
    """Body paragraphs of at least 80 Chinese characters and three sentences."""
    return [ln.strip() for ln in text.splitlines()
            if len(re.findall(r"[\u4e00-\u9fff]", ln)) >= 80 and len(_SENT.findall(ln)) >= 3]


def _lead(paragraph: str, share: float) -> str:
    """The first whole sentences of ``paragraph`` making at least ``share`` of its characters."""
    out = ""
    for s in _SENT.findall(paragraph):
        out += s
        if len(out) >= share * len(paragraph):
            break
    return out


def plants(n: int = 40, seed: int = 6) -> list[tuple[str, str, str, str, str]]:
    """``n`` plants of each kind: (kind, source file, source text, target file, target text with the copy).
    Sources and targets are distinct files of corpora/real and corpora/wild (each its own unit)."""
    rng = random.Random(seed)
    files = sorted([*(ROOT / "corpora" / "real").glob("*.txt"), *(ROOT / "corpora" / "wild").glob("*.txt")])
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    usable = [f for f in texts if len(_paragraphs(texts[f])) >= 3]
    out = []
    for kind in KINDS:
        for _ in range(n):
            src, dst = rng.sample(usable, 2)
            ps, qs = _paragraphs(texts[src]), _paragraphs(texts[dst])
            if kind.endswith("%"):
                copy = _lead(rng.choice(ps), int(kind[:-1]) / 100)
                host = rng.choice(qs)
                new = texts[dst].replace(host, host + copy, 1)
            elif kind == "several":
                parts = []
                for p in rng.sample(ps, 3):
                    sents = _SENT.findall(p)
                    k = rng.choice((2, 3))
                    at = rng.randrange(0, max(1, len(sents) - k + 1))
                    parts.append("".join(sents[at:at + k]))
                new = texts[dst].rstrip("\n") + "\n" + "".join(parts) + "\n"
            else:
                i = rng.randrange(len(ps) - 1)
                new = texts[dst].rstrip("\n") + "\n" + ps[i] + ps[i + 1] + "\n"
            out.append((kind, src, texts[src], dst, new))
    return out


def recall(n: int = 40, seed: int = 6, windows: bool = True) -> dict[str, float]:
    """Share of the plants of each kind found (source and target report in one non-template cluster)."""
    from reportlint import crossdoc
    from reportlint.document import build_document
    from reportlint.source import source_from_text

    found: dict[str, list[bool]] = {}
    for kind, src, s_text, dst, d_text in plants(n, seed):
        index = crossdoc.CrossIndex()
        try:
            for name, text in ((src, s_text), (dst, d_text)):
                index.add(name, f"单位{name}", crossdoc.passages(build_document(source_from_text(text, name))))
            clusters = index.clusters()
            part = index.partial_clusters(clusters) if windows else []
            hit = any(not t and {index.report[m] for m in c} == {0, 1} for c, _, t in clusters) or \
                any(not t and {index.report[m] for m in c} == {0, 1} for c, _, t in part)
        finally:
            index.close()
        found.setdefault(kind, []).append(hit)
    return {k: sum(v) / len(v) for k, v in found.items()}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    before, after = recall(n, windows=False), recall(n, windows=True)
    for k in KINDS:
        print(f"{k:8} paragraphs {before[k]:.2f}  sentence windows {after[k]:.2f}")
