"""Passages shared between reports of different units: MinHash LSH, verified with rapidfuzz.

Map (in the workers): ``passages(doc)`` takes each paragraph long enough to matter, removes stock
phrases, and computes a MinHash of its *character multiset* (each character with its occurrence
number: 的1, 的2, …). Reduce (in the parent): ``find_clusters`` inserts every signature into one LSH
index (each passage is queried against the index once, so the cost grows with the number of
passages, not with its square), verifies candidate pairs with rapidfuzz, and joins verified pairs
into clusters. Clusters spread over many units are template text every report contains, not
copying, and are set aside.

**Stated recall.** rapidfuzz's ``ratio`` is r = 2·LCS/(|a|+|b|). The characters of a longest common
subsequence are common to both multisets, so the multisets' Jaccard is at least
LCS/(|a|+|b|-LCS) = r/(2-r): a pair at ratio 70 has Jaccard ≥ 0.538 however densely it was edited
(character 5-grams of a paragraph with every place name swapped share only 0.32). ``lsh_params``
chooses bands b and rows r among NUM_PERM permutations so that a pair at that Jaccard collides in
at least one band with probability 1-(1-J^r)^b ≥ RECALL (0.99; 0.996 at the default threshold 70,
b=64, r=4), whatever the seed: every pair above the similarity threshold is proposed with that
probability, and then verified exactly. The same bound makes pairs of unrelated paragraphs
(multiset Jaccard 0.10 in the median, 0.23 at the 99th percentile on the real corpus) rare
candidates (P 0.006 and 0.14).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from reportlint.document.model import Document
from reportlint.rules.copying._stock import normalise

NUM_PERM = 256
RECALL = 0.99  # stated probability that a pair at the similarity threshold becomes a candidate
MIN_CHARS = 60  # shorter passages (a list of three generic tasks) are not worth a copy finding
MAX_INDEXED = 25  # index entries kept per cluster (enough to find every later copy)
SCHEME = "affine32"  # datasketch >= 2.0 hashing scheme; signatures are stored, so it is fixed here


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations for ``seed=1`` (``MinHash(num_perm, seed=1).permutations``)."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, as datasketch applies it before the affine32 permutations."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def shingles(text: str) -> set[str]:
    """The character multiset of ``text`` as a set: each character with its occurrence number (工1 作1
    工2 …), so that the sets' Jaccard is the multisets' (weighted) Jaccard."""
    seen: dict[str, int] = {}
    out = set()
    for ch in text:
        k = seen.get(ch, 0) + 1
        seen[ch] = k
        out.add(f"{ch}{k}")
    return out or {""}


def jaccard_floor(threshold: float) -> float:
    """The least multiset Jaccard of two texts whose rapidfuzz ratio is ``threshold`` (0-100): r/(2-r)."""
    r = threshold / 100.0
    return r / (2.0 - r)


def collision_probability(jaccard: float, bands: int, rows: int) -> float:
    """The probability that a pair at ``jaccard`` shares at least one LSH band: 1-(1-J^r)^b."""
    return 1.0 - (1.0 - jaccard ** rows) ** bands


@cache
def lsh_params(threshold: float, num_perm: int = NUM_PERM, recall: float = RECALL) -> tuple[int, int]:
    """(bands, rows) for a similarity ``threshold`` (0-100): the most rows per band (fewest chance
    candidates) whose bands still propose a pair at ``jaccard_floor(threshold)`` with probability
    ≥ ``recall``. Falls back to one row per band (the highest recall NUM_PERM allows)."""
    floor = jaccard_floor(threshold)
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if collision_probability(floor, bands, rows) >= recall:
            return bands, rows
    return num_perm, 1


def signature(text: str) -> np.ndarray:
    """The MinHash of ``shingles(text)``: the hash values of datasketch's
    ``MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")`` after ``update_batch`` (tested equal), computed
    here with numpy alone so that a scan worker never imports datasketch (which imports scipy: 0.5 s)."""
    hv = np.array([int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles(text)],
                  dtype=np.uint32).reshape(-1, 1)
    a, b = _permutations()
    return (_fmix32(hv) * a + b).min(axis=0)


def passages(doc: Document) -> list[dict]:
    """The comparable passages of one report: paragraph bodies of at least MIN_CHARS Chinese characters."""
    out = []
    for p in doc.paragraphs:
        start = p.heading.title_end if p.heading else p.start
        norm = normalise(doc.text[start:p.end])
        if len(norm) < MIN_CHARS:
            continue
        raw_start, raw_end = doc.raw_span(start, p.end)
        line = doc.line_col(raw_start)[0]
        end_line, end_col = doc.line_col(raw_end)
        out.append({"paragraph": p.index, "line": line, "column": doc.line_col(raw_start)[1], "end_line": end_line,
                    "end_column": end_col, "raw_start": raw_start, "raw_end": raw_end, "where": doc.place(start),
                    "text": norm, "sig": base64.b64encode(signature(norm).astype("<u8").tobytes()).decode()})
    return out


def _decode(sig: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(sig), dtype="<u8").copy()


@dataclass
class Member:
    report: str  # the report's path
    unit: str
    passage: dict


@dataclass
class Cluster:
    members: list[Member] = field(default_factory=list)
    similarity: float = 100.0
    template: bool = False

    @property
    def units(self) -> list[str]:
        return sorted({m.unit for m in self.members})


def find_clusters(reports: list[tuple[str, str, list[dict]]], threshold: float = 70.0,
                  template_share: float = 0.3) -> list[Cluster]:
    """``reports``: (path, unit, passages). Clusters of passages shared by at least two units."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH
    from rapidfuzz import fuzz

    lsh = MinHashLSH(num_perm=NUM_PERM, params=lsh_params(threshold))
    items: list[Member] = []
    parent: list[int] = []
    best: dict[int, float] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    size: dict[int, int] = {}  # cluster root -> members
    for path, unit, ps in reports:
        for passage in ps:
            k = len(items)
            items.append(Member(path, unit or path, passage))
            parent.append(k)
            size[k] = 1
            mh = LeanMinHash(MinHash(num_perm=NUM_PERM, seed=1, hashvalues=_decode(passage["sig"]), scheme=SCHEME))
            # verify against one member per cluster: a passage that matches one copy of a text joins them all
            checked: set[int] = set()
            for other in sorted(lsh.query(mh)):
                o = items[other]
                root = find(other)
                if o.unit == items[k].unit or root in checked or find(k) == root:
                    continue
                checked.add(root)
                score = fuzz.ratio(o.passage["text"], passage["text"], score_cutoff=threshold)
                if score and score >= threshold:
                    a, b = find(k), root
                    if a != b:
                        parent[a] = b
                        size[b] = size.get(b, 1) + size.pop(a, 1)
                    best[k] = max(best.get(k, 0.0), score)
                    best[other] = max(best.get(other, 0.0), score)
            # a text already shared by many reports needs no more entries in the index: its
            # representatives are there, and more copies would only make every query longer
            if size.get(find(k), 1) <= MAX_INDEXED:
                lsh.insert(k, mh)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        if i in best:
            groups.setdefault(find(i), []).append(i)
    n_units = len({u for _, u, _ in reports})
    clusters = []
    for idx in groups.values():
        c = Cluster([items[i] for i in idx], similarity=min(best[i] for i in idx))
        if len(c.units) < 2:
            continue
        c.template = len(c.units) > max(4, template_share * n_units)
        clusters.append(c)
    clusters.sort(key=lambda c: (-len(c.units), c.members[0].report))
    return clusters
