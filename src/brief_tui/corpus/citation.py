"""How a passage is cited when it leaves the reader (clipboard now, Markdown export later)."""

from __future__ import annotations

from brief_tui.corpus.model import Document, Passage, Section


def format_date(date: str | None) -> str:
    """'2021-06-17' -> '17 June 2021'; '2021-07' -> 'July 2021'; None -> 'undated'."""
    if not date:
        return "undated"
    months = "January February March April May June July August September October November December"
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = months.split()[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def page_label(page: int | None) -> str:
    """'p. 12' for a passage of a paged source; '' where the source has no pages."""
    return f"p. {page}" if page is not None else ""


def citation(doc: Document, section: Section, passage: Passage) -> str:
    """'WOLA, “Title”, 17 June 2021, section “X”, p. 12, passage p-1234abcd.'"""
    organisations = ", ".join(doc.organisations) or "Unknown organisation"
    page = f"{page_label(passage.page)}, " if passage.page is not None else ""
    return (
        f"{organisations}, “{doc.title}”, {format_date(doc.date)}, "
        f"section “{section.title}”, {page}passage {passage.id}."
    )


def quote_with_citation(doc: Document, section: Section, passage: Passage) -> str:
    """The passage text followed by its citation, ready to paste into a memo."""
    text = f"{passage.marker} {passage.text}" if passage.marker else passage.text
    return f"“{text}”\n— {citation(doc, section, passage)}"
