"""Find a briefing from what a person types, or say which ones it could be.

In order: an exact id; the one id starting with what was typed; the briefings whose title
has a word starting with each typed word; the same over title, organisations, id and kind;
and last a typo-tolerant score, trusted only when the best clearly beats the next. Whenever
more than one briefing fits equally, they are all returned as candidates: opening the
wrong briefing silently is worse than asking.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.corpus.model import Document, Library
from brief_tui.corpus.wordmatch import document_words, fold, matches_all, similarity, words

FUZZY_CUTOFF = 75.0  # mean similarity of the typed words to their closest words
FUZZY_MARGIN = 10.0  # how far the best must be ahead of the next to be trusted
CLOSEST = 3


@dataclass(frozen=True)
class Lookup:
    document: Document | None
    candidates: tuple[Document, ...] = ()  # more than one fits: let the person choose
    closest: tuple[Document, ...] = ()  # nothing fits: the nearest, best first


def find_document(library: Library, query: str) -> Lookup:
    """The briefing `query` names, or the candidates it could name, or the closest ones."""
    text = query.strip()
    documents = library.documents
    if exact := library.document(text):
        return Lookup(exact)
    folded = fold(text)
    by_id = [doc for doc in documents if folded and doc.id.startswith(folded)]
    if len(by_id) == 1:
        return Lookup(by_id[0])
    typed = words(text)
    if not typed:
        return Lookup(None, closest=documents[:CLOSEST])
    for fields in (_title_words, _all_words):
        found = [doc for doc in documents if matches_all(typed, fields(doc))]
        if len(found) == 1:
            return Lookup(found[0])
        if found:
            return Lookup(None, candidates=tuple(found))
    if by_id:
        return Lookup(None, candidates=tuple(by_id))
    return _fuzzy(documents, typed)


def _title_words(doc: Document) -> frozenset[str]:
    return frozenset(words(doc.title))


def _all_words(doc: Document) -> frozenset[str]:
    return document_words(doc.id, doc.title, doc.organisations, doc.kind)


def _fuzzy(documents: tuple[Document, ...], typed: tuple[str, ...]) -> Lookup:
    scored = sorted(
        ((_score(typed, doc), -index, doc) for index, doc in enumerate(documents)),
        key=lambda item: (item[0], item[1]),
        reverse=True,
    )
    if not scored:
        return Lookup(None)
    best = scored[0][0]
    if best < FUZZY_CUTOFF:
        return Lookup(None, closest=tuple(doc for _, _, doc in scored[:CLOSEST]))
    close = tuple(doc for score, _, doc in scored if best - score < FUZZY_MARGIN)
    if len(close) == 1:
        return Lookup(close[0])
    return Lookup(None, candidates=close)


def _score(typed: tuple[str, ...], doc: Document) -> float:
    """How well the typed words fit the briefing: each word's closest match, averaged."""
    fields = _all_words(doc)
    return sum(max(similarity(word, field) for field in fields) for word in typed) / len(typed)
