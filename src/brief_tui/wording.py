"""How counts and shortened text are written: '1 result', never '1 results'; cuts end in '…'."""

from __future__ import annotations

_IRREGULAR = {"is": "are", "it": "them", "its": "their", "this": "these"}


def plural(count: int, noun: str) -> str:
    """'1 passage', '3 passages'; the count is always shown."""
    return f"{count} {noun if count == 1 else noun + 's'}"


def agree(count: int, word: str) -> str:
    """A word that agrees with a count: agree(1, 'is') -> 'is', agree(2, 'is') -> 'are'."""
    return word if count == 1 else _IRREGULAR.get(word, word + "s")


def clip(text: str, limit: int) -> str:
    """`text` on one line, at most `limit` characters; a cut ends at a word, with '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"
