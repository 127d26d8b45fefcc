"""``python -m analytics template --out FILE.xlsx`` (SPEC 2: the downloadable template)."""

from __future__ import annotations

from analytics.cli import main
from analytics.ingest import parse_file
from analytics.schema import IMPORT_ORDER


def test_template_command_writes_a_workbook_that_reimports(tmp_path, capsys):
    out = tmp_path / "sub" / "範本.xlsx"
    assert main(["template", "--out", str(out)]) == 0
    assert f"範本已寫入 {out}" in capsys.readouterr().out
    parsed = parse_file(out.name, out.read_bytes())
    assert parsed.errors == [] and sorted(parsed.tables) == sorted(IMPORT_ORDER)


def test_template_command_in_english(tmp_path, capsys):
    out = tmp_path / "template.xlsx"
    assert main(["template", "--out", str(out), "--lang", "en"]) == 0
    assert "Template written to" in capsys.readouterr().out


def test_unwritable_target_is_a_sentence_not_a_traceback(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["template", "--out", str(blocker / "t.xlsx")]) == 2
    assert "錯誤 / error:" in capsys.readouterr().err
