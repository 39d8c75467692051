"""Unsaved note drafts are kept in the store until the note is saved or the draft discarded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from notes_builders import document, passage_ids

from brief_tui.notes import NoteStore, make_anchor

DOC = document("Aid should be tied to anti-corruption benchmarks and independent monitoring.")
ANCHOR = make_anchor(DOC, passage_ids(DOC)[0], 0, 3)


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path / "notes.sqlite3") as opened:
        yield opened


def test_a_draft_is_kept_replaced_and_read_back(store, tmp_path: Path) -> None:
    highlight = store.add_highlight(ANCHOR, note="saved note")
    assert store.draft(highlight.id) is None
    store.save_draft(highlight.id, "first words")
    store.save_draft(highlight.id, "first words, and more")
    draft = store.draft(highlight.id)
    assert draft is not None and draft.text == "first words, and more"
    assert [d.highlight for d in store.drafts()] == [highlight.id]
    with NoteStore.open(tmp_path / "notes.sqlite3") as again:  # survives closing
        assert again.draft(highlight.id) == draft


def test_saving_the_note_or_discarding_removes_the_draft(store) -> None:
    highlight = store.add_highlight(ANCHOR)
    store.save_draft(highlight.id, "half a thought")
    store.update_highlight(highlight.id, label="question")  # a label change keeps it
    assert store.draft(highlight.id) is not None
    store.update_highlight(highlight.id, note="a whole thought")
    assert store.draft(highlight.id) is None and store.drafts() == []
    store.save_draft(highlight.id, "another")
    store.discard_draft(highlight.id)
    assert store.draft(highlight.id) is None


def test_drafts_of_deleted_highlights_are_not_listed_but_come_back_with_undo(store) -> None:
    highlight = store.add_highlight(ANCHOR)
    store.save_draft(highlight.id, "kept for undo")
    deleted = store.delete_highlight(highlight.id)
    assert store.drafts() == []
    store.restore_highlight(deleted)
    assert [d.text for d in store.drafts()] == ["kept for undo"]


def test_draft_text_is_cleaned(store, tmp_path: Path) -> None:
    highlight = store.add_highlight(ANCHOR)
    store.save_draft(highlight.id, "a\x1b]0;PWNED\x07 b\nc")
    with sqlite3.connect(tmp_path / "notes.sqlite3") as raw:
        assert raw.execute("SELECT text FROM drafts").fetchall() == [("a b\nc",)]
        raw.execute("UPDATE drafts SET text = ?", ("x\x1b[2Jy\u202e",))
    assert store.draft(highlight.id).text == "xy"
