"""`brief-tui remove`, and the notes of the user's documents after they change.

The pure work (updating in place, removing) is in `brief_tui.corpus.user_library`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui import locations
from brief_tui.cli import load_all
from brief_tui.cli_documents import choose_document
from brief_tui.wording import agree, plural

if TYPE_CHECKING:
    import argparse


def refresh_catalog(data_dir: Path) -> None:
    """Bring the catalog up to date now, in one transaction, rather than at the next start."""
    load_all(data_dir, cached=True)


def reanchored_notes(data_dir: Path, documents: list[str]) -> str:
    """Re-attach notes to the library as it now is; one line on where `documents`' notes are."""
    from brief_tui.export import NOTES_FILE
    from brief_tui.notes.store import NoteStore, StoreError

    path = data_dir / NOTES_FILE
    if not path.exists():
        return "They have no notes." if len(documents) > 1 else "It has no notes."
    wanted = set(documents)
    with NoteStore.open(path) as store:
        try:
            store.reanchor(load_all(data_dir, cached=True))
            statuses = [h.status for h in store.highlights() if h.anchor.document in wanted]
            statuses += [b.status for b in store.bookmarks() if b.anchor.document in wanted]
        except StoreError as exc:
            return f"Notes could not be re-attached yet: {exc}"
    whose = "Their" if len(documents) > 1 else "Its"
    if not statuses:
        return "They have no notes." if len(documents) > 1 else "It has no notes."
    counts = {status: statuses.count(status) for status in ("exact", "moved", "orphaned")}
    line = (
        f"{whose} {plural(len(statuses), 'note')}: {counts['exact']} in place, "
        f"{counts['moved']} moved to the closest match, {counts['orphaned']} orphaned"
    )
    return line + (" (kept in the notes panel under “Orphaned”)." if counts["orphaned"] else ".")


def cmd_remove(args: argparse.Namespace, data_dir: Path) -> int:
    """Remove a document the user added; its notes stay, orphaned, until the user deletes them."""
    from brief_tui.corpus.ingest import IngestError
    from brief_tui.corpus.user_library import removal_problem, remove_document

    library = load_all(data_dir)
    doc = choose_document(library, args.document)
    if doc is None:
        return 2
    if problem := removal_problem(doc):
        print(f"brief-tui: {problem}", file=sys.stderr)
        return 1
    notes = _note_count(data_dir, doc.id)
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                f"brief-tui: pass --yes to remove “{doc.title}” ({doc.id}) without asking.",
                file=sys.stderr,
            )
            return 2
        kept = f"; its {plural(notes, 'note')} will be kept as orphans" if notes else ""
        answer = input(f"Remove “{doc.title}” ({doc.id}) from your library{kept}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was removed.")
            return 1
    try:
        remove_document(doc, library, locations.library_sources_dir(data_dir))
    except IngestError as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 1
    print(f"Removed “{doc.title}” ({doc.id}).")
    refresh_catalog(data_dir)
    if notes:
        them = agree(notes, "it")
        print(
            f"{plural(notes, 'note')} on it {agree(notes, 'is')} kept, orphaned, in the notes "
            f"panel (H) until you delete {them}; adding the document again re-attaches {them}."
        )
    return 0


def _note_count(data_dir: Path, document: str) -> int:
    """Highlights and bookmarks on `document`; 0 when there is no notes file."""
    from brief_tui.export import NOTES_FILE
    from brief_tui.notes.store import NoteStore, StoreError

    path = data_dir / NOTES_FILE
    if not path.exists():
        return 0
    with NoteStore.open(path) as store:
        try:
            highlights = store.highlights(document)
            bookmarks = [b for b in store.bookmarks() if b.anchor.document == document]
        except StoreError:
            return 0
    return len(highlights) + len(bookmarks)
