"""The JSON backup: lossless, versioned, and merged back without duplicates."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields, replace
from pathlib import Path

import pytest
from export_builders import BOOKMARKS, EXPORTED_AT, HIGHLIGHTS, LIBRARY, STATEMENT, TRIPS, stamp

from brief_tui.corpus.model import Library
from brief_tui.export import BackupError, export_json, import_backup, read_backup
from brief_tui.notes import (
    Anchor,
    Bookmark,
    Highlight,
    NoteStore,
    Position,
    StoreError,
    make_anchor,
)
from brief_tui.notes import opening as notes_opening


def filled(path: Path, library: Library = LIBRARY) -> NoteStore:
    store = NoteStore.open(path)
    store.reanchor(library)
    for highlight in HIGHLIGHTS:
        store.restore_highlight(highlight)
    for bookmark in BOOKMARKS:
        store.restore_bookmark(bookmark)
    store.set_position(make_anchor(TRIPS, "p-0000cccc", 0, 7))
    store.set_position(make_anchor(STATEMENT, "p-0000dddd", 10, 20))
    store.reanchor(library)
    return store


def backup_of(store: NoteStore) -> str:
    return export_json(
        store.highlights(), store.bookmarks(), store.positions().values(), exported_at=EXPORTED_AT
    )


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, bookkeeping included: what "changes nothing" means."""
    with sqlite3.connect(path) as raw:
        return {
            table: sorted(raw.execute(f"SELECT * FROM {table}").fetchall())
            for table in ("highlights", "bookmarks", "positions")
        }


@pytest.fixture
def source(tmp_path: Path):
    with filled(tmp_path / "source.sqlite3") as store:
        yield store


@pytest.fixture
def target(tmp_path: Path):
    with NoteStore.open(tmp_path / "target.sqlite3") as store:
        store.reanchor(LIBRARY)
        yield store


def one_sentence(message: str) -> bool:
    return "\n" not in message and ". " not in message.rstrip(".")


def test_the_backup_keeps_every_field_of_every_record(source: NoteStore) -> None:
    data = json.loads(backup_of(source))
    assert (data["format"], data["version"], data["exported_at"]) == (
        "brief-tui-notes",
        1,
        "2026-11-22T12:05:00Z",
    )
    anchor_keys = [f.name for f in fields(Anchor)]
    for key, kind, count in (
        ("highlights", Highlight, 6),
        ("bookmarks", Bookmark, 2),
        ("positions", Position, 2),
    ):
        assert len(data[key]) == count
        for record in data[key]:
            assert list(record) == [f.name for f in fields(kind)]
            assert list(record["anchor"]) == anchor_keys
    first = next(h for h in data["highlights"] if h["id"] == HIGHLIGHTS[0].id)
    assert first["note"] == "Follow the *money*." and first["created"] == stamp(1)
    assert first["anchor"]["quote"] == "anticorruption task force"


def test_export_import_export_gives_the_same_backup(source: NoteStore, target: NoteStore) -> None:
    before = backup_of(source)
    report = import_backup(target, read_backup(before), LIBRARY)
    assert (report.highlights.added, report.bookmarks.added, report.positions.added) == (6, 2, 2)
    assert report.orphaned == 2
    assert backup_of(target) == before
    assert target.highlights() == source.highlights()
    assert target.bookmarks() == source.bookmarks()
    assert target.positions() == source.positions()


def test_importing_the_same_backup_twice_changes_nothing(
    source: NoteStore, target: NoteStore, tmp_path: Path
) -> None:
    backup = read_backup(backup_of(source))
    import_backup(target, backup, LIBRARY)
    once = rows(tmp_path / "target.sqlite3")
    report = import_backup(target, backup, LIBRARY)
    assert rows(tmp_path / "target.sqlite3") == once
    for merged, count in ((report.highlights, 6), (report.bookmarks, 2), (report.positions, 2)):
        assert (merged.added, merged.present, merged.updated) == (0, count, 0)
    assert "highlights: 0 added, 6 already there, 0 updated" in report.summary()
    assert "2 of the imported notes are orphaned" in report.summary()


