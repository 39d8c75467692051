"""The briefing's text: passages with a visible cursor, rendered literally and lazily.

Only a window of rows around the cursor is mounted, so a briefing of thousands of passages
opens as fast as a short one; moving the cursor past the window's edge slides the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from textual import events
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from brief_tui.corpus.citation import page_label
from brief_tui.reading import ReadingPlan, Row
from brief_tui.search.text import match_spans
from brief_tui.tui.widgets.badges import HIGHLIGHT_STYLES, LABEL_STYLES, badges
from brief_tui.tui.widgets.highlight import MATCH_STYLE, SELECTION_STYLE


@dataclass(frozen=True)
class Highlight:
    """Search matches to show in the text: vocabulary words and exact phrases."""

    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not (self.words or self.phrases):
            return []
        return match_spans(text, set(self.words), self.phrases)


@dataclass(frozen=True)
class Mark:
    """A saved highlight within a passage, as the view shows it."""

    start: int
    end: int
    label: str
    noted: bool


def passage_content(
    row: Row,
    named_badges: bool,
    highlight: Highlight | None = None,
    marks: tuple[Mark, ...] = (),
    selection: tuple[int, int] | None = None,
) -> Content:
    passage = row.passage
    assert passage is not None
    text = Content(passage.text)
    for mark in marks:
        text = text.stylize(HIGHLIGHT_STYLES.get(mark.label, "reverse"), mark.start, mark.end)
    if highlight:
        for start, end in highlight.spans(passage.text):
            text = text.stylize(MATCH_STYLE, start, end)
    if selection:
        text = text.stylize(SELECTION_STYLE, *selection)
    if passage.kind == "heading":
        text = text.stylize("bold")
    if passage.marker:
        text = Content.assemble((f"{passage.marker} ", "bold"), text)
    tags = badges(
        passage.pillars,
        passage.recommendation,
        named_badges,
        passage.recommendation_kind,
        (passage.actor, passage.addressee),
    )
    chips = [
        Content.styled(f" {'✎' if noted else '▍'} {label} ", LABEL_STYLES.get(label, "reverse"))
        for label, noted in dict.fromkeys((m.label, m.noted) for m in marks)
    ]
    if row.new_page:
        chips.append(Content.styled(page_label(passage.page), "dim italic"))
    if chips:
        tags = Content(" ").join([tags, *chips]) if tags.plain else Content(" ").join(chips)
    if not tags.plain:
        return text
    return Content.assemble(text, "\n", tags)


class PassageWidget(Static):
    """One passage; clicking it moves the cursor there."""

    DEFAULT_CSS = """
    PassageWidget {
        padding: 0 1 0 1;
        margin: 0 0 1 0;
        border-left: blank;
    }
    PassageWidget.-heading { margin-top: 1; color: $text-primary; }
    PassageWidget.-item { padding-left: 3; }
    PassageWidget.-recommendation { border-left: double $success; }
    PassageWidget.-cursor { background: $boost; border-left: thick $accent; }
    """

    @dataclass
    class Clicked(Message):
        position: int

    def __init__(self, row: Row, content: Content) -> None:
        passage = row.passage
        assert passage is not None
        classes = f"-{passage.kind}" + (" -recommendation" if passage.recommendation else "")
        super().__init__(content, classes=classes, markup=False)
        self.row = row
        self.position = row.position

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Clicked(self.position))


class SectionTitle(Static):
    DEFAULT_CSS = """
    SectionTitle {
        padding: 0 1;
        margin: 1 0 1 0;
        text-style: bold underline;
        color: $text-secondary;
    }
    """


class PassageView(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The scrolling text of one briefing. Keys are the screen's; this widget only shows."""

    # No bindings: movement keys belong to the screen, so they move the cursor, not the view.
    WINDOW = 128  # the most rows mounted at once
    # The largest margin: the window slides when the cursor comes this close to its edge.
    MARGIN = 16

    DEFAULT_CSS = """
    PassageView { padding: 0 1; scrollbar-gutter: stable; }
    PassageView:focus { border-left: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan: ReadingPlan | None = None
        self.cursor = 0
        self.named_badges = True
        self._window = (0, 0)
        self._widgets: dict[int, PassageWidget] = {}
        self.highlight: Highlight | None = None
        self.marks: dict[str, tuple[Mark, ...]] = {}  # passage id -> saved highlights
        self.selection: tuple[int, int, int] | None = None  # (position, start, end) being selected
        self._moves = 0  # counts cursor moves, so a scroll noticed before one can tell it is stale
        self._own_scroll = False  # True while the view scrolls to its cursor, not for the reader

    def show(self, plan: ReadingPlan, cursor: int = 0) -> None:
        """Display `plan` with the cursor on passage `cursor`."""
        self.plan = plan
        self.cursor = plan.clamp(cursor) if len(plan) else 0
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
            self._mount_window(force=True)
            self._place_cursor()

    def move_to(self, position: int, *, top: bool = False) -> None:
        if self.plan is None or not len(self.plan):
            return
        position = self.plan.clamp(position)
        previous = self._widgets.get(self.cursor)
        if previous is not None:
            previous.remove_class("-cursor")
        self.cursor = position
        self._moves += 1
        remounted = self._mount_window()
        self._place_cursor(top=top, laid_out=not remounted)

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
        widget = self._widgets.get(position)
        if widget is not None:
            widget.update(self._content(widget.row))

    def current_widget(self) -> PassageWidget | None:
        return self._widgets.get(self.cursor)

    def page_target(self, direction: int, *, half: bool = False, start: int | None = None) -> int:
        """The passage one screen (or half a screen) below or above `start` (the cursor by
        default), from the mounted layout."""
        origin = self.cursor if start is None else start
        if self.plan is None:
            return origin
        places = self._places()
        candidates = sorted(
            (pos, places[widget].y) for pos, widget in self._widgets.items() if widget in places
        )
        fallback = max(1, len(candidates) // (8 if half else 4))
        widget = self._widgets.get(origin)
        if widget is None or widget not in places:
            return max(0, min(len(self.plan) - 1, origin + direction * fallback))
        height = max(1, self.scrollable_content_region.height - 2)
        if half:
            height = max(1, height // 2)
        target_y = places[widget].y + direction * height
        if direction > 0:
            below = [pos for pos, y in candidates if pos > origin and y >= target_y]
            if below:
                return below[0]
            return min(len(self.plan) - 1, origin + fallback)
        above = [pos for pos, y in candidates if pos < origin and y <= target_y]
        if above:
            return above[-1]
        return max(0, origin - fallback)

    def _places(self) -> dict[Widget, Region]:
        """Where each mounted row is in the view's scrolling space.

        Read from the view's own arrangement (cached by Textual for the size it was laid out
        at), not from the screen's map: asking the screen for a widget out of sight rebuilds
        the map of every widget and makes the next frame repaint the whole terminal, which
        was most of what a `j` cost."""
        arrangement = self.arrange(self.scrollable_content_region.size)
        return {placement.widget: placement.region for placement in arrangement.placements}

    def window_size(self) -> tuple[int, int]:
        """Rows to mount, and how close to the window's edge the cursor may come: a page of
        passages as the margin (a passage takes two lines or more, so a screen shows at most
        half its height in passages), eight pages mounted. Sliding the window remounts it
        (50-70 ms, a visible hitch in reading), so it is wide enough to hold most briefings
        whole (88 rows at 100x30); the first frame mounts only a page each side of the
        cursor, so the width costs the first frame nothing. A small terminal mounts fewer."""
        # Before its first layout the view's height is the screen's less the briefing's
        # header, status line and footer (eight lines).
        height = self.size.height or max(1, self.app.size.height - 8)
        page = min(self.MARGIN, max(8, height // 2))
        return min(self.WINDOW, 8 * page), page

    def _mount_window(self, force: bool = False, first_frame: bool = False) -> bool:
        """Mount the rows around the cursor, unless they already are; True if it mounted.

        For a briefing's `first_frame`, only what that frame needs: a page below the cursor
        (which opens at the top of the view) and a page above it; the rest of the window is
        mounted once the frame is drawn (`_complete_window`). Each mounted row costs time
        before the first frame: 44 rows at 100x30 took 100-160 ms to show, 23 rows 50-110."""
        plan = self.plan
        assert plan is not None
        if not len(plan):
            self.remove_children()
            self._widgets = {}
            self.mount(Static(Content("Nothing to show here."), classes="empty"))
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
        self._widgets = {}
        widgets = self._make_rows(start, end)
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets)
        return True

    def _make_rows(self, start: int, end: int) -> list[Widget]:
        """Widgets for rows `start` to `end` of the plan, each passage's kept by position."""
        assert self.plan is not None
        widgets: list[Widget] = []
        for item in self.plan.rows[start:end]:
            if item.passage is None:
                widgets.append(SectionTitle(Content(item.section.title), markup=False))
            else:
                widget = PassageWidget(item, self._content(item))
                self._widgets[item.position] = widget
                widgets.append(widget)
        return widgets

    def _complete_window(self, window: tuple[int, int]) -> None:
        """After a briefing's first frame, mount the rows below it up to a whole window. Rows
        are only added at the end, so nothing on screen moves; a window remounted since (a
        key pressed at once) is already whole."""
        if self.plan is None or self._window != window or not self._widgets:
            return
        start, end = window
        size, _margin = self.window_size()
        whole = min(len(self.plan.rows), start + size)
        if whole > end:
            self._window = (start, whole)
            self.mount_all(self._make_rows(end, whole))

    def _place_cursor(self, top: bool = False, laid_out: bool = False) -> None:
        """Mark the cursor's passage and scroll it into view: at once when its place is known
        (`laid_out`), so the key's frame shows both; after the next refresh when it was just
        mounted (a second frame, one key in a window's width of them)."""
        widget = self._widgets.get(self.cursor)
        if widget is None:
            return
        widget.add_class("-cursor")
        position = self.cursor

        def scroll() -> None:
            # A move made since (G then 'q typed at once) owns the scroll: scrolling for this
            # one now would slide the window and the cursor with it.
            if self.cursor != position or widget not in self.children:
                return
            with self._scrolling_to_cursor():
                if position == 0:
                    self.scroll_home(animate=False, immediate=True)
                elif (place := self._places().get(widget)) is not None:
                    region = place.grow(widget.styles.margin)
                    self.scroll_to_region(region, animate=False, top=top, immediate=True)

        if laid_out:
            scroll()
        else:
            self.call_after_refresh(scroll)

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
        widget = self.current_widget()
        if widget is not None:
            self.call_after_refresh(self._show_widget, widget)

    def _show_widget(self, widget: PassageWidget) -> None:
        if widget is not self.current_widget():
            return
        with self._scrolling_to_cursor():
            self.scroll_to_widget(widget, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling (mouse wheel, scrollbar) past the mounted window slides it along."""
        super().watch_scroll_y(old_value, new_value)
        if self._own_scroll or new_value == old_value:
            return
        anchor = self._edge_reached(new_value > old_value)
        if anchor is not None:
            self.call_later(self._follow_scroll, anchor, self._moves, new_value > old_value)

    def _edge_reached(self, down: bool) -> int | None:
        """The passage just past the mounted window, when the view is scrolled to its edge."""
        if self.plan is None or not self._widgets:
            return None
        start, end = self._window
        if down and self.scroll_y >= self.max_scroll_y and end < len(self.plan.rows):
            return max(self._widgets) + 1
        if not down and self.scroll_y <= 0 and start > 0:
            return min(self._widgets) - 1
        return None

    def _follow_scroll(self, position: int, moves: int, down: bool) -> None:
        # A key pressed since, or a scroll undone since, makes this one stale.
        if moves != self._moves or self._edge_reached(down) != position:
            return
        self.move_to(position)
        self.post_message(self.CursorMoved(self.cursor))

    def on_passage_widget_clicked(self, message: PassageWidget.Clicked) -> None:
        self.move_to(message.position)
        self.post_message(self.CursorMoved(message.position))

    @dataclass
    class CursorMoved(Message):
        position: int
