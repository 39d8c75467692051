"""Bring the catalog in line with the content files: re-read only what changed.

The manifest is each content file's path, size and modification time. When it matches what
the catalog holds, nothing is read (a thousand `stat` calls and one query). Otherwise the
changed files are parsed and their documents, search entries and vocabulary replaced, all in
one write transaction, so a reader never sees half a batch and two processes syncing at once
do the work once (the second finds the manifest already matching).
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from array import array
from collections import Counter
from contextlib import suppress
from pathlib import Path
from stat import S_ISREG

from brief_tui.corpus.cache import plain_document
from brief_tui.corpus.contentfile import load_document
from brief_tui.corpus.curation import CURATION_FILE
from brief_tui.corpus.model import (
    RECOMMENDATION_KINDS,
    SOURCE_TYPES,
    Document,
    DocumentCounts,
    Library,
    LoadProblem,
)
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.search.entries import library_entries
from brief_tui.search.text import WORD, fold, tokens

Manifest = dict[str, tuple[str, int, int, int]]  # path -> origin, rank, size, mtime_ns

# An entry's facts in one int: its length in words, then a bit per pillar, recommendation and
# recommendation kind, then its document's source type.
LENGTH_MASK = 0xFFFF
PILLAR_BIT = {pillar: 1 << (16 + n) for n, pillar in enumerate(PILLAR_IDS)}
RECOMMENDATION_BIT = 1 << 24
KIND_BIT = {kind: 1 << (25 + n) for n, kind in enumerate(RECOMMENDATION_KINDS)}
TYPE_SHIFT, TYPE_MASK = 28, 0b111
TYPE_NUMBER = {source_type: n for n, source_type in enumerate(SOURCE_TYPES)}


def disk_manifest(directories: list[tuple[Path, str]]) -> Manifest:
    """What `content_files` would list, with sizes and times (one `scandir` per folder)."""
    manifest: Manifest = {}
    for rank, (directory, origin) in enumerate(directories):
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue  # no such folder yet: no documents there
        for entry in entries:
            if not entry.name.endswith(".toml") or entry.name == CURATION_FILE:
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue  # removed while we looked: it is simply not there
            if not S_ISREG(stat.st_mode):
                continue
            # `entry.path`, not `directory / entry.name`: a Path interns each name, and a
            # thousand interned names grow the interpreter's table by a megabyte for good.
            manifest[entry.path] = (origin, rank, stat.st_size, stat.st_mtime_ns)
    return manifest


def stored_manifest(connection: sqlite3.Connection) -> Manifest:
    rows = connection.execute("SELECT path, origin, rank, size, mtime FROM files")
    return {path: (origin, rank, size, mtime) for path, origin, rank, size, mtime in rows}


def sync(connection: sqlite3.Connection, directories: list[tuple[Path, str]], fts: bool) -> int:
    """Re-read the content files that changed since the catalog last saw them; how many."""
    disk = disk_manifest(directories)
    if disk == stored_manifest(connection):
        _note_listing_once(connection)
        return 0
    connection.execute("BEGIN IMMEDIATE")  # one writer at a time; readers go on reading
    try:
        stored = stored_manifest(connection)  # another process may have just done it
        gone = [path for path in stored if path not in disk]
        changed = [path for path, facts in disk.items() if stored.get(path) != facts]
        vocabulary: Counter[str] = Counter()
        for path in gone + changed:
            _forget(connection, path, vocabulary, fts)
        loaded = {path: load_document(Path(path), disk[path][0]) for path in changed}
        # Entries are numbered in reading order (as the library lists them), so results that
        # rank alike come in that order, as they do from the in-memory index.
        for path in sorted(changed, key=lambda p: _reading_order(disk[p][1], loaded[p])):
            origin, rank, size, mtime = disk[path]
            document = loaded[path]
            problem = None
            if isinstance(document, LoadProblem):
                problem = json.dumps([document.path, document.line, document.message])
            else:
                _remember(connection, path, rank, document, vocabulary, fts)
            connection.execute(
                "INSERT INTO files (path, origin, rank, size, mtime, problem) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (path, origin, rank, size, mtime, problem),
            )
        _update_vocabulary(connection, vocabulary)
        if gone or changed:
            _write_arrays(connection)
            _note_listing(connection, "REPLACE")
            connection.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
            )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return len(gone) + len(changed)


def listing_figures(connection: sqlite3.Connection) -> tuple[int, int, int, int]:
    """What the whole library holds: documents, passages, recommendations, and the most
    passages any one document has under one pillar (the scale of the library's bars)."""
    documents, passages, recommendations = connection.execute(
        "SELECT count(*), total(passages), total(recommendations) FROM documents"
    ).fetchone()
    scale = 0
    for (pillars,) in connection.execute("SELECT pillars FROM documents"):
        try:
            counts = json.loads(pillars)
            scale = max([scale, *(int(n) for p, n in counts if p in PILLAR_IDS)])
        except (ValueError, TypeError):
            continue  # a damaged row: the document itself is checked when listed
    return int(documents), int(passages), int(recommendations), scale


def _note_listing(connection: sqlite3.Connection, when_noted: str) -> None:
    """Note what the library holds (`listing_figures`), for its first frame; `when_noted`
    says what to do with figures noted already: REPLACE them, or IGNORE these."""
    connection.execute(
        f"INSERT OR {when_noted} INTO meta (key, value) VALUES ('listing', ?)",
        (json.dumps(listing_figures(connection)),),
    )


def _note_listing_once(connection: sqlite3.Connection) -> None:
    """A catalog synced before the library's figures were noted gets them now, once (not
    over figures another process has just noted); if it cannot be written, the figures
    are worked out at each start, as they were."""
    if connection.execute("SELECT 1 FROM meta WHERE key = 'listing'").fetchone():
        return
    with suppress(sqlite3.OperationalError):  # busy or read-only: the next start tries again
        _note_listing(connection, "IGNORE")


def _reading_order(rank: int, loaded: Document | LoadProblem) -> tuple[int, str, str]:
    if isinstance(loaded, LoadProblem):
        return (rank, "\uffff", loaded.path)
    return (rank, loaded.seed or "", loaded.id)


def _forget(connection: sqlite3.Connection, path: str, vocabulary: Counter[str], fts: bool) -> None:
    """Drop a file's documents, entries and their words from the vocabulary."""
    rows = connection.execute("SELECT id, text FROM entries WHERE file = ?", (path,)).fetchall()
    for entry_id, text in rows:
        vocabulary.subtract(set(tokens(text)))
        if fts:
            connection.execute("DELETE FROM entries_fts WHERE rowid = ?", (entry_id,))
    connection.execute("DELETE FROM entries WHERE file = ?", (path,))
    connection.execute("DELETE FROM documents WHERE file = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))


def _remember(
    connection: sqlite3.Connection,
    path: str,
    rank: int,
    doc: Document,
    vocabulary: Counter[str],
    fts: bool,
) -> None:
    plain = plain_document(doc)
    body = plain.pop("sections")
    counts = DocumentCounts.of(doc.sections)
    connection.execute(
        "INSERT INTO documents (file, id, rank, sort, meta, passages, recommendations, pillars, "
        "kinds, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            path,
            doc.id,
            rank,
            f"{doc.seed or ''}\x00{doc.id}",
            json.dumps(plain, ensure_ascii=False),
            counts.passages,
            counts.recommendations,
            json.dumps(counts.pillars),
            json.dumps(counts.kinds),
            json.dumps(body, ensure_ascii=False),
        ),
    )
    for entry in library_entries(Library((doc,))):
        words = tokens(entry.text)
        vocabulary.update(set(words))
        facts = min(len(words), LENGTH_MASK)
        for pillar in entry.pillars:
            facts |= PILLAR_BIT[pillar]
        if entry.recommendation:
            facts |= RECOMMENDATION_BIT
            if entry.recommendation_kind in KIND_BIT:
                facts |= KIND_BIT[entry.recommendation_kind]
        facts |= TYPE_NUMBER.get(entry.source_type, TYPE_MASK) << TYPE_SHIFT
        cursor = connection.execute(
            "INSERT INTO entries (file, kind, document, document_title, organisations, section, "
            "passage, text, pillars, recommendation, document_kind, recommendation_kind, "
            "source_type, who, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                path,
                entry.kind,
                entry.document,
                entry.document_title,
                entry.organisations,
                entry.section,
                entry.passage,
                entry.text,
                " ".join(entry.pillars),
                entry.recommendation,
                entry.document_kind,
                entry.recommendation_kind,
                entry.source_type,
                entry.who,
                facts,
            ),
        )
        if fts:
            connection.execute(
                "INSERT INTO entries_fts (rowid, folded) VALUES (?, ?)",
                (cursor.lastrowid, " ".join(WORD.findall(fold(entry.text)))),
            )


