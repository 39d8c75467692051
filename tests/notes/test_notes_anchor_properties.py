"""Properties of resolution over random documents and random edits (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from notes_builders import document, passage_ids, text_of
from rapidfuzz import fuzz

from brief_tui.notes.anchor import Resolution, make_anchor, resolve

# A tiny alphabet makes repeated quotes (and so tie-breaking) common; the wide one brings
# in any Unicode, including the NUL used internally to join passages.
SMALL = st.text(alphabet="ab .", min_size=1, max_size=40)
WIDE = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80)
WORDS = "abcdefghijklmnopqrstuvwxyz  ,."
WORDY = st.text(alphabet=WORDS, min_size=1, max_size=120)
TEXT = st.one_of(SMALL, WIDE, WORDY)
INSERT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def anchored(draw, min_quote: int = 1):
    """(texts, passage index, anchor) for a random span of a random document."""
    texts = draw(st.lists(TEXT, min_size=1, max_size=6))
    index = draw(st.integers(0, len(texts) - 1))
    if len(texts[index]) < min_quote:
        texts[index] += draw(st.text(alphabet=WORDS, min_size=min_quote, max_size=min_quote + 80))
    text = texts[index]
    start = draw(st.integers(0, len(text) - min_quote))
    end = draw(st.integers(start + min_quote, len(text)))
    doc = document(*texts)
    return texts, index, make_anchor(doc, passage_ids(doc)[index], start, end)


def well_formed(resolution: Resolution, doc) -> None:
    assert resolution.status in ("exact", "moved", "orphaned")
    if resolution.status == "orphaned":
        assert resolution == Resolution("orphaned", None, 0, 0)
        return
    text = text_of(doc, resolution.passage)
    assert 0 <= resolution.start < resolution.end <= len(text)


def edit(draw, text: str, lo: int, hi: int) -> str:
    """One insertion, deletion or replacement inside text[lo:hi] (hi may equal lo: insert)."""
    at = draw(st.integers(lo, hi))
    kind = draw(st.sampled_from(["insert", "delete", "replace"]))
    if kind == "insert" or at == hi:
        return text[:at] + draw(INSERT) + text[at:]
    stop = draw(st.integers(at + 1, hi))
    middle = draw(INSERT) if kind == "replace" else ""
    return text[:at] + middle + text[stop:]


@given(anchored())
@SETTINGS
def test_unchanged_text_resolves_exactly_at_the_same_offsets(case) -> None:
    texts, _, anchor = case
    assert resolve(anchor, document(*texts)) == Resolution(
        "exact", anchor.passage, anchor.start, anchor.end
    )


@given(anchored(), st.data())
@SETTINGS
def test_edits_around_a_quote_never_lose_it(case, data) -> None:
    texts, index, anchor = case
    texts, start = list(texts), anchor.start
    for _ in range(data.draw(st.integers(1, 5))):
        kind = data.draw(st.sampled_from(["before", "after", "other", "add", "remove"]))
        end = start + len(anchor.quote)
        if kind == "before":
            edited = edit(data.draw, texts[index], 0, start)
            start += len(edited) - len(texts[index])
            texts[index] = edited
        elif kind == "after":
            texts[index] = edit(data.draw, texts[index], end, len(texts[index]))
        elif kind == "other" and len(texts) > 1:
            other = data.draw(st.sampled_from([i for i in range(len(texts)) if i != index]))
            texts[other] = edit(data.draw, texts[other], 0, len(texts[other]))
        elif kind == "add":
            at = data.draw(st.integers(0, len(texts)))
            texts.insert(at, data.draw(TEXT))
            index += at <= index
        elif kind == "remove" and len(texts) > 1:
            at = data.draw(st.sampled_from([i for i in range(len(texts)) if i != index]))
            del texts[at]
            index -= at < index
    assert texts[index][start : start + len(anchor.quote)] == anchor.quote  # the test's own check
    doc = document(*texts)
    found = resolve(anchor, doc)
    well_formed(found, doc)
    assert found.status in ("exact", "moved")
    assert text_of(doc, found.passage)[found.start : found.end] == anchor.quote


@given(anchored(min_quote=20), st.data())
@SETTINGS
def test_a_small_edit_inside_a_quote_moves_it_or_orphans_it_but_never_raises(case, data) -> None:
    texts, index, anchor = case
    texts = list(texts)
    text = texts[index]
    at = anchor.start + data.draw(st.integers(0, len(anchor.quote) - 1))
    replacement = data.draw(
        st.characters(exclude_categories=("Cs",)).filter(lambda c: c != text[at])
    )
    texts[index] = text[:at] + replacement + text[at + 1 :]
    doc = document(*texts)
    found = resolve(anchor, doc)
    well_formed(found, doc)
    if found.status != "orphaned":
        span = text_of(doc, found.passage)[found.start : found.end]
        assert fuzz.partial_ratio(anchor.quote, span) >= 80
