"""Run configuration: rule selection, severities, context overrides, thresholds, extra lexicon entries,
files to leave out of a folder walk.

Read from ``reportlint.toml`` (top-level keys) or ``[tool.reportlint]`` in ``pyproject.toml``, found by
walking up from the checked file, or from ``--config``; command-line options override the file.
Unknown keys are errors that name the key.

``exclude = ["README*.md", "JUDGED.md", "drafts/**"]``: glob patterns (``*``/``?``/``[…]`` within one
path segment, ``**`` across folders, case-sensitive) for files that a folder walk (check, claims, scan)
skips. A pattern matches the file's path relative to the folder of the configuration file that applies
to it, or the path of one of its folders below that one (``drafts`` leaves out the whole folder), or the
bare name of the file or of one of those folders (``README*.md`` at any depth). A file outside that
folder is matched by its name only. A file named on the command line is always checked. Notes about a
folder (README*, CHANGELOG, LICENSE, NOTES, a bare 说明.md; ``NOTE_FILES``) are left out of every walk,
with or without a configuration.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from reportlint.errors import UsageError
from reportlint.findings import Severity
from reportlint.limits import DEFAULT as DEFAULT_LIMITS
from reportlint.limits import Limits

DEFAULT_THRESHOLDS: dict[str, float] = {
    # boilerplate-internal: rapidfuzz ratio (0-100) between two passages of one report
    "boilerplate_similarity": 70.0,
    # passages shorter than this many CJK characters are never compared
    "boilerplate_min_chars": 40.0,
    # boilerplate-cross in a scan: 1 = also runs of sentences shared verbatim (crossdoc.partial_pairs), 0 = paragraphs only
    "copy_sentence_windows": 1.0,
}

# allowed range of each threshold (inclusive)
THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "boilerplate_similarity": (0.0, 100.0),
    "boilerplate_min_chars": (1.0, 100_000.0),
    "copy_sentence_windows": (0.0, 1.0),
}
# allowed range of each limit (inclusive); worker_memory_mb 0 = no cap
LIMIT_RANGES: dict[str, tuple[int, int]] = {
    "max_bytes": (1, 2**40), "max_chars": (1, 2**36), "max_part_bytes": (1, 2**40), "max_pages": (1, 10**7),
    "worker_memory_mb": (0, 2**24),
}
YEAR_RANGE = (1990, 2100)

LEVELS = ("province", "city", "district", "county", "town", "township", "subdistrict")
# the Chinese a user writes for a level (``--level 县``, ``unit_level = "区级"``), as well as the names above
LEVEL_NAMES = {"省": "province", "省级": "province", "自治区": "province", "直辖市": "province",
               "市": "city", "市级": "city", "地级市": "city", "州": "city", "盟": "city",
               "区": "district", "区级": "district", "县": "county", "县级": "county", "县级市": "county",
               "旗": "county", "镇": "town", "镇级": "town", "乡": "township", "乡级": "township",
               "街道": "subdistrict", "街道办": "subdistrict", "街道办事处": "subdistrict"}


def parse_level(value: str) -> str | None:
    """A unit level from a user's words: an English name of LEVELS or its Chinese (县, 区级, 街道 …); None
    for anything else."""
    v = str(value).strip()
    return v.lower() if v.lower() in LEVELS else LEVEL_NAMES.get(v)


LEVEL_CHOICES = "province/省, city/市, district/区, county/县, town/镇, township/乡, subdistrict/街道"


@dataclass
class Config:
    select: set[str] | None = None  # rule names; None = all
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)  # rule name -> severity
    evaluation_year: int | None = None
    unit_level: str | None = None
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    extra_terms: list[str] = field(default_factory=list)
    extra_laws: list[str] = field(default_factory=list)
    grade_bands: list[dict] | None = None  # [{"min": 90, "grade": "优"}, …]; None = lexicons default
    limits: Limits = DEFAULT_LIMITS
    source: str | None = None  # the file this configuration came from
    exclude: tuple[str, ...] = ()  # glob patterns a folder walk skips (see the module docstring)
    root: Path | None = None  # the folder ``exclude`` patterns are relative to (the configuration file's)

    def enabled(self, name: str) -> bool:
        if name in self.ignore:
            return False
        return self.select is None or name in self.select

    def threshold(self, key: str) -> float:
        return self.thresholds.get(key, DEFAULT_THRESHOLDS[key])

    def excludes(self, path: Path) -> bool:
        """Whether a folder walk leaves ``path`` out: a note by its name (``NOTE_FILES``: README*, 说明.md …,
        always), or ``exclude``: its path relative to ``root``, a folder of it below ``root``, or the bare
        name of either matches a pattern."""
        if NOTE_FILES.fullmatch(path.name):
            return True
        if not self.exclude:
            return False
        parts: tuple[str, ...] = (path.name,)
        if self.root is not None:
            with contextlib.suppress(OSError, ValueError):  # outside the configuration's folder: by name only
                parts = (path.parent.resolve() / path.name).relative_to(self.root).parts
        candidates = {*parts, *("/".join(parts[:n]) for n in range(1, len(parts) + 1))}
        return any(_glob(p).fullmatch(c) for p in self.exclude for c in candidates)


# Files a folder walk always leaves out: notes about the folder, not reports (any case: README.md,
# readme.txt, README.zh.md, CHANGELOG, LICENSE, NOTES.md; a bare 说明/备注/注意事项 file). A report's name
# says what it is (部门决算说明.docx stays). Named on the command line, such a file is still checked.
NOTE_FILES = re.compile(r"(?i)(?:readme|changelog|changes|license|licence|notes?|todo)(?:[._ -].*)?"
                        r"|(?:说明|备注|注意事项|使用说明|目录说明)(?:\.(?:md|txt))?")

_TOP_KEYS = {"select", "ignore", "severity", "evaluation_year", "unit_level", "thresholds", "lexicon",
             "grade_bands", "limits", "exclude"}
_LEXICON_KEYS = {"extra_terms", "laws"}


def find_config_file(start: Path) -> Path | None:
    """The nearest reportlint.toml, or pyproject.toml with [tool.reportlint], from ``start`` upwards."""
    d = start if start.is_dir() else start.parent
    for folder in [d.resolve(), *d.resolve().parents]:
        rl = folder / "reportlint.toml"
        if rl.is_file():
            return rl
        pp = folder / "pyproject.toml"
        if pp.is_file() and "reportlint" in _read_toml(pp).get("tool", {}):
            return pp
    return None


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob pattern as a regex over ``/``-separated relative paths: ``*``, ``?`` and ``[…]`` (``[!…]``
    negated) stay within one segment, ``**`` spans folders (``a/**/b`` also matches ``a/b``)."""
    pat = pattern.replace("\\", "/").removeprefix("./").rstrip("/")
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and (end := pat.find("]", i + 2)) > 0:
            body = pat[i + 1:end]
            neg = body[:1] in ("!", "^")
            body = (body[1:] if neg else body).replace("\\", "\\\\").replace("[", "\\[")
            out.append("[" + ("^/" if neg else "") + body + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out), re.DOTALL)


