"""Real processes: a writer killed mid-burst loses nothing it committed; two writers both win."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from brief_tui.notes import NoteStore

# Adds highlights as fast as it can, printing each id only after add_highlight returned,
# i.e. after the transaction committed.
BURST_WRITER = """
import sys
from pathlib import Path
from brief_tui.notes import Anchor, NoteStore

store = NoteStore.open(Path(sys.argv[1]))
assert store.warning is None, store.warning
n = 0
while True:  # a different span each time: a span is highlighted once
    anchor = Anchor("doc", "hash", "p-1", n, n + 6, "Border", "", " towns need support")
    highlight = store.add_highlight(anchor, note=f"burst note {n} " * 20)
    print(highlight.id, flush=True)
    n += 1
"""

# Waits for the go file so both writers really overlap, then adds N highlights.
RACING_WRITER = """
import sys, time
from pathlib import Path
from brief_tui.notes import Anchor, NoteStore

path, go, label, count = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
store = NoteStore.open(path)
start = 0 if label < "m" else 10_000  # each writer on spans of its own
while not go.exists():
    time.sleep(0.001)
for n in range(count):
    anchor = Anchor("doc", "hash", "p-1", start + n, start + n + 6, "Border", "", " towns")
    store.add_highlight(anchor, label=label, note=f"{label} {n}")
store.close()
print("done", flush=True)
"""


def spawn(code: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_mid_burst_keeps_every_committed_highlight(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    committed: list[str] = []
    for kill_after in (40, 150, 7):  # three crashes on the same file
        child = spawn(BURST_WRITER, path)
        assert child.stdout is not None
        printed = 0
        while printed < kill_after:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "writer died"
            committed.append(line.strip())
            printed += 1
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        rest = child.stdout.read()  # the same reader: it may already hold buffered lines
        committed += [line for line in rest.splitlines() if len(line) == 32]
        assert child.returncode == -signal.SIGKILL
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with NoteStore.open(path) as store:
        assert (store.warning, store.read_only) == (None, False)
        present = {h.id for h in store.highlights()}
    assert set(committed) <= present
    assert len(present) - len(committed) <= 3  # at most one unreported commit per crash


def test_two_processes_writing_at_once_keep_all_writes(tmp_path: Path) -> None:
    path, go, count = tmp_path / "notes.db", tmp_path / "go", 150
    NoteStore.open(path).close()  # created up front so both start from the same schema
    writers = [spawn(RACING_WRITER, path, go, label, count) for label in ("question", "evidence")]
    time.sleep(0.3)  # both are waiting at the start line
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.strip() == "done"

    with NoteStore.open(path) as store:
        notes = {(h.label, h.note) for h in store.highlights()}
    expected = {(label, f"{label} {n}") for label in ("question", "evidence") for n in range(count)}
    assert notes == expected


def test_two_processes_creating_the_same_new_file_at_once(tmp_path: Path) -> None:
    path, go = tmp_path / "fresh.db", tmp_path / "go"
    writers = [spawn(RACING_WRITER, path, go, label, 20) for label in ("question", "disagree")]
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with NoteStore.open(path) as store:
        assert len(store.highlights()) == 40
