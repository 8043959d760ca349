"""Number rules through the CLI (short-text cases live in tests/rules/<CODE>.yml)."""

from conftest import run_cli


def test_score_grade_bands_from_configuration_file(tmp_path):
    text = "自评得分86分，评价等级为优。\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert run_cli("check", str(tmp_path / "r.txt"), "--select", "score-grade").returncode == 1
    (tmp_path / "reportlint.toml").write_text(
        'grade_bands = [{min = 85, grade = "优"}, {min = 75, grade = "良"}, {min = 0, grade = "差"}]\n', encoding="utf-8")
    assert run_cli("check", str(tmp_path / "r.txt"), "--select", "score-grade").returncode == 0
