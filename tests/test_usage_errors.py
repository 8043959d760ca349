"""Usage-level problems end in one Chinese line on stderr and exit 2: the command-line parser's errors,
a configuration saved with a BOM (read) or with an unknown severity, a text with no Chinese."""

import pytest

from hostile import cli
from reportlint.config import load_config_file

SAMPLE = "corpora/sample/000_645b6df18162c422.txt"


def _one_line(r) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "╭" not in r.stderr and "Error" not in r.stderr
    return lines[0]


@pytest.mark.parametrize(("args", "line"), [
    (("check", SAMPLE, "--year", "abc"), "reportlint: --year 应为整数年份，如 2024（现为 abc）"),
    (("check", SAMPLE, "--year=20x4"), "reportlint: --year 应为整数年份，如 2024（现为 20x4）"),
    (("check", SAMPLE, "--timeout", "x"), "reportlint: --timeout 应为数字（现为 x）"),
    (("scan", "corpora/sample"), "reportlint: 缺少选项 --out：输出目录：summary.csv、findings.jsonl、index.html、pages/"
                                 "（reportlint scan --help 查看用法）"),
    (("check", SAMPLE, "--frmat", "json"), "reportlint: 未知选项 --frmat，是否要用 --format（reportlint check --help 查看用法）"),
    (("check", SAMPLE, "--format"), "reportlint: 选项 --format 后面缺少取值（reportlint check --help 查看用法）"),
    (("chek", SAMPLE), "reportlint: 未知命令 chek，是否要用 check（可用命令：check、claims、scan、evaluate、generate、rules、explain）"),
    (("check",), "reportlint: 缺少参数：报告文件或目录（目录递归查找 .txt .md .docx .pdf）；- 表示从标准输入读取"
                 "（reportlint check --help 查看用法）"),
    (("rules", "extra"), "reportlint: 多余的参数：extra（reportlint rules --help 查看用法）"),
])
def test_parser_errors_are_one_chinese_line_and_exit_2(args, line):
    r = cli(*args)
    assert r.returncode == 2 and r.stdout == ""
    assert _one_line(r) == line


def test_help_version_and_a_normal_run_keep_their_exit_codes():
    assert cli("--version").returncode == 0
    r = cli("check", "--help")
    assert r.returncode == 0 and "--year" in r.stdout
    assert cli("check", SAMPLE, "-q").returncode == 1
    assert cli().returncode == 2  # bare reportlint: the help


def test_config_with_a_utf8_bom_is_read(tmp_path):
    """Windows Notepad saves UTF-8 with a BOM: the file is read as if it had none."""
    cfg = tmp_path / "reportlint.toml"
    cfg.write_bytes(b'\xef\xbb\xbfignore = ["jiezhi"]\n[severity]\nsection-gap = "warning"\n')
    loaded = load_config_file(cfg)
    assert loaded.ignore == {"jiezhi"} and str(loaded.severity["section-gap"]) == "warning"
    r = cli("check", SAMPLE, "--config", str(cfg), "-f", "json")
    assert r.returncode == 1 and '"jiezhi"' not in r.stdout and '"rule": "section-duplicate"' in r.stdout


def test_config_saved_in_gbk_or_with_an_unknown_severity_is_one_line(tmp_path):
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('ignore = ["截止"]\n'.encode("gbk"))
    r = cli("check", SAMPLE, "--config", str(gbk))
    assert r.returncode == 2 and _one_line(r) == f"reportlint: {gbk}: 配置文件应为 UTF-8 编码（请另存为 UTF-8）"
    fatal = tmp_path / "fatal.toml"
    fatal.write_text('[severity]\njiezhi = "fatal"\n', encoding="utf-8")
    r = cli("check", SAMPLE, "--config", str(fatal))
    assert r.returncode == 2
    assert _one_line(r) == f"reportlint: {fatal}: severity.jiezhi 应为 error、warning 或 info（现为 'fatal'）"


def test_a_text_with_no_chinese_is_a_usage_problem(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text("This is a plain English memo.\n", encoding="utf-8")
    r = cli("check", str(en))
    assert r.returncode == 2 and r.stdout == ""
    assert _one_line(r) == f"reportlint: {en}: 没有中文，未识别为中文报告，未检查 (no Chinese text)"
    (tmp_path / "r.txt").write_text("某局2024年度部门整体支出绩效自评报告\n截止2024年12月31日，全年支出100万元。\n",
                                    encoding="utf-8")
    r = cli("check", str(tmp_path), "-q")  # in a folder: the others are checked, the English one reported
    assert r.returncode == 2 and "W501" in r.stdout and "没有中文" in r.stderr
