"""Search every passage, title and note as you type: an index narrows, rapidfuzz forgives.

The index maps each word to the entries containing it. A query word matches a vocabulary
word exactly, as the prefix of the word still being typed, or within a small edit distance
(`rapidfuzz.fuzz.ratio`), so 'corruptoin' finds 'corruption'. Entries that match every query
word rank first; exact words and whole phrases outweigh fuzzy ones; a mild length norm keeps a
short title from losing to a long passage that merely mentions the word.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from brief_tui.corpus.model import Library
from brief_tui.corpus.pillars import PILLAR_IDS

STOPWORDS = frozenset(
    """a an and are as at be but by for from has have in into is it its of on or our so that
    the their them there these they this to was we were which will with""".split()
)
EXACT, PREFIX, FUZZY_MAX = 1.0, 0.85, 0.7
PHRASE_BONUS = 1.5
MAX_QUERY_CHARS = 500
_TOKEN = re.compile(r"[a-z0-9]+")
_PILLAR_NUMBERS = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "P"}


def fold(text: str) -> str:
    """Lowercase without accents: 'López' -> 'lopez', so typing needs no accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def tokens(text: str) -> list[str]:
    return [
        t for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
    ]


def token_spans(text: str) -> Iterable[tuple[str, int, int]]:
    """(folded token, start, end) in `text`; folding keeps one character per character here
    for the scripts the corpus uses, so offsets line up with the original."""
    folded = fold(text)
    if len(folded) != len(text):  # a character folded into several: fall back to lowercase
        folded = text.lower()
    for match in _TOKEN.finditer(folded):
        yield match.group(0), match.start(), match.end()


@dataclass(frozen=True)
class Entry:
    """One searchable thing: a passage, a document or section title, or (later) a note."""

    kind: str  # "passage" | "title" | "section" | "note"
    document: str
    document_title: str
    organisations: str
    section: str
    passage: str | None  # the passage it opens at
    text: str
    pillars: tuple[str, ...] = ()
    recommendation: bool = False


def library_entries(library: Library) -> list[Entry]:
    """Entries for every passage, document title and untitled-by-heading section."""
    entries: list[Entry] = []
    for doc in library.documents:
        orgs = ", ".join(doc.organisations)
        first = next((p.id for _, p in doc.passages()), None)
        entries.append(Entry("title", doc.id, doc.title, orgs, "", first, doc.title))
        for section in doc.sections:
            if not section.passages:
                continue
            if section.passages[0].kind != "heading" or section.passages[0].text != section.title:
                entries.append(
                    Entry(
                        "section",
                        doc.id,
                        doc.title,
                        orgs,
                        section.title,
                        section.passages[0].id,
                        section.title,
                    )
                )
            for passage in section.passages:
                entries.append(
                    Entry(
                        "passage",
                        doc.id,
                        doc.title,
                        orgs,
                        section.title,
                        passage.id,
                        passage.text,
                        passage.pillars,
                        passage.recommendation,
                    )
                )
    return entries


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # d: values, matched fuzzily against id, title, organisation
    recommendations_only: bool = False
    typing: bool = True  # the last word may still be incomplete (no trailing space)

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases)


_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')


def parse_query(text: str) -> Query:
    """Words, "exact phrases", p:II / pillar:2, d:wola / doc:wola, and rec."""
    text = text[:MAX_QUERY_CHARS]
    words: list[str] = []
    phrases: list[str] = []
    pillars: list[str] = []
    documents: list[str] = []
    recs = False
    for match in _QUERY_PART.finditer(text):
        phrase, part = match.group(1), match.group(2)
        if phrase is not None:
            if tokens(phrase):
                phrases.append(" ".join(_TOKEN.findall(fold(phrase))))
            continue
        key, _, value = part.partition(":")
        key = key.lower()
        if value and key in ("p", "pillar"):
            pillar = _PILLAR_NUMBERS.get(value, value.upper())
            if pillar in PILLAR_IDS:
                pillars.append(pillar)
                continue
        if value and key in ("d", "doc", "document"):
            documents.append(value)
            continue
        if part.lower() in ("rec", "rec:yes", "recs", "recommendation", "recommendations"):
            recs = True
            continue
        words.extend(tokens(part))
    return Query(
        tuple(words), tuple(phrases), tuple(pillars), tuple(documents), recs, not text.endswith(" ")
    )


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    exact: bool  # every query word matched exactly (or as a phrase)
    snippet: str
    spans: tuple[tuple[int, int], ...]  # matched words within `snippet`


