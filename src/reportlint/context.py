"""Report context: evaluation year, filing date, unit name and unit level.

Each value is read from the report itself (cover fields, title, closing date, unit name), may be
overridden from the command line or configuration, and stays ``None`` when unknown; rules that
need an unknown value stay silent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from reportlint.document.model import Document
from reportlint.lexicon import load_yaml

_EVAL_YEAR = re.compile(r"(?:评价|考核|预算|决算|报告|统计)年度\s*[:：]?\s*(\d{4})")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年度?[^。，；]{0,40}?(?:报告|说明|总结)")
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_FILING = re.compile(r"(?:填报|报告|成文|编制|填表|报送)(?:日期|时间)\s*[:：]?\s*" + _DATE)
_LONE_DATE = re.compile(r"^\s*" + _DATE + r"\s*$")
_UNIT = re.compile(r"(?:评价单位|填报单位|报送单位|单位名称|部门名称|预算单位|项目单位)(?:（[^）]{0,6}）)?\s*[:：]\s*"
                   r"([\u4e00-\u9fff（）()]{3,40})")
_UNIT_NAME_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2,30}?(?:局|委员会|委|办公室|办|中心|政府|院|所|站|队|馆|厅|部))")

LEVEL_LABELS = {"province": "省", "city": "市", "district": "区", "county": "县", "town": "镇",
                "township": "乡", "subdistrict": "街道"}


@dataclass
class Context:
    evaluation_year: int | None = None
    filing_date: dt.date | None = None
    unit_name: str | None = None
    unit_level: str | None = None
    year_source: str = "unknown"
    level_source: str = "unknown"
    # doc-text spans of the cover fields, so rules can skip them
    filing_span: tuple[int, int] | None = None

    @property
    def filing_year(self) -> int | None:
        return self.filing_date.year if self.filing_date else None

    def describe(self) -> dict[str, str | int | None]:
        return {
            "evaluation_year": self.evaluation_year,
            "filing_date": self.filing_date.isoformat() if self.filing_date else None,
            "unit": self.unit_name,
            "unit_level": self.unit_level,
        }


def detect_context(doc: Document, year: int | None = None, unit_level: str | None = None,
                   filing_date: dt.date | None = None) -> Context:
    ctx = Context()
    head = doc.text[: doc.paragraphs[min(len(doc.paragraphs), 12) - 1].end] if doc.paragraphs else ""

    m = _EVAL_YEAR.search(head)
    if m:
        ctx.evaluation_year, ctx.year_source = int(m.group(1)), "cover"
    else:
        for p in doc.paragraphs[:4]:
            t = doc.paragraph_text(p)
            m = _TITLE_YEAR.search(t)
            if m and len(t) <= 80:
                ctx.evaluation_year, ctx.year_source = int(m.group(1)), "title"
                break
    if year is not None:
        ctx.evaluation_year, ctx.year_source = year, "option"

    m = _FILING.search(doc.text)
    if m:
        ctx.filing_date = _date(m.group(1), m.group(2), m.group(3))
        ctx.filing_span = (m.start(), m.end())
    else:
        for p in reversed(doc.paragraphs[-4:]):
            m = _LONE_DATE.match(doc.paragraph_text(p))
            if m:
                ctx.filing_date = _date(m.group(1), m.group(2), m.group(3))
                ctx.filing_span = (p.start, p.end)
                break
    if filing_date is not None:
        ctx.filing_date = filing_date

    m = _UNIT.search(head)
    if m:
        ctx.unit_name = m.group(1)
    else:
        for p in doc.paragraphs[:3]:
            t = doc.paragraph_text(p)
            m = _UNIT_NAME_IN_TEXT.match(t)
            if m and len(t) <= 60 and level_of_name(m.group(1)):
                ctx.unit_name = m.group(1)
                break
    if ctx.unit_name:
        ctx.unit_level = level_of_name(ctx.unit_name)
        if ctx.unit_level:
            ctx.level_source = "unit name"
    if ctx.unit_level is None:
        ctx.unit_level = level_by_vote(doc.text)
        if ctx.unit_level:
            ctx.level_source = "scope words"
    if unit_level is not None:
        ctx.unit_level, ctx.level_source = unit_level, "option"
    return ctx


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def level_of_name(name: str) -> str | None:
    """The administrative level of a unit name: the right-most level word decides."""
    best: tuple[int, str] | None = None
    for entry in load_yaml("scope.yaml")["unit_patterns"]:
        for m in re.finditer(entry["pattern"], name):
            if best is None or m.end() > best[0]:
                best = (m.end(), entry["level"])
    return best[1] if best else None


def level_by_vote(text: str) -> str | None:
    """The level whose self-words (全区/我县…) the text uses most, if clearly ahead."""
    counts: Counter[str] = Counter()
    for level, words in load_yaml("scope.yaml")["self_words"].items():
        if level in ("province", "city"):
            continue  # 全市/全省 are usually parent levels
        for w in words:
            counts[level] += text.count(w)
    if not counts:
        return None
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    second = rest[0][1] if rest else 0
    return top if n >= 2 and n >= 2 * second else None
