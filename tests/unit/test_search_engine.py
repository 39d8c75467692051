"""The search engine: ranking, typos, phrases, filters, and hostile queries."""

from __future__ import annotations

import pytest

from brief_tui import locations
from brief_tui.corpus.library import load_library
from brief_tui.search import Entry, SearchIndex, library_entries, parse_query


@pytest.fixture(scope="module", params=["in memory", "catalog"])
def index(request, tmp_path_factory) -> SearchIndex:
    """Both engines answer every test here: the in-memory index (where SQLite has no FTS5)
    and the catalog's FTS5 index."""
    if request.param == "in memory":
        library = load_library((locations.content_dir(), "bundled"))
        return SearchIndex.build(library_entries(library))
    from brief_tui.catalog.fts_index import CatalogIndex
    from brief_tui.catalog.store import open_catalog

    catalog = open_catalog(tmp_path_factory.mktemp("cache"), [(locations.content_dir(), "bundled")])
    return CatalogIndex(catalog)  # type: ignore[return-value]


def top(index: SearchIndex, query: str, n: int = 3) -> list[str]:
    return [hit.entry.text for hit in index.search(query, limit=n)]


# A labelled query set: each query -> the start of a passage that must be in the top 3.
LABELLED = [
    ("the $130 million", "A $130 million investment over three years"),
    ("COMAR", "COMAR"),
    ("anti-impunity", "Prioritize anti-impunity, rule of law"),
    ("corruptoin task force", "Recently, I travelled to Guatemala"),
    ("asylim mexico", "2. Ensure access to asylum in Mexico."),
    ("militery police asistance", "Militarized security policy"),
    ("gender based violence", "Pillar V: Combating sexual, gender-based, and domestic violence"),
    ("suspend police assistance", "Militarized security policy"),
    ("remain in mexico", "For instance, over 11,000 asylum seekers"),
    ("title 42", "Meanwhile, one of the chief policies enacted under Trump"),
    ("civilian law enforcement", "Focus security-related funding"),
    ("lopez obrador", "In 2019, the López Obrador administration"),
]


@pytest.mark.parametrize(("query", "expected"), LABELLED)
def test_labelled_queries_find_the_right_passage_in_the_top_three(index, query, expected) -> None:
    assert any(text.startswith(expected) or expected in text for text in top(index, query)), top(
        index, query
    )


def test_exact_matches_rank_above_fuzzy_ones(index) -> None:
    hits = index.search("asylum mexico ", limit=10)
    assert hits[0].exact
    fuzzy = index.search("asylim mexico ", limit=10)
    assert not fuzzy[0].exact
    assert hits[0].score > fuzzy[0].score


def test_a_short_title_is_not_outranked_by_long_passages(index) -> None:
    hits = index.search("collaborating with mexico", limit=3)
    assert hits[0].entry.text == "Collaborating with Mexico"


def test_phrase_requires_the_words_in_order(index) -> None:
    hits = index.search('"task force"', limit=50)
    assert hits and all("task force" in h.entry.text.lower() for h in hits)
    assert not index.search('"force task"', limit=50)


def test_pillar_document_and_recommendation_filters(index) -> None:
    hits = index.search("p:II rec corruption", limit=100)
    assert hits and all("II" in h.entry.pillars and h.entry.recommendation for h in hits)
    wola = index.search("d:wola asylum", limit=100)
    assert wola and {h.entry.document for h in wola} <= {
        "wola-central-america-trips",
        "wola-beyond-the-wall-root-causes",
    }
    scoped = index.search("asylum", scope="coalition-root-causes-statement", limit=100)
    assert {h.entry.document for h in scoped} == {"coalition-root-causes-statement"}


def test_filters_alone_list_matching_passages(index) -> None:
    hits = index.search("p:V", limit=100)
    assert hits and all("V" in h.entry.pillars for h in hits)


def test_the_last_word_is_completed_while_typing(index) -> None:
    assert top(index, "anticorr")[0].startswith("Recently, I travelled to Guatemala")
    assert parse_query("anticorr").typing and not parse_query("anticorr ").typing


def test_snippets_mark_the_matched_words(index) -> None:
    hit = index.search("COMAR", limit=1)[0]
    assert hit.spans
    assert all(hit.snippet[a:b].lower() == "comar" for a, b in hit.spans)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "(((",
        "[bold]x[/bold]",
        ".*",
        "\\d+",
        "\x1b[31m",
        '"',
        '""',
        "p:",
        "d:",
        "p:IX",
        "🇭🇳",
        "a" * 10_000,
        "x " * 3000,
    ],
)
def test_absurd_queries_are_harmless(index, query) -> None:
    hits = index.search(query, limit=5)
    assert isinstance(hits, list)


def test_markup_characters_are_just_not_words(index) -> None:
    assert index.search("[link=x]corruption[/link]", limit=3) == index.search(
        "link corruption", limit=3
    )


def test_accents_are_optional() -> None:
    entries = [Entry("passage", "d", "D", "", "S", "p-1", "Andrés Manuel López Obrador met COMAR.")]
    index = SearchIndex.build(entries)
    assert index.search("andres lopez", limit=1)
    assert index.search("López", limit=1)


def test_a_stale_search_can_be_cancelled(index) -> None:
    assert index.search("asylum", cancelled=lambda: True) == []


def documents_for(index: SearchIndex, query: str) -> set[str]:
    return {hit.entry.document for hit in index.search(query, limit=1000)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Words of the id, not letters inside them: 'us' is in 'causes' but begins no word there.
        ("d:us", {"us-root-causes-strategy", "us-root-causes-web-page"}),
        # Word starts of titles and ids.
        (
            "d:cent",
            {
                "wola-central-america-trips",
                "us-root-causes-strategy",
                "wola-beyond-the-wall-root-causes",
            },
        ),
        ("d:commentary", {"wola-central-america-trips"}),  # the kind
        ("d:joint", {"coalition-root-causes-statement"}),
        ("d:cispes", {"coalition-root-causes-statement"}),  # an organisation
        ("d:central-america-trips", {"wola-central-america-trips"}),  # every word must match
        ("d:stratgey", {"us-root-causes-strategy", "us-root-causes-web-page"}),  # a typo
        ("d:wloa", set()),  # no typo tolerance for short words
        ("d:ses", set()),  # nor for inner letters ('causes', 'statement')
    ],
)
def test_document_filter_matches_words_and_word_starts(index, query: str, expected) -> None:
    assert documents_for(index, query) == expected
