"""The briefing's status line: where the reader is, redrawn on every key.

A `Static` laid its text out again through Textual's general text pipeline on every `j`
(a tenth of the key's frame); one line cut at the edge needs one strip.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget


class StatusLine(Widget):
    """One line of text, cut with an ellipsis where the widget ends."""

    DEFAULT_CSS = "StatusLine { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")
        self._strip: Strip | None = None  # drawn for the current text, width and colours

    def update(self, content: Content) -> None:
        if content.plain == self._content.plain and content.spans == self._content.spans:
            return
        self._content = content
        self._strip = None
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        style = self.get_visual_style()
        if y or width < 1:
            return Strip.blank(max(0, width), style.rich_style)
        if self._strip is None or self._strip.cell_length != width:
            line = self._content.truncate(width, ellipsis=True)
            segments = [Segment(text, part.rich_style) for text, part in line.render(style, "")]
            blank = RichStyle(bgcolor=style.rich_style.bgcolor)  # as Textual pads a line
            self._strip = Strip(segments).extend_cell_length(width, blank)
        return self._strip

    def notify_style_update(self) -> None:
        """A new theme: the drawn line carries the old colours."""
        super().notify_style_update()
        self._strip = None
