"""Explainable pillar tags and recommendation flags.

Every tag comes with the words or rule that produced it, so the reader can say *why* a passage
carries it (`i` in the reader) and a curator can see what to correct. Rules are deliberately
plain: phrases for each pillar, cue phrases for calls to action and commitments, and three
restraints a careful reader applies: office names are not topics, someone else's quoted words
are not the passage's subject, and a stock list of root causes ('poverty, inequality, and
violence') frames a passage rather than being what it is about, unless the passage asks for
action on them.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief_tui.corpus.pillar_tags import tag_pillars
from brief_tui.corpus.reasons import Reason
from brief_tui.corpus.recommendations import recommendation_cue

__all__ = ["Tagging", "recommendation_cue", "tag_passage", "tag_pillars"]


@dataclass(frozen=True)
class Tagging:
    pillars: tuple[str, ...]
    recommendation: bool
    why: tuple[Reason, ...]


def tag_passage(text: str, kind: str) -> Tagging:
    """Pillars and recommendation flag for one passage, with the reasons."""
    cue = recommendation_cue(text, kind)
    asks = cue is not None and cue.rule not in ("commitment", "announcement")
    pillars, why = tag_pillars(text, asks)
    if cue:
        why.append(cue)
    return Tagging(pillars, cue is not None, tuple(why))
