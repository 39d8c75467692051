"""Highlights, bookmarks and reading positions, anchored so they survive edits to the text."""

from brief_tui.notes.anchor import Anchor, Resolution, document_hash, make_anchor, resolve
from brief_tui.notes.records import (
    LABELS,
    Bookmark,
    Draft,
    Highlight,
    Marked,
    Position,
    StoreError,
)
from brief_tui.notes.store import NoteStore

__all__ = [
    "LABELS",
    "Anchor",
    "Bookmark",
    "Draft",
    "Highlight",
    "Marked",
    "NoteStore",
    "Position",
    "Resolution",
    "StoreError",
    "document_hash",
    "make_anchor",
    "resolve",
]
