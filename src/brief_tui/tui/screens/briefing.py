"""Reading one briefing: header, pillar sidebar, passages with a cursor, and the reader keys."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from brief_tui.corpus.citation import page_label, quote_with_citation
from brief_tui.corpus.model import RECOMMENDATION_KINDS, Document, Library
from brief_tui.corpus.pillars import PILLARS_BY_ID, label
from brief_tui.keys import BRIEFING
from brief_tui.reading import ReadingPlan, refiltered, step_hit
from brief_tui.tui.keymap import bindings, keys_shown
from brief_tui.tui.screens.briefing_notes import BriefingNotes
from brief_tui.tui.screens.dialogs import OutlineScreen, WhyScreen
from brief_tui.tui.widgets.doc_header import DocHeader
from brief_tui.tui.widgets.key_footer import KeyFooter
from brief_tui.tui.widgets.passage_view import Highlight, PassageView
from brief_tui.tui.widgets.pillar_sidebar import PillarSidebar
from brief_tui.tui.widgets.status_line import StatusLine
from brief_tui.wording import KIND_PLURALS

if TYPE_CHECKING:
    from brief_tui.search.request import SearchRequest


_KIND_WORDS = {"ask": "ask", "commitment": "commitment", "reported": "report"}


class BriefingScreen(BriefingNotes):
    KEY_CONTEXT = BRIEFING
    BINDINGS = bindings(BRIEFING)

    def __init__(
        self,
        library: Library,
        document: Document,
        passage_id: str | None = None,
        search: SearchRequest | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.document = document
        self.plan = ReadingPlan(document)
        self.recommendation_kind: str | None = None  # which recommendations } and { visit
        self._start = passage_id
        self.search = search
        self.hits: list[str] = []  # passage ids of search hits here, in reading order
        self._position_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield DocHeader(self.document, id="doc-header")
        yield Static(id="filter-bar", markup=False)
        with Horizontal(id="body"):
            yield PillarSidebar(id="sidebar")
            self._passage_view = PassageView(id="passages")
            yield self._passage_view
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.document.title
        sidebar = self.query_one(PillarSidebar)
        sidebar.set_counts(self.document.pillar_counts(), self.app.library_counts, "here")  # type: ignore[attr-defined]
        if self.search is not None:
            self._load_hits(self.search)
        self.load_marks()
        saved = self.load_position()
        start_id = self._start or saved
        start = self.plan.position_of(start_id) if start_id else 0
        self.view.show(self.plan, start or 0)
        self._update_bars()
        self.view.focus()

    def after_adapt(self, width: int) -> None:
        self.view.set_named_badges(width >= 60)
        self.query_one(DocHeader).set_compact(self.app.size.height < 34)

    # Movement -----------------------------------------------------------------------------

    def _go(self, position: int | None, *, top: bool = False, notice: str = "") -> None:
        if position is None:
            if notice:
                self.notify(notice, timeout=2)
            return
        self._end_selection()
        self.view.move_to(position, top=top)
        self._moved()

    def _moved(self) -> None:
        self._update_bars()
        # Remember the reading position once the reader pauses, not on every key.
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(0.8, self.remember_position)

    def on_unmount(self) -> None:
        self.remember_position()
        # A closed briefing's widgets hold cycles, so only a full collection frees them; left
        # to the collector's own counts it ran inside a later open or key (12 collections of
        # 15-65 ms in 20 opens, bench/catalog_reader.py). Just after the next frame, it comes
        # before a person's next key instead.
        self.app.call_after_refresh(gc.collect)

    def on_screen_suspend(self) -> None:
        self.remember_position()  # before a screen above it, maybe of this briefing, saves

    def on_screen_resume(self) -> None:
        self.forget_saved_position()

    # What the app asks of the screen in view (compare, export, search).

    @property
    def current_document(self) -> Document:
        return self.document

    @property
    def current_pillar(self) -> str | None:
        """The filter, else the first pillar of the passage under the cursor."""
        current = self._current()
        return self.plan.pillar or (
            current[1].pillars[0] if current and current[1].pillars else None
        )

    def action_cursor_down(self) -> None:
        count = self.take_count()
        if self.selecting:
            self.extend_selection(+count)
        else:
            self._go(self.view.cursor + count)

    def action_cursor_up(self) -> None:
        count = self.take_count()
        if self.selecting:
            self.extend_selection(-count)
        else:
            self._go(self.view.cursor - count)

    def action_half_page(self, direction: int) -> None:
        """ctrl+d / ctrl+u: half a screen down or up, as less and vim do."""
        target = self.view.cursor
        for _ in range(self.take_count()):
            target = self.view.page_target(direction, half=True, start=target)
        self._go(target)

    def action_confirm(self) -> None:
        if self.selecting:
            self.action_highlight()

    def action_page_down(self) -> None:
        target = self.view.cursor
        for _ in range(self.take_count()):
            target = self.view.page_target(+1, start=target)
        self._go(target, top=True)

    def action_page_up(self) -> None:
        target = self.view.cursor
        for _ in range(self.take_count()):
            target = self.view.page_target(-1, start=target)
        self._go(target, top=True)

    def action_first(self) -> None:
        """g, gg, Home: the first passage; with a count (5g), that passage."""
        count = self._count
        self.take_count()
        self._go(int(count) - 1 if count else 0, top=True)

    def action_last(self) -> None:
        """G, End: the last passage; with a count (5G), that passage, as in vim."""
        count = self._count
        self.take_count()
        self._go(int(count) - 1 if count else len(self.plan) - 1)

    def _repeat(self, step: object, notice: str, *, top: bool = False) -> None:
        """Apply a jump (next section, next recommendation) count times."""
        position: int | None = self.view.cursor
        for _ in range(self.take_count()):
            following = step(position)  # type: ignore[operator]
            if following is None or following == position:
                break
            position = following
        self._go(position if position != self.view.cursor else None, top=top, notice=notice)

    def action_next_section(self) -> None:
        self._repeat(self.plan.next_section, "This is the last section.", top=True)

    def action_previous_section(self) -> None:
        self._repeat(self.plan.previous_section, "This is the first section.", top=True)

    def action_next_recommendation(self) -> None:
        kind = self.recommendation_kind
        self._repeat(
            lambda at: self.plan.next_recommendation(at, kind),
            f"No later {_KIND_WORDS.get(kind or '', 'recommendation')}.",
        )

    def action_previous_recommendation(self) -> None:
        kind = self.recommendation_kind
        self._repeat(
            lambda at: self.plan.previous_recommendation(at, kind),
            f"No earlier {_KIND_WORDS.get(kind or '', 'recommendation')}.",
        )

    def action_cycle_recommendation_kind(self) -> None:
        """Which recommendations } and { visit: all, then asks, commitments, reports."""
        cycle = (None, *RECOMMENDATION_KINDS)
        self.recommendation_kind = cycle[(cycle.index(self.recommendation_kind) + 1) % len(cycle)]
        kind = self.recommendation_kind
        count = len(self.plan.recommendations_of(kind))
        which = "every recommendation" if kind is None else KIND_PLURALS[kind]
        self.notify(
            f"{keys_shown(self.app, 'next-recommendation')} and "
            f"{keys_shown(self.app, 'previous-recommendation')} now visit {which} "
            f"({count} here)."
        )

    def on_passage_view_cursor_moved(self, message: PassageView.CursorMoved) -> None:
        self._end_selection()
        self._moved()

    # Search hits --------------------------------------------------------------------------

    def _load_hits(self, request: SearchRequest) -> None:
        """Every passage of this briefing that the search matches, and what to highlight."""
        query = request.query()
        index = self.app.search_index()  # type: ignore[attr-defined]
        found = index.search(query, scope=self.document.id, limit=100_000)
        order = {p.id: i for i, (_, p) in enumerate(self.document.passages())}
        passages = {
            h.entry.passage for h in found if h.entry.kind == "passage" and h.entry.passage in order
        }
        self.hits = sorted(passages, key=order.__getitem__)
        words = frozenset().union(*(h.words for h in found)) if found else frozenset()
        self.view.highlight = Highlight(words, query.phrases)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n and N do nothing without a search: hidden from the footer and help, not refused."""
        return not (action in ("next_hit", "previous_hit") and self.search is None)

    def _step_hit(self, direction: int) -> None:
        if not self.hits:
            self.notify("No hits in this briefing.", timeout=2)
            return
        visible = sorted(
            pos for pid in self.hits if (pos := self.plan.position_of(pid)) is not None
        )
        if not visible:
            keys = keys_shown(self.app, "clear-filter")
            self.notify(f"No hits under this filter: {keys} shows all.", timeout=2)
            return
        step = None
        for _ in range(self.take_count()):
            step = step_hit(visible, step.position if step else self.view.cursor, direction)
        if step is None:
            return
        if step.wrapped:
            where = "the first" if direction > 0 else "the last"
            self.notify(f"Search wrapped around to {where} hit.", timeout=2)
        self._go(step.position)

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    # Filtering ----------------------------------------------------------------------------

    def action_filter(self, pillar: str) -> None:
        self.apply_filter(pillar or None)

    def on_pillar_sidebar_chosen(self, message: PillarSidebar.Chosen) -> None:
        self.apply_filter(None if message.pillar == self.plan.pillar else message.pillar)

    def apply_filter(self, pillar: str | None) -> None:
        """A filter shows its passages from the first; clearing it keeps the passage in view."""
        self.plan, position = refiltered(self.plan, self.view.cursor, pillar)
        self.query_one(PillarSidebar).set_active(pillar)
        self.view.show(self.plan, position)
        self._update_bars()
        if pillar and not len(self.plan):
            self.notify(f"No passage of this briefing is tagged {label(pillar)}.", timeout=3)

    def action_back(self) -> None:
        if self.selecting:
            self._end_selection()
        elif self.plan.pillar:
            self.apply_filter(None)
        else:
            self.remember_position()  # before the library shows progress
            self.app.pop_screen()

    # Passage actions ----------------------------------------------------------------------

    def action_why(self) -> None:
        if current := self._current():
            self.app.push_screen(WhyScreen(current[1]))

    def action_copy(self) -> None:
        if current := self._current():
            section, passage = current
            self.app.copy_to_clipboard(quote_with_citation(self.document, section, passage))
            self.notify("Copied the passage with its citation.", timeout=2)

    def _jump_to(self, position: int | None) -> None:
        self._go(position)

    def action_outline(self) -> None:
        def jump(position: int | None) -> None:
            if position is not None:
                self._go(position, top=True)

        self.app.push_screen(OutlineScreen(self.plan, self.view.cursor), jump)

    def jump_to_section(self, section_id: str) -> None:
        """Used by the command palette."""
        if self.plan.pillar and not any(s.id == section_id for s, _ in self.plan.passages):
            self.apply_filter(None)
        position = next(
            (i for i, (s, _) in enumerate(self.plan.passages) if s.id == section_id), None
        )
        self._go(position, top=True)

    # Status -------------------------------------------------------------------------------

    def pending_changed(self) -> None:
        self._update_bars()

    def _update_bars(self) -> None:
        """Both bars are one line high (app.tcss), so new text never needs a layout: a layout
        of the whole screen on every `j` was most of the time a key took."""
        filter_bar = self.query_one("#filter-bar", Static)
        pillar = self.plan.pillar
        filter_bar.display = pillar is not None
        if pillar:
            filter_bar.update(
                Content.assemble(
                    (f" Filtered: {label(pillar)} ", "bold reverse"),
                    f" {len(self.plan)} of {self.document.passage_count} passages · "
                    f"{keys_shown(self.app, 'clear-filter')} or "
                    f"{keys_shown(self.app, 'back').split()[0]} shows all · ",
                    (PILLARS_BY_ID[pillar].name, "italic"),
                ),
                layout=False,
            )
        status = self.query_one(StatusLine)
        if not len(self.plan):
            status.update(Content("No passages."))
            return
        section, passage = self.plan.passages[self.view.cursor]
        sections = len(self.plan.section_starts)
        hits: tuple[tuple[str, str] | str, ...] = ()
        if self.hits:
            if passage.id in self.hits:
                where = f"hit {self.hits.index(passage.id) + 1} of {len(self.hits)}"
            else:
                where = f"{len(self.hits)} hits"
            keys = f"{keys_shown(self.app, 'next-hit')}/{keys_shown(self.app, 'previous-hit')}"
            hits = ((f" {where} ", "bold reverse"), f" {keys} ")
        pending = ((f" {self.pending} ", "bold reverse"), " ") if self.pending else ()
        status.update(
            Content.assemble(
                *pending,
                *hits,
                (f" Passage {self.view.cursor + 1} of {len(self.plan)} ", "bold"),
                f"· {page_label(passage.page)} " if passage.page is not None else "",
                f"· section {self.plan.section_index(self.view.cursor) + 1} of {sections}: ",
                (section.title, "italic"),
            )
        )
