"""Reading files: encodings, BOMs, bad inputs, folders; inputs are never modified."""

import hashlib

import pytest

from reportlint.errors import InputError
from reportlint.source import load_source

from conftest import SAMPLE, run_cli

TEXT = "评价年度：2024\n现将2025年度整体支出绩效自评情况报告如下：\n"


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""),
                                             ("gbk", b""), ("utf-16-le", b"\xff\xfe")])
def test_encodings(tmp_path, encoding, prefix):
    p = tmp_path / "r.txt"
    p.write_bytes(prefix + TEXT.encode(encoding))
    src = load_source(p)
    assert src.text == TEXT


def test_crlf_normalised(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert load_source(p).text == TEXT


@pytest.mark.parametrize("data,needle", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary", "binary"),
                                         (b"\x81\x30\xff\xfe\x80", "undecodable")])
def test_bad_files_raise_one_line_errors(tmp_path, data, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load_source(p)
    assert needle in str(exc.value) and "\n" not in str(exc.value)


def test_cli_bad_inputs_exit_2_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    undecodable = tmp_path / "u.txt"
    undecodable.write_bytes(b"\x81\x30\xff\xfe\x80")
    nodir = tmp_path / "nothing"
    nodir.mkdir()
    for target in (empty, undecodable, nodir, tmp_path / "missing.txt", tmp_path / "x.xyz"):
        if target.suffix == ".xyz":
            target.write_text("abc", encoding="utf-8")
        r = run_cli("check", str(target))
        assert r.returncode == 2, (target, r.stderr)
        assert "Traceback" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_folder_with_one_bad_file_reports_the_others(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "good.txt").write_text("评价年度：2024\n现将2025年度整体支出绩效自评情况报告如下：\n",
                                              encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00\x00")
    r = run_cli("check", str(tmp_path), "--format", "json")
    assert r.returncode == 2
    assert "bad.txt" in r.stderr and "Traceback" not in r.stderr
    assert '"rule": "year-mismatch"' in r.stdout


def test_input_file_is_not_modified(tmp_path):
    p = tmp_path / "sample.txt"
    p.write_bytes(SAMPLE.read_bytes())
    before = hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns
    r = run_cli("check", str(p), "--format", "json")
    assert r.returncode == 1
    assert (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) == before
