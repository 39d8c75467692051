"""The compare pane (c): what two or three sources recommend on one pillar, aligned row by row;
or, in sides mode (m), every advocacy ask against every government commitment, gaps named."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.compare import Comparison, Recommendation, Row, Similarity, compare, kind_label
from brief_tui.compare_sides import (
    ANSWERS_TITLE,
    ASKS_TITLE,
    UNANSWERED,
    UNASKED,
    SideComparison,
    SideRow,
    compare_sides,
)
from brief_tui.corpus.citation import format_date, page_label
from brief_tui.corpus.model import Document, Library
from brief_tui.corpus.pillars import PILLARS_BY_ID, label
from brief_tui.keys import COMPARE
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import Highlight, Marked, NoteStore
from brief_tui.tui.keymap import bindings, hint, keys_shown
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.compare_explain import ExplainCompare
from brief_tui.tui.screens.compare_sides import also_content, gap_content, side_heads
from brief_tui.tui.screens.matrix import MatrixScreen
from brief_tui.tui.screens.note_dialogs import LabelPicker, marked_message
from brief_tui.tui.screens.note_editor import edit_note
from brief_tui.tui.widgets.badges import LABEL_STYLES, PILLAR_STYLES, badges
from brief_tui.tui.widgets.key_footer import KeyFooter

WIDE = 160
DOCUMENTS, SIDES = "documents", "sides"


def pillar_name(pillar: str | None) -> str:
    return "any pillar" if pillar is None else label(pillar)


class CompareCell(Static):
    DEFAULT_CSS = """
    CompareCell { width: 1fr; height: auto; padding: 0 1; margin: 0 1 0 0; border-left: blank; }
    CompareCell.-silent { color: $text-muted; }
    CompareCell.-selected { background: $boost; border-left: thick $accent; }
    """

    def __init__(self, recommendation: Recommendation | None, content: Content) -> None:
        super().__init__(content, markup=False, classes="" if recommendation else "-silent")
        self.recommendation = recommendation


def cell_content(
    recommendation: Recommendation | None,
    labels: tuple[str, ...] = (),
    *,
    source: bool = False,
    empty: Content | None = None,
) -> Content:
    """A recommendation whole (cells wrap; nothing is cut): what kind and who, its text, its
    section (and document, where a column mixes documents), pillars and the labels of the
    reader's highlights on it."""
    if recommendation is None:
        return empty or Content.styled("— nothing comparable here", "italic")
    passage = recommendation.passage
    text = f"{passage.marker} {passage.text}" if passage.marker else passage.text
    where = f"§ {recommendation.section.title}"
    if source:
        document = recommendation.document
        organisation = document.organisations[0] if document.organisations else "Unknown"
        where = f"{organisation}: {document.title} {where}"
    if passage.page is not None:
        where += f" · {page_label(passage.page)}"
    lines = [
        Content.styled(kind_label(passage), "bold"),
        Content(text),
        Content.styled(where, "dim italic"),
    ]
    tags = badges(passage.pillars, False, named=False)
    chips = [Content.styled(f" ▍ {label} ", LABEL_STYLES.get(label, "reverse")) for label in labels]
    if tags.plain or chips:
        lines.append(Content(" ").join([t for t in (tags,) if t.plain] + chips))
    return Content("\n").join(lines)


