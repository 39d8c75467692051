"""The ranking's shortcuts over large candidate sets give exactly what scoring every
candidate gives: same hits, same order, same scores, same snippets."""

from __future__ import annotations

import random

import pytest

from brief_tui.search import Entry, SearchIndex, ranking
from brief_tui.search.ranking import RankedSearch

COMMON = "migration border asylum security governance corruption".split()
RARE = "migrants migratory bordering asylums securities governments".split()
FILLER = "the a of regional programs support local communities funding years".split()


def entries(count: int = 3000, seed: int = 7) -> list[Entry]:
    """Passages of many lengths (so norms differ, and many are equal) over a small
    vocabulary, so that common words hold most entries and prefixes have completions."""
    rng = random.Random(seed)
    made = []
    for n in range(count):
        words = rng.choices(COMMON, k=rng.randint(1, 4))
        words += rng.choices(RARE, k=rng.randint(0, 1))
        words += rng.choices(FILLER, k=rng.choice((2, 2, 5, 9, 14, 30)))
        if n % 300 == 0:
            words.append("tegucigalpa")  # a rare word: few entries hold it and another
        rng.shuffle(words)
        made.append(
            Entry(
                "passage",
                f"d{n % 40}",
                f"Doc {n % 40}",
                "",
                "S",
                f"p-{n:06x}",
                " ".join(words),
                pillars=("II",) if n % 3 == 0 else ("I",),
                recommendation=n % 4 == 0,
            )
        )
    return made


def every_candidate_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RankedSearch, "_best_by_levels", lambda self, *a: a[3])
    monkeypatch.setattr(ranking, "SUMS_FROM", 10**9)  # each word counted over the candidates
    monkeypatch.setattr(RankedSearch, "_able_to_place", staticmethod(lambda counts, n: set(counts)))


QUERIES = [
    "mi",
    "migr",
    "migration",
    "migration border",
    "migration bor",
    "asylum securit",
    "border governance corruption",
    "goverment",  # a typo: several fuzzy weights
    "migratoin bord",  # a typo and a word being typed: two varying words
    "rec migration",
    "p:II migration bor",
    "tegucigalpa corruption securities",  # few match all: the partial matches too
    "border asylu",  # 'asylums' is in few of the candidates: its level is walked to the end
    "regional asylu",
]


@pytest.mark.parametrize("query", QUERIES)
def test_shortcuts_rank_as_scoring_everything(query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    index = SearchIndex.build(entries())
    monkeypatch.setattr(ranking, "SUMS_FROM", 0)  # the earlier words' sums, whatever the count
    fast = index.search(query, limit=20)
    with monkeypatch.context() as patched:
        every_candidate_scored(patched)
        index.forget()
        full = index.search(query, limit=20)
    assert len(full) > 0
    assert [(h.entry.passage, h.score, h.snippet, h.spans) for h in fast] == [
        (h.entry.passage, h.score, h.snippet, h.spans) for h in full
    ]


@pytest.mark.parametrize("kept_from", [0, 10**9])
def test_typing_a_query_gives_at_each_keystroke_what_a_fresh_search_gives(
    kept_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is kept between keystrokes (each word's entries, the earlier words' union, its
    pairs and sums) never changes an answer: every prefix, typed in order, then erased back
    to a word and typed again differently, ranks as it does searched alone."""
    monkeypatch.setattr(ranking, "SUMS_FROM", kept_from)
    monkeypatch.setattr(ranking, "PAIRS_FROM", kept_from)
    typed = SearchIndex.build(entries())
    fresh = SearchIndex.build(entries())
    query = "tegucigalpa securities corruption migratory"
    other = "tegucigalpa securities bordering asylum regional"
    steps = [query[:end] for end in range(1, len(query) + 1)]
    steps += [query[:end] for end in range(len(query) - 1, 21, -1)]
    steps += [other[:end] for end in range(22, len(other) + 1)]
    for prefix in steps:
        fresh.forget()
        alone = fresh.search(prefix, limit=20)
        assert [(h.entry.passage, h.score) for h in typed.search(prefix, limit=20)] == [
            (h.entry.passage, h.score) for h in alone
        ], prefix
