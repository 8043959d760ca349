"""term-typo (and law-name, which owns a misspelt law's title) on names of real reports mistyped on purpose
(``tests/typo_stress.py``): recall floors per class of name and per error shape, and no finding on the
unmodified lines but those judged true."""

from __future__ import annotations

import pytest

from typo_stress import CLASSES, SHAPES, harvest, measure

# recall reached at session 6 (organ 95 %, law 96 %, policy 100 %, formula 94 %), a little below; ``local``
# titles (a province's or a town's 办法 or 条例) are known to no list and are not held to a floor
CLASS_FLOORS = {"organ": 0.93, "law": 0.93, "policy": 0.85, "formula": 0.91}
SHAPE_FLOORS = {"sound": 0.95, "shape": 0.95, "drop": 0.88, "double": 0.93, "swap": 0.95, "move": 0.75}
# findings on unmodified corpus lines judged true: wild W141 现提将 (a stray 提 in 现将…报告如下), wild W155
# 科学开展观 (科学发展观), law-name's 《信息公开条例》 (laws.yaml ``wrong``: no regulation has that name)
JUDGED_TRUE = {"提", "科学开展观", "《信息公开条例》"}


@pytest.fixture(scope="module")
def result():
    return measure(harvest())


def _recall(r, keys) -> float:
    total = sum(r.total.get(k, 0) for k in keys)
    return sum(r.found.get(k, 0) for k in keys) / total if total else 1.0


@pytest.mark.parametrize("cls", sorted(CLASS_FLOORS))
def test_recall_per_class(result, cls):
    assert _recall(result, [(cls, s) for s in SHAPES]) >= CLASS_FLOORS[cls], \
        [f"{m.shape} {m.item.name} -> {m.wrong}" for m in result.misses if m.item.cls == cls]


@pytest.mark.parametrize("shape", SHAPES)
def test_recall_per_shape(result, shape):
    keys = [(c, shape) for c in CLASSES if c in CLASS_FLOORS]
    assert _recall(result, keys) >= SHAPE_FLOORS[shape], \
        [f"{m.item.cls} {m.item.name} -> {m.wrong}" for m in result.misses if m.shape == shape]


def test_unmodified_lines_stay_silent(result):
    alarms = [(item.name, item.line[s:e]) for item, spans in result.false_alarms for s, e in spans]
    assert [a for a in alarms if a[1] not in JUDGED_TRUE] == []
