"""Saving notes off the UI thread, in the order they were asked for.

A save can wait seconds for another window's write lock, and the reader must keep answering
keys meanwhile. Each write joins a queue that a thread worker works through in order (so a
draft saved just before its note can never land after it); what follows a save (redrawing
marks, saying it is saved) comes back to the UI thread as a message. When the app closes,
whatever is still queued is saved before it exits.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import active_worker

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

    from brief_tui.notes.store import NoteStore


@dataclass(frozen=True)
class NoteWrite:
    """One store action, and what to do on the UI thread once it is saved."""

    action: Callable[[NoteStore], Any]
    then: Callable[[Any], None] | None = None
    owner: MessagePump | None = None  # `then` is skipped once this screen or widget is gone
    quiet: bool = False  # a failure is not reported (e.g. the reading position)


class NoteSaved(Message):
    """A queued write has finished: `error` is its one-sentence failure, or None."""

    def __init__(self, write: NoteWrite, result: Any, error: str | None) -> None:
        super().__init__()
        self.write = write
        self.result = result
        self.error = error


class NoteWriter:
    """The queue of note writes for one app and one store."""

    def __init__(self, app: App[Any], store: NoteStore) -> None:
        self._app = app
        self._store = store
        self._queue: deque[NoteWrite] = deque()
        self._working = threading.Lock()  # one thread works the queue at a time

    def submit(self, write: NoteWrite) -> None:
        """Queue `write`; while the app runs, a thread worker saves it soon."""
        self._queue.append(write)
        if self._app.is_running:
            self._app.run_worker(self._work, thread=True, group="note-writes")
        # else: the app is closing (a screen saving on unmount); `flush` saves it

    @property
    def pending(self) -> bool:
        return bool(self._queue) or self._working.locked()

    def _work(self) -> None:
        try:
            with self._working:
                while self._queue:
                    write = self._queue.popleft()
                    self._app.post_message(self._save(write))
        finally:
            # Textual leaves the worker set in the pool thread's own context, and through
            # the worker's task the screen that asked: each idle pool thread kept a closed
            # briefing, all its rows and drawn lines, in memory.
            active_worker.set(None)  # type: ignore[arg-type]

    def _save(self, write: NoteWrite) -> NoteSaved:
        from brief_tui.notes.store import StoreError

        try:
            return NoteSaved(write, write.action(self._store), None)
        except StoreError as error:
            return NoteSaved(write, None, str(error))

    def flush(self) -> list[str]:
        """Save what is still queued, now, on this thread (the app is closing); the failures.

        Waits for a worker that is saving at this moment, so nothing is saved twice or lost.
        """
        failures = []
        with self._working:
            while self._queue:
                saved = self._save(self._queue.popleft())
                if saved.error and not saved.write.quiet:
                    failures.append(saved.error)
        return failures
