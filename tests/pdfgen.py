"""Write test PDFs the way report software lays them out, with fpdf2 (a test-only dependency).

`Writer` flows text down one or two columns and over pages, with running headers and
footers, page numbers, headings, lists, superscript footnote marks (`{12}` in the text) and
footnotes at the bottom of the page, and full-width tables. A forced line break in a
paragraph is written `\\n` (to place a hyphenated word at a line end).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

WIDTH, HEIGHT = 612.0, 792.0  # US Letter, points
LEFT, RIGHT, TOP = 72.0, 540.0, 72.0
BODY_BOTTOM = 690.0  # footnotes go below this, the footer lower still
GUTTER = 18.0
_MARK = re.compile(r"(\{\d+\})")


class Writer:
    def __init__(
        self,
        *,
        header: str = "",
        footer: Callable[[int], str] | None = None,
        body: float = 10.0,
        leading: float = 12.5,
        title: str = "",
        author: str = "",
        created: datetime | None = datetime(2021, 7, 29),
    ) -> None:
        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.core_fonts_encoding = "windows-1252"
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(LEFT, TOP, WIDTH - RIGHT)
        if title:
            self.pdf.set_title(title)
        if author:
            self.pdf.set_author(author)
        if created:
            self.pdf.set_creation_date(created)
        self.header, self.footer = header, footer
        self.body, self.leading = body, leading
        self.columns = 1
        self.column = 0
        self.region_top = TOP
        self.y = TOP
        self.bottom_reached = TOP  # lowest y written in the current two-column region
        self.notes: list[tuple[int, str]] = []
        self._new_page()

    # -- pages and columns -------------------------------------------------------------
    def _new_page(self) -> None:
        self._finish_page()
        self.pdf.add_page()
        page = self.pdf.page_no()
        if self.header:
            self._font(8)
            self.pdf.text(LEFT, 40, self.header)
        if self.footer:
            self._font(8)
            text = self.footer(page)
            self.pdf.text((WIDTH - self.pdf.get_string_width(text)) / 2, 765, text)
        self.region_top = self.y = self.bottom_reached = TOP
        self.column = 0

    def _finish_page(self) -> None:
        if not self.notes or self.pdf.page_no() == 0:
            return
        y = 712.0
        self.pdf.set_line_width(0.5)
        self.pdf.line(LEFT, y - 10, LEFT + 144, y - 10)
        for number, text in self.notes:
            for line in self._wrap(f"{number} {text}", RIGHT - LEFT, 8):
                self._font(8)
                self.pdf.text(LEFT, y, line)
                y += 9.5
        self.notes = []

    def _x_range(self) -> tuple[float, float]:
        if self.columns == 1:
            return LEFT, RIGHT
        width = (RIGHT - LEFT - GUTTER) / 2
        x0 = LEFT + self.column * (width + GUTTER)
        return x0, x0 + width

    def two_columns(self) -> None:
        self.columns, self.column = 2, 0
        self.region_top = self.bottom_reached = self.y

    def one_column(self) -> None:
        if self.columns == 2:
            self.y = max(self.y, self.bottom_reached)
        self.columns, self.column = 1, 0

    def _room(self, height: float) -> None:
        if self.y + height <= BODY_BOTTOM:
            return
        if self.columns == 2 and self.column == 0:
            self.bottom_reached = max(self.bottom_reached, self.y)
            self.column, self.y = 1, self.region_top
            return
        self._new_page()

    def next_column(self) -> None:
        """Continue at the top of the right column (or the next page)."""
        self._room(BODY_BOTTOM)

    def page_break(self) -> None:
        self._new_page()

    # -- text ----------------------------------------------------------------------------
    def _font(self, size: float, style: str = "") -> None:
        self.pdf.set_font("Helvetica", style, size)

    def _width(self, text: str, size: float, style: str = "") -> float:
        self._font(size, style)
        return self.pdf.get_string_width(_MARK.sub("", text)) + 4 * len(_MARK.findall(text))

    def _wrap(self, text: str, width: float, size: float, style: str = "") -> list[str]:
        lines: list[str] = []
        for forced in text.split("\n"):
            current = ""
            for word in forced.split():
                candidate = f"{current} {word}".strip()
                if current and self._width(candidate, size, style) > width:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            if current:
                lines.append(current)
        return lines

    def _draw(self, x: float, y: float, line: str, size: float, style: str = "") -> None:
        for part in _MARK.split(line):
            if not part:
                continue
            if _MARK.fullmatch(part):
                self._font(size * 0.65, style)
                self.pdf.text(x, y - size * 0.38, part[1:-1])
                x += self.pdf.get_string_width(part[1:-1])
            else:
                self._font(size, style)
                self.pdf.text(x, y, part)
                x += self.pdf.get_string_width(part)

    def _block(
        self,
        text: str,
        size: float,
        style: str = "",
        indent: float = 0.0,
        marker: str = "",
        space_after: float = 6.0,
        leading: float | None = None,
    ) -> None:
        x0, x1 = self._x_range()
        step = leading or max(self.leading, size * 1.25)
        offset = indent + (14 if marker else 0)
        for index, line in enumerate(self._wrap(text, x1 - x0 - offset, size, style)):
            self._room(step)
            x0, x1 = self._x_range()
            text_x = x0 + offset
            self.y += step
            if index == 0 and marker:
                self._draw(x0 + indent, self.y, marker, size, style)
            self._draw(text_x, self.y, line, size, style)
        self.y += space_after

    def title(self, text: str, size: float = 20) -> None:
        self._block(text, size, "B", space_after=10)

    def heading(self, text: str, size: float = 14, bold: bool = True) -> None:
        self._room(size * 3)
        self.y += 4
        self._block(text, size, "B" if bold else "", space_after=4)

    def subheading(self, text: str) -> None:
        """A bold line at body size: the lowest heading level."""
        self._room(self.leading * 3)
        self._block(text, self.body, "B", space_after=2)

    def paragraph(self, text: str, indent: float = 0.0) -> None:
        self._block(text, self.body, indent=indent)

    def item(self, marker: str, text: str, depth: int = 0) -> None:
        self._block(text, self.body, indent=18.0 * depth, marker=marker, space_after=2)

    def note(self, number: int, text: str) -> None:
        """A footnote printed at the bottom of the current page."""
        self.notes.append((number, text))

    def table(self, rows: list[list[str]], widths: list[float] | None = None) -> None:
        """A full-width table: one line per row, cells at fixed positions."""
        self.one_column()
        widths = widths or [(RIGHT - LEFT) / len(rows[0])] * len(rows[0])
        for row_index, row in enumerate(rows):
            self._room(self.leading)
            self.y += self.leading
            x = LEFT
            for cell, width in zip(row, widths, strict=True):
                self._draw(x, self.y, cell, self.body - 1, "B" if row_index == 0 else "")
                x += width
        self.y += 8

    def raw_text(self, x: float, y: float, text: str, size: float = 10.0) -> None:
        self._draw(x, y, text, size)

    def save(self, path: Path) -> Path:
        self._finish_page()
        self.pdf.output(str(path))
        return path

    def encrypt(self, user_password: str) -> None:
        self.pdf.set_encryption(
            owner_password="owner-" + user_password, user_password=user_password
        )
