"""The in-memory index: postings in arrays, built from the entries at every start.

The reader uses the catalog's FTS5 index (`brief_tui.catalog.fts_index`) when SQLite has
FTS5, and this where it does not; small sets of entries (the palette, notes) use this too.
The ranking itself is shared: `brief_tui.search.ranking`.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable, Sequence

from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.wordmatch import document_words, matches_all, words
from brief_tui.search.entries import Entry
from brief_tui.search.query import Query
from brief_tui.search.ranking import (
    EXACT,
    EXACT_BONUS,
    FUZZY,
    MAX_COMPLETIONS,
    ORDER_BONUS,
    PREFIX,
    Hit,
    Narrowing,
    Norms,
    RankedSearch,
)
from brief_tui.search.text import WORD, fold, tokens

__all__ = [
    "EXACT",
    "EXACT_BONUS",
    "FUZZY",
    "MAX_COMPLETIONS",
    "ORDER_BONUS",
    "PREFIX",
    "Hit",
    "SearchIndex",
    "documents_matching",
]

_EMPTY = array("I")


class SearchIndex(RankedSearch):
    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries
        lists: dict[str, list[int]] = {}
        self._folded: list[str] = []
        lengths: list[int] = []
        for index, entry in enumerate(entries):
            found = tokens(entry.text)
            lengths.append(len(found))
            self._folded.append(" ".join(WORD.findall(fold(entry.text))))
            for word in set(found):
                lists.setdefault(word, []).append(index)
        self._postings = {word: array("I", ids) for word, ids in lists.items()}
        self.vocabulary = sorted(lists)
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._norm = norms_of(lengths)
        self._by_pillar = {
            p: {i for i, e in enumerate(entries) if p in e.pillars} for p in PILLAR_IDS
        }
        self._recommendations = {i for i, e in enumerate(entries) if e.recommendation}
        self._by_kind: dict[str, set[int]] = {}
        self._by_type: dict[str, set[int]] = {}
        for i, entry in enumerate(entries):
            if entry.recommendation and entry.recommendation_kind:
                self._by_kind.setdefault(entry.recommendation_kind, set()).add(i)
            self._by_type.setdefault(entry.source_type, set()).add(i)
        # The words a `d:` filter is matched against, per document: from its title entry, or
        # (for an index of notes, which has none) from what each entry says of its document.
        self._document_words = {
            e.document: document_words(
                e.document, e.document_title, [e.organisations], e.document_kind
            )
            for e in entries
            if e.kind == "title"
        }
        for e in entries:
            if e.document not in self._document_words:
                self._document_words[e.document] = document_words(
                    e.document, e.document_title, [e.organisations], e.document_kind
                )
        self._by_document: dict[str, set[int]] = {}
        for i, entry in enumerate(entries):
            self._by_document.setdefault(entry.document, set()).add(i)

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        return cls(entries)

    # Storage -------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.entries)

    def postings(self, word: str) -> Sequence[int]:
        return self._postings.get(word, _EMPTY)

    def has_word(self, word: str) -> bool:
        return word in self._postings

    def completions(self, start: str) -> list[str]:
        first = bisect.bisect_left(self.vocabulary, start)
        found = []
        for candidate in self.vocabulary[first:]:
            if not candidate.startswith(start):
                break
            found.append(candidate)
        found.sort(key=lambda w: -len(self._postings[w]))
        return found

    def words_of_length(self, length: int) -> list[str]:
        return self._by_length.get(length, [])

    def norms(self, ids: Iterable[int]) -> Norms:
        return self._norm

    def folded(self, ids: Iterable[int]) -> Sequence[str]:  # type: ignore[override]
        return self._folded

    def entry(self, i: int) -> Entry:
        return self.entries[i]

    # Filters -------------------------------------------------------------------------------

    def allowed(self, query: Query, scope: str | None) -> set[int] | None:
        allowed = Narrowing()
        narrow = allowed.to

        if query.documents:
            matched: set[int] = set()
            for doc in documents_matching(self._document_words, query.documents):
                matched |= self._by_document[doc]
            narrow(matched)
        if scope is not None:
            narrow(self._by_document.get(scope, set()))
        for pillar in query.pillars:
            narrow(self._by_pillar[pillar])
        if query.recommendations_only:
            narrow(self._recommendations)
        if query.kinds:  # kind:ask kind:commitment: either kind
            narrow(set().union(*(self._by_kind.get(k, set()) for k in query.kinds)))
        if query.source_types:
            narrow(set().union(*(self._by_type.get(t, set()) for t in query.source_types)))
        if query.notes_only:
            kinds = ("note", "highlight", "bookmark")
            narrow({i for i, e in enumerate(self.entries) if e.kind in kinds})
        return allowed.ids


def norms_of(lengths: list[int]) -> list[float]:
    """A mild length norm per entry, so a short title is not outranked by a long passage
    that merely mentions the word."""
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    return [1.0 / (0.75 + 0.25 * math.sqrt((n or 1) / average)) for n in lengths]


def documents_matching(
    document_words: dict[str, frozenset[str]],
    values: tuple[str, ...],
) -> set[str]:
    """Documents any `d:` value names: each of its words begins a word of the document's
    id, title, organisations or kind, or (5+ letters) is a near miss of one."""
    matched = set()
    for value in values:
        typed = words(value)
        if typed:
            matched |= {
                doc
                for doc, fields in document_words.items()
                if matches_all(typed, fields, typos=True)
            }
    return matched
