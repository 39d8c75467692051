"""Opening the notes file so that nothing the reader saved is ever lost.

Every failure has a fallback that keeps the old bytes: a damaged file, or another program's
database, is moved aside (never overwritten, never deleted) and a new one started; a file from a newer brief-tui, or one this
process may not write, is read into memory through a read-only connection and left untouched.
Only the healthy, writable, current-or-older case gets a live read-write connection.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count
from pathlib import Path

from brief_tui.notes import migrations

BUSY_SECONDS = 5.0  # how long a write waits for another window before giving up

_BUSY, _LOCKED, _READONLY, _CORRUPT, _CANTOPEN, _NOTADB = 5, 6, 8, 11, 14, 26  # result codes
_HEADER = b"SQLite format 3\x00"


@dataclass
class Opened:
    """A connection plus what the store must tell the reader about it."""

    connection: sqlite3.Connection
    read_only: bool = False
    warning: str | None = None
    reason: str = ""  # why saving is impossible; completes "cannot save …: <reason>"


class _Damaged(Exception):
    """The file is not a healthy SQLite database."""


class _Foreign(Exception):
    """A healthy SQLite database that another program made (see `migrations.is_ours`)."""


class _Newer(Exception):
    """A newer brief-tui wrote the file: its schema version is beyond ours."""


def open_notes(path: Path) -> Opened:
    """Open `path` for reading and writing if possible, else the safest read-only fallback."""
    problem = _write_problem(path)
    if problem is not None:
        return _read_only(path, problem)
    if _foreign(path):  # set aside before SQLite sees it: it would delete a -wal it cannot use
        return _set_aside_and_start_again(path)
    try:
        return Opened(_connect_writable(path))
    except _Newer:
        return _read_only(path, "the notes file was written by a newer version of brief-tui")
    except _Damaged:
        return _set_aside_and_start_again(path)
    except _Foreign:
        return _set_aside_and_start_again(path, foreign=True)
    except sqlite3.Error as error:
        return _read_only(path, f"the notes file {path} cannot be opened for writing ({error})")


def _write_problem(path: Path) -> str | None:
    """Why notes cannot be saved at `path`, or None when the operating system allows it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"the folder {path.parent} cannot be created ({error.strerror})"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the notes file {path} is read-only"
    if not os.access(path.parent, os.W_OK):  # SQLite also needs to write its -wal file here
        return f"the folder {path.parent} is read-only"
    return None


def _foreign(path: Path) -> bool:
    """True for a non-empty file that does not start like an SQLite database."""
    try:
        with path.open("rb") as file:
            head = file.read(len(_HEADER))
    except OSError:
        return False
    return bool(head) and head != _HEADER


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(
        target, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False, uri=uri
    )
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    return connection


def _checked_version(connection: sqlite3.Connection) -> int:
    """The schema version, after making sure the file is a healthy database; else _Damaged."""
    try:
        version: int = connection.execute("PRAGMA user_version").fetchone()[0]
        verdict = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if _is_damage(error):
            raise _Damaged(str(error)) from error
        raise
    if verdict != [("ok",)]:
        raise _Damaged(str(verdict[0][0]))
    return version


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_CORRUPT, _NOTADB)
    return "not a database" in str(error) or "malformed" in str(error)


