"""Small literal documents for the notes tests, with passage ids derived from text as in the
real corpus, so an edited passage gets a new id."""

from __future__ import annotations

from brief_tui.corpus.ids import IdAllocator
from brief_tui.corpus.model import Document, Library, Passage, Section


def document(*texts: str, doc_id: str = "doc") -> Document:
    """One section holding one paragraph per text."""
    ids = IdAllocator(doc_id)
    passages = tuple(Passage(ids.passage(text), "paragraph", text) for text in texts)
    return Document(
        id=doc_id,
        title=doc_id.title(),
        organisations=(),
        date=None,
        kind="document",
        source="test",
        seed=None,
        partial="",
        sections=(Section("s-1", "Section", passages),),
    )


def passage_ids(doc: Document) -> list[str]:
    return [p.id for _, p in doc.passages()]


def text_of(doc: Document, passage_id: str | None) -> str:
    return next(p.text for _, p in doc.passages() if p.id == passage_id)


def library(*docs: Document) -> Library:
    return Library(tuple(docs))
