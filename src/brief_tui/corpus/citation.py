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


def kind_and_who(passage: Passage) -> str:
    """'ask · Congress', 'commitment · U.S. government', 'reported · Mexico'; '' when the
    passage is no recommendation (or its kind is unknown)."""
    if not (passage.recommendation and passage.recommendation_kind):
        return ""
    kind = passage.recommendation_kind
    who = passage.addressee if kind == "ask" else passage.actor
    return f"{kind} · {who}" if who else kind


def citation(doc: Document, section: Section, passage: Passage) -> str:
    """'WOLA, “Title”, 17 June 2021, section “X”, p. 12, passage p-1234abcd (ask ·
    Congress).': a recommendation's citation says what it is and who."""
    organisations = ", ".join(doc.organisations) or "Unknown organisation"
    page = f"{page_label(passage.page)}, " if passage.page is not None else ""
    what = kind_and_who(passage)
    return (
        f"{organisations}, “{doc.title}”, {format_date(doc.date)}, "
        f"section “{section.title}”, {page}passage {passage.id}" + (f" ({what})." if what else ".")
    )


def quote_with_citation(doc: Document, section: Section, passage: Passage) -> str:
    """The passage text followed by its citation, ready to paste into a memo."""
    text = f"{passage.marker} {passage.text}" if passage.marker else passage.text
    return f"“{text}”\n— {citation(doc, section, passage)}"
