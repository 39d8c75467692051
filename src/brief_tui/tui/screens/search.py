"""The search screen: results update on every keystroke, in a worker, newest query wins."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief_tui.corpus.model import RECOMMENDATION_KINDS, SOURCE_TYPES, Document
from brief_tui.corpus.pillars import PILLAR_IDS, label
from brief_tui.keys import SEARCH
from brief_tui.search import Hit, parse_query
from brief_tui.search.notes import note_entries, search_with_notes
from brief_tui.search.ranking import RankedSearch
from brief_tui.search.request import SearchRequest
from brief_tui.tui.keymap import bindings, hint, keys_shown
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.widgets.badges import badges
from brief_tui.tui.widgets.highlight import highlighted
from brief_tui.tui.widgets.key_footer import KeyFooter
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import KIND_PLURALS, plural

PILLAR_CYCLE = (None, *PILLAR_IDS)
KIND_CYCLE = (None, *RECOMMENDATION_KINDS)
TYPE_CYCLE = (None, *SOURCE_TYPES)


class HitOption(Option):
    """A result that carries its hit."""

    def __init__(self, hit: Hit) -> None:
        super().__init__(result_prompt(hit))
        self.hit = hit


class SearchScreen(Screen[None]):
    KEY_CONTEXT = SEARCH
    BINDINGS = bindings(SEARCH)

    def __init__(
        self, document: Document | None = None, text: str = "", *, scoped: bool = False
    ) -> None:
        super().__init__()
        self.document = document  # the briefing it was opened from, for a scoped search
        self.scoped = scoped and document is not None
        self.pillar: str | None = None
        self.recommendations_only = False
        self.kind: str | None = None  # only asks, commitments or reports
        self.source_type: str | None = None  # only one source type
        self._initial = text
        self._hits: list[Hit] = []
        self._shown_for = ""
        self._notes_index: RankedSearch | None = None
        self._notes_read = False

    def compose(self) -> ComposeResult:
        yield Static(id="search-title", markup=False)
        yield Input(
            self._initial,
            placeholder='words, "exact phrase", p:II, d:wola, rec, kind:ask, type:government',
            id="query",
        )
        yield KeyList(id="results", markup=False)
        yield Static(id="search-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._update_title()
        self.query_one(Input).focus()
        self._set_status(self._invitation() if not self._initial else "Searching…")
        if self._initial:
            self.start_search()

    # Filters -------------------------------------------------------------------------------

    def _update_title(self) -> None:
        scope = (
            f"in “{self.document.title}”" if self.scoped and self.document else "in every briefing"
        )
        parts: list[tuple[str, str] | str | Content] = [("Search ", "bold"), (scope, "italic")]
        if self.pillar:
            parts += ["  ", (f" {label(self.pillar)} only ", "bold reverse")]
        if self.recommendations_only:
            parts += ["  ", (" recommendations only ", "bold reverse")]
        if self.kind:
            parts += ["  ", (f" {KIND_PLURALS[self.kind]} only ", "bold reverse")]
        if self.source_type:
            parts += ["  ", (f" {self.source_type} sources only ", "bold reverse")]
        pairs = [
            ("search-recommendations", "recs"),
            ("search-kind", "kind"),
            ("search-type", "type"),
            ("search-pillar", "pillar"),
        ]
        if self.document is not None:
            widen = "every briefing" if self.scoped else "this briefing only"
            pairs.append(("search-scope", widen))
        parts += [("   " + hint(self.app, *pairs), "dim")]
        self.query_one("#search-title", Static).update(Content.assemble(*parts))

    def _invitation(self) -> str:
        where = f"“{self.document.title}”" if self.scoped and self.document else "every briefing"
        return f"Type to search {where}."

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The scope key does nothing outside a briefing: hidden rather than refused."""
        return not (action == "toggle_scope" and self.document is None)

    def action_toggle_recommendations(self) -> None:
        self.recommendations_only = not self.recommendations_only
        self._filters_changed()

    def action_cycle_pillar(self) -> None:
        self.pillar = PILLAR_CYCLE[(PILLAR_CYCLE.index(self.pillar) + 1) % len(PILLAR_CYCLE)]
        self._filters_changed()

    def action_cycle_kind(self) -> None:
        self.kind = KIND_CYCLE[(KIND_CYCLE.index(self.kind) + 1) % len(KIND_CYCLE)]
        self._filters_changed()

    def action_cycle_type(self) -> None:
        index = TYPE_CYCLE.index(self.source_type)
        self.source_type = TYPE_CYCLE[(index + 1) % len(TYPE_CYCLE)]
        self._filters_changed()

    def action_toggle_scope(self) -> None:
        if self.document is not None:
            self.scoped = not self.scoped
            self._filters_changed()

    def _filters_changed(self) -> None:
        self._update_title()
        self.start_search()

    def request(self) -> SearchRequest:
        return SearchRequest(
            self.query_one(Input).value,
            self.pillar,
            self.recommendations_only,
            self.kind,
            self.source_type,
        )

    # Searching -----------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.start_search()

    def start_search(self) -> None:
        scope = self.document.id if self.scoped and self.document else None
        self._search(self.request(), scope)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, request: SearchRequest, scope: str | None) -> None:
        worker = get_current_worker()
        index = self.app.search_index()  # type: ignore[attr-defined]
        query = request.query()
        hits = search_with_notes(
            index,
            self._notes(),
            query,
            limit=100,
            scope=scope,
            cancelled=lambda: worker.is_cancelled,
        )
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, request, hits)

    def _notes(self) -> RankedSearch | None:
        """The user's highlights, notes and bookmarks as they are when the screen opened."""
        if not self._notes_read:
            self._notes_read = True
            store = getattr(self.app, "notes", None)
            if store is not None:
                from brief_tui.notes.store import StoreError
                from brief_tui.search import SearchIndex

                library = self.app.library  # type: ignore[attr-defined]
                try:
                    entries = note_entries(library, store.highlights(), store.bookmarks())
                except StoreError:
                    entries = []  # busy or unreadable: the library is still searched
                self._notes_index = SearchIndex.build(entries) if entries else None
        return self._notes_index

    def _show(self, request: SearchRequest, hits: list[Hit]) -> None:
        if request != self.request():
            return  # a newer query is on its way
        self._hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        options: list[Option | None] = []
        for hit in hits:
            options += [HitOption(hit), None]
        results.add_options(options[:-1])
        if hits:
            results.highlighted = 0
        query = parse_query(request.text)
        if hits:
            found = "100+ results" if len(hits) == 100 else plural(len(hits), "result")
            choose = f"{keys_shown(self.app, 'search-up')}{keys_shown(self.app, 'search-down')}"
            self._set_status(f"{found} · {choose} choose · Enter opens")
        elif query.empty and not (request.query().filtered):
            self._set_status(self._invitation())
        else:
            self._set_status("No results. Fewer words, another spelling or fewer filters may help.")

    def _set_status(self, text: str) -> None:
        # One line high (app.tcss): new text needs no layout of the screen, at every key.
        self.query_one("#search-status", Static).update(Content(text), layout=False)

    # Choosing ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if not self._hits:
            return
        current = results.highlighted or 0
        results.highlighted = max(0, min(results.option_count - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if results.highlighted is not None and self._hits:
            option = results.get_option_at_index(results.highlighted)
            if isinstance(option, HitOption):
                self._open(option.hit)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option, HitOption):
            self._open(event.option.hit)

    def _open(self, hit: Hit) -> None:
        self.post_message(OpenBriefing(hit.entry.document, hit.entry.passage, self.request()))

    def action_close(self) -> None:
        self.app.pop_screen()


def result_prompt(hit: Hit) -> Content:
    entry = hit.entry
    kind = {
        "title": "Briefing",
        "section": "Section",
        "note": "Your note",
        "highlight": "Your highlight",
        "bookmark": "Your bookmark",
    }.get(entry.kind)
    where = entry.document_title + (f" › {entry.section}" if entry.section else "")
    head = Content.assemble((f"{kind}: " if kind else "", "bold"), (where, "dim italic"))
    lines = [head, highlighted(hit.snippet, hit.spans)]
    tags = badges(
        entry.pillars,
        entry.recommendation,
        False,
        entry.recommendation_kind,
        (entry.who, entry.who),
    )
    if tags.plain:
        lines.append(tags)
    return Content("\n").join(lines)
