"""`brief-tui list`: the library as a table a person can read, or JSON a script can.

Ids are what people type into the other commands, so they are never broken across lines:
the id column does not wrap, and a terminal too narrow for a table gets one block per
briefing instead, its id on a line of its own. Titles and organisations may fold.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from brief_tui.cli_output import literal_console, print_problems
from brief_tui.corpus.model import RECOMMENDATION_KINDS
from brief_tui.wording import plural

if TYPE_CHECKING:
    from rich.console import Console

    from brief_tui.corpus.model import Document, Library

# Below this many columns for each of title, organisation and kind, a table reads worse
# than one block per briefing.
MIN_FOLDING_WIDTH = 12
HEADERS = ("id", "title", "organisation", "type", "kind", "date", "passages", "recs")
FOLDING = frozenset({"title", "organisation", "kind"})


def library_records(library: Library) -> list[dict[str, object]]:
    """One JSON object per briefing, with the keys the README documents."""
    return [
        {
            "id": doc.id,
            "title": doc.title,
            "organisations": list(doc.organisations),
            "date": doc.date,
            "kind": doc.kind,
            "source_type": doc.source_type,
            "source": doc.source,
            "passages": doc.passage_count,
            "recommendations": doc.recommendation_count,
            "recommendation_kinds": {
                kind: doc.kind_counts().get(kind, 0) for kind in RECOMMENDATION_KINDS
            },
        }
        for doc in library.documents
    ]


def _cells(doc: Document) -> tuple[str, ...]:
    return (
        doc.id,
        doc.title,
        ", ".join(doc.organisations),
        doc.source_type,
        doc.kind,
        doc.date or "",
        str(doc.passage_count),
        str(doc.recommendation_count),
    )


def _table_width_needed(rows: list[tuple[str, ...]]) -> int:
    """The narrowest terminal on which the table keeps its unwrapped columns whole."""
    widths = []
    for index, header in enumerate(HEADERS):
        if header in FOLDING:
            widths.append(MIN_FOLDING_WIDTH)
        else:
            widths.append(max([len(header)] + [len(row[index]) for row in rows]))
    return sum(widths) + 3 * len(HEADERS) + 1  # a border and two spaces per column, one more


def print_table(console: Console, documents: tuple[Document, ...]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text("brief-tui library"))
    for header in HEADERS:
        if header in FOLDING:
            table.add_column(Text(header), overflow="fold")
        else:
            table.add_column(Text(header), no_wrap=True)
    for doc in documents:
        table.add_row(*(Text(cell) for cell in _cells(doc)))
    console.print(table)


def print_blocks(console: Console, documents: tuple[Document, ...]) -> None:
    """One block per briefing: the id alone on a line, then the title and the details."""
    from rich.text import Text

    for index, doc in enumerate(documents):
        if index:
            console.print()
        console.print(Text(doc.id, style="bold"), no_wrap=True, overflow="ignore", crop=False)
        details = [
            ", ".join(doc.organisations),
            doc.source_type,
            doc.kind,
            doc.date or "",
            _counts(doc),
        ]
        for paragraph in (doc.title, " · ".join(d for d in details if d)):
            for line in Text(paragraph, overflow="fold").wrap(console, max(console.width - 2, 8)):
                line.rstrip()
                console.print(Text("  ") + line, no_wrap=True, crop=False)


def _counts(doc: Document) -> str:
    passages = plural(doc.passage_count, "passage")
    return f"{passages}, {plural(doc.recommendation_count, 'recommendation')}"


def print_library(library: Library, *, as_json: bool) -> None:
    if as_json:
        json.dump(library_records(library), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        console = literal_console()
        rows = [_cells(doc) for doc in library.documents]
        if console.width >= _table_width_needed(rows):
            print_table(console, library.documents)
        else:
            print_blocks(console, library.documents)
    print_problems(library.problems)
