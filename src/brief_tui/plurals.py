"""Counted nouns as people write them: '1 result', '2 results', never '1 results'."""

from __future__ import annotations

_IRREGULAR = {"is": "are", "it": "them", "its": "their", "this": "these"}


def plural(count: int, noun: str) -> str:
    """'1 passage', '3 passages'; the count is always shown."""
    return f"{count} {noun if count == 1 else noun + 's'}"


def agree(count: int, word: str) -> str:
    """A word that agrees with a count: agree(1, 'is') -> 'is', agree(2, 'is') -> 'are'."""
    return word if count == 1 else _IRREGULAR.get(word, word + "s")
