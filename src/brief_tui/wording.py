"""How counts and shortened text are written: '1 result', never '1 results'; cuts end in '…'."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from brief_tui.corpus.model import Document

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


# How each kind of recommendation is named in the plural: 'now visit asks', 'asks only'.
KIND_PLURALS = {"ask": "asks", "commitment": "commitments", "reported": "reports"}

_KIND_LABELS = {"ask": "▶ Ask", "commitment": "▶ Commitment", "reported": "▷ Reported"}


def recommendation_label(kind: str | None, actor: str | None, addressee: str | None) -> str:
    """What a recommendation is and who: '▶ Ask · Congress', '▷ Reported · Mexico'. An ask
    names whom it asks; a commitment or a report, who commits or acted."""
    label = _KIND_LABELS.get(kind or "", "▶ Recommendation")
    who = addressee if kind == "ask" else actor
    return f"{label} · {who}" if who else label


def recommendation_counts(doc: Document) -> str:
    """'40 recommendations (12 asks, 5 commitments, 23 reported)': the kinds that occur."""
    total = plural(doc.recommendation_count, "recommendation")
    counts = doc.kind_counts()
    parts = [
        plural(counts[kind], noun) if kind != "reported" else f"{counts[kind]} reported"
        for kind, noun in (("ask", "ask"), ("commitment", "commitment"), ("reported", ""))
        if counts.get(kind)
    ]
    return f"{total} ({', '.join(parts)})" if parts else total
