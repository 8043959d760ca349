"""``exclude`` in the configuration: a folder walk (check, claims, scan) skips the files whose path
relative to the configuration's folder, folder path or bare name matches a pattern; a file named on the
command line is always checked; a bad value is one line and exit 2."""

import csv
import json
from pathlib import Path

import pytest

from hostile import cli
from reportlint.config import Config, ConfigResolver, config_from_dict
from reportlint.errors import UsageError
from reportlint.source import discover

# a report with one sure finding (jiezhi: 截止 before a point in time), and a note that would have one too
REPORT = "某局2024年度部门整体支出绩效自评报告\n截止2024年12月31日，全年支出100万元。\n"
NOTE = "# 说明\n本目录的报告截止2025年3月1日收集。\n"
KEPT = {"a.txt", "sub/c.txt"}
ALL = {"a.txt", "about.md", "drafts/b.txt", "sub/c.txt", "sub/about.zh.md"}


def _folder(base: Path, config: str | None = 'exclude = ["about*.md", "drafts/**"]\n') -> Path:
    """base/reports: a.txt, about.md, drafts/b.txt, sub/c.txt, sub/about.zh.md (+ reportlint.toml); the
    notes are not named README*, which every walk leaves out anyway (``test_notes_are_left_out_by_default``)."""
    root = base / "reports"
    for rel, text in (("a.txt", REPORT), ("about.md", NOTE), ("drafts/b.txt", REPORT), ("sub/c.txt", REPORT),
                      ("sub/about.zh.md", NOTE)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    if config is not None:
        (root / "reportlint.toml").write_text(config, encoding="utf-8")
    return root


def _rel(root: Path, paths) -> set[str]:
    return {Path(p).resolve().relative_to(root.resolve()).as_posix() for p in paths}


def _one_line(r) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "内部错误" not in r.stderr
    return lines[0]


# ---------------------------------------------------------------- the walk


def test_walk_skips_exactly_the_matching_files(tmp_path):
    root = _folder(tmp_path)
    files, problems = discover([str(root)], ConfigResolver(None, {}).excluded)
    assert (_rel(root, files), problems) == (KEPT, [])


def test_without_exclude_the_walk_takes_every_report_file(tmp_path):
    root = _folder(tmp_path, config='ignore = ["punct-halfwidth"]\n')
    files, _ = discover([str(root)], ConfigResolver(None, {}).excluded)
    assert _rel(root, files) == ALL


def test_a_file_named_explicitly_is_kept(tmp_path):
    root = _folder(tmp_path)
    files, problems = discover([str(root / "about.md"), str(root / "drafts" / "b.txt")],
                               ConfigResolver(None, {}).excluded)
    assert (_rel(root, files), problems) == ({"about.md", "drafts/b.txt"}, [])


def test_a_folder_whose_reports_are_all_excluded_is_one_problem(tmp_path):
    root = _folder(tmp_path)
    files, problems = discover([str(root / "drafts")], ConfigResolver(None, {}).excluded)
    assert files == [] and len(problems) == 1 and "exclude" in problems[0]


def test_nearest_configuration_applies_relative_to_its_own_folder(tmp_path):
    root = _folder(tmp_path)
    (root / "sub" / "reportlint.toml").write_text('exclude = ["c.txt"]\n', encoding="utf-8")
    files, _ = discover([str(root)], ConfigResolver(None, {}).excluded)
    # sub/ has its own configuration: c.txt goes, and the top one's about*.md no longer applies there
    assert _rel(root, files) == {"a.txt", "sub/about.zh.md"}


def test_config_option_patterns_are_relative_to_that_files_folder(tmp_path):
    root = _folder(tmp_path, config=None)
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('exclude = ["reports/sub/**", "about.md"]\n', encoding="utf-8")
    files, _ = discover([str(root)], ConfigResolver(cfg, {}).excluded)
    assert _rel(root, files) == {"a.txt", "drafts/b.txt"}


@pytest.mark.parametrize(("patterns", "path", "excluded"), [
    (["README*.md"], "README.shared.md", True),
    (["README*.md"], "deep/down/README.md", True),          # a bare-name pattern at any depth
    (["README*.md"], "READ.md", False),
    (["drafts/**"], "drafts/x/y.docx", True),
    (["drafts/**"], "sub/drafts/y.txt", False),             # a path pattern is anchored at the root
    (["drafts"], "drafts/x/y.txt", True),                   # a folder's path: the whole folder
    (["drafts"], "sub/drafts/y.txt", True),                 # a folder's bare name, at any depth
    (["**/old/*.txt"], "a/b/old/r.txt", True),
    (["**/old/*.txt"], "old/r.txt", True),
    (["sub/*.txt"], "sub/x/r.txt", False),                  # * stays within one folder
    (["20[0-1]?.txt"], "2019.txt", True),
    (["[!2]*.txt"], "2019.txt", False),
    (["JUDGED.md"], "judged.md", False),                    # case-sensitive, as ruff
])
def test_pattern_shapes(tmp_path, patterns, path, excluded):
    cfg = Config(exclude=tuple(patterns), root=tmp_path.resolve())
    assert cfg.excludes(tmp_path / path) is excluded


def test_a_file_outside_the_configurations_folder_is_matched_by_name(tmp_path):
    cfg = Config(exclude=("about.md", "drafts/**"), root=(tmp_path / "cfg").resolve())
    assert cfg.excludes(tmp_path / "other" / "about.md")
    assert not cfg.excludes(tmp_path / "other" / "drafts" / "b.txt")


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(("value", "key"), [
    ("README.md", "exclude"),
    ({"a": "README.md"}, "exclude"),
    (["README.md", 3], "exclude[1]"),
    ([["README.md"]], "exclude[0]"),
    ([""], "exclude[0]"),
])
def test_bad_exclude_names_the_key(value, key):
    with pytest.raises(UsageError) as exc:
        config_from_dict({"exclude": value}, "reportlint.toml")
    assert key in str(exc.value) and "\n" not in str(exc.value)


def test_exclude_loads():
    assert config_from_dict({"exclude": ["README*.md", "drafts/**"]}).exclude == ("README*.md", "drafts/**")
    assert config_from_dict({}).exclude == ()


# ---------------------------------------------------------------- the commands


def test_check_claims_and_scan_skip_exactly_the_excluded_files(tmp_path):
    root = _folder(tmp_path)
    r = cli("check", str(root), "-f", "json")
    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)
    assert _rel(root, {f["path"] for f in found}) == KEPT and {f["rule"] for f in found} == {"jiezhi"}
    r = cli("claims", str(root), "-f", "json")
    assert r.returncode == 0, r.stderr
    assert _rel(root, {row["path"] for row in json.loads(r.stdout)}) == KEPT
    out = tmp_path / "out"
    r = cli("scan", str(root), "--out", str(out), "--jobs", "1", timeout=300)
    assert r.returncode == 1, r.stderr
    with open(out / "summary.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert _rel(root, {row["file"] for row in rows}) == KEPT


def test_check_of_an_explicitly_named_excluded_file_checks_it(tmp_path):
    root = _folder(tmp_path)
    r = cli("check", str(root / "about.md"), str(root / "drafts" / "b.txt"), "-f", "json")
    assert r.returncode == 1, r.stderr
    found = json.loads(r.stdout)
    assert _rel(root, {f["path"] for f in found}) == {"about.md", "drafts/b.txt"}


@pytest.mark.parametrize(("body", "key"), [
    ('exclude = "about.md"\n', "exclude"),
    ('exclude = ["about.md", 1]\n', "exclude[1]"),
])
def test_bad_exclude_is_one_line_and_exit_2(tmp_path, body, key):
    root = _folder(tmp_path, config=body)
    for args in (("check",), ("claims",), ("scan", "--out", str(tmp_path / "out"))):
        r = cli(args[0], str(root), *args[1:])
        command = args[0]
        assert r.returncode == 2 and key in _one_line(r), (command, r.stderr)


def test_notes_are_left_out_by_default(tmp_path):
    """A folder without a configuration: README*, NOTES, a bare 说明.md are notes, not reports (corpora/sample's
    README.md got an F601 as a report); a report whose name says 说明 stays; named explicitly, a note is checked."""
    root = tmp_path / "reports"
    root.mkdir()
    for name in ("a.txt", "README.md", "readme.txt", "README.zh.md", "NOTES.md", "说明.md", "部门决算说明.txt",
                 "notebook.txt"):
        (root / name).write_text(REPORT, encoding="utf-8")
    files, problems = discover([str(root)], ConfigResolver(None, {}).excluded)
    assert (_rel(root, files), problems) == ({"a.txt", "部门决算说明.txt", "notebook.txt"}, [])
    files, _ = discover([str(root / "README.md")], ConfigResolver(None, {}).excluded)
    assert _rel(root, files) == {"README.md"}
    only = tmp_path / "notes"
    only.mkdir()
    (only / "README.md").write_text(NOTE, encoding="utf-8")
    files, problems = discover([str(only)], ConfigResolver(None, {}).excluded)
    assert files == [] and len(problems) == 1 and "exclude" in problems[0]
