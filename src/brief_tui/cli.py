"""The command line: `brief-tui` opens the reader; sub-commands serve curators and scripts."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui import __version__, locations
from brief_tui.cli_documents import choose_document
from brief_tui.cli_output import error
from brief_tui.corpus.model import Document, Library

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="brief-tui",
        description="A keyboard-driven terminal reader for policy briefings.",
    )
    parser.add_argument("--version", action="version", version=f"brief-tui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where your library and notes live (default: ${locations.DATA_DIR_ENV} or the "
        "platform's user data directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="turn seeds/*.txt into content/ (for curators)")
    ingest.add_argument("--seeds", metavar="DIR", help="source directory (default: bundled seeds/)")
    ingest.add_argument(
        "--content", metavar="DIR", help="output directory (default: bundled content/)"
    )
    ingest.add_argument("--force", action="store_true", help="regenerate hand-edited content files")

    check = commands.add_parser(
        "check", help="validate content files; non-zero exit on any problem"
    )
    check.add_argument(
        "directory", nargs="?", metavar="DIR", help="a content directory (default: all)"
    )

    passages = commands.add_parser("passages", help="list passages in reading order")
    passages.add_argument("--json", action="store_true", help="print a JSON array")
    passages.add_argument("--document", metavar="ID", help="only this document")

    add = commands.add_parser(
        "add",
        help="add files, folders or web pages to your library, or update them",
        description="Add documents to your library: files (PDF, web pages, Word, EPUB, "
        "Markdown, text), folders (searched for those files) and http(s) addresses. Adding "
        "a source again updates its briefing in place.",
    )
    add.add_argument("sources", nargs="+", metavar="FILE|FOLDER|URL")
    add.add_argument("--title", metavar="TEXT", help="the title, when the source does not say")
    add.add_argument(
        "--org",
        action="append",
        metavar="NAME",
        help="an organisation behind it (repeat for several)",
    )
    add.add_argument("--date", metavar="DATE", help="its date: 2021-06-17, 2021-06 or 2021")

    remove = commands.add_parser(
        "remove", help="remove a document you added (its notes are kept, orphaned)"
    )
    remove.add_argument("document", metavar="DOC", help="its id or title")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    search = commands.add_parser("search", help="search every briefing, as the reader does")
    search.add_argument(
        "query", nargs="+", metavar="QUERY", help='words, "exact phrase", p:II, d:wola, rec'
    )
    search.add_argument("--json", action="store_true", help="print a JSON array of hits")
    search.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)"
    )

    compare = commands.add_parser("compare", help="what two sources recommend on one pillar")
    compare.add_argument(
        "--pillar", required=True, metavar="ID", help="I, II, III, IV, V or P (or 1..6)"
    )
    compare.add_argument(
        "--left", metavar="DOC", help="a briefing id or title (default: the busiest)"
    )
    compare.add_argument(
        "--right", metavar="DOC", help="a briefing id or title (default: the next busiest)"
    )
    compare.add_argument(
        "--sides",
        "--by-side",
        action="store_true",
        help="advocacy asks against government commitments, instead of two documents",
    )
    compare.add_argument("--format", choices=("markdown", "json"), default="markdown")

    keys = commands.add_parser(
        "keys", help="every key binding: id, keys (after your keymap.toml), where, what"
    )
    keys.add_argument("--json", action="store_true", help="print a JSON array")

    listing = commands.add_parser("list", help="list the briefings in the library")
    listing.add_argument("--json", action="store_true", help="print a JSON array of briefings")

    export = commands.add_parser(
        "export", help="export highlights, notes and bookmarks as Markdown, or back them up"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    export.add_argument("--document", metavar="ID", help="only this briefing (Markdown)")
    export.add_argument("--pillar", metavar="ID", help="only passages with this pillar (Markdown)")
    export.add_argument(
        "--format",
        choices=("markdown", "json", "csl-json"),
        default="markdown",
        help="markdown (default); json: a complete backup that `import` restores; csl-json: "
        "the cited sources, for a reference manager",
    )
    export.add_argument(
        "--vault",
        metavar="DIR",
        help="one note per briefing in DIR (an Obsidian vault), updated in place on re-export",
    )
    export.add_argument("--title", metavar="TEXT", help="the Markdown document's title")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    restore = commands.add_parser(
        "import", help="merge a JSON backup from `export --format json` into your notes"
    )
    restore.add_argument("file", metavar="FILE")

    from brief_tui.cli_serve import add_serve_parser

    add_serve_parser(commands)
    parser.epilog = (
        "With no command, opens the reader; `brief-tui DOC` opens the briefing DOC (id or title)."
    )
    return parser


def load_all(
    data_dir: Path, *, cached: bool = True, check: bool = True, first: int | None = None
) -> Library:
    """The bundled briefings and the user's own, listed from the catalog (brought up to date
    with the content files first), so a command over a library of a thousand does not parse
    a thousand files; passages are read from it as a command needs them."""
    from brief_tui.session import load_reader_library

    return load_reader_library(data_dir, cached=cached, check=check, first=first)


def cmd_ingest(args: argparse.Namespace) -> int:
    from brief_tui.corpus.ingest import ingest_sources

    seeds = Path(args.seeds) if args.seeds else locations.seeds_dir()
    content = Path(args.content) if args.content else locations.content_dir()
    sources = sorted(p for p in seeds.glob("*") if p.suffix.lower() in (".txt", ".md", ".markdown"))
    if not sources:
        print(f"brief-tui: no .txt or .md files in {seeds}.", file=sys.stderr)
        return 1
    report = ingest_sources(sources, content, force=args.force)
    for result in report.results:
        print(f"{result.status:>9}  {result.path}")
        for item in result.lifted:
            print(f"           kept your correction ({item}) in curation.toml")
    for problem in report.errors:
        error(problem)
    return 1 if report.errors else 0


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    from brief_tui.cli_check import run_check

    if not args.directory:
        return run_check(
            [(locations.content_dir(), "bundled"), (locations.library_dir(data_dir), "user")]
        )
    directory = Path(args.directory)
    if not directory.is_dir():
        error(f"{args.directory} is not a directory.")
        return 2
    return run_check([(directory, "bundled")])


def passage_records(library: Library, document: str | None = None) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for doc in library.documents:
        if document and doc.id != document:
            continue
        for section, passage in doc.passages():
            records.append(
                {
                    "document": doc.id,
                    "title": doc.title,
                    "seed": doc.seed,
                    "section": section.title,
                    "id": passage.id,
                    "text": passage.text,
                    "pillars": list(passage.pillars),
                    "recommendation": passage.recommendation,
                    "recommendation_kind": passage.recommendation_kind,
                    "actor": passage.actor,
                    "addressee": passage.addressee,
                    "source_type": doc.source_type,
                    "page": passage.page,
                }
            )
    return records


def cmd_passages(args: argparse.Namespace, data_dir: Path) -> int:
    library = load_all(data_dir)
    report_problems(library)
    doc = choose_document(library, args.document) if args.document else None
    if args.document and doc is None:
        return 1
    records = passage_records(library, doc.id if doc else None)
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for record in records:
            flag = (
                f" [{record['recommendation_kind'] or 'rec'}]" if record["recommendation"] else ""
            )
            pillars = ",".join(record["pillars"])  # type: ignore[arg-type]
            print(f"{record['document']} {record['id']} ({pillars}){flag}: {record['text']}")
    return 0


def report_problems(library: Library) -> None:
    for problem in library.problems:
        print(f"warning: {problem} (skipped)", file=sys.stderr)


def cmd_search(args: argparse.Namespace, data_dir: Path) -> int:
    """The reader's search engine for scripts: same index, same ranking."""
    from brief_tui.session import library_index

    if args.limit < 1:
        print("brief-tui: --limit must be at least 1.", file=sys.stderr)
        return 2
    library = load_all(data_dir)  # the catalog's index: nothing to build
    report_problems(library)
    # A finished query: the last word is complete, as if followed by a space.
    text = " ".join(args.query) + " "
    hits = library_index(library).search(text, limit=args.limit)
    if args.json:
        records = [
            {
                "document": hit.entry.document,
                "id": hit.entry.passage,
                "section": hit.entry.section,
                "score": hit.score,
                "snippet": hit.snippet,
                "pillars": list(hit.entry.pillars),
                "recommendation": hit.entry.recommendation,
            }
            for hit in hits
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not hits:
        print(f"No results for “{' '.join(args.query)}”.", file=sys.stderr)
        return 1
    for hit in hits:
        tags = ",".join(hit.entry.pillars) + (" rec" if hit.entry.recommendation else "")
        where = hit.entry.document + (f" › {hit.entry.section}" if hit.entry.section else "")
        print(f"{hit.score:8.2f}  {where}  [{tags}]  {hit.entry.passage}\n          {hit.snippet}")
    return 0


def cmd_compare(args: argparse.Namespace, data_dir: Path) -> int:
    """The compare pane's alignment for scripts and memos."""
    from brief_tui.compare import compare, default_sources
    from brief_tui.compare_output import to_json, to_markdown
    from brief_tui.corpus.pillars import PILLAR_IDS

    numbers = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "P"}
    pillar = numbers.get(args.pillar, args.pillar.upper())
    if pillar not in PILLAR_IDS:
        print(
            f"brief-tui: unknown pillar “{args.pillar}” (use {', '.join(PILLAR_IDS)}).",
            file=sys.stderr,
        )
        return 2
    library = load_all(data_dir)
    report_problems(library)
    if args.sides:
        return _compare_sides(library, pillar, args)
    chosen = []
    for given in (args.left, args.right):
        if given is None:
            continue
        doc = choose_document(library, given)
        if doc is None:
            return 2
        chosen.append(doc)
    defaults = default_sources(library, pillar, chosen[0] if chosen else None)
    sources = chosen + [d for d in defaults if d.id not in {c.id for c in chosen}]
    if len(sources) < 2:
        print("brief-tui: comparing needs at least two briefings in the library.", file=sys.stderr)
        return 2
    comparison = compare(library, sources[:2], pillar)
    sys.stdout.write(to_json(comparison) if args.format == "json" else to_markdown(comparison))
    return 0


