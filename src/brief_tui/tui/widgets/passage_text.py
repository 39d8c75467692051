"""What one passage shows: its text with saved highlights, search matches and a selection,
then a line of badges (pillars, recommendation, highlight labels, the page it starts on)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from brief_tui.corpus.citation import page_label
from brief_tui.reading import Row
from brief_tui.search.text import match_spans
from brief_tui.tui.widgets.badges import HIGHLIGHT_STYLES, LABEL_STYLES, badges
from brief_tui.tui.widgets.highlight import MATCH_STYLE, SELECTION_STYLE


@dataclass(frozen=True)
class Highlight:
    """Search matches to show in the text: vocabulary words and exact phrases."""

    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not (self.words or self.phrases):
            return []
        return match_spans(text, set(self.words), self.phrases)


@dataclass(frozen=True)
class Mark:
    """A saved highlight within a passage, as the view shows it."""

    start: int
    end: int
    label: str
    noted: bool


def passage_content(
    row: Row,
    named_badges: bool,
    highlight: Highlight | None = None,
    marks: tuple[Mark, ...] = (),
    selection: tuple[int, int] | None = None,
) -> Content:
    passage = row.passage
    assert passage is not None
    text = Content(passage.text)
    for mark in marks:
        text = text.stylize(HIGHLIGHT_STYLES.get(mark.label, "reverse"), mark.start, mark.end)
    if highlight:
        for start, end in highlight.spans(passage.text):
            text = text.stylize(MATCH_STYLE, start, end)
    if selection:
        text = text.stylize(SELECTION_STYLE, *selection)
    if passage.kind == "heading":
        text = text.stylize("bold")
    if passage.marker:
        text = Content.assemble((f"{passage.marker} ", "bold"), text)
    tags = badges(
        passage.pillars,
        passage.recommendation,
        named_badges,
        passage.recommendation_kind,
        (passage.actor, passage.addressee),
    )
    chips = [
        Content.styled(f" {'✎' if noted else '▍'} {label} ", LABEL_STYLES.get(label, "reverse"))
        for label, noted in dict.fromkeys((m.label, m.noted) for m in marks)
    ]
    if row.new_page:
        chips.append(Content.styled(page_label(passage.page), "dim italic"))
    if chips:
        tags = Content(" ").join([tags, *chips]) if tags.plain else Content(" ").join(chips)
    if not tags.plain:
        return text
    return Content.assemble(text, "\n", tags)
