"""A reader session without a user interface: the library, the note store, search and settings.

The terminal reader, the served reader (one session per browser tab) and the command line
all work through this, so loading, opening notes, searching and exporting happen one way.
Pure: no Textual. Safe to share between threads where it says so.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from brief_tui import locations
from brief_tui.corpus.model import Library, LoadProblem
from brief_tui.settings import Settings

if TYPE_CHECKING:
    from brief_tui.export.vault import VaultReport
    from brief_tui.notes.records import Bookmark, Highlight, Position
    from brief_tui.notes.store import NoteStore
    from brief_tui.search.ranking import RankedSearch


def reader_directories(data_dir: Path, content_dir: Path | None = None) -> list[tuple[Path, str]]:
    """The content folders of the library, in order: the bundled briefings, the user's own."""
    return [
        (content_dir or locations.content_dir(), "bundled"),
        (locations.library_dir(data_dir), "user"),
    ]


def load_reader_library(
    data_dir: Path,
    content_dir: Path | None = None,
    *,
    cached: bool,
    check: bool = True,
    first: int | None = None,
) -> Library:
    """The bundled briefings and the user's own; `cached` lists them from the catalog (only
    the files that changed are read; passages are read when a briefing opens). Without
    `check` a catalog that lists something is used as it is: see `refresh_catalog`. With
    `first` (and a catalog), only that many, with what the whole holds (`Library.listing`)."""
    directories = reader_directories(data_dir, content_dir)
    unavailable: list[LoadProblem] = []
    if cached:
        from brief_tui.catalog.store import CatalogUnavailable, open_catalog

        try:
            catalog = open_catalog(locations.cache_dir(data_dir), directories, check=check)
        except CatalogUnavailable as error:
            unavailable.append(LoadProblem("", None, str(error)))
        else:
            library = catalog.library(first)
            if catalog.warning:
                library = replace(
                    library, problems=(*library.problems, LoadProblem("", None, catalog.warning))
                )
            return library
    from brief_tui.corpus.library import load_library  # reads every content file

    library = load_library(*directories)
    return replace(library, problems=(*library.problems, *unavailable)) if unavailable else library


IN_MEMORY_BELOW = 2000  # passages: a library this small is indexed in memory in milliseconds


def library_index(library: Library) -> RankedSearch:
    """The catalog's FTS5 index when the library was listed from a catalog with FTS5 (nothing
    to build), else an in-memory index built from every passage. A small library (the bundled
    five) is indexed in memory even so: it builds in ~20 ms and answers each keystroke a
    little faster than SQLite can."""
    catalog = library.catalog
    passages = sum(d.passage_count for d in library.documents)
    if catalog is not None and catalog.fts and passages >= IN_MEMORY_BELOW:
        from brief_tui.catalog.fts_index import CatalogIndex

        return CatalogIndex(catalog)
    from brief_tui.search import SearchIndex, library_entries

    return SearchIndex.build(library_entries(library))


