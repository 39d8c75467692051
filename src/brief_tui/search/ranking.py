"""The ranking, over any storage of postings (in memory, or the catalog's FTS5 tables).

Each word maps to the entries containing it. A query word stands for the vocabulary words it
matches exactly, as the prefix of a word still being typed, or within a small edit distance
(`rapidfuzz.fuzz.ratio` over words of similar length), each with a weight: exact 1.0, prefix
0.85, fuzzy at most 0.7, times the word's rarity. Entries matching every query word rank
first; then the summed weights, a bonus for the words in the typed order and for all-exact
matches, and a mild length norm so a short title is not outranked by a long passage that
merely mentions the word.
"""

from __future__ import annotations

import heapq
import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Protocol, TypeVar

from brief_tui.search.entries import Entry
from brief_tui.search.query import Query, parse_query
from brief_tui.search.text import match_spans, snippet

EXACT, PREFIX, FUZZY = 1.0, 0.85, 0.7
ORDER_BONUS = 1.5  # per word, when the words occur in the order typed
EXACT_BONUS = 1.0
MAX_COMPLETIONS = 24
RECENT_WORDS = 24
PREFIX_MASS = 12_000  # entries a word being typed may stand for through its completions
# From how many candidates on the earlier words' matches are counted and summed once, over
# every entry they match, and kept while the last word is typed: counting each word over the
# candidates again at every keystroke costs more (a query of 20 words, measured with
# bench/catalog_search.py).
SUMS_FROM = 2000
SUMS_KEPT = 2
# Past this many entries matching some of a query's selective words, only those matching two
# of them are partial matches.
PAIRS_FROM = 5000

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    exact: bool  # every query word matched exactly, or the phrase did
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matched words, in `snippet` coordinates
    words: frozenset[str]  # the vocabulary words that matched, for highlighting elsewhere


class Norms(Protocol):
    def __getitem__(self, i: int, /) -> float: ...

    def __len__(self) -> int: ...


class Narrowing:
    """The entries every filter applied so far allows (`ids` is None until one is): each
    storage's `allowed` narrows one of these filter by filter."""

    def __init__(self) -> None:
        self.ids: set[int] | None = None

    def to(self, ids: set[int]) -> None:
        """Keep only `ids` (copied, so the storage's own sets are never changed)."""
        self.ids = set(ids) if self.ids is None else self.ids & ids


class WordMatches:
    """The entries one query word matches, with the weight of each; the set of their ids
    is made once, when first asked for, and kept with the weights: a query of many words
    typed a character at a time unites the same words' entries at every keystroke."""

    __slots__ = ("_ids", "weights")

    def __init__(self, weights: dict[int, float]) -> None:
        self.weights = weights
        self._ids: frozenset[int] | None = None

    @property
    def ids(self) -> frozenset[int]:
        if self._ids is None:
            self._ids = frozenset(self.weights)
        return self._ids


class UnitedWords:
    """Some words' entries united, and (worked out when first asked for) the entries that
    at least two of them match."""

    def __init__(
        self,
        sets: list[frozenset[int]],
        every: set[int] | None = None,
        pairs: set[int] | None = None,
    ) -> None:
        self.sets = sets
        self.every: set[int] = set().union(*sets) if every is None else every
        self._pairs = pairs

    def pairs(self) -> set[int]:
        if self._pairs is None:
            sets = self.sets
            self._pairs = set().union(*(a & b for n, a in enumerate(sets) for b in sets[n + 1 :]))
        return self._pairs

    def and_one_more(self, ids: frozenset[int]) -> UnitedWords:
        """These words and the next one typed: the pairs grow by the entries it shares with
        any of these, so a word more costs its own entries, not every pair again."""
        pairs = None if self._pairs is None else self._pairs | (ids & self.every)
        return UnitedWords([*self.sets, ids], self.every | ids, pairs)


