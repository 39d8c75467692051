"""The compare pane and the coverage matrix, as a person uses them."""

from __future__ import annotations

from tests.tui.conftest import screen_text, settle

from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.compare import CompareScreen, ExplainCompare, MatrixScreen
from brief_tui.tui.screens.note_dialogs import LabelPicker


async def open_pane(pilot) -> CompareScreen:
    pilot.app.open_briefing("coalition-root-causes-statement")
    await settle(pilot)
    await pilot.press("4", "c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def test_c_opens_on_the_filtered_pillar_with_the_briefing_on_the_left(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_pane(pilot)
        assert screen.pillar == "IV"
        assert screen.sources[0].id == "coalition-root-causes-statement"
        assert "recommendations on Pillar IV" in screen_text(pilot.app)


async def test_keys_cycle_swap_change_pillar_and_switch_side(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_pane(pilot)
        right = screen.sources[1].id
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert screen.sources[1].id != right
        left = screen.sources[0].id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.sources[0].id != left
        first, second = screen.sources[0].id, screen.sources[1].id
        await pilot.press("s")
        await settle(pilot)
        assert (screen.sources[0].id, screen.sources[1].id) == (second, first)
        await pilot.press("6")
        await settle(pilot)
        assert screen.pillar == "P"
        await pilot.press("0")
        await settle(pilot)
        assert screen.pillar is None
        assert screen.side == 1  # swap keeps the same source selected
        await pilot.press("tab")
        assert screen.side == 0
        await pilot.press("j")
        assert screen.row == 1


async def test_silence_is_shown(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        pilot.app.open_briefing("wola-central-america-trips")
        await settle(pilot)
        await pilot.press("5", "c")
        await settle(pilot)
        screen = pilot.app.screen
        while screen.sources[1].id != "coalition-root-causes-statement":
            await pilot.press("right_curly_bracket")
            await settle(pilot)
        assert "no recommendation on Pillar V" in screen_text(pilot.app)


async def test_enter_opens_in_context_and_h_highlights(make_app, isolated_data_dir) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_pane(pilot)
        chosen = screen._selected()
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LabelPicker)
        await pilot.press("1")
        await settle(pilot)
        assert pilot.app.screen is screen
        await pilot.press("enter")
        await settle(pilot)
        opened = pilot.app.screen
        assert isinstance(opened, BriefingScreen)
        assert opened.plan.passages[opened.view.cursor][1].id == chosen.passage.id
        assert chosen.passage.id in opened.view.marks


async def test_question_mark_explains_and_matrix_opens_a_cell(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        await open_pane(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExplainCompare)
        assert "silence is" in screen_text(pilot.app)
        await pilot.press("escape", "C")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MatrixScreen)
        assert "Coverage matrix" in screen_text(pilot.app)
        await pilot.press("enter")  # first source, Pillar I
        await settle(pilot)
        compared = pilot.app.screen
        assert isinstance(compared, CompareScreen) and compared.pillar == "I"


async def test_a_third_source_needs_a_wide_terminal(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_pane(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.sources) == 2
    async with make_app().run_test(size=(170, 50)) as pilot:
        screen = await open_pane(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.sources) == 3
        await pilot.press("minus")
        await settle(pilot)
        assert len(screen.sources) == 2