def _compare_sides(library: Library, pillar: str, args: argparse.Namespace) -> int:
    """Advocacy asks against government commitments: the sides are not documents to choose."""
    from brief_tui.compare_sides import compare_sides
    from brief_tui.compare_sides_output import sides_to_json, sides_to_markdown

    if args.left or args.right:
        print(
            "brief-tui: --sides compares sides, not documents: drop --left/--right.",
            file=sys.stderr,
        )
        return 2
    comparison = compare_sides(library, pillar)
    output = sides_to_json if args.format == "json" else sides_to_markdown
    sys.stdout.write(output(comparison))
    return 0


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    from brief_tui.cli_list import print_library

    print_library(load_all(data_dir), as_json=args.json)
    return 0


def cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    """Merge a JSON backup into the notes without duplicates, then re-anchor everything."""
    from brief_tui.export import NOTES_FILE, BackupError, import_backup, read_backup
    from brief_tui.notes.store import NoteStore, StoreError

    try:
        backup = read_backup(Path(args.file).expanduser().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        strerror = getattr(exc, "strerror", None)
        reason = strerror.lower() if strerror else "it is not UTF-8 text"
        print(f"brief-tui: cannot import {args.file}: {reason}.", file=sys.stderr)
        return 1
    except BackupError as exc:
        print(f"brief-tui: cannot import {args.file}: {exc}.", file=sys.stderr)
        return 1
    library = load_all(data_dir)
    report_problems(library)
    with NoteStore.open(data_dir / NOTES_FILE) as store:
        if store.warning and not store.read_only:  # read-only: the import below says why
            print(f"warning: {store.warning}", file=sys.stderr)
        try:
            report = import_backup(store, backup, library)
        except StoreError as exc:
            print(exc, file=sys.stderr)  # it begins "brief-tui cannot save …"
            return 1
    print(f"Imported {args.file} into {data_dir / NOTES_FILE}:")
    print("\n".join(f"  {line}" for line in report.summary().splitlines()))
    return 0


COMMANDS = (
    "ingest",
    "check",
    "passages",
    "add",
    "remove",
    "list",
    "keys",
    "search",
    "compare",
    "export",
    "import",
    "serve",
)


def _split_document_argument(argv: list[str]) -> tuple[list[str], str | None]:
    """`brief-tui DOC` opens a briefing: pull DOC out unless it names a sub-command."""
    for index, arg in enumerate(argv):
        if arg.startswith("-"):
            if arg == "--data-dir" and "=" not in arg:
                continue
            continue
        if index > 0 and argv[index - 1] == "--data-dir":
            continue
        if arg in COMMANDS:
            return argv, None
        return argv[:index] + argv[index + 1 :], arg
    return argv, None


FIRST_PAGE = 60  # briefings: more cards than the tallest terminal shows at once


def cmd_read(data_dir: Path, document: str | None) -> int:
    """Open the reader, on the library or straight into one briefing (DOC, DOC#p-… for a
    passage, DOC#hl-… for a highlight: the links a vault export writes)."""
    # Start-up allocates many long-lived objects and no garbage worth collecting; the app
    # turns collection back on (and freezes what start-up made) once it is on screen.
    gc.disable()
    # The catalog is checked against the content files after the first frame (BriefApp).
    # The library screen's first frame needs only its first page of briefings; the rest
    # are read just after it (a library of a thousand took ~50 ms to read).
    library = load_all(data_dir, cached=True, check=False, first=None if document else FIRST_PAGE)
    document_id = passage_id = None
    if document:
        name, _, target = document.partition("#")
        doc = choose_document(library, name)
        if doc is None:
            return 2
        document_id = doc.id
        if target:
            passage_id = _passage_for(data_dir, doc, target)
            if passage_id is None:
                return 2
    from brief_tui.tui.app import BriefApp

    app = BriefApp(library, data_dir, open_document=document_id, open_passage=passage_id)
    app.run()
    for problem in app.unsaved:  # saves still queued when the reader closed, that failed
        print(problem, file=sys.stderr)
    return app.return_code or (1 if app.unsaved else 0)  # 128 + N after signal N


def _passage_for(data_dir: Path, doc: Document, target: str) -> str | None:
    """The passage a link names: a passage id, or the passage a highlight now sits on."""
    if target.startswith("p-"):
        if any(p.id == target for _, p in doc.passages()):
            return target
        error(f"{doc.id} has no passage {target} (it may have changed since the link was made).")
        return None
    from brief_tui.export import NOTES_FILE
    from brief_tui.notes.store import NoteStore, StoreError

    short = target.removeprefix("hl-")
    path = data_dir / NOTES_FILE
    if short and path.exists():
        with NoteStore.open(path) as store:
            try:
                found = [h for h in store.highlights(doc.id) if h.id.startswith(short)]
            except StoreError:
                found = []
        if found and found[0].passage and found[0].status != "orphaned":
            return found[0].passage
        if found:
            error(f"highlight {target}'s text is no longer in {doc.id}; it is kept under Orphaned.")
            return None
    error(f"{doc.id} has no highlight or passage “{target}”.")
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # plain `brief-tui`: open the reader without building the argument parser
        return cmd_read(locations.data_dir(None), None)
    argv, document = _split_document_argument(argv)
    args = build_parser().parse_args(argv)
    data_dir = locations.data_dir(args.data_dir)
    if args.command == "ingest":
        return cmd_ingest(args)
    from brief_tui.cli_add import cmd_add
    from brief_tui.cli_export import cmd_export
    from brief_tui.cli_keys import cmd_keys
    from brief_tui.cli_library import cmd_remove
    from brief_tui.cli_serve import cmd_serve

    handlers = {
        "check": cmd_check,
        "passages": cmd_passages,
        "add": cmd_add,
        "remove": cmd_remove,
        "list": cmd_list,
        "keys": cmd_keys,
        "search": cmd_search,
        "compare": cmd_compare,
        "export": cmd_export,
        "import": cmd_import,
        "serve": cmd_serve,
    }
    if args.command in handlers:
        try:
            return handlers[args.command](args, data_dir)
        except BrokenPipeError:
            return _reader_went_away()
    return cmd_read(data_dir, document)


def _reader_went_away() -> int:
    """Output piped into `head` or a pager that quit: stop quietly, as other tools do."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail too
    return 141  # 128 + SIGPIPE, what a shell reports for a command stopped by a closed pipe
