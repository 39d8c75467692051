"""A briefing of thousands of passages opens quickly because only a window is laid out."""

from __future__ import annotations

import asyncio
import gc
import weakref
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.strip import Strip

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.tui.app import BriefApp
from brief_tui.tui.widgets.passage_lines import PassageLines
from brief_tui.tui.widgets.passage_view import PassageView


def synthetic_library(passages: int = 2000) -> Library:
    sections = []
    per_section = 40
    for s in range(passages // per_section):
        items = tuple(
            Passage(
                id=f"p-{s * per_section + i:08x}",
                kind="paragraph",
                text=f"Passage {s * per_section + i} about corruption and asylum. " * 4,
                pillars=("II", "P") if i % 3 == 0 else ("I",),
                recommendation=i % 5 == 0,
            )
            for i in range(per_section)
        )
        sections.append(Section(f"s-{s:08x}", f"Section {s}", items))
    doc = Document(
        "big", "A very long briefing", ("Test",), "2024", "document", "", None, "", tuple(sections)
    )
    return Library((doc,))


async def open_big(app: BriefApp, pilot: Pilot[None]) -> PassageView:
    """Open the long briefing and let it draw; its passage view."""
    app.open_briefing("big")
    await pilot.pause()
    return app.screen.query_one(PassageView)


def laid_out(view: PassageView) -> int:
    """How many rows of the plan the view has wrapped and placed."""
    return len(view.lines.rows)


def last_laid_out(view: PassageView) -> int:
    positions = view.lines.positions()
    assert positions is not None
    return positions[1]


async def test_only_a_window_is_laid_out_and_keys_reach_the_end(tmp_path: Path) -> None:
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        assert laid_out(view) <= PassageView.WINDOW
        await pilot.press("G")
        await pilot.pause()
        assert view.cursor == 1999
        assert laid_out(view) <= PassageView.WINDOW
        await pilot.press("g")
        for _ in range(30):
            await pilot.press("space")
        await pilot.pause()
        assert view.cursor > 60
        assert laid_out(view) <= PassageView.WINDOW


async def test_scrolling_past_the_window_slides_it(tmp_path: Path) -> None:
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        end_before = view._window[1]
        last_laid = last_laid_out(view)
        view.scroll_end(animate=False)
        await pilot.pause()
        await pilot.pause()
        assert view._window[1] > end_before
        assert view.cursor == last_laid + 1


async def test_a_key_pressed_after_a_scroll_wins_over_the_scroll(tmp_path: Path) -> None:
    """The reader scrolls to the window's edge and presses a key before the view catches up:
    the key's move stands, the scroll does not drag the cursor back to the window's edge."""
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        view.scroll_end(animate=False, immediate=True)  # schedules the window to follow ...
        view.move_to(5)  # ... and a key moves the cursor before it runs
        await pilot.pause()
        await pilot.pause()
        assert view.cursor == 5


async def test_scrolling_to_show_the_cursor_never_moves_it(tmp_path: Path) -> None:
    """Showing the cursor at the end of the laid-out window is not the reader scrolling past it."""
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        last_laid = last_laid_out(view)
        view.move_to(last_laid)
        with view._scrolling_to_cursor():
            view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        await pilot.pause()
        assert view.cursor == last_laid


async def test_a_small_terminal_lays_out_fewer_rows_and_paging_still_slides(tmp_path: Path) -> None:
    """Each laid-out row costs time when a briefing opens: 80x24 lays out about eight screens,
    not the most a large terminal needs, and paging through still reaches every passage."""
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_big(app, pilot)
        rows, _margin = view.window_size()
        assert view.size.height < 20 and rows <= 72 < PassageView.WINDOW  # eight pages of 9 rows
        assert laid_out(view) <= rows
        for _ in range(40):
            await pilot.press("space")
        await pilot.pause()
        assert view.cursor > 100
        assert view.cursor_region() is not None  # the cursor's passage is laid out


async def test_the_first_frame_lays_out_a_page_each_side_and_the_window_fills_after(
    tmp_path: Path,
) -> None:
    """Opening draws what the screen shows first, then lays out the rest of the window below
    it; the passage under the cursor stays where it was drawn."""
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        plan = view.plan
        assert plan is not None
        rows, margin = view.window_size()
        view.show(plan, 500)
        first = laid_out(view)
        assert first <= 2 * margin + 1 < rows
        await pilot.pause()
        await pilot.pause()
        assert first < laid_out(view) <= rows
        assert view.cursor == 500
        place = view.cursor_region()
        # At the top of the view, where the first frame put it.
        assert place is not None and place.y == view.region.y
        await pilot.press("j")
        await pilot.pause()
        assert view.cursor == 501


@pytest.mark.parametrize("where", ["last", "middle"])
async def test_a_briefing_reopened_far_down_shows_its_place_in_its_first_frame(
    tmp_path: Path, where: str
) -> None:
    """Reopened where the reader left it, the first frame drawn of the briefing already
    shows the passage they were on; a frame of the rows above it first would be a jump."""
    library = synthetic_library()
    passages = [p for section in library.documents[0].sections for p in section.passages]
    target = len(passages) - 1 if where == "last" else len(passages) // 2
    app = BriefApp(library, tmp_path)
    frames: list[bool] = []  # per frame of the briefing: is the cursor's first line shown?
    display = app._display

    def noting_display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        view = screen.query(PassageView).first() if screen.query(PassageView) else None
        if renderable is not None and view is not None:
            place = view.cursor_region()
            frames.append(place is not None and view.region.contains(place.x, place.y + 1))
        display(screen, renderable)

    async with app.run_test(size=(100, 30)) as pilot:
        app._display = noting_display  # type: ignore[method-assign]
        app.open_briefing("big", passages[target].id)
        await pilot.pause()
        await pilot.pause()
        view = app.screen.query_one(PassageView)
        assert view.cursor == target
        assert frames and all(frames), frames


async def test_a_key_pressed_before_the_window_fills_wins(tmp_path: Path) -> None:
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        assert view.plan is not None
        view.show(view.plan, 0)
        view.move_to(300)  # before the first frame is drawn
        await pilot.pause()
        await pilot.pause()
        assert view.cursor == 300
        assert view.cursor_region() is not None
        assert laid_out(view) <= view.window_size()[0]


async def test_a_new_plan_is_shown_from_the_top_at_once(tmp_path: Path) -> None:
    """A filter applied far down a briefing: its first frame shows its rows, not the blank
    space below them at the old scroll offset."""
    app = BriefApp(synthetic_library(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_big(app, pilot)
        assert view.plan is not None
        view.move_to(40)
        await pilot.pause()
        await pilot.pause()
        assert view.scroll_y > 0
        view.show(view.plan, 0)
        assert view.scroll_y == 0


async def read_a_page_and_close(app: BriefApp, pilot: Pilot[None]) -> None:
    """Open, page down, close, and let the reading position's save finish: until Textual
    drops its finished worker, the worker's task holds the screen that started it."""
    await open_big(app, pilot)
    await pilot.press("space")
    app.pop_screen()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_closed_briefings_do_not_pile_up_in_memory(tmp_path: Path) -> None:
    """Each closed briefing's rows are freed: after six opens, at most the last screen is
    still held (Textual keeps the screen that last ran a handler until another does)."""
    app = BriefApp(synthetic_library(200), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(6):
            await read_a_page_and_close(app, pilot)
        gc.collect()
        assert sum(isinstance(o, PassageLines) for o in gc.get_objects()) <= 1


async def test_lines_drawn_by_closed_briefings_are_freed(tmp_path: Path) -> None:
    """Textual's cache of `StylesCache.get_inner_outer` kept every widget's drawn lines
    alive (`tui/textual_fixes.py`); opening and closing briefings must not pile them up."""
    app = BriefApp(synthetic_library(200), tmp_path)
    alive = []
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(6):
            await read_a_page_and_close(app, pilot)
            gc.collect()
            alive.append(sum(isinstance(o, Strip) for o in gc.get_objects()))
    # Textual holds the last screen or two a while; beyond those, nothing is kept.
    assert alive[-1] - alive[-3] <= 50, alive


async def test_the_thread_that_saved_a_closed_briefings_place_does_not_keep_it(
    tmp_path: Path,
) -> None:
    """Closing saves the reading position on a worker thread; that thread must not keep the
    closed briefing (its rows, its drawn lines) in memory while it waits for more work."""
    app = BriefApp(synthetic_library(200), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # Start-up's objects are moved out of the collector's way just after the first frame
        # (`BriefApp._collect_garbage`); a briefing opened before would be moved with them.
        await asyncio.sleep(0.3)
        await open_big(app, pilot)
        await pilot.press("space")
        closed = weakref.ref(app.screen)
        app.pop_screen()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("j", "k")  # the library now runs the handlers
        await pilot.pause()
        gc.collect()
        assert closed() is None
