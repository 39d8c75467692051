"""The first screen: every briefing, bundled and the user's own, and the pillar sidebar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from brief_tui.corpus.model import Document, Library
from brief_tui.keys import LIBRARY
from brief_tui.tui.keymap import bindings
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.base import SidebarScreen
from brief_tui.tui.widgets.key_footer import KeyFooter
from brief_tui.tui.widgets.library_list import LibraryList
from brief_tui.tui.widgets.pillar_sidebar import WIDTHS, PillarSidebar
from brief_tui.wording import agree, plural


class LibraryScreen(SidebarScreen):
    # j/k belong to the list itself; the screen handles opening and the pillar keys.
    KEY_CONTEXT = LIBRARY
    BINDINGS = bindings(LIBRARY)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Static(self._summary(), id="library-title", markup=False)
        with Horizontal(id="body"):
            yield PillarSidebar(id="sidebar")
            yield LibraryList(self.library, id="library")
        yield KeyFooter()

    def _summary(self) -> Content:
        totals = self.library.totals()
        failed = (
            f" · {len(self.library.problems)} could not be loaded" if self.library.problems else ""
        )
        return Content.assemble(
            ("brief-tui", "bold"),
            f"  Library: {totals.documents} briefings · {totals.passages} passages · "
            f"{totals.recommendations} recommendations{failed}",
        )

    def on_mount(self) -> None:
        self.query_one(LibraryList).focus()
        # The briefings come first; the sidebar's counts follow a frame later, so the first
        # paint has less to lay out.
        self.call_after_refresh(self._complete)

    def _complete(self) -> None:
        if not self.is_attached:
            return
        if self.library.listing is not None:  # drawn from the first page: now all of it
            self.set_library(self.app.library)  # type: ignore[attr-defined]
            return
        self.query_one(PillarSidebar).set_counts({}, self.app.library_counts)  # type: ignore[attr-defined]
        self.show_progress()

    def show_progress(self) -> None:
        """How far each briefing has been read, from the saved reading positions."""
        from brief_tui.reading import read_fractions  # after the first frame

        positions = self.app.notes_call(lambda s: s.positions(), quiet=True) or {}  # type: ignore[attr-defined]
        places = {doc: p.passage for doc, p in positions.items() if p.passage}
        progress = read_fractions(self.library.documents, places, self.library.catalog)
        listing = self.query_one(LibraryList)
        if progress != listing.progress:
            listing.progress = progress
            listing.render_cards(listing.card_width, force=True)

    def on_screen_resume(self) -> None:
        if self.query_one(LibraryList).card_width:
            self.show_progress()

    def after_adapt(self, width: int) -> None:
        sidebar = self.query_one(PillarSidebar)
        available = width - (WIDTHS[sidebar.style] if sidebar.display else 0)
        self.query_one(LibraryList).render_cards(max(30, available))

    @property
    def current_document(self) -> Document | None:
        """The briefing under the cursor, which compare and export start from."""
        return self.query_one(LibraryList).highlighted_document

    current_pillar = None  # the library has no pillar in view

    def on_library_list_opened(self, message: LibraryList.Opened) -> None:
        self.post_message(OpenBriefing(message.document.id))

    def action_open(self) -> None:
        if (document := self.current_document) is not None:
            self.post_message(OpenBriefing(document.id))

    def set_library(self, library: Library) -> None:
        """Show `library` instead (all of it after its first page, or after a removal)."""
        self.library = library
        listing = self.query_one(LibraryList)
        listing.library = library
        self.query_one("#library-title", Static).update(self._summary())
        self.query_one(PillarSidebar).set_counts({}, self.app.library_counts)  # type: ignore[attr-defined]
        listing.render_cards(listing.card_width, force=True)
        self.show_progress()

    def action_remove(self) -> None:
        """x: remove the highlighted document, if the user added it, after asking."""
        from brief_tui.corpus.user_library import removal_problem
        from brief_tui.tui.screens.dialogs import ConfirmScreen

        doc = self.current_document
        if doc is None:
            return
        if problem := removal_problem(doc):
            self.notify(problem, severity="warning", timeout=4)
            return
        notes = self.app.notes_call(  # type: ignore[attr-defined]
            lambda s: (
                len(s.highlights(doc.id)) + sum(b.anchor.document == doc.id for b in s.bookmarks())
            ),
            quiet=True,
        )
        kept = (
            f"Its {plural(notes, 'note')} will be kept, orphaned, in the notes panel (H) until "
            f"you delete {agree(notes, 'it')}."
            if notes
            else "It has no notes."
        )
        question = Content.assemble(
            "Remove ", (f"“{doc.title}”", "bold"), " from your library? ", kept
        )

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.remove_document(doc)  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmScreen("Remove a document", question), answer)

    def on_pillar_sidebar_chosen(self, message: PillarSidebar.Chosen) -> None:
        self.action_pillar(message.pillar)

    def action_pillar(self, pillar: str) -> None:
        from brief_tui.tui.screens.pillar import PillarScreen

        self.app.push_screen(PillarScreen(self.library, pillar))
