"""Highlighting the same words again changes their label or nothing; never a second copy."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text, settle
from textual.widgets import OptionList, TextArea

from brief_tui.cli import main
from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.compare import CompareScreen
from brief_tui.tui.screens.note_dialogs import LabelPicker
from brief_tui.tui.screens.note_editor import NoteEditor
from brief_tui.tui.screens.notes import NotesScreen

DOC = "wola-central-america-trips"


def highlights(data: Path):
    with NoteStore.open(data / "notes.sqlite3") as store:
        return store.highlights()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_h_on_a_highlighted_passage_changes_its_label(make_app, isolated_data_dir) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "h", "2")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, LabelPicker)
        assert picker.query_one(OptionList).highlighted == 1  # the current label, question
        assert "Now question: change to" in screen_text(app)
        await pilot.press("3")
        await settle(pilot)
        assert "Label changed from question to disagree." in messages(app)
        await pilot.press("h", "enter")  # Enter keeps the preselected label
        await settle(pilot)
        assert "Already highlighted as disagree; nothing changed." in messages(app)
    [only] = highlights(isolated_data_dir)
    assert only.label == "disagree"


async def test_h_and_a_twice_in_the_compare_pane_keep_one_highlight(
    make_app, isolated_data_dir, tmp_path: Path, capsys
) -> None:
    app = make_app(open_document="coalition-root-causes-statement")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4", "c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("h", "1")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"First thought", "ctrl+s")
        await settle(pilot)
        await pilot.press("a")  # edits the same note
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "First thought"
        await pilot.press(*", then more", "ctrl+s")
        await settle(pilot)
    [only] = highlights(isolated_data_dir)
    assert (only.label, only.note) == ("key finding", "First thought, then more")
    capsys.readouterr()
    assert main(["export"]) == 0
    exported = capsys.readouterr().out
    assert exported.count("First thought, then more") == 1
    assert exported.count("- > ") == 1  # one quote, not three


async def test_l_in_the_notes_panel_changes_a_label(make_app, isolated_data_dir) -> None:
    app = make_app(open_document=DOC)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h", "1", "H")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LabelPicker)
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("4")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        assert "evidence" in screen_text(app)
    [only] = highlights(isolated_data_dir)
    assert only.label == "evidence"