def _patterns(value: Any, source: str) -> tuple[str, ...]:
    """``exclude``: a list of non-empty glob strings; else a UsageError naming the key."""
    if not isinstance(value, list):
        raise UsageError(f"{source}: exclude 应为字符串列表，如 exclude = [\"README*.md\"]（现为 {value!r}）")
    for n, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise UsageError(f"{source}: exclude[{n}] 应为非空字符串（glob 模式，如 \"drafts/**\"），现为 {v!r}")
    return tuple(value)


@cache
def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML file at ``path``; UTF-8 with or without a byte-order mark (Windows Notepad writes one)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise UsageError(f"{path}: 配置文件无法读取 ({exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: 配置文件应为 UTF-8 编码（请另存为 UTF-8）") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: 配置文件无法读取 ({exc})") from None


def load_config_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reportlint", {})
    return replace(config_from_dict(data, str(path)), root=path.resolve().parent)


def config_from_dict(data: dict[str, Any], source: str = "<config>") -> Config:
    from reportlint.rules.base import resolve_selection

    for key in data:
        if key not in _TOP_KEYS:
            raise UsageError(f"{source}: 未知配置项 “{key}”（可用：{', '.join(sorted(_TOP_KEYS))}）")
    cfg = Config(source=source)
    for key in ("select", "ignore"):
        if key in data:
            _strings(data[key], key, source)
    severity = _table(data.get("severity", {}), "severity", source)
    try:
        if "select" in data:
            cfg.select = resolve_selection(_strings(data["select"], "select", source))
        if "ignore" in data:
            cfg.ignore = resolve_selection(_strings(data["ignore"], "ignore", source))
        for key, value in severity.items():
            if not isinstance(value, str) or value.strip().lower() not in ("error", "warning", "info"):
                raise UsageError(f"{source}: severity.{key} 应为 error、warning 或 info（现为 {value!r}）")
            for name in resolve_selection([key]):
                cfg.severity[name] = Severity.parse(value)
    except KeyError as exc:
        raise UsageError(f"{source}: 未知规则 “{exc.args[0]}”") from None
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from None
    if "evaluation_year" in data:
        cfg.evaluation_year = int(_number(data["evaluation_year"], "evaluation_year", source, YEAR_RANGE,
                                          integer=True, what="年份"))
    if "unit_level" in data:
        level = parse_level(data["unit_level"]) if isinstance(data["unit_level"], str) else None
        if level is None:
            raise UsageError(f"{source}: unit_level 应为 {LEVEL_CHOICES} 之一（现为 {data['unit_level']!r}）")
        cfg.unit_level = level
    for key, value in _table(data.get("thresholds", {}), "thresholds", source).items():
        if key not in DEFAULT_THRESHOLDS:
            raise UsageError(f"{source}: 未知阈值 “thresholds.{key}”（可用：{', '.join(DEFAULT_THRESHOLDS)}）")
        cfg.thresholds[key] = _number(value, f"thresholds.{key}", source, THRESHOLD_RANGES[key])
    limits = {}
    for key, value in _table(data.get("limits", {}), "limits", source).items():
        if key not in LIMIT_RANGES:
            raise UsageError(f"{source}: 未知限制 “limits.{key}”（可用：{', '.join(LIMIT_RANGES)}）")
        limits[key] = int(_number(value, f"limits.{key}", source, LIMIT_RANGES[key], integer=True))
    cfg.limits = replace(DEFAULT_LIMITS, **limits)
    lex = _table(data.get("lexicon", {}), "lexicon", source)
    for key in lex:
        if key not in _LEXICON_KEYS:
            raise UsageError(f"{source}: 未知配置项 “lexicon.{key}”（可用：{', '.join(sorted(_LEXICON_KEYS))}）")
    cfg.extra_terms = _strings(lex.get("extra_terms", []), "lexicon.extra_terms", source)
    cfg.extra_laws = _strings(lex.get("laws", []), "lexicon.laws", source)
    if "grade_bands" in data:
        cfg.grade_bands = _bands(data["grade_bands"], source)
    if "exclude" in data:
        cfg.exclude = _patterns(data["exclude"], source)
    return cfg


