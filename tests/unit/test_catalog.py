"""The catalog: the library listed without reading passages, kept in step with the content
files one changed file at a time, rebuilt when damaged, and searched with or without FTS5."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from brief_tui import locations, session
from brief_tui.catalog import schema
from brief_tui.catalog.store import CATALOG_FILE, open_catalog
from brief_tui.cli import main
from brief_tui.corpus.library import load_library
from brief_tui.search import SearchIndex
from brief_tui.session import ReaderSession, load_reader_library

MEMO = """Justice Before Walls

Justice Team

The United States should restore access to asylum at the southern border.

A second paragraph about corruption and the rule of law in Honduras.
"""


def add_memo(tmp_path: Path, name: str, title: str) -> None:
    memo = tmp_path / f"{name}.txt"
    memo.write_text(MEMO.replace("Justice Before Walls", title), encoding="utf-8")
    assert main(["add", str(memo)]) == 0


def test_the_library_lists_every_briefing_without_reading_passages(isolated_data_dir) -> None:
    library = load_reader_library(isolated_data_dir, cached=True)
    direct = load_library((locations.content_dir(), "bundled"))
    assert [d.id for d in library.documents] == [d.id for d in direct.documents]
    assert not any(d.loaded for d in library.documents)
    for listed, read in zip(library.documents, direct.documents, strict=True):
        assert (listed.title, listed.passage_count, listed.recommendation_count) == (
            read.title,
            read.passage_count,
            read.recommendation_count,
        )
        assert listed.pillar_counts() == read.pillar_counts()
    first = library.documents[0]
    assert first.sections == direct.documents[0].sections  # read when the briefing opens
    assert first.loaded and not library.documents[1].loaded


@pytest.fixture(autouse=True)
def catalog_search_for_any_size(monkeypatch) -> None:
    """The reader searches small libraries in memory; here the catalog's index is wanted."""
    monkeypatch.setattr(session, "IN_MEMORY_BELOW", 0)


def test_only_changed_files_are_read_again(tmp_path, isolated_data_dir) -> None:
    directories = [
        (locations.content_dir(), "bundled"),
        (locations.library_dir(isolated_data_dir), "user"),
    ]
    cache = locations.cache_dir(isolated_data_dir)
    assert open_catalog(cache, directories).sync(directories) == 0  # first open did the work
    add_memo(tmp_path, "one", "Justice Before Walls")
    add_memo(tmp_path, "two", "Shelters Before Walls")
    catalog = open_catalog(cache, directories)  # add already brought it up to date
    assert catalog.sync(directories) == 0
    library = catalog.library()
    assert {"justice-before-walls", "shelters-before-walls"} <= {d.id for d in library.documents}
    # An edit elsewhere (a curator, another program) is noticed by size and time.
    path = Path(library.document("justice-before-walls").path)
    path.write_text(path.read_text(encoding="utf-8").replace("Honduras", "Guatemala"), "utf-8")
    os.utime(path, ns=(1, 1))
    assert catalog.sync(directories) == 1
    hits = (
        ReaderSession(isolated_data_dir, library=catalog.library())
        .search_index()
        .search("guatemala rule of law", limit=5)
    )
    assert hits[0].entry.document == "justice-before-walls"
    assert main(["remove", "shelters-before-walls", "--yes"]) == 0
    listed = load_reader_library(isolated_data_dir, cached=True)
    assert "shelters-before-walls" not in {d.id for d in listed.documents}
    index = ReaderSession(isolated_data_dir, library=listed).search_index()
    assert not [
        h for h in index.search("shelters", limit=50) if h.entry.document.startswith("shelters")
    ]


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, b""])
def test_a_damaged_catalog_is_rebuilt_and_said_so_in_one_sentence(
    isolated_data_dir, damage
) -> None:
    load_reader_library(isolated_data_dir, cached=True)
    path = locations.cache_dir(isolated_data_dir) / CATALOG_FILE
    for leftover in path.parent.glob(CATALOG_FILE + "-*"):
        leftover.unlink()
    path.write_bytes(damage)
    library = load_reader_library(isolated_data_dir, cached=True)
    assert len(library.documents) == 5
    said = [str(p) for p in library.problems]
    if damage:
        assert said == [f"The catalog {path} was damaged, so it was rebuilt from your documents."]
    assert ReaderSession(isolated_data_dir, library=library).search_index().search("COMAR")