def test_a_newer_copy_wins_whichever_side_it_is_on(source: NoteStore, target: NoteStore) -> None:
    older, newer = HIGHLIGHTS[0], replace(HIGHLIGHTS[0], note="Rewritten.", updated=stamp(59))
    target.restore_highlight(older)
    target.restore_highlight(replace(HIGHLIGHTS[1], note="Mine, newer.", updated=stamp(59)))
    target.restore_bookmark(replace(BOOKMARKS[0], name="My name"))
    source.restore_highlight(newer)
    report = import_backup(target, read_backup(backup_of(source)), LIBRARY)
    assert (report.highlights.added, report.highlights.present, report.highlights.updated) == (
        4,
        1,
        1,
    )
    notes = {h.id: h.note for h in target.highlights()}
    assert notes[older.id] == "Rewritten."
    assert notes[HIGHLIGHTS[1].id] == "Mine, newer."
    assert {b.id: b.name for b in target.bookmarks()}[BOOKMARKS[0].id] == "My name"
    assert len(target.highlights()) == len(HIGHLIGHTS)


def test_imported_notes_are_re_anchored_to_the_current_text(
    source: NoteStore, target: NoteStore
) -> None:
    passage = TRIPS.sections[1].passages[0]
    edited = replace(
        passage, id="p-0000c0de", text="In the Dry Corridor, drought and poverty push families out."
    )
    trips = replace(
        TRIPS, sections=(TRIPS.sections[0], replace(TRIPS.sections[1], passages=(edited,)))
    )
    library = Library((trips, STATEMENT))
    report = import_backup(target, read_backup(backup_of(source)), library)
    drought = next(h for h in target.highlights() if h.anchor.quote == "drought")
    assert (drought.status, drought.passage) == ("moved", "p-0000c0de")
    assert edited.text[drought.start : drought.end] == "drought"
    # the reading position on the edited passage ("Poverty") can no longer be found
    assert report.orphaned == 3


def test_a_read_only_store_refuses_the_import_and_keeps_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only reached by making the permission check say no, as the store's tests do
    (chmod does not stop root)."""
    path = tmp_path / "notes.sqlite3"
    filled(path).close()
    before = rows(path)
    monkeypatch.setattr(notes_opening.os, "access", lambda *_args, **_kw: False)
    extra = replace(HIGHLIGHTS[0], id="f" * 32)
    backup = read_backup(export_json([extra], [], [], exported_at=EXPORTED_AT))
    with NoteStore.open(path) as store:
        assert store.read_only
        with pytest.raises(StoreError, match="cannot save the imported notes") as raised:
            import_backup(store, backup, LIBRARY)
        assert one_sentence(str(raised.value))
    assert rows(path) == before


def valid() -> dict:
    return json.loads(export_json(HIGHLIGHTS, BOOKMARKS, [], exported_at=EXPORTED_AT))


def broken(change) -> str:
    data = valid()
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{ not json", "is not valid JSON (line 1, column 3)"),
        ("[]", "is not a brief-tui notes backup"),
        (json.dumps({"format": "something-else", "version": 1}), "is not a brief-tui notes backup"),
        (broken(lambda d: d.update(version=2)), "backup format version 2, and this brief-tui reads only version 1"),
        (broken(lambda d: d.pop("bookmarks")), "its “bookmarks” is missing or not a list"),
        (broken(lambda d: d["highlights"][2].pop("note")), "highlight 3 has no “note”"),
        (broken(lambda d: d["highlights"][0].update(start="0")), "highlight 1 has a “start” of the wrong type"),
        (broken(lambda d: d["highlights"][0].update(end=True)), "highlight 1 has a “end” of the wrong type"),
        (broken(lambda d: d["highlights"][0].update(label="urgent")), "unknown label 'urgent'"),
        (broken(lambda d: d["highlights"][0]["anchor"].update(start=-1)), "the anchor of highlight 1 has a negative “start”"),
        (broken(lambda d: d["highlights"][0].update(updated="yesterday")), "is not an ISO 8601 timestamp"),
        (broken(lambda d: d["bookmarks"].append(d["bookmarks"][0])), "lists bookmark"),
        (broken(lambda d: d["highlights"].append(7)), "highlight 7 is not an object"),
    ],
)  # fmt: skip
def test_a_bad_backup_is_one_clear_sentence(text: str, says: str) -> None:
    with pytest.raises(BackupError) as raised:
        read_backup(text)
    assert says in str(raised.value)
    assert one_sentence(str(raised.value))
