"""The note store's one SQLite connection, shared by the UI thread and worker threads.

Every public write is one `BEGIN IMMEDIATE` transaction, so a crash never leaves half an
action and two windows on the same file queue up rather than overwrite each other. While
another process holds the write lock, a write waits without holding the store's own lock, so
reads on other threads answer at once. Every row read has its text cleaned: the file may have
been written by another program.
"""

from __future__ import annotations

import gc
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from brief_tui.notes import opening
from brief_tui.notes.opening import Opened
from brief_tui.notes.records import RowShape, StoreError, explain, safe_rows

T = TypeVar("T")
_ATTEMPT_MS = 50  # how long one try for the write lock waits while holding the store's lock
_BUSY, _LOCKED = 5, 6  # SQLite result codes: another connection holds the lock


class StoreConnection:
    """Transactions and cleaned reads over one connection; `NoteStore` builds on it."""

    def __init__(self, path: Path, opened: Opened) -> None:
        self.path = path
        self.read_only = opened.read_only
        self.warning = opened.warning  # one sentence for the reader, or None when all is well
        self._reason = opened.reason
        self._connection: sqlite3.Connection | None = opened.connection
        self._lock = threading.RLock()  # the UI may call from worker threads

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __exit__(self, *_: object) -> None:
        self.close()

    def _read(
        self, sql: str, params: tuple[Any, ...], build: Callable[[Any], T], shape: RowShape
    ) -> list[T]:
        """Rows of one query as records, their text cleaned (see `safe_rows`)."""
        with self._lock, _collector_paused():
            if self._connection is None:
                raise StoreError("brief-tui cannot read the notes because the store was closed.")
            try:
                rows = self._connection.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                raise StoreError(f"brief-tui cannot read the notes: {explain(error)}.") from error
            return [build(row) for row in safe_rows(rows, shape)]

    @contextmanager
    def transaction(
        self, what: str, *, even_read_only: bool = False
    ) -> Iterator[sqlite3.Connection]:
        """One immediate transaction: all of the action is saved, or none of it."""
        if self.read_only and not even_read_only:
            raise StoreError(f"brief-tui cannot save {what}: {self._reason}.")
        connection = self._begin(what)  # holds self._lock from here
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                with suppress(sqlite3.Error):  # keep the first error, not a second one
                    connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"brief-tui cannot save {what}: {explain(error)}.") from error
            raise
        finally:
            self._lock.release()

    def _begin(self, what: str) -> sqlite3.Connection:
        """Start a write transaction and return with the store's lock held.

        While another process holds the file's write lock, each try waits only briefly and
        the store's lock is let go between tries, so reads on other threads (the UI) answer
        at once instead of queueing behind a writer that may wait seconds.
        """
        deadline = time.monotonic() + opening.BUSY_SECONDS
        while True:
            self._lock.acquire()
            connection = self._connection
            if connection is None:
                self._lock.release()
                raise StoreError(f"brief-tui cannot save {what}: the store was closed.")
            try:
                _begin_immediate(connection)
                return connection
            except sqlite3.Error as error:
                self._lock.release()
                code = getattr(error, "sqlite_errorcode", 0) & 0xFF
                if code not in (_BUSY, _LOCKED) or time.monotonic() >= deadline:
                    raise StoreError(f"brief-tui cannot save {what}: {explain(error)}.") from error
            except BaseException:
                self._lock.release()
                raise
            time.sleep(0.01)


def _begin_immediate(connection: sqlite3.Connection) -> None:
    """`BEGIN IMMEDIATE`, waiting at most `_ATTEMPT_MS` for another connection's lock."""
    connection.execute(f"PRAGMA busy_timeout = {_ATTEMPT_MS}")
    try:
        connection.execute("BEGIN IMMEDIATE")
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(opening.BUSY_SECONDS * 1000)}")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Listing 10,000 notes makes tens of thousands of small objects, which sets off garbage
    collections that free nothing but cost a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
