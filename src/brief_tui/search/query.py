"""The query language: words (typo-tolerant), "exact phrases", p:II, d:wola, rec,
kind:ask, type:government, n: (the user's own notes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus.model import RECOMMENDATION_KINDS, SOURCE_TYPES
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.search.text import WORD, fold, tokens

MAX_QUERY_CHARS = 500
_PART = re.compile(r'"([^"]*)"?|(\S+)')
_PILLAR_NUMBERS = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "P"}
_REC_WORDS = frozenset({"rec", "recs", "rec:yes", "recommendation", "recommendations"})

QUERY_HELP = (
    ("words", "typo-tolerant: corruptoin finds corruption; the last word may be unfinished"),
    ('"exact phrase"', "only passages with these words in this order"),
    ("p:II  pillar:2", "only passages tagged with a pillar (I..V, P, or 1..6)"),
    (
        "d:wola  doc:strategy",
        "only briefings whose id, title, organisation or kind has a word starting so",
    ),
    ("rec", "only recommendations"),
    ("kind:ask  kind:commitment  kind:reported", "only recommendations of that kind"),
    (
        "type:government  type:advocacy",
        "only briefings of that source type (research, media, multilateral, other too)",
    ),
    ("n:", "only your highlights, notes and bookmarks"),
)


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    pillars: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    recommendations_only: bool = False
    typing: bool = True  # the last word may still be incomplete (no trailing space yet)
    kinds: tuple[str, ...] = ()  # recommendation kinds (kind:ask)
    source_types: tuple[
        str, ...
    ] = ()  # document source types (type:government)  # the last word may still be incomplete (no trailing space yet)
    notes_only: bool = False  # `n:`: only the user's highlights, notes and bookmarks

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases)

    @property
    def filtered(self) -> bool:
        return bool(
            self.pillars
            or self.documents
            or self.recommendations_only
            or self.kinds
            or self.source_types
            or self.notes_only
        )


def parse_query(text: str) -> Query:
    """Parse what a person typed; anything that is not a filter is searched for as words.

    Regex and markup characters have no meaning here: they simply are not words.
    """
    text = text[:MAX_QUERY_CHARS]
    words: list[str] = []
    phrases: list[str] = []
    pillars: list[str] = []
    documents: list[str] = []
    recommendations = notes = False
    kinds: list[str] = []
    source_types: list[str] = []
    for match in _PART.finditer(text):
        phrase, part = match.group(1), match.group(2)
        if phrase is not None:
            if tokens(phrase):
                phrases.append(" ".join(WORD.findall(fold(phrase))))
            continue
        key, _, value = part.partition(":")
        key = key.lower()
        if value and key in ("p", "pillar"):
            pillar = _PILLAR_NUMBERS.get(value, value.upper())
            if pillar in PILLAR_IDS:
                pillars.append(pillar)
                continue
        if value and key in ("d", "doc", "document"):
            documents.append(value)
            continue
        if value and key == "kind":
            kind = _prefix_of(value.lower(), RECOMMENDATION_KINDS)
            if kind:
                kinds.append(kind)
                continue
        if value and key in ("type", "t"):
            source_type = _prefix_of(value.lower(), SOURCE_TYPES)
            if source_type:
                source_types.append(source_type)
                continue
        if key in ("n", "note", "notes") and ":" in part:
            notes = True
            words.extend(tokens(value))
            continue
        if part.lower() in _REC_WORDS:
            recommendations = True
            continue
        words.extend(tokens(part))
    return Query(
        tuple(dict.fromkeys(words)),
        tuple(phrases),
        tuple(pillars),
        tuple(documents),
        recommendations,
        typing=not text.endswith((" ", '"')),
        kinds=tuple(dict.fromkeys(kinds)),
        source_types=tuple(dict.fromkeys(source_types)),
        notes_only=notes,
    )


def _prefix_of(value: str, choices: tuple[str, ...]) -> str:
    """The one choice `value` begins ('gov' -> 'government', 'c' -> 'commitment'), or ''."""
    matching = [c for c in choices if c.startswith(value)]
    return matching[0] if len(matching) == 1 else ""
