"""Page furniture in a plain-text capture of a paged document: page numbers, running headers
and footers, and the residue of charts (axis labels, scattered figures).

These lines sit *inside* paragraphs that a page break cut in two, so they are found before
the text is re-flowed: a paragraph can then run on across the break. They are marked, not
deleted, so cleaning can count them with everything else it drops.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

_PAGE_ONLY = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.IGNORECASE
)
# 'CHM | example.org | Page 2', 'Page 3 | Annual report'
_PAGE_PART = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[|·•]\s+")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_MARKER = re.compile(r"^\s*(?:[•\-\*·▪◦‣●–]\s|\d{1,2}(?:\.\)|\.|\))\s)")
_NUMBER = re.compile(r"^\s*(\d{1,2})(?:\.\)|\.|\))\s")
_COLUMNS = re.compile(r"\S\s{3,}\S")
_FIGURE_TOKEN = re.compile(r"^[\d.,%$€£{}()KMBkmb+\-–]+$")


@dataclass(frozen=True)
class Line:
    """One non-empty line of a text capture."""

    text: str  # without surrounding space
    gap: int  # blank lines before it
    indent: int  # leading spaces
    chrome: str = ""  # why it is page furniture, when it is


def text_lines(text: str) -> list[Line]:
    out: list[Line] = []
    gap = 0
    for raw in text.split("\n"):
        if raw.strip():
            expanded = raw.replace("\t", "    ").rstrip()
            out.append(Line(expanded.strip(), gap, len(expanded) - len(expanded.lstrip())))
            gap = 0
        else:
            gap += 1
    return out


def is_page_number(text: str) -> bool:
    """'12', 'Page 3 of 8', '- 4 -', a footer whose parts end in 'Page 2', or a short
    footer set apart from its page number by a run of spaces ('Research Service      2')."""
    if _PAGE_ONLY.match(text):
        return True
    spaced = re.split(r"\s{3,}", text)
    if len(spaced) == 2 and any(_PAGE_PART.match(p) for p in spaced):
        words = " ".join(p for p in spaced if not _PAGE_PART.match(p)).split()
        if len(words) <= 10 and not _SENTENCE_END.search(text):
            return True
    parts = _SEPARATORS.split(text)
    return len(parts) >= 2 and any(_PAGE_PART.match(p.strip()) for p in (parts[0], parts[-1]))


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _is_short_label(text: str) -> bool:
    return len(text.split()) <= 15 and not _SENTENCE_END.search(text)


def _is_spaced_menu(text: str) -> bool:
    """'World  Americas  Politics  Business': short parts set apart by runs of spaces."""
    parts = [p for p in re.split(r"\s{2,}", text) if p]
    return (
        len(parts) >= 3
        and all(len(p.split()) <= 3 for p in parts)
        and not _SENTENCE_END.search(text)
        and not any(any(c.isdigit() for c in p) for p in parts)
    )


def _furniture(line: Line) -> str:
    if is_page_number(line.text):
        return "page number"
    return "menu" if _is_spaced_menu(line.text) else ""


def mark_furniture(lines: list[Line]) -> list[Line]:
    """The lines with page numbers, running heads, spaced-out menus and chart residue marked."""
    marked = [replace(line, chrome=_furniture(line)) for line in lines]
    page_lines = [i for i, line in enumerate(marked) if line.chrome == "page number"]
    counts = Counter(_key(line.text) for line in marked if not line.chrome)
    for index, line in enumerate(marked):
        if line.chrome or not _is_short_label(line.text) or counts[_key(line.text)] < 2:
            continue
        near_page = any(abs(index - p) <= 2 for p in page_lines)
        repeats_near_pages = any(
            abs(i - p) <= 2
            for i, other in enumerate(marked)
            if _key(other.text) == _key(line.text)
            for p in page_lines
        )
        paged = bool(page_lines)  # repeats in a paged capture are running heads and feet
        if (
            (paged and counts[_key(line.text)] >= 3)
            or near_page
            or (repeats_near_pages and index == 0)
        ):
            marked[index] = replace(line, chrome="running header or footer")
    marked = _running_heads_after_breaks(marked)
    return _chart_residue(marked)


def _running_heads_after_breaks(lines: list[Line]) -> list[Line]:
    """A short line right after a page number is the next page's running head when the text
    runs on across the break: a sentence left open, or a numbered list going on (3 then 4)."""
    out = list(lines)
    for index, line in enumerate(lines):
        if line.chrome != "page number" or index + 2 >= len(lines):
            continue
        head, after = lines[index + 1], lines[index + 2]
        if head.chrome or not _is_short_label(head.text) or _MARKER.match(head.text):
            continue
        before = next((lines[i] for i in range(index - 1, -1, -1) if not lines[i].chrome), None)
        if before is None:
            continue
        open_sentence = not _SENTENCE_END.search(before.text) or after.text[:1].islower()
        if open_sentence or _list_goes_on(lines[:index], after):
            out[index + 1] = replace(head, chrome="running header or footer")
    return out


def _list_goes_on(before: list[Line], after: Line) -> bool:
    following = _NUMBER.match(after.text)
    if not following:
        return False
    for line in reversed(before):
        if number := _NUMBER.match(line.text):
            return int(number.group(1)) + 1 == int(following.group(1))
        if line.indent == 0 and not line.chrome:
            return False
    return False


def _is_figure_line(text: str) -> bool:
    """Chart residue: labels laid out in columns, or a line of bare figures ('120K', '2010')."""
    tokens = text.split()
    if _COLUMNS.search(text) and len(tokens) <= 8:
        return True
    return 0 < len(tokens) <= 3 and all(_FIGURE_TOKEN.match(t) for t in tokens)


def _chart_residue(lines: list[Line]) -> list[Line]:
    """Runs of figure lines, with the short lines caught between them (axis titles,
    OCR debris), are what is left of a chart when its text is captured."""
    out = list(lines)
    figures = [i for i, line in enumerate(lines) if not line.chrome and _is_figure_line(line.text)]
    for first, last in zip(figures, figures[1:], strict=False):
        between = lines[first + 1 : last]
        if last - first <= 4 and all(len(b.text) <= 40 or b.chrome for b in between):
            for index in range(first, last + 1):
                if not out[index].chrome:
                    out[index] = replace(out[index], chrome="chart residue")
    return out
