"""--level and unit_level: Chinese level names, and W502 naming where the level came from (NEWCOMER6 9)."""

import pytest

from reportlint.checkcmd import run_check
from reportlint.config import parse_level

NL = "某单位部门整体支出绩效自评报告\n\n一、部门基本情况\n2024年全区共完成任务8项。全县新增2项。\n"


@pytest.mark.parametrize(("given", "level"), [
    ("county", "county"), ("县", "county"), ("县级", "county"), ("区", "district"), ("区级", "district"),
    ("市", "city"), ("省级", "province"), ("镇", "town"), ("乡", "township"), ("街道", "subdistrict"),
    ("District", "district"), ("村", None), ("", None)])
def test_parse_level_takes_english_and_chinese(given, level):
    assert parse_level(given) == level


def test_level_option_in_chinese_and_w502_names_the_option_as_the_source(tmp_path, capsys):
    f = tmp_path / "nl.txt"
    f.write_text(NL, encoding="utf-8")
    for given in ("county", "县"):
        assert run_check([str(f)], "text", ["W502"], None, None, given, None, None, quiet=True, color="never") == 1
        out = capsys.readouterr().out
        assert "范围用语“全区”与单位层级不符：本单位为县级（依据命令行或配置），疑似套用其他单位的文本" in out
        assert "按全文用语判断" not in out
    assert run_check([str(f)], "text", ["W502"], None, None, "区级", None, None, quiet=True, color="never") == 1
    assert "“全县”与单位层级不符：本单位为区级（依据命令行或配置）" in capsys.readouterr().out
    from reportlint.errors import UsageError

    with pytest.raises(UsageError, match=r"province/省.*subdistrict/街道 之一（现为 村）"):
        run_check([str(f)], "text", None, None, None, "村", None, None)


def test_unit_level_in_the_configuration_in_chinese(tmp_path, capsys):
    f = tmp_path / "nl.txt"
    f.write_text(NL, encoding="utf-8")
    cfg = tmp_path / "reportlint.toml"
    cfg.write_text('unit_level = "县"\n', encoding="utf-8")
    assert run_check([str(f)], "text", ["W502"], None, None, None, None, cfg, quiet=True, color="never") == 1
    assert "本单位为县级（依据命令行或配置）" in capsys.readouterr().out
