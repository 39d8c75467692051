"""What sides mode of the compare pane shows besides the cells: each side's heading and the
gaps said in words where they are (an ask nobody answers, a commitment nobody asked for)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from brief_tui.compare_sides import (
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
    return Content.styled(f"≈ answered by the commitment beside another ask: “{short}”", "italic")


def side_heads(sides: SideComparison, name: str) -> list[Static]:
    """Each side's heading: what it holds, from how many documents, and its gaps."""
    asks, answers = len(sides.asks), len(sides.answers)
    unanswered, unasked = sides.gaps(UNANSWERED), sides.gaps(UNASKED)
    heads = [
        (
            ASKS_TITLE,
            "asks in advocacy and research documents",
            f"{asks} ask{'s' if asks != 1 else ''} on {name} from "
            f"{len(sides.documents(0))} document{'s' if len(sides.documents(0)) != 1 else ''}",
            f"{unanswered} that no commitment answers",
        ),
        (
            ANSWERS_TITLE,
            "and actions reported of governments",
            f"{answers} on {name} from {len(sides.documents(1))} "
            f"document{'s' if len(sides.documents(1)) != 1 else ''}",
            f"{unasked} that no one asked for",
        ),
    ]
    return [
        Static(
            Content.assemble(
                (title, "bold"), "\n", (what, "dim"), "\n", (count, "bold"), "\n", (gaps, "italic")
            ),
            classes="compare-head",
            markup=False,
        )
        for title, what, count, gaps in heads
    ]
