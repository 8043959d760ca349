"""What a user of ruff or sqlfluff expects: the finding line with severity in words, the source line
with the span marked, --statistics, --quiet, --exit-zero, --color and NO_COLOR, stdin, rules --format
json, help text, completion, pre-commit hooks and Markdown read as Markdown."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from reportlint.findings import Finding, Severity
from reportlint.output.text import display_width, source_excerpt

from conftest import ROOT, SAMPLE, run_cli


def _run(*args, env=None, input=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, input=input, cwd=cwd or ROOT, timeout=300)


def test_finding_line_source_excerpt_and_suggestion():
    r = run_cli("check", str(SAMPLE), "--select", "law-name,jiezhi", "--color", "never")
    lines = r.stdout.splitlines()
    k = next(i for i, ln in enumerate(lines) if ":528:4: W504 [law-name] 错误: 法规名称有误" in ln)
    src, mark, sugg = lines[k + 1:k + 4]
    # the marker sits under 《采购法》 by display width (CJK characters take two columns)
    col = src.index("《采购法》")
    assert mark.index("^") == display_width(src[:col])
    assert mark.strip() == "^" * display_width("《采购法》")
    assert sugg == "    建议：《政府采购法》"
    assert "\x1b[" not in r.stdout
    assert any(ln.endswith("W501 [jiezhi] 错误: “截止”后接时间点应写“截至”：截至表示“到某时为止”，截止表示“（到期）停止”")
               for ln in lines)


def test_excerpt_window_and_wide_alignment():
    raw = "甲" * 150 + "截止" + "乙" * 150
    f = Finding("jiezhi", "W501", Severity.ERROR, "m", 150, 152)
    shown, mark = source_excerpt(raw, f, width=60)
    assert shown.startswith("…") and shown.endswith("…") and display_width(shown) <= 64
    assert mark.index("^") == display_width(shown[:shown.index("截止")]) and mark.count("^") == 4
    assert source_excerpt("abc\n", Finding("x", "X1", Severity.INFO, "m", 2, 2)) is None


def test_statistics_quiet_exit_zero():
    r = run_cli("check", str(SAMPLE), "--statistics")
    first = r.stdout.splitlines()[0].split()
    assert first == ["7", "W501", "jiezhi", "错误"] and r.returncode == 1
    assert "建议" not in r.stdout
    r = run_cli("check", str(SAMPLE), "-q", "--select", "jiezhi")
    assert r.stdout.count("\n") == 7 and all(": W501 [jiezhi] 错误: " in ln for ln in r.stdout.splitlines())
    r = run_cli("check", str(SAMPLE), "--exit-zero", "-q")
    assert r.returncode == 0 and r.stdout
    r = run_cli("check", str(SAMPLE), "--statistics", "-f", "json")
    assert r.returncode == 2


def test_color_always_never_and_no_color():
    args = ("check", str(SAMPLE), "--select", "jiezhi", "-q")
    assert "\x1b[" in _run(*args, "--color", "always").stdout  # even into a pipe
    assert "\x1b[" in _run(*args, "--color=always", env={"NO_COLOR": "1"}).stdout  # the flag wins
    assert "\x1b[" not in _run(*args, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in _run(*args, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout
    assert _run(*args, "--color", "sometimes").returncode == 2


def test_stdin_with_a_file_name():
    text = SAMPLE.read_text(encoding="utf-8")
    r = _run("check", "-", "--stdin-filename", "reports/r.txt", "-f", "json", input=text)
    found = json.loads(r.stdout)
    direct = json.loads(run_cli("check", str(SAMPLE), "-f", "json").stdout)
    assert r.returncode == 1 and {f["path"] for f in found} == {"reports/r.txt"}
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [(f["rule"], f["line"], f["column"]) for f in direct]
    r = _run("check", "-", "-q", "--select", "jiezhi", input="截止2024年12月31日，在职74人。\n")
    assert r.stdout.startswith("<stdin>:1:1: W501")
    assert _run("check", "-", str(SAMPLE), input="x").returncode == 2


def test_rules_json_says_which_rules_fix():
    r = run_cli("rules", "--format", "json")
    rules = {x["name"]: x for x in json.loads(r.stdout)}
    assert {n for n, x in rules.items() if x["fixable"]} == {"jiezhi", "punct-halfwidth", "docnum-format"}


def test_check_help_names_every_format_and_the_configuration():
    r = run_cli("check", "--help")
    out = " ".join(r.stdout.split())
    for word in (".txt", ".md", ".docx", ".pdf", "reportlint.toml", "[tool.reportlint]", "--fix", "--diff",
                 "--fix-to", "--statistics", "--quiet", "--exit-zero", "--color", "--stdin-filename"):
        assert word in out, word


def test_shell_completion_is_offered():
    r = run_cli("--help")
    assert "--install-completion" in r.stdout and "--show-completion" in r.stdout
    r = _run("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert r.returncode == 0 and "complete -o default -F" in r.stdout and "COMPLETE=complete_bash" in r.stdout


def test_markdown_markup_is_not_text(tmp_path):
    md = tmp_path / "r.md"
    md.write_text("# 一、基本情况\n\n**截止**2024年12月31日，在职**74**人，详见[附件](http://x.cn/a,b)。\n\n"
                  "- 让每位老年人享受到待遇,同时帮助老人。\n", encoding="utf-8")
    found = json.loads(run_cli("check", str(md), "-f", "json").stdout)
    # positions point into the .md file; no finding on ** or the link's URL
    assert [(f["rule"], f["line"], f["column"], f["excerpt"]) for f in found] == [
        ("jiezhi", 3, 3, "截止"), ("punct-halfwidth", 5, 14, ",")]
    from reportlint.engine import lint_path

    doc = lint_path(str(md)).doc
    assert "**" not in doc.text and "http" not in doc.text and "#" not in doc.text
    assert "截止2024年12月31日，在职74人，详见附件。" in doc.text


def test_markdown_blanking_keeps_offsets():
    from reportlint.mdtext import blank_markup

    text = ("## （一）**项目**概况\n\n1. 第一项\n\n| 项目 | 金额 |\n|---|---|\n| 收入 | 5 |\n\n"
            "> 引用 \\*号 &amp; `代码`\n\n```\ncode\n```\n<!-- 注释 -->\n")
    out = blank_markup(text)
    assert len(out) == len(text) and [i for i, c in enumerate(out) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]
    lines = [ln.strip() for ln in out.split("\n")]
    assert lines[0] == "（一）  项目  概况"
    assert lines[2] == "1. 第一项"  # an ordered list's number is a section number
    assert lines[4] == "| 项目 | 金额 |" and lines[5] == "" and lines[6] == "| 收入 | 5 |"  # bars between cells stay
    assert lines[8] == "引用  *号 &amp;  代码"
    assert "code" not in out and "注释" not in out


def test_markdown_template_placeholder_not_bold(tmp_path):
    md = tmp_path / "r.md"
    md.write_text("评价年度：2024\n\n本单位**严格执行**预算管理制度，资金使用规范。\n", encoding="utf-8")
    found = json.loads(run_cli("check", str(md), "-f", "json").stdout)
    assert not [f for f in found if f["rule"] == "template-left"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is missing")
def test_pre_commit_hook_runs_on_a_temporary_repository(tmp_path):
    pre_commit = shutil.which("pre-commit", path=str(ROOT / ".venv" / "bin")) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}

    def git(*a):
        return subprocess.run(["git", *a], cwd=repo, env=env, capture_output=True, text=True, check=True)

    git("init", "-q")
    # the hooks file as a repository of its own (pre-commit clones a committed revision)
    hooks_repo = tmp_path / "hooks"
    hooks_repo.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks_repo / ".pre-commit-hooks.yaml")
    for a in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "hooks"]):
        subprocess.run(["git", *a], cwd=hooks_repo, env=env, check=True, capture_output=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks_repo, capture_output=True, text=True).stdout.strip()
    # language: system runs the hook's own entry (reportlint check --quiet) from PATH: no download
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks_repo}\n  rev: {rev}\n  hooks:\n  - id: reportlint\n    language: system\n",
        encoding="utf-8")
    (repo / "good.txt").write_text("评价年度：2024\n本单位设3个科室。\n", encoding="utf-8")
    (repo / "bad.txt").write_text("截止2024年12月31日，在职74人。\n", encoding="utf-8")
    git("add", ".")
    r = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "bad.txt:1:1: W501 [jiezhi] 错误" in r.stdout and "good.txt:" not in r.stdout
    (repo / "bad.txt").write_text("截至2024年12月31日，在职74人。\n", encoding="utf-8")
    r = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_fast_entry_and_full_cli_agree_on_the_new_options(tmp_path):
    fast = "import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.entry import main; main()"
    full = "import sys; sys.argv = ['reportlint', *sys.argv[1:]]; from reportlint.cli import main; main()"
    report = tmp_path / "r.txt"
    report.write_bytes(SAMPLE.read_bytes())
    for args in (["--statistics"], ["-q", "--exit-zero"], ["--diff"], ["--color", "always", "--select", "W"]):
        a = subprocess.run([sys.executable, "-c", fast, "check", str(report), *args], capture_output=True,
                           text=True, cwd=ROOT, timeout=300)
        b = subprocess.run([sys.executable, "-c", full, "check", str(report), *args], capture_output=True,
                           text=True, cwd=ROOT, timeout=300)
        assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr), args
    assert report.read_bytes() == SAMPLE.read_bytes()


def test_html_of_a_markdown_report_shows_the_file_as_written(tmp_path):
    from reportlint.engine import lint_path
    from reportlint.output import html

    md = tmp_path / "r.md"
    md.write_text("# 一、概况\n\n**截止**2024年12月31日，在职74人。\n", encoding="utf-8")
    page = html.render([lint_path(str(md))])
    assert "**" in page and "# 一、概况" in page
    assert '<span class="hl sev-error" data-f="0" title="W501' in page


def test_markdown_indented_paragraphs_are_text_not_code():
    from reportlint.mdtext import blank_markup

    text = "一、概况\n\n    截止2024年12月31日，在职74人。\n\n\t本单位设3个科室。\n"
    assert blank_markup(text) == text


@pytest.mark.parametrize("fmt", ["sarif", "github", "json", "text"])
def test_output_into_a_closed_pipe_ends_quietly(fmt):
    """`reportlint check DIR -f sarif | head -1`: the reader goes away; no internal-error line (exit 1)."""
    p = subprocess.Popen([sys.executable, "-m", "reportlint", "check", str(ROOT / "corpora" / "real"), "-f", fmt,
                          "--color", "never"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert p.stdout.read(1)
    p.stdout.close()
    err = p.stderr.read().decode("utf-8", "replace")
    assert p.wait(timeout=300) == 1
    assert "内部错误" not in err and "Traceback" not in err
