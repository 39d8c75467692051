"""A lossless JSON backup of the note store, and merging one back into a store.

The backup keeps every field of every highlight, bookmark and reading position (ids, anchors,
timestamps and last resolution), so restoring it into an empty store rebuilds the same store.
Merging is idempotent: a record whose id is already there is skipped unless the backup's copy
was changed more recently, so importing the same file twice changes nothing. A file is checked
completely before anything is written, and everything it holds is written in one transaction:
a bad file, or a failure half-way, leaves the store as it was.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from brief_tui.corpus.model import Library
from brief_tui.corpus.sanitize import safe_line, safe_text
from brief_tui.notes.anchor import EXACT, MAX_OFFSET, MOVED, ORPHANED, Anchor
from brief_tui.notes.records import (
    BOOKMARK_COLUMNS,
    HIGHLIGHT_COLUMNS,
    LABELS,
    POSITION_COLUMNS,
    Bookmark,
    Highlight,
    Position,
    bookmark_row,
    highlight_row,
    position_row,
)
from brief_tui.notes.store import NoteStore, insert_row

FORMAT = "brief-tui-notes"
FORMAT_VERSION = 1
_STATUSES = (EXACT, MOVED, ORPHANED)


class BackupError(Exception):
    """Why a backup cannot be read, in one sentence that completes "cannot import FILE: …"."""


@dataclass(frozen=True)
class Backup:
    """The records of one backup file, checked and rebuilt as store values."""

    exported_at: str
    highlights: tuple[Highlight, ...]
    bookmarks: tuple[Bookmark, ...]
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class Merged:
    """What a merge did to one kind of record."""

    added: int = 0
    present: int = 0  # already in the store, and the store's copy is as new or newer
    updated: int = 0  # replaced by the backup's more recently changed copy


@dataclass(frozen=True)
class MergeReport:
    highlights: Merged
    bookmarks: Merged
    positions: Merged
    orphaned: int  # of the records in the backup, how many point at text no longer there

    def summary(self) -> str:
        """One line per kind, then the orphans: what `brief-tui import` prints."""
        lines = []
        for name, merged in (
            ("highlights", self.highlights),
            ("bookmarks", self.bookmarks),
            ("reading positions", self.positions),
        ):
            lines.append(
                f"{name}: {merged.added} added, {merged.present} already there, "
                f"{merged.updated} updated"
            )
        if self.orphaned:
            lines.append(
                f"{self.orphaned} of the imported notes are orphaned: their text is no longer "
                "in the library (the notes panel keeps them under “Orphaned”)."
            )
        else:
            lines.append("none of the imported notes is orphaned.")
        return "\n".join(lines)


def stamp(moment: datetime) -> str:
    """A moment as ISO 8601 UTC to the second, the form backups and exports carry."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# Writing


def _anchor(a: Anchor) -> dict[str, Any]:
    return {f.name: getattr(a, f.name) for f in fields(Anchor)}


def _record(value: Highlight | Bookmark | Position) -> dict[str, Any]:
    record = {f.name: getattr(value, f.name) for f in fields(value)}
    record["anchor"] = _anchor(value.anchor)
    return record


def export_json(
    highlights: Iterable[Highlight],
    bookmarks: Iterable[Bookmark],
    positions: Iterable[Position],
    *,
    exported_at: datetime,
) -> str:
    """Every highlight, bookmark and reading position as a versioned JSON backup.

    Pass the store's whole contents (`store.highlights()`, `store.bookmarks()`,
    `store.positions().values()`); `import_backup` / `brief-tui import` restore it. Records
    keep the store's order, so the same store always gives the same text but the stamp.
    """
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": stamp(exported_at),
        "highlights": [_record(h) for h in highlights],
        "bookmarks": [_record(b) for b in bookmarks],
        "positions": [_record(p) for p in positions],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Reading


