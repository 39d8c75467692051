"""One pillar across the whole library: its passages grouped by briefing, each opening in context."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.corpus.model import RECOMMENDATION_KINDS, SOURCE_TYPES, Document, Library, Passage
from brief_tui.corpus.pillars import PILLARS_BY_ID, label
from brief_tui.keys import PILLAR_VIEW
from brief_tui.reading import kept_by_filters
from brief_tui.tui.keymap import bindings, hint
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.base import SidebarScreen
from brief_tui.tui.widgets.badges import PILLAR_STYLES, badges
from brief_tui.tui.widgets.key_footer import KeyFooter
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.tui.widgets.pillar_sidebar import PillarSidebar
from brief_tui.wording import KIND_PLURALS, clip


class PillarPassages(KeyList):
    DEFAULT_CSS = "PillarPassages { height: 1fr; border: none; }"


class PassageOption(Option):
    """A passage of the pillar view, carrying its briefing and passage."""

    def __init__(self, document: Document, passage: Passage, prompt: Content) -> None:
        super().__init__(prompt)
        self.document = document
        self.passage = passage


class PillarScreen(SidebarScreen):
    KEY_CONTEXT = PILLAR_VIEW
    BINDINGS = bindings(PILLAR_VIEW)

    def __init__(self, library: Library, pillar: str) -> None:
        super().__init__()
        self.library = library
        self.pillar = pillar
        self.kind: str | None = None  # only asks, commitments or reports
        self.source_type: str | None = None  # only one source type

    def compose(self) -> ComposeResult:
        yield Static(id="pillar-title", markup=False)
        with Horizontal(id="body"):
            yield PillarSidebar(id="sidebar")
            yield PillarPassages(id="pillar-passages", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        sidebar = self.query_one(PillarSidebar)
        sidebar.set_counts({}, self.app.library_counts)  # type: ignore[attr-defined]
        self.show_pillar(self.pillar)
        self.query_one(PillarPassages).focus()

    def show_pillar(self, pillar: str) -> None:
        self.pillar = pillar
        self.query_one(PillarSidebar).set_active(pillar)
        options: list[Option | None] = []
        total = briefings = 0
        for doc in self.library.documents:
            hits = [
                (s, p)
                for s, p in doc.passages()
                if pillar in p.pillars and kept_by_filters(doc, p, self.kind, self.source_type)
            ]
            if not hits:
                continue
            briefings += 1
            total += len(hits)
            count = f"{len(hits)} passage" + ("s" if len(hits) != 1 else "")
            heading = Content.assemble((doc.title, "bold underline"), (f"  {count}", "dim"))
            options.append(Option(heading, disabled=True))
            for section, passage in hits:
                text = clip(passage.text, 240)
                prompt = Content.assemble(
                    (section.title, "italic dim"),
                    "\n",
                    text,
                    "\n",
                    badges(
                        passage.pillars,
                        passage.recommendation,
                        False,
                        passage.recommendation_kind,
                        (passage.actor, passage.addressee),
                    ),
                    "\n",
                )
                options.append(PassageOption(doc, passage, prompt))
            options.append(None)
        passages = self.query_one(PillarPassages)
        passages.clear_options()
        filters = self._filter_words()
        passages.add_options(
            options
            or [
                Option(
                    f"No passage in the library is tagged {label(pillar)}"
                    + (f" among {filters}." if filters else "."),
                    disabled=True,
                )
            ]
        )
        first = next((i for i, o in enumerate(options) if o is not None and not o.disabled), None)
        passages.highlighted = first
        self.query_one("#pillar-title", Static).update(
            Content.assemble(
                (f" {label(pillar)} ", PILLAR_STYLES[pillar]),
                (f" {PILLARS_BY_ID[pillar].name}", "bold"),
                (f" · {filters}" if filters else "", "bold reverse" if filters else ""),
                f" · {total} passages in {briefings} briefings · Enter opens in context · "
                + hint(
                    self.app,
                    ("pillar-view-kind", "kind"),
                    ("pillar-view-type", "type"),
                    ("pillar-view-back", "back"),
                ),
            )
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, PassageOption):
            self.post_message(OpenBriefing(event.option.document.id, event.option.passage.id))

    def on_pillar_sidebar_chosen(self, message: PillarSidebar.Chosen) -> None:
        self.show_pillar(message.pillar)

    def action_pillar(self, pillar: str) -> None:
        self.show_pillar(pillar)

    def _filter_words(self) -> str:
        """'asks · government sources': the filters in force, for the title."""
        words = []
        if self.kind:
            words.append(KIND_PLURALS[self.kind])
        if self.source_type:
            words.append(f"{self.source_type} sources")
        return " · ".join(words)

    def action_cycle_kind(self) -> None:
        cycle = (None, *RECOMMENDATION_KINDS)
        self.kind = cycle[(cycle.index(self.kind) + 1) % len(cycle)]
        self.show_pillar(self.pillar)

    def action_cycle_type(self) -> None:
        cycle = (None, *SOURCE_TYPES)
        self.source_type = cycle[(cycle.index(self.source_type) + 1) % len(cycle)]
        self.show_pillar(self.pillar)

    def action_back(self) -> None:
        self.app.pop_screen()
