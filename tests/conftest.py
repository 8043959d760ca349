import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SYNTHETIC = CORPORA / "synthetic"
REAL = CORPORA / "real"
CLEAN = CORPORA / "clean"
SAMPLE_DIR = CORPORA / "sample"
SAMPLE = SAMPLE_DIR / "000_645b6df18162c422.txt"
SAMPLE_GOLD = SAMPLE_DIR / "000_645b6df18162c422.gold.json"


def lint(text: str, **cfg):
    """Findings of reportlint on an in-memory text."""
    from reportlint.config import Config
    from reportlint.engine import lint_text

    return lint_text(text, Config(**cfg)).findings


def rules_of(findings) -> list[str]:
    return [f.rule for f in findings]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


@pytest.fixture(scope="session")
def sample_result():
    from reportlint.engine import lint_path

    return lint_path(str(SAMPLE))


@pytest.fixture(scope="session")
def sample_gold():
    return json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
