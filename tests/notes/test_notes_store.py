"""The note store keeps every note, undoes deletions exactly, and follows edits to the text."""

from __future__ import annotations

import re
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from notes_builders import document, library, passage_ids, text_of

from brief_tui.notes import LABELS, NoteStore, StoreError, make_anchor
from brief_tui.notes import migrations as notes_migrations
from brief_tui.notes.migrations import current_version

FIRST = "The migration crisis does not begin at the border; it begins in communities."
SECOND = "Aid should be tied to anti-corruption benchmarks and independent monitoring."
THIRD = "Congress must fund legal pathways, including refugee processing in the region."


@pytest.fixture
def doc():
    return document(FIRST, SECOND, THIRD)


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path / "notes.db") as opened:
        yield opened


def anchor_on(doc, index: int, phrase: str):
    pid = passage_ids(doc)[index]
    start = text_of(doc, pid).index(phrase)
    return make_anchor(doc, pid, start, start + len(phrase))


def span_at(doc, index: int, n: int):
    """The n-th of many different spans of one passage (a span is highlighted once)."""
    pid = passage_ids(doc)[index]
    return make_anchor(doc, pid, n, n + 5)


def one_sentence(message: str) -> bool:
    return message.endswith(".") and ". " not in message and "\n" not in message


def test_a_new_store_is_healthy_writable_and_at_the_current_schema(store, tmp_path) -> None:
    assert (store.read_only, store.warning) == (False, None)
    with sqlite3.connect(tmp_path / "notes.db") as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == current_version()
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_highlight_round_trip(store, doc) -> None:
    anchor = anchor_on(doc, 1, "anti-corruption benchmarks")
    added = store.add_highlight(anchor, label="evidence", note="See annex B.")
    assert re.fullmatch(r"[0-9a-f]{32}", added.id)
    assert datetime.fromisoformat(added.created).utcoffset() == UTC.utcoffset(None)
    assert added.updated == added.created
    assert (added.anchor, added.label, added.note) == (anchor, "evidence", "See annex B.")
    assert (added.status, added.passage, added.start, added.end) == (
        "exact",
        anchor.passage,
        anchor.start,
        anchor.end,
    )
    assert store.highlights() == [added]
    assert store.highlights("doc") == [added]
    assert store.highlights("another-doc") == []

    changed = store.update_highlight(added.id, note="See annex C.")
    assert (changed.label, changed.note) == ("evidence", "See annex C.")
    assert changed.updated >= added.updated and changed.created == added.created
    relabelled = store.update_highlight(added.id, label="question")
    assert (relabelled.label, relabelled.note) == ("question", "See annex C.")
    assert store.highlights() == [relabelled]


def test_labels_are_checked(store, doc) -> None:
    assert LABELS == ("key finding", "question", "disagree", "evidence")
    anchor = anchor_on(doc, 0, "border")
    assert store.add_highlight(anchor).label == "key finding"
    with pytest.raises(ValueError):
        store.add_highlight(anchor, label="shopping list")


def test_delete_and_restore_is_an_exact_undo(store, doc) -> None:
    store.reanchor(library(doc))
    kept = store.add_highlight(anchor_on(doc, 0, "border"))
    doomed = store.add_highlight(anchor_on(doc, 2, "legal pathways"), "disagree", "Too vague.")
    deleted = store.delete_highlight(doomed.id)
    assert deleted == doomed
    assert store.highlights() == [kept]
    store.restore_highlight(deleted)
    assert store.highlights() == [kept, doomed]


def test_restore_also_undoes_an_update(store, doc) -> None:
    before = store.add_highlight(anchor_on(doc, 0, "border"), note="first thought")
    store.update_highlight(before.id, note="second thought")
    store.restore_highlight(before)
    assert store.highlights() == [before]


def test_missing_ids_raise_one_sentence_store_errors(store) -> None:
    for action in (
        lambda: store.update_highlight("0" * 32, note="x"),
        lambda: store.delete_highlight("0" * 32),
        lambda: store.delete_bookmark("0" * 32),
    ):
        with pytest.raises(StoreError) as caught:
            action()
        assert one_sentence(str(caught.value))


def test_highlights_are_listed_by_document_then_reading_order(store) -> None:
    alpha = document(FIRST, SECOND, THIRD, doc_id="alpha")
    beta = document(SECOND, FIRST, doc_id="beta")
    store.reanchor(library(alpha, beta))  # lets the store place new notes in reading order
    late = store.add_highlight(anchor_on(alpha, 2, "refugee"))
    early = store.add_highlight(anchor_on(alpha, 0, "border"))
    same_passage_later = store.add_highlight(anchor_on(alpha, 0, "communities"))
    in_beta = store.add_highlight(anchor_on(beta, 0, "Aid"))
    assert store.highlights() == [early, same_passage_later, late, in_beta]
    assert store.highlights("beta") == [in_beta]


