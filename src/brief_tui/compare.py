"""What two (or three) sources recommend on one pillar, aligned row by row.

Similar recommendations share a row: a curator's theme (content/curation.toml) aligns two
passages outright; otherwise similarity is the overlap of their word stems relative to the
shorter text, rare words counting more than common ones ("should", "region" say little). Each source's
recommendations keep their reading order; what has no counterpart stands alone, and a
source with nothing on the pillar is reported as such: silence is information.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.search.text import tokens
from brief_tui.wording import recommendation_label

THRESHOLD = 0.35  # weighted overlap below which two recommendations are not "the same topic"


@dataclass(frozen=True)
class Recommendation:
    document: Document
    section: Section
    passage: Passage


@dataclass(frozen=True)
class Row:
    """One line of the comparison: a recommendation per source, or None where it is silent."""

    cells: tuple[Recommendation | None, ...]
    score: float = 0.0  # how alike the cells are (1.0 for a shared curator theme)
    theme: str = ""


@dataclass(frozen=True)
class Comparison:
    pillar: str | None  # None: recommendations on any pillar
    sources: tuple[Document, ...]
    rows: tuple[Row, ...]

    def count(self, column: int) -> int:
        return sum(1 for row in self.rows if row.cells[column] is not None)


def kind_label(passage: Passage) -> str:
    """'▶ Ask · Congress', '▷ Reported · Mexico': the reader's own label, so a cell reads as
    the passage does in its briefing."""
    return recommendation_label(passage.recommendation_kind, passage.actor, passage.addressee)


def recommendations(document: Document, pillar: str | None) -> list[Recommendation]:
    return [
        Recommendation(document, section, passage)
        for section, passage in document.passages()
        if passage.recommendation and (pillar is None or pillar in passage.pillars)
    ]


def _stems(text: str) -> set[str]:
    """Words cut to five letters, so 'police' and 'policing' meet."""
    return {word[:5] for word in tokens(text) if not word.isdigit()}


class Similarity:
    """Weighted overlap of stems, with weights from how rare a stem is across the library."""

    def __init__(self, library: Library) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for doc in library.documents:
            for _, passage in doc.passages():
                counts.update(_stems(passage.text))
                total += 1
        self._weight = {stem: math.log(1 + total / n) for stem, n in counts.items()}
        self._default = math.log(1 + max(total, 1))

    def __call__(self, a: Passage, b: Passage) -> tuple[float, str]:
        shared_themes = sorted(set(a.themes) & set(b.themes))
        if shared_themes:
            return 1.0, shared_themes[0]
        stems_a, stems_b = _stems(a.text), _stems(b.text)
        if not stems_a or not stems_b:
            return 0.0, ""

        def weight(stems: set[str]) -> float:
            return sum(self._weight.get(s, self._default) for s in stems)

        # Overlap measured against the shorter text: a short ask inside a long paragraph
        # still matches it.
        return weight(stems_a & stems_b) / min(weight(stems_a), weight(stems_b)), ""


def align(
    pivot: list[Recommendation], other: list[Recommendation], similarity: Similarity
) -> dict[int, tuple[int, float, str]]:
    """Pivot index -> (other index, score, theme): the best pairs first, each used once."""
    pairs = []
    for i, left in enumerate(pivot):
        for j, right in enumerate(other):
            score, theme = similarity(left.passage, right.passage)
            if score >= THRESHOLD:
                pairs.append((score, i, j, theme))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    matched: dict[int, tuple[int, float, str]] = {}
    used: set[int] = set()
    for score, i, j, theme in pairs:
        if i not in matched and j not in used:
            matched[i] = (j, score, theme)
            used.add(j)
    return matched


def compare(
    library: Library,
    sources: list[Document],
    pillar: str | None,
    similarity: Similarity | None = None,
) -> Comparison:
    """Align every source against the first one; unmatched recommendations get rows of their own."""
    similarity = similarity or Similarity(library)
    columns = [recommendations(doc, pillar) for doc in sources]
    pivot = columns[0]
    matches = [align(pivot, column, similarity) for column in columns[1:]]
    rows: list[Row] = []
    for i, recommendation in enumerate(pivot):
        cells: list[Recommendation | None] = [recommendation]
        scores, themes = [], []
        for column, matched in zip(columns[1:], matches, strict=True):
            if i in matched:
                j, score, theme = matched[i]
                cells.append(column[j])
                scores.append(score)
                themes.append(theme)
            else:
                cells.append(None)
        rows.append(Row(tuple(cells), max(scores, default=0.0), next((t for t in themes if t), "")))
    for k, (column, matched) in enumerate(zip(columns[1:], matches, strict=True), start=1):
        taken = {j for j, _, _ in matched.values()}
        for j, recommendation in enumerate(column):
            if j not in taken:
                cells = [None] * len(sources)
                cells[k] = recommendation
                rows.append(Row(tuple(cells)))
    return Comparison(pillar, tuple(sources), tuple(rows))


def coverage(library: Library) -> dict[str, dict[str, int]]:
    """Document id -> pillar id -> number of recommendations: the coverage matrix."""
    return {
        doc.id: {p: len(recommendations(doc, p)) for p in PILLAR_IDS} for doc in library.documents
    }


@dataclass(frozen=True)
class KindCount:
    """Recommendations of one source on one pillar, by kind, for the coverage matrix."""

    asks: int = 0
    answers: int = 0  # commitments and reported actions: what was promised or done
    unknown: int = 0  # kind not told

    def __add__(self, other: KindCount) -> KindCount:
        return KindCount(
            self.asks + other.asks, self.answers + other.answers, self.unknown + other.unknown
        )

    @property
    def label(self) -> str:
        """'3a·2c' (3 asks, 2 commitments or reported actions), '·' for none."""
        parts = [
            f"{n}{letter}"
            for n, letter in ((self.asks, "a"), (self.answers, "c"), (self.unknown, "?"))
            if n
        ]
        return "·".join(parts) or "·"


def _kind_count(document: Document, pillar: str | None) -> KindCount:
    kinds = Counter(r.passage.recommendation_kind for r in recommendations(document, pillar))
    answers = kinds["commitment"] + kinds["reported"]
    return KindCount(kinds["ask"], answers, sum(kinds.values()) - kinds["ask"] - answers)


def kind_coverage(library: Library) -> dict[str, dict[str | None, KindCount]]:
    """Document id -> pillar id (None: every recommendation) -> counts by kind."""
    return {
        doc.id: {p: _kind_count(doc, p) for p in (*PILLAR_IDS, None)} for doc in library.documents
    }


def default_sources(
    library: Library, pillar: str | None, first: Document | None = None
) -> list[Document]:
    """The pair a person most likely wants: the given (or busiest) source and the busiest other."""
    ranked = sorted(library.documents, key=lambda d: -len(recommendations(d, pillar)))
    left = first or (ranked[0] if ranked else None)
    if left is None:
        return []
    right = next((d for d in ranked if d.id != left.id), None)
    return [left, right] if right else [left]


def busiest_pillar(library: Library, document: Document | None = None) -> str:
    """The pillar with the most recommendations: in `document`, else in the whole library."""
    counts = coverage(library)
    totals = counts.get(document.id, {}) if document else {}
    if not totals:
        totals = {p: sum(c[p] for c in counts.values()) for p in PILLAR_IDS}
    return max(PILLAR_IDS, key=lambda p: totals.get(p, 0))
