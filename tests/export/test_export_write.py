"""write_export: atomic, never overwrites without being told to, and says clearly why not."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from brief_tui.export import ExportError, ExportExists, write_export
from brief_tui.export import files as export_files


def one_sentence(message: str) -> bool:
    return message.endswith(".") and "\n" not in message and ". " not in message


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_utf8_and_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    assert write_export(target, "“quoted” — ok\n") == target
    assert target.read_text(encoding="utf-8") == "“quoted” — ok\n"
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    write_export(target, "x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("precious")
    with pytest.raises(ExportExists) as raised:
        write_export(target, "new")
    assert one_sentence(str(raised.value)) and str(target) in str(raised.value)
    assert target.read_text() == "precious"
    assert leftovers(tmp_path) == []


def test_force_replaces_and_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old")
    target.chmod(0o600)
    write_export(target, "new", force=True)
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_that_appears_while_writing_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.md"
    real_link = os.link

    def someone_else_was_faster(source: str, destination: Path) -> None:
        Path(destination).write_text("theirs")
        real_link(source, destination)

    monkeypatch.setattr(export_files.os, "link", someone_else_was_faster)
    with pytest.raises(ExportExists):
        write_export(target, "mine")
    assert target.read_text() == "theirs"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("missing/notes.md", "because the folder"),
        ("a-folder", "is a folder, not a file"),
    ],
)
def test_unwritable_targets_are_one_clear_sentence(tmp_path: Path, where: str, says: str) -> None:
    (tmp_path / "a-folder").mkdir()
    with pytest.raises(ExportError) as raised:
        write_export(tmp_path / where, "x")
    assert says in str(raised.value) and one_sentence(str(raised.value))


def test_a_failure_while_writing_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_files.os, "fsync", full)
    target = tmp_path / "notes.md"
    with pytest.raises(ExportError) as raised:
        write_export(target, "x")
    assert str(raised.value) == f"Cannot write {target}: no space left on device."
    assert not target.exists() and leftovers(tmp_path) == []


def test_a_folder_that_refuses_new_files_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export_files.tempfile, "mkstemp", denied)
    with pytest.raises(ExportError) as raised:
        write_export(tmp_path / "notes.md", "x")
    assert str(raised.value) == f"Cannot write {tmp_path / 'notes.md'}: permission denied."