def test_bookmark_round_trip_and_undo(store, doc) -> None:
    first = store.add_bookmark(anchor_on(doc, 0, "border"), name="Start here")
    second = store.add_bookmark(anchor_on(doc, 2, "refugee"))
    assert second.name == ""
    assert store.bookmarks() == [first, second]
    assert store.delete_bookmark(first.id) == first
    assert store.bookmarks() == [second]
    store.restore_bookmark(first)
    assert store.bookmarks() == [first, second]


def test_position_is_one_per_document_and_upserts(store, doc) -> None:
    other = document(THIRD, doc_id="other")
    assert store.position("doc") is None
    store.set_position(anchor_on(doc, 0, "border"))
    latest = store.set_position(anchor_on(doc, 2, "refugee"))
    elsewhere = store.set_position(anchor_on(other, 0, "Congress"))
    assert store.position("doc") == latest
    assert latest.passage == passage_ids(doc)[2]
    assert store.positions() == {"doc": latest, "other": elsewhere}


def test_everything_survives_closing_and_reopening(tmp_path: Path, doc) -> None:
    with NoteStore.open(tmp_path / "notes.db") as store:
        highlight = store.add_highlight(anchor_on(doc, 1, "benchmarks"), "question", "Which?")
        bookmark = store.add_bookmark(anchor_on(doc, 0, "border"), "B")
        position = store.set_position(anchor_on(doc, 2, "region"))
    with NoteStore.open(tmp_path / "notes.db") as store:
        assert store.highlights() == [highlight]
        assert store.bookmarks() == [bookmark]
        assert store.positions() == {"doc": position}


def test_reanchor_updates_status_and_offsets(store, doc) -> None:
    stays = store.add_highlight(anchor_on(doc, 0, "border"))
    moves = store.add_highlight(anchor_on(doc, 1, "independent monitoring"))
    goes = store.add_highlight(anchor_on(doc, 2, "legal pathways"))
    bookmark = store.add_bookmark(anchor_on(doc, 1, "benchmarks"))
    store.set_position(anchor_on(doc, 2, "region"))
    edited = document(FIRST, "In short, " + SECOND, "Congress must act.")

    counts = store.reanchor(library(edited))
    assert counts == {"exact": 1, "moved": 2, "orphaned": 2}
    by_id = {h.id: h for h in store.highlights()}
    assert by_id[stays.id].status == "exact"
    moved = by_id[moves.id]
    assert (moved.status, moved.passage) == ("moved", passage_ids(edited)[1])
    assert text_of(edited, moved.passage)[moved.start : moved.end] == "independent monitoring"
    assert moved.anchor == moves.anchor  # the original anchor is kept, only the place changes
    assert (by_id[goes.id].status, by_id[goes.id].passage) == ("orphaned", None)
    assert store.bookmarks()[0].status == "moved" and store.bookmarks()[0].id == bookmark.id
    assert store.position("doc").status == "orphaned"
    assert store.highlights()[-1].id == goes.id  # orphans sort last

    assert store.reanchor(library(edited)) == counts  # unchanged documents are skipped
    assert store.reanchor(library()) == {"exact": 0, "moved": 0, "orphaned": 5}
    assert store.reanchor(library(doc)) == {"exact": 5, "moved": 0, "orphaned": 0}


def test_a_failed_reanchor_stores_nothing(store, doc, tmp_path: Path) -> None:
    """One transaction per action: a failure half-way leaves every note as it was."""
    for phrase in ("border", "communities", "crisis"):
        store.add_highlight(anchor_on(doc, 0, phrase))
    store.reanchor(library(doc))
    before = store.highlights()
    with sqlite3.connect(tmp_path / "notes.db") as raw:  # fail on the third update
        raw.execute("CREATE TABLE seen (n INTEGER)")
        raw.execute(
            "CREATE TRIGGER third_fails BEFORE UPDATE ON highlights BEGIN "
            "INSERT INTO seen VALUES (1); "
            "SELECT RAISE(ABORT, 'simulated failure') WHERE (SELECT count(*) FROM seen) >= 3; "
            "END"
        )
    with pytest.raises(StoreError) as caught:
        store.reanchor(library(document("Something else entirely.")))
    assert one_sentence(str(caught.value))
    assert store.highlights() == before


def test_threads_can_share_one_store(store, doc) -> None:
    errors: list[BaseException] = []

    def reanchor_often() -> None:
        try:
            for n in range(30):
                store.reanchor(library(doc if n % 2 else document(FIRST.upper(), SECOND)))
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    worker = threading.Thread(target=reanchor_often)
    worker.start()
    added = [store.add_highlight(span_at(doc, 1, n)).id for n in range(60)]
    worker.join()
    assert errors == []
    assert sorted(h.id for h in store.highlights()) == sorted(added)


