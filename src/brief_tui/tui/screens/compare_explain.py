"""The compare pane's "about this pane" (?): what rows, sides and gaps mean, and its keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from brief_tui.tui.keymap import bindings_by_id, keys_shown

EXPLANATION = """\
Compare recommendations

Each column is one source; each row, recommendations on the chosen pillar. Recommendations
that address the same thing share a row: either a curator gave them the same theme in
content/curation.toml (shown as "same theme"), or their wording overlaps (rare words count
more than common ones). What has no counterpart stands alone, with "nothing comparable" on
the other side; a source with nothing on the pillar says so in its heading: silence is
information. Each cell says what it is and who: ▶ Ask · who is asked, ▶ Commitment · who
commits, ▷ Reported · who acted.

Sides (m): every ask in an advocacy or research document on the left, every government's
commitment or reported action on the right (commitments in government documents, and what
advocacy documents report governments did), aligned the same way. The gaps are named: "no
commitment answers this ask", "no one asked for this".

Keys: Tab switches side · j/k move between rows · [ ] change the left source · { } the right ·
1-6 choose a pillar, 0 any pillar · s swaps the sides · m documents or sides · Enter opens the
recommendation in its briefing · h highlights it · a adds a note · + adds a third source on
terminals 160 columns wide (− removes it) · C shows the coverage matrix · Esc goes back."""


class ExplainCompare(ModalScreen[None]):
    BINDINGS = bindings_by_id("explain-close")

    def compose(self) -> ComposeResult:
        panel = Static(Content(EXPLANATION), id="explain", markup=False)
        panel.border_title = f"About this pane ({keys_shown(self.app, 'explain-close')} closes)"
        yield panel

    def action_close(self) -> None:
        self.dismiss(None)
