"""The notes schema, as an ordered list of migrations; `PRAGMA user_version` says how many ran.

To change the schema, append a migration; never edit one that has shipped. Keep changes
additive (new tables, new columns with defaults) so an older brief-tui can still read a file
a newer one wrote, read-only.
"""

from __future__ import annotations

import sqlite3

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
]


def current_version() -> int:
    return len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to date, one transaction per step.

    The version is re-read inside each write transaction, so two windows opening an old file
    at once run each step exactly once. The connection must be in autocommit mode.
    """
    target = current_version()
    if connection.execute("PRAGMA user_version").fetchone()[0] >= target:
        return  # the usual case: no need to wait for the write lock
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
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
