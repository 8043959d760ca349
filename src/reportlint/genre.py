"""The kind of report (genre) and its period logic, from ``lexicons/genres.yaml``.

A genre is recognised from the report's title (a short paragraph among the first few), its headings
and cue phrases of its opening; each genre declares which year it covers relative to when it is
written, whether it looks back on a finished year (``retrospective``), the year its plan sections are
about, and the outline file of its expected sections. ``detect_genre(doc)`` returns the best match
with the evidence that decided it, or ``None`` when nothing scores (then time rules that depend on
the genre use the report's own dates only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportlint.document.model import Document
from reportlint.lexicon import lexicon_dir, load_yaml

TITLE_POINTS = 3
MIN_SCORE = 2
HEAD_PARAGRAPHS = 8  # title, cover fields and the opening
HEAD_CHARS = 1500


@dataclass(frozen=True)
class Period:
    offset: int | None  # covered year = year written + offset (None: cannot be derived from a date)
    retrospective: bool  # looks back on a finished year
    plan_year: int  # plan sections are about covered year + plan_year
    dated_speech: bool = False  # delivered on a stated day: relative years anchored to it
    written: str = ""


@dataclass(frozen=True)
class Genre:
    id: str
    name: str
    period: Period
    outline: str | None  # file stem in lexicons/outlines/
    title_patterns: tuple[re.Pattern[str], ...]
    cues: tuple[str, ...]


@dataclass(frozen=True)
class GenreMatch:
    genre: Genre
    source: str  # "title" | "opening" (《title》 in the opening) | "announcement" (现将…如下) | "outline" | "cue phrases"
    evidence: str  # the title or the phrases that decided it


@cache
def genres() -> tuple[Genre, ...]:
    out = []
    for g in load_yaml("genres.yaml")["genres"]:
        p = g["period"]
        out.append(Genre(g["id"], g["name"],
                         Period(p.get("offset"), bool(p.get("retrospective")), int(p.get("plan_year", 1)),
                                bool(p.get("dated_speech", False)), p.get("written", "")),
                         g.get("outline"), tuple(re.compile(t) for t in g.get("title", ())),
                         tuple(g.get("cues", ()))))
    return tuple(out)


@cache
def _any_title(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """A pattern that matches where any of ``patterns`` does (None for none)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns)) if patterns else None


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of the cue phrases as a substring (None for no cues)."""
    return re.compile("|".join(map(re.escape, cues))) if cues else None


def genre_by_name(name: str) -> Genre | None:
    return next((g for g in genres() if name in (g.id, g.name)), None)


def _title_candidates(doc: Document) -> list[str]:
    """Short paragraphs at the top (the title may be split over two lines or follow site furniture)."""
    out = []
    for p in doc.paragraphs[:HEAD_PARAGRAPHS]:
        t = doc.paragraph_text(p).strip()
        # a title is a name, not a sentence: 现将…报告如下 / 根据…要求 are openings
        if 4 <= len(t) <= 90 and not re.search(r"^(?:现将|根据|按照|依据|为)|如下|[：:。]$", t):
            out.append(t)
        elif len(t) > 90 and not re.match(r"(?:现将|根据|按照|依据|为)", t):
            # a flattened PDF runs its title into the first paragraph: 许昌市…中心 2022 年整体和项目支出绩效自评总结报告 一 …
            m = re.match(r"[^。，,；;：:]{4,80}?(?:报告|说明|总结)", t)
            if m and "如下" not in m.group(0):
                out.append(m.group(0))
    # a title wrapped over two short lines
    if len(out) >= 2:
        out.append(out[0] + out[1])
    return out


def detect_genre(doc: Document) -> GenreMatch | None:
    """The best-scoring genre with what decided it; ``None`` when none scores ``MIN_SCORE``."""
    if not doc.paragraphs:
        return None
    titles = _title_candidates(doc)
    head = doc.text[:HEAD_CHARS]
    heading_titles = [h.title for h in doc.headings if h.level <= 2]
    best: tuple[int, int, int, GenreMatch] | None = None
    for rank, g in enumerate(genres()):
        score = 0
        source, evidence = "", ""
        named = _any_title(g.title_patterns)  # any of the title patterns, in one search
        hit = next((t for t in titles if named.search(t)), None) if named is not None else None
        if hit is None:
            # the opening sentence names the report it introduces: 编制…《…2021年政府信息公开工作年度报告》
            opening = head[:400]
            m = next((p.search(opening) for p in g.title_patterns if p.search(opening)), None) \
                if named is not None and named.search(opening) else None
            if m is not None and re.search(r"(?:编制|形成|发布|公布)[^。]{0,60}《[^》]*$", head[:m.start()]):
                hit = head[max(0, m.start() - 20):m.end()]
                source = "opening"
            elif m is not None and re.search(r"现将[^。]{0,40}$", head[:m.start()]):
                # the announcement (现将…工作总结报告如下) names the genre; its year is judged, not read
                hit = head[max(0, m.start() - 20):m.end()]
                source = "announcement"
        if hit is not None:
            score += TITLE_POINTS
            source, evidence = source or "title", hit
        cues = [c for c in g.cues if c in head]
        cue = _cue_pattern(g.cues)  # a heading holding any cue: one regex search per heading
        outline_hits = [t for t in heading_titles if cue.search(t)] if cue is not None else []
        score += len(cues) + min(len(outline_hits), 3)
        if not source:
            if outline_hits:
                source, evidence = "outline", "、".join(outline_hits[:3])
            else:
                source, evidence = "cue phrases", "、".join(cues[:3])
        # a title naming the genre outranks any count of headings and cues
        # (现将工作情况报告如下 names no genre as surely: an announcement does not decide)
        key = (int(source in ("title", "opening")), score, -rank)
        if score >= MIN_SCORE and (best is None or key > best[:3]):
            best = (*key, GenreMatch(g, source, evidence))
    return best[3] if best else None


@cache
def outline_file(stem: str) -> dict | None:
    """The outline ``lexicons/outlines/<stem>.yaml``, or ``None``."""
    path = lexicon_dir() / "outlines" / f"{stem}.yaml"
    if not path.is_file():
        return None
    return load_yaml(f"outlines/{stem}.yaml")