def read_backup(text: str) -> Backup:
    """Check a backup completely and rebuild its records; BackupError says what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupError(
            f"it is not valid JSON (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:  # arrays in arrays, a hundred thousand deep: no backup looks so
        raise BackupError("it is nested too deeply to be a brief-tui notes backup") from None
    except ValueError:  # a number of thousands of digits: Python refuses to read it
        raise BackupError(
            "it holds a number too long to be part of a brief-tui notes backup"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(
            "it is not a brief-tui notes backup (made by `brief-tui export --format json`)"
        )
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"it has backup format version {version!r}, and this brief-tui reads only "
            f"version {FORMAT_VERSION}"
        )
    exported_at = _timestamp(data.get("exported_at"), "the backup's “exported_at”")
    highlights = tuple(_highlight(r, f"highlight {n}") for n, r in _list(data, "highlights"))
    bookmarks = tuple(_bookmark(r, f"bookmark {n}") for n, r in _list(data, "bookmarks"))
    positions = tuple(_position(r, f"reading position {n}") for n, r in _list(data, "positions"))
    _unique([h.id for h in highlights], "highlight")
    _unique([b.id for b in bookmarks], "bookmark")
    _unique([p.document for p in positions], "reading position for document")
    return Backup(exported_at, highlights, bookmarks, positions)


def _list(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        raise BackupError(f"its “{key}” is missing or not a list")
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise BackupError(f"{key[:-1]} {number} is not an object")
    return list(enumerate(items, 1))


def _unique(keys: Sequence[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise BackupError(f"it lists {what} {key} twice")
        seen.add(key)


def _field(record: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in record:
        raise BackupError(f"{where} has no “{key}”")
    value = record[key]
    if isinstance(value, bool) or not isinstance(value, kind):
        raise BackupError(f"{where} has a “{key}” of the wrong type")
    return value


def _text(record: dict[str, Any], key: str, where: str, *, lines: bool = False) -> str:
    """A text field, cleaned: a backup may come from anywhere, and its words reach the
    terminal and every export (`lines`: free text such as a note, whose newlines stay)."""
    value: str = _field(record, key, str, where)
    return safe_text(value) if lines else safe_line(value)


def _offset(record: dict[str, Any], key: str, where: str) -> int:
    value: int = _field(record, key, int, where)
    if value < 0:
        raise BackupError(f"{where} has a negative “{key}”")
    if value > MAX_OFFSET:
        raise BackupError(f"{where} has a “{key}” too large for any passage")
    return value


def _identifier(record: dict[str, Any], key: str, where: str) -> str:
    value = _text(record, key, where)
    if not value:
        raise BackupError(f"{where} has an empty “{key}”")
    return value


def _timestamp(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise BackupError(f"{where} is missing or not a timestamp")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise BackupError(f"{where} is not an ISO 8601 timestamp") from None
    return value


def _read_anchor(record: dict[str, Any], where: str) -> Anchor:
    raw = _field(record, "anchor", dict, where)
    where = f"the anchor of {where}"
    start, end = _offset(raw, "start", where), _offset(raw, "end", where)
    if end < start:
        raise BackupError(f"{where} ends before it starts")
    return Anchor(
        document=_identifier(raw, "document", where),
        content_hash=_text(raw, "content_hash", where),
        passage=_text(raw, "passage", where),
        start=start,
        end=end,
        quote=_text(raw, "quote", where, lines=True),
        prefix=_text(raw, "prefix", where, lines=True),
        suffix=_text(raw, "suffix", where, lines=True),
    )


def _resolution(record: dict[str, Any], where: str) -> tuple[str, str | None, int, int]:
    status = _text(record, "status", where)
    if status not in _STATUSES:
        raise BackupError(f"{where} has an unknown status {status!r}")
    passage = _field(record, "passage", (str, type(None)), where)
    passage = None if passage is None else safe_line(passage)
    return status, passage, _offset(record, "start", where), _offset(record, "end", where)


def _highlight(record: dict[str, Any], where: str) -> Highlight:
    label = _text(record, "label", where)
    if label not in LABELS:
        raise BackupError(f"{where} has an unknown label {label!r}")
    return Highlight(
        _identifier(record, "id", where),
        _read_anchor(record, where),
        label,
        _text(record, "note", where, lines=True),
        _timestamp(record.get("created"), f"the “created” of {where}"),
        _timestamp(record.get("updated"), f"the “updated” of {where}"),
        *_resolution(record, where),
    )


def _bookmark(record: dict[str, Any], where: str) -> Bookmark:
    return Bookmark(
        _identifier(record, "id", where),
        _read_anchor(record, where),
        _text(record, "name", where),
        _timestamp(record.get("created"), f"the “created” of {where}"),
        *_resolution(record, where),
    )


def _position(record: dict[str, Any], where: str) -> Position:
    anchor = _read_anchor(record, where)
    if _text(record, "document", where) != anchor.document:
        raise BackupError(f"{where} names a different document from its anchor")
    return Position(
        anchor.document,
        anchor,
        _timestamp(record.get("updated"), f"the “updated” of {where}"),
        *_resolution(record, where),
    )


# Merging


def _newer(incoming: str, existing: str) -> bool:
    """True when `incoming` is a later moment; stamps in other forms compare as text."""
    try:
        return _utc(incoming) > _utc(existing)
    except ValueError:
        return incoming > existing


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def import_backup(store: NoteStore, backup: Backup, library: Library) -> MergeReport:
    """Merge `backup` into `store` in one transaction, re-anchor, and say what happened.

    A record whose id (for a reading position, whose document) is not in the store is added.
    One already there is replaced only when the backup's copy was updated later (highlights
    and positions; bookmarks cannot be edited, so one already there is left alone). Then every
    note is re-anchored against `library`, so merged notes point at the current text.
    StoreError if the store cannot be written (read-only, disk full): nothing is changed then.
    """
    # The store has no public bulk restore; this module belongs to the notes package and uses
    # its transaction and insert helpers, so 10,000 notes are one commit rather than 10,000.
    kinds: tuple[Sequence[Highlight | Bookmark | Position], ...] = (
        backup.highlights,
        backup.bookmarks,
        backup.positions,
    )
    with store.transaction("the imported notes") as connection:
        merged = [_merge(store, connection, t, rs) for t, rs in zip(_TABLES, kinds, strict=True)]
    store.reanchor(library)
    return MergeReport(merged[0], merged[1], merged[2], _orphaned(store, backup))


@dataclass(frozen=True)
class _Table:
    name: str
    columns: str
    key: str  # what identifies a record
    changed: str | None  # the stamp that says which copy is newer; None: records never change
    to_row: Callable[[Any], tuple[Any, ...]]


_TABLES = (
    _Table("highlights", HIGHLIGHT_COLUMNS, "id", "updated", highlight_row),
    _Table("bookmarks", BOOKMARK_COLUMNS, "id", None, bookmark_row),
    _Table("positions", POSITION_COLUMNS, "document", "updated", position_row),
)


def _merge(
    store: NoteStore,
    connection: sqlite3.Connection,
    table: _Table,
    records: Sequence[Highlight | Bookmark | Position],
) -> Merged:
    """Add or update one table's records inside the caller's transaction."""
    key, changed = table.key, table.changed
    sql = f"SELECT {key}, {changed or key} FROM {table.name}"
    existing = dict(connection.execute(sql).fetchall())
    added = present = updated = 0
    for record in records:
        ident = getattr(record, key)
        if ident in existing:
            if changed is None or not _newer(getattr(record, changed), existing[ident]):
                present += 1
                continue
            updated += 1
        else:
            added += 1
        bookkeeping = store.restored_bookkeeping(record.anchor.document, record.passage)
        row = table.to_row(record)
        insert_row(connection, table.name, table.columns, row, bookkeeping, replace=True)
    return Merged(added, present, updated)


def _orphaned(store: NoteStore, backup: Backup) -> int:
    """How many of the backup's records the store now holds as orphaned."""
    highlights = {h.id for h in backup.highlights}
    bookmarks = {b.id for b in backup.bookmarks}
    documents = {p.document for p in backup.positions}
    return (
        sum(h.id in highlights and h.status == ORPHANED for h in store.highlights())
        + sum(b.id in bookmarks and b.status == ORPHANED for b in store.bookmarks())
        + sum(d in documents and p.status == ORPHANED for d, p in store.positions().items())
    )
