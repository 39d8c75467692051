"""Advocacy asks against government commitments on one pillar: who asked for what, and what
governments committed to or did, aligned with the same similarity as document against document.

The point is the gaps: an ask no commitment answers, a commitment no one asked for.

- Asking side: every ask in a document whose source type is advocacy or research. A think
  tank's "should" is an ask from outside government just as an NGO's is; media and
  multilateral documents stay out (a newspaper reports, a multilateral body is itself a party).
- Answering side: every commitment in a government document, and every commitment or
  reported action whose actor is a government (U.S. government, Congress, Mexico, the
  governments of the region) in any document: what a government did, as an advocacy group
  reports it, answers an ask as much as what it promised. A reported action with no known
  actor stays out: nobody can say whose answer it is.

Pairs are made one to one, as in `compare.align`, so every commitment is shown once. An ask
left without a partner but resembling a commitment already paired with another ask is not a
gap: its row names that commitment (`also`).
"""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.compare import THRESHOLD, Recommendation, Similarity, align, recommendations
from brief_tui.corpus.model import Document, Library, Passage
from brief_tui.corpus.parties import CONGRESS, MEXICO, REGION, US, group_of

ASKING_TYPES = ("advocacy", "research")
GOVERNMENT_GROUPS = (US, CONGRESS, MEXICO, REGION)
UNANSWERED = "no commitment answers this ask"
UNASKED = "no one asked for this"
ALSO = "also answered by what is paired with another ask"
ASKS_TITLE = "Advocacy asks"
ANSWERS_TITLE = "Government commitments"


def is_ask(document: Document, passage: Passage) -> bool:
    """On the asking side: an ask in an advocacy or research document."""
    return passage.recommendation_kind == "ask" and document.source_type in ASKING_TYPES


def is_answer(document: Document, passage: Passage) -> bool:
    """On the answering side: a government's commitment or reported action."""
    kind = passage.recommendation_kind
    if kind not in ("commitment", "reported"):
        return False
    if group_of(passage.actor) in GOVERNMENT_GROUPS:
        return True
    return kind == "commitment" and document.source_type == "government"


@dataclass(frozen=True)
class SideRow:
    """An ask and the commitment that answers it; either may be missing (a gap)."""

    ask: Recommendation | None
    answer: Recommendation | None
    score: float = 0.0
    theme: str = ""
    also: Recommendation | None = None  # paired with another ask, but answers this one too

    @property
    def cells(self) -> tuple[Recommendation | None, Recommendation | None]:
        return (self.ask, self.answer)

    @property
    def gap(self) -> str:
        """What is missing, in words; "" when nothing is."""
        if self.ask is None:
            return UNASKED
        if self.answer is None and self.also is None:
            return UNANSWERED
        return ""


@dataclass(frozen=True)
class SideComparison:
    pillar: str | None
    rows: tuple[SideRow, ...]

    @property
    def asks(self) -> list[Recommendation]:
        return [row.ask for row in self.rows if row.ask]

    @property
    def answers(self) -> list[Recommendation]:
        return [row.answer for row in self.rows if row.answer]

    def documents(self, side: int) -> list[Document]:
        """The documents one side draws on, in library order of first appearance."""
        seen: dict[str, Document] = {}
        for row in self.rows:
            cell = row.cells[side]
            if cell is not None:
                seen.setdefault(cell.document.id, cell.document)
        return list(seen.values())

    def gaps(self, label: str) -> int:
        return sum(1 for row in self.rows if row.gap == label)


def side_recommendations(
    library: Library, pillar: str | None
) -> tuple[list[Recommendation], list[Recommendation]]:
    """(asks, answers) on the pillar, each in library reading order."""
    asks: list[Recommendation] = []
    answers: list[Recommendation] = []
    for document in library.documents:
        for recommendation in recommendations(document, pillar):
            if is_ask(document, recommendation.passage):
                asks.append(recommendation)
            elif is_answer(document, recommendation.passage):
                answers.append(recommendation)
    return asks, answers


def compare_sides(
    library: Library, pillar: str | None, similarity: Similarity | None = None
) -> SideComparison:
    """Every ask beside the commitment that answers it; unanswered asks and unasked
    commitments in rows of their own, after the pairs' reading order."""
    similarity = similarity or Similarity(library)
    asks, answers = side_recommendations(library, pillar)
    matched = align(asks, answers, similarity)
    rows: list[SideRow] = []
    for i, ask in enumerate(asks):
        if i in matched:
            j, score, theme = matched[i]
            rows.append(SideRow(ask, answers[j], score, theme))
        else:
            rows.append(SideRow(ask, None, also=_closest(ask, answers, similarity)))
    taken = {j for j, _, _ in matched.values()}
    rows += [SideRow(None, answer) for j, answer in enumerate(answers) if j not in taken]
    return SideComparison(pillar, tuple(rows))


def _closest(
    ask: Recommendation, answers: list[Recommendation], similarity: Similarity
) -> Recommendation | None:
    best: tuple[float, Recommendation] | None = None
    for answer in answers:
        score, _ = similarity(ask.passage, answer.passage)
        if score >= THRESHOLD and (best is None or score > best[0]):
            best = (score, answer)
    return best[1] if best else None
