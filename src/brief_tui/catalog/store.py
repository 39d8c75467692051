"""Opening the catalog, listing the library from it, and reading a briefing's passages.

The catalog is only a cache: if its file is damaged (or is not a catalog) it is deleted and
rebuilt from the content files, and the caller gets one sentence saying so. If it cannot be
written at all (a read-only or busy data directory), `open_catalog` says why and the caller
reads the content files directly, as before there was a catalog.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from brief_tui.catalog import schema
from brief_tui.corpus.cache import DamagedCache, document_from_plain, sections_from_plain
from brief_tui.corpus.duplicates import without_duplicate_ids
from brief_tui.corpus.model import (
    RECOMMENDATION_KINDS,
    SOURCE_TYPES,
    Document,
    DocumentCounts,
    Library,
    Listing,
    LoadProblem,
    Section,
)
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.sanitize import is_safe, safe_line

CATALOG_FILE = "catalog.sqlite3"
BUSY_SECONDS = 20.0

T = TypeVar("T")


class _Outdated(sqlite3.DatabaseError):
    """Made by another version, or by a Python with other SQLite features: start again."""


class CatalogUnavailable(Exception):
    """The catalog cannot be used this time; the message says why, in one sentence."""


class Catalog:
    """One open catalog; safe to share between threads (queries take turns)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, fts: bool) -> None:
        self.path = path
        self.fts = fts
        self._connection = connection
        self._lock = threading.RLock()
        self.warning = ""  # set when the catalog had to be rebuilt

    def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` with the connection, one thread at a time."""
        with self._lock:
            return work(self._connection)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def sync(self, directories: list[tuple[Path, str]]) -> int:
        """Re-read the content files that changed; how many."""
        from brief_tui.catalog.sync import sync  # reads content files: not before the first frame

        return self.run(lambda c: sync(c, directories, self.fts))

    def generation(self) -> int:
        """Goes up with every change, so an index can tell its caches are stale."""
        row = self.run(
            lambda c: c.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        )
        return int(row[0]) if row else 0

    def library(self, first: int | None = None) -> Library:
        """Every document's metadata and counts; passages are read when first asked for.
        With `first`, only that many documents, and what the whole library holds."""
        documents: list[Document] = []
        # Values many documents share (a kind, an organisation, a date, the library's folder)
        # are kept once: a thousand briefings held as many copies of each.
        shared: dict[Any, Any] = {}

        def read(c: sqlite3.Connection) -> None:
            cursor = c.execute(
                "SELECT file, meta, passages, recommendations, pillars, kinds FROM documents "
                "ORDER BY rank, sort LIMIT ?",
                (-1 if first is None else first,),
            )
            while rows := cursor.fetchmany(200):
                # One check per batch: no control character, raw or escaped, anywhere in it.
                joined = "".join(row[1] for row in rows)
                clean = "\\" not in joined and is_safe(joined, newlines=False)
                for file, meta, passages, recommendations, pillars, kinds in rows:
                    documents.append(
                        self._document(
                            file, meta, passages, recommendations, pillars, kinds, clean, shared
                        )
                    )

        self.run(read)
        problems = self.run(
            lambda c: c.execute(
                "SELECT problem FROM files WHERE problem IS NOT NULL ORDER BY rank, path"
            ).fetchall()
        )
        kept, duplicates = without_duplicate_ids(documents)
        loaded = [_problem(p) for (p,) in problems]
        listing = self.run(_listing) if first is not None and len(documents) == first else None
        if listing is not None and listing.documents <= len(documents):
            listing = None  # the first page was all of it
        return Library(tuple(kept), tuple(loaded + duplicates), catalog=self, listing=listing)

    def _document(
        self,
        file: str,
        meta: str,
        passages: int,
        recommendations: int,
        pillars: str,
        kinds: str,
        clean: bool,
        shared: dict[Any, Any],
    ) -> Document:
        data: dict[str, Any] = json.loads(meta)
        fields = _trusted_fields(data) if clean else None
        if fields is None:  # anything unusual: every value checked and cleaned, as the cache does
            data["sections"] = []
            plain = document_from_plain(data)
            fields = {name: getattr(plain, name) for name in _FIELDS}
        one = shared.setdefault
        fields = {name: one(value, value) for name, value in fields.items()}
        counts = DocumentCounts(
            int(passages),
            int(recommendations),
            one(pillars, tuple((p, int(n)) for p, n in json.loads(pillars) if p in PILLAR_IDS)),
            one(
                kinds, tuple((k, int(n)) for k, n in json.loads(kinds) if k in RECOMMENDATION_KINDS)
            ),
        )
        return Document.lazy(lambda: self.sections(file), counts, **fields)

    def passage_ordinals(self, places: dict[str, str]) -> dict[str, int]:
        """For each document id, the 1-based place of the given passage in its reading order,
        from the entries (numbered in reading order), without reading the document's passages.
        Documents or passages not found are left out."""

        def read(c: sqlite3.Connection) -> dict[str, int]:
            found: dict[str, int] = {}
            for document, passage in places.items():
                row = c.execute(
                    "SELECT count(*) FROM entries WHERE document = ?1 AND kind = 'passage' "
                    "AND id <= (SELECT min(id) FROM entries WHERE document = ?1 "
                    "AND kind = 'passage' AND passage = ?2) ",
                    (document, passage),
                ).fetchone()
                if row and row[0]:
                    found[document] = int(row[0])
            return found

        return self.run(read)

    def sections(self, file: str) -> tuple[Section, ...]:
        """A briefing's passages, read when it opens."""
        row = self.run(
            lambda c: c.execute("SELECT body FROM documents WHERE file = ?", (file,)).fetchone()
        )
        if row is None:
            return ()  # removed since the library was listed: nothing to show
        try:
            return sections_from_plain(json.loads(row[0]))
        except (DamagedCache, ValueError):
            return ()


def _listing(c: sqlite3.Connection) -> Listing:
    """What the whole library holds, as the last sync noted it (one row, not a read of every
    document's row: ~12 ms at a thousand briefings, before the first frame)."""
    row = c.execute("SELECT value FROM meta WHERE key = 'listing'").fetchone()
    try:
        noted = [int(n) for n in json.loads(row[0])] if row else []
    except (ValueError, TypeError):
        noted = []  # damaged: worked out again below
    if len(noted) != 4:  # a catalog synced before the figures were noted
        from brief_tui.catalog.sync import listing_figures

        noted = list(listing_figures(c))
    documents, passages, recommendations, scale = noted
    return Listing(documents, passages, recommendations, scale)


_FIELDS = (
    "id",
    "title",
    "organisations",
    "date",
    "kind",
    "source",
    "seed",
    "partial",
    "origin",
    "path",
    "added_from",
    "title_guessed",
    "source_type",
)


_TEXTS = ("id", "title", "kind", "source", "partial", "origin", "path", "added_from")


def _trusted_fields(data: dict[str, Any]) -> dict[str, Any] | None:
    """The fields as stored, when they are what the catalog writes (strings where strings go;
    the caller checked that no control character is there): cleaning them again would change
    nothing. None when anything looks otherwise."""
    try:
        fields = {name: data[name] for name in _FIELDS}
    except KeyError:
        return None
    organisations = fields["organisations"]
    if not (
        all(isinstance(fields[name], str) for name in _TEXTS)
        and isinstance(organisations, list)
        and all(isinstance(o, str) for o in organisations)
        and all(fields[n] is None or isinstance(fields[n], str) for n in ("date", "seed"))
        and fields["origin"] in ("bundled", "user")
        and fields["source_type"] in SOURCE_TYPES
    ):
        return None
    fields["organisations"] = tuple(organisations)
    fields["title_guessed"] = fields["title_guessed"] is True
    return fields


def _problem(text: str) -> LoadProblem:
    path, line, message = json.loads(text)
    return LoadProblem(safe_line(str(path)), line if isinstance(line, int) else None, str(message))


def catalog_exists(data_dir: Path) -> bool:
    from brief_tui import locations

    return (locations.cache_dir(data_dir) / CATALOG_FILE).exists()


def open_catalog(
    cache_dir: Path, directories: list[tuple[Path, str]], *, check: bool = True
) -> Catalog:
    """The catalog in `cache_dir`, brought up to date with the content files (unless `check`
    is False and it already lists something: the reader checks after its first frame).

    A damaged file is rebuilt (`Catalog.warning` says so); CatalogUnavailable when it cannot
    be made or written at all.
    """
    path = cache_dir / CATALOG_FILE
    fts = schema.fts5_available()
    try:
        catalog = _open(path, fts)
        if check or not catalog.run(_lists_anything):
            catalog.sync(directories)
        return catalog
    except _Outdated:
        damaged = False
    except sqlite3.DatabaseError as error:
        if _busy(error) or not path.exists():
            raise CatalogUnavailable(_reason(path, error)) from error
        damaged = True
    # Damaged, or not a catalog: it is only a cache, so start it again.
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError as error:
            raise CatalogUnavailable(_reason(path, error)) from error
    try:
        catalog = _open(path, fts)
        catalog.sync(directories)
    except sqlite3.DatabaseError as error:
        raise CatalogUnavailable(_reason(path, error)) from error
    if damaged:
        catalog.warning = f"The catalog {path} was damaged, so it was rebuilt from your documents."
    return catalog


def _open(path: Path, fts: bool) -> Catalog:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CatalogUnavailable(_reason(path, error)) from error
    connection = sqlite3.connect(
        path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA cache_size=-512")  # KiB: the reader reads little at a time
        version = _meta(connection, "version")
        if version is not None and version != schema.VERSION:
            raise _Outdated("made by another version of brief-tui")
        schema.create(connection, fts=fts)
        uses_fts = _meta(connection, "fts") == "1"
        if uses_fts != fts:  # made by a Python with(out) FTS5: start again
            raise _Outdated("made by a Python with other SQLite features")
    except BaseException:
        connection.close()
        raise
    return Catalog(path, connection, fts)


def _lists_anything(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None


def _meta(connection: sqlite3.Connection, key: str) -> str | None:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise
    return row[0] if row else None


def _busy(error: Exception) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _reason(path: Path, error: Exception) -> str:
    why = "another program is using it" if _busy(error) else str(error).rstrip(".")
    return f"The catalog {path} cannot be used ({why}), so your documents are read directly."
