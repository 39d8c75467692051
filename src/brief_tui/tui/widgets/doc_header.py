"""The briefing's header: title, organisations, date, kind, source and a partial-excerpt badge."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from brief_tui.corpus.citation import format_date
from brief_tui.corpus.model import Document
from brief_tui.tui.widgets.badges import titled
from brief_tui.tui.widgets.library_list import source_type_shown


def header_content(doc: Document, compact: bool = False) -> Content:
    # A compact header cuts long lines at the end: the badges go first so they stay visible.
    title = titled(doc.title, bool(doc.partial), doc.origin == "user", badges_first=compact)
    guessed = "title guessed" if doc.title_guessed else ""
    facts = " · ".join(
        part
        for part in (
            ", ".join(doc.organisations),
            format_date(doc.date),
            source_type_shown(doc),
            doc.kind,
            guessed,
        )
        if part
    )
    lines = [title, Content.styled(facts, "italic")]
    if doc.source:
        lines.append(Content.styled(f"Source: {doc.source}", "dim"))
    if compact:
        return Content("\n").join(lines)
    if doc.partial:
        lines.append(Content.styled(doc.partial, "dim"))
    return Content("\n").join(lines)


class DocHeader(Static):
    """Full on tall terminals; on short ones, one line of title and one of facts."""

    DEFAULT_CSS = """
    DocHeader { padding: 0 2; background: $panel; border-bottom: solid $primary; height: auto; max-height: 8; }
    DocHeader.-compact { text-wrap: nowrap; text-overflow: ellipsis; max-height: 4; }
    """

    def __init__(self, doc: Document, *, id: str | None = None) -> None:
        super().__init__(header_content(doc), id=id, markup=False)
        self.doc = doc
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.set_class(compact, "-compact")
            self.update(header_content(self.doc, compact))
