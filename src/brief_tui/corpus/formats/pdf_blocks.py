"""From a PDF's lines to blocks: paragraphs re-joined, headings ranked, lists and notes kept.

The page geometry (columns, furniture, tables) is settled in `pdf_layout`; this module reads
the lines in order and decides where one block ends and the next begins, from what a reader
sees: a larger or bold font, a list marker, a wider gap, an indent, a short last line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from brief_tui.corpus.formats.pdf_layout import (
    Line,
    Page,
    body_size,
    drop_running_lines,
    find_tables,
    footnote_zone,
    join_split_lines,
    reading_order,
)
from brief_tui.corpus.segment import Block

_BULLET = re.compile(r"^(?:([•◦▪▫■□●○‣⁃∙·\uf0b7\uf0a7\uf0d8➢►])\s*|([-–—*o])\s+)(?=\S)")
_NUMBERED = re.compile(r"^\(?(\d{1,2}|[a-z]|i{1,3}|iv|vi{0,3}|ix|x)[.)]\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*(?:\[\d[\d,–-]*\])?$")
_NOTE_START = re.compile(r"^(?:\[(\d{1,3})\]|(\d{1,3})(?:[.)]|(?=\s)))\s*(?=\S)")
_LEADER = re.compile(r"\s*(?:\.\s?){4,}\s*(?=[\divxlc]+$)")
_CONTENTS_ENTRY = re.compile(r" … [\divxlc]+$")  # 'Naming … 3': one entry of a contents list
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_WORD = re.compile(r"[^\W\d_]+$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")

MAX_HEADING_WORDS = 25  # a larger-type run longer than this is a lead paragraph, not a heading
MAX_BOLD_HEADING_WORDS = 15


def pdf_blocks(pages: list[Page]) -> list[Block]:
    """The blocks of a document's pages in reading order, its footnotes last under 'Notes'."""
    drop_running_lines(pages)
    size = body_size(pages)
    vocabulary = _vocabulary(pages)
    notes = _Notes(vocabulary)
    body: list[Line] = []
    for page in pages:
        lines = [_without_leader(line) for line in join_split_lines(page.lines)]
        ordered = reading_order(find_tables(lines))
        first = True
        for line, in_zone in zip(ordered, footnote_zone(ordered, size), strict=True):
            if in_zone and notes.add(line):
                continue
            if first and not line.new_flow:
                line = replace(line, new_flow=True)
            body.append(line)
            first = False
        notes.end_page()
    builder = _Builder(size, _line_gap(body, size), vocabulary)
    for line in body:
        builder.add(line)
    blocks = _ranked(builder.finish())
    return blocks + notes.blocks(_notes_level(blocks))


def _without_leader(line: Line) -> Line:
    """'Naming . . . . . 3' (a contents entry's dot leader) as 'Naming … 3'."""
    if ". ." not in line.text and "...." not in line.text:
        return line
    return replace(line, text=_LEADER.sub(" … ", line.text))


def _vocabulary(pages: list[Page]) -> set[str]:
    """Every word the document prints whole, to tell 'multi-\\nyear' from 'migra-\\ntion'."""
    words: set[str] = set()
    for page in pages:
        for line in page.lines:
            text = line.text[:-1] if line.text.endswith("-") else line.text
            words.update(word.casefold() for word in _WORD.findall(text))
    return words


