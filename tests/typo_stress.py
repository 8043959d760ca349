"""A stress set for term-typo: correctly written names of real reports, mistyped on purpose.

Names come from the repository's corpora (corpora/real, corpora/wild, corpora/clean; with ``--shared``
also /work/shared/realcorpus and cleancorpus), in four classes:

- ``organ``: state organs and local government departments written in the texts (人民检察院,
  人力资源和社会保障局, 市场监督管理局 …: the names of ``ORGANS`` that occur);
- ``law``: national law and regulation titles cited in 《》 (中华人民共和国预算法, 政府信息公开条例 …: those
  listed in lexicons/laws.yaml or opening with 中华人民共和国); ``local``: the other titles ending in 法 or
  条例 (a province's or a town's 办法: no list knows them, shown apart);
- ``policy``: central policy titles cited in 《》 (those listed in lexicons/policies.yaml that occur);
- ``formula``: fixed political phrases of names.yaml ``strict`` (five characters or more) that occur.

Each name's first line in the corpora (at most ``PER_NAME`` occurrences) is mistyped in the error
shapes real reports show, one at a time, at a position drawn from a generator seeded by the name and
the shape (deterministic across runs and processes):

- ``sound``: one character replaced by a same-sound one (pycorrector's same_pinyin.txt), a common one
  (what an input method offers);
- ``shape``: one character replaced by a look-alike one (same_stroke.txt and one-stroke neighbours);
- ``drop``: one character dropped inside the name; ``double``: one character typed twice; ``swap``: two neighbours swapped;
  ``move``: a character moved two places (社会服务化 for 社会化服务).

A mutation is found when term-typo (or law-name, which owns a misspelt law's title), run on the mistyped
line alone, reports a span overlapping the edit. The unmodified lines are run too: any finding of the two
on them is a false alarm.

``python tests/typo_stress.py [--shared] [--show]`` prints recall per shape and per class and the
false alarms (``--show``: the misses).
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "corpora" / "real", ROOT / "corpora" / "wild", ROOT / "corpora" / "clean"]
SHARED = [Path("/work/shared/realcorpus"), Path("/work/shared/cleancorpus")]
# a misspelt law title is law-name's finding, every other name's term-typo's (one finding per title)
RULES = ("term-typo", "law-name")
SHAPES = ("sound", "shape", "drop", "double", "swap", "move")
CLASSES = ("organ", "law", "policy", "formula", "local")
PER_NAME = 1

# state organs and the usual departments of a local government (国务院组成部门 and their county
# counterparts), as reports write them after their place; only those written in the corpora are used
ORGANS = (
    "人民检察院", "人民法院", "人民政府", "人民代表大会常务委员会", "人大常委会", "政治协商会议",
    "纪律检查委员会", "监察委员会", "人力资源和社会保障局", "市场监督管理局", "退役军人事务局",
    "发展和改革委员会", "发展和改革局", "财政局", "司法局", "卫生健康局", "卫生健康委员会", "农业农村局",
    "审计局", "教育局", "乡村振兴局", "水务局", "交通运输局", "行政审批局", "住房和城乡建设局",
    "自然资源局", "自然资源和规划局", "生态环境局", "应急管理局", "统计局", "医疗保障局", "民政局",
    "公安局", "商务局", "文化和旅游局", "科学技术局", "工业和信息化局", "林业局", "林业和草原局",
    "水利局", "城市管理局", "综合行政执法局", "机关事务管理局", "信访局", "政务服务和数据管理局",
    "税务局", "档案馆", "妇女联合会", "残疾人联合会", "红十字会", "总工会", "科学技术协会",
    "工商业联合会", "人民武装部", "机构编制委员会办公室", "文化广电旅游局", "体育局", "粮食和物资储备局",
    "国有资产监督管理委员会", "住房公积金管理中心", "公共资源交易中心", "融媒体中心", "不动产登记中心",
    "疾病预防控制中心", "街道办事处", "经济开发区管理委员会", "组织部", "宣传部", "统一战线工作部", "政法委员会",
    "老干部局", "党史研究室", "财政所", "司法所", "派出所", "卫生院", "便民服务中心", "人民医院", "妇幼保健院",
    "社会保险事业管理局", "教育体育局", "工商联",
)
# two-character short forms (妇联, 残联, 党校, 团委) are left out: one edit away they are other words
_LAW = re.compile(r"《([\u4e00-\u9fff]{3,24}(?:法|条例))》")
_TITLE = re.compile(r"《([^《》\n]{8,60})》")


@dataclass(frozen=True)
class Item:
    cls: str
    name: str
    line: str  # the line holding the name, as written
    at: int  # the name's offset in the line


@dataclass(frozen=True)
class Mutation:
    item: Item
    shape: str
    line: str  # the mistyped line
    lo: int  # the edited span in the mistyped line
    hi: int
    wrong: str  # the name as mistyped


def _texts(shared: bool) -> list[tuple[str, str]]:
    out = []
    for folder in FOLDERS + (SHARED if shared else []):
        for p in sorted(folder.glob("*.txt")):
            out.append((str(p), p.read_text(encoding="utf-8")))
    return out


@cache
def _policy_titles() -> tuple[str, ...]:
    from reportlint.spelling.data import policy_titles

    return tuple(t.replace(" ", "") for t in policy_titles())


@cache
def _formulas() -> tuple[str, ...]:
    from reportlint.lexicon import load_yaml

    return tuple(str(t) for t in load_yaml("names.yaml")["strict"] if len(str(t)) >= 5)


def harvest(shared: bool = False) -> list[Item]:
    """Every name of the four classes with its first ``PER_NAME`` lines in the corpora."""
    seen: dict[tuple[str, str], int] = {}
    out: list[Item] = []

    def add(cls: str, name: str, line: str, at: int) -> None:
        if seen.get((cls, name), 0) >= PER_NAME:
            return
        seen[(cls, name)] = seen.get((cls, name), 0) + 1
        out.append(Item(cls, name, line, at))

    from reportlint.spelling.laws import laws

    known = laws()[0]
    policies = _policy_titles()
    formulas = _formulas()
    for _path, text in _texts(shared):
        for line in text.split("\n"):
            if len(line) > 400 or len(line) < 8:
                continue
            for name in ORGANS:
                k = line.find(name)
                if k >= 0:
                    add("organ", name, line, k)
            for m in _LAW.finditer(line):
                law = m.group(1)
                add("law" if law in known or law.startswith("中华人民共和国") else "local", law, line, m.start(1))
            for m in _TITLE.finditer(line):
                if m.group(1) in policies:
                    add("policy", m.group(1), line, m.start(1))
            for name in formulas:
                k = line.find(name)
                if k >= 0:
                    add("formula", name, line, k)
    return out


def _common(chars, exclude: str) -> list[str]:
    """Characters an input method offers first: jieba-frequent, Han, not ``exclude``."""
    from reportlint.nlp import tokenizer

    freq = tokenizer().FREQ
    ok = [c for c in chars if "\u4e00" <= c <= "\u9fff" and c != exclude and (freq.get(c, 0) or 0) >= 2000]
    return sorted(ok, key=lambda c: (-(freq.get(c, 0) or 0), c))[:6]


def _sound(c: str) -> list[str]:
    from reportlint.spelling.data import _same_tone

    return _common(_same_tone().get(c, ""), c)


def _shape(c: str) -> list[str]:
    from reportlint.spelling.data import look_alikes

    return _common(sorted(look_alikes(c)), c)


def mutate(item: Item, shape: str) -> Mutation | None:
    """The item's name mistyped in ``shape`` at a position drawn from a generator seeded by the name and
    the shape; None when the shape does not apply (no confusable character, no pair to swap)."""
    rng = random.Random(f"{item.cls}|{item.name}|{shape}")
    name = item.name
    positions = [i for i, c in enumerate(name) if "\u4e00" <= c <= "\u9fff"]
    rng.shuffle(positions)
    for i in positions:
        if shape in ("sound", "shape"):
            alts = (_sound if shape == "sound" else _shape)(name[i])
            if not alts:
                continue
            wrong, lo, hi = name[:i] + rng.choice(alts) + name[i + 1:], i, i + 1
        elif shape == "drop":
            if len(name) < 4 or i in (0, len(name) - 1) or name[i] in "和与及":
                continue  # 科学发展(观), (习)近平同志, 发展(和)改革局: often still right
            wrong, lo, hi = name[:i] + name[i + 1:], max(i - 1, 0), i + (1 if i < len(name) - 1 else 0)
        elif shape == "double":
            wrong, lo, hi = name[:i + 1] + name[i:], i, i + 2
        elif shape == "swap":
            if i + 1 >= len(name) or name[i] == name[i + 1] or not "\u4e00" <= name[i + 1] <= "\u9fff":
                continue
            wrong, lo, hi = name[:i] + name[i + 1] + name[i] + name[i + 2:], i, i + 2
        else:
            three = name[i:i + 3]
            if len(name) < 6 or len(three) < 3 or len(set(three)) < 3 \
                    or not all("\u4e00" <= c <= "\u9fff" for c in three):
                continue
            wrong, lo, hi = name[:i] + three[1:] + three[0] + name[i + 3:], i, i + 3
        line = item.line[:item.at] + wrong + item.line[item.at + len(name):]
        return Mutation(item, shape, line, item.at + lo, item.at + max(hi, lo + 1), wrong)
    return None


def _typo_spans(line: str) -> list[tuple[int, int]]:
    from reportlint.config import Config
    from reportlint.engine import lint_text

    cfg = Config()
    cfg.select = set(RULES)
    return [(f.raw_start, f.raw_end) for f in lint_text(line + "\n", cfg).findings if f.rule in RULES]


@dataclass
class Result:
    found: dict[tuple[str, str], int]  # (class, shape) -> mutations found
    total: dict[tuple[str, str], int]
    misses: list[Mutation]
    false_alarms: list[tuple[Item, list[tuple[int, int]]]]


def measure(items: list[Item]) -> Result:
    found: dict[tuple[str, str], int] = {}
    total: dict[tuple[str, str], int] = {}
    misses: list[Mutation] = []
    alarms = []
    lines_done: set[str] = set()
    for item in items:
        if item.line not in lines_done:
            lines_done.add(item.line)
            spans = _typo_spans(item.line)
            if spans:
                alarms.append((item, spans))
        for shape in SHAPES:
            m = mutate(item, shape)
            if m is None:
                continue
            key = (item.cls, shape)
            total[key] = total.get(key, 0) + 1
            if any(s < m.hi and m.lo < e for s, e in _typo_spans(m.line)):
                found[key] = found.get(key, 0) + 1
            else:
                misses.append(m)
    return Result(found, total, misses, alarms)


def table(r: Result) -> str:
    def cell(keys) -> str:
        f = sum(r.found.get(k, 0) for k in keys)
        t = sum(r.total.get(k, 0) for k in keys)
        return f"{f}/{t} {100 * f / t:5.1f}%" if t else "-"

    rows = ["class     " + "".join(f"{s:>16}" for s in (*SHAPES, "all"))]
    for cls in CLASSES:
        rows.append(f"{cls:<10}" + "".join(f"{cell([(cls, s)]):>16}" for s in SHAPES)
                    + f"{cell([(cls, s) for s in SHAPES]):>16}")
    rows.append(f"{'all':<10}" + "".join(f"{cell([(c, s) for c in CLASSES]):>16}" for s in SHAPES)
                + f"{cell([(c, s) for c in CLASSES for s in SHAPES]):>16}")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    items = harvest(shared="--shared" in argv)
    r = measure(items)
    print(f"{len(items)} names:", {c: sum(1 for i in items if i.cls == c) for c in CLASSES})
    print(table(r))
    print(f"false alarms on unmodified lines: {len(r.false_alarms)}")
    for item, spans in r.false_alarms:
        print("  FA", item.cls, item.name, [item.line[s:e] for s, e in spans], item.line[:80])
    if "--show" in argv:
        for m in r.misses:
            print("  miss", m.item.cls, m.shape, m.item.name, "->", m.wrong)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main(sys.argv[1:])