def test_a_catalog_that_cannot_be_written_leaves_reading_as_it_was(isolated_data_dir) -> None:
    isolated_data_dir.mkdir(parents=True)
    (isolated_data_dir / "cache").write_text("a file where the cache folder would be")
    library = load_reader_library(isolated_data_dir, cached=True)
    assert len(library.documents) == 5 and library.catalog is None
    assert len(library.problems) == 1 and "read directly" in str(library.problems[0])
    assert ReaderSession(isolated_data_dir, library=library).search_index().search("COMAR")


def test_without_fts5_the_in_memory_index_answers(isolated_data_dir, monkeypatch) -> None:
    monkeypatch.setattr(schema, "fts5_available", lambda: False)
    library = load_reader_library(isolated_data_dir, cached=True)
    index = ReaderSession(isolated_data_dir, library=library).search_index()
    assert isinstance(index, SearchIndex)
    assert index.search("corruptoin task force", limit=3)[0].entry.document
    path = locations.cache_dir(isolated_data_dir) / CATALOG_FILE
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "entries_fts" not in tables
    monkeypatch.undo()  # the same catalog opened where FTS5 exists: rebuilt with it
    monkeypatch.setattr(session, "IN_MEMORY_BELOW", 0)
    library = load_reader_library(isolated_data_dir, cached=True)
    assert not library.problems
    index = ReaderSession(isolated_data_dir, library=library).search_index()
    assert not isinstance(index, SearchIndex)
    assert index.search("corruptoin task force", limit=3)[0].entry.document


def test_fts5_is_detected() -> None:
    assert schema.fts5_available() in (True, False)


def test_a_tampered_catalog_cannot_put_escape_sequences_on_screen(isolated_data_dir) -> None:
    load_reader_library(isolated_data_dir, cached=True)
    path = locations.cache_dir(isolated_data_dir) / CATALOG_FILE
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE documents SET meta = json_set(meta, '$.title', ?)",
            ("Retitled\x1b]0;pwned\x07 \u202eevil",),
        )
    library = load_reader_library(isolated_data_dir, cached=True, check=False)
    for doc in library.documents:
        assert doc.title.startswith("Retitled")
        assert "\x1b" not in doc.title and "\x07" not in doc.title and "\u202e" not in doc.title


@pytest.mark.parametrize(
    "query", ["kind:ask asylum", "kind:commitment", "type:government migration", "type:advocacy"]
)
def test_kind_and_type_filters_answer_alike_from_the_catalog(isolated_data_dir, query) -> None:
    from brief_tui.catalog.fts_index import CatalogIndex
    from brief_tui.search import library_entries

    library = load_reader_library(isolated_data_dir, cached=True)
    memory = SearchIndex.build(library_entries(library))
    catalog = CatalogIndex(library.catalog)
    expected = [(h.entry.document, h.entry.passage) for h in memory.search(query, limit=200)]
    assert expected
    assert [(h.entry.document, h.entry.passage) for h in catalog.search(query, limit=200)] == (
        expected
    )
    hit = catalog.search(query, limit=1)[0]
    assert hit.entry == memory.search(query, limit=1)[0].entry  # kind, type and who as well


def test_without_json_functions_sqlite_still_gives_each_words_entries(
    isolated_data_dir, monkeypatch
) -> None:
    """Where SQLite lacks its JSON functions, a word's entries are read as text instead."""
    from brief_tui.catalog import fts_index

    library = load_reader_library(isolated_data_dir, cached=True)
    expected = [
        (h.entry.passage, h.score)
        for h in fts_index.CatalogIndex(library.catalog).search("asylum mexi", limit=20)
    ]
    assert expected
    monkeypatch.setattr(fts_index, "IDS_AS_JSON", "SELECT no_such_function(rowid) FROM entries")
    catalog = fts_index.CatalogIndex(library.catalog)
    hits = catalog.search("asylum mexi", limit=20)
    assert [(h.entry.passage, h.score) for h in hits] == expected


def test_reading_progress_is_measured_without_reading_the_documents(isolated_data_dir) -> None:
    """The library shows how far each briefing has been read: from the catalog, so a long
    reading history does not read every briefing's passages at start."""
    from brief_tui.reading import read_fraction, read_fractions

    library = load_reader_library(isolated_data_dir, cached=True)
    direct = load_library((locations.content_dir(), "bundled"))
    places = {}
    for doc in direct.documents:
        passages = [p.id for _, p in doc.passages()]
        places[doc.id] = passages[len(passages) // 3]
    places["no-such-briefing"] = "p-00000000"
    expected = {doc.id: read_fraction(doc, places[doc.id]) for doc in direct.documents}
    assert read_fractions(library.documents, places, library.catalog) == pytest.approx(expected)
    assert not any(d.loaded for d in library.documents)
    assert read_fractions(direct.documents, places) == pytest.approx(expected)
