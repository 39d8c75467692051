"""A window of a briefing's rows drawn as the lines of one widget (Textual's line API).

A widget per passage made every key slow: moving the cursor restyled two widgets through
the stylesheet, and a scroll drew each newly shown widget for the first time and repainted
the whole terminal. Here a row is wrapped once per width, moving the cursor repaints the
lines of two rows, and a scroll moves one widget whose lines are drawn already.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

from brief_tui.reading import Row

EMPTY = "Nothing to show here."
# Text is never wrapped narrower than this: in a terminal a few columns wide, lines are cut
# at the edge instead of one character each.
NARROWEST = 10


@dataclass
class LaidRow:
    """One row of the plan wrapped at the widget's width, and where it is in the widget."""

    index: int  # the row's index in the plan
    row: Row
    lines: list[Content]
    top: int = 0  # its first line in the widget
    strips: dict[bool, list[Strip]] = field(default_factory=dict)  # drawn, by cursor or not

    @property
    def bottom(self) -> int:
        return self.top + len(self.lines)

    @property
    def margins(self) -> tuple[int, int]:
        """Blank lines wanted above and below it: a section's title one each side, a passage
        one below, a heading one above and none below (it sits on the text it heads).
        Between two rows the larger one counts."""
        passage = self.row.passage
        if passage is None:
            return 1, 1
        return (1, 0) if passage.kind == "heading" else (0, 1)


def indent(row: Row) -> tuple[int, int]:
    """Columns before and after a row's text: a passage's edge (where the cursor and the
    recommendation bar are drawn) and a space each side; a list item is two further in and
    runs to the edge; a section's title a space each side."""
    passage = row.passage
    if passage is None:
        return 1, 1
    return (4, 0) if passage.kind == "item" else (2, 1)


def with_offsets(segments: list[Segment], y: int) -> list[Segment]:
    """Each cell carries its place, so the screen can tell what the mouse selects (as
    `Strip.apply_offsets`, without the strips it makes on the way)."""
    placed = []
    x = 0
    for text, style, _control in segments:
        offset = RichStyle.from_meta({"offset": (x, y)})
        placed.append(Segment(text, style + offset if style else offset))
        x += len(text)
    return placed


