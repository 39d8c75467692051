"""Where a note sits in the current text, and the bookkeeping that keeps re-anchoring cheap.

Each row records the document hash its resolution was computed against: a document that has
not changed since is skipped, so re-anchoring at start-up costs almost nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from brief_tui.corpus.model import Document
from brief_tui.notes.anchor import (
    EXACT,
    Anchor,
    Resolution,
    document_hash,
    passage_index,
    resolve,
)
from brief_tui.notes.records import ANCHOR_COLUMNS, resolution_values

ORPHAN_ORDINAL = 1 << 30  # orphaned notes sort after every placed one


@dataclass(frozen=True)
class Placement:
    resolution: Resolution
    resolved_hash: str  # "" when not resolved against a known document yet
    ordinal: int | None  # the passage's place in reading order; None when unknown

    @property
    def bookkeeping(self) -> tuple[str, int | None]:
        return self.resolved_hash, self.ordinal


def place(anchor: Anchor, doc: Document | None) -> Placement:
    """Resolve a new note if its document is known; else trust the anchor until reanchor."""
    if doc is None:
        return Placement(Resolution(EXACT, anchor.passage, anchor.start, anchor.end), "", None)
    resolution = resolve(anchor, doc)
    return Placement(resolution, document_hash(doc), ordinal(doc, resolution.passage))


def ordinal(doc: Document | None, passage: str | None) -> int | None:
    if passage is None:
        return ORPHAN_ORDINAL
    if doc is None:
        return None
    index = passage_index(doc, passage)
    return ORPHAN_ORDINAL if index is None else index


def reanchor_table(
    connection: sqlite3.Connection, table: str, key: str, documents: dict[str, Document]
) -> dict[str, int]:
    """Re-resolve the rows of one table whose document changed; counts of each status."""
    counts: dict[str, int] = {}
    updates = []
    rows = connection.execute(
        f"SELECT {key}, {ANCHOR_COLUMNS}, status, resolved_hash FROM {table}"
    ).fetchall()
    for row in rows:
        doc = documents.get(row[1])
        current = document_hash(doc) if doc is not None else ""
        status = row[9]
        if not current or row[10] != current:
            resolution = resolve(Anchor(*row[1:9]), doc)
            status = resolution.status
            place = ordinal(doc, resolution.passage)
            updates.append((*resolution_values(resolution), current, place, row[0]))
        counts[status] = counts.get(status, 0) + 1
    connection.executemany(
        f"UPDATE {table} SET status = ?, res_passage = ?, res_start = ?, res_end = ?, "
        f"resolved_hash = ?, ordinal = ? WHERE {key} = ?",
        updates,
    )
    return counts
