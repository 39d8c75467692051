"""The library: one card per briefing with its facts and a picture of its pillar coverage."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from brief_tui.corpus.citation import format_date
from brief_tui.corpus.model import Document, Library
from brief_tui.tui.widgets.badges import coverage, titled
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import plural, recommendation_counts


def source_type_shown(doc: Document) -> str:
    """The source type, unless it says nothing the kind does not ('government strategy')."""
    if doc.source_type == "other" or doc.source_type in doc.kind.split():
        return ""
    return doc.source_type


def card(
    doc: Document, width: int, progress: float | None = None, scale: int | None = None
) -> Content:
    title = titled(doc.title, bool(doc.partial), doc.origin == "user", long=False)
    facts = " · ".join(
        part
        for part in (
            ", ".join(doc.organisations),
            source_type_shown(doc),
            doc.kind,
            format_date(doc.date),
            plural(doc.passage_count, "passage"),
            # The kinds of recommendation where there is room for them on the line.
            recommendation_counts(doc)
            if width >= 120
            else plural(doc.recommendation_count, "recommendation"),
            f"read to {progress:.0%}" if progress is not None else "",
            "title guessed" if doc.title_guessed else "",
        )
        if part
    )
    return Content("\n").join(
        [title, Content.styled(facts, "dim"), coverage(doc.pillar_counts(), width, scale)]
    )


class DocumentOption(Option):
    """A library card that carries its briefing."""

    def __init__(self, document: Document, prompt: Content) -> None:
        super().__init__(prompt, id=document.id)
        self.document = document


class LibraryList(KeyList):
    """Announces `LibraryList.Opened` with the document when a briefing is chosen."""

    DEFAULT_CSS = """
    LibraryList { height: 1fr; border: none; padding: 0 1; }
    LibraryList > .option-list--option { padding: 0 1; }
    """

    @dataclass
    class Opened(Message):
        document: Document

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.library = library
        self.progress: dict[str, float] = {}  # document id -> how far the reader has read
        self._width = 0

    @property
    def highlighted_document(self) -> Document | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.document if isinstance(option, DocumentOption) else None

    @property
    def card_width(self) -> int:
        """The width the cards were last drawn for (0 before the first layout)."""
        return self._width

    def render_cards(self, width: int, force: bool = False) -> None:
        if width == self._width and not force:
            return
        self._width = width
        highlighted = self.highlighted
        self.clear_options()
        options: list[Option | None] = []
        counts = {doc.id: doc.pillar_counts() for doc in self.library.documents}
        scale = max((n for c in counts.values() for n in c.values()), default=0)
        for doc in self.library.documents:
            prompt = card(doc, width - 8, self.progress.get(doc.id), scale)
            options += [DocumentOption(doc, prompt), None]
        for problem in self.library.problems:
            text = Content.assemble(
                ("Could not load a briefing", "bold red"), "\n", (str(problem), "red")
            )
            options += [Option(text, disabled=True), None]
        self.add_options(
            options[:-1] if options else [Option("The library is empty.", disabled=True)]
        )
        self.highlighted = highlighted if highlighted is not None else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option, DocumentOption):
            self.post_message(self.Opened(event.option.document))