class PassageLines(Widget):
    """The rows of a briefing's window, drawn line by line; the view above it scrolls."""

    ALLOW_SELECT = True
    COMPONENT_CLASSES = {
        "passage-lines--heading",
        "passage-lines--section",
        "passage-lines--cursor",
        "passage-lines--cursor-edge",
        "passage-lines--recommendation-edge",
    }
    DEFAULT_CSS = """
    PassageLines { height: auto; }
    PassageLines > .passage-lines--heading { color: $text-primary; }
    PassageLines > .passage-lines--section { color: $text-secondary; text-style: bold underline; }
    PassageLines > .passage-lines--cursor { background: $boost; }
    PassageLines > .passage-lines--cursor-edge { color: $accent; }
    PassageLines > .passage-lines--recommendation-edge { color: $success; }
    """

    @dataclass
    class Clicked(Message):
        position: int

    def __init__(self, content_of: Callable[[Row], Content]) -> None:
        super().__init__()
        self._content_of = content_of
        self.rows: list[Row] = []
        self.first = 0  # the plan index of rows[0]
        self.cursor = -1  # the passage position drawn with the cursor
        self.width = 0  # the width the rows are laid out at; 0 before the first layout
        self.line_count = 0
        self._laid: dict[int, LaidRow] = {}  # by plan index, kept while the window slides
        self._order: list[LaidRow] = []
        self._by_position: dict[int, LaidRow] = {}
        self._stale = True  # rows changed since they were laid out

    # What the view asks for -----------------------------------------------------------------

    def forget(self) -> None:
        """Drop every wrapped row: a new plan, or passages that now read differently."""
        self._laid = {}
        self._stale = True

    def set_rows(self, first: int, rows: list[Row]) -> None:
        """Show `rows`, the plan's rows from index `first`. Rows already wrapped are kept;
        once the widget knows its width the new ones are laid out at once, so the view can
        scroll to them in the same frame."""
        self.first, self.rows = first, rows
        self._stale = True
        if self.width:
            self.lay_out(self.width)
        self.refresh(layout=True)

    def set_cursor(self, position: int) -> None:
        previous, self.cursor = self.cursor, position
        for laid in (self._by_position.get(previous), self._by_position.get(position)):
            if laid is not None:
                self.refresh(Region(0, laid.top, self.width, len(laid.lines)))

    def redraw(self, position: int) -> None:
        """Wrap and draw one passage again (a highlight saved, a selection moved)."""
        laid = self._by_position.get(position)
        if laid is None:
            return
        self._laid.pop(laid.index, None)
        height = len(laid.lines)
        self._stale = True
        if not self.width:
            self.refresh(layout=True)
            return
        self.lay_out(self.width)
        fresh = self._by_position[position]
        if len(fresh.lines) == height:
            self.refresh(Region(0, fresh.top, self.width, height))
        else:
            self.refresh(layout=True)

    def region_of(self, position: int) -> Region | None:
        """A passage's lines and the blank lines around it, in the widget's lines."""
        laid = self._by_position.get(position)
        if laid is None or self._stale:
            return None
        above, below = laid.margins
        top = max(0, laid.top - above)
        return Region(0, top, self.width, laid.bottom + below - top)

    def passage_tops(self) -> list[tuple[int, int]]:
        """(position, first line) of each passage in the window, in reading order."""
        return [(laid.row.position, laid.top) for laid in self._order if laid.row.passage]

    def positions(self) -> tuple[int, int] | None:
        """The first and last passage positions in the window."""
        if not self._by_position:
            return None
        return min(self._by_position), max(self._by_position)

    def selected_passages(self) -> list[Row]:
        """The passage rows that the mouse selection touches."""
        selection = self.text_selection
        if selection is None:
            return []
        first = selection.start.y if selection.start is not None else 0
        last = selection.end.y if selection.end is not None else self.line_count
        return [
            laid.row
            for laid in self._order
            if laid.row.passage and laid.top <= last and laid.bottom > first
        ]

    # Layout ---------------------------------------------------------------------------------

    def lay_out(self, width: int) -> None:
        """Wrap the window's rows at `width` (those not wrapped yet) and place them one below
        the other, margins collapsed."""
        if width != self.width:
            self._laid = {}
            self.width = width
        elif not self._stale:
            return
        laid_rows: dict[int, LaidRow] = {}
        order: list[LaidRow] = []
        line = 0
        below = 0
        for offset, row in enumerate(self.rows):
            index = self.first + offset
            laid = self._laid.get(index)
            if laid is None or laid.row is not row:
                laid = LaidRow(index, row, self._wrap(row, width))
            above = laid.margins[0]
            line += max(above, below) if order else above
            if laid.top != line:
                laid.top = line
                laid.strips.clear()
            line += len(laid.lines)
            below = laid.margins[1]
            laid_rows[index] = laid
            order.append(laid)
        self._laid = laid_rows
        self._order = order
        self._by_position = {laid.row.position: laid for laid in order if laid.row.passage}
        self.line_count = line + below if order else 1
        self._stale = False

    def _wrap(self, row: Row, width: int) -> list[Content]:
        before, after = indent(row)
        content = Content(row.section.title) if row.passage is None else self._content_of(row)
        return content.wrap(max(NARROWEST, width - before - after)) or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width < 1:
            return 1
        self.lay_out(width)
        return self.line_count

    # Drawing --------------------------------------------------------------------------------

    def _row_at(self, y: int) -> LaidRow | None:
        index = bisect_right(self._order, y, key=lambda laid: laid.top) - 1
        if index < 0:
            return None
        laid = self._order[index]
        return laid if y < laid.bottom else None

    def render_line(self, y: int) -> Strip:
        return self._line(y, self.text_selection)

    def _line(self, y: int, selection: Selection | None) -> Strip:
        laid = self._row_at(y)
        if laid is None:
            base = self.get_visual_style().rich_style
            if not self._order and y == 0:
                return Strip([Segment(f" {EMPTY}", base)]).extend_cell_length(self.width, base)
            return Strip.blank(self.width, base)
        cursor = laid.row.passage is not None and laid.row.position == self.cursor
        strips = laid.strips.get(cursor)
        if strips is None:
            strips = laid.strips[cursor] = self._draw(laid, cursor)
        strip = strips[y - laid.top]
        if selection is not None and (span := selection.get_span(y)) is not None:
            strip = self._selected(strip, *span).apply_offsets(0, y)
        return strip

    def _draw(self, laid: LaidRow, cursor: bool) -> list[Strip]:
        """The row's lines as strips the widget's width: edge, indent, text, padding; drawn
        for where the row is (`top`), and again when it moves."""
        passage = laid.row.passage
        before, _after = indent(laid.row)
        style = self.get_visual_style
        if passage is None:
            pad, text = style(), style("passage-lines--section")
            lead = [Segment(" " * before, pad.rich_style)]
        else:
            names = ("passage-lines--cursor",) if cursor else ()
            pad = style(*names)
            heading = ("passage-lines--heading",) if passage.kind == "heading" else ()
            text = style(*names, *heading)
            if cursor:
                edge = Segment("█", style(*names, "passage-lines--cursor-edge").rich_style)
            elif passage.recommendation:
                edge = Segment("║", style("passage-lines--recommendation-edge").rich_style)
            else:
                edge = Segment(" ", pad.rich_style)
            lead = [edge, Segment(" " * (before - 1), pad.rich_style)]
        width, pad_style = self.width, pad.rich_style
        strips = []
        for y, line in enumerate(laid.lines, start=laid.top):
            segments = [*lead, *(Segment(t, s.rich_style) for t, s in line.render(text, ""))]
            used = before + line.cell_length
            if used < width:
                segments.append(Segment(" " * (width - used), pad_style))
            elif used > width:  # a terminal narrower than the narrowest wrap: cut at the edge
                segments = list(Strip(segments).crop(0, width))
            strips.append(Strip(with_offsets(segments, y), width))
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines as drawn, cut to `crop`, through the app's filters. Textual's pass over
        each line (border, padding, tint, opacity: none here) copied every line shown, and
        kept the copy, on each page: a third of a page down's frame."""
        selection = self.text_selection  # looked up through the screen: once, not per line
        lines = [self._line(y, selection) for y in crop.line_range]
        if filters := self.get_line_filters():
            background = self.background_colors[1]
            for line_filter in filters:
                lines = [line.apply_filter(line_filter, background) for line in lines]
        if crop.column_span != (0, self.size.width):
            lines = [line.crop(*crop.column_span) for line in lines]
        return lines

    def _selected(self, strip: Strip, start: int, end: int) -> Strip:
        end = strip.cell_length if end == -1 else end
        if end <= start:
            return strip
        style: RichStyle = self.screen.get_component_rich_style("screen--selection")
        before, middle, after = strip.divide([start, end, strip.cell_length])
        return Strip.join([before, middle.apply_style(style), after])

    # Mouse ----------------------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, line by line as drawn (the indent as spaces)."""
        lines = [""] * self.line_count
        for laid in self._order:
            pad = " " * indent(laid.row)[0]
            for n, line in enumerate(laid.lines):
                lines[laid.top + n] = pad + line.plain
        return selection.extract("\n".join(lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        laid = self._row_at(event.y)
        if laid is not None and laid.row.passage is not None:
            self.post_message(self.Clicked(laid.row.position))

    def notify_style_update(self) -> None:
        """A new theme (or hover, focus): drawn lines carry the old colours."""
        super().notify_style_update()
        for laid in self._order:
            laid.strips.clear()
