"""What sides mode of the compare pane shows besides the cells: each side's heading and the
gaps said in words where they are (an ask nobody answers, a commitment nobody asked for)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from brief_tui.compare_sides import (
    ALSO,
    ANSWERS_TITLE,
    ASKS_TITLE,
    UNANSWERED,
    UNASKED,
    SideComparison,
    SideRow,
)


def gap_content(text: str) -> Content:
    """A gap said where it is: an ask nobody answers, a commitment nobody asked for."""
    return Content.styled(f"— {text}", "bold italic $text-warning")


def also_content(row: SideRow) -> Content:
    """An ask whose answer is paired with another ask: not a gap; name that answer."""
    assert row.also is not None
    text = " ".join(row.also.passage.text.split())
    short = text if len(text) <= 90 else text[:89] + "…"
    return Content.styled(f"≈ {ALSO}: “{short}”", "italic")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def side_heads(sides: SideComparison, name: str) -> list[Static]:
    """Each side's heading in three short lines (they fit 38 columns): what it is, how many
    from how many documents, and its gaps; a side with nothing says so."""
    asks, answers = len(sides.asks), len(sides.answers)
    heads = [
        (
            ASKS_TITLE,
            f"{_plural(asks, 'ask')}, {_plural(len(sides.documents(0)), 'advocacy/research doc')}"
            if asks
            else f"no advocacy ask on {name}",
            f"{sides.gaps(UNANSWERED)} that no commitment answers" if asks else "",
        ),
        (
            ANSWERS_TITLE,
            f"{answers} {'commitment or action' if answers == 1 else 'commitments or actions'}, "
            f"{_plural(len(sides.documents(1)), 'doc')}"
            if answers
            else f"no government commitment on {name}",
            f"{sides.gaps(UNASKED)} that no one asked for" if answers else "",
        ),
    ]
    return [
        Static(
            Content.assemble(
                (title, "bold"),
                "\n",
                (count, "bold" if gaps else "bold italic"),
                "\n",
                (gaps, "italic $text-warning"),
            ),
            classes="compare-head",
            markup=False,
        )
        for title, count, gaps in heads
    ]
