"""Find a document from what a person types: its id, or a fuzzy match of its title."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from brief_tui.corpus.model import Document, Library

MATCH_CUTOFF = 75.0


@dataclass(frozen=True)
class Lookup:
    document: Document | None
    closest: tuple[str, ...]  # titles nearest to the query, best first, when nothing matched


def find_document(library: Library, query: str) -> Lookup:
    """An exact id wins; otherwise the best fuzzy match on title, id and organisation."""
    query = query.strip()
    if exact := library.document(query):
        return Lookup(exact, ())
    if not library.documents or not query:
        return Lookup(None, tuple(d.title for d in library.documents[:3]))
    # Best score first; on a tie, the earlier document.
    scored = sorted(
        ((-_score(query.lower(), doc), index) for index, doc in enumerate(library.documents))
    )
    best_score, best_index = -scored[0][0], scored[0][1]
    if best_score >= MATCH_CUTOFF:
        return Lookup(library.documents[best_index], ())
    return Lookup(None, tuple(library.documents[index].title for _, index in scored[:3]))


def _score(query: str, doc: Document) -> float:
    """How well `query` matches the document's title, id or organisations (0-100).

    `token_set_ratio` rewards a query whose words all occur in the title ('rethinking foreign
    policy'); `partial_ratio` rewards an unfinished one ('beyond the wal').
    """
    fields = [doc.title.lower(), doc.id.replace("-", " "), " ".join(doc.organisations).lower()]
    return max(max(fuzz.token_set_ratio(query, f), fuzz.partial_ratio(query, f)) for f in fields)
