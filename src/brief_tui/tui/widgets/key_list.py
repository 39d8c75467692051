"""An option list that also moves with j/k and jumps with g/G, as every list in the reader does."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "down"),
        Binding("k", "cursor_up", "up"),
        Binding("g", "first", "first", show=False),
        Binding("G", "last", "last", show=False),
    ]
