"""Compare cells show recommendations whole, start where there is something, and show highlights."""

from __future__ import annotations

from tests.tui.conftest import screen_text

from brief_tui.compare import coverage
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore
from brief_tui.tui.screens.compare import CompareScreen

LONG_ENDING = "organizations that specialize in anti-impunity, transparency, and governance."


def flat(app) -> str:
    return " ".join(screen_text(app).replace("█", " ").replace("║", " ").split())


async def push(pilot, pillar: str, left: str, right: str) -> CompareScreen:
    app = pilot.app
    await pilot.pause()
    screen = CompareScreen(
        app.library, pillar, [app.library.document(left), app.library.document(right)]
    )
    app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


async def test_a_long_recommendation_is_shown_whole(make_app) -> None:
    async with make_app().run_test(size=(160, 120)) as pilot:
        screen = await push(
            pilot, "II", "wola-beyond-the-wall-root-causes", "wola-central-america-trips"
        )
        texts = [
            c.recommendation.passage.text for row in screen._cells for c in row if c.recommendation
        ]
        assert any(len(t) > 800 for t in texts)
        assert LONG_ENDING in flat(pilot.app)


async def test_the_cursor_starts_on_a_side_that_has_a_recommendation(make_app) -> None:
    app = make_app()
    counts = coverage(app.library)
    left, right = "coalition-root-causes-statement", "wola-central-america-trips"
    pillar = next(p for p in counts[left] if not counts[left][p] and counts[right][p])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await push(pilot, pillar, left, right)
        assert screen.comparison is not None and screen.comparison.count(0) == 0
        assert screen.side == 1
        assert screen._selected() is not None


async def test_rows_already_highlighted_say_so(make_app, isolated_data_dir) -> None:
    app = make_app()
    doc = app.library.document("wola-central-america-trips")
    passage = next(p for _, p in doc.passages() if p.recommendation and "P" in p.pillars)
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.add_highlight(make_anchor(doc, passage.id, 0, 10), "question")
    async with app.run_test(size=(160, 60)) as pilot:
        await push(pilot, "P", "wola-central-america-trips", "us-root-causes-strategy")
        assert "▍ question" in screen_text(pilot.app)
