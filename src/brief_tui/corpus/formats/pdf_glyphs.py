"""From pdfminer's page drawing to `Line`s: each character's box and font, grouped into lines.

pdfminer's layout analysis builds an object per character and then groups characters into
lines and boxes; reading a dense 100-page report that way took longer than our whole budget.
This device keeps each character as a tuple, drops vector drawing (charts, rules), and groups
characters into lines in the order the page draws them, as pdfminer does: the next character
is on the same line when it overlaps the previous one vertically and follows it within about
an em. Superscript digits attached to a word become a visible mark, '[12]'.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix

from brief_tui.corpus.formats.pdf_layout import Line
from brief_tui.corpus.sanitize import safe_line

# (x0, y0, x1, y1, size, font name, text); y grows upwards, as in PDF.
Glyph = tuple[float, float, float, float, float, str, str]

LINE_GAP = 1.0  # ems of empty space after which the next character starts a new line
WORD_GAP = 0.15  # ems of empty space that separate two words
_BOLD_FONT = re.compile(r"bold|black|heavy|demi|,b$", re.IGNORECASE)
_MARK = re.compile(r"^[\d,–*†‡-]+$")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_UNICODE_MARK = re.compile(r"(?<=[^\s\d])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


class GlyphDevice(PDFPageAggregator):
    """Collects the characters of one page; counts its images; ignores its vector paths."""

    def __init__(self, manager: Any) -> None:
        super().__init__(manager, laparams=None)
        self.glyphs: list[Glyph] = []
        self.images = 0
        self.unknown = 0  # characters whose font does not say which letter they are

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.glyphs, self.images, self.unknown = [], 0, 0

    def render_image(self, name: str, stream: Any) -> None:
        self.images += 1

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        return None

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        """Record the character (as pdfminer's LTChar would place it); return its advance."""
        adv: float = font.char_width(cid) * fontsize * scaling
        if font.is_vertical():
            return adv  # vertical writing is not read
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            self.unknown += 1
            return adv
        a, b, c, d, e, f = matrix
        if a * d * scaling <= 0 or b * c > 0:
            return adv  # rotated or mirrored text: a watermark or a margin label
        low = font.get_descent() * fontsize + rise
        if b == 0 and c == 0:
            x0, x1 = e, a * adv + e
            y0, y1 = d * low + f, d * (low + fontsize) + f
        else:  # slanted or scaled oddly: the box around the transformed corners
            xs = [a * x + c * y + e for x in (0, adv) for y in (low, low + fontsize)]
            ys = [b * x + d * y + f for x in (0, adv) for y in (low, low + fontsize)]
            x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        self.glyphs.append((x0, y0, x1, y1, y1 - y0, font.fontname, text))
        return adv


def page_lines(glyphs: list[Glyph], number: int, page_top: float) -> list[Line]:
    """The page's lines, from its characters in drawing order."""
    lines: list[Line] = []
    run: list[Glyph] = []
    px0 = px1 = py0 = py1 = 0.0
    for glyph in glyphs:
        x0, y0, x1, y1, size, _, _ = glyph
        if run:
            overlap = min(py1, y1) - max(py0, y0)
            if (
                overlap >= 0.5 * min(py1 - py0, y1 - y0)
                and x0 - px1 < LINE_GAP * max(size, py1 - py0)
                and x0 > px0 - 0.5 * size
            ):
                run.append(glyph)
                px0, px1, py0, py1 = x0, x1, y0, y1
                continue
            if line := _line(run, number, page_top):
                lines.append(line)
        run = [glyph]
        px0, px1, py0, py1 = x0, x1, y0, y1
    if run and (line := _line(run, number, page_top)):
        lines.append(line)
    return lines


def _line(run: list[Glyph], number: int, page_top: float) -> Line | None:
    """One printed line: its text (superscript numbers as '[12]'), box, size and weight."""
    visible = [g for g in run if g[6].strip()]
    if not visible:
        return None
    size = Counter(round(g[4], 1) for g in visible).most_common(1)[0][0]
    main = [g for g in visible if abs(g[4] - size) < 0.5]
    baseline = statistics.median(g[1] for g in main)
    raise_at, small = baseline + 0.2 * size, 0.8 * size
    parts: list[str] = []
    lifted: list[str] = []
    body: list[Glyph] = []
    previous_x1 = run[0][0]
    for glyph in run:
        x0, y0, _, _, glyph_size, _, text = glyph
        if x0 - previous_x1 > WORD_GAP * size and parts and not parts[-1].endswith(" "):
            if lifted:
                parts.append(_mark(lifted))
            parts.append(" ")
        previous_x1 = glyph[2]
        if glyph_size < small and y0 > raise_at and text.strip():
            lifted.append(text)
            continue
        if lifted:
            parts.append(_mark(lifted))
        parts.append(text)
        if text.strip():
            body.append(glyph)
    if lifted:
        parts.append(_mark(lifted))
    text = safe_line("".join(parts).translate(_LIGATURES))
    text = _UNICODE_MARK.sub(lambda m: f"[{m.group(1).translate(_SUPERSCRIPT_DIGITS)}]", text)
    if not text:
        return None
    weighed = body or visible
    bold = sum(1 for g in weighed if _BOLD_FONT.search(g[5])) >= 0.6 * len(weighed)
    return Line(
        text=text,
        x0=min(g[0] for g in visible),
        x1=max(g[2] for g in visible),
        top=page_top - max(g[3] for g in main),
        bottom=page_top - min(g[1] for g in main),
        size=size,
        bold=bold,
        page=number,
        chars=len(weighed),
    )


def _mark(lifted: list[str]) -> str:
    """Raised small digits ('12', '3,4') as a footnote mark; other raised text as it is."""
    mark = "".join(lifted)
    lifted.clear()
    return f"[{mark}]" if _MARK.match(mark) else mark