class ReaderSession:
    """One person's reading: what they read, what they noted, how they like it."""

    def __init__(
        self,
        data_dir: Path,
        content_dir: Path | None = None,
        *,
        library: Library | None = None,
        cached: bool = True,
    ) -> None:
        self.data_dir = data_dir
        self.content_dir = content_dir or locations.content_dir()
        self._cached = cached
        self._library = library if library is not None else self.load_library()
        self.settings = Settings.load(data_dir)
        self._notes: NoteStore | None = None
        self._notes_tried = False
        self.notes_warning: str | None = None
        self._index: RankedSearch | None = None
        self._index_lock = threading.Lock()
        self._listing_lock = threading.Lock()

    # The library ---------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """The whole library: a first page (see `listed`) is read in full when first asked."""
        if self._library.listing is not None:
            with self._listing_lock:
                if self._library.listing is not None:
                    self._library = load_reader_library(
                        self.data_dir, self.content_dir, cached=True, check=False
                    )
        return self._library

    @property
    def listed(self) -> Library:
        """The library as listed so far: maybe only the first page, for the first frame."""
        return self._library

    def check_catalog(self) -> Library | None:
        """Bring the catalog in line with the content files; the library as it now is if
        anything changed (None: nothing did, or there is no catalog). Safe in any thread."""
        catalog = self.library.catalog
        if catalog is None:
            return None
        import sqlite3

        try:
            changed = catalog.sync(reader_directories(self.data_dir, self.content_dir))
        except sqlite3.Error:
            return None  # busy or damaged: the next start rebuilds it; reading goes on
        return catalog.library() if changed else None

    def load_library(self) -> Library:
        """The bundled briefings and the user's own, read from their content files."""
        return load_reader_library(self.data_dir, self.content_dir, cached=self._cached)

    def replace_library(self, library: Library) -> None:
        """Use `library` from now on; the search index is rebuilt when next asked for."""
        self._library = library
        with self._index_lock:
            self._index = None

    # Notes ---------------------------------------------------------------------------------

    @property
    def notes_path(self) -> Path:
        return locations.notes_path(self.data_dir)

    def notes(self) -> NoteStore | None:
        """The note store, opened on first use (never raises; see `notes_warning`)."""
        from brief_tui.notes.store import NoteStore, StoreError

        if not self._notes_tried:
            self._notes_tried = True
            try:
                self._notes = NoteStore.open(self.notes_path)
            except StoreError as error:
                self.notes_warning = str(error)
                return None
            self.notes_warning = self._notes.warning
        return self._notes

    def close(self) -> None:
        if self._notes is not None:
            self._notes.close()
            self._notes = None

    def current_notes(self) -> tuple[list[Highlight], list[Bookmark], list[Position], str]:
        """Every highlight, bookmark and position re-anchored to the library (as last placed,
        with a warning, when the store is busy); nothing, and no file made, without notes."""
        from brief_tui.notes.store import StoreError

        if not self.notes_path.exists() and not self._notes_tried:
            return [], [], [], ""
        store = self.notes()
        if store is None:
            return [], [], [], self.notes_warning or ""
        warnings = [store.warning] if store.warning else []
        try:
            store.reanchor(self.library)
        except StoreError as error:  # e.g. another window holds the file: use them as stored
            reason = str(error).partition(": ")[2].rstrip(".") or str(error).rstrip(".")
            warnings.append(
                f"your notes could not be re-anchored to the current text ({reason}), "
                "so they are used where they were last placed."
            )
        positions = list(store.positions().values())
        return store.highlights(), store.bookmarks(), positions, " ".join(warnings)

    # Search --------------------------------------------------------------------------------

    def search_index(self) -> RankedSearch:
        """The search index over the library, built once, in whichever thread asks first."""
        with self._index_lock:
            if self._index is None:
                self._index = library_index(self.library)
            return self._index

    # Exports: the same steps for the command line and the reader's dialog ------------------

    def export_text(
        self,
        format: str,
        highlights: list[Highlight],
        bookmarks: list[Bookmark],
        positions: list[Position],
        *,
        title: str = "Highlights and notes",
        document: str | None = None,
        pillar: str | None = None,
        now: datetime | None = None,
    ) -> str:
        """The notes as Markdown, a JSON backup, or the cited sources as CSL-JSON."""
        from brief_tui.export import export_json, export_markdown

        moment = now or datetime.now(UTC)
        if format == "json":
            return export_json(highlights, bookmarks, positions, exported_at=moment)
        if format == "csl-json":
            from brief_tui.export.csl import export_csl

            cited = {h.anchor.document for h in highlights} | {b.anchor.document for b in bookmarks}
            if document is not None:
                cited &= {document}
            return export_csl(d for d in self.library.documents if d.id in cited)
        return export_markdown(
            self.library,
            highlights,
            bookmarks,
            title=title,
            exported_at=moment,
            document=document,
            pillar=pillar,
        )

    def export_vault(
        self, vault: Path, highlights: list[Highlight], *, document: str | None = None
    ) -> VaultReport:
        from brief_tui.export.vault import export_vault

        return export_vault(
            self.library, highlights, vault, exported_at=datetime.now(UTC), document=document
        )
