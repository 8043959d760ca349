"""Access to the data files in ``lexicons/`` (loaded lazily, once per process)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


@cache
def lexicon_dir() -> Path:
    """The bundled lexicons: inside the installed package, or at the repository root."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parents[1] / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("reportlint lexicons/ directory not found")


def _parse_yaml(path: Path) -> Any:
    import yaml

    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 8x faster


@cache
def load_yaml(name: str) -> Any:
    """A YAML lexicon, parsed once and kept (as a pickle) in the cache folder until the file changes."""
    from reportlint.warmcache import derived

    path = lexicon_dir() / name
    return derived("lexicon-" + name.replace("/", "_"), [path], lambda: _parse_yaml(path))


@cache
def load_list(name: str) -> tuple[str, ...]:
    """A one-entry-a-line file; blank lines and ``#`` comments are skipped."""
    out: list[str] = []
    with open(lexicon_dir() / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return tuple(out)
