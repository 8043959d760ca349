"""Baselines: record today's findings, then report only new ones.

A baseline file (``--write-baseline``) lists each finding's fingerprint (``fingerprints``) with its
rule, code, path and excerpt, and says ``"fingerprint_version"``. A file of version 1 (written before
fingerprints were bounded by line breaks) is still read: its entries match the findings' version-1
prints, and ``checkcmd`` says so and how to rewrite it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from reportlint import __version__
from reportlint.errors import UsageError
from reportlint.findings import Finding
from reportlint.fingerprints import VERSION, file_version, prints_of


class Baseline(Counter):
    """Fingerprint -> how many findings it stands for; ``version``: the file's fingerprint version."""

    version: int = VERSION
    legacy: int = 0  # findings ``filter_new`` matched by their version-1 print only


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [{"fingerprint": f.extra["fingerprint"], "rule": f.rule, "code": f.code, "path": f.path,
                "excerpt": f.excerpt} for f in findings]
    data = {"tool": "reportlint", "version": __version__, "fingerprint_version": VERSION, "count": len(entries),
            "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        out = Baseline(e["fingerprint"] for e in data["findings"])
    except FileNotFoundError:
        raise UsageError(f"{path}: 基线文件不存在") from None
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"{path}: 无法读取基线文件") from None
    except (json.JSONDecodeError, KeyError, TypeError):
        raise UsageError(f"{path}: 不是 reportlint 基线文件") from None
    out.version = file_version(data)
    return out


def filter_new(findings: list[Finding], baseline: Counter[str]) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were hidden (an entry matches either of a finding's prints)."""
    left = Counter(baseline)
    out, hidden = [], 0
    for f in findings:
        prints = prints_of(f)
        fp = next((p for p in prints if left[p] > 0), None)
        if fp:
            left[fp] -= 1
            hidden += 1
            if fp != prints[0] and isinstance(baseline, Baseline):
                baseline.legacy += 1
        else:
            out.append(f)
    return out, hidden
