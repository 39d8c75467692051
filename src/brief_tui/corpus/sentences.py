"""Sentence boundaries in passage text, shared by cleaning (drop one chrome sentence, keep the
rest of its paragraph) and reading (select a passage by sentence)."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z]\.[A-Z])[.!?][\"'”’)]*\s+(?=[“\"'‘(]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`.

    A sentence ends at '.', '!' or '?' followed by space and a capital, but not after an
    initial or an abbreviation such as 'U.S.'.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def sentences(text: str) -> list[str]:
    """The sentences of `text`, as written."""
    return [text[a:b] for a, b in sentence_spans(text)]
