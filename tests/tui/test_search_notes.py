"""`/` finds the user's own highlights, notes and bookmark names, shown as theirs, and `n:`
finds only those; choosing one opens the briefing at its passage."""

from __future__ import annotations

from tests.tui.conftest import screen_text, settle
from textual.widgets import Input

from brief_tui import locations
from brief_tui.corpus.library import load_library
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.briefing import BriefingScreen

DOC = "wola-central-america-trips"


def write_notes(data) -> str:
    library = load_library((locations.content_dir(), "bundled"))
    doc = library.document(DOC)
    assert doc is not None
    _, passage = list(doc.passages())[3]
    with NoteStore.open(data / "notes.sqlite3") as store:
        store.mark(make_anchor(doc, passage.id, 0, 20), note="Ask the zebrafinch desk about this")
        store.add_bookmark(make_anchor(doc, passage.id, 0, 10), name="quokka follow-up")
    return passage.id


async def type_query(pilot, text: str) -> str:
    await pilot.press("slash")
    await settle(pilot)
    pilot.app.screen.query_one(Input).value = text
    await settle(pilot)
    return screen_text(pilot.app)


async def test_slash_finds_a_note_and_opens_it_in_context(make_app, isolated_data_dir) -> None:
    passage = write_notes(isolated_data_dir)
    async with make_app().run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = await type_query(pilot, "zebrafinch")
        assert "Your note:" in shown and "zebrafinch desk" in shown
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BriefingScreen) and screen.document.id == DOC
        assert screen.plan.passages[screen.view.cursor][1].id == passage


async def test_bookmark_names_are_found_and_n_keeps_only_notes(make_app, isolated_data_dir) -> None:
    write_notes(isolated_data_dir)
    async with make_app().run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = await type_query(pilot, "quokka")
        assert "Your bookmark:" in shown and "quokka follow-up" in shown
        pilot.app.screen.query_one(Input).value = "n: asylum"
        await settle(pilot)
        shown = screen_text(pilot.app)
        assert "No results" in shown  # the notes do not say asylum, though briefings do
        pilot.app.screen.query_one(Input).value = "n: desk"
        await settle(pilot)
        shown = screen_text(pilot.app)
        assert "Your note:" in shown and "Briefing:" not in shown and "1 result" in shown


async def test_marks_and_unnamed_bookmarks_do_not_stand_in_for_their_passage(
    make_app, isolated_data_dir
) -> None:
    library = load_library((locations.content_dir(), "bundled"))
    doc = library.document(DOC)
    assert doc is not None
    _, passage = next((s, p) for s, p in doc.passages() if "task force" in p.text.lower())
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.set_mark(make_anchor(doc, passage.id, 0, len(passage.text)), "q")
        store.add_bookmark(make_anchor(doc, passage.id, 0, len(passage.text)))
    async with make_app().run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = await type_query(pilot, "task force")
        assert "Your bookmark" not in shown and "Your highlight" not in shown


async def test_d_narrows_notes_to_the_briefings_it_names(make_app, isolated_data_dir) -> None:
    write_notes(isolated_data_dir)
    async with make_app().run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = await type_query(pilot, "d:trips zebrafinch")
        assert "Your note:" in shown and "zebrafinch desk" in shown  # the note's briefing
        pilot.app.screen.query_one(Input).value = "d:strategy zebrafinch"
        await settle(pilot)
        assert "Your note:" not in screen_text(pilot.app)  # another briefing: not its note
