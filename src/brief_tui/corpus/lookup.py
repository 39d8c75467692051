"""Find a document from what a person types: its id, or a fuzzy match of its title."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from brief_tui.corpus.model import Document, Library

MATCH_CUTOFF = 70.0


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
    choices = {
        index: f"{doc.title} {doc.id.replace('-', ' ')} {' '.join(doc.organisations)}"
        for index, doc in enumerate(library.documents)
    }
    ranked = process.extract(query, choices, scorer=fuzz.WRatio, limit=3, processor=str.lower)
    best_index, best_score = ranked[0][2], ranked[0][1]
    if best_score >= MATCH_CUTOFF:
        return Lookup(library.documents[best_index], ())
    return Lookup(None, tuple(library.documents[key].title for _, _, key in ranked))
