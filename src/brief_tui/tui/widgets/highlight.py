"""Search matches shown in text: the matched words stand out (bold, reversed), not colour alone."""

from __future__ import annotations

from textual.content import Content

MATCH_STYLE = "bold reverse"
SELECTION_STYLE = "underline reverse"


def highlighted(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> Content:
    content = Content(text)
    for start, end in spans:
        content = content.stylize(MATCH_STYLE, start, end)
    return content
