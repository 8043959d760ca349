"""Word's automatic list numbering, rendered as the reader sees it ("（一）", "1.", "①").

The number of an auto-numbered paragraph is not in its text: it is computed from the numbering
definitions (numbering.xml: num → abstractNum → lvl with numFmt, lvlText, start) and counters that
run per list instance and reset the deeper levels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.document.markers import CIRCLED, int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstractId, starts)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_part(cls, element) -> Numbering:
        n = cls()
        if element is None:
            return n
        for an in element.iter(f"{W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in an.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                levels[ilvl] = Level(fmt=_val(lvl, "numFmt") or "decimal", text=_val(lvl, "lvlText") or "",
                                     start=int(_val(lvl, "start") or 1))
            n.abstract[an.get(f"{W}abstractNumId")] = levels
        for num in element.iter(f"{W}num"):
            aid = _val(num, "abstractNumId")
            starts = {}
            for ov in num.iter(f"{W}lvlOverride"):
                so = _val(ov, "startOverride")
                if so is not None:
                    starts[int(ov.get(f"{W}ilvl", "0"))] = int(so)
            n.nums[num.get(f"{W}numId")] = (aid, starts)
        return n

    def render(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (list, level) and return the rendered number text."""
        if num_id not in self.nums or num_id == "0":
            return None
        aid, starts = self.nums[num_id]
        levels = self.abstract.get(aid, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num_id, {})
        lvl = levels[ilvl]
        start = starts.get(ilvl, lvl.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt in ("bullet", "none"):
            return None
        out = lvl.text
        for k in range(9):
            if f"%{k + 1}" in out:
                value = counters.get(k, starts.get(k, levels.get(k, Level()).start))
                out = out.replace(f"%{k + 1}", _format(value, levels.get(k, Level()).fmt))
        return out


def _val(el, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return None if child is None else child.get(f"{W}val")


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified",
               "ideographLegalTraditional", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return int_to_cn(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r.lower() if fmt == "lowerRoman" else r
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)
