"""Reviewers' decisions: fingerprints that survive edits and renames, --decisions in check and scan,
and the HTML page's 确认 / 忽略 buttons and export, in real headless Chromium."""

import json
import subprocess
import sys

import pytest
from playwright.sync_api import sync_playwright

from browser import launch
from reportlint.decisions import CONFIRMED, DISMISSED, Decision, apply, dump_decisions, parse_decisions
from reportlint.engine import lint_path, lint_text
from reportlint.errors import UsageError
from reportlint.output import html

from conftest import ROOT, SAMPLE

INSERTED = "一、新增的说明\n本段为修改时在前面插入的一段文字，用于检验审核决定在插入段落后仍然适用。\n\n"
SMALL = "评价年度：2024\n截止2024年12月31日，在职人员74人。\n全年完成培训3次,参训120人次。\n"


def _run(entry: str, *args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    code = f"import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.{entry} import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def _edited_copy(tmp_path, text: str, name: str = "改名后的报告.txt"):
    """The report with a paragraph inserted after its first line, under another name."""
    first, rest = text.split("\n", 1)
    path = tmp_path / name
    path.write_text(first + "\n" + INSERTED + rest, encoding="utf-8")
    return path


def test_fingerprints_survive_inserted_paragraph_rename_and_edits_elsewhere(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    before = {f.extra["fingerprint"]: f.rule for f in lint_path(str(SAMPLE)).findings}
    moved = _edited_copy(tmp_path, text)
    after = lint_path(str(moved)).findings
    assert {f.extra["fingerprint"] for f in after} >= set(before)
    assert all(f.line > 2 for f in after if f.extra["fingerprint"] in before)
    # an edit in another sentence changes only that finding's fingerprint
    r1 = lint_text(SMALL, path="a.txt").findings
    r2 = lint_text(SMALL.replace("参训120人次", "参训130人次"), path="b.txt").findings
    jz1 = [f.extra["fingerprint"] for f in r1 if f.rule == "jiezhi"]
    assert jz1 and jz1 == [f.extra["fingerprint"] for f in r2 if f.rule == "jiezhi"]
    pw1 = {f.extra["fingerprint"] for f in r1 if f.rule == "punct-halfwidth"}
    assert pw1 and not pw1 & {f.extra["fingerprint"] for f in r2}


def test_apply_marks_findings_and_lists_resolved():
    findings = lint_text(SMALL).findings
    jz = next(f for f in findings if f.rule == "jiezhi")
    decisions = [Decision(jz.extra["fingerprint"], "jiezhi", DISMISSED, "原文如此", "张三", "2026-11-29T23:00:00Z"),
                 Decision("0" * 32, "term-typo", CONFIRMED)]
    resolved = apply(findings, decisions)
    assert jz.extra["decision"]["decision"] == DISMISSED and jz.to_dict()["decision"]["note"] == "原文如此"
    assert [d.rule for d in resolved] == ["term-typo"]
    assert all("decision" not in f.extra for f in findings if f is not jz)
    assert parse_decisions(json.loads(dump_decisions(decisions))) == decisions


def test_bad_decisions_files_are_usage_errors():
    with pytest.raises(UsageError, match="fingerprint"):
        parse_decisions({"decisions": [{"decision": "dismissed"}]})
    with pytest.raises(UsageError, match="confirmed 或 dismissed"):
        parse_decisions([{"fingerprint": "ab", "decision": "maybe"}])
    with pytest.raises(UsageError):
        parse_decisions({"findings": []})


def test_check_decisions_fast_and_full_paths(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(SMALL, encoding="utf-8")
    rows = json.loads(_run("entry", "check", str(report), "-f", "json").stdout)
    assert all(len(r["fingerprint"]) == 32 for r in rows)
    book = tmp_path / "decisions.json"
    book.write_text(json.dumps({"decisions": [
        {"fingerprint": r["fingerprint"], "rule": r["rule"], "decision": "dismissed", "note": "误报", "reviewer": "李四",
         "time": "2026-11-29T23:00:00Z"} for r in rows] + [
        {"fingerprint": "f" * 32, "rule": "term-typo", "decision": "confirmed", "note": "", "reviewer": "", "time": ""}]},
        ensure_ascii=False), encoding="utf-8")
    for args in ([], ["-f", "json"], ["-q"]):
        fast = _run("entry", "check", str(report), "--decisions", str(book), *args)
        full = _run("cli", "check", str(report), "--decisions", str(book), *args)
        assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
        assert fast.returncode == 0  # every warning dismissed
    text = _run("entry", "check", str(report), f"--decisions={book}").stdout
    assert "[已忽略 李四：误报]" in text
    assert "审核决定：已确认 0 处，已忽略 2 处（不计入退出码），已解决 1 项（对应问题已不存在）" in text
    assert "term-typo 已确认" in text
    decided = json.loads(_run("entry", "check", str(report), "-f", "json", "--decisions", str(book)).stdout)
    assert [d["decision"]["decision"] for d in decided] == ["dismissed", "dismissed"]
    # a confirmed finding still counts
    data = json.loads(book.read_text(encoding="utf-8"))
    data["decisions"][0]["decision"] = "confirmed"
    book.write_text(json.dumps(data), encoding="utf-8")
    assert _run("entry", "check", str(report), "--decisions", str(book)).returncode == 1
    missing = _run("entry", "check", str(report), "--decisions", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "决定文件不存在" in missing.stderr


def test_scan_counts_open_confirmed_dismissed_per_unit(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SMALL, encoding="utf-8")
    rows = json.loads(_run("entry", "check", str(src / "a.txt"), "-f", "json").stdout)
    jz = next(r for r in rows if r["rule"] == "jiezhi")
    book = tmp_path / "d.json"
    book.write_text(json.dumps([{"fingerprint": jz["fingerprint"], "rule": "jiezhi", "decision": "dismissed"}]),
                    encoding="utf-8")
    r = _run("cli", "scan", str(src), "--out", str(tmp_path / "out"), "-j", "1", "--decisions", str(book))
    assert r.returncode in (0, 1), r.stderr
    lines = [json.loads(x) for x in (tmp_path / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x.get("decision", {}).get("decision") for x in lines if x["rule"] == "jiezhi"] == ["dismissed"]
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    # the open punct-halfwidth is a format finding: the review table counts content findings only
    assert "待处理" in page and 'data-open="0" data-confirmed="0" data-dismissed="1"' in page


def test_browser_decision_export_and_rerun_of_an_edited_renamed_copy(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    original = tmp_path / "report.txt"
    original.write_text(text, encoding="utf-8")
    result = lint_path(str(original))
    page_file = tmp_path / "review.html"
    page_file.write_text(html.render([result]), encoding="utf-8")
    ordered = sorted(result.findings, key=lambda f: (f.raw_start, f.raw_end))
    law = next(i for i, f in enumerate(ordered) if f.rule == "law-name")
    year = next(i for i, f in enumerate(ordered) if f.rule == "year-mismatch")
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        page.goto(page_file.as_uri())
        page.fill("#reviewer", "王审核")
        page.dispatch_event("#reviewer", "change")
        li = f"#report-0 ol.flist li[data-f='{law}']"
        page.fill(f"{li} .d-note", "引用的是旧称，保留")
        page.click(f"{li} .d-dismiss")
        page.click(f"#report-0 ol.flist li[data-f='{year}'] .d-confirm")
        assert page.get_attribute(f"{li} .d-dismiss", "aria-pressed") == "true"
        assert "d-dismissed" in page.get_attribute(li, "class")
        assert page.text_content("#decision-count").startswith("已确认 1 · 已忽略 1")
        page.reload()  # kept in the page's local storage
        assert "d-dismissed" in page.get_attribute(li, "class")
        assert page.input_value(f"{li} .d-note") == "引用的是旧称，保留"
        with page.expect_download() as dl:
            page.click("#export-decisions")
        exported = tmp_path / "decisions.json"
        dl.value.save_as(exported)
        browser.close()
    data = json.loads(exported.read_text(encoding="utf-8"))
    by_rule = {d["rule"]: d for d in data["decisions"]}
    assert by_rule["law-name"]["decision"] == "dismissed" and by_rule["law-name"]["reviewer"] == "王审核"
    assert by_rule["law-name"]["note"] == "引用的是旧称，保留" and by_rule["law-name"]["time"]
    assert by_rule["year-mismatch"]["decision"] == "confirmed"
    assert by_rule["law-name"]["fingerprint"] == ordered[law].extra["fingerprint"]
    # the next version of the report: a paragraph inserted above, the file renamed
    moved = _edited_copy(tmp_path, text)
    r = _run("entry", "check", str(moved), "-f", "json", "--decisions", str(exported))
    rows = json.loads(r.stdout)
    law_rows = [x for x in rows if x["rule"] == "law-name"]
    assert law_rows[0]["decision"]["decision"] == "dismissed"
    assert law_rows[0]["line"] == ordered[law].line + INSERTED.count("\n")
    assert [x["decision"]["decision"] for x in rows if x["rule"] == "year-mismatch" and "decision" in x] == ["confirmed"]
    assert "已解决 0 项" in r.stderr
    out = _run("entry", "check", str(moved), "--decisions", str(exported)).stdout
    assert "[已忽略 王审核：引用的是旧称，保留]" in out and "[已确认 王审核]" in out
    # and the page of the new run shows the decisions from the start
    page2 = tmp_path / "review2.html"
    r = _run("entry", "check", str(moved), "-f", "html", "-o", str(page2), "--decisions", str(exported))
    assert 'data-decision="dismissed" data-note="引用的是旧称，保留"' in page2.read_text(encoding="utf-8")


# NEWCOMER6 1: a paragraph inserted between a heading and the finding's paragraph (the commonest edit)
BT = "某区财政局2024年度部门整体支出绩效自评报告\n\n一、部门基本情况\n截止2024年12月31日，全县共有财政所8个。\n二、绩效自评情况\n自评分数92分，等级为良。\n"
BT2 = BT.replace("一、部门基本情况\n", "一、部门基本情况\n新增一段：本年度开展培训3次。\n")


def test_fingerprint_sentence_stops_at_line_and_cell_breaks():
    from reportlint.fingerprints import _sentence_around

    raw = "一、部门基本情况\n截止2024年12月31日，全县共有财政所8个。"
    s = raw.index("全县")
    assert _sentence_around(raw, s, s + 2) == "截止2024年12月31日，全县共有财政所8个"
    row = "项目|上海市普陀区财政局财政所|预算不单列\t并入本级"
    s = row.index("预算")
    assert _sentence_around(row, s, s + 2) == "预算不单列"


def test_baseline_and_decisions_follow_a_finding_past_a_paragraph_inserted_under_its_heading(tmp_path):
    (tmp_path / "bt.txt").write_text(BT, encoding="utf-8")
    (tmp_path / "bt2.txt").write_text(BT2, encoding="utf-8")
    first = _run("entry", "check", "bt.txt", "--write-baseline", "blt.json", "-f", "json", cwd=tmp_path)
    rows = json.loads(first.stdout)
    assert [r["code"] for r in rows] == ["W501", "W502", "N404"]
    assert json.loads((tmp_path / "blt.json").read_text(encoding="utf-8"))["fingerprint_version"] == 2
    again = _run("entry", "check", "bt2.txt", "--baseline", "blt.json", "-q", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    assert "隐藏了 3 处已记录的问题，报告 0 处新问题" in again.stderr and "第 1 版" not in again.stderr
    (tmp_path / "dec.json").write_text(json.dumps({"tool": "reportlint", "kind": "decisions", "decisions": [
        {"fingerprint": r["fingerprint"], "rule": r["rule"], "decision": "dismissed", "note": "误报",
         "reviewer": "张三"} for r in rows]}, ensure_ascii=False), encoding="utf-8")
    decided = _run("entry", "check", "bt2.txt", "--decisions", "dec.json", "-q", cwd=tmp_path)
    assert decided.returncode == 0
    assert "已忽略 3 处（不计入退出码），已解决 0 项" in decided.stderr and "第 1 版" not in decided.stderr


def test_docx_fingerprints_survive_paragraphs_inserted_before_a_heading_and_after_a_table(tmp_path):
    import docx

    def build(extra_before_heading: bool, extra_after_table: bool):
        d = docx.Document()
        d.add_paragraph("某市某区财政局2024年度部门整体支出绩效自评报告")
        d.add_paragraph("一、部门基本情况")
        d.add_paragraph("截止2024年12月31日，全县共有财政所8个。")
        if extra_before_heading:
            d.add_paragraph("本年度新增培训3次。")
        d.add_paragraph("二、绩效自评情况")
        d.add_paragraph("（一）自评结论")
        d.add_paragraph("自评分数92分，等级为良")
        t = d.add_table(rows=4, cols=3)
        for r, row in enumerate([("项目", "预算数", "决算数"), ("基本支出", "60", "60"), ("项目支出", "30", "30"),
                                 ("合计", "90", "100")]):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
        if extra_after_table:
            d.add_paragraph("表后补充说明：以上数据来自决算报表。")
        d.add_paragraph("（三）存在问题")
        d.add_paragraph("部分项目进度偏慢。")
        return d

    names = []
    for n, flags in enumerate([(False, False), (True, False), (False, True), (True, True)]):
        p = tmp_path / f"b{n}.docx"
        build(*flags).save(p)
        names.append(p)
    base = lint_path(str(names[0])).findings
    assert {f.code for f in base} >= {"W501", "W502", "N404", "N401", "S102"}
    prints = sorted(f.extra["fingerprint"] for f in base)
    for p in names[1:]:
        assert sorted(f.extra["fingerprint"] for f in lint_path(str(p)).findings) == prints, p.name


def test_old_version_1_files_still_match_and_are_named(tmp_path):
    from reportlint.baseline import filter_new, read_baseline

    (tmp_path / "bt.txt").write_text(BT, encoding="utf-8")
    (tmp_path / "bt2.txt").write_text(BT2, encoding="utf-8")
    found = lint_text(BT, path="bt.txt").findings
    assert all(f.extra["fingerprint_v1"] != f.extra["fingerprint"] for f in found if f.rule != "score-grade")
    old = tmp_path / "old.json"  # a baseline written before fingerprints had versions
    old.write_text(json.dumps({"tool": "reportlint", "version": "0.1.0", "findings": [
        {"fingerprint": f.extra["fingerprint_v1"], "rule": f.rule} for f in found]}), encoding="utf-8")
    book = read_baseline(old)
    assert book.version == 1
    assert filter_new(lint_text(BT, path="bt.txt").findings, book) == ([], 3)
    run = _run("entry", "check", "bt.txt", "--baseline", "old.json", "-q", cwd=tmp_path)
    assert run.returncode == 0 and "old.json 使用第 1 版问题指纹" in run.stderr and "--write-baseline" in run.stderr
    dec = tmp_path / "olddec.json"
    dec.write_text(json.dumps([{"fingerprint": f.extra["fingerprint_v1"], "rule": f.rule, "decision": "dismissed"}
                               for f in found]), encoding="utf-8")
    run = _run("entry", "check", "bt.txt", "--decisions", "olddec.json", "-q", cwd=tmp_path)
    assert run.returncode == 0 and "已忽略 3 处" in run.stderr and "olddec.json 使用第 1 版问题指纹" in run.stderr


def test_empty_bare_array_is_not_a_decisions_file():
    with pytest.raises(UsageError, match="不是 reportlint 决定文件"):
        parse_decisions([])
    assert parse_decisions({"tool": "reportlint", "kind": "decisions", "decisions": []}) == []


def test_fingerprints_survive_rewrapping_a_hard_wrapped_paragraph():
    """The sentence around a finding is bounded by the document's paragraphs (lines joined by the reflow),
    not by each line of a hard-wrapped text or a PDF: wrapped at 30 or at 26 characters, same prints."""
    paras = ["某区财政局2024年度部门整体支出绩效自评报告", "一、部门基本情况",
             "本局内设机构5个，下属单位3个，主要负责全区财政收支管理、预算编制与执行、国有资产管理等工作。"
             "截止2024年12月31日，全县共有财政所8个，在职人员74人，退休人员20人。本年度共开展业务培训3次，参训人员120人次，全年完成各项任务。",
             "二、绩效自评情况",
             "本年度部门整体支出绩效自评分数92分，等级为良。全年预算执行率为98%，各项资金使用规范，项目完成情况良好，"
             "预算管理水平进一步提高，绩效目标基本实现，社会效益明显。"]

    def prints(width: int) -> list[tuple[str, str]]:
        text = "\n".join(p[i:i + width] for p in paras for i in range(0, len(p), width)) + "\n"
        result = lint_text(text, path="w.txt")
        assert result.doc.hard_wrapped
        return sorted((f.code, f.extra["fingerprint"]) for f in result.findings)

    first = prints(30)
    assert [code for code, _ in first] == ["N404", "W501", "W502"]
    assert prints(26) == first
