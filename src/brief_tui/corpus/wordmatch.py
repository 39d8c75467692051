"""Matching what a person types against a briefing's words: whole words and word starts.

A substring test is too loose ('us' is inside 'causes') and a whole-string fuzzy score too
forgiving (it happily matches the wrong briefing), so both the document lookup and the
search filter `d:` compare word by word: each typed word must begin a word of the
briefing, and a longer typed word may instead be a near miss (a typo).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

WORD = re.compile(r"[a-z0-9]+")
TYPO_MIN_LENGTH = 5  # shorter words are too easily one letter away from another word
TYPO_CUTOFF = 85.0  # rapidfuzz ratio: 'stratgy' ~ 'strategy' (93), 'police' !~ 'policy' (83)


def fold(text: str) -> str:
    """Lowercase without accents: 'López' -> 'lopez', so typing needs no accents."""
    if text.isascii():  # nothing to decompose: the common case, and much faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    # Only the non-ASCII characters are looked at: a title with one accent costs one call.
    return _NON_ASCII.sub(_drop_combining, decomposed).lower()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text`: 'U.S. Root-Causes' -> ('u', 's', 'root', 'causes')."""
    return tuple(WORD.findall(fold(text)))


def document_words(
    doc_id: str, title: str, organisations: Iterable[str], kind: str
) -> frozenset[str]:
    """Every word a person might use to name a briefing."""
    return frozenset(words(" ".join([doc_id, title, *organisations, kind])))


def similarity(typed: str, word: str) -> float:
    """100 when `typed` begins `word`, else how alike the two words are (0-100)."""
    if word.startswith(typed):
        return 100.0
    from rapidfuzz import fuzz  # only for near misses: keeps start-up light

    return fuzz.ratio(typed, word)


def begins_a_word(typed: str, candidates: Iterable[str]) -> bool:
    return any(word.startswith(typed) for word in candidates)


def matches_word(typed: str, candidates: Iterable[str], *, typos: bool = False) -> bool:
    """`typed` begins one of `candidates`, or with `typos`, is a near miss of one (long words only)."""
    candidates = tuple(candidates)
    if begins_a_word(typed, candidates):
        return True
    if not typos or len(typed) < TYPO_MIN_LENGTH:
        return False
    return any(
        similarity(typed, word) >= TYPO_CUTOFF
        for word in candidates
        if len(word) >= TYPO_MIN_LENGTH
    )


def matches_all(typed: Iterable[str], candidates: Iterable[str], *, typos: bool = False) -> bool:
    """Every typed word matches some candidate word (see `matches_word`)."""
    candidates = tuple(candidates)
    return all(matches_word(word, candidates, typos=typos) for word in typed)
