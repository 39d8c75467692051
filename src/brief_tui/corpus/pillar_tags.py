"""Explainable pillar tags: each pillar's words weighed, after the restraints a careful reader applies.

The words come from the pillars' own definitions (`pillar_vocabulary.toml`), each with a
weight: a term that names the pillar's subject outright ("asylum") weighs more than one that
merely leans towards it ("border"). A pillar is tagged when its words weigh enough for the
passage's length and another pillar's words do not dwarf them: a passage about asylum that
mentions violence once is about asylum. Before weighing, `pillar_restraints.py` discounts
words that are not the passage's subject (office names, quoted words, stock lists, actors).
Every tag comes with the words that produced it, heaviest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief_tui.corpus.pillar_restraints import (
    blank_body_names,
    listed_actors,
    quoted_spans,
    serves_anticorruption,
    stock_list_members,
)
from brief_tui.corpus.pillar_vocabulary import vocabulary
from brief_tui.corpus.pillars import sort_pillars
from brief_tui.corpus.reasons import Reason

THRESHOLD = 2.0  # what a pillar's words must weigh: a medium term, or a weak one beside others
SHORT_THRESHOLD = 1.0  # a heading, list entry or short passage: one weak term is enough
SHORT_WORDS = 8  # a passage of at most this many words is short
DWARFED = 4.0  # one term weighing a quarter of the heaviest pillar or less is only mentioned
# (several terms weighing an eighth of it or less are too)
REPEATS = 2  # further mentions of one term that add to its weight (half each)
CUE_WORDS = 4  # words shown in a reason

_EXPLICIT_PILLAR = re.compile(r"\bPillar (I{1,3}|IV|V)\b")
_WORD = re.compile(r"\w+")


@dataclass
class _Term:
    weight: float  # of one mention
    first: int  # where it is first mentioned
    word: str  # as the passage writes it
    mentions: int = 1


@dataclass
class _Evidence:
    """One pillar's words in a passage."""

    terms: dict[str, _Term] = field(default_factory=dict)

    def add(self, key: str, weight: float, position: int, word: str) -> None:
        if key in self.terms:
            self.terms[key].mentions += 1
        else:
            self.terms[key] = _Term(weight, position, word)

    def weight_of(self, term: _Term) -> float:
        """A term's weight: further mentions add half each, a few times at most."""
        return term.weight * (1 + min(term.mentions - 1, REPEATS) / 2)

    @property
    def weight(self) -> float:
        return sum(self.weight_of(t) for t in self.terms.values())

    def words(self) -> tuple[str, ...]:
        """The words, heaviest first (then in reading order)."""
        ordered = sorted(self.terms.values(), key=lambda t: (-self.weight_of(t), t.first))
        return tuple(dict.fromkeys(t.word for t in ordered))[:CUE_WORDS]


def _shown(text: str, acronym: bool) -> str:
    return text if acronym else text.lower()


def _weigh(text: str, asks: bool) -> tuple[dict[str, _Evidence], dict[str, _Evidence]]:
    """(evidence from the passage's own words, evidence from its quoted words), per pillar."""
    words = vocabulary()
    scrubbed = blank_body_names(text)
    found = words.find(scrubbed)
    discounted = stock_list_members(scrubbed, found, asks) | listed_actors(scrubbed, found, words)
    quoted = quoted_spans(text)
    own: dict[str, _Evidence] = {}
    theirs: dict[str, _Evidence] = {}
    for index, item in enumerate(found):
        if index in discounted:
            continue
        in_quote = any(a <= item.start < b for a, b in quoted)
        letters = [c for c in item.term.text if c.isalpha()]
        word = _shown(text[item.start : item.end], all(c.isupper() for c in letters))
        pillar = item.term.pillar
        if pillar == "IV" and serves_anticorruption(scrubbed, item):
            pillar = "II"
        target = theirs if in_quote else own
        target.setdefault(pillar, _Evidence()).add(
            item.term.text, float(item.term.weight), item.start, word
        )
    return own, theirs


def _merge(own: dict[str, _Evidence], theirs: dict[str, _Evidence]) -> dict[str, _Evidence]:
    merged: dict[str, _Evidence] = {}
    for source in (own, theirs):
        for pillar, evidence in source.items():
            into = merged.setdefault(pillar, _Evidence())
            for key, term in evidence.terms.items():
                into.terms.setdefault(key, term)
    return merged


def _decide(evidence: dict[str, _Evidence], short: bool) -> list[str]:
    """Pillars whose words weigh enough and are not dwarfed by another pillar's.

    In a short passage one weak term is enough; elsewhere a pillar needs words that weigh
    `THRESHOLD`, one of them more than weak (weak terms lean towards a pillar, they do not
    make it the topic). Outside a short passage, a pillar resting on one term that weighs a
    quarter of the heaviest pillar or less is mentioned in passing, and so is a pillar whose
    words weigh an eighth of it or less.
    """
    heaviest = max((e.weight for e in evidence.values()), default=0.0)
    named = {p for p, e in evidence.items() if any(t.weight > 1 for t in e.terms.values())}
    chosen = []
    for pillar, e in evidence.items():
        if short:  # a weak word counts unless another pillar is named outright
            enough = e.weight >= SHORT_THRESHOLD and (pillar in named or not named)
        else:
            enough = e.weight >= THRESHOLD and pillar in named
        dwarfed = not short and e.weight * DWARFED * min(len(e.terms), 2) <= heaviest
        if enough and not dwarfed:
            chosen.append(pillar)
    return chosen


def tag_pillars(text: str, asks: bool = False) -> tuple[tuple[str, ...], list[Reason]]:
    """Pillar ids for `text` and one explanation line per pillar.

    `asks` is true when the passage calls for action: a list of root causes it names is then
    what it asks about, not framing.
    """
    explicit = sort_pillars(set(_EXPLICIT_PILLAR.findall(text)))
    if explicit:
        return explicit, [Reason(p, "names pillar") for p in explicit]
    short = len(_WORD.findall(text)) <= SHORT_WORDS
    own, theirs = _weigh(text, asks)
    # Someone else's quoted words are not the passage's subject, unless the passage has no
    # words of its own on any pillar (a quoted heading, a passage that is all quotation).
    evidence = own if _decide(own, short) else _merge(own, theirs)
    pillars = sort_pillars(_decide(evidence, short))
    return pillars, [Reason(p, "mentions", evidence[p].words()) for p in pillars]
