"""What the note store holds, as frozen values, how each maps to a table row, and the
one-sentence errors the store raises.

Each record carries its anchor (what the reader marked) and its latest resolution (where that
is in the current text), so the UI can draw notes without resolving anything itself.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from brief_tui.corpus.sanitize import is_safe, safe_text
from brief_tui.notes.anchor import Anchor, Resolution

LABELS = ("key finding", "question", "disagree", "evidence")


class StoreError(Exception):
    """A problem with the notes file, told in one sentence a person can act on."""


def gone_message(kind: str) -> str:
    """Why an id the UI holds is not in the store: another window may have deleted it."""
    return f"That {kind} no longer exists; it may have been deleted in another window."


def explain(error: sqlite3.Error) -> str:
    """The reason behind a SQLite error, in words a reader can act on."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return {
        5: "another window or program kept the notes file busy for more than 5 seconds",
        6: "the notes file is locked",
        8: "the notes file has become read-only",
        10: "the disk reported an error while writing",
        11: "the notes file is damaged",
        13: "the disk is full",
    }.get(code, f"SQLite reported {error}")


@dataclass(frozen=True, slots=True)
class Highlight:
    id: str
    anchor: Anchor
    label: str
    note: str
    created: str
    updated: str
    status: str  # latest resolution: "exact" | "moved" | "orphaned"
    passage: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    anchor: Anchor
    name: str
    created: str
    status: str
    passage: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Draft:
    """A note being written and not saved yet, kept so a crash or a closed terminal loses
    nothing: one per highlight."""

    highlight: str  # the highlight's id
    text: str
    updated: str


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was in one document."""

    document: str
    anchor: Anchor
    updated: str
    status: str
    passage: str | None
    start: int
    end: int


ADDED, CHANGED, UNCHANGED = "added", "changed", "unchanged"


@dataclass(frozen=True, slots=True)
class Marked:
    """What highlighting a span did: ADDED a highlight, CHANGED the one already on it, or
    left it UNCHANGED; `previous` is that one as it was."""

    highlight: Highlight
    change: str
    previous: Highlight | None = None


def now() -> str:
    """The current time as ISO 8601 UTC, precise enough to order notes made in one second."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex


# Column order matches Anchor's fields, so a row slice rebuilds the anchor directly.
ANCHOR_COLUMNS = (
    "document, content_hash, anchor_passage, anchor_start, anchor_end, quote, prefix, suffix"
)
RESOLUTION_COLUMNS = "status, res_passage, res_start, res_end"
HIGHLIGHT_COLUMNS = f"id, {ANCHOR_COLUMNS}, label, note, created, updated, {RESOLUTION_COLUMNS}"
BOOKMARK_COLUMNS = f"id, {ANCHOR_COLUMNS}, name, created, {RESOLUTION_COLUMNS}"
POSITION_COLUMNS = f"{ANCHOR_COLUMNS}, updated, {RESOLUTION_COLUMNS}"
DRAFT_COLUMNS = "highlight, text, updated"


def anchor_values(a: Anchor) -> tuple[Any, ...]:
    return (a.document, a.content_hash, a.passage, a.start, a.end, a.quote, a.prefix, a.suffix)


def highlight_row(h: Highlight) -> tuple[Any, ...]:
    return (h.id, *anchor_values(h.anchor), h.label, h.note, h.created, h.updated) + (
        h.status,
        h.passage,
        h.start,
        h.end,
    )


def highlight_from_row(row: tuple[Any, ...]) -> Highlight:
    return Highlight(row[0], Anchor(*row[1:9]), *row[9:17])


def bookmark_row(b: Bookmark) -> tuple[Any, ...]:
    return (b.id, *anchor_values(b.anchor), b.name, b.created, b.status, b.passage, b.start, b.end)


def bookmark_from_row(row: tuple[Any, ...]) -> Bookmark:
    return Bookmark(row[0], Anchor(*row[1:9]), *row[9:15])


def position_row(p: Position) -> tuple[Any, ...]:
    return (*anchor_values(p.anchor), p.updated, p.status, p.passage, p.start, p.end)


def position_from_row(row: tuple[Any, ...]) -> Position:
    return Position(row[0], Anchor(*row[0:8]), *row[8:13])


def resolution_values(r: Resolution) -> tuple[Any, ...]:
    return (r.status, r.passage, r.start, r.end)


@dataclass(frozen=True)
class RowShape:
    """Which columns of a table's rows hold text: free text that may span lines (quotes,
    context, notes), one-line text (ids, labels, names, stamps), and one-line text that may
    be NULL (the passage a note resolves to)."""

    lines: tuple[int, ...]
    single: tuple[int, ...]
    nullable: int | None = None


HIGHLIGHT_SHAPE = RowShape(lines=(6, 7, 8, 10), single=(0, 1, 2, 3, 9, 11, 12, 13), nullable=14)
BOOKMARK_SHAPE = RowShape(lines=(6, 7, 8), single=(0, 1, 2, 3, 9, 10, 11), nullable=12)
POSITION_SHAPE = RowShape(lines=(5, 6, 7), single=(0, 1, 2, 8, 9), nullable=10)
DRAFT_SHAPE = RowShape(lines=(1,), single=(0, 2))


def safe_rows(rows: Sequence[tuple[Any, ...]], shape: RowShape) -> Sequence[tuple[Any, ...]]:
    """`rows` as read from the notes file, with their text made safe to show.

    Another program may have written the file, so no row is trusted; but almost every row is
    clean, so all of them are checked at once (10,000 notes in a few milliseconds) and only
    when something is found is each row cleaned.
    """
    if not rows:
        return rows
    lines, single, nullable = itemgetter(*shape.lines), itemgetter(*shape.single), shape.nullable
    try:
        free = "".join([text for row in rows for text in lines(row)])
        short = "".join([text for row in rows for text in single(row)])
        if nullable is not None:
            short += "".join([row[nullable] for row in rows if row[nullable] is not None])
    except TypeError:  # a number where text belongs: look at each row
        pass
    else:
        if is_safe(free) and is_safe(short, newlines=False):
            return rows
    return [_safe_row(row, shape) for row in rows]


def _safe_row(row: tuple[Any, ...], shape: RowShape) -> tuple[Any, ...]:
    values = list(row)
    for index in shape.lines:
        if isinstance(values[index], str):
            values[index] = safe_text(values[index])
    for index in (*shape.single, *(() if shape.nullable is None else (shape.nullable,))):
        if isinstance(values[index], str):
            values[index] = safe_text(values[index], keep_newlines=False)
    return tuple(values)
