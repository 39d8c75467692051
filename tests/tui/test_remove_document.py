"""Removing a document you added from the library screen: it asks first and keeps the notes."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text

from brief_tui import locations
from brief_tui.cli import load_all
from brief_tui.corpus.user_library import add_source
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.dialogs import ConfirmScreen
from brief_tui.tui.screens.library import LibraryScreen

MEMO = "Justice Before Walls\n\nJustice Team\n\nThe United States should restore asylum.\n"


def add_memo(tmp_path: Path, data: Path) -> str:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    added = add_source(
        memo, locations.library_dir(data), locations.library_sources_dir(data), load_all(data)
    )
    doc = added.document
    _, passage = next(iter(doc.passages()))
    with NoteStore.open(data / "notes.sqlite3") as store:
        store.add_highlight(make_anchor(doc, passage.id, 0, 5), note="mine")
    return doc.id


async def test_x_asks_then_removes_the_document_and_keeps_its_note(
    make_app, tmp_path: Path, isolated_data_dir: Path
) -> None:
    add_memo(tmp_path, isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Justice Before Walls" in screen_text(app)
        await pilot.press("end")  # the user's document is listed last
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Its 1 note will be kept," in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert "Justice Before Walls" in screen_text(app)

        await pilot.press("x", "y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Justice Before Walls" not in text.split("Removed")[0]
        assert "5 briefings" in text
        assert app.library.document("justice-before-walls") is None
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        [highlight] = store.highlights()
    assert highlight.note == "mine" and highlight.status == "orphaned"


async def test_x_on_a_bundled_briefing_says_it_cannot_be_removed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        messages = [n.message for n in app._notifications]
        assert any("is a bundled briefing" in m for m in messages), messages
        assert len(app.library.documents) == 5
