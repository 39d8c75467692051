"""Highlights, notes, bookmarks and reading positions, driven from the keyboard."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text, settle
from textual.widgets import Input, TextArea

from brief_tui.notes.store import NoteStore
from brief_tui.reading import sentence_spans
from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.library import LibraryScreen
from brief_tui.tui.screens.note_dialogs import BookmarkList, LabelPicker
from brief_tui.tui.screens.note_editor import NoteEditor
from brief_tui.tui.screens.notes import NotesScreen

DOC = "wola-central-america-trips"


def store(data: Path) -> NoteStore:
    return NoteStore.open(data / "notes.sqlite3")


async def open_doc(pilot) -> BriefingScreen:
    pilot.app.open_briefing(DOC)
    await settle(pilot)
    return pilot.app.screen


async def test_h_highlights_the_passage_with_a_label(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("j", "h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LabelPicker)
        await pilot.press("2")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "▍ question" in screen_text(pilot.app)
    [saved] = store(isolated_data_dir).highlights()
    passage = screen.plan.passages[1][1]
    assert (saved.label, saved.anchor.passage, saved.anchor.quote) == (
        "question",
        passage.id,
        passage.text,
    )


async def test_v_selects_sentences_and_highlights_part_of_a_passage(
    make_app, isolated_data_dir
) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        # Walk down to the first passage of three sentences or more, as a reader would.
        target = next(
            i for i, (_, p) in enumerate(screen.plan.passages) if len(sentence_spans(p.text)) >= 3
        )
        await pilot.press(*["j"] * target)
        await settle(pilot)
        passage = screen.plan.passages[screen.view.cursor][1]
        await pilot.press("v")
        await settle(pilot)
        assert screen.selecting
        await pilot.press("j", "j", "k")  # two sentences
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LabelPicker)
        await pilot.press("enter")
        await settle(pilot)
        assert not screen.selecting
    [saved] = store(isolated_data_dir).highlights()
    assert saved.anchor.passage == passage.id
    assert 0 == saved.anchor.start < saved.anchor.end < len(passage.text)
    assert passage.text.startswith(saved.anchor.quote)
    assert saved.anchor.quote.count(". ") == 1


async def test_escape_cancels_a_selection_without_leaving(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("v", "escape")
        await settle(pilot)
        assert not screen.selecting and pilot.app.screen is screen
    assert store(isolated_data_dir).highlights() == []


async def test_a_annotates_and_the_note_can_be_edited(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        await open_doc(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(pilot.app.screen, NoteEditor)
        assert isinstance(pilot.app.focused, TextArea)
        await pilot.press(*"Compare with **WOLA**", "ctrl+s")
        await settle(pilot)
        assert "✎ key finding" in screen_text(pilot.app)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("end", *" later", "ctrl+s")
        await settle(pilot)
    [saved] = store(isolated_data_dir).highlights()
    assert saved.note == "Compare with **WOLA** later"


async def test_escape_with_changes_asks_before_discarding(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("a", *"draft", "escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, NoteEditor)  # warned, still open
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is screen
    assert store(isolated_data_dir).highlights()[0].note == ""


async def test_bookmarks_across_briefings_and_jump(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("j", "j", "M")  # M: a bookmark with a name (m then a letter: a mark)
        await settle(pilot)
        await pilot.press(*"trip list", "enter")
        await settle(pilot)
        target = screen.plan.passages[2][1].id
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LibraryScreen)
        await pilot.press("apostrophe")  # in the library, ' lists bookmarks at once
        await settle(pilot)
        assert isinstance(pilot.app.screen, BookmarkList)
        assert "trip list" in screen_text(pilot.app)
        await pilot.press("enter")
        await settle(pilot)
        opened = pilot.app.screen
        assert isinstance(opened, BriefingScreen)
        assert opened.plan.passages[opened.view.cursor][1].id == target


async def test_notes_panel_lists_edits_deletes_and_undoes(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("h", "1", "j", "h", "3")
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, NotesScreen)
        text = screen_text(pilot.app)
        assert "2 in all" in text and "Central America Trips" in text and "disagree" in text
        await pilot.press("p")
        await settle(pilot)
        assert "grouped by pillar" in screen_text(pilot.app)
        await pilot.press("d")
        await settle(pilot)
        assert "1 in all" in screen_text(pilot.app)
        await pilot.press("u")
        await settle(pilot)
        assert "2 in all" in screen_text(pilot.app)
        await pilot.press("f", *"disagree")
        await settle(pilot)
        assert isinstance(pilot.app.focused, Input)
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefingScreen)
        assert pilot.app.screen.view.cursor == 1
    assert len(store(isolated_data_dir).highlights()) == 2
    del screen


async def test_reading_position_is_restored_and_shown_in_the_library(
    make_app, isolated_data_dir
) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        await pilot.press("G")
        await settle(pilot)
        last = screen.view.cursor
        await pilot.press("escape")
        await settle(pilot)
        await settle(pilot)
        assert "read to 100%" in screen_text(pilot.app)
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        assert screen.view.cursor == last


async def test_a_damaged_note_store_is_kept_aside_and_reading_works(
    make_app, isolated_data_dir
) -> None:
    isolated_data_dir.mkdir(parents=True)
    (isolated_data_dir / "notes.sqlite3").write_bytes(b"this is not a database" * 100)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("notes.sqlite3" in m for m in messages), messages
        screen = await open_doc(pilot)
        await pilot.press("h", "1")
        await settle(pilot)
    kept = list(isolated_data_dir.glob("notes.sqlite3.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database" * 100
    assert len(store(isolated_data_dir).highlights()) == 1
    del screen


async def test_grouping_by_pillar_lists_a_multi_pillar_highlight_under_each(make_app) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        target = next(i for i, (_, p) in enumerate(screen.plan.passages) if len(p.pillars) >= 2)
        await pilot.press(*["j"] * target, "h", "1", "H", "p")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, NotesScreen) and panel.by_pillar
        passage = screen.plan.passages[target][1]
        text = screen_text(pilot.app)
        for pillar in passage.pillars:
            assert (f"Pillar {pillar}:" if pillar != "P" else "Protection (P):") in text
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefingScreen)


async def test_another_programs_database_is_kept_aside_and_said_so(
    make_app, isolated_data_dir
) -> None:
    import sqlite3

    isolated_data_dir.mkdir(parents=True)
    path = isolated_data_dir / "notes.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.executescript("CREATE TABLE recipes (name TEXT); PRAGMA user_version = 4;")
    original = path.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        [kept] = isolated_data_dir.glob("notes.sqlite3.foreign-*")
        messages = [n.message for n in app._notifications]
        assert any(str(kept) in m and "another program" in m for m in messages), messages
        await open_doc(pilot)
        await pilot.press("h", "1")
        await settle(pilot)
        await app.workers.wait_for_complete()
    assert kept.read_bytes() == original
    assert len(store(isolated_data_dir).highlights()) == 1


async def test_words_selected_with_the_mouse_are_what_h_highlights(
    make_app, isolated_data_dir
) -> None:
    """Dragging across a passage selects words on screen; h highlights just those words."""
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_doc(pilot)
        target = next(
            i
            for i, (_, p) in enumerate(screen.plan.passages)
            if i and p.kind == "paragraph" and not p.marker
        )
        await pilot.press(*["j"] * target)
        await settle(pilot)
        passage = screen.plan.passages[screen.view.cursor][1]
        lines = screen.view.lines
        # From the start of the text's second word to the end of its fourth, first line.
        y = lines.region.y + dict(lines.passage_tops())[screen.view.cursor]
        words = passage.text.split(" ")
        left = lines.region.x + 2  # the text starts after the edge and a space
        start = left + len(words[0]) + 1
        end = start + len(" ".join(words[1:4])) - 1  # the last cell selected
        await pilot.mouse_down(offset=(start, y))
        await pilot.hover(offset=(end, y))
        await pilot.mouse_up(offset=(end, y))
        await settle(pilot)
        assert screen.screen.get_selected_text() == " ".join(words[1:4])
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LabelPicker)
        await pilot.press("enter")
        await settle(pilot)
    [saved] = store(isolated_data_dir).highlights()
    assert saved.anchor.passage == passage.id
    assert saved.anchor.quote == " ".join(words[1:4])
