"""Text in notes is cleaned where it enters: a backup, the store's own file (which another
program may have written), and so every screen and export that shows it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from notes_builders import document, library, passage_ids

from brief_tui.notes import NoteStore, make_anchor
from brief_tui.notes.backup import export_json, import_backup, read_backup

TITLE = "\x1b]0;PWNED\x07"  # retitles the terminal
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: writes the clipboard
WIPE = "\x1b[2J"  # clears the screen
FLIP = "\u202e"  # an unclosed right-to-left override
HOSTILE = (TITLE, CLIPBOARD, WIPE, FLIP, "\x9b2J", "\x00", "\u2066")

TEXT = "Aid should be tied to anti-corruption benchmarks and independent monitoring."
DOC = document("The crisis begins in communities.", TEXT)
PASSAGE = passage_ids(DOC)[1]


def assert_clean(value: object) -> None:
    """Nothing in `value`, however deep, can drive a terminal."""
    text = json.dumps(value, ensure_ascii=False, default=repr)
    for bad in HOSTILE:
        assert bad not in text, (bad, text)
    assert "PWNED" not in text and "\\u001b" not in text and "\\u0000" not in text


def hostile_backup() -> dict:
    anchor = make_anchor(DOC, PASSAGE, 0, 3)
    with NoteStore.open(Path(":memory:")) as store:
        highlight = store.add_highlight(anchor, "question", "x")
        bookmark = store.add_bookmark(anchor, "x")
        store.set_position(anchor)
        data = json.loads(
            export_json(
                [highlight], [bookmark], store.positions().values(), exported_at=datetime.now(UTC)
            )
        )
    h, b = data["highlights"][0], data["bookmarks"][0]
    h["note"] = f"Ask WOLA{TITLE} for{CLIPBOARD} the source{WIPE}.\nSecond line {FLIP}reversed"
    h["label"] = f"question{WIPE}"
    h["anchor"]["quote"] = f"Aid{FLIP}"
    h["anchor"]["suffix"] = f" should{TITLE}"
    b["name"] = f"trips{TITLE} list\u2066"
    b["anchor"]["document"] = f"doc{WIPE}"
    data["positions"][0]["anchor"]["prefix"] = f"\x00{CLIPBOARD}"
    return data


def test_a_backup_is_cleaned_as_it_is_read() -> None:
    backup = read_backup(json.dumps(hostile_backup()))
    assert_clean([backup.highlights, backup.bookmarks, backup.positions])
    [highlight] = backup.highlights
    assert highlight.note == "Ask WOLA for the source.\nSecond line reversed"
    assert (highlight.label, highlight.anchor.quote) == ("question", "Aid")
    assert highlight.anchor.suffix == " should"
    assert backup.bookmarks[0].name == "trips list"
    assert backup.bookmarks[0].anchor.document == "doc"


def test_an_imported_hostile_backup_is_stored_clean(tmp_path: Path) -> None:
    backup = read_backup(json.dumps(hostile_backup()))
    with NoteStore.open(tmp_path / "notes.sqlite3") as store:
        import_backup(store, backup, library(DOC))
    with sqlite3.connect(tmp_path / "notes.sqlite3") as raw:
        stored = [raw.execute(f"SELECT * FROM {t}").fetchall() for t in ("highlights", "bookmarks")]
    assert_clean(stored)
    assert stored[0][0][3] == PASSAGE


def write_hostile_rows(path: Path) -> None:
    """What another program could leave in the notes file."""
    with NoteStore.open(path) as store:
        anchor = make_anchor(DOC, PASSAGE, 0, 3)
        store.add_highlight(anchor, "question", "plain")
        store.add_bookmark(anchor, "plain")
        store.set_position(anchor)
    with sqlite3.connect(path) as raw:
        raw.execute(
            "UPDATE highlights SET note = ?, label = ?, quote = ?, prefix = ?, id = ?",
            (f"note{TITLE}\nline{CLIPBOARD}", f"disagree{WIPE}", f"Aid{FLIP}", "\x9b2J", "h\x00"),
        )
        raw.execute("UPDATE bookmarks SET name = ?, suffix = ?", (f"name{TITLE}", f"s{FLIP}"))
        raw.execute("UPDATE positions SET quote = ?, updated = ?", (f"q{WIPE}", f"2026{TITLE}"))


def test_rows_another_program_wrote_are_cleaned_when_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    write_hostile_rows(path)
    with NoteStore.open(path) as store:
        highlights, bookmarks = store.highlights(), store.bookmarks()
        positions = store.positions()
        assert_clean([highlights, bookmarks, list(positions.values())])
        assert (highlights[0].note, highlights[0].label) == ("note\nline", "disagree")
        assert highlights[0].anchor.quote == "Aid"
        assert bookmarks[0].name == "name"
        assert store.position(DOC.id) == positions[DOC.id]
        assert_clean(store.position(DOC.id))


def test_the_exports_of_a_hostile_store_are_clean(tmp_path: Path) -> None:
    from brief_tui.export import export_markdown

    path = tmp_path / "notes.sqlite3"
    write_hostile_rows(path)
    with NoteStore.open(path) as store:
        highlights, bookmarks = store.highlights(), store.bookmarks()
        positions = list(store.positions().values())
    now = datetime.now(UTC)
    markdown = export_markdown(library(DOC), highlights, bookmarks, title="t", exported_at=now)
    backup = export_json(highlights, bookmarks, positions, exported_at=now)
    for text in (markdown, backup):
        assert_clean(text)
        assert "\x1b" not in text and FLIP not in text


def test_clean_notes_are_returned_as_they_are(tmp_path: Path) -> None:
    """The common case: nothing to clean, and nothing changed (newlines included)."""
    with NoteStore.open(tmp_path / "notes.sqlite3") as store:
        anchor = make_anchor(DOC, PASSAGE, 0, 3)
        added = store.add_highlight(anchor, "evidence", "Two lines:\n  both kept — “quoted”.")
        assert store.highlights() == [added]
