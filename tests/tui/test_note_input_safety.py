"""What a person types or pastes into the note editor or the bookmark name is cleaned before
it is kept: a pasted escape sequence must not be stored, exported or shown later."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.tui.conftest import settle
from textual.widgets import Input, TextArea

from brief_tui.tui.screens.note_dialogs import BookmarkName
from brief_tui.tui.screens.note_editor import NoteEditor

DOC = "wola-central-america-trips"
PASTED = "Line one\x1b]0;PWNED\x07 and\x1b]52;c;eA==\x07 more\x1b[2J\nline two \u202eflipped\tend"


def stored(data: Path, sql: str) -> list[tuple]:
    """What is in the file itself, not what the store shows after cleaning on reading."""
    with sqlite3.connect(data / "notes.sqlite3") as raw:
        return raw.execute(sql).fetchall()


async def test_a_pasted_note_is_stored_clean(make_app, isolated_data_dir: Path) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        app.screen.query_one(TextArea).insert(PASTED)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert stored(isolated_data_dir, "SELECT note FROM highlights") == [
        ("Line one and more\nline two flipped end",)
    ]


async def test_a_pasted_bookmark_name_is_stored_clean(make_app, isolated_data_dir: Path) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkName)
        app.screen.query_one(Input).insert_text_at_cursor("trips\x1b]0;PWNED\x07  list\u2066")
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    assert stored(isolated_data_dir, "SELECT name FROM bookmarks") == [("trips list",)]
