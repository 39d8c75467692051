"""`brief-tui add`: files, folders and web addresses into the user's library, in one batch.

Each source is added, updated in place or found unchanged; one that fails is reported and the
others still go in. A terminal gets a progress bar; a pipe gets one plain line per source.
The library and curation are read once per batch, and notes re-attached once at the end.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui import locations
from brief_tui.cli import load_all
from brief_tui.cli_library import reanchored_notes, refresh_catalog
from brief_tui.cli_output import error, literal_console
from brief_tui.corpus.model import LoadProblem
from brief_tui.corpus.sanitize import safe_line
from brief_tui.wording import plural

if TYPE_CHECKING:
    import argparse

    from brief_tui.corpus.user_library import Added, Overrides, UserLibrary


def cmd_add(args: argparse.Namespace, data_dir: Path) -> int:
    # Ingest machinery is imported only by the commands that use it, to keep start-up fast.
    from brief_tui.catalog.store import catalog_exists
    from brief_tui.corpus.curation import CURATION_FILE, CurationError
    from brief_tui.corpus.dates import is_valid_date, parse_date
    from brief_tui.corpus.source_list import expand_sources
    from brief_tui.corpus.user_library import Overrides, UserLibrary

    found = expand_sources(args.sources)
    if args.title and len(found.sources) > 1:
        error("--title names one document; add the others without it.")
        return 2
    date = None
    if args.date:
        date = args.date if is_valid_date(args.date) else parse_date(args.date)
        if date is None:
            error(f"--date “{args.date}” is not a date (write 2021-06-17, 2021-06 or 2021).")
            return 2
    overrides = Overrides(args.title or "", tuple(args.org or ()), date)
    if not found.sources:
        error("nothing to add: no file of a kind brief-tui reads was found.")
        return 1
    library = UserLibrary(
        locations.library_dir(data_dir),
        locations.library_sources_dir(data_dir),
        # From the catalog when there is one (a large library lists without its passages);
        # a command that fails writes nothing, so none is made before the first success.
        load_all(data_dir, cached=catalog_exists(data_dir)),
    )
    try:
        library.curation  # noqa: B018 - a broken curation file stops the batch before it starts
    except CurationError as exc:
        path = locations.library_dir(data_dir) / CURATION_FILE
        error(str(LoadProblem(str(path), exc.line, exc.message)))
        return 1
    outcomes = _add_all(library, found.sources, overrides)
    if any(added is not None for _, added, _ in outcomes):
        refresh_catalog(data_dir)  # the whole batch, in one transaction
    return _report(outcomes, found.skipped, data_dir)


Outcome = tuple["str | Path", "Added | None", str]  # source, what happened, why it failed


def _add_all(
    library: UserLibrary, sources: list[str | Path], overrides: Overrides
) -> list[Outcome]:
    console = literal_console(stderr=True)
    if len(sources) == 1 or not console.is_terminal:
        outcomes = []
        for source in sources:
            outcome = _add_one(library, source, overrides)
            if len(sources) > 1:
                print(_line(outcome), flush=True)
            outcomes.append(outcome)
        return outcomes
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    outcomes = []
    columns = (
        TextColumn("Adding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=len(sources))
        for source in sources:
            progress.update(task, description=safe_line(Path(str(source)).name)[:40])
            outcome = _add_one(library, source, overrides)
            progress.console.print(_line(outcome), soft_wrap=True)
            outcomes.append(outcome)
            progress.advance(task)
    return outcomes


def _add_one(library: UserLibrary, source: str | Path, overrides: Overrides) -> Outcome:
    from brief_tui.corpus.ingest import IngestError

    try:
        if isinstance(source, Path):
            return source, library.add_file(source, overrides), ""
        return source, library.add_url(source, overrides), ""
    except (IngestError, ValueError) as exc:
        return source, None, _naming(source, str(exc))
    except OSError as exc:
        return source, None, f"{source}: cannot write to the library ({exc.strerror or exc})."


def _naming(source: str | Path, problem: str) -> str:
    """The problem, saying which source it is about (most messages already start with it)."""
    shown = safe_line(str(source))
    name = safe_line(Path(str(source)).name)
    problem = safe_line(problem)
    return problem if problem.startswith((shown, name)) else f"{shown}: {problem}"


def _line(outcome: Outcome) -> str:
    """One line on what happened to one source."""
    from brief_tui.corpus.user_library import UNCHANGED, UPDATED

    source, added, problem = outcome
    if added is None:
        return f"Failed: {problem}"
    doc = added.document
    if added.status == UNCHANGED:
        return added.detail or f"Unchanged: “{doc.title}” ({doc.id}) is already up to date."
    verb = "Updated" if added.status == UPDATED else "Added"
    return (
        f"{verb} “{doc.title}” as {doc.id}: {plural(doc.passage_count, 'passage')}, "
        f"{plural(doc.recommendation_count, 'recommendation')} ({added.path})."
    )


def _report(outcomes: list[Outcome], skipped: list[Path], data_dir: Path) -> int:
    from brief_tui.corpus.user_library import UPDATED

    failed = [o for o in outcomes if o[1] is None]
    if len(outcomes) == 1:
        source, added, problem = outcomes[0]
        if added is None:
            error(problem)
            return 1
        print(_line(outcomes[0]))
    else:
        counts = Counter(o[1].status for o in outcomes if o[1] is not None)
        parts = [f"{counts[s]} {s}" for s in ("added", "updated", "unchanged") if counts[s]]
        parts += [f"{len(failed)} failed"] if failed else []
        print(f"{plural(len(outcomes), 'source')}: {', '.join(parts)}.")
        for _, _, problem in failed:
            print(f"  failed: {problem}", file=sys.stderr)
    if skipped:
        names = ", ".join(safe_line(p.name) for p in skipped[:3]) + (
            " …" if len(skipped) > 3 else ""
        )
        print(f"Skipped {plural(len(skipped), 'file')} of kinds brief-tui does not read ({names}).")
    updated = [o[1].document.id for o in outcomes if o[1] is not None and o[1].status == UPDATED]
    if updated:
        print(reanchored_notes(data_dir, updated))
    return 1 if failed else 0
