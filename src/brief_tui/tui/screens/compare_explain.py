"""The compare pane's "about this pane" (?): what rows, sides and gaps mean, and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from brief_tui.tui.keymap import bindings_by_id, keys_shown

EXPLANATION = """\
Each column is one source; each row, recommendations on the chosen pillar. Recommendations on
the same thing share a row: a curator gave them the same theme (content/curation.toml), or
their wording overlaps (rare words count more). What has no counterpart stands alone; a source
with nothing on the pillar says so: silence is information. Each cell says what it is and who:
▶ Ask · who is asked, ▶ Commitment · who commits, ▷ Reported · who acted.

Sides (m): asks in advocacy and research documents on the left; on the right, governments'
commitments and reported actions (from government documents, and what advocacy documents
report governments did), aligned the same way. The gaps are named: "no commitment answers this
ask", "no one asked for this".

Keys: Tab switches side · j/k move between rows · [ ] change the left source · { } the right ·
1-6 choose a pillar, 0 any pillar · s swaps the sides · m documents or sides · Enter opens the
recommendation in its briefing · h highlights it · a adds a note · + adds a third source on
terminals 160 columns wide (− removes it) · C shows the coverage matrix · Esc goes back."""


def unwrap(text: str) -> str:
    """Paragraphs as single lines, so the panel wraps them to its own width."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))


class ExplainCompare(ModalScreen[None]):
    """Scrolls when a short terminal cannot show it all."""

    BINDINGS = bindings_by_id("explain-close")
    DEFAULT_CSS = "#explain { max-height: 100%; }"

    def compose(self) -> ComposeResult:
        panel = VerticalScroll(Static(Content(unwrap(EXPLANATION)), markup=False), id="explain")
        panel.border_title = f"About this pane ({keys_shown(self.app, 'explain-close')} closes)"
        yield panel

    def action_close(self) -> None:
        self.dismiss(None)
