"""Saving never freezes the reader: while another process holds the notes file's write lock,
keys keep working, and the reader is told once the save succeeds or fails."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from tests.tui.conftest import screen_text

from brief_tui.notes import opening as notes_opening
from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.notes import NotesScreen

DOC = "wola-central-america-trips"


def locked(data: Path) -> sqlite3.Connection:
    NoteStore.open(data / "notes.sqlite3").close()
    other = sqlite3.connect(data / "notes.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_keys_answer_while_a_save_waits_then_it_succeeds(
    make_app, isolated_data_dir: Path
) -> None:
    other = locked(isolated_data_dir)
    app = make_app(open_document=DOC)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BriefingScreen)
            await pilot.press("h")
            await pilot.pause()
            started = time.monotonic()
            await pilot.press("1", "j")  # the save is asked for, and the next key works
            await pilot.pause()
            assert screen.view.cursor == 1
            assert time.monotonic() - started < 1.0
            await pilot.press("H")  # reading the notes meanwhile works too
            await pilot.pause()
            assert isinstance(app.screen, NotesScreen)
            assert "No highlights yet" in screen_text(app)  # not saved yet, and not waited for
            assert not any("Highlighted" in m for m in messages(app))
            other.execute("ROLLBACK")  # the other process lets go
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Highlighted as key finding." in messages(app)
    finally:
        other.close()
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        assert len(store.highlights()) == 1


async def test_a_save_that_cannot_get_the_lock_says_so(
    make_app, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_opening, "BUSY_SECONDS", 1.0)
    other = locked(isolated_data_dir)
    app = make_app(open_document=DOC)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("h")
            await pilot.pause()
            started = time.monotonic()
            await pilot.press("2", "j")
            await pilot.pause()
            assert app.screen.view.cursor == 1
            assert time.monotonic() - started < 1.0
            await app.workers.wait_for_complete()
            await pilot.pause()
            [failure] = [m for m in messages(app) if "cannot save" in m]
            assert failure.startswith("brief-tui cannot save this highlight: ")
            assert not any("Highlighted" in m for m in messages(app))
    finally:
        other.close()
