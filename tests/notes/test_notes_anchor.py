"""Anchors find their words again after edits: exactly, moved, approximately, or not at all."""

from __future__ import annotations

import pytest
from notes_builders import document, passage_ids, text_of

from brief_tui.notes.anchor import (
    CONTEXT_CHARS,
    Resolution,
    document_hash,
    make_anchor,
    resolve,
)

FIRST = "The migration crisis does not begin at the border; it begins in communities."
SECOND = "Aid should be tied to anti-corruption benchmarks and independent monitoring."
THIRD = "Congress must fund legal pathways, including refugee processing in the region."


def span_text(doc, resolution: Resolution) -> str:
    return text_of(doc, resolution.passage)[resolution.start : resolution.end]


def anchor_on(doc, index: int, phrase: str):
    pid = passage_ids(doc)[index]
    start = text_of(doc, pid).index(phrase)
    return make_anchor(doc, pid, start, start + len(phrase))


def test_make_anchor_records_quote_and_context() -> None:
    doc = document(FIRST, SECOND)
    anchor = anchor_on(doc, 1, "anti-corruption benchmarks")
    assert anchor.document == "doc"
    assert anchor.passage == passage_ids(doc)[1]
    assert anchor.quote == "anti-corruption benchmarks"
    assert anchor.prefix == "Aid should be tied to "
    assert anchor.suffix == " and independent monitoring."
    assert anchor.content_hash == document_hash(doc)


def test_context_is_at_most_32_characters_and_stays_in_the_passage() -> None:
    doc = document(FIRST, SECOND, THIRD)
    anchor = anchor_on(doc, 1, "independent")
    assert len(anchor.prefix) == CONTEXT_CHARS
    assert (
        anchor.prefix
        == SECOND[SECOND.index("independent") - CONTEXT_CHARS : SECOND.index("independent")]
    )
    assert anchor.suffix == " monitoring."


def test_whole_passage_anchor() -> None:
    doc = document(FIRST)
    anchor = make_anchor(doc, passage_ids(doc)[0], 0, len(FIRST))
    assert (anchor.quote, anchor.prefix, anchor.suffix) == (FIRST, "", "")


@pytest.mark.parametrize(
    ("passage", "start", "end"),
    [("p-missing", 0, 3), (None, -1, 3), (None, 5, 5), (None, 6, 5), (None, 0, len(FIRST) + 1)],
)
def test_make_anchor_rejects_bad_ids_and_offsets(passage, start, end) -> None:
    doc = document(FIRST)
    with pytest.raises(ValueError):
        make_anchor(doc, passage or passage_ids(doc)[0], start, end)


def test_document_hash_is_stable_and_tracks_text() -> None:
    assert document_hash(document(FIRST, SECOND)) == document_hash(document(FIRST, SECOND))
    assert document_hash(document(FIRST, SECOND)) != document_hash(document(FIRST, SECOND + "!"))
    assert document_hash(document(FIRST, SECOND)) != document_hash(document(SECOND, FIRST))


def test_unchanged_document_resolves_exactly() -> None:
    doc = document(FIRST, SECOND)
    anchor = anchor_on(doc, 0, "does not begin")
    assert resolve(anchor, doc) == Resolution("exact", anchor.passage, anchor.start, anchor.end)
    assert resolve(anchor, document(FIRST, SECOND)) == resolve(anchor, doc)  # a reloaded copy


def test_editing_another_passage_keeps_it_exact() -> None:
    doc = document(FIRST, SECOND, THIRD)
    anchor = anchor_on(doc, 1, "independent monitoring")
    edited = document("A new opening paragraph.", FIRST.upper(), SECOND)
    assert resolve(anchor, edited) == Resolution("exact", anchor.passage, anchor.start, anchor.end)


def test_moved_to_another_passage() -> None:
    doc = document(FIRST, SECOND, THIRD)
    anchor = anchor_on(doc, 1, "anti-corruption benchmarks")
    # The sentence is cut from the second paragraph and pasted at the end of the third.
    edited = document(FIRST, "Aid matters.", THIRD + " " + SECOND)
    found = resolve(anchor, edited)
    assert found.status == "moved"
    assert found.passage == passage_ids(edited)[2]
    assert span_text(edited, found) == "anti-corruption benchmarks"