@dataclass
class SearchIndex:
    entries: list[Entry]
    postings: dict[str, array] = field(default_factory=dict)
    lengths: array = field(default_factory=lambda: array("H"))
    vocabulary: list[str] = field(default_factory=list)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _folded: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, entries: list[Entry]) -> SearchIndex:
        lists: dict[str, list[int]] = {}
        lengths = array("H")
        folded: list[str] = []
        for index, entry in enumerate(entries):
            words = tokens(entry.text)
            lengths.append(min(len(words), 65535))
            folded.append(" ".join(_TOKEN.findall(fold(entry.text))))
            for word in set(words):
                lists.setdefault(word, []).append(index)
        built = cls(entries, {w: array("I", ids) for w, ids in lists.items()}, lengths)
        built.vocabulary = sorted(lists)
        for word in built.vocabulary:
            built._by_length.setdefault(len(word), []).append(word)
        built._folded = folded
        built._expand_cached = lru_cache(maxsize=4096)(built._expand)  # type: ignore[attr-defined]
        return built

    # Word expansion ----------------------------------------------------------------------

    def _expand(self, word: str, typing: bool) -> tuple[tuple[str, float], ...]:
        """Vocabulary words a query word stands for, each with how well it matches."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = EXACT
        if typing and len(word) >= 2:
            start = bisect.bisect_left(self.vocabulary, word)
            completions = []
            for candidate in self.vocabulary[start : start + 400]:
                if not candidate.startswith(word):
                    break
                completions.append(candidate)
            completions.sort(key=lambda w: -len(self.postings[w]))
            for candidate in completions[:40]:
                found.setdefault(candidate, PREFIX)
        if len(word) >= 4:
            pool = [
                w for n in range(len(word) - 2, len(word) + 3) for w in self._by_length.get(n, ())
            ]
            cutoff = 75 if len(word) >= 6 else 80
            for candidate, score, _ in process.extract(
                word, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
            ):
                found.setdefault(candidate, FUZZY_MAX * (score - 50) / 50)
        return tuple(found.items())

    def expand(self, word: str, typing: bool) -> tuple[tuple[str, float], ...]:
        return self._expand_cached(word, typing)  # type: ignore[attr-defined]

    # Searching ---------------------------------------------------------------------------

    def allowed(self, query: Query, scope: str | None = None) -> Callable[[Entry], bool] | None:
        documents: set[str] | None = None
        if query.documents:
            documents = set()
            for value in query.documents:
                documents |= self._documents_matching(value)
        if scope is not None:
            documents = {scope} if documents is None else documents & {scope}
        if documents is None and not query.pillars and not query.recommendations_only:
            return None

        def keep(entry: Entry) -> bool:
            if documents is not None and entry.document not in documents:
                return False
            if query.pillars and not all(p in entry.pillars for p in query.pillars):
                return False
            return not (query.recommendations_only and not entry.recommendation)

        return keep

    def _documents_matching(self, value: str) -> set[str]:
        value = fold(value)
        matched = set()
        for entry in self.entries:
            if entry.kind != "title":
                continue
            fields = (entry.document, fold(entry.document_title), fold(entry.organisations))
            if any(value in f or fuzz.partial_ratio(value, f) >= 85 for f in fields if f):
                matched.add(entry.document)
        return matched

    def search(
        self,
        text: str | Query,
        *,
        limit: int = 50,
        scope: str | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[Hit]:
        """Ranked hits for `text`; `scope` keeps one document; `cancelled` aborts stale work."""
        query = parse_query(text) if isinstance(text, str) else text
        keep = self.allowed(query, scope)
        if query.empty:
            if keep is None:
                return []
            return [
                self._hit(i, 0.0, True, query, {}) for i, e in enumerate(self.entries) if keep(e)
            ][:limit]
        words = list(
            dict.fromkeys(query.words + tuple(w for p in query.phrases for w in tokens(p)))
        )
        total = len(self.entries) or 1
        average = (sum(self.lengths) / total) or 1.0
        per_word: list[dict[int, tuple[float, str]]] = []
        for position, word in enumerate(words):
            typing = query.typing and position == len(query.words) - 1 and not query.phrases
            best: dict[int, tuple[float, str]] = {}
            for candidate, quality in self.expand(word, typing):
                ids = self.postings[candidate]
                weight = quality * math.log(1 + total / len(ids))
                for i in ids:
                    if i not in best or best[i][0] < weight:
                        best[i] = (weight, candidate)
                if cancelled():
                    return []
            per_word.append(best)
        scores: dict[int, float] = {}
        matched_count: dict[int, int] = {}
        exact_all: dict[int, bool] = {}
        for word, best in zip(words, per_word, strict=True):
            for i, (weight, candidate) in best.items():
                scores[i] = scores.get(i, 0.0) + weight
                matched_count[i] = matched_count.get(i, 0) + 1
                exact_all[i] = exact_all.get(i, True) and candidate == word
        if cancelled():
            return []
        ranked: list[tuple[float, int]] = []
        for i, score in scores.items():
            entry = self.entries[i]
            if keep is not None and not keep(entry):
                continue
            folded = self._folded[i]
            if query.phrases and not all(p in folded for p in query.phrases):
                continue
            if len(words) > 1 and " ".join(query.words) in folded:
                score += PHRASE_BONUS * len(words)
            if exact_all.get(i) and matched_count[i] == len(words):
                score += 1.0
            score /= 0.75 + 0.25 * (self.lengths[i] / average) ** 0.5
            coverage = matched_count[i] / len(words)
            ranked.append((coverage * 100 + score, i))
        ranked.sort(reverse=True)
        hits = []
        matched_words = {
            i: {c for best in per_word for c in [best.get(i, (0, ""))[1]] if c}
            for _, i in ranked[:limit]
        }
        for score, i in ranked[:limit]:
            hits.append(
                self._hit(
                    i,
                    score,
                    bool(exact_all.get(i)) and matched_count[i] == len(words),
                    query,
                    matched_words[i],
                )
            )
        return hits

    def _hit(self, i: int, score: float, exact: bool, query: Query, words: set[str] | dict) -> Hit:
        entry = self.entries[i]
        snippet, spans = make_snippet(entry.text, set(words), query.phrases)
        return Hit(entry, round(score, 3), exact, snippet, spans)


def make_snippet(
    text: str, words: set[str], phrases: tuple[str, ...] = (), width: int = 180
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around the first matched word, with the matched words' spans."""
    spans = [(start, end) for token, start, end in token_spans(text) if token in words]
    for phrase in phrases:
        folded = fold(text) if len(fold(text)) == len(text) else text.lower()
        pattern = r"\W+".join(re.escape(w) for w in phrase.split())
        spans += [m.span() for m in re.finditer(pattern, folded)]
    spans.sort()
    if len(text) <= width:
        return text, tuple(spans)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(text) - width))
    start = text.rfind(" ", 0, start) + 1 if start > 0 else 0
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = prefix + text[start:end] + suffix
    shift = len(prefix) - start
    inside = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return snippet, inside
