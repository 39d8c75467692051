"""A note being written is kept as a draft while typing, offered again when the editor reopens,
and removed once the note is saved or the draft discarded."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.tui.conftest import screen_text, settle
from textual.widgets import TextArea

from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.note_editor import AUTOSAVE_SECONDS, NoteEditor
from brief_tui.tui.screens.notes import NotesScreen

DOC = "wola-central-america-trips"


def stored(data: Path):
    with NoteStore.open(data / "notes.sqlite3") as store:
        return store.highlights(), store.drafts()


async def type_a_draft(pilot, words: str) -> None:
    await pilot.press("j", "a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*words)
    await asyncio.sleep(AUTOSAVE_SECONDS + 0.3)
    await settle(pilot)


async def test_typing_keeps_a_draft_and_discarding_removes_it(make_app, isolated_data_dir) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_a_draft(pilot, "Half a thought")
        assert "draft kept" in screen_text(app)
        [highlight], [draft] = stored(isolated_data_dir)
        assert (draft.highlight, draft.text, highlight.note) == (highlight.id, "Half a thought", "")
        await pilot.press("escape", "escape")  # warned, then discarded on purpose
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
    _, drafts = stored(isolated_data_dir)
    assert drafts == []


async def test_a_draft_left_open_is_offered_again_then_saved(make_app, isolated_data_dir) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_a_draft(pilot, "Ask WOLA")
        await pilot.press(*" for the source")  # typed, and not yet kept when the app closes
    [highlight], [draft] = stored(isolated_data_dir)
    assert draft.text == "Ask WOLA for the source" and highlight.note == ""

    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        said = [n.message for n in again._notifications]
        assert any("1 unsaved note draft" in m and "(H)" in m for m in said), said
        await pilot.press("H")
        await settle(pilot)
        assert isinstance(again.screen, NotesScreen)
        assert "unsaved draft of this note" in screen_text(again)
        await pilot.press("e")
        await settle(pilot)
        editor = again.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "Ask WOLA for the source"
        assert "Unsaved draft from" in screen_text(again)
        await pilot.press(*".", "ctrl+s")
        await settle(pilot)
        assert "unsaved draft" not in screen_text(again)
    [highlight], drafts = stored(isolated_data_dir)
    assert highlight.note == "Ask WOLA for the source." and drafts == []
