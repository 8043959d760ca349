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
import re
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from reportlint.document.model import Document
from reportlint.rules.copying._stock import normalise, without_stock

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
        carry, figures = year_blind(doc.text[start:p.end])
        out.append({"paragraph": p.index, "line": line, "column": doc.line_col(raw_start)[1], "end_line": end_line,
                    "end_column": end_col, "raw_start": raw_start, "raw_end": raw_end, "where": doc.place(start),
                    "text": norm, "carry": carry, "figures": figures,
                    "sig": base64.b64encode(signature(norm).astype("<u8").tobytes()).decode()})
    return out


_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?=\s*(?:年|—|-|至))")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:[.,，]\d+)*(?:\s*(?:多|余|万|亿|千|百))*\s*[\u4e00-\u9fff%％‰]?")
_CARRY_DROP = re.compile(r"[^\u4e00-\u9fff\dY.%]+")


def year_blind(text: str) -> tuple[str, list[str]]:
    """A paragraph as compared across years: stock phrases out, every year written as Y, only Chinese
    characters, digits and Y kept (``2024年，全年报送材料70多篇`` -> ``Y年全年报送材料70多篇``); and its
    figures other than years (``["70多篇"]``), in order."""
    body = _YEAR.sub("Y", without_stock(text))
    figures = [re.sub(r"\s+", "", m.group()) for m in _FIGURE.finditer(body)]
    return _CARRY_DROP.sub("", body), figures


CARRY_SIMILARITY = 95.0  # year-blind ratio of a passage carried over from an earlier report
MOSTLY = 0.6  # share of a report's passage text carried over that makes it "mostly last year's"


def compare_years(current: list[dict], earlier: list[tuple[str, int, list[dict]]]) -> dict:
    """One unit's report against its reports of earlier years. ``earlier``: (label, year, passages),
    most recent first. Returns ``{"carried": [(passage, [(label, year, passage), …]), …], "share": float}``:
    passages whose year-blind text (figures kept, years blanked) matches an earlier report's at
    CARRY_SIMILARITY with the same figures, with every earlier report that has it; ``share`` is the carried passages' part of
    the report's passage text. Exact: a unit's reports are few, so every pair is compared."""
    from rapidfuzz import fuzz

    carried = []
    total = sum(len(p["carry"]) for p in current) or 1
    carried_chars = 0
    for p in current:
        hits = []
        for label, year, ps in earlier:
            # the same words with new figures is a template filled again, not a carried passage
            same = [q for q in ps if q["figures"] == p["figures"]
                    and fuzz.ratio(p["carry"], q["carry"], score_cutoff=CARRY_SIMILARITY)]
            if same:
                hits.append((label, year, max(same, key=lambda q: fuzz.ratio(p["carry"], q["carry"]))))
        if hits:
            carried.append((p, hits))
            carried_chars += len(p["carry"])
    return {"carried": carried, "share": carried_chars / total}


def year_findings(current: list[dict], earlier: list[tuple[str, int, list[dict]]]) -> list[dict]:
    """``boilerplate-year`` findings (dicts with the passage and message) for one report: one per carried
    passage that repeats a figure (the same figures for a different year), or, when the report is
    mostly an earlier one, a single summary finding at the first carried passage. A carried passage
    without figures (the unit's functions, its address) may rightly stay the same and is only counted."""
    res = compare_years(current, earlier)
    out = []
    if res["share"] >= MOSTLY and res["carried"]:
        p, hits = res["carried"][0]
        label, year, q = hits[0]
        out.append({"passage": p, "summary": True, "source": hits[0], "message": (
            f"本报告约{res['share']:.0%}的段落与{year}年度报告（{label}）相同（仅年份不同），共{len(res['carried'])}段，"
            f"疑似沿用往年报告；首段对应{label} {q['where']}")})
        return out
    for p, hits in res["carried"]:
        figures = [f for f in p["figures"] if any(ch.isdigit() for ch in f)]
        if not figures:
            continue
        label, year, q = hits[0]
        years = "、".join(str(y) for _, y, _ in sorted(hits, key=lambda h: h[1]))
        shown = "、".join(dict.fromkeys(figures))[:60]
        out.append({"passage": p, "summary": False, "source": hits[0], "message": (
            f"段落与{years}年度报告相同，仅年份不同，数字（{shown}）照搬：{label} {q['where']}")})
    return out


def _decode(sig: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(sig), dtype="<u8").copy()


@dataclass
class Member:
    report: str  # the report's path
    unit: str
    passage: dict


KINDS = {"cross-unit": "不同单位之间", "same-unit": "同一单位跨年度", "other-place": "他地名称"}


@dataclass
class Cluster:
    members: list[Member] = field(default_factory=list)
    similarity: float = 100.0
    template: bool = False
    kind: str = "cross-unit"  # one of KINDS

    @property
    def units(self) -> list[str]:
        return sorted({m.unit for m in self.members})


