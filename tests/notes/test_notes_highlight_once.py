"""A span is highlighted once: highlighting it again changes its label, or changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from notes_builders import document, library, passage_ids, text_of

from brief_tui.notes import NoteStore, make_anchor

FIRST = "The migration crisis does not begin at the border; it begins in communities."
SECOND = "Aid should be tied to anti-corruption benchmarks and independent monitoring."
DOC = document(FIRST, SECOND)


@pytest.fixture
def store(tmp_path: Path):
    with NoteStore.open(tmp_path / "notes.sqlite3") as opened:
        opened.reanchor(library(DOC))
        yield opened


def span(index: int, phrase: str | None = None):
    pid = passage_ids(DOC)[index]
    text = text_of(DOC, pid)
    start = text.index(phrase) if phrase else 0
    return make_anchor(DOC, pid, start, start + len(phrase) if phrase else len(text))


def test_highlighting_a_span_again_changes_its_label_or_nothing(store) -> None:
    first = store.mark(span(1), "question")
    assert first.change == "added" and first.previous is None
    again = store.mark(span(1), "evidence")
    assert again.change == "changed" and again.previous == first.highlight
    assert again.highlight.id == first.highlight.id and again.highlight.label == "evidence"
    same = store.mark(span(1), "evidence")
    assert same.change == "unchanged" and same.highlight == again.highlight
    assert [h.label for h in store.highlights()] == ["evidence"]


def test_add_highlight_never_duplicates_a_span_and_keeps_the_note(store) -> None:
    noted = store.add_highlight(span(0, "border"), "question", "my note")
    again = store.add_highlight(span(0, "border"), "disagree")
    assert again.id == noted.id
    assert (again.label, again.note) == ("disagree", "my note")
    other = store.add_highlight(span(0, "communities"))
    assert other.id != noted.id
    assert len(store.highlights()) == 2


def test_the_note_of_a_passage_goes_on_its_own_span_first(store) -> None:
    assert store.note_target(span(1)) is None
    part = store.add_highlight(span(1, "benchmarks"))
    assert store.note_target(span(1)) == part  # the passage's only highlight
    whole = store.add_highlight(span(1))
    assert store.note_target(span(1)) == whole  # the one on exactly this span
    assert store.note_target(span(1, "benchmarks")) == part
    assert store.note_target(span(0)) is None


def test_two_windows_highlighting_one_span_at_once_make_one_highlight(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    NoteStore.open(path).close()
    stores = [NoteStore.open(path) for _ in range(4)]
    go = threading.Barrier(len(stores))

    def highlight(store: NoteStore) -> None:
        go.wait()
        for _ in range(10):
            store.mark(span(1), "question")

    threads = [threading.Thread(target=highlight, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(stores[0].highlights()) == 1
    for store in stores:
        store.close()
