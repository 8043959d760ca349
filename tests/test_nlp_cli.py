"""Segmentation with the user dictionary, and the command line."""

import json

from reportlint.nlp import cut, make_doc

from conftest import SAMPLE, SYNTHETIC, run_cli


def test_finance_terms_stay_whole():
    words = cut("本级一般公共预算财政拨款和政府性基金预算、三公经费支出")
    for term in ("一般公共预算", "政府性基金预算", "三公经费"):
        assert term in words


def test_spacy_doc_offsets_equal_text():
    text = "截止2024年12月31日，在职74人。\n今年增加4人。"
    doc = make_doc(text)
    assert "".join(t.text for t in doc) == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_cli_json_fields_and_exit_code():
    r = run_cli("check", str(SAMPLE), "--format", "json", "--select", "section-gap")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert len(data) == 1
    f = data[0]
    assert set(f) >= {"path", "rule", "code", "severity", "message", "line", "column", "end_line", "end_column"}
    assert (f["rule"], f["line"], f["column"], f["suggestion"]) == ("section-gap", 452, 1, "（二）")


def test_cli_text_output_and_summary():
    r = run_cli("check", str(SAMPLE), "--select", "S101,year-mismatch")
    lines = r.stdout.splitlines()
    assert "评价年度：2024" in r.stdout and "填报日期：2025-07-24" in r.stdout
    assert any(ln.endswith("16:14: T201 [year-mismatch] 错误: 年份与评价年度不符：此处指被评价期间，写的是2025年度，评价年度为2024年")
               for ln in lines)
    assert "建议：2024年度" in r.stdout
    assert lines[-1].startswith("共 3 处问题")


def test_cli_clean_exit_zero_and_ignore(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("评价年度：2024\n填报日期：2025年3月1日\n一、概况\n（一）机构设置\n本单位设3个科室。\n", encoding="utf-8")
    r = run_cli("check", str(clean))
    assert r.returncode == 0, r.stdout
    assert "未发现问题" in r.stdout
    r = run_cli("check", str(SAMPLE), "--ignore", "S,T,C,F603,section-gap")
    assert "section-gap" not in r.stdout and "year-mismatch" not in r.stdout


def test_cli_year_override(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("现将2025年度整体支出绩效自评情况报告如下：\n", encoding="utf-8")
    assert run_cli("check", str(p)).returncode == 0
    r = run_cli("check", str(p), "--year", "2024", "--format", "json")
    assert [f["rule"] for f in json.loads(r.stdout)] == ["year-mismatch"]


def test_cli_unknown_rule_and_format_are_usage_errors():
    r = run_cli("check", str(SAMPLE), "--select", "no-such-rule")
    assert r.returncode == 2 and "未知规则" in r.stderr
    r = run_cli("check", str(SAMPLE), "--format", "xml")
    assert r.returncode == 2 and "未知输出格式" in r.stderr


def test_cli_rules_and_explain():
    r = run_cli("rules")
    assert r.returncode == 0 and "section-duplicate" in r.stdout and "S101" in r.stdout
    r = run_cli("explain", "S102")
    assert r.returncode == 0 and "section-gap" in r.stdout and "会报告" in r.stdout and "（三）指标分析" in r.stdout
    assert run_cli("explain", "nope").returncode == 2


def test_lazy_block_boundaries_equal_whole_document_segmentation():
    """Rules ask for word boundaries block by block; they must equal jieba on the whole text."""
    from reportlint.document import build_document
    from reportlint.source import load_source

    for path in (SAMPLE, SYNTHETIC / "101_numbers_broken.txt"):
        name = path.name
        doc = build_document(load_source(path))
        full = set()
        for tok in doc.tokens:  # the spaCy Doc over the whole text
            full.update((tok.idx, tok.idx + len(tok.text)))
        lazy = {i for i in range(len(doc.text) + 1) if doc.is_boundary(i)}
        assert lazy == full
        if name.startswith("000"):
            i = doc.text.index("般公共预算")
            assert doc.words_in(i, i + 5) == ["般", "公共", "预算"]
