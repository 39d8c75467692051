"""The unit every format reader produces: a block of reading text (heading, paragraph, item),
and the plain-text reader that turns a capture's lines into blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus.clean import repair_spacing
from brief_tui.corpus.furniture import Line, mark_furniture, text_lines
from brief_tui.corpus.wrapping import Wrap, continues, detect_wrap


@dataclass(frozen=True)
class Block:
    """One unit of reading text before it becomes a passage."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str
    marker: str = ""  # "•" or "1." for list items
    hard_break: bool = False  # preceded by two or more blank lines
    numbered: bool = False  # the line began with a number such as "1.)"
    synthetic: bool = False  # a heading the reader supplies (e.g. "Contents"), not source text
    level: int = 0  # a heading's level (1 is the top) when the source says; 0 when it does not
    page: int | None = None  # the 1-based page of the source where the block starts
    tight: bool = False  # no blank line between it and the block before (plain text only)
    chrome: str = ""  # why it is not part of the document (page furniture), when known early
    role: str = ""  # "contents" or "links": kept for reading, never tagged


BULLET = re.compile(r"^\s*([•\-\*·▪◦‣●–])\s+(.*)$")
NUMBERED = re.compile(r"^\s*(\d{1,2})(?:\.\)|\.|\))\s+(.*)$")


def line_block(line: str, hard_break: bool = False, tight: bool = False) -> Block:
    """A block from one line of text (or several joined): a list item when it has a marker."""
    line = repair_spacing(line)
    if bullet := BULLET.match(line):
        return Block("item", bullet.group(2).strip(), "•", hard_break, tight=tight)
    if numbered := NUMBERED.match(line):
        return Block(
            "item",
            numbered.group(2).strip(),
            f"{numbered.group(1)}.",
            hard_break,
            True,
            tight=tight,
        )
    return Block("paragraph", line, "", hard_break, tight=tight)


_BROKEN_WORD = re.compile(r"[^\W\d_]-$")


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one line. A word broken at a line's end by a hyphen
    ('small-' / 'holder') is joined without a space and keeps its hyphen: 'anti-corruption'
    stays right, and a split 'govern-ment' stays readable."""
    text = lines[0]
    for line in lines[1:]:
        glued = _BROKEN_WORD.search(text) and line[:1].islower()
        text = f"{text}{line}" if glued else f"{text} {line}"
    return text


def _chrome_block(line: Line) -> Block:
    return Block("paragraph", line.text, chrome=line.chrome)


def _reflow(lines: list[Line], wrap: Wrap) -> list[Block]:
    """Join the lines of each paragraph; furniture inside a paragraph is set aside after it."""
    blocks: list[Block] = []
    current: list[Line] = []
    aside: list[Block] = []
    furniture_gaps: list[int] = []

    def flush() -> None:
        if current:
            first = current[0]
            hard = first.gap >= 2
            text = join_lines([line.text for line in current])
            blocks.append(line_block(text, hard, tight=first.gap == 0 and bool(blocks)))
            current.clear()
        blocks.extend(aside)
        aside.clear()
        furniture_gaps.clear()

    for line in lines:
        if line.chrome:
            aside.append(_chrome_block(line))
            furniture_gaps.append(line.gap)
            continue
        if current:
            # Across page furniture, a sentence left open runs on whatever blank lines the
            # page break left; otherwise the widest gap around the furniture counts.
            gap = line.gap
            if aside:
                gap = 0 if line.text[:1].islower() else max([line.gap, *furniture_gaps])
            joined = Line(line.text, gap, line.indent)
            if continues(current, joined, wrap):
                current.append(line)
                continue
        flush()
        current.append(line)
    flush()
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text capture: re-flowed when it is hard-wrapped, one per line if not."""
    lines = mark_furniture(text_lines(text))
    wrap = detect_wrap(lines)
    if wrap is not None:
        return _reflow(lines, wrap)
    blocks: list[Block] = []
    for line in lines:
        if line.chrome:
            blocks.append(_chrome_block(line))
        else:
            blocks.append(
                line_block(line.text, line.gap >= 2, tight=line.gap == 0 and bool(blocks))
            )
    return blocks


def is_hard_wrapped(text: str) -> bool:
    """True when lines look wrapped at a fixed width (a PDF capture) rather than one per paragraph."""
    return detect_wrap(mark_furniture(text_lines(text))) is not None
