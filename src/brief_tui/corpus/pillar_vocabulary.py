"""The pillars' vocabulary, read from `pillar_vocabulary.toml` and compiled once.

The terms live in a data file so that a reader can check each group against the definition
it comes from (the Root Causes Strategy's pillars and lines of effort, the Collaborative
Migration Management Strategy) without reading code. This module only turns the file into one
pattern that finds, left to right, the longest term at each place in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.tomlread import load_toml

WEIGHTS = {"strong": 3, "medium": 2, "weak": 1}
_APOSTROPHE = "['’]"


@dataclass(frozen=True)
class Term:
    text: str  # as the vocabulary writes it
    pillar: str  # "" for a neutral phrase
    weight: int  # 0 for a neutral phrase
    actor: bool = False  # names who takes part: nothing in a list of actors
    cause: bool = False  # a root cause: an entry of a stock list of root causes


@dataclass(frozen=True)
class Found:
    term: Term
    start: int
    end: int

    def swallows(self, other: Found) -> bool:
        """True when `other` lies wholly inside this longer term."""
        inside = self.start <= other.start and other.end <= self.end
        return inside and self.end - self.start > other.end - other.start


def term_pattern(term: str) -> str:
    """The regular expression for one term, written as `pillar_vocabulary.toml` explains."""
    words = []
    for word in term.split():
        stem, wild = (word[:-1], True) if word.endswith("*") else (word, False)
        parts = [re.escape(p).replace("'", _APOSTROPHE) for p in stem.split("-")]
        words.append("[-\\s]?".join(parts) + (r"\w*" if wild else ""))
    body = r"[-\s]+".join(words)
    if not term.endswith("*"):
        body += "(?:s|es)?"
    letters = [c for c in term if c.isalpha()]
    if letters and all(c.isupper() for c in letters):  # an acronym: as written
        body = f"(?-i:{body})"
    return rf"(?<!\w){body}(?!\w)"


def _groups(data: dict[str, Any]) -> Iterator[tuple[str, str, int]]:
    """(term, pillar, weight) for every term of every pillar's groups."""
    for pillar in PILLAR_IDS:
        for group in data.get(pillar, {}).values():
            for strength, weight in WEIGHTS.items():
                for term in group.get(strength, []):
                    yield term, pillar, weight


@dataclass(frozen=True)
class Vocabulary:
    patterns: tuple[tuple[re.Pattern[str], tuple[Term, ...]], ...]  # group tN is terms[N]
    actor_list_words: re.Pattern[str]

    def find(self, text: str) -> list[Found]:
        """Every term in `text` in reading order; a term inside a longer one does not count.

        Each pillar (and the neutral phrases) is searched on its own, so that two pillars'
        terms may overlap ("violent crimes against migrants" is IV and P); where one lies
        wholly inside another's ("violence" in "domestic violence") only the longer counts.
        """
        found = []
        for pattern, terms in self.patterns:
            for match in pattern.finditer(text):
                index = int((match.lastgroup or "t0")[1:])
                found.append(Found(terms[index], match.start(), match.end()))
        found.sort(key=lambda f: (f.start, -f.end))
        return [f for f in found if f.term.pillar and not any(o.swallows(f) for o in found)]


def _compile(terms: list[Term]) -> tuple[re.Pattern[str], tuple[Term, ...]]:
    # The longest terms first, so that at one place the alternation takes the longest.
    ordered = tuple(sorted(terms, key=lambda t: (-len(t.text), t.text)))
    pattern = re.compile(
        "|".join(f"(?P<t{i}>{term_pattern(t.text)})" for i, t in enumerate(ordered)),
        re.IGNORECASE,
    )
    return pattern, ordered


def build_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """A vocabulary from the parsed data file (a term under two pillars counts for both)."""
    actors = set(data.get("actors", {}).get("terms", []))
    causes = set(data.get("framing", {}).get("root_causes", []))
    weights: dict[str, dict[str, int]] = {}
    for term, pillar, weight in _groups(data):
        by_term = weights.setdefault(pillar, {})
        by_term[term] = max(weight, by_term.get(term, 0))
    patterns = [
        _compile([Term(t, p, w, t in actors, t in causes) for t, w in by_term.items()])
        for p, by_term in weights.items()
    ]
    neutral = [t for group in data.get("neutral", {}).values() for t in group.get("terms", [])]
    patterns.append(_compile([Term(t, "", 0) for t in neutral]))
    list_words = sorted(data.get("actors", {}).get("list_words", []), key=len, reverse=True)
    actor_list_words = re.compile("|".join(term_pattern(w) for w in list_words), re.IGNORECASE)
    return Vocabulary(tuple(patterns), actor_list_words)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (read on first use, not at start-up)."""
    text = files("brief_tui.corpus").joinpath("pillar_vocabulary.toml").read_text("utf-8")
    return build_vocabulary(load_toml(text, "the pillar vocabulary"))
