"""Every key of the reader's keymap, pressed where a person would press it."""

from __future__ import annotations

import pytest
from tests.tui.conftest import COUNT_WAIT, screen_text

from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.dialogs import HelpScreen, OutlineScreen, WhyScreen
from brief_tui.tui.screens.library import LibraryScreen
from brief_tui.tui.screens.pillar import PillarScreen

WOLA = "wola-central-america-trips"


async def open_briefing(pilot, doc_id: str = WOLA) -> BriefingScreen:
    app = pilot.app
    app.open_briefing(doc_id)
    await pilot.pause()
    assert isinstance(app.screen, BriefingScreen)
    return app.screen


def cursor(screen: BriefingScreen) -> int:
    return screen.view.cursor


async def test_library_lists_every_briefing_and_enter_opens_one(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        assert "5 briefings" in text and "Only a Rethinking of U.S. Foreign Policy" in text
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.document.id == "wola-beyond-the-wall-root-causes"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("k", "enter")
        await pilot.pause()
        assert app.screen.document.id == "coalition-root-causes-statement"


@pytest.mark.parametrize(
    ("keys", "expected"), [(("j",), 1), (("down",), 1), (("j", "j", "k"), 1), (("j", "up"), 0)]
)
async def test_next_and_previous_passage(make_app, keys, expected) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        assert cursor(screen) == expected
        assert f"Passage {expected + 1} of {len(screen.plan)}" in screen_text(pilot.app)


@pytest.mark.parametrize("key", ["space", "pagedown"])
async def test_page_down_moves_a_screenful(make_app, key) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press(key)
        await pilot.pause()
        first_page = cursor(screen)
        assert first_page > 1
        await pilot.press(key)
        await pilot.pause()
        assert cursor(screen) > first_page


@pytest.mark.parametrize("key", ["b", "pageup"])
async def test_page_up(make_app, key) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("G")
        await pilot.pause()
        last = cursor(screen)
        await pilot.press(key)
        await pilot.pause()
        assert 0 <= cursor(screen) < last - 1


@pytest.mark.parametrize(("first_key", "last_key"), [("g", "G"), ("home", "end")])
async def test_first_and_last(make_app, first_key, last_key) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press(last_key)
        await pilot.pause()
        assert cursor(screen) == len(screen.plan) - 1
        assert "4. Ensure sustained commitment" not in screen.plan.passages[cursor(screen)][1].text
        await pilot.press(first_key)
        await pilot.pause()
        assert cursor(screen) == 0


async def test_next_and_previous_section(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        section, passage = screen.plan.passages[cursor(screen)]
        assert section.title == "Addressing root causes of migration in Central America"
        assert "section 2 of" in screen_text(pilot.app)
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.plan.passages[cursor(screen)][0].title == section.title


async def test_next_and_previous_recommendation(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        first = cursor(screen)
        assert screen.plan.passages[first][1].recommendation
        await pilot.press("right_curly_bracket", "right_curly_bracket", "left_curly_bracket")
        await pilot.pause()
        assert cursor(screen) > first
        assert screen.plan.passages[cursor(screen)][1].recommendation


async def test_outline_jumps_to_a_section(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, OutlineScreen)
        assert "Collaborating with Mexico" in screen_text(pilot.app)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert (
            screen.plan.passages[cursor(screen)][0].title
            == "Promising investments and support for anti-corruption efforts"
        )


@pytest.mark.parametrize(
    ("key", "pillar"), [("1", "I"), ("2", "II"), ("3", "III"), ("4", "IV"), ("5", "V"), ("6", "P")]
)
async def test_pillar_filters(make_app, key, pillar) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press(key)
        await pilot.pause(COUNT_WAIT)  # a digit waits a moment for a motion (5j) first
        assert screen.plan.pillar == pillar
        assert all(pillar in p.pillars for _, p in screen.plan.passages)
        label = "Protection (P)" if pillar == "P" else f"Pillar {pillar}"
        assert f"Filtered: {label}" in screen_text(pilot.app)
        await pilot.press("0")
        await pilot.pause()
        assert screen.plan.pillar is None
        assert "Filtered" not in screen_text(pilot.app)


async def test_escape_clears_the_filter_then_goes_back(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("6", "escape")
        await pilot.pause()
        assert screen.plan.pillar is None and pilot.app.screen is screen
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_why_explains_the_tags(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        screen = await open_briefing(pilot)
        await pilot.press("6", "i")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WhyScreen)
        text = screen_text(pilot.app)
        assert "Protection & migration management" in text and "mentions “" in text
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_copy_puts_passage_and_citation_on_the_clipboard(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await open_briefing(pilot)
        await pilot.press("y")
        await pilot.pause()
        copied = pilot.app.clipboard
        assert copied.startswith("“What was accomplished")
        assert (
            "— WOLA, “Central America Trips Shed Light on Biden Administration’s Migration Agenda”, 17 June 2021, section “Introduction”, passage p-"
            in copied
        )


async def test_help_lists_every_key(make_app) -> None:
    from brief_tui.keys import BRIEFING, keys_in

    async with make_app().run_test(size=(100, 60)) as pilot:
        await open_briefing(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        help_text = "\n".join(
            str(s.render()) for s in pilot.app.screen.query_one("#help").query("Static")
        )
        for key in keys_in(BRIEFING):
            if key.action not in ("next_hit", "previous_hit"):  # no search: nothing to step
                assert key.description in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BriefingScreen)


async def test_tab_moves_between_panes(make_app) -> None:
    async with make_app().run_test(size=(120, 30)) as pilot:
        screen = await open_briefing(pilot)
        assert pilot.app.focused is screen.view
        await pilot.press("shift+tab")
        assert pilot.app.focused.id == "sidebar"
        await pilot.press("tab")
        assert pilot.app.focused is screen.view
        # With the sidebar focused, j/k move in the sidebar; the other reader keys still work.
        await pilot.press("shift+tab", "j", "right_curly_bracket")
        await pilot.pause()
        assert pilot.app.focused.highlighted == 1
        assert screen.plan.passages[cursor(screen)][1].recommendation


async def test_sidebar_chooses_a_filter_and_collapses_when_narrow(make_app) -> None:
    async with make_app().run_test(size=(120, 30)) as pilot:
        screen = await open_briefing(pilot)
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display
        await pilot.press("shift+tab", "down", "enter")
        await pilot.pause()
        assert screen.plan.pillar == "II"
        await pilot.press("s")
        await pilot.pause()
        assert not sidebar.display
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_briefing(pilot)
        assert not screen.query_one("#sidebar").display
        await pilot.press("s")
        await pilot.pause()
        assert screen.query_one("#sidebar").display


async def test_pillar_across_the_library_opens_in_context(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause(COUNT_WAIT)
        assert isinstance(pilot.app.screen, PillarScreen)
        text = screen_text(pilot.app)
        assert "Pillar IV" in text and "briefings" in text
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.plan.pillar is None  # in context, not filtered
        assert "IV" in screen.plan.passages[cursor(screen)][1].pillars
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_quit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_clicking_a_passage_moves_the_cursor(make_app) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        screen = await open_briefing(pilot)
        lines = screen.view.lines
        first_line = dict(lines.passage_tops())[2]  # the third passage's first line
        await pilot.click(offset=(lines.region.x + 6, lines.region.y + first_line))
        await pilot.pause()
        assert cursor(screen) == 2


async def test_command_palette_opens_a_briefing(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Open briefing: Beyond the Wall")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BriefingScreen)
        assert pilot.app.screen.document.id == "wola-beyond-the-wall-root-causes"


async def test_open_straight_into_a_briefing_at_a_passage(make_app) -> None:
    from brief_tui import locations
    from brief_tui.corpus.library import load_library

    doc = load_library((locations.content_dir(), "bundled")).document(WOLA)
    passage = [p for _, p in doc.passages()][20]
    async with make_app(open_document=WOLA, open_passage=passage.id).run_test(
        size=(100, 30)
    ) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.plan.passages[cursor(screen)][1].id == passage.id
