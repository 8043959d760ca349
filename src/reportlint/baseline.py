"""Baselines: record today's findings, then report only new ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from reportlint import __version__
from reportlint.errors import UsageError
from reportlint.findings import Finding


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [{"fingerprint": f.extra["fingerprint"], "rule": f.rule, "code": f.code, "path": f.path,
                "excerpt": f.excerpt} for f in findings]
    data = {"tool": "reportlint", "version": __version__, "count": len(entries), "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Counter(e["fingerprint"] for e in data["findings"])
    except FileNotFoundError:
        raise UsageError(f"{path}: 基线文件不存在") from None
    except (json.JSONDecodeError, KeyError, TypeError):
        raise UsageError(f"{path}: 不是 reportlint 基线文件") from None


def filter_new(findings: list[Finding], baseline: Counter[str]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were hidden."""
    left = Counter(baseline)
    out, hidden = [], 0
    for f in findings:
        fp = f.extra.get("fingerprint")
        if fp and left[fp] > 0:
            left[fp] -= 1
            hidden += 1
        else:
            out.append(f)
    return out, hidden