def _table(value: Any, key: str, source: str) -> dict:
    if not isinstance(value, dict):
        raise UsageError(f"{source}: {key} 应为表（[{key}] 或 {key} = {{…}}），现为 {value!r}")
    return value


def _number(value: Any, key: str, source: str, bounds: tuple[float, float], integer: bool = False,
            what: str = "数值") -> float:
    """A finite number (an integer when ``integer``) within ``bounds``; else a UsageError naming ``key``."""
    ok_type = isinstance(value, int) if integer else isinstance(value, int | float)
    if isinstance(value, bool) or not ok_type:
        kind = "整数" if integer else "数值"
        raise UsageError(f"{source}: {key} 应为{kind}{'' if what == '数值' else what}（现为 {value!r}）")
    if not math.isfinite(value) or not bounds[0] <= value <= bounds[1]:
        lo, hi = (int(b) if float(b).is_integer() else b for b in bounds)
        raise UsageError(f"{source}: {key} 超出范围：{value!r}（应在 {lo} 到 {hi} 之间）")
    return float(value)


def _strings(value: Any, key: str, source: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{source}: {key} 应为字符串列表")
    return list(value)


_BAND_KEYS = {"min", "max", "grade"}


def _bands(value: Any, source: str) -> list[dict]:
    """Grade bands: tables {min, grade[, max]} listed from the highest band down, without overlap.

    ``min`` is inclusive, ``max`` (optional) exclusive; scores are 0-1000.
    """
    shape = "grade_bands 应为 [{min = 90, grade = \"优\"}, {min = 80, grade = \"良\"}, …] 形式的列表"
    if not isinstance(value, list) or not value:
        raise UsageError(f"{source}: {shape}")
    bands = []
    for n, b in enumerate(value):
        key = f"grade_bands[{n}]"
        if not isinstance(b, dict) or not {"min", "grade"} <= set(b):
            raise UsageError(f"{source}: {key} 应为含 min 与 grade 的表（{shape}）")
        extra = set(b) - _BAND_KEYS
        if extra:
            raise UsageError(f"{source}: 未知配置项 “{key}.{sorted(extra)[0]}”（可用：grade、max、min）")
        lo = _number(b["min"], f"{key}.min", source, (0, 1000))
        hi = _number(b["max"], f"{key}.max", source, (0, 1000)) if "max" in b else None
        if not isinstance(b["grade"], str) or not b["grade"].strip():
            raise UsageError(f"{source}: {key}.grade 应为非空字符串（现为 {b['grade']!r}）")
        if hi is not None and hi <= lo:
            raise UsageError(f"{source}: {key} 的 max ({hi:g}) 应大于 min ({lo:g})")
        bands.append((lo, hi, key, b))
    for (lo_a, _, key_a, _), (lo_b, hi_b, key_b, _) in itertools.pairwise(bands):
        if lo_b == lo_a:
            raise UsageError(f"{source}: {key_a} 与 {key_b} 的 min 相同（{lo_a:g}），分档重叠")
        if lo_b > lo_a:
            raise UsageError(f"{source}: grade_bands 应从高分档到低分档排列：{key_b}.min ({lo_b:g}) 高于 "
                             f"{key_a}.min ({lo_a:g})")
        if hi_b is not None and hi_b > lo_a:
            raise UsageError(f"{source}: {key_b}（{lo_b:g}–{hi_b:g}）与 {key_a}（自 {lo_a:g}）分档重叠")
    grades = [b["grade"] for _, _, _, b in bands]
    dup = next((g for g in grades if grades.count(g) > 1), None)
    if dup:
        raise UsageError(f"{source}: grade_bands 中等级 “{dup}” 出现了两次")
    return [b for _, _, _, b in bands]


def merge(base: Config, **overrides: Any) -> Config:
    """``base`` with command-line overrides (None values are ignored)."""
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


class ConfigResolver:
    """The configuration of each checked file: --config, else the nearest file, plus CLI overrides."""

    def __init__(self, config_path: Path | None, overrides: dict):
        self._merge = merge
        self._overrides = overrides
        self._fixed = None
        self._cache: dict[Path, object] = {}
        self._folders: dict[Path, Config] = {}  # a walked file's folder -> its configuration
        if config_path is not None:
            if not config_path.is_file():
                raise UsageError(f"{config_path}: 配置文件不存在")
            self._fixed = merge(load_config_file(config_path), **overrides)
        self._default = merge(Config(), **overrides)

    def for_file(self, path: Path) -> Config:
        if self._fixed is not None:
            return self._fixed
        found = find_config_file(path)
        if found is None:
            return self._default
        if found not in self._cache:
            self._cache[found] = self._merge(load_config_file(found), **self._overrides)
        return self._cache[found]

    def excluded(self, path: Path) -> bool:
        """Whether a folder walk skips ``path`` by the ``exclude`` of its configuration (looked up once
        per folder); a broken configuration raises UsageError."""
        folder = path.parent
        if folder not in self._folders:
            self._folders[folder] = self.for_file(path)
        return self._folders[folder].excludes(path)