def _update_vocabulary(connection: sqlite3.Connection, change: Counter[str]) -> None:
    rows = [(word, count, len(word)) for word, count in change.items() if count]
    connection.executemany(
        "INSERT INTO vocabulary (word, df, length) VALUES (?, ?, ?) "
        "ON CONFLICT (word) DO UPDATE SET df = df + excluded.df",
        rows,
    )
    connection.execute("DELETE FROM vocabulary WHERE df <= 0")


def _write_arrays(connection: sqlite3.Connection) -> None:
    """Each entry's facts and length norm as arrays indexed by entry id, so the first search
    after start reads two values rather than a row per entry."""
    rows = connection.execute("SELECT id, facts FROM entries").fetchall()
    size = max((i for i, _ in rows), default=0) + 1
    facts = array("I", bytes(4 * size))
    norms = array("d", bytes(8 * size))
    lengths = [f & LENGTH_MASK for _, f in rows]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    for (i, fact), length in zip(rows, lengths, strict=True):
        facts[i] = fact
        norms[i] = 1.0 / (0.75 + 0.25 * math.sqrt((length or 1) / average))
    by_length: dict[int, list[str]] = {}
    for word, length in connection.execute("SELECT word, length FROM vocabulary ORDER BY word"):
        by_length.setdefault(length, []).append(word)
    # Each document's entries are one run of ids: `d:` and a briefing's own search narrow
    # to runs without reading a row per entry.
    ranges = connection.execute(
        "SELECT document, min(id), max(id), count(*) FROM entries GROUP BY document"
    ).fetchall()
    connection.execute("DELETE FROM arrays")
    connection.executemany(
        "INSERT INTO arrays (name, value) VALUES (?, ?)",
        [
            ("facts", facts.tobytes()),
            ("norms", norms.tobytes()),
            # Highest norm first, for the best few of a common word without scoring them all.
            (
                "by-norm",
                array("I", sorted(range(size), key=norms.__getitem__, reverse=True)).tobytes(),
            ),
            ("ranges", json.dumps(ranges).encode()),
        ]
        + [(f"words-{n}", "\n".join(words).encode()) for n, words in by_length.items()],
    )