class CompareScreen(Screen[None]):
    KEY_CONTEXT = COMPARE
    BINDINGS = bindings(COMPARE)

    def __init__(
        self,
        library: Library,
        pillar: str | None,
        sources: list[Document],
        mode: str = DOCUMENTS,
    ) -> None:
        super().__init__()
        self.library = library
        self.pillar = pillar
        self.sources = sources[:3]
        self.mode = mode  # DOCUMENTS: source against source; SIDES: asks against commitments
        self.similarity = Similarity(library)
        self.row = 0
        self.side = 0
        self.comparison: Comparison | None = None
        self.sides: SideComparison | None = None
        self._cells: list[list[CompareCell]] = []
        self._placed = False  # the cursor has been put on a side with a recommendation

    def compose(self) -> ComposeResult:
        yield Static(id="compare-title", markup=False)
        yield Horizontal(id="compare-heads")
        yield VerticalScroll(id="compare-rows")
        yield Static(id="compare-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.app.size.width < WIDE:
            self.sources = self.sources[:2]
        self.refresh_comparison()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width < WIDE and len(self.sources) > 2:
            self.sources = self.sources[:2]
            self.refresh_comparison()

    # Building ------------------------------------------------------------------------------

    def _title(self, what: str, joint: str) -> None:
        title: list[Content | tuple[str, str] | str] = [(what, "bold"), joint]
        if self.pillar:
            title += [
                (f" {label(self.pillar)} ", PILLAR_STYLES[self.pillar]),
                f" {PILLARS_BY_ID[self.pillar].name}",
            ]
        else:
            title.append(("any pillar", "bold"))
        self.query_one("#compare-title", Static).update(Content.assemble(*title))

    def refresh_comparison(self) -> None:
        if self.mode == SIDES:
            self._refresh_sides()
            return
        self.sides = None
        self.comparison = compare(self.library, self.sources, self.pillar, self.similarity)
        name = pillar_name(self.pillar)
        self._title("Compare recommendations", " on ")
        heads = self.query_one("#compare-heads", Horizontal)
        heads.remove_children()
        head_widgets = []
        for column, doc in enumerate(self.sources):
            count = self.comparison.count(column)
            what = (
                f"{count} recommendation{'s' if count != 1 else ''} on {name}"
                if count
                else f"no recommendation on {name}"
            )
            head = Content.assemble(
                (doc.title, "bold"),
                "\n",
                (f"{', '.join(doc.organisations) or 'Unknown'} · {format_date(doc.date)}", "dim"),
                "\n",
                (what, "bold" if count else "bold italic"),
            )
            head_widgets.append(Static(head, classes="compare-head", markup=False))
        heads.mount_all(head_widgets)
        labels = self._highlight_labels(self.sources)
        self._fill_rows(
            [
                [
                    CompareCell(
                        rec, cell_content(rec, labels.get(rec.passage.id, ()) if rec else ())
                    )
                    for rec in row.cells
                ]
                for row in self.comparison.rows
            ],
            self.comparison.rows,
            f"Neither source has a recommendation on {name}.",
        )

    def _refresh_sides(self) -> None:
        """Advocacy asks on the left, government commitments on the right, gaps in words."""
        self.comparison = None
        self.sides = compare_sides(self.library, self.pillar, self.similarity)
        self._title(f"{ASKS_TITLE} vs {ANSWERS_TITLE.lower()}", " · ")
        heads = self.query_one("#compare-heads", Horizontal)
        heads.remove_children()
        heads.mount_all(side_heads(self.sides, pillar_name(self.pillar)))
        documents = {d.id: d for side in (0, 1) for d in self.sides.documents(side)}
        labels = self._highlight_labels(list(documents.values()))

        def cell(recommendation: Recommendation | None, empty: Content) -> CompareCell:
            chips = labels.get(recommendation.passage.id, ()) if recommendation else ()
            content = cell_content(recommendation, chips, source=True, empty=empty)
            return CompareCell(recommendation, content)

        grid = [
            [
                cell(row.ask, gap_content(UNASKED)),
                cell(row.answer, also_content(row) if row.also else gap_content(UNANSWERED)),
            ]
            for row in self.sides.rows
        ]
        self._fill_rows(
            grid,
            self.sides.rows,
            f"No advocacy ask and no government commitment on {pillar_name(self.pillar)}.",
        )

    def _fill_rows(
        self,
        grid: list[list[CompareCell]],
        rows: Sequence[Row | SideRow],
        silence: str,
    ) -> None:
        """Mount the rows of cells, a caption above those that are alike, and place the cursor."""
        box = self.query_one("#compare-rows", VerticalScroll)
        box.remove_children()
        self._cells = grid
        row_widgets: list[Static | CompareRowBox] = []
        for cells, row in zip(grid, rows, strict=True):
            caption = ""
            if row.theme:
                caption = f"≈ same theme: {row.theme}"
            elif sum(1 for c in row.cells if c) > 1:
                caption = f"≈ similar wording ({row.score:.0%})"
            children: list[Static] = []
            if caption:
                children.append(
                    Static(
                        Content.styled(caption, "bold $text-success"),
                        classes="compare-caption",
                        markup=False,
                    )
                )
            row_widgets.append(CompareRowBox(cells, children))
        if not rows:
            row_widgets.append(Static(Content.styled(silence, "italic"), markup=False))
        box.mount_all(row_widgets)
        self.row = min(self.row, max(0, len(self._cells) - 1))
        self.side = min(self.side, self.columns - 1)
        if not self._placed and self._cells:
            # Start on a side that has something to read, open or highlight; later the
            # cursor stays on the side the reader chose.
            self._placed = True
            self.side = next(
                (s for s, c in enumerate(self._cells[self.row]) if c.recommendation), self.side
            )
        self.call_after_refresh(self._select)

    @property
    def columns(self) -> int:
        return 2 if self.mode == SIDES else len(self.sources)

    def _highlight_labels(self, documents: list[Document]) -> dict[str, tuple[str, ...]]:
        """Passage id -> labels of the reader's highlights on it, for the shown documents."""

        def gather(store: NoteStore) -> dict[str, tuple[str, ...]]:
            labels: dict[str, tuple[str, ...]] = {}
            for doc in documents:
                for highlight in store.highlights(doc.id):
                    if highlight.passage and highlight.status != "orphaned":
                        known = labels.get(highlight.passage, ())
                        if highlight.label not in known:
                            labels[highlight.passage] = (*known, highlight.label)
            return labels

        return self.app.notes_call(gather, quiet=True) or {}  # type: ignore[attr-defined]

    def _select(self) -> None:
        for r, cells in enumerate(self._cells):
            for s, cell in enumerate(cells):
                cell.set_class(r == self.row and s == self.side, "-selected")
        if self._cells:
            self._cells[self.row][self.side].scroll_visible(animate=False)
        if self.mode == SIDES:
            pairs = [
                ("compare-down", "rows"),
                ("compare-mode", "compares documents"),
                ("compare-matrix", "matrix"),
            ]
        else:
            pairs = [
                ("compare-down", "rows"),
                ("compare-left-next", "left source"),
                ("compare-right-next", "right source"),
                ("compare-swap", "swap"),
                ("compare-matrix", "matrix"),
            ]
        if self.mode == DOCUMENTS and self.app.size.width >= WIDE:
            pairs.append(("compare-add", "adds a third source"))
        status = hint(self.app, *pairs) + " · 1-6 0 pillar"
        # One line high (app.tcss): new text needs no layout of the screen, at every move.
        self.query_one("#compare-status", Static).update(Content(status), layout=False)

    # Keys ----------------------------------------------------------------------------------

    def action_row(self, step: int) -> None:
        if self._cells:
            self.row = max(0, min(len(self._cells) - 1, self.row + step))
            self._select()

    def action_switch_side(self) -> None:
        self.side = (self.side + 1) % self.columns
        self._select()

    def action_mode(self) -> None:
        """Documents against each other, or advocacy asks against government commitments."""
        if self.mode == SIDES and len(self.sources) < 2:
            self.notify("Comparing documents needs at least two briefings in the library.")
            return
        self.mode = SIDES if self.mode == DOCUMENTS else DOCUMENTS
        self.row = 0
        self._placed = False
        self.refresh_comparison()

    def _in_sides(self) -> bool:
        """Sides are not documents to choose, swap or add: say so rather than do nothing."""
        if self.mode == SIDES:
            hint_keys = keys_shown(self.app, "compare-mode")
            self.notify(f"Sides are fixed here: {hint_keys} compares documents.", timeout=2)
        return self.mode == SIDES

    def action_cycle(self, column: int, step: int) -> None:
        if self._in_sides():
            return
        documents = list(self.library.documents)
        if column >= len(self.sources) or len(documents) < 2:
            return
        current = documents.index(self.sources[column])
        others = {d.id for n, d in enumerate(self.sources) if n != column}
        for offset in range(1, len(documents) + 1):
            candidate = documents[(current + step * offset) % len(documents)]
            if candidate.id not in others:
                self.sources[column] = candidate
                break
        self.refresh_comparison()

    def action_pillar(self, pillar: str) -> None:
        self.pillar = pillar or None
        self.row = 0
        self.refresh_comparison()

    def action_swap(self) -> None:
        if self._in_sides():
            return
        self.sources[0], self.sources[1] = self.sources[1], self.sources[0]
        self.side = 1 - self.side if self.side < 2 else self.side
        self.refresh_comparison()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A third source needs a wide terminal: below that, + is left out, not refused."""
        return not (action == "third" and parameters == (True,) and self.app.size.width < WIDE)

    def action_third(self, add: bool) -> None:
        if self._in_sides():
            return
        if add:
            if self.app.size.width < WIDE:
                self.notify(
                    f"A third source needs a terminal at least {WIDE} columns wide.", timeout=3
                )
                return
            if len(self.sources) == 2:
                spare = [d for d in self.library.documents if d not in self.sources]
                if spare:
                    self.sources.append(spare[0])
        elif len(self.sources) == 3:
            self.sources.pop()
        self.refresh_comparison()

    def _selected(self) -> Recommendation | None:
        if not self._cells:
            return None
        return self._cells[self.row][self.side].recommendation

    def action_open(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.notify("Nothing on this side of the row: Tab switches side.", timeout=2)
            return
        self.post_message(OpenBriefing(chosen.document.id, chosen.passage.id))

    def action_highlight(self) -> None:
        """Highlight the recommendation; one already highlighted gets a new label."""
        chosen = self._selected()
        if chosen is None:
            return
        anchor = make_anchor(chosen.document, chosen.passage.id, 0, len(chosen.passage.text))
        existing = self.app.notes_call(lambda s: s.highlight_on(anchor), quiet=True)  # type: ignore[attr-defined]

        def saved(marked: Marked) -> None:
            self.notify(marked_message(marked), timeout=2)
            self.refresh_comparison()  # the row shows its new label

        def save(label: str | None) -> None:
            if label:
                self.app.write_notes(  # type: ignore[attr-defined]
                    lambda s: s.mark(anchor, label), saved, owner=self
                )

        if existing is None:
            self.app.push_screen(LabelPicker(), save)
        else:
            self.app.push_screen(LabelPicker(existing.label, changing=True), save)

    def action_annotate(self) -> None:
        """Edit the note of the recommendation's highlight, highlighting it only if none."""
        chosen = self._selected()
        if chosen is None:
            return
        anchor = make_anchor(chosen.document, chosen.passage.id, 0, len(chosen.passage.text))

        def saved(highlight: Highlight) -> None:
            self.notify("Note saved." if highlight.note else "Note removed.", timeout=2)
            self.refresh_comparison()

        existing = self.app.notes_call(lambda s: s.note_target(anchor), quiet=True)  # type: ignore[attr-defined]
        if existing is not None:
            edit_note(self, existing, saved)
            return
        self.app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.mark(anchor),
            lambda marked: edit_note(self, marked.highlight, saved),
            owner=self,
        )

    def action_matrix(self) -> None:
        self.app.push_screen(MatrixScreen(self.library))

    def action_explain(self) -> None:
        self.app.push_screen(ExplainCompare())

    def action_back(self) -> None:
        self.app.pop_screen()


