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
from brief_tui.corpus.recommendations import (
    NO_CONTEXT,
    Context,
    asks,
    passage_contexts,
    recommendation_cue,
)

__all__ = [
    "Context",
    "Tagging",
    "passage_contexts",
    "recommendation_cue",
    "tag_passage",
    "tag_pillars",
]


@dataclass(frozen=True)
class Tagging:
    pillars: tuple[str, ...]
    recommendation: bool
    why: tuple[Reason, ...]


def tag_passage(text: str, kind: str, context: Context = NO_CONTEXT) -> Tagging:
    """Pillars and recommendation flag for one passage, with the reasons.

    `context` says where the passage stands (its section, the lead-in of its list); the
    pillar tagger is told whether the passage asks for action."""
    cue = recommendation_cue(text, kind, context)
    pillars, why = tag_pillars(text, asks(cue))
    if cue:
        why.append(cue)
    return Tagging(pillars, cue is not None, tuple(why))
