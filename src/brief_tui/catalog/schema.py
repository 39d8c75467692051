"""The catalog's tables, and whether this SQLite can give it full-text search (FTS5)."""

from __future__ import annotations

import sqlite3
from functools import cache

VERSION = "4"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, origin TEXT NOT NULL, rank INTEGER NOT NULL,
    size INTEGER NOT NULL, mtime INTEGER NOT NULL, problem TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    file TEXT PRIMARY KEY, id TEXT NOT NULL, rank INTEGER NOT NULL, sort TEXT NOT NULL,
    meta TEXT NOT NULL, passages INTEGER NOT NULL, recommendations INTEGER NOT NULL,
    pillars TEXT NOT NULL, kinds TEXT NOT NULL, body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_order ON documents (rank, sort);
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY, file TEXT NOT NULL, kind TEXT NOT NULL, document TEXT NOT NULL,
    document_title TEXT NOT NULL, organisations TEXT NOT NULL, section TEXT NOT NULL,
    passage TEXT, text TEXT NOT NULL, pillars TEXT NOT NULL, recommendation INTEGER NOT NULL,
    document_kind TEXT NOT NULL, recommendation_kind TEXT, source_type TEXT NOT NULL,
    who TEXT, facts INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_file ON entries (file);
CREATE INDEX IF NOT EXISTS entries_document ON entries (document);
-- One row per briefing: what `d:` matches against, without reading every entry.
CREATE INDEX IF NOT EXISTS entries_titles ON entries (document) WHERE kind = 'title';
CREATE TABLE IF NOT EXISTS vocabulary (
    word TEXT PRIMARY KEY, df INTEGER NOT NULL, length INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vocabulary_length ON vocabulary (length);
CREATE TABLE IF NOT EXISTS arrays (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""

# Folded words only ([a-z0-9]+ joined by spaces), so unicode61 splits them as the index does.
FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts USING fts5(folded, tokenize='unicode61')"
)


@cache
def fts5_available() -> bool:
    """Whether this Python's SQLite was built with FTS5 (most are; not all)."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return True


def create(connection: sqlite3.Connection, *, fts: bool) -> None:
    """Make the tables if they are missing, and note the format and whether FTS5 is used."""
    connection.executescript(TABLES)
    if fts:
        connection.execute(FTS_TABLE)
    connection.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('version', ?), ('generation', '0'), "
        "('fts', ?)",
        (VERSION, "1" if fts else "0"),
    )
