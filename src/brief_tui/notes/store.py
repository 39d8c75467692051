"""The note store: highlights, bookmarks, reading positions and note drafts in one SQLite file.

Each action is one transaction (see `connection`). Opening never loses data and never raises:
problems become `read_only` and a one-sentence `warning`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from brief_tui.corpus.model import Document, Library
from brief_tui.corpus.sanitize import safe_text
from brief_tui.notes.anchor import EXACT, MOVED, ORPHANED, Anchor, Resolution
from brief_tui.notes.connection import StoreConnection
from brief_tui.notes.opening import Opened, open_notes
from brief_tui.notes.placement import Placement, ordinal, place, reanchor_table
from brief_tui.notes.records import (
    ADDED,
    BOOKMARK_COLUMNS,
    BOOKMARK_SHAPE,
    CHANGED,
    DRAFT_COLUMNS,
    DRAFT_SHAPE,
    HIGHLIGHT_COLUMNS,
    HIGHLIGHT_SHAPE,
    LABELS,
    POSITION_COLUMNS,
    POSITION_SHAPE,
    UNCHANGED,
    Bookmark,
    Draft,
    Highlight,
    Marked,
    Position,
    StoreError,
    bookmark_from_row,
    bookmark_row,
    gone_message,
    highlight_from_row,
    highlight_row,
    new_id,
    now,
    position_from_row,
    position_row,
    resolution_values,
    safe_rows,
)

__all__ = [
    "LABELS",
    "Bookmark",
    "Draft",
    "Highlight",
    "Marked",
    "NoteStore",
    "Position",
    "StoreError",
]

_BOOKKEEPING = "resolved_hash, ordinal"
_IN_ORDER = "ORDER BY document, ordinal, res_start, res_end, created, id"


class NoteStore(StoreConnection):
    """The reader's notes, safe to share between threads.

    Call `reanchor(library)` after opening and whenever content changes: besides updating
    where notes point, it tells the store the documents, so new notes sort in reading order.
    """

    def __init__(self, path: Path, opened: Opened) -> None:
        super().__init__(path, opened)
        self._documents: dict[str, Document] = {}  # from the last reanchor: places new notes

    @classmethod
    def open(cls, path: Path) -> NoteStore:
        """Open (or create) the notes file; never raises, see `read_only` and `warning`."""
        return cls(Path(path), open_notes(Path(path)))

    def __enter__(self) -> NoteStore:
        return self

    # Highlights

    def add_highlight(
        self, anchor: Anchor, label: str = "key finding", note: str = ""
    ) -> Highlight:
        """The highlight on the span of `anchor`: a new one, or the one already there with
        this label (and this note, if one is given). See `mark`."""
        return self.mark(anchor, label, note).highlight

    def mark(self, anchor: Anchor, label: str = "key finding", note: str = "") -> Marked:
        """Highlight the span of `anchor` with `label`; a span is highlighted once.

        A span that already has a highlight (where it now resolves, in the same briefing) keeps
        that one: its label becomes `label`, and its note `note` unless `note` is empty, or
        nothing changes if they are the same. Checked inside the write transaction, so two
        windows highlighting the same words at once still make one highlight.
        """
        _check_label(label)
        stamp, placement = now(), self._place(anchor)
        with self.transaction("this highlight") as connection:
            existing = _on_span(connection, anchor.document, placement.resolution)
            if existing is None:
                resolved = resolution_values(placement.resolution)
                highlight = Highlight(new_id(), anchor, label, note, stamp, stamp, *resolved)
                row = highlight_row(highlight)
                insert_row(connection, "highlights", HIGHLIGHT_COLUMNS, row, placement.bookkeeping)
                return Marked(highlight, ADDED)
            changed = replace(existing, label=label, note=note or existing.note, updated=stamp)
            if (changed.label, changed.note) == (existing.label, existing.note):
                return Marked(existing, UNCHANGED, existing)
            connection.execute(
                "UPDATE highlights SET label = ?, note = ?, updated = ? WHERE id = ?",
                (changed.label, changed.note, changed.updated, existing.id),
            )
            if note:  # a note is saved: a draft of it has served
                connection.execute("DELETE FROM drafts WHERE highlight = ?", (existing.id,))
            return Marked(changed, CHANGED, existing)

    def highlight_on(self, anchor: Anchor) -> Highlight | None:
        """The highlight already on exactly the span of `anchor`, if any."""
        resolution = self._place(anchor).resolution
        if resolution.passage is None:
            return None
        sql = f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE {_ON_SPAN} ORDER BY created, id"
        found = self._read(
            sql, _span_values(anchor.document, resolution), highlight_from_row, HIGHLIGHT_SHAPE
        )
        return found[0] if found else None

    def note_target(self, anchor: Anchor) -> Highlight | None:
        """The highlight a note on the span of `anchor` belongs to: the one on exactly that
        span, else the first on its passage; None when the passage has none."""
        resolution = self._place(anchor).resolution
        if resolution.passage is None:
            return None
        sql = (
            f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights"
            " WHERE document = ? AND res_passage = ? AND status != ?"
            " ORDER BY (res_start = ? AND res_end = ?) DESC, res_start, res_end, created, id"
        )
        params = (anchor.document, resolution.passage, ORPHANED, resolution.start, resolution.end)
        found = self._read(sql, params, highlight_from_row, HIGHLIGHT_SHAPE)
        return found[0] if found else None

    def update_highlight(
        self, id: str, *, label: str | None = None, note: str | None = None
    ) -> Highlight:
        if label is not None:
            _check_label(label)
        with self.transaction("the changes to this highlight") as connection:
            old = self._highlight(connection, id)
            changed = Highlight(
                old.id,
                old.anchor,
                old.label if label is None else label,
                old.note if note is None else note,
                old.created,
                now(),
                old.status,
                old.passage,
                old.start,
                old.end,
            )
            connection.execute(
                "UPDATE highlights SET label = ?, note = ?, updated = ? WHERE id = ?",
                (changed.label, changed.note, changed.updated, id),
            )
            if note is not None:  # the note is saved: its draft has served
                connection.execute("DELETE FROM drafts WHERE highlight = ?", (id,))
        return changed

    def delete_highlight(self, id: str) -> Highlight:
        """Delete, returning the highlight so the UI can offer undo through restore_highlight."""
        with self.transaction("the deletion of this highlight") as connection:
            old = self._highlight(connection, id)
            connection.execute("DELETE FROM highlights WHERE id = ?", (id,))
        return old

    def restore_highlight(self, highlight: Highlight) -> None:
        """Put a highlight back exactly as it was: undoes a delete, or an update."""
        bookkeeping = self.restored_bookkeeping(highlight.anchor.document, highlight.passage)
        with self.transaction("the restored highlight") as connection:
            row = highlight_row(highlight)
            insert_row(connection, "highlights", HIGHLIGHT_COLUMNS, row, bookkeeping, replace=True)

    def highlights(self, document: str | None = None) -> list[Highlight]:
        """Highlights by document, then in reading order."""
        where, params = ("WHERE document = ?", (document,)) if document is not None else ("", ())
        sql = f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights {where} {_IN_ORDER}"
        return self._read(sql, params, highlight_from_row, HIGHLIGHT_SHAPE)

    # Bookmarks

    def add_bookmark(self, anchor: Anchor, name: str = "") -> Bookmark:
        placement = self._place(anchor)
        resolved = resolution_values(placement.resolution)
        bookmark = Bookmark(new_id(), anchor, name, now(), *resolved)
        with self.transaction("this bookmark") as connection:
            row = bookmark_row(bookmark)
            insert_row(connection, "bookmarks", BOOKMARK_COLUMNS, row, placement.bookkeeping)
        return bookmark

    def set_mark(self, anchor: Anchor, letter: str) -> Bookmark:
        """Mark the anchor with `letter`, moving the mark if it was elsewhere (one transaction)."""
        from brief_tui.notes.marks import mark_name, same_mark

        placement = self._place(anchor)
        resolved = resolution_values(placement.resolution)
        bookmark = Bookmark(new_id(), anchor, mark_name(letter), now(), *resolved)
        with self.transaction(f"mark {letter}") as connection:
            rows = connection.execute(
                f"SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE name = ?", (mark_name(letter),)
            ).fetchall()
            for old in (bookmark_from_row(r) for r in safe_rows(rows, BOOKMARK_SHAPE)):
                if same_mark(old, letter, anchor.document):
                    connection.execute("DELETE FROM bookmarks WHERE id = ?", (old.id,))
            insert_row(
                connection,
                "bookmarks",
                BOOKMARK_COLUMNS,
                bookmark_row(bookmark),
                placement.bookkeeping,
            )
        return bookmark

    def delete_bookmark(self, id: str) -> Bookmark:
        with self.transaction("the deletion of this bookmark") as connection:
            row = connection.execute(
                f"SELECT {BOOKMARK_COLUMNS} FROM bookmarks WHERE id = ?", (id,)
            ).fetchone()
            if row is None:
                raise StoreError(gone_message("bookmark"))
            connection.execute("DELETE FROM bookmarks WHERE id = ?", (id,))
        return bookmark_from_row(safe_rows([row], BOOKMARK_SHAPE)[0])

    def restore_bookmark(self, bookmark: Bookmark) -> None:
        bookkeeping = self.restored_bookkeeping(bookmark.anchor.document, bookmark.passage)
        with self.transaction("the restored bookmark") as connection:
            row = bookmark_row(bookmark)
            insert_row(connection, "bookmarks", BOOKMARK_COLUMNS, row, bookkeeping, replace=True)

    def bookmarks(self) -> list[Bookmark]:
        """Bookmarks by document, then in reading order."""
        sql = f"SELECT {BOOKMARK_COLUMNS} FROM bookmarks {_IN_ORDER}"
        return self._read(sql, (), bookmark_from_row, BOOKMARK_SHAPE)

    # Drafts: notes being written, one per highlight

    def save_draft(self, highlight: str, text: str) -> Draft:
        """Keep (or replace) the unsaved text of the note on `highlight`."""
        draft = Draft(highlight, safe_text(text), now())
        with self.transaction("your draft") as connection:
            connection.execute(
                f"INSERT OR REPLACE INTO drafts ({DRAFT_COLUMNS}) VALUES (?, ?, ?)",
                (draft.highlight, draft.text, draft.updated),
            )
        return draft

    def discard_draft(self, highlight: str) -> None:
        with self.transaction("the discarded draft") as connection:
            connection.execute("DELETE FROM drafts WHERE highlight = ?", (highlight,))

    def draft(self, highlight: str) -> Draft | None:
        sql = f"SELECT {DRAFT_COLUMNS} FROM drafts WHERE highlight = ?"
        found = self._read(sql, (highlight,), _draft_from_row, DRAFT_SHAPE)
        return found[0] if found else None

    def drafts(self) -> list[Draft]:
        """Drafts of highlights that exist (a deleted highlight's draft waits for its undo)."""
        sql = (
            "SELECT d.highlight, d.text, d.updated FROM drafts d"
            " JOIN highlights h ON h.id = d.highlight ORDER BY d.updated"
        )
        return self._read(sql, (), _draft_from_row, DRAFT_SHAPE)

    # Reading positions

    def set_position(self, anchor: Anchor) -> Position:
        """Remember where the reader is in this document, replacing the previous place."""
        placement = self._place(anchor)
        resolved = resolution_values(placement.resolution)
        position = Position(anchor.document, anchor, now(), *resolved)
        with self.transaction("the reading position") as connection:
            row = position_row(position)
            bookkeeping = placement.bookkeeping
            insert_row(connection, "positions", POSITION_COLUMNS, row, bookkeeping, replace=True)
        return position

    def position(self, document: str) -> Position | None:
        sql = f"SELECT {POSITION_COLUMNS} FROM positions WHERE document = ?"
        found = self._read(sql, (document,), position_from_row, POSITION_SHAPE)
        return found[0] if found else None

    def positions(self) -> dict[str, Position]:
        sql = f"SELECT {POSITION_COLUMNS} FROM positions ORDER BY document"
        return {p.document: p for p in self._read(sql, (), position_from_row, POSITION_SHAPE)}

    # Re-anchoring

    def reanchor(self, library: Library) -> dict[str, int]:
        """Resolve every note against `library` and store where each now points.

        Notes whose document is unchanged since they were last resolved are skipped. On a
        read-only store this updates the in-memory copy only, so the UI still shows the
        right places. Returns how many notes are exact, moved and orphaned.
        """
        documents = {doc.id: doc for doc in library.documents}
        counts = {EXACT: 0, MOVED: 0, ORPHANED: 0}
        with self.transaction("the re-anchored notes", even_read_only=True) as connection:
            for table, key in (
                ("highlights", "id"),
                ("bookmarks", "id"),
                ("positions", "document"),
            ):
                for status, number in reanchor_table(connection, table, key, documents).items():
                    counts[status] = counts.get(status, 0) + number
        with self._lock:
            self._documents = documents
        return counts

    # For bulk work such as importing a backup: one transaction, rows as the store keeps them

    def _place(self, anchor: Anchor) -> Placement:
        return place(anchor, self._documents.get(anchor.document))

    def restored_bookkeeping(self, document: str, passage: str | None) -> tuple[str, int | None]:
        """Bookkeeping for a restored note: sorted now, its resolution re-checked next reanchor."""
        return "", ordinal(self._documents.get(document), passage)

    def _highlight(self, connection: sqlite3.Connection, id: str) -> Highlight:
        row = connection.execute(
            f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE id = ?", (id,)
        ).fetchone()
        if row is None:
            raise StoreError(gone_message("highlight"))
        return highlight_from_row(safe_rows([row], HIGHLIGHT_SHAPE)[0])


def _draft_from_row(row: tuple[Any, ...]) -> Draft:
    return Draft(*row)


_ON_SPAN = "document = ? AND res_passage = ? AND res_start = ? AND res_end = ? AND status != ?"


def _span_values(document: str, resolution: Resolution) -> tuple[Any, ...]:
    return (document, resolution.passage, resolution.start, resolution.end, ORPHANED)


def _on_span(
    connection: sqlite3.Connection, document: str, resolution: Resolution
) -> Highlight | None:
    """The oldest highlight placed on exactly this span, inside the caller's transaction."""
    if resolution.passage is None:
        return None
    row = connection.execute(
        f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE {_ON_SPAN} ORDER BY created, id",
        _span_values(document, resolution),
    ).fetchone()
    return None if row is None else highlight_from_row(safe_rows([row], HIGHLIGHT_SHAPE)[0])


def insert_row(
    connection: sqlite3.Connection,
    table: str,
    columns: str,
    row: tuple[Any, ...],
    bookkeeping: tuple[str, int | None],
    *,
    replace: bool = False,
) -> None:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    values = (*row, *bookkeeping)
    marks = ", ".join("?" * len(values))
    connection.execute(f"{verb} INTO {table} ({columns}, {_BOOKKEEPING}) VALUES ({marks})", values)


def _check_label(label: str) -> None:
    if label not in LABELS:
        raise ValueError(f"Unknown label {label!r}; expected one of {', '.join(LABELS)}.")