def test_two_stores_on_one_file_both_keep_every_write(tmp_path: Path, doc) -> None:
    with NoteStore.open(tmp_path / "notes.db") as one, NoteStore.open(tmp_path / "notes.db") as two:
        ids = set()
        for n in range(20):
            writer = one if n % 2 else two
            ids.add(writer.add_highlight(span_at(doc, 0, n), note=str(n)).id)
        assert {h.id for h in one.highlights()} == ids == {h.id for h in two.highlights()}


def test_closed_store_raises_store_error(tmp_path: Path, doc) -> None:
    store = NoteStore.open(tmp_path / "notes.db")
    store.close()
    store.close()  # harmless twice
    with pytest.raises(StoreError):
        store.highlights()
    with pytest.raises(StoreError):
        store.add_highlight(anchor_on(doc, 0, "border"))


V1_SCHEMA = """
CREATE TABLE highlights (id TEXT PRIMARY KEY, document TEXT NOT NULL, content_hash TEXT NOT NULL,
    anchor_passage TEXT NOT NULL, anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL,
    quote TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL, label TEXT NOT NULL,
    note TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL, status TEXT NOT NULL,
    res_passage TEXT, res_start INTEGER NOT NULL, res_end INTEGER NOT NULL,
    resolved_hash TEXT NOT NULL DEFAULT '', ordinal INTEGER);
CREATE INDEX highlights_in_order
    ON highlights (document, ordinal, res_start, res_end, created, id);
CREATE TABLE bookmarks (id TEXT PRIMARY KEY, document TEXT NOT NULL, content_hash TEXT NOT NULL,
    anchor_passage TEXT NOT NULL, anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL,
    quote TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL, name TEXT NOT NULL,
    created TEXT NOT NULL, status TEXT NOT NULL, res_passage TEXT, res_start INTEGER NOT NULL,
    res_end INTEGER NOT NULL, resolved_hash TEXT NOT NULL DEFAULT '', ordinal INTEGER);
CREATE TABLE positions (document TEXT NOT NULL, content_hash TEXT NOT NULL,
    anchor_passage TEXT NOT NULL, anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL,
    quote TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL, updated TEXT NOT NULL,
    status TEXT NOT NULL, res_passage TEXT, res_start INTEGER NOT NULL, res_end INTEGER NOT NULL,
    resolved_hash TEXT NOT NULL DEFAULT '', ordinal INTEGER, PRIMARY KEY (document));
INSERT INTO highlights VALUES ('a1', 'doc', 'h', 'p-1', 0, 6, 'Border', '', ' towns',
    'question', 'old note', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', 'exact',
    'p-1', 0, 6, '', NULL);
PRAGMA user_version = 1;
"""


def make_v1_database(path: Path) -> None:
    """A version 1 file written by hand, as brief-tui 0.1 would have left it."""
    raw = sqlite3.connect(path)
    raw.executescript(V1_SCHEMA)
    raw.close()


def test_a_version_1_file_opens_with_its_notes(tmp_path: Path) -> None:
    make_v1_database(tmp_path / "notes.db")
    with NoteStore.open(tmp_path / "notes.db") as store:
        assert (store.read_only, store.warning) == (False, None)
        [old] = store.highlights()
        assert (old.id, old.anchor.quote, old.label, old.note) == (
            "a1",
            "Border",
            "question",
            "old note",
        )


def test_a_new_migration_runs_once_and_keeps_the_data(tmp_path: Path, monkeypatch) -> None:
    make_v1_database(tmp_path / "notes.db")
    step = ("ALTER TABLE highlights ADD COLUMN colour TEXT NOT NULL DEFAULT 'yellow'",)
    monkeypatch.setattr(notes_migrations, "MIGRATIONS", [*notes_migrations.MIGRATIONS, step])
    with NoteStore.open(tmp_path / "notes.db") as store:
        assert [h.id for h in store.highlights()] == ["a1"]
    with NoteStore.open(tmp_path / "notes.db") as store:  # already migrated: nothing runs twice
        assert not store.read_only
    with sqlite3.connect(tmp_path / "notes.db") as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == current_version()
        assert raw.execute("SELECT colour FROM highlights").fetchall() == [("yellow",)]


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    """The steps before it are saved (each is its own transaction); the failing one is not."""
    make_v1_database(tmp_path / "notes.db")
    step = ("ALTER TABLE highlights ADD COLUMN colour TEXT", "THIS IS NOT SQL")
    monkeypatch.setattr(notes_migrations, "MIGRATIONS", [*notes_migrations.MIGRATIONS, step])
    with NoteStore.open(tmp_path / "notes.db") as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert [h.id for h in store.highlights()] == ["a1"]
    with sqlite3.connect(tmp_path / "notes.db") as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == current_version() - 1
        columns = [row[1] for row in raw.execute("PRAGMA table_info(highlights)")]
        assert "colour" not in columns
