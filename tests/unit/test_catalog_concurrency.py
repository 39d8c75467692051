"""Two readers and a `brief-tui add` at once: nothing lost, nothing half-written.

Each reader keeps listing the library from the catalog (which syncs it), opening every
briefing it lists and searching, while the command adds a folder of memos. Afterwards the
catalog holds exactly what the content files hold, passes SQLite's integrity check, and
every memo is found by its own word.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from brief_tui import locations, session
from brief_tui.catalog.store import CATALOG_FILE
from brief_tui.corpus.library import load_library
from brief_tui.session import ReaderSession, load_reader_library

WORDS = "aardvark bison caracal dingo eland ferret gibbon hyrax ibex jackal kudu lemur".split()

READER = """
import sys, time
from pathlib import Path
from brief_tui.catalog.fts_index import CatalogIndex
from brief_tui.session import load_reader_library

data, rounds = Path(sys.argv[1]), int(sys.argv[2])
for n in range(rounds):
    library = load_reader_library(data, cached=True)
    assert library.catalog is not None, [str(p) for p in library.problems]
    for doc in library.documents:
        passages = sum(len(s.passages) for s in doc.sections)
        # A briefing re-synced between listing and opening may have changed; never emptied.
        assert passages > 0, doc.id
    hits = CatalogIndex(library.catalog).search("asylum", limit=5)
    assert hits, "no hits"
print("ok", len(library.documents))
"""


def memo(word: str, n: int) -> str:
    return (
        f"Memo {n} on the {word}\n\nField Office {n}\n\n"
        f"The {word} programme should restore access to asylum at the border.\n\n"
        f"A second paragraph on the {word} and corruption in Honduras.\n"
    )


def test_two_readers_and_an_add_at_once_lose_and_corrupt_nothing(
    tmp_path, isolated_data_dir, monkeypatch
):
    monkeypatch.setattr(session, "IN_MEMORY_BELOW", 0)  # the catalog's index, at any size
    folder = tmp_path / "memos"
    folder.mkdir()
    for n, word in enumerate(WORDS):
        (folder / f"memo-{n:02d}.txt").write_text(memo(word, n), encoding="utf-8")
    load_reader_library(isolated_data_dir, cached=True)  # a catalog exists, as after first use
    env = dict(os.environ, BRIEF_TUI_DATA_DIR=str(isolated_data_dir))
    command = [sys.executable, "-m", "brief_tui", "add", str(folder)]
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(isolated_data_dir), "12"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    adding = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    for reader in readers:
        out, err = reader.communicate(timeout=300)
        assert reader.returncode == 0, err
        assert out.startswith("ok")
    assert adding.returncode == 0, adding.stderr

    path = locations.cache_dir(isolated_data_dir) / CATALOG_FILE
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    listed = load_reader_library(isolated_data_dir, cached=True)
    direct = load_library(
        (locations.content_dir(), "bundled"), (locations.library_dir(isolated_data_dir), "user")
    )
    assert [(d.id, d.passage_count) for d in listed.documents] == [
        (d.id, d.passage_count) for d in direct.documents
    ]
    assert len(listed.documents) == 5 + len(WORDS)
    index = ReaderSession(isolated_data_dir, library=listed).search_index()
    for n, word in enumerate(WORDS):
        [hit] = [h for h in index.search(word, limit=5) if h.entry.kind == "title"]
        assert hit.entry.document_title == f"Memo {n} on the {word}"
