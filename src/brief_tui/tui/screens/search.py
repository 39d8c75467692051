"""The search screen: results update on every keystroke, in a worker, newest query wins."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief_tui.corpus.model import Document
from brief_tui.corpus.pillars import PILLAR_IDS, label
from brief_tui.search import Hit, Query, parse_query
from brief_tui.tui.widgets.badges import badges
from brief_tui.tui.widgets.highlight import highlighted
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import plural

PILLAR_CYCLE = (None, *PILLAR_IDS)


@dataclass(frozen=True)
class SearchRequest:
    """What the briefing needs to step through hits: the query and its filters."""

    text: str
    pillar: str | None = None
    recommendations_only: bool = False


class SearchScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "close", id="search-close"),
        Binding("down", "move(1)", "next result", show=False, id="search-down"),
        Binding("up", "move(-1)", "previous result", show=False, id="search-up"),
        Binding("pagedown", "move(8)", show=False, id="search-page-down"),
        Binding("pageup", "move(-8)", show=False, id="search-page-up"),
        Binding("ctrl+r", "toggle_recommendations", "recs only", id="search-recs"),
        Binding("ctrl+g", "cycle_pillar", "pillar", id="search-pillar"),
        Binding("ctrl+t", "toggle_scope", "this briefing", id="search-scope"),
    ]

    def __init__(self, document: Document | None = None, text: str = "") -> None:
        super().__init__()
        self.document = document  # the briefing it was opened from, for a scoped search
        self.scoped = False
        self.pillar: str | None = None
        self.recommendations_only = False
        self._initial = text
        self._hits: list[Hit] = []
        self._shown_for = ""

    def compose(self) -> ComposeResult:
        yield Static(id="search-title", markup=False)
        yield Input(
            self._initial, placeholder='words, "exact phrase", p:II, d:wola, rec', id="query"
        )
        yield KeyList(id="results", markup=False)
        yield Static(id="search-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._update_title()
        self.query_one(Input).focus()
        self._set_status("Type to search every briefing." if not self._initial else "Searching…")
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
        keys = "ctrl+r recs · ctrl+g pillar" + (" · ctrl+t this briefing" if self.document else "")
        parts += [("   " + keys, "dim")]
        self.query_one("#search-title", Static).update(Content.assemble(*parts))

    def action_toggle_recommendations(self) -> None:
        self.recommendations_only = not self.recommendations_only
        self._filters_changed()

    def action_cycle_pillar(self) -> None:
        self.pillar = PILLAR_CYCLE[(PILLAR_CYCLE.index(self.pillar) + 1) % len(PILLAR_CYCLE)]
        self._filters_changed()

    def action_toggle_scope(self) -> None:
        if self.document is None:
            self.notify("Open a briefing first to search only in it.", timeout=2)
            return
        self.scoped = not self.scoped
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._update_title()
        self.start_search()

    def request(self) -> SearchRequest:
        return SearchRequest(self.query_one(Input).value, self.pillar, self.recommendations_only)

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
        query = apply_filters(request)
        hits = index.search(query, limit=100, scope=scope, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, request, hits)

    def _show(self, request: SearchRequest, hits: list[Hit]) -> None:
        if request != self.request():
            return  # a newer query is on its way
        self._hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        options: list[Option | None] = []
        for n, hit in enumerate(hits):
            options += [Option(result_prompt(hit), id=str(n)), None]
        results.add_options(options[:-1])
        if hits:
            results.highlighted = 0
        query = parse_query(request.text)
        if hits:
            found = "100+ results" if len(hits) == 100 else plural(len(hits), "result")
            self._set_status(f"{found} · ↑↓ choose · Enter opens")
        elif query.empty and not (query.filtered or request.pillar or request.recommendations_only):
            self._set_status("Type to search every briefing.")
        else:
            self._set_status("No results. Fewer words, another spelling or fewer filters may help.")

    def _set_status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(Content(text))

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
            self._open(self._hits[int(option.id or 0)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(self._hits[int(event.option.id or 0)])

    def _open(self, hit: Hit) -> None:
        self.app.open_briefing(hit.entry.document, hit.entry.passage, search=self.request())  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.app.pop_screen()


def apply_filters(request: SearchRequest) -> Query:
    """The parsed query with the screen's toggles added to what was typed."""
    query = parse_query(request.text)
    if request.pillar and request.pillar not in query.pillars:
        query = replace(query, pillars=(*query.pillars, request.pillar))
    if request.recommendations_only:
        query = replace(query, recommendations_only=True)
    return query


def result_prompt(hit: Hit) -> Content:
    entry = hit.entry
    kind = {"title": "Briefing", "section": "Section"}.get(entry.kind)
    where = entry.document_title + (f" › {entry.section}" if entry.section else "")
    head = Content.assemble((f"{kind}: " if kind else "", "bold"), (where, "dim italic"))
    lines = [head, highlighted(hit.snippet, hit.spans)]
    tags = badges(entry.pillars, entry.recommendation, named=False)
    if tags.plain:
        lines.append(tags)
    return Content("\n").join(lines)