def test_moved_within_an_edited_passage() -> None:
    doc = document(FIRST, SECOND)
    anchor = anchor_on(doc, 1, "independent monitoring")
    edited = document(FIRST, "Above all, " + SECOND.replace("Aid", "aid"))
    found = resolve(anchor, edited)
    assert found.status == "moved"
    assert found.passage == passage_ids(edited)[1] != anchor.passage
    assert found.start == anchor.start + len("Above all, ")
    assert span_text(edited, found) == "independent monitoring"


def test_fuzzy_match_after_a_typo_fix() -> None:
    typo = "Donors should condition budget support on transparent goverment procurement rules."
    doc = document(FIRST, typo)
    anchor = anchor_on(doc, 1, "transparent goverment procurement")
    edited = document(FIRST, typo.replace("goverment", "government"))
    found = resolve(anchor, edited)
    assert found.status == "moved"
    assert found.passage == passage_ids(edited)[1]
    assert span_text(edited, found).strip() in "transparent government procurement"
    assert "government procurement" in span_text(edited, found)


def test_short_quote_follows_a_typo_fix_when_its_context_survives() -> None:
    doc = document(FIRST, "Fund the shelterz now, before winter arrives in the north.")
    anchor = anchor_on(doc, 1, "shelterz")
    edited = document(FIRST, "Fund the shelters now, before winter arrives in the north.")
    found = resolve(anchor, edited)
    assert found.status == "moved"
    assert found.passage == passage_ids(edited)[1]
    assert span_text(edited, found) == "shelters"


def test_short_quote_without_its_context_is_orphaned() -> None:
    doc = document(FIRST, "Fund shelters.")
    anchor = anchor_on(doc, 1, "shelters")
    # The words survive only in a different sentence, with different surroundings.
    edited = document(FIRST, "Border communities need shelter space and legal aid funding.")
    assert resolve(anchor, edited).status == "orphaned"


def test_whole_passage_that_shrank_is_still_found() -> None:
    doc = document(FIRST, SECOND)
    anchor = make_anchor(doc, passage_ids(doc)[1], 0, len(SECOND))
    edited = document(FIRST, SECOND.replace("independent ", ""))
    found = resolve(anchor, edited)
    assert found == Resolution(
        "moved", passage_ids(edited)[1], 0, len(text_of(edited, passage_ids(edited)[1]))
    )


def test_long_quote_with_a_changed_word_is_found() -> None:
    long_text = " ".join([FIRST, SECOND, THIRD] * 4)
    doc = document("Heading", long_text, "Another paragraph about something else entirely.")
    anchor = make_anchor(doc, passage_ids(doc)[1], 0, len(long_text))
    edited = document("Heading", long_text.replace("Congress", "Parliament", 1), "Another one.")
    found = resolve(anchor, edited)
    assert found.status == "moved"
    assert found.passage == passage_ids(edited)[1]
    assert found.end - found.start > 0.9 * len(long_text)


def test_orphaned_when_the_text_is_gone() -> None:
    doc = document(FIRST, SECOND, THIRD)
    anchor = anchor_on(doc, 1, "anti-corruption benchmarks")
    edited = document(FIRST, THIRD)
    assert resolve(anchor, edited) == Resolution("orphaned", None, 0, 0)


def test_missing_document_is_orphaned() -> None:
    doc = document(FIRST)
    assert resolve(anchor_on(doc, 0, "border"), None) == Resolution("orphaned", None, 0, 0)


def test_repeated_quote_is_told_apart_by_its_context() -> None:
    text = "Fund the program now. Later, cut the program entirely."
    doc = document(text, SECOND)
    second = text.rindex("the program")
    anchor = make_anchor(doc, passage_ids(doc)[0], second, second + len("the program"))
    edited = document("Please " + text, SECOND)
    found = resolve(anchor, edited)
    assert found == Resolution("moved", passage_ids(edited)[0], second + 7, second + 18)


def test_same_passage_is_preferred_over_other_passages() -> None:
    doc = document("the plan works", "yet the plan fails", "the plan again")
    anchor = make_anchor(doc, passage_ids(doc)[1], 4, 12)
    edited = document("the plan works", "the plan again", "yet the plan fails")
    assert resolve(anchor, edited) == Resolution("exact", passage_ids(doc)[1], 4, 12)
