"""What the briefing view shows, independent of any widget: rows, a passage cursor, and
where the movement keys take it (next section, next recommendation, a pillar filter)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from brief_tui.corpus.model import Document, Passage, Section
from brief_tui.corpus.sentences import sentence_spans

__all__ = [
    "ReadingPlan",
    "kept_by_filters",
    "Row",
    "Step",
    "locate",
    "read_fraction",
    "read_fractions",
    "refiltered",
    "sentence_spans",
    "step_hit",
]


@dataclass(frozen=True)
class Row:
    section: Section
    passage: Passage | None  # None: the section's title, shown when no heading passage is
    position: int = -1  # index among the visible passages, for passage rows
    new_page: bool = False  # the first visible passage on its page of the source


class ReadingPlan:
    """The visible passages of a document under an optional pillar filter, in reading order."""

    def __init__(self, document: Document, pillar: str | None = None) -> None:
        self.document = document
        self.pillar = pillar
        self.rows: list[Row] = []
        self.passages: list[tuple[Section, Passage]] = []
        self.section_starts: list[int] = []  # position of the first visible passage per section
        page: int | None = None  # the page of the last visible passage so far
        for section in document.sections:
            visible = [p for p in section.passages if pillar is None or pillar in p.pillars]
            if not visible:
                continue
            self.section_starts.append(len(self.passages))
            if visible[0].kind != "heading":
                self.rows.append(Row(section, None))
            for passage in visible:
                new_page = passage.page is not None and passage.page != page
                page = passage.page if passage.page is not None else page
                self.rows.append(Row(section, passage, len(self.passages), new_page))
                self.passages.append((section, passage))
        self.recommendations = [i for i, (_, p) in enumerate(self.passages) if p.recommendation]

    def __len__(self) -> int:
        return len(self.passages)

    def clamp(self, position: int) -> int:
        return max(0, min(position, len(self.passages) - 1))

    def position_of(self, passage_id: str) -> int | None:
        return next((i for i, (_, p) in enumerate(self.passages) if p.id == passage_id), None)

    def section_index(self, position: int) -> int:
        """Index in `section_starts` of the section holding `position`."""
        index = 0
        for i, start in enumerate(self.section_starts):
            if start <= position:
                index = i
        return index

    def next_section(self, position: int) -> int:
        later = [s for s in self.section_starts if s > position]
        return later[0] if later else position

    def previous_section(self, position: int) -> int:
        """The start of this section, or of the previous one when already at its start."""
        earlier = [s for s in self.section_starts if s < position]
        return earlier[-1] if earlier else 0

    def recommendations_of(self, kind: str | None) -> list[int]:
        """Positions of the recommendations `}`/`{` visit: all, or only one kind."""
        if kind is None:
            return self.recommendations
        return [r for r in self.recommendations if self.passages[r][1].recommendation_kind == kind]

    def next_recommendation(self, position: int, kind: str | None = None) -> int | None:
        later = [r for r in self.recommendations_of(kind) if r > position]
        return later[0] if later else None

    def previous_recommendation(self, position: int, kind: str | None = None) -> int | None:
        earlier = [r for r in self.recommendations_of(kind) if r < position]
        return earlier[-1] if earlier else None

    def row_of(self, position: int) -> int:
        return next(i for i, row in enumerate(self.rows) if row.position == position)


def refiltered(plan: ReadingPlan, cursor: int, pillar: str | None) -> tuple[ReadingPlan, int]:
    """The plan under another filter, and where its cursor goes: a filter shows its passages
    from the first; clearing one keeps the passage the reader was on."""
    fresh = ReadingPlan(plan.document, pillar)
    if pillar is not None or not len(plan):
        return fresh, 0
    return fresh, fresh.position_of(plan.passages[plan.clamp(cursor)][1].id) or 0


@dataclass(frozen=True)
class Step:
    """Where stepping to the next or previous search hit lands, and whether it wrapped."""

    position: int
    wrapped: bool


def step_hit(hits: list[int], cursor: int, direction: int) -> Step | None:
    """The next (direction > 0) or previous hit position from `cursor`, wrapping around the
    ends as less and vim do; None when there are no hits. `hits` are in reading order."""
    if not hits:
        return None
    if direction > 0:
        later = [h for h in hits if h > cursor]
        return Step(later[0], False) if later else Step(hits[0], True)
    earlier = [h for h in hits if h < cursor]
    return Step(earlier[-1], False) if earlier else Step(hits[-1], True)


def locate(selected: str, text: str) -> tuple[int, int] | None:
    """Where a selection taken from the screen (wrapped, with newlines) lies in `text`."""
    words = selected.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text)
    return match.span() if match else None


def read_fraction(document: Document, passage_id: str | None) -> float | None:
    """How far into `document` a reader at `passage_id` is (0 < f <= 1), or None if unknown."""
    if passage_id is None or not document.passage_count:
        return None
    for index, (_, passage) in enumerate(document.passages(), start=1):
        if passage.id == passage_id:
            return index / document.passage_count
    return None


def read_fractions(
    documents: Iterable[Document], places: dict[str, str], catalog: Any = None
) -> dict[str, float]:
    """How far into each document the reader is, from the passage they are at (`places`:
    document id -> passage id). Documents listed from the catalog and not opened are
    measured there, so showing progress does not read every document the reader has opened
    (with a long reading history that would be most of the library's passages)."""
    fractions: dict[str, float] = {}
    unread = {}
    for doc in documents:
        passage = places.get(doc.id)
        if passage is None or not doc.passage_count:
            continue
        if catalog is not None and not doc.loaded:
            unread[doc.id] = (passage, doc.passage_count)
        elif (fraction := read_fraction(doc, passage)) is not None:
            fractions[doc.id] = fraction
    if unread:
        ordinals = catalog.passage_ordinals({d: p for d, (p, _) in unread.items()})
        for doc_id, ordinal in ordinals.items():
            fractions[doc_id] = min(1.0, ordinal / unread[doc_id][1])
    return fractions


def kept_by_filters(
    document: Document, passage: Passage, kind: str | None, source_type: str | None
) -> bool:
    """Whether a passage passes the pillar view's filters: a recommendation kind (only asks)
    and a source type (only government documents); None lets everything through."""
    if kind is not None and not (passage.recommendation and passage.recommendation_kind == kind):
        return False
    return source_type is None or document.source_type == source_type
