"""The index and the ranking.

Each word maps to the entries containing it. A query word stands for the vocabulary words it
matches exactly, as the prefix of a word still being typed, or within a small edit distance
(`rapidfuzz.fuzz.ratio` over words of similar length), each with a weight: exact 1.0, prefix
0.85, fuzzy at most 0.7, times the word's rarity. Entries matching every query word rank
first; then the summed weights, a bonus for the words in the typed order and for all-exact
matches, and a mild length norm so a short title is not outranked by a long passage that
merely mentions the word.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.wordmatch import document_words, matches_all, words
from brief_tui.search.entries import Entry
from brief_tui.search.query import Query, parse_query
from brief_tui.search.text import WORD, fold, match_spans, snippet, tokens

EXACT, PREFIX, FUZZY = 1.0, 0.85, 0.7
ORDER_BONUS = 1.5  # per word, when the words occur in the order typed
EXACT_BONUS = 1.0
MAX_COMPLETIONS = 24


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    exact: bool  # every query word matched exactly, or the phrase did
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matched words, in `snippet` coordinates
    words: frozenset[str]  # the vocabulary words that matched, for highlighting elsewhere


class SearchIndex:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        lists: dict[str, list[int]] = {}
        self._folded: list[str] = []
        lengths: list[int] = []
        for index, entry in enumerate(entries):
            words = tokens(entry.text)
            lengths.append(len(words))
            self._folded.append(" ".join(WORD.findall(fold(entry.text))))
            for word in set(words):
                lists.setdefault(word, []).append(index)
        self.postings = {word: array("I", ids) for word, ids in lists.items()}
        self.vocabulary = sorted(lists)
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._norm = [1.0 / (0.75 + 0.25 * math.sqrt((n or 1) / average)) for n in lengths]
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
        # The words a `d:` filter is matched against, per document.
        self._document_words = {
            e.document: document_words(
                e.document, e.document_title, [e.organisations], e.document_kind
            )
            for e in entries
            if e.kind == "title"
        }
        self._by_document: dict[str, set[int]] = {}
        for i, entry in enumerate(entries):
            self._by_document.setdefault(entry.document, set()).add(i)
        self.expand = lru_cache(maxsize=8192)(self._expand)

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        return cls(entries)

    # Which vocabulary words a query word stands for ----------------------------------------

    def _expand(self, word: str, typing: bool) -> tuple[tuple[str, float], ...]:
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = EXACT
        if typing and len(word) >= 2:
            start = bisect.bisect_left(self.vocabulary, word)
            completions = []
            for candidate in self.vocabulary[start:]:
                if not candidate.startswith(word):
                    break
                completions.append(candidate)
            completions.sort(key=lambda w: -len(self.postings[w]))
            # A two-letter start could be anything: follow only its commonest completions.
            for candidate in completions[: min(MAX_COMPLETIONS, 4 * len(word))]:
                found.setdefault(candidate, PREFIX)
        # Typo tolerance is for words the corpus does not have: 'police' must not also
        # match 'policy'.
        if len(word) >= 4 and word not in self.postings:
            from rapidfuzz import fuzz, process  # only for typos: keeps start-up light

            pool = [
                w for n in range(len(word) - 2, len(word) + 3) for w in self._by_length.get(n, ())
            ]
            cutoff = 80 if len(word) >= 6 else 85
            for candidate, score, _ in process.extract(
                word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                found.setdefault(candidate, FUZZY * (score - 50) / 50)
        return tuple(found.items())

    def _weights(self, word: str, typing: bool) -> dict[int, float]:
        """Entry -> the best weight with which `word` matches it."""
        total = len(self.entries) or 1
        expansions = self.expand(word, typing)
        # Completions of an unfinished word share one rarity (that of the commonest), so a rare
        # completion does not outrank the word the person is most likely typing.
        prefix_df = max((len(self.postings[c]) for c, q in expansions if q == PREFIX), default=1)
        weighted = sorted(
            (
                (q * math.log(1 + total / (prefix_df if q == PREFIX else len(self.postings[c]))), c)
                for c, q in expansions
            ),
            reverse=True,
        )
        best: dict[int, float] = {}
        for weight, candidate in weighted:  # weakest last: dict.update keeps the strongest
            ids = self.postings[candidate]
            if not best:
                best = dict.fromkeys(ids, weight)
            else:
                weaker = dict.fromkeys(ids, weight)
                weaker.update(best)
                best = weaker
        return best

    # Filters -------------------------------------------------------------------------------

    def _allowed(self, query: Query, scope: str | None) -> set[int] | None:
        allowed: set[int] | None = None

        def narrow(ids: set[int]) -> None:
            nonlocal allowed
            allowed = set(ids) if allowed is None else allowed & ids

        if query.documents:
            matched: set[int] = set()
            for doc in self._documents_matching(query.documents):
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
        return allowed

    def _documents_matching(self, values: tuple[str, ...]) -> set[str]:
        """Documents any `d:` value names: each of its words begins a word of the document's
        id, title, organisations or kind, or (5+ letters) is a near miss of one."""
        matched = set()
        for value in values:
            typed = words(value)
            if typed:
                matched |= {
                    doc
                    for doc, fields in self._document_words.items()
                    if matches_all(typed, fields, typos=True)
                }
        return matched

    # Searching -----------------------------------------------------------------------------

    def search(
        self,
        text: str | Query,
        *,
        limit: int = 50,
        scope: str | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[Hit]:
        """Ranked hits; `scope` keeps one document; `cancelled` lets a newer keystroke stop it."""
        query = parse_query(text) if isinstance(text, str) else text
        allowed = self._allowed(query, scope)
        if query.empty:
            if allowed is None:
                return []
            return [self._hit(i, 0.0, True, query, frozenset()) for i in sorted(allowed)[:limit]]
        words = list(
            dict.fromkeys(query.words + tuple(w for p in query.phrases for w in p.split()))
        )
        per_word = []
        for position, word in enumerate(words):
            typing = query.typing and not query.phrases and position == len(query.words) - 1
            per_word.append(self._weights(word, typing))
            if cancelled():
                return []
        candidates = set(per_word[0]).intersection(*per_word[1:])
        if allowed is not None:
            candidates &= allowed
        if query.phrases:
            candidates = {i for i in candidates if all(p in self._folded[i] for p in query.phrases)}
        if len(candidates) < limit and len(words) > 1 and not query.phrases:
            # Nothing (or little) matches every word: also show what matches most of them.
            others = self._partial_matches(per_word) - candidates
            if allowed is not None:
                others &= allowed
            candidates |= others
        scored: dict[int, float] = {}
        counts: dict[int, int] | None = {} if len(words) > 1 else None
        for n, i in enumerate(candidates):
            if n % 4096 == 4095 and cancelled():
                return []
            total = 0.0
            matched = 0
            for weights in per_word:
                weight = weights.get(i)
                if weight is not None:
                    total += weight
                    matched += 1
            scored[i] = total * self._norm[i]
            if counts is not None:
                counts[i] = matched
        shortlist = heapq.nlargest(
            max(limit * 4, 100),
            candidates,
            key=lambda i: (counts[i] if counts else 1, scored[i]),
        )
        ordered = " ".join(query.words)
        ranked: list[tuple[float, int, bool]] = []
        for i in shortlist:
            score = scored[i]
            present = set(self._folded[i].split())
            exact = all(w in present for w in words)
            if exact:
                score += EXACT_BONUS
            if len(query.words) > 1 and ordered in self._folded[i]:
                score += ORDER_BONUS * len(query.words)
            matched = counts[i] if counts else 1
            ranked.append((matched * 100 + score, i, exact or bool(query.phrases)))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        return [
            self._hit(i, score, exact, query, self._matched_words(i, words, query.typing))
            for score, i, exact in ranked[:limit]
        ]

    def _partial_matches(self, per_word: list[dict[int, float]]) -> set[int]:
        """Entries matching some of the query words, found through the selective words only:
        a word in a tenth of the corpus or more ('migration') cannot tell entries apart, and
        the union of such words would be most of the corpus."""
        rare_limit = max(50, len(self.entries) // 10)
        smallest = min(per_word, key=len)  # type: ignore[arg-type]
        selective = [set(w) for w in per_word if len(w) <= rare_limit] or [set(smallest)]
        found = set().union(*selective)
        if len(found) > 5000 and len(selective) > 1:
            # Still too broad: keep entries that match at least two of the selective words.
            found = set().union(
                *(a & b for n, a in enumerate(selective) for b in selective[n + 1 :])
            )
        return found

    def _matched_words(self, i: int, words: list[str], typing: bool) -> frozenset[str]:
        present = set(self._folded[i].split())
        matched = set()
        for position, word in enumerate(words):
            last = typing and position == len(words) - 1
            matched |= {c for c, _ in self.expand(word, last) if c in present}
        return frozenset(matched)

    def _hit(self, i: int, score: float, exact: bool, query: Query, words: frozenset[str]) -> Hit:
        entry = self.entries[i]
        text, spans = snippet(entry.text, match_spans(entry.text, set(words), query.phrases))
        return Hit(entry, round(score, 3), exact, text, spans, words)
