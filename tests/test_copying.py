"""Copying between reports: stated candidate recall of the cross-report step, same unit across years."""

from __future__ import annotations

import base64
import random
import re
from pathlib import Path

from rapidfuzz import fuzz

from reportlint import crossdoc
from reportlint.rules.copying._stock import normalise

CASES = Path("/work/shared/cases")
ROOT = Path(__file__).resolve().parents[1]


def _passage(text: str) -> dict:
    norm = normalise(text)
    return {"text": norm, "sig": base64.b64encode(crossdoc.signature(norm).astype("<u8").tobytes()).decode(),
            "line": 1, "column": 1, "where": "正文"}


def _paragraph(path: Path) -> str:
    return max(path.read_text(encoding="utf-8").splitlines(), key=len)


DENSE = [  # case 14 (town names swapped) and case 28 (every place name swapped: 5-gram Jaccard 0.32)
    ("岚溪县农业农村局", "局主要负责同志带队深入柘塘镇、鹤屿镇等地，实地查看山塘水库除险加固和灌溉渠系修复情况，详细了解防汛物资储备和应急队伍值守情况，"
     "要求各乡镇压紧压实防汛责任，确保人员转移预案落实到村到户，切实保障春耕生产用水安全。",
     "桐川县水利局", "局主要负责同志带队深入石门乡、白沙镇等地，实地查看山塘水库除险加固和灌溉渠系修复情况，详细了解防汛物资储备和应急队伍值守情况，"
     "要求各乡镇压紧压实防汛责任，确保人员转移预案落实到村到户，切实保障春耕生产用水安全。"),
    ("岚溪县民政局", "岚溪县民政局在柘塘镇新建养老服务中心1个，在鹤屿镇改造敬老院2所，为岚溪县特困老人配备呼叫设备，在柘塘镇开展养老护理员培训3期，"
     "岚溪县居家养老服务覆盖率逐年提高，鹤屿镇老人满意度明显提升，柘塘镇养老服务站实现全覆盖。",
     "桐川县民政局", "桐川县民政局在石门乡新建养老服务中心1个，在白沙镇改造敬老院2所，为桐川县特困老人配备呼叫设备，在石门乡开展养老护理员培训3期，"
     "桐川县居家养老服务覆盖率逐年提高，白沙镇老人满意度明显提升，石门乡养老服务站实现全覆盖。"),
]


def test_stated_recall_at_the_default_threshold():
    bands, rows = crossdoc.lsh_params(70.0)
    assert (bands, rows) == (64, 4) and bands * rows <= crossdoc.NUM_PERM
    floor = crossdoc.jaccard_floor(70.0)
    assert round(floor, 3) == 0.538
    assert crossdoc.collision_probability(floor, bands, rows) >= 0.99
    for t in (50.0, 60.0, 75.0, 80.0, 90.0, 95.0):
        assert crossdoc.collision_probability(crossdoc.jaccard_floor(t), *crossdoc.lsh_params(t)) >= 0.99


def _jaccard(a: str, b: str) -> float:
    x, y = crossdoc.shingles(a), crossdoc.shingles(b)
    return len(x & y) / len(x | y)


def test_dense_edits_of_cases_14_and_28_are_proposed_and_clustered():
    for unit_a, a, unit_b, b in DENSE:
        na, nb = normalise(a), normalise(b)
        ratio = fuzz.ratio(na, nb)
        assert ratio >= 70
        assert _jaccard(na, nb) >= crossdoc.jaccard_floor(ratio) >= crossdoc.jaccard_floor(70.0)
        clusters = crossdoc.find_clusters([("a.txt", unit_a, [_passage(a)]), ("b.txt", unit_b, [_passage(b)])])
        assert [c.units for c in clusters] == [sorted([unit_a, unit_b])]


def test_the_bound_holds_for_any_edit_pattern():
    """Whatever the edits, a pair at ratio r has multiset Jaccard >= r/(2-r): the bound is a theorem, not a fit."""
    rng = random.Random(7)
    base = re.sub(r"\s", "", (ROOT / "corpora" / "real" / "301.txt").read_text(encoding="utf-8"))
    base = normalise(base)
    checked = 0
    for _ in range(400):
        start = rng.randrange(0, len(base) - 200)
        a = base[start:start + rng.randint(60, 200)]
        b = list(a)
        for _ in range(rng.randint(1, len(a) // 3)):  # dense substitutions, insertions and deletions
            i = rng.randrange(len(b))
            op = rng.random()
            if op < 0.5:
                b[i] = rng.choice(base)
            elif op < 0.75:
                b.insert(i, rng.choice(base))
            else:
                del b[i]
        b = "".join(b)
        ratio = fuzz.ratio(a, b)
        assert _jaccard(a, b) >= crossdoc.jaccard_floor(ratio) - 1e-9
        checked += ratio >= 70
    assert checked > 50


def test_every_pair_above_the_threshold_is_clustered_in_a_batch_of_dense_edits():
    """40 pairs of units, each a paragraph with its places swapped at a different density, among
    unrelated paragraphs: every pair at ratio >= 70 is found (recall 0.996 each by construction)."""
    rng = random.Random(3)
    texts = [normalise(p) for f in sorted((ROOT / "corpora" / "real").glob("*.txt"))
             for p in f.read_text(encoding="utf-8").split("\n") if len(normalise(p)) >= 80]
    places = ["柘塘镇", "鹤屿镇", "石门乡", "白沙镇", "岚溪县", "桐川县", "梧岭市", "东屏市"]
    reports, expected = [], 0
    for k in range(40):
        a = texts[k * 3 % len(texts)]
        step = rng.randint(6, 20)
        b = "".join(c if i % step else rng.choice(places) for i, c in enumerate(a))
        if fuzz.ratio(a, b) < 70:
            continue
        expected += 1
        reports.append((f"a{k}.txt", f"甲{k}单位", [_passage(a)]))
        reports.append((f"b{k}.txt", f"乙{k}单位", [_passage(b)]))
    assert expected >= 30
    clusters = crossdoc.find_clusters(reports, template_share=1.0)
    found = [set(c.units) for c in clusters]
    assert sum(any({f"甲{k}单位", f"乙{k}单位"} <= units for units in found) for k in range(40)) == expected
