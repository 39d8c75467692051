"""`brief-tui add` with several sources: folders, failures, and what the user says about a source."""

from __future__ import annotations

import json
from pathlib import Path

from brief_tui.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def documents(capsys) -> dict[str, dict]:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    return {d["id"]: d for d in json.loads(out)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_is_walked_and_one_failure_does_not_stop_the_rest(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write(folder / "a.txt", "Memo One\n\nThe United States should restore asylum.\n")
    write(folder / "deeper" / "b.md", "# Memo Two\n\nWe urge Congress to fund legal pathways.\n")
    write(folder / "picture.png", "not read")
    write(folder / ".cache" / "hidden.txt", "Hidden\n\nNever added.\n")
    write(folder / "broken.txt", "\x00\x01\x02 binary")
    code, out, err = run(capsys, "add", str(folder), str(tmp_path / "missing.txt"))
    assert code == 1
    assert "4 sources: 2 added, 2 failed." in out
    assert "Skipped 1 file of kinds brief-tui does not read (picture.png)." in out
    assert "missing.txt does not exist" in err and "broken.txt" in err
    ids = documents(capsys)
    assert {"memo-one", "memo-two"} <= set(ids) and "hidden" not in ids

    code, out, _ = run(capsys, "add", str(folder / "a.txt"), str(folder / "deeper"))
    assert code == 0
    assert "2 sources: 2 unchanged." in out


def test_title_organisation_and_date_from_the_user_are_kept_on_re_adding(
    capsys, tmp_path: Path
) -> None:
    memo = write(tmp_path / "memo.txt", "untitled notes\n\nThe United States should act now.\n")
    code, out, err = run(
        capsys,
        "add",
        str(memo),
        "--title",
        "Notes on Asylum Access",
        "--org",
        "WOLA",
        "--org",
        "LAWG",
        "--date",
        "17 June 2021",
    )
    assert code == 0, err
    assert "Added “Notes on Asylum Access” as notes-asylum-access" in out
    doc = documents(capsys)["notes-asylum-access"]
    assert doc["organisations"] == ["WOLA", "LAWG"] and doc["date"] == "2021-06-17"
    write(memo, "untitled notes\n\nThe United States should act now. And Mexico too.\n")
    code, out, _ = run(capsys, "add", str(memo))
    assert code == 0 and out.startswith("Updated “Notes on Asylum Access” as notes-asylum-access")


def test_markdown_front_matter_names_the_document(capsys, tmp_path: Path) -> None:
    memo = write(
        tmp_path / "memo.md",
        '---\ntitle: "Justice Before Walls"\norganisation:\n  - Justice Team\n'
        "date: 2024-03-01\n---\n\n# Justice Before Walls\n\nWe urge Congress to act.\n",
    )
    assert run(capsys, "add", str(memo))[0] == 0
    doc = documents(capsys)["justice-before-walls"]
    assert doc["organisations"] == ["Justice Team"] and doc["date"] == "2024-03-01"
    code, out, _ = run(capsys, "passages", "--json", "--document", "justice-before-walls")
    assert [r["text"] for r in json.loads(out)] == ["We urge Congress to act."]


def test_bad_options_are_refused_before_anything_is_written(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    a = write(tmp_path / "a.txt", "A\n\nText should be here.\n")
    b = write(tmp_path / "b.txt", "B\n\nMore text should be here.\n")
    code, _, err = run(capsys, "add", str(a), str(b), "--title", "One title")
    assert code == 2 and "--title names one document" in err
    code, _, err = run(capsys, "add", str(a), "--date", "someday")
    assert code == 2 and "is not a date" in err
    code, _, err = run(capsys, "add", str(tmp_path / "empty-folder"))
    assert code == 1
    assert not (isolated_data_dir / "library").exists()
