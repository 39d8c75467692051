"""Sides mode of the compare pane (m) and the matrix grouped by source type, as a person
uses them: what the screen says, and where Enter leads."""

from __future__ import annotations

from tests.tui.conftest import screen_text, settle

from brief_tui.compare_sides import UNANSWERED, UNASKED
from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.compare import SIDES, CompareScreen, MatrixScreen


def flat(app) -> str:
    return " ".join(screen_text(app).replace("█", " ").split())


async def open_sides(pilot, pillar: str = "2") -> CompareScreen:
    pilot.app.open_briefing("wola-beyond-the-wall-root-causes")
    await settle(pilot)
    await pilot.press(pillar, "c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    await pilot.press("m")
    await settle(pilot)
    return screen


async def test_m_sets_advocacy_asks_against_government_commitments(make_app) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        screen = await open_sides(pilot)
        assert screen.mode == SIDES
        text = flat(pilot.app)
        assert "Advocacy asks vs government commitments · Pillar II" in text
        assert "14 asks, 3 advocacy/research docs" in text
        assert "14 that no commitment answers" in text
        assert "2 that no one asked for" in text
        assert "▶ Ask · U.S. government" in text
        assert UNANSWERED in text
        assert "m compares documents" in text  # the status line says how to go back
        while screen.row < len(screen._cells) - 1:
            await pilot.press("j")
        await settle(pilot)
        text = flat(pilot.app)
        assert UNASKED in text and "▶ Commitment · U.S. government" in text
        await pilot.press("m")
        await settle(pilot)
        assert screen.mode != SIDES
        assert "Compare recommendations on Pillar II" in flat(pilot.app)


async def test_sources_keys_are_left_out_in_sides_mode_and_enter_opens(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        screen = await open_sides(pilot, "6")
        before = [row.cells for row in screen.sides.rows]
        await pilot.press("right_square_bracket", "right_curly_bracket", "s", "plus")
        await settle(pilot)
        assert [row.cells for row in screen.sides.rows] == before
        said = [n.message for n in pilot.app._notifications]
        assert "Sides are fixed here: m compares documents." in said
        paired = next(n for n, row in enumerate(screen.sides.rows) if row.ask and row.answer)
        for _ in range(paired):
            await pilot.press("j")
        await pilot.press("tab")
        chosen = screen._selected()
        assert chosen is screen.sides.rows[paired].answer
        assert "similar wording" in flat(pilot.app)
        await pilot.press("enter")
        await settle(pilot)
        opened = pilot.app.screen
        assert isinstance(opened, BriefingScreen)
        assert opened.plan.passages[opened.view.cursor][1].id == chosen.passage.id


async def test_the_matrix_groups_sources_by_type_and_counts_kinds_apart(make_app) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MatrixScreen)
        lines = screen_text(pilot.app).splitlines()
        advocacy = next(n for n, line in enumerate(lines) if "Advocacy (3)" in line)
        government = next(n for n, line in enumerate(lines) if "Government (2)" in line)
        assert advocacy < government
        assert "a asks · c commitments and reported actions" in flat(pilot.app)
        beyond = next(line for line in lines if "WOLA: Beyond" in line)
        assert beyond.split()[-7:] == ["5a·1c", "9a", "·", "6a", "·", "·", "13a·1c"]
        assert all(len(line) <= 80 for line in lines)
        await pilot.press("k", "l")  # the Advocacy row, Pillar II
        await pilot.press("enter")
        await settle(pilot)
        compared = pilot.app.screen
        assert isinstance(compared, CompareScreen)
        assert compared.mode == SIDES and compared.pillar == "II"
