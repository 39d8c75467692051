"""Another process holding the notes file's write lock: a save waits for it without keeping
the store from answering reads, and gives up after the deadline with one sentence."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from notes_builders import document, passage_ids

from brief_tui.notes import NoteStore, StoreError, make_anchor
from brief_tui.notes import opening as notes_opening

DOC = document("Aid should be tied to anti-corruption benchmarks and independent monitoring.")
ANCHOR = make_anchor(DOC, passage_ids(DOC)[0], 0, 3)
OTHER = make_anchor(DOC, passage_ids(DOC)[0], 4, 10)


@contextmanager
def write_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection (as another process would) holding the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()


def test_reads_answer_at_once_while_a_save_waits_for_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NoteStore.open(path) as store:
        first = store.add_highlight(ANCHOR, note="first")
        saved: list[object] = []
        with write_lock(path):
            writer = threading.Thread(target=lambda: saved.append(store.add_highlight(OTHER)))
            writer.start()
            time.sleep(0.3)  # the writer is now waiting for the lock
            assert writer.is_alive() and not saved
            started = time.monotonic()
            assert [h.id for h in store.highlights()] == [first.id]
            assert time.monotonic() - started < 0.2
        writer.join(timeout=5)
        assert len(saved) == 1 and len(store.highlights()) == 2


def test_a_save_gives_up_after_the_deadline_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_opening, "BUSY_SECONDS", 0.6)
    path = tmp_path / "notes.sqlite3"
    with NoteStore.open(path) as store, write_lock(path):
        started = time.monotonic()
        with pytest.raises(StoreError) as raised:
            store.add_highlight(ANCHOR)
        waited = time.monotonic() - started
        message = str(raised.value)
        assert 0.5 < waited < 2.0, waited
        assert message.startswith("brief-tui cannot save this highlight: ")
        assert message.endswith(".") and "\n" not in message
        assert store.highlights() == []
