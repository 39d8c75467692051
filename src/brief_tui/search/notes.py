"""The user's highlights, notes and bookmark names as search entries, so `/` finds them too
(and `n:` finds only them). They are few and change as the user writes, so they get a small
in-memory index of their own, searched beside the library's and merged by score."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from brief_tui.corpus.model import Library
from brief_tui.search.entries import Entry
from brief_tui.search.query import Query
from brief_tui.search.ranking import Hit, RankedSearch

if TYPE_CHECKING:
    from brief_tui.notes.records import Bookmark, Highlight

NOTE_KINDS = ("note", "highlight", "bookmark")


def note_entries(
    library: Library, highlights: Iterable[Highlight], bookmarks: Iterable[Bookmark]
) -> list[Entry]:
    """One entry per highlight (its note and the words it quotes) and per named bookmark (its
    name); each opens at its passage."""
    titles = {d.id: (d.title, ", ".join(d.organisations)) for d in library.documents}
    entries = []
    for highlight in highlights:
        title, organisations = titles.get(
            highlight.anchor.document, (highlight.anchor.document, "")
        )
        text = highlight.anchor.quote
        if highlight.note.strip():
            text = f"{highlight.note.strip()} — “{text}”"
        entries.append(
            Entry(
                "note" if highlight.note.strip() else "highlight",
                highlight.anchor.document,
                title,
                organisations,
                highlight.label,
                highlight.passage,
                text,
            )
        )
    from brief_tui.notes.marks import mark_letter

    for bookmark in bookmarks:
        # By name only: the words it marks are the passage's, found as the passage; a mark
        # ("mark q") is a letter to jump with, not a name to search.
        if not bookmark.name.strip() or mark_letter(bookmark) is not None:
            continue
        title, organisations = titles.get(bookmark.anchor.document, (bookmark.anchor.document, ""))
        entries.append(
            Entry(
                "bookmark",
                bookmark.anchor.document,
                title,
                organisations,
                "",
                bookmark.passage,
                bookmark.name,
            )
        )
    return entries


def search_with_notes(
    library_index: RankedSearch,
    notes_index: RankedSearch | None,
    query: Query,
    *,
    limit: int,
    scope: str | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Hit]:
    """The library's hits and the notes' hits, best first; `n:` keeps the notes' only."""
    found: list[Hit] = []
    if notes_index is not None and not (query.pillars or query.recommendations_only):
        plain = replace(query, notes_only=False)
        found = notes_index.search(plain, limit=limit, scope=scope, cancelled=cancelled)
    if query.notes_only:
        return found
    hits = library_index.search(query, limit=limit, scope=scope, cancelled=cancelled)
    if not found:
        return hits
    return sorted(found + hits, key=lambda h: -h.score)[:limit]
