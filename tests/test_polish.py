"""Newcomer-trial fixes: hostile file names in a scan, Ctrl-C during a scan, markup and spacing that
must not change a report's structure, check's per-file time limit, and message wording."""

import os
from pathlib import Path

from hostile import sample_path
from reportlint.batch import record_key, run_scan


def test_record_names_of_non_utf8_and_gbk_file_names_are_readable(tmp_path):
    text = sample_path().read_bytes()
    odd = os.fsencode(tmp_path) + b"/odd\xff.txt"
    gbk = os.fsencode(tmp_path) + b"/" + "湛江报告".encode("gbk") + b".txt"
    for name in (odd, gbk):
        with open(name, "wb") as fh:
            fh.write(text)
    odd_key = record_key(Path(os.fsdecode(odd)))
    gbk_key = record_key(Path(os.fsdecode(gbk)))
    assert odd_key.startswith("odd_xff-") and len(odd_key) == len("odd_xff-") + 16
    assert gbk_key.startswith("湛江报告-")
    assert record_key(Path(os.fsdecode(gbk))) == gbk_key  # stable
    out = tmp_path / "out"
    run_scan([Path(os.fsdecode(odd)), Path(os.fsdecode(gbk))], out, jobs=1)
    assert sorted(p.name.split("-")[0] for p in (out / "records").iterdir()) == ["odd_xff", "湛江报告"]
    assert (out / "summary.csv").exists() and (out / "findings.jsonl").exists() and (out / "index.html").exists()
