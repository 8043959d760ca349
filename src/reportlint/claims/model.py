"""The Claim record and its rounding interval."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

INF = Decimal("Infinity")


@dataclass
class Claim:
    kind: str  # amount | count | percent | permille | date | period | ranking | score | grade
    raw: str  # the text as written (doc text, spaces dropped)
    value: Decimal | str | None  # amounts in 元; dates ISO; grades 优/良/中/差; rankings the rank
    unit: str  # 元, 人, %, ‰, 每千人口, 分, 名 …
    comparator: str  # "=" exact, "~" approximate, ">=" at least (超过/余/多), "<=" at most (近/不到/前三)
    indicator: str  # what the figure is about: the words before it in its clause
    scope: str | None  # 全市 / 全省 / 全区 …
    section: str  # heading path, e.g. "三、/（三）/1."
    start: int  # doc-text span
    end: int
    paragraph: int = 0
    decimals: int = 0  # decimals as stated
    scale: Decimal = Decimal(1)  # stated unit -> normalised unit (万元 -> 10000)
    extra: dict = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        return self.comparator == "="

    @property
    def tolerance(self) -> Decimal:
        """Half a unit in the last stated place, in normalised units (121.2万元 -> ±500元).

        Whole counts and whole scores are exact: 82人 is 82 people, 45分 is 45 points.
        """
        if self.kind in ("count", "score") and self.decimals == 0 and self.scale == 1:
            return Decimal(0)
        return Decimal(5) * Decimal(10) ** (-self.decimals - 1) * self.scale

    def interval(self) -> tuple[Decimal, Decimal]:
        v = self.value if isinstance(self.value, Decimal) else Decimal(0)
        lo, hi = v - self.tolerance, v + self.tolerance
        if self.comparator == ">=":
            return v, INF
        if self.comparator == "<=":
            return -INF, v
        return lo, hi

    def display_value(self) -> str:
        if isinstance(self.value, Decimal):
            v = self.value.normalize()
            return format(v, "f")
        return "" if self.value is None else str(self.value)


def fmt(d: Decimal, places: int = 2) -> str:
    """A readable number: thousands kept plain, trailing zeros dropped."""
    q = round(d, places)
    s = format(q, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def show(c: Claim, value: Decimal | None = None) -> str:
    """A figure in the unit it was stated in: 1500万元, 82人 (``value`` in normalised units, default the claim's)."""
    v = c.value if value is None else value
    if not isinstance(v, Decimal):
        return c.raw
    if c.kind == "amount":
        return f"{fmt(v / c.scale, 6)}{c.extra.get('stated_unit', '元')}"
    return f"{fmt(v, 4)}{c.unit}"


def may_be_one(a: Decimal, a_tol: Decimal, b: Decimal, b_tol: Decimal) -> bool:
    """Can two stated figures be roundings of one value? A figure stated to d places with tolerance t stands for
    [v − t, v + t) under half-up rounding (an exact figure, t = 0, for v alone), so two figures stated to the
    same places that differ in their last digit never are (2995.39 and 2995.40), while 2995.4 and 2995.39 are."""
    if a_tol == 0 and b_tol == 0:
        return a == b
    if a_tol == 0:
        return b - b_tol <= a < b + b_tol
    if b_tol == 0:
        return a - a_tol <= b < a + a_tol
    return a - a_tol < b + b_tol and b - b_tol < a + a_tol
