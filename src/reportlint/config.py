"""Run configuration: rule selection, severities, context overrides, thresholds, extra lexicon entries.

Read from ``reportlint.toml`` (top-level keys) or ``[tool.reportlint]`` in ``pyproject.toml``, found by
walking up from the checked file, or from ``--config``; command-line options override the file.
Unknown keys are errors that name the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from reportlint.errors import UsageError
from reportlint.findings import Severity

DEFAULT_THRESHOLDS: dict[str, float] = {
    # boilerplate-internal: rapidfuzz ratio (0-100) between two passages of one report
    "boilerplate_similarity": 70.0,
    # passages shorter than this many CJK characters are never compared
    "boilerplate_min_chars": 40.0,
}

LEVELS = ("province", "city", "district", "county", "town", "township", "subdistrict")


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
    source: str | None = None  # the file this configuration came from

    def enabled(self, name: str) -> bool:
        if name in self.ignore:
            return False
        return self.select is None or name in self.select

    def threshold(self, key: str) -> float:
        return self.thresholds.get(key, DEFAULT_THRESHOLDS[key])


_TOP_KEYS = {"select", "ignore", "severity", "evaluation_year", "unit_level", "thresholds", "lexicon",
             "grade_bands"}
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
def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: 配置文件无法读取 ({exc})") from None


def load_config_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reportlint", {})
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, Any], source: str = "<config>") -> Config:
    from reportlint.rules.base import resolve_selection

    for key in data:
        if key not in _TOP_KEYS:
            raise UsageError(f"{source}: 未知配置项 “{key}”（可用：{', '.join(sorted(_TOP_KEYS))}）")
    cfg = Config(source=source)
    try:
        if "select" in data:
            cfg.select = resolve_selection(_strings(data["select"], "select", source))
        if "ignore" in data:
            cfg.ignore = resolve_selection(_strings(data["ignore"], "ignore", source))
        for key, value in (data.get("severity") or {}).items():
            for name in resolve_selection([key]):
                cfg.severity[name] = Severity.parse(str(value))
    except KeyError as exc:
        raise UsageError(f"{source}: 未知规则 “{exc.args[0]}”") from None
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from None
    if "evaluation_year" in data:
        if not isinstance(data["evaluation_year"], int):
            raise UsageError(f"{source}: evaluation_year 应为整数年份")
        cfg.evaluation_year = data["evaluation_year"]
    if "unit_level" in data:
        if data["unit_level"] not in LEVELS:
            raise UsageError(f"{source}: unit_level 应为 {', '.join(LEVELS)} 之一")
        cfg.unit_level = data["unit_level"]
    for key, value in (data.get("thresholds") or {}).items():
        if key not in DEFAULT_THRESHOLDS:
            raise UsageError(f"{source}: 未知阈值 “thresholds.{key}”（可用：{', '.join(DEFAULT_THRESHOLDS)}）")
        cfg.thresholds[key] = float(value)
    lex = data.get("lexicon") or {}
    for key in lex:
        if key not in _LEXICON_KEYS:
            raise UsageError(f"{source}: 未知配置项 “lexicon.{key}”（可用：{', '.join(sorted(_LEXICON_KEYS))}）")
    cfg.extra_terms = _strings(lex.get("extra_terms", []), "lexicon.extra_terms", source)
    cfg.extra_laws = _strings(lex.get("laws", []), "lexicon.laws", source)
    if "grade_bands" in data:
        cfg.grade_bands = _bands(data["grade_bands"], source)
    return cfg


def _strings(value: Any, key: str, source: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{source}: {key} 应为字符串列表")
    return list(value)


def _bands(value: Any, source: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(b, dict) and {"min", "grade"} <= set(b) for b in value):
        raise UsageError(f"{source}: grade_bands 应为 [{{min = 90, grade = \"优\"}}, …] 形式的列表")
    return sorted(value, key=lambda b: -float(b["min"]))


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
