"""`brief-tui add` and `brief-tui remove`: the user's own documents, and their notes after.

The pure work (reading the source, updating in place, removing) is in
`brief_tui.corpus.user_library`; this module prints what happened and re-attaches notes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui import locations
from brief_tui.cli import load_all
from brief_tui.cli_documents import choose_document
from brief_tui.cli_output import error
from brief_tui.corpus.model import LoadProblem
from brief_tui.wording import agree, plural

if TYPE_CHECKING:
    import argparse


def cmd_add(args: argparse.Namespace, data_dir: Path) -> int:
    """Add a file, or update in place the document it became when it was added before."""
    # Ingest machinery is imported only by the commands that use it, to keep start-up fast.
    from brief_tui.corpus.curation import CURATION_FILE, CurationError
    from brief_tui.corpus.ingest import IngestError
    from brief_tui.corpus.user_library import UNCHANGED, UPDATED, add_source

    source = Path(args.file)
    try:
        added = add_source(
            source,
            locations.library_dir(data_dir),
            locations.library_sources_dir(data_dir),
            load_all(data_dir),
        )
    except CurationError as exc:
        path = locations.library_dir(data_dir) / CURATION_FILE
        error(str(LoadProblem(str(path), exc.line, exc.message)))
        return 1
    except (IngestError, ValueError) as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"brief-tui: cannot write to {data_dir} ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    doc = added.document
    if added.status == UNCHANGED:
        print(added.detail or f"Unchanged: “{doc.title}” ({doc.id}) is already up to date.")
        return 0
    verb = "Updated" if added.status == UPDATED else "Added"
    print(
        f"{verb} “{doc.title}” as {doc.id}: {plural(doc.passage_count, 'passage')}, "
        f"{plural(doc.recommendation_count, 'recommendation')} ({added.path})."
    )
    if added.status == UPDATED:
        print(_reanchored_notes(data_dir, doc.id))
    return 0


def _reanchored_notes(data_dir: Path, document: str) -> str:
    """Re-attach notes to the library as it now is; one line on where `document`'s notes are."""
    from brief_tui.export import NOTES_FILE
    from brief_tui.notes.store import NoteStore, StoreError

    path = data_dir / NOTES_FILE
    if not path.exists():
        return "It has no notes."
    with NoteStore.open(path) as store:
        try:
            store.reanchor(load_all(data_dir))
            statuses = [h.status for h in store.highlights(document)]
            statuses += [b.status for b in store.bookmarks() if b.anchor.document == document]
        except StoreError as exc:
            return f"Its notes could not be re-attached yet: {exc}"
    if not statuses:
        return "It has no notes."
    counts = {status: statuses.count(status) for status in ("exact", "moved", "orphaned")}
    line = (
        f"Its {plural(len(statuses), 'note')}: {counts['exact']} in place, "
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
