"""Number rules through the CLI (short-text cases live in tests/rules/<CODE>.yml)."""

from conftest import lint, run_cli


def test_score_grade_bands_from_configuration_file(tmp_path):
    text = "自评得分86分，评价等级为优。\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert run_cli("check", str(tmp_path / "r.txt"), "--select", "score-grade").returncode == 1
    (tmp_path / "reportlint.toml").write_text(
        'grade_bands = [{min = 85, grade = "优"}, {min = 75, grade = "良"}, {min = 0, grade = "差"}]\n', encoding="utf-8")
    assert run_cli("check", str(tmp_path / "r.txt"), "--select", "score-grade").returncode == 0


def test_a_decrease_is_called_a_fall_not_a_growth_rate():
    """下降 R% is judged as a fall (降幅), and a truncated rate (6.0099 % written 6.00 %) is not an error."""
    text = "部门预算说明\n\n一般公共服务支出850088.3元，同比减少54357.12元，下降{r}。\n"
    msgs = [f.message for f in lint(text.format(r="7.00%")) if f.rule == "rate-mismatch"]
    assert msgs == ["降幅与所列数字不符：54357.12元 ÷（850088.3元 + 54357.12元） = 6.01%，报告写的是7.00%，相差0.99个百分点"]
    assert [f for f in lint(text.format(r="6.00%")) if f.rule == "rate-mismatch"] == []
    assert [f for f in lint(text.format(r="6.01%")) if f.rule == "rate-mismatch"] == []
