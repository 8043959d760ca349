"""What the cache folder keeps between runs gives exactly what deriving afresh gives."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint import warmcache

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample" / "000_645b6df18162c422.txt"

PATTERNS = r'''
import re, sys
from reportlint import warmcache
warmcache.install_regex_cache()
pats = [(r"(?P<year>(?:19|20)\d{2})\s*年(?:度)?", 0), (r"[\u4e00-\u9fff]{2,8}(?:（[^）]{1,6}）)?\s*[:：]", 0),
        (r"^\s*abc$", re.I | re.M), (r"(?<=[，。])其中\s*(\d+(?:\.\d+)?)\s*万元", 0),
        (r"""x  # a comment
             (y|z)+""", re.X), (r"[^\u4e00-\u9fa5a-zA-Z0-9]+", re.U)]
text = "2024年度 预算情况（一）: ABC\nabc\n，其中 12.5 万元 xyzz 、。"
out = []
for p, f in pats:
    c = re.compile(p, f)
    out.append([c.pattern, c.flags, c.groups, sorted(c.groupindex.items()),
                [m.span() for m in c.finditer(text)], [m.groups() for m in c.finditer(text)]])
out.append(re.compile(rb"\d+").findall(b"a12b3"))  # bytes patterns are compiled as usual
print(warmcache._new)
print(repr(out))
'''


def _run(code: str, cache: Path) -> list[str]:
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return r.stdout.splitlines()


def test_cached_patterns_are_the_ones_re_compiles(tmp_path):
    first = _run(PATTERNS, tmp_path)
    second = _run(PATTERNS, tmp_path)
    assert int(first[0]) >= 6 and second[0] == "0"  # the second process compiled nothing itself
    assert first[1] == second[1]
    check = "import re\n" + PATTERNS.split("warmcache.install_regex_cache()\n", 1)[1].replace(
        "print(warmcache._new)\n", "")
    plain = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert plain.strip() == first[1]  # and what re gives without the cache


def test_a_damaged_or_foreign_pattern_file_is_ignored(tmp_path):
    _run(PATTERNS, tmp_path)
    (f,) = tmp_path.glob("reportlint-re-*.marshal")
    f.write_bytes(b"\x00garbage")
    out = _run(PATTERNS, tmp_path)
    assert int(out[0]) >= 6
    f.chmod(0o666)  # writable by others: not read
    assert int(_run(PATTERNS, tmp_path)[0]) >= 6


def test_derived_values_are_rebuilt_when_their_sources_change(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "data.txt"
    src.write_text("a b c", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"words": src.read_text(encoding="utf-8").split()}

    assert warmcache.derived("t", [src], build) == {"words": ["a", "b", "c"]}
    assert warmcache.derived("t", [src], build) == {"words": ["a", "b", "c"]} and len(calls) == 1
    src.write_text("a b c d", encoding="utf-8")
    assert warmcache.derived("t", [src], build) == {"words": ["a", "b", "c", "d"]} and len(calls) == 2
    for f in (tmp_path / "cache").glob("reportlint-t-*.pickle"):
        f.chmod(0o664)  # writable by the group: never unpickled
    assert warmcache.derived("t", [src], build)["words"][-1] == "d" and len(calls) == 3


def test_a_check_gives_the_same_findings_with_an_empty_and_a_filled_cache(tmp_path):
    cmd = [sys.executable, "-m", "reportlint", "check", str(SAMPLE), str(ROOT / "corpora" / "real" / "311.txt"),
           "-f", "json"]
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run(cmd, capture_output=True, text=True, env=env) for _ in range(2)]
    assert all(r.returncode == 1 for r in runs), runs[0].stderr
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout) and json.loads(runs[0].stdout)
    assert {p.name.split("-")[1] for p in tmp_path.iterdir()} >= {"re", "jieba", "lexicon", "places"}


def test_wordfreq_trie_equals_wordfreqs_list():
    wordfreq = pytest.importorskip("wordfreq")

    from reportlint.nlp import wordfreq_zh

    ref = wordfreq.get_frequency_dict("zh", wordlist="best")
    mapped = wordfreq_zh()
    assert all(mapped.get(w, 0.0) == f for w, f in ref.items())  # every word, the same float
    for word in ("不是一个词语的串", "AT&T", ""):
        assert mapped.get(word, 0.0) == ref.get(word, 0.0)


def test_derived_keeps_only_the_newest_pickles_of_a_name(tmp_path, monkeypatch):
    """Each change of a source gives a new stamp; older pickles of that name are removed beyond KEEP,
    pickles of another name (even one that starts the same) are left alone."""
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    src = tmp_path / "src.txt"
    other = tmp_path / "reportlint-thing-extra-0123456789abcdef.pickle"
    other.write_bytes(b"x")
    os.chmod(other, 0o600)
    for i in range(6):
        src.write_text(f"version {i}", encoding="utf-8")
        os.utime(src, (1_000_000 + i, 1_000_000 + i))
        assert warmcache.derived("thing", [src], lambda i=i: {"v": i}) == {"v": i}
    kept = sorted(p.name for p in tmp_path.glob("reportlint-thing-*.pickle") if p != other)
    assert len(kept) == warmcache.KEEP
    assert other.exists()
    assert warmcache.derived("thing", [src], lambda: {"v": "rebuilt"}) == {"v": 5}  # the newest is kept
