"""The cases of ../shared/cases (fault kinds documented in public material), run as they are.

The shared runner scores them; this test holds the floor recorded in corpora/thresholds.json (`cases`):
every case recorded as caught stays caught, and no `must_not` quote is hit.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPORA, ROOT

CASES = ROOT.parent / "shared" / "cases"
RUNNER = ROOT.parent / "shared" / "tools" / "run_cases.py"
pytestmark = pytest.mark.skipif(not RUNNER.is_file(), reason="../shared/cases is not beside the checkout")


@pytest.fixture(scope="module")
def results():
    exe = Path(sys.executable).with_name("reportlint")
    r = subprocess.run([sys.executable, str(RUNNER), str(CASES), str(exe), "--json"], capture_output=True,
                       text=True, timeout=900, env={**os.environ, "NO_COLOR": "1"})
    return json.loads(r.stdout)


def _caught(results) -> set[str]:
    return {f"{r['name']}: {e['quote']}" for r in results for e in r["expected"] if e["status"].startswith("caught")}


def test_recorded_cases_stay_caught(results):
    recorded = set(json.loads((CORPORA / "thresholds.json").read_text(encoding="utf-8"))["cases"]["caught"])
    assert sorted(recorded - _caught(results)) == []


def test_no_false_alarm_on_case_traps(results):
    alarms = [f"{r['name']}: {m['rule']} {m['quote']} <- {m['findings'][:1]}"
              for r in results for m in r["must_not"] if m["status"] != "ok"]
    assert alarms == []
