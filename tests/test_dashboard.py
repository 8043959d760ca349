"""The scan dashboard ranks units by the errors and warnings of content rules; style findings apart."""

import re

from reportlint.output.dashboard import Tally, render


def _record(file: str, unit: str, rules: list[tuple[str, str]]) -> dict:
    findings = [{"rule": rule, "severity": sev, "line": 1, "message": ""} for rule, sev in rules]
    counts: dict[str, int] = {}
    sevs: dict[str, int] = {}
    for rule, sev in rules:
        counts[rule] = counts.get(rule, 0) + 1
        sevs[sev] = sevs.get(sev, 0) + 1
    return {"file": file, "unit": unit, "level": "county", "evaluation_year": "2024", "filing_date": "",
            "status": "ok", "message": "", "counts": counts, "severities": sevs, "findings": findings, "page": None}


# a report with half-width commas throughout (real 301.txt: 14 F601 in 2,000 characters), and two with
# content errors: a wrong year and a sum that does not add up, a 截止
RECORDS = [
    _record("301.txt", "大英县财政局", [("punct-halfwidth", "warning")] * 14 + [("punct-pair", "warning")]),
    _record("a.txt", "青神县教育局", [("year-mismatch", "error"), ("punct-halfwidth", "warning")]),
    _record("b.txt", "合江县水务局", [("sum-mismatch", "error"), ("jiezhi", "error"), ("relative-time", "warning")]),
]


def test_units_ranked_by_content_errors_and_warnings_style_counted_apart():
    tally = Tally()
    for r in RECORDS:
        tally.add(r)
    try:
        assert tally.unit_ranking() == [("合江县水务局", 3), ("青神县教育局", 1)]  # 大英县: style only, not ranked
        assert tally.style_total == 16
        assert dict(tally.sev) == {"error": 3, "warning": 1, "info": 0}
    finally:
        tally._rows.close()


def test_dashboard_page_shows_the_ranking_and_the_style_column():
    page = render(RECORDS, [])
    chart = page[page.index("各单位内容问题数"):page.index("</svg>", page.index("各单位内容问题数"))]
    assert re.findall(r'<text x="0" y="\d+">([^<]+)</text>', chart) == ["合江县水务局", "青神县教育局"]
    assert "格式问题（标点等，另计）16" in page
    row = page[page.index("301.txt</td>"):]
    row = row[:row.index("</tr>")]
    # errors, warnings, infos of content rules; style; total; main problems (style rules when nothing else)
    assert re.findall(r'<td class="num">(\d*)</td>', row) == ["2024", "0", "0", "0", "15", "15"]
    assert "punct-halfwidth×14" in row
    row = page[page.index("a.txt</td>"):]
    row = row[:row.index("</tr>")]
    assert re.findall(r'<td class="num">(\d*)</td>', row) == ["2024", "1", "0", "0", "1", "2"]
    assert "<td>year-mismatch×1</td>" in row


def test_review_table_counts_content_findings_chart_in_bar_order_failures_named_once():
    """NEWCOMER6 6: units were ranked in the 审核决定 table by comma style (756/759: 0 errors, 71 F601),
    a unit with 4 findings (0 errors) sat below units with 3 (1 error), and a failed file's path was
    printed twice (``empty.txt：error — empty.txt: 文件为空``)."""
    records = [
        _record("756.txt", "未央宫街道", [("punct-halfwidth", "warning")] * 71),
        _record("c.txt", "洛王街道办事处", [("relative-time", "warning")] * 4),
        _record("d.txt", "合江县水务局", [("sum-mismatch", "error")] * 1 + [("relative-time", "warning")] * 2),
        _record("e.txt", "", [("jiezhi", "error")]),
        {**_record("broken/empty.txt", "", []), "status": "error", "message": "broken/empty.txt: 文件为空"},
    ]
    tally = Tally()
    for r in records:
        tally.add(r)
    try:
        assert tally.unit_ranking() == [("洛王街道办事处", 4), ("合江县水务局", 3), ("e.txt", 1)]
        assert tally.status["未央宫街道"] == [0, 0, 0]  # style only: not in the review table
        assert tally.no_unit == 1  # e.txt was checked, its unit not recognised; empty.txt was not checked
        assert [f["message"] for f in tally.failed] == ["文件为空"]
    finally:
        tally._rows.close()
    page = render(records, [])
    table = page[page.index('id="unit-decisions"'):page.index("</table>", page.index('id="unit-decisions"'))]
    assert re.findall(r"<tr data-open=\"\d+\"[^>]*><td>([^<]+)</td>", table) == ["洛王街道办事处", "合江县水务局", "e.txt"]
    assert "1 份未识别单位，未参与跨单位比对" in page
    assert "broken/empty.txt：error — 文件为空" in page


def test_scan_summary_line_counts_reports_without_a_recognised_unit(tmp_path):
    """NEWCOMER6 3: a third of a batch had no unit recognised and was left out of the cross-unit step
    silently; the summary line and the dashboard now say how many."""
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某单位部门整体支出绩效自评报告\n\n一、部门基本情况\n2024年全区共完成任务8项。\n", encoding="utf-8")
    (src / "b.txt").write_text("某区财政局2024年度部门整体支出绩效自评报告\n\n一、部门基本情况\n截止2024年12月31日，共有财政所8个。\n",
                               encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportlint", "scan", str(src), "--out", str(tmp_path / "o"), "-j", "1"],
                         capture_output=True, text=True, timeout=600)
    assert "0 个跨报告复制簇（1 份未识别单位，未参与跨单位比对）" in run.stdout, run.stderr
    assert "1 份未识别单位，未参与跨单位比对" in (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
