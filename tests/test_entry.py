"""The fast entry point for ``reportlint check``: same results as the full CLI, without its imports."""

import json
import subprocess
import sys
from pathlib import Path

from reportlint.entry import parse_check

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample" / "000_645b6df18162c422.txt"


def test_parse_check_reads_the_documented_options():
    opts = parse_check(["a.txt", "-f", "json", "--select", "S", "--select=T201", "--year=2024", "--level", "district",
                        "-o", "out.json", "--config", "c.toml", "b.txt"])
    assert opts["paths"] == ["a.txt", "b.txt"]
    assert (opts["fmt"], opts["select"], opts["year"], opts["level"]) == ("json", ["S", "T201"], 2024, "district")
    assert opts["output"] == Path("out.json") and opts["config"] == Path("c.toml")
    opts = parse_check(["-", "--stdin-filename", "r.md", "--fix", "--diff", "-q", "--statistics", "--exit-zero",
                        "--color=always", "--fix-to", "out.txt"])
    assert opts["paths"] == ["-"] and opts["stdin_filename"] == "r.md" and opts["fix_to"] == Path("out.txt")
    assert opts["fix"] and opts["diff"] and opts["quiet"] and opts["statistics"] and opts["exit_zero"]
    assert opts["color"] == "always"


def test_anything_else_goes_to_the_full_cli():
    for args in (["--help"], ["a.txt", "--year", "abc"], ["a.txt", "-fjson"], ["a.txt", "--unknown"], [],
                 ["a.txt", "--format"], ["a.txt", "-f=json"], ["a.txt", "--fix=yes"]):
        assert parse_check(args) is None, args


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


FAST = "import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.entry import main; main()"
FULL = "import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.cli import main; main()"


def test_fast_and_full_check_agree():
    for args in ([str(SAMPLE)], [str(SAMPLE), "-f", "json", "--ignore", "F601", "--year", "2024"]):
        fast, full = _run(FAST, "check", *args), _run(FULL, "check", *args)
        assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
    fast = _run(FAST, "check", str(SAMPLE), "--select", "no-such-rule")
    assert fast.returncode == 2 and "未知规则" in fast.stderr


def test_check_does_not_load_what_it_does_not_use():
    code = FAST.replace("main()", "import atexit; atexit.register(lambda: print(json.dumps(sorted(sys.modules)), "
                                  "file=sys.stderr)); import json; main()")
    r = _run(code, "check", str(SAMPLE), "-f", "json")
    loaded = set(json.loads(r.stderr.strip().splitlines()[-1]))
    assert r.returncode == 1 and json.loads(r.stdout)
    heavy = {"typer", "click", "pydantic", "spacy", "jieba", "numpy", "scipy", "datasketch", "jinja2", "pkg_resources", "cn2an",
             "importlib.metadata"}
    assert not heavy & loaded, heavy & loaded
