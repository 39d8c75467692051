"""`brief-tui add URL`: a web page into the library, kept with its address, updated in place."""

from __future__ import annotations

import json
from pathlib import Path

from brief_tui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_web_page_is_added_with_its_address_and_re_adding_it_changes_nothing(
    capsys,
    site: str,
    isolated_data_dir: Path,
) -> None:
    code, out, err = run(capsys, "add", f"{site}/page.html")
    assert code == 0, err
    assert out.startswith("Added “Asylum Access at the Border” as asylum-access-at-border")
    code, out, _ = run(capsys, "list", "--json")
    doc = next(d for d in json.loads(out) if d["id"] == "asylum-access-at-border")
    assert doc["source"] == f"{site}/page.html"
    assert doc["organisations"] == ["Border Policy Group"]
    kept = list((isolated_data_dir / "library" / "sources").iterdir())
    assert [p.suffix for p in kept] == [".html"] and "127.0.0.1" in kept[0].name
    code, out, _ = run(capsys, "add", f"{site}/page.html")
    assert code == 0 and out.startswith("Unchanged")


def test_a_failing_address_is_one_line_and_the_others_are_added(
    capsys,
    site: str,
    tmp_path: Path,
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text("Memo\n\nThe United States should restore asylum.\n", encoding="utf-8")
    code, out, err = run(capsys, "add", f"{site}/missing", str(memo), f"{site}/logo.png")
    assert code == 1
    assert "3 sources: 1 added, 2 failed." in out
    assert "answered 404 Not Found" in err and "image/png" in err
