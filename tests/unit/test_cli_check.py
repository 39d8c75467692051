"""`brief-tui check`: says what it checked, finds what the reader would trip over, and where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brief_tui import locations
from brief_tui.cli import main

TRIPS = "wola-central-america-trips.toml"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(locations.content_dir(), copy)
    return copy


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_a_folder_without_content_files_is_not_a_pass(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a content file", encoding="utf-8")
    code, out, err = run(capsys, "check", str(empty))
    assert code != 0
    assert err == f"brief-tui: no content files (*.toml) in {empty}, so nothing was checked.\n"
    assert "problem" not in out


def test_the_summary_counts_files_documents_and_problems_honestly(capsys, content: Path) -> None:
    code, out, err = run(capsys, "check", str(content))
    assert (code, err) == (0, "")
    assert (
        out
        == "checked 6 files (5 content files and curation.toml): 5 documents loaded, no problems.\n"
    )
    victim = content / TRIPS
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace('kind = "item"', 'kind = "table"', 1), encoding="utf-8")
    (content / "broken.toml").write_text("format = [", encoding="utf-8")
    code, out, err = run(capsys, "check", str(content))
    assert code == 1 and err.count("\n") == 2
    assert out == (
        "checked 7 files (6 content files and curation.toml): 4 documents loaded, 2 problems in 2 files.\n"
    )


def test_two_files_with_one_document_id_are_a_problem_naming_both(capsys, content: Path) -> None:
    shutil.copy(content / TRIPS, content / "zz-copy-of-trips.toml")
    code, out, err = run(capsys, "check", str(content))
    assert code == 1
    assert err == (
        f"error: {content / 'zz-copy-of-trips.toml'}:6: document id “wola-central-america-trips” "
        f"is already used by {content / TRIPS}; give one of them another id.\n"
    )
    assert "5 documents loaded, 1 problem in 1 file." in out


def test_a_users_document_reusing_a_bundled_id_is_reported(capsys, isolated_data_dir: Path) -> None:
    library = isolated_data_dir / "library"
    library.mkdir(parents=True)
    shutil.copy(locations.content_dir() / TRIPS, library / "mine.toml")
    code, _, err = run(capsys, "check")
    assert code == 1
    assert f"{library / 'mine.toml'}:6: document id “wola-central-america-trips”" in err
    assert f"is already used by {locations.content_dir() / TRIPS}" in err


def test_a_truncated_file_is_reported_at_its_last_line(capsys, content: Path) -> None:
    victim = content / TRIPS
    text = victim.read_text(encoding="utf-8")
    cut = text[: text.index("What was accomplished")]  # inside the first passage's text
    victim.write_text(cut, encoding="utf-8")
    code, _, err = run(capsys, "check", str(content))
    assert code == 1
    assert err.startswith(f"error: {victim}:{len(cut.splitlines())}: not valid TOML")


def test_a_file_cut_between_keys_points_at_the_passage(capsys, content: Path) -> None:
    victim = content / TRIPS
    text = victim.read_text(encoding="utf-8")
    cut = text[: text.index('text = "What was accomplished')]
    victim.write_text(cut, encoding="utf-8")
    header = max(n for n, line in enumerate(cut.splitlines(), 1) if line == "[[sections.passages]]")
    code, _, err = run(capsys, "check", str(content))
    assert code == 1
    assert err == f"error: {victim}:{header}: passage p-7309b585 is missing “text”.\n"


@pytest.mark.parametrize("key", ["format", "title", "kind", "organisations"])
def test_a_missing_top_level_key_gets_a_line(capsys, content: Path, key: str) -> None:
    victim = content / TRIPS
    lines = [line for line in lines_of(victim) if not line.startswith(f"{key} = ")]
    victim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    last_top_level = lines.index("[[sections]]") - 1  # 1-based: the line above the blank one
    code, _, err = run(capsys, "check", str(content))
    assert code == 1
    assert err.startswith(f"error: {victim}:{last_top_level}: ")
