"""The library: one card per briefing with its facts and a picture of its pillar coverage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
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


FIXED_CARDS_FROM = 100  # briefings; from here on a card is three lines, made when drawn


class FixedCard(Visual):
    """A card of three lines, each cut to the width, made only when it is drawn.

    A list of a thousand wrapped cards has to lay out every card to know its height before it
    can draw any; with a known height the list draws only the cards on screen.
    """

    LINES = 3

    def __init__(self, make: Callable[[], Content]) -> None:
        self._make = make

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.LINES

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self._make().split("\n")[: self.LINES]
        strips: list[Strip] = []
        for line in lines:
            cut = line.truncate(width, ellipsis=True)
            strips += cut.render_strips(width, 1, style, options)
        while len(strips) < self.LINES:
            strips.append(Strip([Segment(" " * width)], width))
        return strips


class DocumentOption(Option):
    """A library card that carries its briefing."""

    def __init__(self, document: Document, prompt: Content | FixedCard) -> None:
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
        self._drawn_when_shown: Library | None = None  # the library whose cards draw themselves

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
        if self._drawn_when_shown is self.library:
            # Cards made when drawn read the width and progress then: nothing to rebuild.
            self._clear_caches()
            return
        highlighted = self.highlighted
        self.clear_options()
        options: list[Option | None] = []
        totals = self.library.totals()  # of the whole: a first page draws as the whole will
        scale = totals.scale
        fixed = totals.documents >= FIXED_CARDS_FROM
        self._drawn_when_shown = self.library if fixed else None
        for doc in self.library.documents:
            if fixed:
                prompt: Content | FixedCard = FixedCard(
                    lambda d=doc: card(d, self._width - 8, self.progress.get(d.id), scale)  # type: ignore[misc]
                )
            else:
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