class CompareRowBox(Vertical):
    """One aligned row: a caption (when the cells are alike) above the cells."""

    DEFAULT_CSS = """
    CompareRowBox { height: auto; margin: 0 0 1 0; }
    CompareRowBox > Horizontal { height: auto; }
    CompareRowBox > .compare-caption { height: 1; padding: 0 1; }
    """

    def __init__(self, cells: list[CompareCell], captions: list[Static]) -> None:
        super().__init__()
        self._cells = cells
        self._captions = captions

    def compose(self) -> ComposeResult:
        yield from self._captions
        with Horizontal():
            yield from self._cells


def open_sides(app, library: Library, pillar: str | None) -> None:
    """Push the compare pane in sides mode: advocacy asks against government commitments."""
    from brief_tui.compare import default_sources

    sources = default_sources(library, pillar)  # what m switches to
    app.push_screen(CompareScreen(library, pillar, sources, mode=SIDES))


def open_compare(app, library: Library, pillar: str | None, first: Document | None) -> None:
    """Push the compare pane with the most useful default pair."""
    from brief_tui.compare import default_sources

    sources = default_sources(library, pillar, first)
    if len(sources) < 2:
        app.notify("Comparing needs at least two briefings in the library.", severity="warning")
        return
    app.push_screen(CompareScreen(library, pillar, sources))
