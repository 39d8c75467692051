"""`brief-tui export`: notes as one Markdown file, a vault of notes updated in place, a JSON
backup, or the cited sources as CSL-JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui.cli import load_all, report_problems
from brief_tui.cli_documents import choose_document
from brief_tui.session import ReaderSession
from brief_tui.wording import plural

if TYPE_CHECKING:
    import argparse

    from brief_tui.notes import Bookmark, Highlight, Position


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    """Markdown of the notes as they sit in the current text, or the complete JSON backup."""
    from brief_tui.export import ExportError, ExportExists, pillar_id, write_export

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
    session = _session(data_dir)
    doc = choose_document(session.library, args.document) if args.document else None
    if args.document and doc is None:
        return 1
    highlights, bookmarks, positions = _current_notes(session)
    title = args.title or (f"Highlights: {doc.title}" if doc else "Highlights and notes")
    text = session.export_text(
        args.format,
        highlights,
        bookmarks,
        positions,
        title=title,
        document=doc.id if doc else None,
        pillar=pillar,
    )
    session.close()
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


def _session(data_dir: Path) -> ReaderSession:
    """The reader's library (problems reported once) and notes, as the reader would see them."""
    session = ReaderSession(data_dir, library=load_all(data_dir))
    report_problems(session.library)
    return session


def _current_notes(
    session: ReaderSession,
) -> tuple[list[Highlight], list[Bookmark], list[Position]]:
    """Highlights, bookmarks and positions re-anchored to the library, warnings on stderr."""
    highlights, bookmarks, positions, warning = session.current_notes()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return highlights, bookmarks, positions


def _export_vault(args: argparse.Namespace, data_dir: Path) -> int:
    """One note per briefing in a folder, updated in place; what changed, in a few lines."""
    from brief_tui.export import ExportError

    if args.output or args.format != "markdown" or args.pillar:
        print(
            "brief-tui: --vault writes Markdown notes into a folder; drop -o, --format and "
            "--pillar.",
            file=sys.stderr,
        )
        return 2
    vault = Path(args.vault).expanduser()
    session = _session(data_dir)
    doc = choose_document(session.library, args.document) if args.document else None
    if args.document and doc is None:
        return 1
    highlights, _, _ = _current_notes(session)
    session.close()
    try:
        report = session.export_vault(vault, highlights, document=doc.id if doc else None)
    except ExportError as exc:
        print(f"brief-tui: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0
