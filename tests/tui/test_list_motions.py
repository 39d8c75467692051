"""less/vim motions in every list, and where a pillar filter puts the cursor."""

from __future__ import annotations

from tests.tui.conftest import COUNT_WAIT, screen_text

from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.compare import MatrixScreen
from brief_tui.tui.screens.pillar import PillarScreen
from brief_tui.tui.screens.search import SearchScreen
from brief_tui.tui.widgets.badges import coverage
from brief_tui.tui.widgets.library_list import LibraryList

WOLA = "wola-central-america-trips"


async def test_g_and_G_in_the_library(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(LibraryList)
        await pilot.press("G")
        assert listing.highlighted == listing.option_count - 1
        await pilot.press("g")
        assert listing.highlighted == 0


async def test_g_and_G_in_the_pillar_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause(COUNT_WAIT)
        assert isinstance(app.screen, PillarScreen)
        passages = app.screen.query_one("#pillar-passages")
        first = passages.highlighted
        await pilot.press("G")
        assert passages.highlighted == passages.option_count - 1
        await pilot.press("g")
        assert passages.highlighted == first


async def test_j_and_k_in_search_results(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"asylum")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one("#results")
        assert results.highlighted == 0
        await pilot.press("tab", "j", "j")
        assert results.highlighted == 2
        await pilot.press("k")
        assert results.highlighted == 1


async def test_h_j_k_l_in_the_coverage_matrix(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)
        table = app.screen.query_one("#matrix")
        # Row 0 is the "Advocacy" group's heading: the cursor starts on its first source.
        assert (table.cursor_row, table.cursor_column) == (1, 1)
        await pilot.press("l", "l", "j")
        assert (table.cursor_row, table.cursor_column) == (2, 3)
        await pilot.press("h", "k")
        assert (table.cursor_row, table.cursor_column) == (1, 2)


async def test_a_pillar_filter_starts_at_its_first_passage(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_briefing(WOLA)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        await pilot.press(*"j" * 30)  # deep into the briefing
        current = screen.plan.passages[screen.view.cursor][1]
        await pilot.press("2")
        await pilot.pause(COUNT_WAIT)
        await pilot.pause()
        assert screen.view.cursor == 0
        first = screen.plan.passages[0][1]
        assert "Passage 1 of" in screen_text(app)
        assert first.text[:30] in " ".join(screen_text(app).split())
        await pilot.press("0")  # clearing the filter keeps the passage in view
        await pilot.pause()
        assert screen.plan.passages[screen.view.cursor][1].id == first.id != current.id


async def test_the_sidebar_cursor_follows_the_active_filter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_briefing(WOLA)
        await pilot.pause()
        sidebar = app.screen.query_one("#sidebar")
        await pilot.press("3")
        await pilot.pause(COUNT_WAIT)
        assert sidebar.highlighted == PILLAR_IDS.index("III")
        assert "●" in str(sidebar.get_option_at_index(sidebar.highlighted).prompt)


def test_library_bars_share_one_scale() -> None:
    small = coverage({"I": 12}, 100, maximum=32).plain
    large = coverage({"I": 32}, 100, maximum=32).plain
    assert small.count("█") < large.count("█")
    # Without a library scale, each briefing fills its own bar: what the cards used to do.
    assert coverage({"I": 12}, 100).plain.count("█") == large.count("█")


async def test_library_cards_draw_bars_to_the_library_scale(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one(LibraryList)
        bars = {}
        for index in range(listing.option_count):
            option = listing.get_option_at_index(index)
            if option.id:
                bars[option.id] = str(option.prompt).splitlines()[-1]
        # The coalition statement's busiest pillar has 4 passages, WOLA's P group 35.
        assert bars["coalition-root-causes-statement"].count("█") < bars[WOLA].count("█")
