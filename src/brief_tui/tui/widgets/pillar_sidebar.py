"""The pillar sidebar: the five pillars and the P group, with counts, to filter by."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.corpus.pillars import PILLARS
from brief_tui.tui.widgets.badges import PILLAR_STYLES
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import plural

WIDTHS = {"full": 46, "short": 34, "ids": 16}  # columns per style; the CSS below agrees


class PillarSidebar(KeyList):
    """Announces `PillarSidebar.Chosen` when a pillar is picked; the screen decides what it means."""

    DEFAULT_CSS = """
    PillarSidebar { width: 34; height: 1fr; border: none; border-right: solid $panel-lighten-2; padding: 0; scrollbar-size-vertical: 1; }
    PillarSidebar.-wide { width: 46; }
    PillarSidebar.-narrow { width: 16; }
    """

    @dataclass
    class Chosen(Message):
        pillar: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "Pillars"
        self._local: dict[str, int] = {}
        self._library: dict[str, int] = {}
        self._local_label = ""
        self._active: str | None = None
        self._style = "short"

    def set_counts(
        self, local: dict[str, int], library: dict[str, int], local_label: str = ""
    ) -> None:
        """Counts of passages per pillar here (in this briefing) and in the whole library."""
        self._local, self._library, self._local_label = local, library, local_label
        self._rebuild()

    def set_active(self, pillar: str | None) -> None:
        """Mark the active filter, and move the cursor to it so both sit on one pillar."""
        self._active = pillar
        self._rebuild()
        if pillar is not None:
            self.highlighted = next(i for i, p in enumerate(PILLARS) if p.id == pillar)

    @property
    def style(self) -> str:
        return self._style

    def set_style(self, style: str) -> None:
        """'full' names on wide terminals, 'short' names, or 'ids' when narrow."""
        if style != self._style:
            self._style = style
            self.set_class(style == "full", "-wide")
            self.set_class(style == "ids", "-narrow")
            self._rebuild()

    def _prompt(self, pillar_id: str, short: str, name: str) -> Content:
        mark = "●" if pillar_id == self._active else " "
        here = self._local.get(pillar_id, 0)
        total = self._library.get(pillar_id, 0)
        if self._style == "ids":
            counts = f"{here}/{total}" if self._local_label else str(total)
            return Content.assemble(
                mark, (f" {pillar_id:<3}", PILLAR_STYLES[pillar_id]), " ", (counts, "dim")
            )
        counts = (
            f"{here} here · {total} in library" if self._local_label else plural(total, "passage")
        )
        title = name if self._style == "full" else short
        indent = "      "
        wrapped = textwrap.wrap(title, WIDTHS[self._style] - len(indent) - 3)
        return Content.assemble(
            mark,
            (f" {pillar_id:<3}", PILLAR_STYLES[pillar_id]),
            " ",
            (counts, "dim"),
            "\n",
            "\n".join(indent + line for line in wrapped or [title]),
        )

    def _rebuild(self) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Option(self._prompt(p.id, p.short, p.name), id=p.id) for p in PILLARS])
        self.highlighted = highlighted if highlighted is not None else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
