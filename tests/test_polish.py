"""Newcomer-trial fixes: hostile file names in a scan, Ctrl-C during a scan, markup and spacing that
must not change a report's structure, check's per-file time limit, and message wording."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import sample_path
from reportlint.batch import record_key, run_scan
from reportlint.engine import lint_path


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


def _descendants(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids + [d for k in kids for d in _descendants(k)]


def test_ctrl_c_during_a_scan_says_how_far_it_got_and_stops_its_workers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    sample = sample_path().read_text(encoding="utf-8")
    (src / "a0.txt").write_text(sample, encoding="utf-8")
    for i in range(1, 5):
        (src / f"slow{i}.txt").write_text(sample * 60, encoding="utf-8")
    out = tmp_path / "o"
    scan = subprocess.Popen([sys.executable, "-m", "reportlint", "scan", str(src), "--out", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 120  # hang guard only: waits for the first record, asserts no duration
        while time.monotonic() < end and not list((out / "records").glob("*.json")):
            time.sleep(0.1)
        time.sleep(0.5)
        workers = _descendants(scan.pid)
        scan.send_signal(signal.SIGINT)
        stdout, stderr = scan.communicate(timeout=60)
    finally:
        if scan.poll() is None:
            scan.kill()
    assert scan.returncode == 130
    assert stdout == ""
    done = len(list((out / "records").glob("*.json")))
    assert stderr in {f"reportlint: 已中断：已完成 {n}/5 份，用 --resume 继续\n" for n in range(1, done + 1)}
    def alive() -> list[int]:
        return [w for w in workers if Path(f"/proc/{w}").exists()
                and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]

    end = time.monotonic() + 10  # hang guard only: the fork server leaves when the scan's pipe to it closes
    while alive() and time.monotonic() < end:
        time.sleep(0.1)
    assert not alive()


_SHORT = "某县民政局2024年度部门整体支出绩效自评报告\n\n评价年度：2024\n\n{h}一、基本情况\n\n{p}\n\n{h}一、存在问题\n\n预算执行率偏低。\n"


@pytest.mark.parametrize(("name", "head", "para"), [
    ("h.txt", "", "全县完成任务。"),
    ("spaced.txt", "", "全县  完成  任务。"),             # double spaces inside a sentence
    ("tabbed.txt", "", "全县\t完成\t任务。"),
    ("plain.md", "## ", "全县完成任务。"),
    ("bold.md", "## ", "全县**完成**任务。"),            # markup is blanked: it is no cell separator
    ("html.md", "## ", "全县<b>完成</b>任务。"),
    ("emph.md", "## ", "全县*完成*的__任务__。"),
])
def test_spaces_and_markup_inside_a_paragraph_keep_the_heading_rules(tmp_path, name, head, para):
    f = tmp_path / name
    f.write_text(_SHORT.format(h=head, p=para), encoding="utf-8")
    found = [(x.code, x.line, x.message) for x in lint_path(str(f)).findings if x.code.startswith("S")]
    assert found == [("S101", 9, "序号重复：顶层已有「一、基本情况」（第5行），此处又是一、，应为二、")]


def test_a_table_written_with_spaces_is_still_a_table(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("某县民政局2024年度部门整体支出绩效自评报告\n\n一、基本情况\n\n项目  预算数  执行数\n\n"
                 "一、一般公共服务  100.00  98.00\n\n二、存在问题\n\n预算执行率偏低。\n", encoding="utf-8")
    assert [x.code for x in lint_path(str(f)).findings if x.code.startswith("S")] == []


def test_check_skips_a_file_past_its_time_limit_in_one_line_and_checks_the_others(tmp_path, monkeypatch, capsys):
    import reportlint.engine as engine
    from reportlint.checkcmd import run_check

    stuck = tmp_path / "stuck.txt"
    stuck.write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    real = engine.lint_path

    def lint_path(path, cfg=None):
        if path.endswith("stuck.txt"):
            while True:  # stands for super-linear work: the CPU-time limit ends it
                sum(range(10_000))
        if path.endswith("blocked.txt"):
            time.sleep(60)  # waits instead of computing: the wall-clock hang guard (5 x the limit) ends it
        return real(path, cfg)

    monkeypatch.setattr(engine, "lint_path", lint_path)
    code = run_check([str(stuck), str(sample_path())], "text", None, None, None, None, None, None,
                     quiet=True, color="never", timeout=2)
    out, err = capsys.readouterr()
    assert code == 2
    assert err == (f"reportlint: {stuck}: 超时（计算用时超过 2 秒 CPU 时间），已跳过；可用 --timeout 4 放宽时限，"
                   "或 --timeout 0 不限时 (timeout)\n")
    assert "000_645b6df18162c422.txt:" in out and "stuck" not in out
    blocked = tmp_path / "blocked.txt"
    blocked.write_text("x", encoding="utf-8")
    code = run_check([str(blocked)], "text", None, None, None, None, None, None, quiet=True, color="never",
                     timeout=0.2)
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"reportlint: {blocked}: 超时（1 秒仍未完成，可能在等待输入或卡住），已跳过")


def test_the_time_limit_counts_cpu_time_not_time_spent_waiting():
    """NEWCOMER6 11: on a loaded machine (load 15 on 2 cores) a file that needs 11 s of CPU took 123 s of wall
    time and hit the 120 s wall-clock limit. The limit now counts this process's CPU time: time spent
    off the CPU (here: sleeping, as a process waiting for a core does) does not count, up to the hang guard."""
    from reportlint.limits import Timeout, time_limit

    with time_limit(0.5, wall_factor=20):
        time.sleep(1.0)  # 1 s of wall time, almost no CPU: no Timeout
    with pytest.raises(Timeout) as stopped, time_limit(0.3, wall_factor=100):
        while True:
            sum(range(10_000))
    assert stopped.value.wall is False


def test_check_timeout_option_is_validated():
    run = subprocess.run([sys.executable, "-m", "reportlint", "check", str(sample_path()), "--timeout", "-1"],
                         capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", "reportlint: --timeout 应为非负秒数（0 表示不限时）\n")


def _one_line(copies: int) -> str:
    return sample_path().read_text(encoding="utf-8").replace("\n", " ") * copies


def test_typo_search_on_a_one_line_text_is_linear():
    from reportlint.engine import lint_text
    from reportlint.spelling import find_typos
    from test_scaling import CALLS, _calls_ratio

    assert _calls_ratio(lambda s: lint_text(_one_line(10 * s)).doc, find_typos) < CALLS


def test_bracket_and_clause_lookups_on_a_one_line_text_are_linear():
    from reportlint.spelling.general import lint_typos
    from reportlint.textutil import in_brackets
    from workcount import CALLS, CountingStr, calls_ratio

    def brackets(t: str) -> None:
        for i in range(0, len(t), 50):
            in_brackets(t, i)

    def copied(t: str) -> int:  # characters sliced out of the text: a scan back to the line's start per lookup
        CountingStr.copied = 0
        brackets(CountingStr(t))
        return CountingStr.copied

    assert calls_ratio(lambda s: _one_line(20 * s), brackets) < CALLS
    assert copied(_one_line(80)) <= CALLS * max(copied(_one_line(20)), 1)
    assert calls_ratio(lambda s: _one_line(10 * s) + "预箅", lint_typos) < CALLS


def test_in_brackets_reads_the_sentence_it_stands_in():
    from reportlint.textutil import in_brackets

    t = "按照《关于开展绩效自评的通知》要求。" * 3
    assert in_brackets(t, t.index("绩效")) and not in_brackets(t, t.index("要求"))
    assert not in_brackets("《通知。" + "报告" * 10, 8)


@pytest.mark.parametrize(("text", "message"), [
    ("按照《预算法规定执行。\n", "左书名号「《」没有对应的右书名号「》」"),
    ("严格管控“三公经费支出。\n", "左引号「“」没有对应的右引号「”」"),
    ("严格管控三公”经费支出。\n", "右引号「”」没有对应的左引号「“」"),
    ("经费支出（含公务接待费。\n", "左括号「（」没有对应的右括号「）」"),
    ("经费支出(含公务接待费。\n", "左括号「(」没有对应的右括号「)」"),
    ("经费支出含公务接待费）。\n", "右括号「）」没有对应的左括号「（」"),
    ("根据湛开财资〔2025号文件执行。\n", "左六角括号「〔」没有对应的右六角括号「〕」"),
    ("根据湛开财资2025〕26号文件执行。\n", "右六角括号「〕」没有对应的左六角括号「〔」"),
])
def test_punct_pair_names_the_marks_in_corner_brackets(text, message):
    from reportlint.engine import lint_text

    assert [f.message for f in lint_text(text).findings if f.code == "F602"] == [message]


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_a_broken_docx_is_explained_without_a_python_exception_name(tmp_path):
    from reportlint.errors import InputError

    notzip = tmp_path / "notzip.docx"
    notzip.write_bytes(b"PK\x03\x04 this is no zip" * 20)
    cases = [
        (notzip, "not a Word document: not a zip archive"),
        (_zip(tmp_path / "junk.docx", {"a.bin": os.urandom(64)}), "not a Word document: [Content_Types].xml missing"),
        (_zip(tmp_path / "nodoc.docx", {"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<x/>"}),
         "not a Word document: word/document.xml missing"),
    ]
    for path, why in cases:
        with pytest.raises(InputError) as err:
            lint_path(str(path))
        assert str(err.value) == f"{path}: 不是有效的 .docx 文件，可能已损坏或被截断 ({why})"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True)


def test_diff_with_nothing_to_fix_says_so(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert _cli("check", str(f), "--fix", "-q").returncode == 1
    run = _cli("check", str(f), "--diff")
    assert run.stdout == ""
    assert run.stderr.startswith("reportlint: 没有可自动修复的问题；剩余 ") and run.stderr.endswith(" 处需人工处理\n")
    assert run.returncode == 0


def test_fix_in_place_of_a_named_docx_is_a_usage_error_before_any_work():
    docx = sample_path(".docx")
    run = _cli("check", str(docx), "--fix")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"reportlint: {docx}: Word 文件不就地修改，请用 --fix-to 新文件.docx\n"


def test_claims_writes_nothing_when_no_report_can_be_read(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe")
    out = tmp_path / "c.csv"
    for args in ((), ("-o", str(out))):
        run = _cli("claims", str(bad), *args)
        assert (run.returncode, run.stdout) == (2, "")
        assert run.stderr == f"reportlint: {bad}: 不是文本文件 (binary file)\n"
    assert not out.exists()


def test_an_excerpt_of_a_span_longer_than_the_window_is_cut_to_the_window():
    from reportlint.findings import Finding, Severity
    from reportlint.output.text import display_width, source_excerpt

    raw = "标题\n4.绩效管理。" + "本部门严格按照有关规定公开相关绩效信息，" * 10 + "\n下一段"
    start = raw.index("本部门")
    f = Finding("boilerplate-internal", "C301", Severity.WARNING, "", start, raw.index("\n下一段"))
    shown, mark = source_excerpt(raw, f)
    assert shown == "4.绩效管理。" + "本部门严格按照有关规定公开相关绩效信息，" * 2 + "本部门严…"
    assert display_width(shown) <= 100 + 1  # the window and its cut mark
    assert mark == " " * display_width("4.绩效管理。") + "^" * (display_width(shown) - 1 - display_width("4.绩效管理。"))


def test_scan_into_its_input_folder_warns_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    run = _cli("scan", str(src), "--out", str(src), "-j", "1")
    assert run.returncode == 1
    assert run.stderr == (f"reportlint: 注意：输出目录 {src} 在输入目录 {src} 之中，结果将与报告放在一起 "
                          "(outputs go into the input folder)\n")
    assert (src / "summary.csv").exists() and (src / "a.txt").read_text(encoding="utf-8") == \
        sample_path().read_text(encoding="utf-8")
    assert _cli("scan", str(src), "--out", str(tmp_path / "out"), "-j", "1").stderr == ""


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed one is the point
def test_a_timeout_swallowed_inside_a_finaliser_is_raised_again_in_the_work_that_follows():
    """The alarm can land inside __del__ or a weakref callback, where Python ignores exceptions; the limit
    re-arms itself so the work after it still stops (seen in CI: a Timeout ignored in WeakSet._remove)."""
    import gc

    from reportlint.limits import Timeout, time_limit

    class SlowFinaliser:
        def __del__(self):
            end = time.process_time() + 0.3  # busy work, not a measure: the 0.05 s alarm fires in here and is swallowed
            while time.process_time() < end:
                pass

    finished = []
    with pytest.raises(Timeout), time_limit(0.05):
        obj = SlowFinaliser()
        del obj
        gc.collect()
        end = time.process_time() + 20  # hang guard only: the alarm is expected to stop this loop at once
        while time.process_time() < end:  # ordinary work: the re-armed alarm stops it
            pass
        finished.append(True)
    assert finished == []
