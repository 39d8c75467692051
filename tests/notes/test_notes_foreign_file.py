"""Another program's SQLite file at the notes path is recognised, kept aside untouched and
replaced by a new notes file; an old brief-tui file keeps working."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from notes_builders import document, passage_ids
from test_notes_store import make_v1_database

from brief_tui.notes import NoteStore, make_anchor
from brief_tui.notes import migrations as notes_migrations
from brief_tui.notes import opening as notes_opening

DOC = document("Aid should be tied to anti-corruption benchmarks and independent monitoring.")
ANCHOR = make_anchor(DOC, passage_ids(DOC)[0], 0, 3)


def one_sentence(message: str) -> bool:
    return message.endswith(".") and ". " not in message and "\n" not in message


def pragma(path: Path, name: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        raw.close()


def foreign(path: Path, script: str) -> bytes:
    raw = sqlite3.connect(path)
    raw.executescript(script)
    raw.close()
    return path.read_bytes()


RECIPES = (
    "CREATE TABLE recipes (name TEXT, steps TEXT); INSERT INTO recipes VALUES ('soup', 'boil');"
)
FOREIGN_FILES = {
    "version 0 with its own tables": RECIPES,
    "version 3 with its own tables": RECIPES + "PRAGMA user_version = 3;",
    "our table names, another application id": (
        "CREATE TABLE highlights (id TEXT); CREATE TABLE bookmarks (id TEXT);"
        "CREATE TABLE positions (document TEXT); PRAGMA user_version = 1;"
        "PRAGMA application_id = 1234;"
    ),
    "our table names, missing columns": (
        "CREATE TABLE highlights (id TEXT, note TEXT); CREATE TABLE bookmarks (id TEXT);"
        "CREATE TABLE positions (document TEXT); PRAGMA user_version = 1;"
    ),
    "only a view": "CREATE VIEW v AS SELECT 1;",
}


@pytest.mark.parametrize("script", FOREIGN_FILES.values(), ids=FOREIGN_FILES.keys())
def test_a_foreign_database_is_kept_aside_and_a_new_store_works(
    tmp_path: Path, script: str
) -> None:
    path = tmp_path / "notes.sqlite3"
    original = foreign(path, script)
    with NoteStore.open(path) as store:
        [kept] = tmp_path.glob("notes.sqlite3.foreign-*")
        assert not store.read_only
        assert store.warning and one_sentence(store.warning), store.warning
        assert str(kept) in store.warning and "another program" in store.warning
        assert kept.read_bytes() == original
        added = store.add_highlight(ANCHOR, note="mine")
        assert [h.id for h in store.highlights()] == [added.id]
    assert pragma(path, "user_version") == notes_migrations.current_version()
    assert pragma(path, "application_id") == notes_migrations.APPLICATION_ID


def test_an_old_brief_tui_file_without_an_application_id_keeps_working(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    make_v1_database(path)
    assert pragma(path, "application_id") == 0
    with NoteStore.open(path) as store:
        assert (store.read_only, store.warning) == (False, None)
        assert [h.note for h in store.highlights()] == ["old note"]
    assert not list(tmp_path.glob("*foreign*"))
    assert pragma(path, "application_id") == notes_migrations.APPLICATION_ID


def test_a_new_file_and_an_empty_database_are_ours(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    with NoteStore.open(fresh) as store:
        assert store.warning is None
    assert pragma(fresh, "application_id") == notes_migrations.APPLICATION_ID
    empty = tmp_path / "empty.sqlite3"
    foreign(empty, "PRAGMA user_version = 0;")
    with NoteStore.open(empty) as store:
        assert store.warning is None
    with NoteStore.open(fresh) as store:  # and opening again changes nothing
        assert store.warning is None
    assert not list(tmp_path.glob("*foreign*"))


def test_a_foreign_file_in_a_read_only_folder_is_left_alone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.sqlite3"
    original = foreign(path, RECIPES + "PRAGMA user_version = 2;")
    monkeypatch.setattr(notes_opening.os, "access", lambda *_args, **_kw: False)
    with NoteStore.open(path) as store:
        assert store.read_only and store.highlights() == []
        assert store.warning and one_sentence(store.warning)
        assert "another program" in store.warning
    assert path.read_bytes() == original
    assert not list(tmp_path.glob("*foreign*"))