def join_lines(before: str, after: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Two wrapped lines as one text.

    A hyphen at a line end is taken out when the next line starts in lower case
    ('migra-' 'tion'), unless the document prints the hyphenated word elsewhere and never the
    joined one ('multi-year'); before a capital or a digit it is a real hyphen ('U.S.-Mexico').
    """
    if not before:
        return after
    if before.endswith("\u00ad"):
        return before[:-1] + after
    if before.endswith(("-", "‐")) and len(before) > 1 and not before[-2].isspace():
        head = _LAST_WORD.search(before[:-1])
        tail = _FIRST_WORD.match(after)
        if head and tail and after[0].islower():
            joined = (head.group() + tail.group()).casefold()
            hyphened = f"{head.group()}-{tail.group()}".casefold()
            if hyphened in vocabulary and joined not in vocabulary:
                return before + after
            return before[:-1] + after
        return before + after
    if before.endswith(("—", "–", "/")) and not before[-2:-1].isspace():
        return before + after
    return f"{before} {after}"


def _line_gap(lines: list[Line], size: float) -> float:
    """The usual space between two lines of one body paragraph (the mode, in half points)."""
    gaps: Counter[float] = Counter()
    for before, after in zip(lines, lines[1:], strict=False):
        gap = after.top - before.bottom
        if not after.new_flow and abs(after.size - size) < 0.6 and -1 < gap < size:
            gaps[round(gap * 2) / 2] += 1
    if sum(gaps.values()) < 5:  # too few lines to tell line spacing from paragraph spacing
        return 0.25 * size
    return gaps.most_common(1)[0][0]


def _ended_early(last: Line, following: str, ends_sentence: bool, width: float) -> bool:
    """The line stopped short of its column although the next line's first word would have
    fitted: the writer ended the paragraph there. Without a full stop the word is measured
    generously and the line must end well short ('July 2021' over a paragraph)."""
    if following[:1].islower() or last.text.endswith(("-", ",")):
        return False  # the sentence visibly goes on
    room = last.edge - last.x1
    word = len(following.split(" ", 1)[0]) + 1
    if ends_sentence:
        return room > word * 0.6 * last.size + 0.5 * last.size
    return room > max(word * 0.8 * last.size + last.size, 0.3 * width)


def _style(line: Line, size: float) -> str:
    if line.cells:
        return "table"
    if line.size >= size * 1.1 and line.size - size >= 0.8:
        return "large"
    if line.bold and abs(line.size - size) < 0.8:
        return "bold"
    return "body"


def _list_marker(text: str, in_paragraph: bool) -> tuple[str, str, str] | None:
    """(kind, raw marker, rest) when `text` starts a list item; kind is 'bullet' or 'number'.

    A letter or roman numeral inside a running paragraph ('Roe' / 'v. Wade') is not a marker.
    """
    if bullet := _BULLET.match(text):
        return "bullet", bullet.group(1) or bullet.group(2), text[bullet.end() :]
    if number := _NUMBERED.match(text):
        if in_paragraph and not number.group(1).isdigit():
            return None
        return "number", number.group(1), text[number.end() :]
    return None


@dataclass
class _Made:
    kind: str  # "heading" | "paragraph" | "item"
    text: str
    page: int
    marker: str = ""
    size: float = 0.0
    style: str = "body"


@dataclass
class _Open:
    kind: str  # "heading" (a candidate until it is closed), "paragraph", "item", "table"
    style: str
    first: Line
    last: Line
    text: str
    marker: str = ""


@dataclass
class _Builder:
    size: float
    gap: float
    vocabulary: set[str]
    made: list[_Made] = field(default_factory=list)
    current: _Open | None = None
    list_x0: list[float] = field(default_factory=list)  # x of each open list level's markers

    def add(self, line: Line) -> None:
        style = _style(line, self.size)
        current = self.current
        in_paragraph = current is not None and current.kind == "paragraph"
        if in_paragraph and current is not None and _SENTENCE_END.search(current.text):
            in_paragraph = False
        marker = _list_marker(line.text, in_paragraph) if style not in ("large", "table") else None
        if current is not None and marker is None and self._continues(current, line, style):
            current.text = join_lines(current.text, line.text, self.vocabulary)
            current.last = line
            return
        self._close()
        if marker is not None:
            kind, raw, rest = marker
            self.current = _Open("item", style, line, line, rest, self._marker(kind, raw, line))
        elif style == "table":
            self.current = _Open("table", style, line, line, line.text)
        elif style in ("large", "bold"):
            self.current = _Open("heading", style, line, line, line.text)
            self.list_x0 = []
        else:
            self.current = _Open("paragraph", style, line, line, line.text)
            self.list_x0 = []

    def _continues(self, current: _Open, line: Line, style: str) -> bool:
        last = current.last
        if current.kind == "table" or style == "table":
            return False
        if line.new_flow:
            return (
                current.kind in ("paragraph", "item")
                and style == "body"
                and abs(line.size - last.size) < 0.6
                and not _SENTENCE_END.search(current.text)
            )
        if current.kind == "heading":
            return (
                style == current.style
                and abs(line.size - last.size) < 0.6
                and line.top - last.bottom <= max(self.gap, 0.2 * line.size) + 0.5 * line.size
            )
        if abs(line.size - last.size) >= 0.6 or _CONTENTS_ENTRY.search(last.text):
            return False
        if style != current.style and not (
            current.kind == "item" and style in ("body", "bold") and line.text[:1].islower()
        ):
            return False
        gap = line.top - last.bottom
        if gap < -0.5 * line.size or gap > self.gap + 0.45 * self.size:
            return False
        ends_sentence = _SENTENCE_END.search(current.text) is not None
        if _ended_early(last, line.text, ends_sentence, last.edge - current.first.x0):
            return False
        if current.kind == "item":
            back_at_marker = line.x0 <= current.first.x0 + 0.3 * self.size
            return not (back_at_marker and ends_sentence)
        return line.x0 <= last.x0 + 0.8 * self.size

    def _marker(self, kind: str, raw: str, line: Line) -> str:
        """'•' for a first-level bullet, the printed one below it; '1.', 'a.' for numbers."""
        while self.list_x0 and line.x0 < self.list_x0[-1] - 0.5 * self.size:
            self.list_x0.pop()
        if not self.list_x0 or line.x0 > self.list_x0[-1] + 0.5 * self.size:
            self.list_x0.append(line.x0)
        depth = len(self.list_x0)
        if kind == "number":
            return f"{raw}."
        if depth == 1:
            return "•"
        return {"•": "◦", "\uf0b7": "◦", "o": "◦", "\uf0a7": "▪"}.get(raw, raw)

    def _close(self) -> None:
        current, self.current = self.current, None
        if current is None or not current.text.strip():
            return
        text = " ".join(current.text.split())
        kind = current.kind
        if kind == "heading":
            words = len(text.split())
            limit = MAX_HEADING_WORDS if current.style == "large" else MAX_BOLD_HEADING_WORDS
            if words > limit or (current.style == "bold" and text.endswith((".", ",", ";"))):
                kind = "paragraph"
        elif kind == "table":
            kind = "paragraph"
        marker = current.marker
        if kind != "item" and _CONTENTS_ENTRY.search(text):
            kind, marker = "item", "•"  # an entry of a table of contents, not a section
        self.made.append(
            _Made(
                kind,
                text,
                current.first.page,
                marker,
                current.first.size,
                current.style,
            )
        )

    def finish(self) -> list[_Made]:
        self._close()
        return self.made


def _ranked(made: list[_Made]) -> list[Block]:
    """Blocks with heading levels: the largest heading size is level 1, and so on down;
    bold headings at body size come last."""
    sizes = sorted(
        {round(m.size * 2) / 2 for m in made if m.kind == "heading" and m.style == "large"},
        reverse=True,
    )
    levels = {size: index + 1 for index, size in enumerate(sizes)}
    blocks = []
    for m in made:
        level = 0
        if m.kind == "heading":
            level = levels.get(round(m.size * 2) / 2, len(sizes) + 1)
        blocks.append(Block(m.kind, m.text, m.marker, level=level, page=m.page))
    return blocks


def _notes_level(blocks: list[Block]) -> int:
    """The level of the document's own sections: under a lone top-level title, one below it."""
    levels = [b.level for b in blocks if b.kind == "heading"]
    if not levels:
        return 1
    top = min(levels)
    if levels.count(top) == 1 and len(levels) > 1:
        return min(level for level in levels if level != top)
    return top


@dataclass
class _Note:
    number: int
    text: str
    page: int


@dataclass
class _Notes:
    """Footnotes gathered from the bottoms of pages, in the order they are printed."""

    vocabulary: set[str]
    notes: list[_Note] = field(default_factory=list)
    open: bool = False  # the last note may go on with the next line
    first_on_page: bool = True

    def add(self, line: Line) -> bool:
        """Take `line` as a footnote or its continuation; False when it is not one."""
        start = _NOTE_START.match(line.text)
        if start:
            number = int(start.group(1) or start.group(2))
            last = self.notes[-1].number if self.notes else 0
            if start.group(1) or not self.notes or last < number <= last + 5:
                self.notes.append(_Note(number, line.text[start.end() :], line.page))
                self.open = True
                self.first_on_page = False
                return True
        if self.open and self.notes:
            note = self.notes[-1]
            if self.first_on_page and _SENTENCE_END.search(note.text):
                return False
            note.text = join_lines(note.text, line.text, self.vocabulary)
            self.first_on_page = False
            return True
        return False

    def end_page(self) -> None:
        self.first_on_page = True

    def blocks(self, level: int) -> list[Block]:
        if not self.notes:
            return []
        out = [Block("heading", "Notes", synthetic=True, level=level, page=self.notes[0].page)]
        for note in self.notes:
            out.append(
                Block("item", " ".join(note.text.split()), f"{note.number}.", page=note.page)
            )
        return out
