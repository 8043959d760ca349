"""Limits, hostile inputs and user mistakes: each ends in one line (exit 2), never a hang, a crash or an
overwritten input. Hostile files are built here, small, with the limits lowered by configuration."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import bomb_pdf, cli, docx_with_part, sample_path, text_pdf
from reportlint.config import config_from_dict
from reportlint.errors import InputError, UsageError
from reportlint.limits import Limits, TooLargeError, inflated_size
from reportlint.source import decode_bytes, display_path, load_source, plausibility

TRADITIONAL = ("本單位嚴格執行預算績效管理制度，現將有關情況報告如下：全年預算執行率為百分之九十八，"
               "項目完成情況良好，資金使用規範，未發現違規問題。")


def _one_line(r) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "内部错误" not in r.stderr
    return lines[0]


def _config(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "reportlint.toml"
    p.write_text(body, encoding="utf-8")
    return p


# ---------------------------------------------------------------- size limits


def test_file_larger_than_max_bytes_is_refused_before_reading(tmp_path):
    (tmp_path / "big.txt").write_text("本单位2024年度预算执行情况良好。" * 200, encoding="utf-8")
    _config(tmp_path, "[limits]\nmax_bytes = 1000\n")
    r = cli("check", str(tmp_path / "big.txt"))
    assert r.returncode == 2 and "文件过大" in _one_line(r) and "max_bytes" in r.stderr


def test_text_longer_than_max_chars_is_refused():
    with pytest.raises(TooLargeError, match="文字过多"):
        load_source(sample_path(), Limits(max_chars=1000))


def test_pdf_with_more_pages_than_max_pages_is_refused(tmp_path):
    p = tmp_path / "many.pdf"
    p.write_bytes(text_pdf(5, 3))
    assert len(load_source(p).lines) > 5
    with pytest.raises(TooLargeError, match="页数过多（5 页，上限 4"):
        load_source(p, Limits(max_pages=4))


def test_pdf_flate_bomb_is_refused_before_pdfium_parses(tmp_path):
    p = tmp_path / "bomb.pdf"
    p.write_bytes(bomb_pdf(3 * 2**20))
    assert p.stat().st_size < 20_000
    with pytest.raises(TooLargeError, match="PDF 内容流 解压后过大"):
        load_source(p, Limits(max_part_bytes=2**20))
    _config(tmp_path, "[limits]\nmax_part_bytes = 1048576\n")
    r = cli("check", str(p))
    assert r.returncode == 2 and "解压后过大" in _one_line(r)


def test_inflated_size_counts_in_bounded_steps():
    import zlib

    data = b"xx" + zlib.compress(b"a" * 5_000_000)
    assert inflated_size(data, 2, 10**9) == 5_000_000
    assert 2**20 < inflated_size(data, 2, 2**20) <= 2**20 + 2**20  # stops one step past the cap
    assert inflated_size(b"not a stream at all", 0, 10**9) == 0


def test_docx_part_that_inflates_past_the_limit_is_refused(tmp_path):
    p = tmp_path / "bomb.docx"
    p.write_bytes(docx_with_part(sample_path(".docx"), "word/media/bomb.xml", 3 * 2**20))
    assert p.stat().st_size < 200_000
    with pytest.raises(TooLargeError, match=r"word/media/bomb\.xml 解压后过大"):
        load_source(p, Limits(max_part_bytes=2**20))
    assert load_source(p).kind == "docx"  # under the default limit it reads as before


def test_docx_part_that_lies_about_its_size_is_stopped_while_parsing(tmp_path):
    """The zip directory says 1,000 bytes; zipfile inflates no further than that, the CRC then fails."""
    from hostile import docx_lying_about_a_part

    p = tmp_path / "liar.docx"
    p.write_bytes(docx_lying_about_a_part(sample_path(".docx"), "word/document.xml", 5 * 2**20))
    with pytest.raises(InputError, match=r"不是有效的 \.docx"):
        load_source(p, Limits(max_part_bytes=2**20))


def test_worker_memory_cap_turns_a_huge_allocation_into_memory_error():
    code = ("from reportlint.limits import cap_memory\ncap_memory(400)\n"
            "try:\n    bytearray(1000 * 2**20)\nexcept MemoryError:\n    print('capped')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "capped", r.stderr


# ---------------------------------------------------------------- files that are not reports


def test_fifo_named_txt_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    r = cli("check", str(fifo), timeout=60)
    assert r.returncode == 2 and "不是普通文件" in _one_line(r)
    (tmp_path / "ok.txt").write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    r = cli("check", str(tmp_path), "-f", "json", timeout=120)  # the folder: FIFO reported, the rest checked
    assert r.returncode == 2 and "x.txt: 不是普通文件" in r.stderr and '"path"' in r.stdout


def test_non_utf8_and_escape_sequences_in_a_file_name_are_shown_escaped(tmp_path):
    name = os.fsencode(tmp_path) + b"/r\xff\x1b[31m.txt"
    with open(name, "wb") as fh:
        fh.write(sample_path().read_bytes())
    r = cli("check", name, timeout=120)
    assert r.returncode == 1
    assert "\x1b[31m" not in r.stdout and "\x1b" not in r.stderr
    assert "r\\xff\\x1b[31m.txt:" in r.stdout
    assert display_path(os.fsdecode(b"a\xfe\x07b")) == "a\\xfe\\x07b"


# ---------------------------------------------------------------- encodings


def test_big5_that_also_decodes_as_gb18030_is_read_as_big5():
    data = TRADITIONAL.encode("big5")
    wrong = data.decode("gb18030")  # decodes, but as gibberish
    assert plausibility(wrong) < 0.85
    assert decode_bytes(data, "t.txt") == (TRADITIONAL, "big5")


def test_gb18030_text_still_decodes_as_gb18030():
    text = sample_path().read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030"), "t.txt") == (text, "gb18030")


def test_utf8_mojibake_is_repaired_when_exact_and_refused_otherwise(tmp_path):
    text = sample_path().read_text(encoding="utf-8")[:2000]
    moji = text.encode("utf-8").decode("gb18030", errors="replace")
    if moji.encode("gb18030", errors="replace").decode("utf-8", errors="replace") == text:
        assert decode_bytes(moji.encode("utf-8"), "m.txt")[0] == text
    broken = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(300))  # rare characters only
    p = tmp_path / "m.txt"
    p.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match="不像正常中文"):
        load_source(p)
    r = cli("check", str(p))
    assert r.returncode == 2 and "乱码" in _one_line(r)


def test_real_reports_are_plausible():
    for p in sorted((sample_path().parent.parent).rglob("*.txt"))[:40]:
        share = plausibility(p.read_text(encoding="utf-8"))
        assert share is None or share >= 0.95, p


# ---------------------------------------------------------------- outputs never overwrite inputs


@pytest.mark.parametrize("option", [["-o"], ["--write-baseline"], ["claims", "-o"]])
def test_output_onto_an_input_is_refused(tmp_path, option):
    src = tmp_path / "r.txt"
    src.write_bytes(sample_path().read_bytes())
    link = tmp_path / "hard.txt"
    os.link(src, link)
    before = src.read_bytes()
    cmd = ["check", str(src)] if option[0] != "claims" else ["claims", str(src)]
    flag = option[-1]
    for target in (src, link, tmp_path / "." / "r.txt"):
        r = cli(*cmd, flag, str(target))
        assert r.returncode == 2 and "拒绝覆盖" in _one_line(r)
        assert src.read_bytes() == before


def test_output_into_a_missing_folder_is_one_line(tmp_path):
    r = cli("check", str(sample_path()), "-o", str(tmp_path / "missing" / "x.txt"))
    assert r.returncode == 2 and "不存在" in _one_line(r)
    r = cli("claims", str(sample_path()), "-o", str(tmp_path / "missing" / "x.csv"))
    assert r.returncode == 2 and "不存在" in _one_line(r)


def test_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("distributed")
    r = cli("scan", str(sample_path()), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9",
            timeout=120)
    assert r.returncode == 2 and "无法连接调度器" in _one_line(r)


# ---------------------------------------------------------------- configuration schema


@pytest.mark.parametrize(("data", "key"), [
    ({"evaluation_year": True}, "evaluation_year"),
    ({"evaluation_year": 99999}, "evaluation_year"),
    ({"evaluation_year": -5}, "evaluation_year"),
    ({"evaluation_year": "2024"}, "evaluation_year"),
    ({"thresholds": {"boilerplate_similarity": float("nan")}}, "thresholds.boilerplate_similarity"),
    ({"thresholds": {"boilerplate_similarity": 101}}, "thresholds.boilerplate_similarity"),
    ({"thresholds": {"boilerplate_min_chars": -1}}, "thresholds.boilerplate_min_chars"),
    ({"thresholds": {"boilerplate_min_chars": "40"}}, "thresholds.boilerplate_min_chars"),
    ({"thresholds": 5}, "thresholds"),
    ({"unit_level": 3}, "unit_level"),
    ({"severity": {"jiezhi": 1}}, "severity.jiezhi"),
    ({"limits": {"max_pages": 0}}, "limits.max_pages"),
    ({"limits": {"max_bytes": 1.5}}, "limits.max_bytes"),
    ({"limits": {"max_files": 3}}, "limits.max_files"),
    ({"grade_bands": [{"min": 90, "grade": "优"}, {"min": 90, "grade": "良"}]}, "grade_bands[1]"),
    ({"grade_bands": [{"min": 80, "grade": "良"}, {"min": 90, "grade": "优"}]}, "grade_bands[1].min"),
    ({"grade_bands": [{"min": 90, "grade": "优"}, {"min": 80, "max": 95, "grade": "良"}]}, "grade_bands[1]"),
    ({"grade_bands": [{"min": 90, "grade": "优"}, {"min": -10, "grade": "差"}]}, "grade_bands[1].min"),
    ({"grade_bands": [{"min": float("nan"), "grade": "优"}]}, "grade_bands[0].min"),
    ({"grade_bands": [{"min": 90, "grade": ""}]}, "grade_bands[0].grade"),
    ({"grade_bands": [{"min": 90, "grade": "优", "colour": "red"}]}, "grade_bands[0].colour"),
    ({"grade_bands": []}, "grade_bands"),
])
def test_configuration_schema_names_the_key(data, key):
    with pytest.raises(UsageError) as exc:
        config_from_dict(data, "reportlint.toml")
    assert key in str(exc.value) and "\n" not in str(exc.value)


def test_valid_configuration_still_loads():
    cfg = config_from_dict({"evaluation_year": 2024, "thresholds": {"boilerplate_similarity": 75},
                            "limits": {"max_pages": 10, "worker_memory_mb": 0},
                            "grade_bands": [{"min": 85, "grade": "优"}, {"min": 75, "grade": "良"},
                                            {"min": 60, "grade": "中"}, {"min": 0, "grade": "差"}]})
    assert (cfg.evaluation_year, cfg.threshold("boilerplate_similarity"), cfg.limits.max_pages) == (2024, 75.0, 10)
    assert [b["min"] for b in cfg.grade_bands] == [85, 75, 60, 0]


def test_bad_configuration_from_the_command_line_is_one_line(tmp_path):
    cfg = _config(tmp_path, "evaluation_year = true\n")
    r = cli("check", str(sample_path()), "--config", str(cfg))
    assert r.returncode == 2 and "evaluation_year" in _one_line(r)


def test_missing_or_unwritable_cache_dir_falls_back_to_a_temporary_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for cache in (tmp_path / "new" / "cache", blocker / "cache"):
        r = cli("check", str(sample_path()), "-f", "json", env={"REPORTLINT_CACHE_DIR": str(cache)})
        assert r.returncode == 1 and r.stdout.startswith("["), r.stderr


def test_a_50_mb_text_is_refused_in_one_line_without_dying(tmp_path):
    p = tmp_path / "huge.txt"
    line = ("本单位全年预算执行率为98%，项目完成情况良好，资金使用规范。" * 20 + "\n").encode("utf-8")
    with open(p, "wb") as fh:
        for _ in range(50 * 2**20 // len(line) + 1):
            fh.write(line)
    assert p.stat().st_size > 50 * 2**20
    with pytest.raises(TooLargeError, match="文字过多"):
        load_source(p)
