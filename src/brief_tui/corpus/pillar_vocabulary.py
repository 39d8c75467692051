"""The pillars' vocabulary, read from `pillar_vocabulary.toml` and compiled once.

The terms live in a data file so that a reader can check each group against the definition
it comes from (the Root Causes Strategy's pillars and lines of effort, the Collaborative
Migration Management Strategy) without reading code. This module only turns the file into patterns
and finds, word by word, the longest term of each pillar that starts there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
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


def _key(word: str) -> str:
    """What a term's first word and a text's word must share to be compared at all."""
    return "".join(c for c in word if c.isalnum())[:3].lower()


# Where a word starts (also after a hyphen: "counter-narcotics"), and the word from there.
_WORD_START = re.compile(r"(?<!\w)(?=(\w[\w'’-]*))")


@dataclass(frozen=True)
class Vocabulary:
    # Terms by the first letters of their first word: a text is searched word by word, and
    # only the few terms that could start at a word are tried there (one alternation of
    # every term would try them all at every character). Patterns are compiled on first use.
    index: dict[str, tuple[Term, ...]]
    actor_list_words: re.Pattern[str]
    _compiled: dict[str, tuple[tuple[Term, re.Pattern[str]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _candidates(self, key: str) -> tuple[tuple[Term, re.Pattern[str]], ...]:
        if key not in self._compiled:
            self._compiled[key] = tuple(
                (t, re.compile(term_pattern(t.text), re.IGNORECASE))
                for t in self.index.get(key, ())
            )
        return self._compiled[key]

    def find(self, text: str) -> list[Found]:
        """Every term in `text` in reading order; a term inside a longer one does not count.

        Each pillar (and the neutral phrases) is searched on its own, so that two pillars'
        terms may overlap ("violent crimes against migrants" is IV and P); where one lies
        wholly inside another's ("violence" in "domestic violence") only the longer counts.
        """
        found: list[Found] = []
        free_from: dict[str, int] = {}  # per pillar, where its last term ended
        for word in _WORD_START.finditer(text):
            start = word.start()
            longest: dict[str, Found] = {}
            for term, pattern in self._candidates(_key(word.group(1))):
                if start < free_from.get(term.pillar, 0):
                    continue
                match = pattern.match(text, start)
                best = longest.get(term.pillar)
                if match and (best is None or match.end() > best.end):
                    longest[term.pillar] = Found(term, start, match.end())
            for pillar, item in longest.items():
                found.append(item)
                free_from[pillar] = item.end
        return [f for f in found if f.term.pillar and not any(o.swallows(f) for o in found)]


def build_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """A vocabulary from the parsed data file (a term under two pillars counts for both)."""
    actors = set(data.get("actors", {}).get("terms", []))
    causes = set(data.get("framing", {}).get("root_causes", []))
    weights: dict[tuple[str, str], int] = {}
    for text, pillar, weight in _groups(data):
        weights[pillar, text] = max(weight, weights.get((pillar, text), 0))
    terms = [Term(t, p, w, t in actors, t in causes) for (p, t), w in weights.items()]
    terms += [Term(t, "", 0) for g in data.get("neutral", {}).values() for t in g.get("terms", [])]
    index: dict[str, list[Term]] = {}
    for term in terms:
        index.setdefault(_key(term.text.split()[0]), []).append(term)
    list_words = sorted(data.get("actors", {}).get("list_words", []), key=len, reverse=True)
    actor_list_words = re.compile("|".join(term_pattern(w) for w in list_words), re.IGNORECASE)
    return Vocabulary({k: tuple(v) for k, v in index.items()}, actor_list_words)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (read on first use, not at start-up)."""
    text = files("brief_tui.corpus").joinpath("pillar_vocabulary.toml").read_text("utf-8")
    return build_vocabulary(load_toml(text, "the pillar vocabulary"))
