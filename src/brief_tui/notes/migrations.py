"""The notes schema, as an ordered list of migrations; `PRAGMA user_version` says how many ran.

To change the schema, append a migration; never edit one that has shipped. Keep changes
additive (new tables, new columns with defaults) so an older brief-tui can still read a file
a newer one wrote, read-only. Every migration also stamps the file with brief-tui's
`PRAGMA application_id`, so another program's database at the same path is recognised.
"""

from __future__ import annotations

import sqlite3
from functools import cache

APPLICATION_ID = int.from_bytes(b"bTUI", "big")  # in the file header: "brief-tui wrote this"

_ANCHOR = """
    document TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    anchor_passage TEXT NOT NULL,
    anchor_start INTEGER NOT NULL,
    anchor_end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL"""

# The latest resolution, the document hash it was computed against (so an unchanged document
# is not resolved again) and the passage's place in reading order (for sorting).
_RESOLUTION = """
    status TEXT NOT NULL,
    res_passage TEXT,
    res_start INTEGER NOT NULL,
    res_end INTEGER NOT NULL,
    resolved_hash TEXT NOT NULL DEFAULT '',
    ordinal INTEGER"""

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        f"CREATE TABLE highlights (id TEXT PRIMARY KEY,{_ANCHOR},"
        "\n    label TEXT NOT NULL, note TEXT NOT NULL,"
        f"\n    created TEXT NOT NULL, updated TEXT NOT NULL,{_RESOLUTION})",
        "CREATE INDEX highlights_in_order"
        " ON highlights (document, ordinal, res_start, res_end, created, id)",
        f"CREATE TABLE bookmarks (id TEXT PRIMARY KEY,{_ANCHOR},"
        f"\n    name TEXT NOT NULL, created TEXT NOT NULL,{_RESOLUTION})",
        f"CREATE TABLE positions ({_ANCHOR},\n    updated TEXT NOT NULL,{_RESOLUTION},"
        "\n    PRIMARY KEY (document))",
    ),
    # 2: finding the highlight already on a span, so a span is never highlighted twice
    ("CREATE INDEX highlights_by_span ON highlights (document, res_passage, res_start, res_end)",),
    # 3: notes being written, kept while typing so that a crash or a closed terminal loses
    # nothing; one per highlight (its id), removed when the note is saved or the draft dropped
    (
        "CREATE TABLE drafts (highlight TEXT PRIMARY KEY, text TEXT NOT NULL,"
        " updated TEXT NOT NULL)",
    ),
]


def current_version() -> int:
    return len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to date, one transaction per step, and stamp the application id.

    The version is re-read inside each write transaction, so two windows opening an old file
    at once run each step exactly once. The connection must be in autocommit mode.
    """
    target = current_version()
    if _version(connection) >= target and _application_id(connection) == APPLICATION_ID:
        return  # the usual case: no need to wait for the write lock
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = _version(connection)
            if _application_id(connection) != APPLICATION_ID:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            if version >= target:
                connection.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def _version(connection: sqlite3.Connection) -> int:
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def _application_id(connection: sqlite3.Connection) -> int:
    found: int = connection.execute("PRAGMA application_id").fetchone()[0]
    return found


def is_ours(connection: sqlite3.Connection) -> bool:
    """Whether the database is a brief-tui notes file (or empty, so free to become one).

    Files from before the application id have it at 0: theirs must hold every table and
    column the migrations up to their version made. Any other id belongs to another program.
    """
    found = _application_id(connection)
    if found != 0:
        return found == APPLICATION_ID
    version = _version(connection)
    if version == 0:
        return connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0
    steps = tuple(MIGRATIONS[: min(version, current_version())])
    for table, columns in _columns_after(steps).items():
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not columns <= present:
            return False
    return True


@cache
def _columns_after(steps: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    """The tables and their columns that these migration steps build."""
    memory = sqlite3.connect(":memory:")
    try:
        for step in steps:
            for statement in step:
                memory.execute(statement)
        tables = [
            name
            for (name,) in memory.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        ]
        return {
            table: frozenset(row[1] for row in memory.execute(f"PRAGMA table_info({table})"))
            for table in tables
        }
    finally:
        memory.close()