def _connect_writable(path: Path) -> sqlite3.Connection:
    connection = _connect(str(path))
    try:
        version = _checked_version(connection)
        if not migrations.is_ours(connection):  # checked before anything is written to it
            raise _Foreign
        if version > migrations.current_version():
            raise _Newer
        _use_wal(connection)
        connection.execute("PRAGMA synchronous = FULL")  # a commit survives power loss too
        migrations.migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch to write-ahead logging, so readers and a writer can work at once.

    SQLite reports a busy file at once, without waiting, when two processes switch a new file
    at the same moment, so this waits itself.
    """
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as error:
            busy = getattr(error, "sqlite_errorcode", 0) & 0xFF in (_BUSY, _LOCKED)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _read_only(path: Path, reason: str) -> Opened:
    """An in-memory copy of the file read through `mode=ro`, or an empty store if none."""
    if not path.exists():
        return _empty(reason, f"Notes made in this session cannot be saved because {reason}.")
    memory = _connect(":memory:")
    try:
        version = _copy_read_only(path, memory)
    except _Foreign:
        memory.close()
        return _unreadable(f"the file {path} is another program's database and {reason}")
    except (_Damaged, sqlite3.Error) as error:
        memory.close()
        return _unreadable(f"the notes file {path} cannot be read ({error}) and {reason}")
    if version < migrations.current_version():
        # Upgrade the copy only; if that fails, show it as it is (migrations are additive).
        with suppress(sqlite3.Error):
            migrations.migrate(memory)
    if version > migrations.current_version():
        warning = (
            f"The notes file {path} was written by a newer version of brief-tui, "
            "so it is shown read-only and nothing in it will be changed."
        )
    else:
        warning = f"Your notes are shown, but changes cannot be saved because {reason}."
    return Opened(memory, read_only=True, warning=warning, reason=reason)


def _empty(reason: str, warning: str) -> Opened:
    """An empty in-memory store that refuses writes: the app still reads, nothing is touched."""
    memory = _connect(":memory:")
    migrations.migrate(memory)
    return Opened(memory, read_only=True, warning=warning, reason=reason)


def _unreadable(reason: str) -> Opened:
    return _empty(
        reason, f"Your saved notes could not be shown and nothing will be saved because {reason}."
    )


def _copy_read_only(path: Path, memory: sqlite3.Connection) -> int:
    """Copy the database at `path` into `memory` without writing to it; its schema version."""
    if _foreign(path):
        raise _Damaged("it is not an SQLite database")
    uri = path.resolve().as_uri()
    try:
        return _copy(f"{uri}?mode=ro", memory)
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorcode", 0) & 0xFF not in (_READONLY, _CANTOPEN):
            raise
    # A WAL file in a read-only folder, where SQLite cannot make its -shm file: nobody can be
    # writing to it, so read it as immutable.
    return _copy(f"{uri}?mode=ro&immutable=1", memory)


def _copy(uri: str, memory: sqlite3.Connection) -> int:
    source = _connect(uri, uri=True)
    try:
        version = _checked_version(source)
        if not migrations.is_ours(source):
            raise _Foreign
        source.backup(memory)
    finally:
        source.close()
    return version


def _set_aside_and_start_again(path: Path, *, foreign: bool = False) -> Opened:
    """Move a damaged or foreign file (and its -wal/-shm companions) aside, then start a
    fresh one."""
    what = "is another program's database" if foreign else "is damaged"
    try:
        kept = _set_aside(path, "foreign" if foreign else "corrupt")
    except OSError as error:
        return _unreadable(
            f"the notes file {path} {what} and cannot be moved aside ({error.strerror})"
        )
    try:
        connection = _connect_writable(path)
    except (sqlite3.Error, _Damaged, _Foreign, _Newer) as error:
        return _read_only(path, f"a new notes file cannot be started ({error})")
    if foreign:
        warning = (
            f"The file {path} is not a brief-tui notes file but another program's database, "
            f"so brief-tui kept it as {kept} and started a new, empty notes file."
        )
    else:
        warning = (
            f"The notes file {path} was damaged, so brief-tui kept it as {kept} "
            "and started a new, empty notes file."
        )
    return Opened(connection, warning=warning)


def _set_aside(path: Path, why: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for attempt in count():
        kept = path.with_name(f"{path.name}.{why}-{stamp}" + (f"-{attempt}" if attempt else ""))
        if _move_without_overwriting(path, kept):
            break
    for companion in ("-wal", "-shm"):  # a stale -wal must never be replayed into the new file
        old = path.with_name(path.name + companion)
        if old.exists():
            for attempt in count():
                name = f"{kept.name}{companion}" + (f".{attempt}" if attempt else "")
                if _move_without_overwriting(old, kept.with_name(name)):
                    break
    return kept


def _move_without_overwriting(source: Path, target: Path) -> bool:
    """Rename `source` to `target` unless `target` exists; False if it does."""
    try:
        os.link(source, target)  # fails, rather than replaces, when target exists
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links
        if target.exists():
            return False
        os.rename(source, target)
        return True
    os.unlink(source)
    return True
