"""An option list that moves as every list in the reader does: j/k, g/G, half pages and
pages, and counts (5j) typed on the screen it sits on."""

from __future__ import annotations

from textual.widgets import OptionList

from brief_tui.keys import LISTS
from brief_tui.tui.keymap import bindings


class KeyList(OptionList):
    BINDINGS = bindings(LISTS)

    def _count(self) -> int:
        """The count typed on the screen before this motion (1 without one, or unmounted)."""
        if not self.is_attached:
            return 1
        take = getattr(self.screen, "take_count", None)
        return take() if take is not None else 1

    def action_cursor_down(self) -> None:
        for _ in range(self._count()):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        for _ in range(self._count()):
            super().action_cursor_up()

    def action_first(self) -> None:
        self._count()  # a count before g means nothing here: use it up
        super().action_first()

    def action_last(self) -> None:
        self._count()
        super().action_last()

    def action_half_page(self, direction: int) -> None:
        """ctrl+d / ctrl+u: half the visible options down or up."""
        # As many options as fill half the view, from their average height.
        lines = max(1, self.virtual_size.height)
        visible = self.option_count * self.scrollable_content_region.height / lines
        step = max(1, int(visible // 2))
        for _ in range(step * self._count()):
            if direction > 0:
                super().action_cursor_down()
            else:
                super().action_cursor_up()

    def action_page_down(self) -> None:
        for _ in range(self._count()):
            super().action_page_down()

    def action_page_up(self) -> None:
        for _ in range(self._count()):
            super().action_page_up()
