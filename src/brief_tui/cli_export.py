"""`brief-tui export`: notes as one Markdown file, a vault of notes updated in place, a JSON
backup, or the cited sources as CSL-JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui.cli import load_all, report_problems
from brief_tui.cli_documents import choose_document
from brief_tui.corpus.model import Library
from brief_tui.wording import plural

if TYPE_CHECKING:
    import argparse

    from brief_tui.notes import Bookmark, Highlight, Position


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    """Markdown of the notes as they sit in the current text, or the complete JSON backup."""
    from datetime import UTC, datetime

    from brief_tui.export import (
        NOTES_FILE,
        ExportError,
        ExportExists,
        export_json,
        export_markdown,
        pillar_id,
        write_export,
    )

    if args.vault:
        return _export_vault(args, data_dir)
    if args.format == "json" and (args.document or args.pillar):
        print(
            "brief-tui: a JSON backup holds every note; drop --document and --pillar.",
            file=sys.stderr,
        )
        return 2
    try:
        pillar = pillar_id(args.pillar) if args.pillar else None
    except ValueError as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 2
    library = load_all(data_dir)
    report_problems(library)
    doc = choose_document(library, args.document) if args.document else None
    if args.document and doc is None:
        return 1
    highlights, bookmarks, positions = _current_notes(data_dir / NOTES_FILE, library)
    now = datetime.now(UTC)
    if args.format == "json":
        text = export_json(highlights, bookmarks, positions, exported_at=now)
    elif args.format == "csl-json":
        from brief_tui.export.csl import export_csl

        cited = {h.anchor.document for h in highlights} | {b.anchor.document for b in bookmarks}
        if doc is not None:
            cited &= {doc.id}
        text = export_csl(d for d in library.documents if d.id in cited)
    else:
        title = args.title or (f"Highlights: {doc.title}" if doc else "Highlights and notes")
        text = export_markdown(
            library,
            highlights,
            bookmarks,
            title=title,
            exported_at=now,
            document=doc.id if doc else None,
            pillar=pillar,
        )
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    try:
        path = write_export(args.output, text, force=args.force)
    except ExportExists:
        print(
            f"brief-tui: {args.output} already exists; pass --force to replace it.", file=sys.stderr
        )
        return 1
    except ExportError as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        counts = [(len(highlights), "highlight"), (len(bookmarks), "bookmark")]
        counts.append((len(positions), "reading position"))
        what = ", ".join(plural(number, noun) for number, noun in counts)
        print(f"Backed up {what} to {path}.", file=sys.stderr)
    else:
        print(f"Exported to {path}.", file=sys.stderr)
    return 0


def _current_notes(
    path: Path, library: Library
) -> tuple[list[Highlight], list[Bookmark], list[Position]]:
    """Highlights, bookmarks and positions re-anchored to `library`; none if there is no file."""
    from brief_tui.notes.store import NoteStore, StoreError

    if not path.exists():  # nothing to export, and no notes file created by looking
        return [], [], []
    with NoteStore.open(path) as store:
        if store.warning:
            print(f"warning: {store.warning}", file=sys.stderr)
        try:
            store.reanchor(library)
        except StoreError as error:  # e.g. another window holds the file: export as stored
            reason = str(error).partition(": ")[2].rstrip(".")
            print(
                f"warning: your notes could not be re-anchored to the current text ({reason}), "
                "so they are exported where they were last placed.",
                file=sys.stderr,
            )
        return store.highlights(), store.bookmarks(), list(store.positions().values())


def _export_vault(args: argparse.Namespace, data_dir: Path) -> int:
    """One note per briefing in a folder, updated in place; what changed, in a few lines."""
    from datetime import UTC, datetime

    from brief_tui.export import NOTES_FILE, ExportError
    from brief_tui.export.vault import export_vault

    if args.output or args.format != "markdown" or args.pillar:
        print(
            "brief-tui: --vault writes Markdown notes into a folder; drop -o, --format and "
            "--pillar.",
            file=sys.stderr,
        )
        return 2
    vault = Path(args.vault).expanduser()
    library = load_all(data_dir)
    report_problems(library)
    doc = choose_document(library, args.document) if args.document else None
    if args.document and doc is None:
        return 1
    highlights, _, _ = _current_notes(data_dir / NOTES_FILE, library)
    try:
        report = export_vault(
            library,
            highlights,
            vault,
            exported_at=datetime.now(UTC),
            document=doc.id if doc else None,
        )
    except ExportError as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0