def find_clusters(reports: list[tuple[str, str, list[dict]]], threshold: float = 70.0,
                  template_share: float = 0.3) -> list[Cluster]:
    """``reports``: (path, unit, passages). Clusters of passages shared by at least two units.
    A report whose unit is unknown (None or empty) is left out: nothing says its unit is another's
    (fifteen years of national reports, none naming its unit, would otherwise be "different units")."""
    reports = [r for r in reports if r[1]]
    from datasketch import LeanMinHash, MinHashLSH
    from rapidfuzz import fuzz, process

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
    twin: dict[str, int] = {}  # a passage's exact text -> its first item (identical texts are compared once)

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[a] = b
            size[b] = size.get(b, 1) + size.pop(a, 1)

    for path, unit, ps in reports:
        for passage in ps:
            k = len(items)
            items.append(Member(path, unit or path, passage))
            parent.append(k)
            size[k] = 1
            j = twin.setdefault(passage["text"], k)
            if j != k:  # the same text as an earlier passage: it shares that passage's matches
                union(k, j)
                if items[j].unit != items[k].unit:
                    best[k] = best[j] = 100.0
                elif j in best:
                    best[k] = best[j]
                continue
            mh = LeanMinHash.__new__(LeanMinHash)
            mh._initialize_slots(1, _decode(passage["sig"]))
            # verify against one member per cluster: a passage that matches one copy of a text joins them all
            reps: dict[int, int] = {}
            for other in sorted(lsh.query(mh)):
                root = find(other)
                if items[other].unit != items[k].unit and root not in reps and root != find(k):
                    reps[root] = other
            if reps:
                cands = list(reps.values())
                for _, score, n in process.extract(passage["text"], [items[o].passage["text"] for o in cands],
                                                   scorer=fuzz.ratio, score_cutoff=threshold, limit=None):
                    other = cands[n]
                    union(k, other)
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


_UNIT_NOISE = re.compile(r"[\s()（）【】\[\]《》“”\"'·,，、:：]+")


def unit_key(name: str | None) -> str:
    """A unit's name as grouped across years: spacing and punctuation out (岚溪县 统计局 = 岚溪县统计局)."""
    return _UNIT_NOISE.sub("", name or "")


def year_copies(reports: list[tuple[str, str | None, int | None, list[dict]]]) -> list[tuple[int, list[dict], Cluster]]:
    """``reports``: (path, unit, evaluation year, passages). Groups them by unit, orders each group by
    year, and compares each report with the unit's reports of earlier years (most recent first).
    Returns (index of the report, its ``year_findings``, a same-unit Cluster) for each report with any.
    Reports whose unit or year is unknown are left out. Cost: pairs within a unit only."""
    groups: dict[str, list[int]] = {}
    for i, (_, unit, year, _) in enumerate(reports):
        if unit_key(unit) and year:
            groups.setdefault(unit_key(unit), []).append(i)
    out = []
    for idx in groups.values():
        idx.sort(key=lambda i: (reports[i][2], reports[i][0]))
        for n, i in enumerate(idx):
            path, unit, year, ps = reports[i]
            earlier = [(reports[j][0].rsplit("/", 1)[-1], reports[j][2], reports[j][3]) for j in reversed(idx[:n])
                       if reports[j][2] < year]
            found = year_findings(ps, earlier) if earlier and ps else []
            if not found:
                continue
            members = [Member(path, unit or path, f["passage"]) for f in found]
            for f in found:
                label = f["source"][0]
                src = next(j for j in idx if reports[j][0].rsplit("/", 1)[-1] == label)
                members.append(Member(reports[src][0], unit or path, f["source"][2]))
            out.append((i, found, Cluster(members, similarity=CARRY_SIMILARITY, kind="same-unit")))
    return out


def previous_findings(result, previous, severity=None) -> list:
    """``check REPORT --previous EARLIER``: ``boilerplate-year`` findings of ``result`` (a LintResult)
    against the unit's earlier report ``previous`` (a LintResult), with the earlier report's place."""
    from pathlib import Path

    from reportlint.findings import Finding, Severity

    year = previous.context.evaluation_year or ((result.context.evaluation_year or 1) - 1)
    earlier = [(Path(previous.path).name, year, passages(previous.doc))]
    out = []
    for f in year_findings(passages(result.doc), earlier):
        p = f["passage"]
        out.append(Finding(rule="boilerplate-year", code="C303", severity=severity or Severity.WARNING,
                           message=f["message"], raw_start=p["raw_start"], raw_end=p["raw_end"], path=result.path,
                           line=p["line"], column=p["column"], end_line=p["end_line"], end_column=p["end_column"]))
    return out
