"""What can be found: passages, briefing titles, section titles (and, later, notes)."""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.corpus.model import Library


@dataclass(frozen=True)
class Entry:
    kind: str  # "passage" | "title" | "section" | "note"
    document: str
    document_title: str
    organisations: str
    section: str
    passage: str | None  # the passage it opens at
    text: str
    pillars: tuple[str, ...] = ()
    recommendation: bool = False
    document_kind: str = ""  # on title entries: 'commentary', 'joint statement'… for `d:`
    recommendation_kind: str | None = None  # 'ask', 'commitment', 'reported' (for `kind:`)
    source_type: str = ""  # the document's: 'advocacy', 'government'… (for `type:`)
    who: str | None = None  # whom an ask asks, or who commits or acted (for its label)


def library_entries(library: Library) -> list[Entry]:
    """Every passage, every briefing title, and each section title that is not already a
    heading passage."""
    entries: list[Entry] = []
    for doc in library.documents:
        organisations = ", ".join(doc.organisations)
        first = next((p.id for _, p in doc.passages()), None)
        entries.append(
            Entry(
                "title",
                doc.id,
                doc.title,
                organisations,
                "",
                first,
                doc.title,
                document_kind=doc.kind,
                source_type=doc.source_type,
            )
        )
        for section in doc.sections:
            if not section.passages:
                continue
            opening = section.passages[0]
            if not (opening.kind == "heading" and opening.text == section.title):
                entries.append(
                    Entry(
                        "section",
                        doc.id,
                        doc.title,
                        organisations,
                        section.title,
                        opening.id,
                        section.title,
                        source_type=doc.source_type,
                    )
                )
            for passage in section.passages:
                entries.append(
                    Entry(
                        "passage",
                        doc.id,
                        doc.title,
                        organisations,
                        section.title,
                        passage.id,
                        passage.text,
                        passage.pillars,
                        passage.recommendation,
                        recommendation_kind=passage.recommendation_kind,
                        source_type=doc.source_type,
                        who=passage.addressee
                        if passage.recommendation_kind == "ask"
                        else passage.actor,
                    )
                )
    return entries
