"""The coverage matrix (C): sources x pillars, asks and commitments counted apart, sources
grouped under a row per source type, so where advocacy asks and governments answer shows."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from brief_tui.compare import KindCount, kind_coverage
from brief_tui.corpus.model import SOURCE_TYPES, Document, Library
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.keys import MATRIX
from brief_tui.tui.keymap import bindings, bindings_by_id, hint
from brief_tui.tui.widgets.key_footer import KeyFooter

TYPE_ROW = "type:"  # row keys of the source-type header rows


class MatrixTable(DataTable):
    """The matrix grid, moved with h/j/k/l and g/G as well as the arrows."""

    BINDINGS = bindings(MATRIX, leave_out=("matrix-back",))


def grouped(library: Library) -> list[tuple[str, list[Document]]]:
    """Documents by source type, in the order of SOURCE_TYPES; empty types left out."""
    groups = [(t, [d for d in library.documents if d.source_type == t]) for t in SOURCE_TYPES]
    return [(t, docs) for t, docs in groups if docs]


class MatrixScreen(Screen[None]):
    """Sources x pillars: how many asks and commitments each source makes on each pillar."""

    KEY_CONTEXT = MATRIX
    BINDINGS = bindings_by_id("matrix-back")

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Coverage matrix", "bold"),
                "  a asks · c commitments and reported actions · Total counts those with no"
                " pillar too · Enter compares there (on a type's row: asks vs commitments) · "
                + hint(self.app, ("matrix-back", "back")),
            ),
            id="matrix-title",
            markup=False,
        )
        yield MatrixTable(id="matrix", cursor_type="cell", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Source", key="source")
        for pillar in PILLAR_IDS:
            table.add_column(pillar, key=pillar, width=6)
        table.add_column("Total", key="all", width=7)
        counts = kind_coverage(self.library)
        width = max(18, self.app.size.width - 6 * 8 - 9 - 5)
        for source_type, documents in grouped(self.library):
            totals = {
                p: sum((counts[d.id][p] for d in documents), KindCount())
                for p in (*PILLAR_IDS, None)
            }
            head = f"{source_type.capitalize()} ({len(documents)})"
            cells = [totals[p].label for p in (*PILLAR_IDS, None)]
            table.add_row(
                Text(head, style="bold"),
                *[Text(c, style="bold") for c in cells],
                key=TYPE_ROW + source_type,
            )
            for doc in documents:
                organisation = doc.organisations[0] if doc.organisations else "?"
                name = f"  {organisation}: {doc.title}"
                if len(name) > width:
                    name = name[: width - 1] + "…"
                row = [counts[doc.id][p].label for p in (*PILLAR_IDS, None)]
                table.add_row(name, *row, key=doc.id)
        table.focus()
        if table.row_count:
            table.move_cursor(row=1 if table.row_count > 1 else 0, column=1)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        from brief_tui.tui.screens.compare import open_compare, open_sides

        row = str(event.cell_key.row_key.value)
        column = str(event.cell_key.column_key.value)
        pillar = column if column in PILLAR_IDS else None
        if row.startswith(TYPE_ROW):
            open_sides(self.app, self.library, pillar)
            return
        doc = self.library.document(row)
        if doc is not None:
            open_compare(self.app, self.library, pillar, doc)

    def action_back(self) -> None:
        self.app.pop_screen()
