"""Searching as a person does: /, type, move through results, open, step through hits."""

from __future__ import annotations

from tests.tui.conftest import screen_text
from textual.widgets import Input, OptionList

from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.library import LibraryScreen
from brief_tui.tui.screens.search import SearchScreen


async def wait_for_results(pilot, query: str) -> SearchScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for _ in range(50):
        await pilot.pause(0.05)
        if screen.request().text == query and (
            "results ·" in screen_text(pilot.app) or "1 result ·" in screen_text(pilot.app)
        ):
            return screen
    raise AssertionError(screen_text(pilot.app))


async def test_type_move_open_and_step_through_hits(make_app) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)
        assert pilot.app.focused is pilot.app.screen.query_one(Input)
        await pilot.press(*"asylim mexico")
        screen = await wait_for_results(pilot, "asylim mexico")
        text = screen_text(pilot.app)
        assert "2. Ensure access to asylum in Mexico." in text
        await pilot.press("down", "up", "enter")
        await pilot.pause()
        briefing = pilot.app.screen
        assert isinstance(briefing, BriefingScreen)
        first = briefing.plan.passages[briefing.view.cursor][1]
        assert first.text == "2. Ensure access to asylum in Mexico."
        assert f"hit {briefing.hits.index(first.id) + 1} of {len(briefing.hits)}" in screen_text(
            pilot.app
        )
        assert len(briefing.hits) > 3
        await pilot.press("n")
        await pilot.pause()
        second = briefing.plan.passages[briefing.view.cursor][1]
        assert second.id == briefing.hits[briefing.hits.index(first.id) + 1]
        await pilot.press("N", "N")
        await pilot.pause()
        assert (
            briefing.plan.passages[briefing.view.cursor][1].id
            == briefing.hits[briefing.hits.index(first.id) - 1]
        )
        # The matched words are highlighted in the passage.
        lines = briefing.view.lines
        place = briefing.view.lines.region_of(briefing.view.cursor)
        assert place is not None
        drawn = [lines.render_line(y) for y in range(place.y, place.bottom)]
        assert any(seg.style and seg.style.reverse for strip in drawn for seg in strip)
        # Escape returns to the results, then to the library.
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_filters_toggle_and_scope_to_the_open_briefing(make_app) -> None:
    async with make_app(open_document="coalition-root-causes-statement").run_test(
        size=(100, 40)
    ) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"assistance")  # in a briefing, / searches that briefing
        screen = await wait_for_results(pilot, "assistance")
        assert {hit.entry.document for hit in screen._hits} == {"coalition-root-causes-statement"}
        assert "Search in “Only a Rethinking" in screen_text(pilot.app)
        await pilot.press("ctrl+t")  # widened to the library
        await wait_for_results(pilot, "assistance")
        assert len({hit.entry.document for hit in screen._hits}) > 1
        assert "Search in every briefing" in screen_text(pilot.app)
        await pilot.press("ctrl+t")
        await wait_for_results(pilot, "assistance")
        assert {hit.entry.document for hit in screen._hits} == {"coalition-root-causes-statement"}
        assert "in “Only a Rethinking" in screen_text(pilot.app)
        await pilot.press("ctrl+r")
        await wait_for_results(pilot, "assistance")
        assert all(hit.entry.recommendation for hit in screen._hits)
        assert "recommendations only" in screen_text(pilot.app)
        await pilot.press("ctrl+g", "ctrl+g", "ctrl+g", "ctrl+g")  # any -> I -> II -> III -> IV
        await wait_for_results(pilot, "assistance")
        assert screen.pillar == "IV"
        assert all("IV" in hit.entry.pillars for hit in screen._hits)


async def test_no_results_and_empty_query_say_so(make_app) -> None:
    async with make_app().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert "Type to search every briefing." in screen_text(pilot.app)
        await pilot.press(*"zzqxv")
        for _ in range(40):
            await pilot.pause(0.05)
            if "No results" in screen_text(pilot.app):
                break
        assert "No results" in screen_text(pilot.app)
        assert pilot.app.screen.query_one(OptionList).option_count == 0


async def test_n_without_a_search_explains(make_app) -> None:
    async with make_app(open_document="wola-central-america-trips").run_test(
        size=(100, 30)
    ) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert pilot.app.screen.view.cursor == 0
