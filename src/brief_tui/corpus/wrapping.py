"""Hard-wrapped text (a PDF or OCR capture) told from one-paragraph-per-line text, and re-flowed.

A wrapped capture is recognised by the shape of its lines, not by a fixed width: most lines
crowd just under one width (whatever it is, 50 or 110 characters), and many of them break
mid-sentence, the next line going on in lower case. Text with one paragraph per line shows
neither, however its lines are separated, so it is never joined.

Re-flowing decides, at every line end, whether the paragraph goes on:
- a line starting in lower case continues an open sentence;
- a list marker, a caption or note label ('Figure 2.', 'Source:'), or a blank line in a
  capture that separates its paragraphs with blank lines, starts a new block;
- a sentence ending at a line end closes the paragraph where blank lines do not mark
  paragraphs (there is no other sign), and does not where they do;
- a short line that is not a sentence (a heading, a cover line) stands alone unless a
  connecting word or a comma carries it over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus.furniture import Line

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_LEADER = re.compile(r"(?:\.{3,}|…{2,})\s*\d{1,4}$")  # a contents line: 'Summary ....... 2'
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Ms|Mrs|Dr|St|No|Jr|Sr|vs|etc)\.)$")
_MARKER = re.compile(r"^(?:[•\-\*·▪◦‣●–]\s|\d{1,2}(?:\.\)|\.|\))\s)")
_BLOCK_START = re.compile(
    r"^(?:(?:figure|fig\.|table|chart|map|box|graph)\s+\d|(?:source|sources|note|notes)\s*:|\*\S|#{1,6}\s)",
    re.IGNORECASE,
)
# A letter's closing ('Sincerely,') and salutation ('Dear Ms. Ruiz,') stand on their own.
VALEDICTION = re.compile(
    r"^(?:(?:very )?(?:sincerely|respectfully|cordially|faithfully|truly)(?: yours)?|"
    r"yours (?:sincerely|truly|faithfully)|(?:best|kind|warm) regards|with (?:gratitude|respect)|"
    r"respectfully submitted|in solidarity)\s*[,.]?$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"^dear\b.{1,100}[,:]$", re.IGNORECASE)


def is_salutation_line(text: str) -> bool:
    return _SALUTATION.match(text) is not None


CONNECTORS = frozenset(
    "a an and the of to in for with by that or as on at from into over under than nor but "
    "its their our his her whose which who".split()
)


@dataclass(frozen=True)
class Wrap:
    """How a capture is wrapped: its width, and whether blank lines separate paragraphs."""

    width: int
    blank_paragraphs: bool  # blank lines mark paragraph ends (not after every line)
    double_spaced: bool  # a blank line after nearly every line: blank lines mean nothing


def _band_width(lines: list[Line]) -> tuple[int, int]:
    """The width most lines crowd under, and how many lines crowd there."""
    lengths = [len(line.text) for line in lines if len(line.text.split()) >= 4]
    best, best_score, best_band = 0, 0, 0
    for width in sorted(set(lengths)):
        if not 30 <= width <= 160:
            continue
        band = sum(1 for n in lengths if 0.8 * width <= n <= width)
        over = sum(1 for n in lengths if n > width)
        if band - 2 * over > best_score:
            best, best_score, best_band = width, band - 2 * over, band
    return best, best_band


def detect_wrap(lines: list[Line]) -> Wrap | None:
    """The wrap of a hard-wrapped capture, or None when lines are whole paragraphs."""
    body = [line for line in lines if not line.chrome]
    if len(body) < 6:
        return None
    width, band = _band_width(body)
    long_lines = sum(1 for line in body if len(line.text.split()) >= 4)
    if not width or band < 0.35 * long_lines:
        return None
    pairs = list(zip(body, body[1:], strict=False))
    running_on = sum(
        1 for a, b in pairs if b.text[:1].islower() and not _SENTENCE_END.search(a.text)
    )
    if running_on < max(3, 0.15 * len(pairs)):
        return None
    blank = sum(1 for _, b in pairs if b.gap >= 1)
    double_spaced = blank > 0.6 * len(pairs)
    ends = [b.gap for a, b in pairs if _ends_sentence(a.text) and b.text[:1].isupper()]
    blank_paragraphs = (
        not double_spaced and bool(ends) and sum(g >= 1 for g in ends) * 2 >= len(ends)
    )
    return Wrap(width, blank_paragraphs, double_spaced)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION_END.search(text)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_like(text: str) -> bool:
    text = _MARKER.sub("", text)
    words = text.split()
    return (
        0 < len(words) <= 12
        and (text[0].isupper() or text[0] in "“\"'‘")
        and not _TERMINAL.search(text)
    )


def _carries_over(paragraph: list[Line], width: int) -> bool:
    """A line that does not end its sentence and leads into a capitalised next line."""
    text = paragraph[-1].text
    last = text.split()[-1]
    if text.endswith((",", ";", "-", "–", "—", "(")) or last.lower() in CONNECTORS:
        return True
    if _is_caps(text) or (len(paragraph) == 1 and _title_like(text)):
        return False  # a cover line, a heading, a label: it stands alone
    return last[:1].isupper() or len(text) >= 0.75 * width  # a name running on, a full line


def continues(paragraph: list[Line], line: Line, wrap: Wrap) -> bool:
    """Whether `line` goes on with the paragraph (or list item) whose lines are `paragraph`."""
    previous = paragraph[-1]
    text, before = line.text, previous.text
    in_item = bool(_MARKER.match(paragraph[0].text))
    soft_gap = 1 if wrap.double_spaced else 0
    if _MARKER.match(text) or line.gap > soft_gap + 1:
        return False
    if VALEDICTION.match(before) or is_salutation_line(before) or _LEADER.search(before):
        return False
    if (
        text[:1].islower()
        and not _ends_sentence(before)
        and (line.gap <= soft_gap or len(before) >= 0.75 * wrap.width)
    ):
        return True  # the sentence runs on (across a blank line only from a full line)
    if line.gap > soft_gap or _BLOCK_START.match(text):
        return False
    if in_item and line.indent > paragraph[0].indent and not before.endswith(":"):
        return True  # an indented continuation of a list item
    if text[:1].islower():
        return True
    if before.endswith(":"):
        return False
    if _ends_sentence(before):
        # Where blank lines mark paragraphs, a line end does not (unless a heading follows).
        return wrap.blank_paragraphs and not _title_like(text)
    return _carries_over(paragraph, wrap.width)
