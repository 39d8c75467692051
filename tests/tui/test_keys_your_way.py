"""Keys as less and vim users type them, and keys the user chose in keymap.toml."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.tui.conftest import COUNT_WAIT, screen_text

from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.dialogs import HelpScreen
from brief_tui.tui.screens.note_dialogs import BookmarkList
from brief_tui.tui.screens.search import SearchScreen
from brief_tui.tui.widgets.library_list import LibraryList

WOLA = "wola-central-america-trips"


async def open_briefing(pilot, doc_id: str = WOLA) -> BriefingScreen:
    pilot.app.open_briefing(doc_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, BriefingScreen)
    return pilot.app.screen


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.fixture
def keymap(monkeypatch, tmp_path: Path):
    def write(text: str) -> Path:
        config = tmp_path / "my-config"
        config.mkdir(exist_ok=True)
        (config / "keymap.toml").write_text(text, encoding="utf-8")
        monkeypatch.setenv("BRIEF_TUI_CONFIG_DIR", str(config))
        return config / "keymap.toml"

    return write


async def test_a_remapped_key_moves_and_shows_in_help_and_footer(make_app, keymap) -> None:
    keymap('"next-passage" = "x"\n"outline" = "o"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("x", "x")
        assert screen.view.cursor == 2
        await pilot.press("j")  # j is no longer bound to it
        assert screen.view.cursor == 2
        footer = screen_text(app).splitlines()[-1]
        assert "o outline" in footer and "t outline" not in footer
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = [str(s.render()) for s in app.screen.query(".label")]
        whats = [str(s.render()) for s in app.screen.query(".what")]
        assert rows[whats.index("next passage (5j: five)")] == "x"


async def test_a_bad_keymap_entry_is_one_line_and_the_rest_applies(make_app, keymap) -> None:
    path = keymap('"next-passage" = "x"\n"not-a-binding" = "z"\n')
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("x")
        assert screen.view.cursor == 1
        problems = [m for m in messages(app) if str(path) in m]
        assert len(problems) == 1 and "“not-a-binding” is not a binding id" in problems[0]


async def test_counts_repeat_motions_and_a_lone_digit_filters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("5", "j")
        assert screen.view.cursor == 5
        await pilot.press("1", "2", "G")
        assert screen.view.cursor == 11
        await pilot.press("g")
        assert screen.view.cursor == 0
        await pilot.press("3", "right_square_bracket")
        assert screen.plan.section_index(screen.view.cursor) == 3
        await pilot.press("2")
        assert screen.plan.pillar is None  # waits a moment for a motion
        assert "count 2" in screen_text(app)
        await pilot.pause(COUNT_WAIT)
        assert screen.plan.pillar == "II"
        await pilot.press("0", "4", "c")  # a digit then another key: the digit acts first
        await pilot.pause()
        assert app.screen.pillar == "IV"  # the compare pane, on the filtered pillar


async def test_half_pages_and_pages(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("ctrl+d")
        half = screen.view.cursor
        await pilot.press("ctrl+d")
        assert 0 < half < screen.view.cursor
        await pilot.press("ctrl+u")
        assert screen.view.cursor < 2 * half
        await pilot.press("g", "ctrl+f")
        page = screen.view.cursor
        assert page >= half
        await pilot.press("ctrl+b")
        assert screen.view.cursor < page


async def test_marks_within_a_briefing_and_across_the_library(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("4", "j", "m", "a", "6", "j", "m", "B")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("G", "apostrophe", "a")
        await pilot.pause()
        assert screen.view.cursor == 4
        await pilot.press("escape")  # back to the library, then another briefing
        await pilot.pause()
        other = await open_briefing(pilot, "coalition-root-causes-statement")
        await pilot.press("apostrophe", "a")  # a-z belong to their briefing
        await pilot.pause()
        assert app.screen is other and "No mark a here yet" in " ".join(messages(app))
        await pilot.press("apostrophe", "B")  # A-Z go anywhere
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.document.id == WOLA
        assert app.screen.view.cursor == 10
        await pilot.press("apostrophe", "apostrophe")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkList)
        text = screen_text(app)
        assert "'a" in text and "'B" in text


async def test_slash_in_a_briefing_searches_it_and_n_says_when_it_wraps(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_briefing(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.scoped
        assert "Search in “Central America Trips" in screen_text(app)
        await pilot.press(*"task force")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        briefing = app.screen
        assert isinstance(briefing, BriefingScreen) and len(briefing.hits) >= 2
        for _ in range(len(briefing.hits)):
            await pilot.press("n")
        await pilot.pause()
        assert any("wrapped around to the first hit" in m for m in messages(app))


async def test_lists_take_counts_and_half_pages(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(LibraryList)
        await pilot.press("3", "j")
        assert listing.highlighted == 3
        await pilot.press("g", "ctrl+d")
        assert listing.highlighted > 0
        await pilot.press("ctrl+u")
        assert listing.highlighted == 0
