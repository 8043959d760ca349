"""places.known_places: the matches of an alternation of the spotted division names, longest first."""

import pickle
import re
from pathlib import Path

from reportlint.places import divisions, known_places


def test_known_places_equal_the_alternation():
    d = divisions()
    assert d.spotter is not None
    names = sorted(d.spotter.names, key=len, reverse=True)
    alternation = re.compile("|".join(map(re.escape, names)))
    root = Path(__file__).resolve().parents[1] / "corpora"
    texts = ["", "广", "广东省湛江市徐闻县前山镇人民政府", "内蒙古自治区鄂尔多斯市东胜区", "新疆维吾尔自治区乌鲁木齐市"]
    for path in sorted(root.glob("*/*.txt"))[::3]:
        text = path.read_text(encoding="utf-8")
        texts += [text[:3000], *text.splitlines()[:20]]
    for text in texts:
        expected = [(m.start(), m.end(), d.by_name[m.group(0)]) for m in alternation.finditer(text)]
        assert known_places(text) == expected, text[:40]


def test_spotter_pickles():
    spotter = divisions().spotter
    again = pickle.loads(pickle.dumps(spotter))
    text = "广东省湛江市徐闻县"
    assert again.find(text) == spotter.find(text) == [(0, 3, "广东省"), (3, 6, "湛江市"), (6, 9, "徐闻县")]
