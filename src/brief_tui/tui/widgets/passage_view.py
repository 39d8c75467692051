"""The briefing's text: passages with a visible cursor, rendered literally and lazily.

Only a window of rows around the cursor is laid out, so a briefing of thousands of passages
opens as fast as a short one; moving the cursor past the window's edge slides the window.
The rows are drawn by one line-API widget (`PassageLines`); this view scrolls it and owns
the cursor, the window and what each passage shows (search matches, highlights, selection).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message

from brief_tui.reading import ReadingPlan, Row
from brief_tui.tui.widgets.passage_lines import PassageLines
from brief_tui.tui.widgets.passage_text import Highlight, Mark, passage_content

if TYPE_CHECKING:
    from textual._arrange import DockArrangeResult

__all__ = ["Highlight", "Mark", "PassageView"]


class PassageView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The scrolling text of one briefing. Keys are the screen's; this widget only shows."""

    # No bindings: movement keys belong to the screen, so they move the cursor, not the view.
    WINDOW = 128  # the most rows laid out at once
    # The largest margin: the window slides when the cursor comes this close to its edge.
    MARGIN = 16

    # No scrollbar: it measured the laid-out window, not the briefing (the status line says
    # where the reader is), and drawing it again took a fifth of every scrolling frame. Its
    # two columns are kept as padding, so text wraps where it did.
    DEFAULT_CSS = """
    PassageView { padding: 0 3 0 1; scrollbar-size-vertical: 0; }
    PassageView:focus { border-left: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan: ReadingPlan | None = None
        self.cursor = 0
        self.named_badges = True
        self._window = (0, 0)
        self.lines = PassageLines(self._content)
        self.highlight: Highlight | None = None
        self.marks: dict[str, tuple[Mark, ...]] = {}  # passage id -> saved highlights
        self.selection: tuple[int, int, int] | None = None  # (position, start, end) being selected
        self._moves = 0  # counts cursor moves, so a scroll noticed before one can tell it is stale
        self._own_scroll = False  # True while the view scrolls to its cursor, not for the reader
        # The cursor passage to scroll to (and whether to its top) once its rows are laid out.
        self._scroll_pending: tuple[int, bool] | None = None

    def compose(self) -> ComposeResult:
        yield self.lines

    @property
    def max_scroll_y(self) -> int:
        """How far the view scrolls, from its rows as laid out now: a window slid in this
        key's handler is taller or shorter before Textual's next layout tells the view."""
        if self.lines.width and self.lines.rows:
            visible = self.container_size.height - self.scrollbar_size_horizontal
            return max(0, self.lines.line_count - visible)
        return super().max_scroll_y

    def show(self, plan: ReadingPlan, cursor: int = 0) -> None:
        """Display `plan` with the cursor on passage `cursor`."""
        self.plan = plan
        self.cursor = plan.clamp(cursor) if len(plan) else 0
        self.lines.forget()
        self._mount_window(force=True, first_frame=True)
        # The new rows start at the top: an offset kept from the old ones (a filter applied
        # far down a briefing) would show a blank view until the cursor is scrolled to.
        with self._scrolling_to_cursor():
            self.scroll_home(animate=False, immediate=True)
        self._place_cursor(top=True)
        self.call_after_refresh(self._complete_window, self._window)

    def set_named_badges(self, named: bool) -> None:
        if named != self.named_badges and self.plan is not None:
            self.named_badges = named
            self.lines.forget()
            self._mount_window(force=True)
            self._place_cursor()

    def move_to(self, position: int, *, top: bool = False) -> None:
        if self.plan is None or not len(self.plan):
            return
        self.cursor = self.plan.clamp(position)
        self._moves += 1
        self._mount_window()
        self._place_cursor(top=top)

    def _content(self, row: Row) -> Content:
        assert row.passage is not None
        selection = None
        if self.selection and self.selection[0] == row.position:
            selection = self.selection[1:]
        return passage_content(
            row, self.named_badges, self.highlight, self.marks.get(row.passage.id, ()), selection
        )

    def redraw(self, position: int) -> None:
        """Render one passage again (after a highlight or during a selection)."""
        self.lines.redraw(position)

    def cursor_region(self) -> Region | None:
        """Where the cursor's passage is on the screen, once it is laid out."""
        region = self.lines.region_of(self.cursor)
        if region is None:
            return None
        return region.translate(self.lines.region.offset)

    def selected_passages(self) -> list[Row]:
        """The passages the mouse selection touches."""
        return self.lines.selected_passages()

    def page_target(self, direction: int, *, half: bool = False, start: int | None = None) -> int:
        """The passage one screen (or half a screen) below or above `start` (the cursor by
        default), from the laid-out rows."""
        origin = self.cursor if start is None else start
        if self.plan is None:
            return origin
        candidates = self.lines.passage_tops()
        fallback = max(1, len(candidates) // (8 if half else 4))
        tops = dict(candidates)
        if origin not in tops or self.lines.region_of(origin) is None:
            return max(0, min(len(self.plan) - 1, origin + direction * fallback))
        height = max(1, self.scrollable_content_region.height - 2)
        if half:
            height = max(1, height // 2)
        target_y = tops[origin] + direction * height
        if direction > 0:
            below = [pos for pos, y in candidates if pos > origin and y >= target_y]
            if below:
                return below[0]
            return min(len(self.plan) - 1, origin + fallback)
        above = [pos for pos, y in candidates if pos < origin and y <= target_y]
        if above:
            return above[-1]
        return max(0, origin - fallback)

    def window_size(self) -> tuple[int, int]:
        """Rows to lay out, and how close to the window's edge the cursor may come: a page of
        passages as the margin (a passage takes two lines or more, so a screen shows at most
        half its height in passages), eight pages laid out. The first frame lays out only a
        page each side of the cursor, so the width costs the first frame nothing. A small
        terminal lays out fewer."""
        # Before its first layout the view's height is the screen's less the briefing's
        # header, status line and footer (eight lines).
        height = self.size.height or max(1, self.app.size.height - 8)
        page = min(self.MARGIN, max(8, height // 2))
        return min(self.WINDOW, 8 * page), page

    def _mount_window(self, force: bool = False, first_frame: bool = False) -> bool:
        """Lay out the rows around the cursor, unless they already are; True if it did.

        For a briefing's `first_frame`, only what that frame needs: a page below the cursor
        (which opens at the top of the view) and a page above it; the rest of the window is
        laid out once the frame is drawn (`_complete_window`)."""
        plan = self.plan
        assert plan is not None
        if not len(plan):
            self._window = (0, 0)
            self.lines.set_rows(0, [])
            return True
        row = plan.row_of(self.cursor)
        start, end = self._window
        size, margin = self.window_size()
        if (
            not force
            and start <= row < end
            and (
                (row - start >= margin or start == 0)
                and (end - row > margin or end == len(plan.rows))
            )
        ):
            return False
        if first_frame:
            size = 2 * margin + 1
        start = max(0, row - (margin if first_frame else size // 2))
        end = min(len(plan.rows), start + size)
        start = max(0, end - size)
        self._window = (start, end)
        self.lines.set_rows(start, plan.rows[start:end])
        return True

    def _complete_window(self, window: tuple[int, int]) -> None:
        """After a briefing's first frame, lay out the rows below it up to a whole window.
        Rows are only added at the end, so nothing on screen moves; a window slid since (a
        key pressed at once) is already whole."""
        if self.plan is None or self._window != window or not len(self.plan):
            return
        start, end = window
        size, _margin = self.window_size()
        whole = min(len(self.plan.rows), start + size)
        if whole > end:
            self._window = (start, whole)
            self.lines.set_rows(start, self.plan.rows[start:whole])

    def _place_cursor(self, top: bool = False) -> None:
        """Draw the cursor on its passage and scroll the passage into view: at once when the
        rows are laid out (the key's own frame shows both), else in the layout that wraps
        them (`arrange`), so a briefing opened far down shows its place in its first frame."""
        self.lines.set_cursor(self.cursor)
        position = self.cursor
        self._scroll_pending = None

        def scroll() -> None:
            # A move made since (G then 'q typed at once) owns the scroll: scrolling for this
            # one now would slide the window and the cursor with it.
            if self.cursor != position:
                return
            self._scroll_pending = None
            with self._scrolling_to_cursor():
                if position == 0:
                    self.scroll_home(animate=False, immediate=True)
                elif (region := self.lines.region_of(position)) is not None:
                    self.scroll_to_region(region, animate=False, top=top, immediate=True)

        if self.lines.region_of(position) is not None:
            scroll()
        else:
            self._scroll_pending = (position, top)
            # Should no layout wrap the rows first (Textual places nothing while the screen
            # is not shown), the scroll comes once the screen is quiet.
            self.call_after_refresh(scroll)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """Lay out the rows and, when the cursor's passage was waiting for them, scroll to it
        before Textual places the rows (it reads the offset just after this), so the frame
        being composed already shows it. Textual's own scroll would wait for the screen to
        be quiet, after the footer and the first resizes: half a dozen frames later."""
        arrangement = super().arrange(size, optimal)
        if self._scroll_pending is not None and (
            (region := self.lines.region_of(self._scroll_pending[0])) is not None
        ):
            position, top = self._scroll_pending
            self._scroll_pending = None
            # As `scroll`: the first passage shows the title above it too.
            window = Region(0, round(self.scroll_y), size.width, size.height)
            delta = Region.get_scroll_to_visible(window, region, top=top).y
            highest = max(0, self.lines.line_count - size.height)
            y = 0 if position == 0 else min(highest, max(0, window.y + delta))
            self.set_reactive(PassageView.scroll_y, float(y))
            self.set_reactive(PassageView.scroll_target_y, float(y))
        return arrangement

    @contextmanager
    def _scrolling_to_cursor(self) -> Iterator[None]:
        """Scrolls made to show the cursor are not the reader scrolling: they never move it.
        They are made at once (`immediate`), so none lands later, after another move."""
        self._own_scroll = True
        try:
            yield
        finally:
            self._own_scroll = False

    def on_resize(self, event: events.Resize) -> None:
        """Text re-wraps on resize; keep the passage being read on screen."""
        self.call_after_refresh(self._show_cursor, self.cursor)

    def _show_cursor(self, position: int) -> None:
        region = self.lines.region_of(position)
        if position != self.cursor or region is None:
            return
        with self._scrolling_to_cursor():
            self.scroll_to_region(region, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling (mouse wheel) past the laid-out window slides it along.

        Textual's own watcher is not called: it moves the thumb of the scrollbar this view
        does not show, and refreshing a widget that is not on screen makes Textual rebuild
        its map of every widget and repaint the whole terminal (a third of the keys did)."""
        if round(old_value) != round(new_value):
            self._refresh_scroll()
        if self._own_scroll or new_value == old_value:
            return
        anchor = self._edge_reached(new_value > old_value)
        if anchor is not None:
            self.call_later(self._follow_scroll, anchor, self._moves, new_value > old_value)

    def _edge_reached(self, down: bool) -> int | None:
        """The passage just past the laid-out window, when the view is scrolled to its edge."""
        positions = self.lines.positions()
        if self.plan is None or positions is None:
            return None
        start, end = self._window
        if down and self.scroll_y >= self.max_scroll_y and end < len(self.plan.rows):
            return positions[1] + 1
        if not down and self.scroll_y <= 0 and start > 0:
            return positions[0] - 1
        return None

    def _follow_scroll(self, position: int, moves: int, down: bool) -> None:
        # A key pressed since, or a scroll undone since, makes this one stale.
        if moves != self._moves or self._edge_reached(down) != position:
            return
        self.move_to(position)
        self.post_message(self.CursorMoved(self.cursor))

    def on_passage_lines_clicked(self, message: PassageLines.Clicked) -> None:
        self.move_to(message.position)
        self.post_message(self.CursorMoved(message.position))

    @dataclass
    class CursorMoved(Message):
        position: int