class WordSums:
    """For every entry some words match: how many of them it matches, and their weights
    summed in the words' order (the order the scoring adds them in, so each sum is the same
    float whichever way it was reached)."""

    __slots__ = ("counts", "totals")

    def __init__(self, counts: Counter[int] | None = None, totals: dict[int, float] | None = None):
        self.counts: Counter[int] = counts if counts is not None else Counter()
        self.totals: dict[int, float] = totals if totals is not None else {}

    def copy(self) -> WordSums:
        return WordSums(self.counts.copy(), dict(self.totals))

    def add(self, weights: dict[int, float]) -> None:
        """Count and sum one more word (after the others)."""
        self.counts.update(weights.keys())
        totals = self.totals
        get = totals.get
        for i, weight in weights.items():
            totals[i] = get(i, 0.0) + weight


class RankedSearch:
    """Ranked search over entries numbered by int ids; subclasses say where postings live."""

    def __init__(self) -> None:
        self.expand = lru_cache(maxsize=8192)(self._expand)
        # The last few words' weights: typing the third word must not weigh the first two again.
        self._recent: OrderedDict[tuple[str, bool], WordMatches] = OrderedDict()
        self._recent_lock = threading.Lock()  # searches may run in two threads at once
        self._by_norm: Sequence[int] | None = None
        # The selective words' entries, united, for the last few sets of words a query kept
        # while its last word was typed (see `_partial_matches`).
        self._unions: OrderedDict[tuple[tuple[str, bool], ...], UnitedWords] = OrderedDict()
        # All but the last word of the last queries, counted and summed (see `_sums_of`).
        self._sums: OrderedDict[tuple[tuple[str, bool], ...], WordSums] = OrderedDict()

    def forget(self) -> None:
        """Drop what was worked out from the entries (they changed)."""
        self.expand.cache_clear()
        with self._recent_lock:
            self._recent.clear()
            self._unions.clear()
            self._sums.clear()
            self._by_norm = None

    # What a storage provides ---------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many entries there are."""
        raise NotImplementedError

    def postings(self, word: str) -> Sequence[int]:
        """The ids of the entries holding `word`, in any order (empty for a word not in the
        vocabulary)."""
        raise NotImplementedError

    def has_word(self, word: str) -> bool:
        raise NotImplementedError

    def completions(self, start: str) -> list[str]:
        """Vocabulary words beginning with `start` (itself included), commonest first."""
        raise NotImplementedError

    def words_of_length(self, length: int) -> list[str]:
        """Vocabulary words of this length: a typo is matched against those of similar length."""
        raise NotImplementedError

    def df(self, word: str) -> int:
        """How many entries hold `word`."""
        return len(self.postings(word))

    def norms(self, ids: Iterable[int]) -> Norms:
        """Each entry's length norm."""
        raise NotImplementedError

    def folded(self, ids: Iterable[int]) -> dict[int, str]:
        """Each entry's words, folded and joined by single spaces."""
        raise NotImplementedError

    def entry(self, i: int) -> Entry:
        raise NotImplementedError

    def allowed(self, query: Query, scope: str | None) -> set[int] | None:
        """The entries the filters allow; None when nothing is filtered."""
        raise NotImplementedError

    def prefetch(self, ids: list[int]) -> None:
        """About to ask for these entries: a storage may read them in one go."""

    def by_norm(self) -> Sequence[int]:
        """Every entry id, highest length norm first (equal norms: lower id first)."""
        if self._by_norm is None:
            norms = self.norms(())
            self._by_norm = sorted(range(len(norms)), key=norms.__getitem__, reverse=True)
        return self._by_norm

    # Which vocabulary words a query word stands for ----------------------------------------

    def _expand(self, word: str, typing: bool) -> tuple[tuple[str, float], ...]:
        found: dict[str, float] = {}
        known = self.has_word(word)
        if known:
            found[word] = EXACT
        if typing and len(word) >= 2:
            # A two-letter start could be anything: follow only its commonest completions.
            # Past PREFIX_MASS entries, more completions only add candidates that rank alike.
            mass = 0
            for candidate in self.completions(word)[: min(MAX_COMPLETIONS, 4 * len(word))]:
                if mass >= PREFIX_MASS:
                    break
                if candidate not in found:
                    found[candidate] = PREFIX
                    mass += self.df(candidate)
        # Typo tolerance is for words the corpus does not have: 'police' must not also
        # match 'policy'.
        if len(word) >= 4 and not known:
            from rapidfuzz import fuzz, process  # only for typos: keeps start-up light

            cutoff = 80 if len(word) >= 6 else 85
            near: list[tuple[str, float, int]] = []
            for length in range(len(word) - 2, len(word) + 3):  # no list of them all made
                near += process.extract(
                    word,
                    self.words_of_length(length),
                    scorer=fuzz.ratio,
                    score_cutoff=cutoff,
                    limit=8,
                )
            near.sort(key=lambda found: -found[1])  # equal scores: shorter first, as listed
            for candidate, score, _ in near[:8]:
                found.setdefault(candidate, FUZZY * (score - 50) / 50)
        return tuple(found.items())

    def _weights(self, word: str, typing: bool) -> dict[int, float]:
        """Entry -> the best weight with which `word` matches it (do not change the dict)."""
        return self._matches(word, typing).weights

    def _matches(self, word: str, typing: bool) -> WordMatches:
        return self._remembered(
            self._recent,
            (word, typing),
            lambda: WordMatches(self._weigh(word, typing)),
            RECENT_WORDS,
        )

    def _remembered(self, kept: OrderedDict[K, V], key: K, make: Callable[[], V], most: int) -> V:
        """`kept[key]`, made (outside the lock: making may read the storage) when missing;
        the oldest go once there are more than `most`."""
        with self._recent_lock:
            found = kept.get(key)
        if found is None:
            found = make()
            with self._recent_lock:
                kept[key] = found
                while len(kept) > most:
                    kept.popitem(last=False)
        return found

    def _levels(self, word: str, typing: bool) -> list[tuple[float, str]]:
        """The vocabulary words `word` stands for, each with its weight, strongest first."""
        total = self.total or 1
        expansions = self.expand(word, typing)
        # Completions of an unfinished word share one rarity (that of the commonest), so a rare
        # completion does not outrank the word the person is most likely typing.
        prefix_df = max((self.df(c) for c, q in expansions if q == PREFIX), default=1)
        return sorted(
            (
                (q * math.log(1 + total / max(1, prefix_df if q == PREFIX else self.df(c))), c)
                for c, q in expansions
            ),
            reverse=True,
        )

    def _weights_of(self, word: str, typing: bool) -> set[float]:
        """The distinct weights `word` can give an entry."""
        return {weight for weight, _ in self._levels(word, typing)}

    def _weigh(self, word: str, typing: bool) -> dict[int, float]:
        best: dict[int, float] = {}
        for weight, candidate in reversed(self._levels(word, typing)):  # the strongest last, kept
            best.update(zip(self.postings(candidate), repeat(weight)))
        return best

    def _best_by_levels(
        self,
        words: list[str],
        typings: list[bool],
        per_word: list[dict[int, float]],
        candidates: set[int],
        wanted: int,
    ) -> set[int]:
        """The candidates (each matching every word) that can rank among the best `wanted`.

        A candidate's score is its summed weights times its norm. When every word but one
        weighs the same in every entry (a word typed in full has one weight), the sum only
        varies with the vocabulary word through which that one word matched: among the
        entries it gives one weight, the `wanted` of highest norm outrank the rest, so those,
        per weight, hold the best of all and nothing else needs a score.
        """
        varying = [k for k, word in enumerate(words) if len(self._weights_of(word, typings[k])) > 1]
        if len(varying) > 1:
            return candidates
        k = varying[0] if varying else 0
        weights = per_word[k]
        pool: set[int] = set()
        walked: dict[float, int] = {}  # weight -> entries taken at that weight
        for weight, candidate in self._levels(words[k], typings[k]):
            ids = self.postings(candidate)
            if len(ids) <= 2 * wanted:  # few: take them all
                pool.update(i for i in ids if weights[i] == weight and i in candidates)
            else:  # many: the best of them come from one walk down the norms, below
                walked[weight] = 0
        still_open = len(walked)
        # Down the norms through the candidates only: the entries that are not are skipped
        # in C, and most entries are not.
        for i in filter(candidates.__contains__, self.by_norm()) if walked else ():
            level = weights[i]
            taken = walked.get(level)
            if taken is None or taken >= wanted:
                continue
            pool.add(i)
            walked[level] = taken + 1
            if taken + 1 == wanted:
                still_open -= 1
                if not still_open:
                    break
        return pool

    @staticmethod
    def _able_to_place(counts: Mapping[int, int], wanted: int) -> set[int]:
        """Entries ranked first by how many query words they match: those matching fewer
        words than the `wanted`-th best cannot reach the shortlist, and need no score."""
        how_many = Counter(counts.values())
        covered = 0
        least = 0
        for matched in sorted(how_many, reverse=True):
            covered += how_many[matched]
            least = matched
            if covered >= wanted:
                break
        return {i for i, matched in counts.items() if matched >= least}

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
        allowed = self.allowed(query, scope)
        if query.empty:
            if allowed is None:
                return []
            listed = sorted(allowed)[:limit]
            self.prefetch(listed)
            return [self._hit(i, 0.0, True, query, frozenset()) for i in listed]
        words = list(
            dict.fromkeys(query.words + tuple(w for p in query.phrases for w in p.split()))
        )
        matches = []
        typings = []
        for position, word in enumerate(words):
            typing = query.typing and not query.phrases and position == len(query.words) - 1
            typings.append(typing)
            matches.append(self._matches(word, typing))
            if cancelled():
                return []
        per_word = [m.weights for m in matches]
        keys = list(zip(words, typings, strict=True))  # what each query word's matches are kept by
        # From the smallest, each step costs what is left, not the size of the next word's set.
        by_size = sorted(matches, key=lambda m: len(m.weights))
        candidates = set(by_size[0].weights)
        for m in by_size[1:]:
            candidates = m.weights.keys() & candidates  # iterates over the smaller
        if allowed is not None:
            candidates &= allowed
        if query.phrases:
            candidates = self.with_phrases(candidates, query.phrases)
        wanted = max(limit * 4, 100)
        if len(candidates) < limit and len(words) > 1 and not query.phrases:
            # Nothing (or little) matches every word: also show what matches most of them.
            others = self._partial_matches(keys, matches)
            others -= candidates
            if allowed is not None:
                others &= allowed
            candidates |= others
        elif len(candidates) > 4 * wanted and not query.phrases:
            candidates = self._best_by_levels(words, typings, per_word, candidates, wanted)
        norms = self.norms(candidates)
        counts: Mapping[int, int] | None = None
        if len(words) == 1:  # one word: its weight times the norm
            weights = per_word[0]
            scored = {i: weights[i] * norms[i] for i in candidates}
        else:
            if len(candidates) >= SUMS_FROM:
                earlier = self._sums_of(keys[:-1], matches[:-1], cancelled)
                if earlier is None:
                    return []
                counts, totals = self._with_last(earlier, matches[-1].weights, candidates, wanted)
            else:
                counts, totals = self._counted(matches, candidates, wanted)
            scored = {i: total * norms[i] for i, total in totals.items()}
        # Equal scores are common (passages of one length): the earlier entry goes first, so
        # the shortlist does not depend on the order sets happen to be in.
        if counts is None:
            shortlist = heapq.nlargest(wanted, scored, key=lambda i: (scored[i], -i))
        else:
            held = counts
            shortlist = heapq.nlargest(wanted, scored, key=lambda i: (held[i], scored[i], -i))
        ordered = " ".join(query.words)
        ranked: list[tuple[float, int, bool]] = []
        folded = self.folded(shortlist)
        for i in shortlist:
            score = scored[i]
            present = set(folded[i].split())
            exact = all(w in present for w in words)
            if exact:
                score += EXACT_BONUS
            if len(query.words) > 1 and ordered in folded[i]:
                score += ORDER_BONUS * len(query.words)
            matched = counts[i] if counts else 1
            ranked.append((matched * 100 + score, i, exact or bool(query.phrases)))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        self.prefetch([i for _, i, _ in ranked[:limit]])
        return [
            self._hit(i, score, exact, query, self._matched_words(folded[i], words, query.typing))
            for score, i, exact in ranked[:limit]
        ]

    def _counted(
        self, matches: list[WordMatches], candidates: set[int], wanted: int
    ) -> tuple[Mapping[int, int], dict[int, float]]:
        """How many words each candidate matches (counted in C), then the summed weights of
        those that can still reach the shortlist, word by word."""
        counts: Counter[int] = Counter()
        for m in matches:
            counts.update(m.weights.keys() & candidates)
        if len(counts) > wanted:
            candidates = self._able_to_place(counts, wanted)
        totals = dict.fromkeys(candidates, 0.0)
        for m in matches:
            weights = m.weights
            for i in weights.keys() & candidates:
                totals[i] += weights[i]
        return counts, totals

    def _with_last(
        self, earlier: WordSums, last: dict[int, float], candidates: set[int], wanted: int
    ) -> tuple[Mapping[int, int], dict[int, float]]:
        """What `_counted` gives, from the earlier words' sums and the last word's weights."""
        before, summed = earlier.counts.get, earlier.totals
        counts = {i: before(i, 0) + (i in last) for i in candidates}
        if len(counts) > wanted:
            candidates = self._able_to_place(counts, wanted)
        totals = {i: summed.get(i, 0.0) + last[i] if i in last else summed[i] for i in candidates}
        return counts, totals

    def _sums_of(
        self,
        keys: list[tuple[str, bool]],
        matches: list[WordMatches],
        cancelled: Callable[[], bool],
    ) -> WordSums | None:
        """These words' sums, from the longest run of them summed before (typing a word
        adds one word to the earlier ones: the sums grow by that word's entries, not by
        every word's); None when cancelled."""
        with self._recent_lock:
            start, found = 0, None
            for start in range(len(keys), -1, -1):
                found = self._sums.get(tuple(keys[:start]))
                if found is not None or not start:
                    break
        if start == len(keys) and found is not None:
            return found
        sums = found.copy() if found is not None else WordSums()
        for m in matches[start:]:
            if cancelled():
                return None
            sums.add(m.weights)
        with self._recent_lock:
            self._sums[tuple(keys)] = sums
            while len(self._sums) > SUMS_KEPT:
                self._sums.popitem(last=False)
        return sums

    def with_phrases(self, candidates: set[int], phrases: tuple[str, ...]) -> set[int]:
        """The candidates holding every phrase, its words in order."""
        folded = self.folded(candidates)
        return {i for i in candidates if all(p in folded[i] for p in phrases)}

    def _partial_matches(
        self, keys: list[tuple[str, bool]], matches: list[WordMatches]
    ) -> set[int]:
        """Entries matching some of the query words, found through the selective words only:
        a word in a tenth of the corpus or more ('migration') cannot tell entries apart, and
        the union of such words would be most of the corpus. When that union is still broad,
        the entries matching at least two selective words.

        All but the last selective word stay the same while a word is typed, so what they
        give is kept (`_unions`) and each keystroke adds only the last word's entries."""
        rare_limit = max(50, self.total // 10)
        selective = [
            (k, m.ids) for k, m in zip(keys, matches, strict=True) if len(m.weights) <= rare_limit
        ]
        if not selective:
            return set(min(matches, key=lambda m: len(m.weights)).weights)
        *earlier, (_, last) = selective
        united = self._united(tuple(k for k, _ in earlier), [ids for _, ids in earlier])
        # Broad already without the last word: no need to unite it first.
        broad = bool(earlier) and len(united.every) > PAIRS_FROM
        found = set() if broad else united.every | last
        if broad or (earlier and len(found) > PAIRS_FROM):
            # The pairs among the earlier words, and each earlier word with the last.
            return united.pairs() | (last & united.every)
        return found

    def _united(self, key: tuple[tuple[str, bool], ...], sets: list[frozenset[int]]) -> UnitedWords:
        def unite() -> UnitedWords:
            with self._recent_lock:
                fewer = self._unions.get(key[:-1]) if key else None
            return fewer.and_one_more(sets[-1]) if fewer is not None else UnitedWords(sets)

        return self._remembered(self._unions, key, unite, 4)

    def _matched_words(self, folded: str, words: list[str], typing: bool) -> frozenset[str]:
        present = set(folded.split())
        matched = set()
        for position, word in enumerate(words):
            last = typing and position == len(words) - 1
            matched |= {c for c, _ in self.expand(word, last) if c in present}
        return frozenset(matched)

    def _hit(self, i: int, score: float, exact: bool, query: Query, words: frozenset[str]) -> Hit:
        entry = self.entry(i)
        text, spans = snippet(entry.text, match_spans(entry.text, set(words), query.phrases))
        return Hit(entry, round(score, 3), exact, text, spans, words)
