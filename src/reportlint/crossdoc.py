"""Passages shared between reports of different units: banded MinHash, verified with rapidfuzz.

Map (in the workers): ``passages(doc)`` takes each paragraph long enough to matter, removes stock
phrases, and computes a MinHash of its *character multiset* (each character with its occurrence
number: 的1, 的2, …). Reduce (in the parent): ``CrossIndex`` takes each report's signatures as its
record is read (texts to a temporary file, band keys to one file per band), proposes pairs that share
a band key, keeps those whose sketch estimates a Jaccard near the floor, verifies them with rapidfuzz
and joins verified pairs into clusters. Clusters spread over many units, or over units of three
provinces or more, are template text (a national format's preface, a form's printed notes), not
copying, and are set aside.

**Stated recall.** rapidfuzz's ``ratio`` is r = 2·LCS/(|a|+|b|). The characters of a longest common
subsequence are common to both multisets, so the multisets' Jaccard is at least
LCS/(|a|+|b|-LCS) = r/(2-r): a pair at ratio 70 has Jaccard ≥ 0.538 however densely it was edited
(character 5-grams of a paragraph with every place name swapped share only 0.32). ``lsh_params``
chooses bands b and rows r among NUM_PERM permutations so that a pair at that Jaccard collides in
at least one band with probability 1-(1-J^r)^b (0.996 at the default threshold 70, b=64, r=4), and
``sketch_cut`` the number of equal values (of 128) a proposed pair needs so that the two steps
together keep such a pair with probability ≥ RECALL (0.99; 0.991 at 70), whatever the seed. Unrelated
paragraphs (multiset Jaccard 0.10 in the median, 0.23 at the 99th percentile on the real corpus) are
proposed with probability 0.006 and 0.14 but pass the sketch with probability below 10⁻²⁰ and 10⁻⁶, so
rapidfuzz sees almost only real copies and templates. The one exception to the stated recall: a band
bucket of more than BUCKET_CAP passages (see CrossIndex), which keeps the work linear.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from reportlint.document.model import Document
from reportlint.rules.copying._stock import normalise, without_stock

NUM_PERM = 256
RECALL = 0.99  # stated probability that a pair at the similarity threshold becomes a candidate
MIN_CHARS = 60  # shorter passages (a list of three generic tasks) are not worth a copy finding
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
                    "text": norm, "excerpt": re.sub(r"\s+", "", doc.text[start:p.end])[:120], "carry": carry,
                    "figures": figures, "sents": sentence_keys(doc, start, p.end),
                    "sig": encode_signature(signature(norm))})
    return out


SENT_MIN = 8  # Chinese characters a sentence needs to be indexed for partial copies (shorter ones are stock)
SENT_CAP = 8  # passages sharing one sentence beyond which it is stock (a form's sentence), never paired
SPAN_SENTENCES = 2  # a partial copy: at least this many consecutive sentences shared verbatim …
SPAN_CHARS = 40  # … of at least this many Chinese characters in all,
LONG_SENTENCE = 70  # or one sentence of at least this many
_SENT_END = re.compile(r"[。！？；;!?\n]+[”」’]*")  # a closing quotation mark stays with its sentence
_QUOTED = re.compile(r"“[^“”]*(?:”|$)|「[^「」]*(?:」|$)|\"[^\"\n]*\"")
_HAN_ONE = re.compile(r"[\u4e00-\u9fff]")


def sentence_keys(doc: Document, start: int, end: int) -> list[list]:
    """The sentences of ``doc.text[start:end]`` as the partial-copy step compares them (``partial_pairs``):
    ``[key, chars, raw_start, raw_end, line, column, end_line, end_column]`` for each sentence of at least
    SENT_MIN Chinese characters, where ``key`` is a 64-bit hash (hex) of its ``year_blind`` text (stock
    phrases out, years as Y, Chinese characters and digits kept: a form filled with other figures gets
    other keys) and ``chars`` its Chinese characters. A sentence mostly inside quotation marks (a policy
    or a leader's words quoted) is left out: many reports quote the same words."""
    text = doc.text[start:end]
    out = []
    at = 0
    for m in [*_SENT_END.finditer(text), None]:
        stop = m.end() if m else len(text)
        sent = text[at:stop]
        s0 = at
        at = stop
        body, _ = year_blind(sent)
        chars = len(_HAN_ONE.findall(body))
        if chars < SENT_MIN:
            continue
        quoted = sum(len(_HAN_ONE.findall(q.group())) for q in _QUOTED.finditer(sent))
        if quoted * 2 >= chars:
            continue
        lead = len(sent) - len(sent.lstrip())
        raw_start, raw_end = doc.raw_span(start + s0 + lead, start + stop)
        key = hashlib.blake2b(body.encode("utf-8"), digest_size=8).hexdigest()
        out.append([key, chars, raw_start, raw_end, *doc.line_col(raw_start), *doc.line_col(raw_end)])
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


_FIGURE_CORE = re.compile(r"\d+(?:\.\d+)?")


def figure_key(figures) -> str:
    """A passage's figures as compared across units (``passages``' ``figures``, years already out):
    the numbers of two digits or more or with decimals (``53.24``, ``279964``; a lone ``3`` may be any
    count), deduplicated, joined by ``|``."""
    out = dict.fromkeys(n for f in figures for n in _FIGURE_CORE.findall(f.replace(",", "").replace("，", ""))
                        if len(n) >= 2)
    return "|".join(out)


def filled_pair(a: set[str], b: set[str]) -> bool:
    """Two units' passages that are one form filled with other figures: each states at least two
    figures and they share none (real 767 against wild W015: the 预算执行 formula ``一般公共预算收入
    279964万元,下降6.8%。加上上级补助收入…收入总量为…`` with another county's figures). A copied
    passage keeps some of its source's figures, or has none (prose); C303 sets aside the same shape
    across one unit's years (``compare_years``)."""
    return len(a) >= 2 and len(b) >= 2 and not (a & b)


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


def encode_signature(sig: np.ndarray) -> str:
    """A signature as a record stores it: NUM_PERM little-endian 32-bit values (every MinHash value is
    below 2³²), base64."""
    return base64.b64encode(sig.astype("<u4").tobytes()).decode()


def _decode(sig: str) -> np.ndarray:
    """A stored signature (32-bit values; records of earlier versions hold 64-bit ones) as uint64."""
    data = base64.b64decode(sig)
    return np.frombuffer(data, dtype="<u4" if len(data) == 4 * NUM_PERM else "<u8").astype(np.uint64)


@dataclass
class Member:
    report: str  # the report's path
    unit: str
    passage: dict
    record: int = -1  # the report's number in a scan (its record)


KINDS = {"cross-unit": "不同单位之间", "same-unit": "同一单位跨年度", "other-place": "他地名称"}


@dataclass
class Cluster:
    members: list[Member] = field(default_factory=list)
    similarity: float = 100.0
    template: bool = False
    kind: str = "cross-unit"  # one of KINDS
    size: int = 0  # members in all (a template cluster lists only its first TEMPLATE_LISTED)
    unit_names: list[str] = field(default_factory=list)  # every member's unit (when not all are listed)

    @property
    def units(self) -> list[str]:
        return sorted(set(self.unit_names) | {m.unit for m in self.members})


BUCKET_CAP = 48  # distinct passages per band bucket compared pairwise; a larger bucket is refined (see CrossIndex)
PROVINCES = 3  # a cluster whose units lie in this many provinces is a template: copying is local
TEMPLATE_LISTED = 20  # members listed for a template cluster (set aside, shown only as an example)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD,
                 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


def band_keys(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """``sig`` (n × NUM_PERM MinHash values) → n × ``bands`` 32-bit keys, one per band of ``rows`` values.
    Two passages share a key when their band's values are equal (or, for distinct values, with
    probability 2⁻³²: a spurious candidate, verified away)."""
    v = sig[:, :bands * rows].astype(np.uint64).reshape(len(sig), bands, rows)
    h = np.zeros((len(sig), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(rows):
            h = (h ^ v[:, :, k]) * _MIX[k % len(_MIX)]
            h ^= h >> np.uint64(29)
    return (h >> np.uint64(32)).astype(np.uint32)


def _pairs(groups: np.ndarray) -> np.ndarray:
    """Every pair within each row of ``groups`` (k × s node ids) as (lo, hi) rows."""
    i, j = np.triu_indices(groups.shape[1], 1)
    a, b = groups[:, i].ravel(), groups[:, j].ravel()
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


BLOCK = 32768  # pairs handled at once (bounds the reduce step's working memory, whatever the scan's size)


def _bucket_pairs(keys: np.ndarray, nodes: np.ndarray, cap: int, over: list[np.ndarray]) -> Iterator[np.ndarray]:
    """Pairs of ``nodes`` sharing a key, from buckets of at most ``cap`` nodes, as (lo, hi) rows in
    blocks of about BLOCK pairs; the nodes of larger buckets are appended to ``over`` (for refinement).
    Vectorised: buckets of equal size are handled as one matrix."""
    order = np.argsort(keys, kind="stable")
    ks, ns = keys[order], nodes[order]
    starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]]) if len(ks) else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.r_[starts, len(ks)])
    big = sizes > cap
    if big.any():
        over.append(ns[np.concatenate([np.arange(a, a + n) for a, n in zip(starts[big], sizes[big], strict=True)])])
    for s in np.unique(sizes[(sizes >= 2) & (sizes <= cap)]):
        st = starts[sizes == s]
        step = max(1, BLOCK // (s * (s - 1) // 2))
        for k in range(0, len(st), step):
            yield _pairs(ns[st[k:k + step, None] + np.arange(s)])


SKETCH_ROWS = 256  # MinHash values kept per passage (their low byte) to estimate a proposed pair's Jaccard
PRESCREEN_ROWS = 64  # the first of them, compared first (a quarter of the work)
PRESCREEN_MISS = 0.0005  # the most the prescreen may miss of pairs at the floor


def _binomial_cut(n: int, p: float, allowed: float) -> tuple[int, float]:
    """The largest k with P(Binomial(n, p) < k) ≤ ``allowed``, and that probability."""
    from math import comb

    cdf, cut, missed = 0.0, 0, 0.0
    for k in range(n + 1):
        term = comb(n, k) * p ** k * (1 - p) ** (n - k)
        if cdf + term > allowed:
            break
        cdf += term
        cut, missed = k + 1, cdf
    return cut, missed


@cache
def sketch_cuts(threshold: float, bands: int, rows: int, recall: float = RECALL) -> tuple[int, int]:
    """How many equal sketch values a proposed pair needs to be verified: of the first PRESCREEN_ROWS,
    then of all SKETCH_ROWS.

    A pair at the Jaccard floor of ``threshold`` has each value equal with probability p ≥ J (the low
    byte of two different values is equal 1 time in 256, which only raises p), so each count is
    binomial. Sharing a band, passing the prescreen and passing the full sketch are all events that
    grow with the set of equal values, so (Harris' inequality) the pair's chance of all three is at
    least the product of their chances: the cuts keep that product ≥ ``recall``. At 70: 21 of 64, then
    118 of 256 (Jaccard 0.46), missing 0.05 % and 0.5 % of pairs at the floor (0.996 × 0.9995 × 0.995
    = 0.990); a pair at Jaccard 0.23 passes with probability 10⁻¹⁵, at 0.30 10⁻⁷, at 0.40 0.03."""
    floor = jaccard_floor(threshold)
    first, missed = _binomial_cut(PRESCREEN_ROWS, floor, PRESCREEN_MISS)
    allowed = 1.0 - recall / (collision_probability(floor, bands, rows) * (1.0 - missed))
    return first, _binomial_cut(SKETCH_ROWS, floor, allowed)[0]


class CrossIndex:
    """The reduce step's copy index: passages in (their signature and text), clusters out.

    Memory: per passage a few integers; the band keys go to one file per band, the sketches and the
    texts to one file each (in a temporary folder), so the parent never holds the passages' text or
    signatures (at ``clusters``: the sketches of distinct passages, 256 bytes each, and one band's keys).
    ``add`` takes one report's passages at a time (streamed from its record); ``clusters`` then:

    1. identical texts become one node (compared once; different units sharing one are a cluster);
    2. per band, nodes with equal keys are candidates. A bucket of more than BUCKET_CAP nodes (a
       combination of the genre's most common characters, or a template every report fills) is
       refined by the next band's key (the pair must then collide in two bands); a refined bucket
       still over the cap is not compared, and a node in such buckets in half its bands or more is
       *common text* (a template), set aside like a template cluster. Pairs of one unit are skipped.
       Work per band is at most BUCKET_CAP/2 pairs per node: linear in the number of passages;
    3. pairs whose sketches share too few values (``sketch_cuts``) are dropped, in blocks of BLOCK;
       the rest are verified exactly (rapidfuzz ratio ≥ threshold), texts read from disk;
    4. verified pairs are joined into clusters (union-find); a cluster spread over more than
       ``template_share`` of the units (and more than four), or over units of PROVINCES provinces or
       more (a national format's text; a unit copies from its neighbours), is a template, set aside;
       so is one whose every pair of units is a form filled with other figures (``filled_pair``).
    """

    def __init__(self, threshold: float = 70.0, workdir: str | None = None):
        import tempfile
        from array import array

        self.threshold = threshold
        self.bands, self.rows = lsh_params(threshold)
        self._tmp = tempfile.TemporaryDirectory(prefix="reportlint-cross-", dir=workdir)
        self._dir = self._tmp.name
        self._texts = open(f"{self._dir}/texts", "w+b")  # noqa: SIM115 (closed in close())
        self._band_files = [open(f"{self._dir}/band{b}", "wb") for b in range(self.bands)]  # noqa: SIM115
        self._chunk: list[np.ndarray] = []
        self._sketch = open(f"{self._dir}/sketch", "wb")  # noqa: SIM115  per passage: the low byte of its first SKETCH_ROWS MinHash values
        self.report = array("i")  # per passage: report number, unit number, passage number in its record
        self.unit = array("i")
        self.pindex = array("i")
        self.hash = array("q")
        self.offset = array("q")
        self.length = array("i")
        self._figures = open(f"{self._dir}/figures", "w+b")  # noqa: SIM115  per passage: its figures (``figure_key``)
        self.fig_offset = array("q")
        self.fig_length = array("i")
        self.n_reports = 0  # reports are numbered in the order they are added (their paths are not kept)
        self._units: dict[str, int] = {}  # unit key -> unit number
        self._names: list[str] = []  # unit number -> the unit's name as first written
        self._end = 0
        self.s_key = array("q")  # per indexed sentence (``sentence_keys``): key, passage, number in it, characters
        self.s_pass = array("i")
        self.s_num = array("i")
        self.s_chars = array("i")
        self.stats: dict[str, int] = {}
        self.stock: set[int] = set()  # passages of template clusters and common text (after ``clusters``)

    def add(self, path: str, unit: str, passages: list[dict], key: str | None = None) -> None:
        """One report's passages (``text`` and ``sig`` each); ``key`` names its unit for comparison
        (default ``unit``). Its text is written out, not kept."""
        r = self.n_reports
        self.n_reports += 1
        u = self._units.setdefault(key or unit, len(self._units))
        if u == len(self._names):
            self._names.append(unit)
        for n, p in enumerate(passages):
            data = p["text"].encode("utf-8")
            self._texts.write(data)
            self.report.append(r)
            self.unit.append(u)
            self.pindex.append(n)
            self.hash.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True))
            self.offset.append(self._end)
            self.length.append(len(data))
            self._end += len(data)
            figs = figure_key(p.get("figures") or ()).encode("utf-8")  # \d: full-width digits too
            self.fig_offset.append(self._figures.tell())
            self.fig_length.append(len(figs))
            self._figures.write(figs)
            self._chunk.append(_decode(p["sig"]).astype(np.uint32))
            m = len(self.hash) - 1
            for k, sent in enumerate(p.get("sents") or ()):
                self.s_key.append(int(sent[0], 16) - (1 << 63))
                self.s_pass.append(m)
                self.s_num.append(k)
                self.s_chars.append(sent[1])
            if len(self._chunk) >= 1024:  # a few MB at a time
                self._flush()

    def _flush(self) -> None:
        if not self._chunk:
            return
        sig = np.stack(self._chunk)
        keys = band_keys(sig, self.bands, self.rows)
        for b, fh in enumerate(self._band_files):
            keys[:, b].tofile(fh)
        (sig[:, :SKETCH_ROWS] & np.uint64(0xFF)).astype(np.uint8).tofile(self._sketch)
        self._chunk = []

    def _text(self, node: int) -> str:
        m = int(self._first[node])
        self._texts.seek(self.offset[m])
        return self._texts.read(self.length[m]).decode("utf-8")

    def _node_rows(self, first: np.ndarray, block: int = 65536) -> np.ndarray:
        """The sketch rows of the passages ``first`` (one per node), read a block of rows at a time."""
        out = np.empty((len(first), SKETCH_ROWS), dtype=np.uint8)
        order = np.argsort(first)
        at = first[order]
        with open(f"{self._dir}/sketch", "rb") as fh:
            for start in range(0, len(self.hash), block):
                rows = np.fromfile(fh, dtype=np.uint8, count=block * SKETCH_ROWS).reshape(-1, SKETCH_ROWS)
                lo, hi = np.searchsorted(at, [start, start + len(rows)])
                out[order[lo:hi]] = rows[at[lo:hi] - start]
        return out

    def _figures_of(self, m: int) -> set[str]:
        self._figures.seek(self.fig_offset[m])
        data = self._figures.read(self.fig_length[m]).decode("utf-8")
        return set(data.split("|")) if data else set()

    def _filled_template(self, members: list[int]) -> bool:
        """Whether every pair of ``members`` from different units is one form filled with other figures
        (``filled_pair``): the passages share words only because both follow a standard formula."""
        if len(members) > 40:  # a large cluster is judged by its spread (units, provinces), not pair by pair
            return False
        figs = {m: self._figures_of(m) for m in members}
        return all(filled_pair(figs[a], figs[b]) for i, a in enumerate(members) for b in members[i + 1:]
                   if self.unit[a] != self.unit[b])

    def close(self) -> None:
        for fh in (*self._band_files, self._sketch, self._texts, self._figures):
            fh.close()
        self._tmp.cleanup()

    def clusters(self, template_share: float = 0.3, cap: int = BUCKET_CAP) -> list[tuple[list[int], float, bool]]:
        """Clusters as (passage numbers, similarity, template), largest first; see the class."""
        from rapidfuzz import fuzz, process

        self._flush()
        for fh in (*self._band_files, self._sketch):
            fh.close()
        self._texts.flush()
        n = len(self.hash)
        if not n:
            return []
        _, first, node_of = np.unique(np.frombuffer(self.hash, dtype=np.int64), return_index=True,
                                      return_inverse=True)
        self._first = first
        nodes = len(first)
        unit = np.frombuffer(self.unit, dtype=np.int32)
        lo_u, hi_u = np.full(nodes, np.iinfo(np.int32).max), np.full(nodes, -1)
        np.minimum.at(lo_u, node_of, unit)
        np.maximum.at(hi_u, node_of, unit)
        node_unit = np.where(lo_u == hi_u, lo_u, -1)  # -1: identical text in several units
        ids = np.arange(nodes)

        def keys(b: int) -> np.ndarray:
            return np.fromfile(f"{self._dir}/band{b % self.bands}", dtype=np.uint32)[first]

        sketch = self._node_rows(first)
        head = np.ascontiguousarray(sketch[:, :PRESCREEN_ROWS])
        need_head, need = sketch_cuts(self.threshold, self.bands, self.rows)
        found, stopped = [], np.zeros(nodes, dtype=np.int32)
        proposed = 0

        def take(blocks: Iterator[np.ndarray]) -> None:
            """Pairs of different units whose sketches come near the floor, kept as codes lo*nodes+hi."""
            nonlocal proposed
            for p in blocks:
                ua, ub = node_unit[p[:, 0]], node_unit[p[:, 1]]
                p = p[(ua != ub) | (ua < 0)]
                proposed += len(p)
                p = p[np.count_nonzero(head[p[:, 0]] == head[p[:, 1]], axis=1) >= need_head]
                p = p[np.count_nonzero(sketch[p[:, 0]] == sketch[p[:, 1]], axis=1) >= need]
                found.append(p[:, 0] * nodes + p[:, 1])

        nxt = keys(0)
        for b in range(self.bands):
            cur, nxt = nxt, keys(b + 1)
            over: list[np.ndarray] = []
            take(_bucket_pairs(cur, ids, cap, over))
            if over:  # the larger buckets, refined: the pair must also share the next band's key
                big = np.concatenate(over)
                still: list[np.ndarray] = []
                take(_bucket_pairs((cur[big].astype(np.uint64) << np.uint64(32)) | nxt[big], big, cap, still))
                if still:
                    stopped[np.concatenate(still)] += 1
        common = stopped * 2 >= self.bands
        codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
        cand = np.stack([codes // nodes, codes % nodes], axis=1)
        cand = cand[~(common[cand[:, 0]] | common[cand[:, 1]])]
        self.stats = {"passages": n, "nodes": nodes, "proposed": proposed, "candidates": len(cand),
                      "common": int(common.sum())}

        parent = list(range(nodes))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        best = np.zeros(nodes)
        best[node_unit < 0] = 100.0
        verified = 0
        if len(cand):
            starts = np.flatnonzero(np.r_[True, cand[1:, 0] != cand[:-1, 0]])
            for s, e in zip(starts, np.r_[starts[1:], len(cand)], strict=True):
                a = int(cand[s, 0])
                others = [int(x) for x in cand[s:e, 1]]
                verified += len(others)
                for _, score, k in process.extract(self._text(a), [self._text(o) for o in others], scorer=fuzz.ratio,
                                                   score_cutoff=self.threshold, limit=None):
                    o = others[k]
                    ra, ro = find(a), find(o)
                    if ra != ro:
                        parent[ra] = ro
                    best[a] = max(best[a], score)
                    best[o] = max(best[o], score)
        self.stats["verified"] = verified
        groups: dict[int, list[int]] = {}
        for node in np.flatnonzero(best > 0):
            groups.setdefault(find(int(node)), []).append(int(node))
        members_of = np.argsort(node_of, kind="stable")
        bounds = np.r_[0, np.cumsum(np.bincount(node_of, minlength=nodes))]
        n_units = len(self._units)
        out = []
        self.stock = {int(m) for g in np.flatnonzero(common) for m in members_of[bounds[g]:bounds[g + 1]]}
        for group in groups.values():
            members = [int(m) for g in group for m in members_of[bounds[g]:bounds[g + 1]]]
            if any(common[g] for g in group):
                self.stock.update(members)
                continue
            units = {self.unit[m] for m in members}
            if len(units) < 2:
                continue
            # text many units carry, or units of three provinces or more: a template (a national format's
            # preface, a form's printed notes), not one unit copying another
            template = len(units) > max(4, template_share * n_units) or len(self._provinces(units)) >= PROVINCES
            if template:
                self.stock.update(members)
            elif self._filled_template(members):  # not stock: a unit may still carry its own passage over a year
                template = True
            out.append((sorted(members), float(min(best[g] for g in group)), template))
        out.sort(key=lambda c: (-len({self.unit[m] for m in c[0]}), c[0][0]))  # most units first, then file order
        return out

    def partial_clusters(self, found: list[tuple[list[int], float, bool]], template_share: float = 0.3,
                         cap: int = SENT_CAP) -> list[tuple[list[int], dict[int, tuple[int, int]], bool]]:
        """Partial copies: runs of sentences two units' passages share verbatim (``partial_pairs``) that the
        paragraph comparison (``found``, from ``clusters``) did not already join. Returns clusters as
        (passage numbers, {passage: (first, last) sentence of its copied run}, template), with the same
        template tests as ``clusters`` (spread over units or provinces). Passages of template clusters
        and common text (``stock``) are left out. Linear: a sentence shared by more than ``cap`` passages
        is stock and never paired."""
        joined: dict[int, int] = {}
        for n, (members, _, _template) in enumerate(found):
            for m in members:
                joined[m] = n
        pairs = partial_pairs(np.frombuffer(self.s_key, dtype=np.int64), np.frombuffer(self.s_pass, dtype=np.int32),
                              np.frombuffer(self.s_num, dtype=np.int32), np.frombuffer(self.s_chars, dtype=np.int32),
                              np.frombuffer(self.unit, dtype=np.int32), cap)
        parent: dict[int, int] = {}

        def find(i: int) -> int:
            parent.setdefault(i, i)
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        spans: dict[int, tuple[int, int]] = {}
        for a, b, (a0, a1), (b0, b1) in pairs:
            if a in self.stock or b in self.stock or (a in joined and joined.get(b) == joined[a]):
                continue
            parent[find(a)] = find(b)
            for m, lo, hi in ((a, a0, a1), (b, b0, b1)):
                old = spans.get(m, (lo, hi))
                spans[m] = (min(old[0], lo), max(old[1], hi))
        groups: dict[int, list[int]] = {}
        for m in spans:
            groups.setdefault(find(m), []).append(m)
        n_units = len(self._units)
        out = []
        for members in groups.values():
            units = {self.unit[m] for m in members}
            if len(units) < 2:
                continue
            template = len(units) > max(4, template_share * n_units) or len(self._provinces(units)) >= PROVINCES
            out.append((sorted(members), {m: spans[m] for m in members}, template))
        out.sort(key=lambda c: (-len({self.unit[m] for m in c[0]}), c[0][0]))
        self.stats["partial"] = len(pairs)
        return out

    def _provinces(self, units: set[int]) -> set[str]:
        """The provinces of ``units`` that their names place (a name without a known place adds none)."""
        from reportlint.places import place_chain

        out = set()
        for u in units:
            chain = place_chain(self._names[u])
            prov = next((p.province or (p.name if p.level == "province" else "") for p in chain
                         if p.province or p.level == "province"), "")
            if prov:
                out.add(prov)
        return out

    def unit_names(self, members: list[int]) -> list[str]:
        """The units of the passages ``members``, by name."""
        return sorted({self._names[self.unit[m]] for m in members})


def partial_pairs(keys: np.ndarray, passage: np.ndarray, number: np.ndarray, chars: np.ndarray, unit: np.ndarray,
                  cap: int = SENT_CAP) -> list[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    """Pairs of passages of different units sharing a run of sentences (``sentence_keys``, one row per
    indexed sentence: its key, passage, number in the passage, Chinese characters; ``unit`` per passage):
    sentences a and a+1 … of one and b and b+1 … of the other with equal keys, SPAN_SENTENCES or more of
    SPAN_CHARS or more characters, or one of LONG_SENTENCE. Returns (passage, passage, (first, last),
    (first, last)) with the longest such run per pair. Keys of more than ``cap`` passages are skipped, so
    the work is linear in the number of sentences."""
    if not len(keys):
        return []
    order = np.argsort(keys, kind="stable")
    ks = keys[order]
    starts = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    sizes = np.diff(np.r_[starts, len(ks)])
    keep = (sizes >= 2) & (sizes <= cap)
    shared: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for st, size in zip(starts[keep], sizes[keep], strict=True):
        rows = order[st:st + size]
        for i, x in enumerate(rows):
            for y in rows[i + 1:]:
                a, b = int(passage[x]), int(passage[y])
                if unit[a] == unit[b]:
                    continue
                if a > b:
                    x, y, a, b = y, x, b, a
                shared.setdefault((a, b), []).append((int(number[x]), int(number[y]), int(chars[x])))
    out = []
    for (a, b), hits in shared.items():
        if len(hits) == 1 and hits[0][2] < LONG_SENTENCE:
            continue
        at = {(i, j): c for i, j, c in hits}
        best = None
        for i, j, _ in hits:
            if (i - 1, j - 1) in at:
                continue  # not the start of a run
            n, total = 0, 0
            while (i + n, j + n) in at:
                total += at[(i + n, j + n)]
                n += 1
            if ((n >= SPAN_SENTENCES and total >= SPAN_CHARS) or total >= LONG_SENTENCE) and (
                    best is None or total > best[0]):
                best = (total, (i, i + n - 1), (j, j + n - 1))
        if best:
            out.append((a, b, best[1], best[2]))
    return out


def span_passage(p: dict, span: tuple[int, int] | None) -> dict:
    """``p`` (a passage of ``passages``) narrowed to its sentences ``span`` (first, last; ``sentence_keys``):
    the copied run's place and text, marked ``copied`` (its sentences and characters)."""
    if span is None:
        return p
    first, last = p["sents"][span[0]], p["sents"][span[1]]
    chars = sum(s[1] for s in p["sents"][span[0]:span[1] + 1])
    return p | {"raw_start": first[2], "raw_end": last[3], "line": first[4], "column": first[5],
                "end_line": last[6], "end_column": last[7], "copied": [span[1] - span[0] + 1, chars]}


def find_clusters(reports: list[tuple[str, str, list[dict]]], threshold: float = 70.0,
                  template_share: float = 0.3) -> list[Cluster]:
    """``reports``: (path, unit, passages). Clusters of passages shared by at least two units (see
    CrossIndex). A report whose unit is unknown (None or empty) is left out: nothing says its unit is
    another's (fifteen years of national reports, none naming its unit, would otherwise be "different units")."""
    reports = [r for r in reports if r[1]]
    index = CrossIndex(threshold)
    try:
        for path, unit, ps in reports:
            index.add(path, unit, ps)
        found = index.clusters(template_share)
    finally:
        index.close()
    out = []
    for members, similarity, template in found:
        listed = members[:TEMPLATE_LISTED] if template else members
        out.append(Cluster([Member(reports[index.report[m]][0], reports[index.report[m]][1],
                                   reports[index.report[m]][2][index.pindex[m]]) for m in listed],
                           similarity=similarity, template=template, size=len(members),
                           unit_names=sorted({reports[index.report[m]][1] for m in members})))
    return out


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
