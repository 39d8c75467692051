"""Where text sits on a PDF page: running headers and footers, tables, columns and bands.

Works on `Line`s (one line of text with its box and font) so it needs no PDF library and can
be tested with lines made by hand. Coordinates are points; `top` and `bottom` are measured
down from the top of the page, so sorting by `top` reads top-down.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as it is printed: its words, box, font and page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the font size most of its characters are set in
    bold: bool
    page: int  # 1-based
    chars: int = 1  # visible characters, so the body size is weighed by text, not lines
    cells: tuple[str, ...] = ()  # a table row's cells, left to right
    new_flow: bool = False  # starts a page or a column: the line above is not its neighbour
    edge: float = 0.0  # right edge of the column it sits in


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    images: int = 0


EDGE_BAND = 0.12  # running headers and footers sit in the top or bottom 12 % of a page
REPEAT_SHARE = 0.4  # ...on at least this share of the pages (odd/even headers alternate)
_LONE_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)


def _repeat_key(line: Line) -> str:
    """'Page 3 of 20' and 'Page 4 of 20' (or 'CRS-4', 'CRS-5') share a key; so do two
    copies in the same size of type (a header repeating the title is not the title)."""
    return f"{round(line.size)}:" + re.sub(r"\d+", "#", " ".join(line.text.casefold().split()))


def is_page_number(text: str) -> bool:
    return bool(_LONE_PAGE_NUMBER.match(text.strip(" -–—|·•[]()")))


def _edge_bands(page: Page) -> dict[int, str]:
    """Index of each line that may be page furniture -> 'top' or 'bottom'.

    Lines in the top or bottom band of the page, and the page's first and last line
    wherever they are (some headers sit lower than the band).
    """
    bands: dict[int, str] = {}
    if not page.lines:
        return bands
    for index, line in enumerate(page.lines):
        middle = (line.top + line.bottom) / 2
        if middle < page.height * EDGE_BAND:
            bands[index] = "top"
        elif middle > page.height * (1 - EDGE_BAND):
            bands[index] = "bottom"
    first = min(range(len(page.lines)), key=lambda i: page.lines[i].top)
    last = max(range(len(page.lines)), key=lambda i: page.lines[i].bottom)
    bands.setdefault(first, "top")
    bands.setdefault(last, "bottom")
    return bands


def drop_running_lines(pages: list[Page]) -> int:
    """Remove running headers, footers and lone page numbers from `pages`; return how many.

    A header or footer is text in the same band (top or bottom) on many pages once its
    digits are ignored, so page numbers inside it do not make each page's copy different.
    """
    bands = [_edge_bands(page) for page in pages]
    seen: Counter[tuple[str, str]] = Counter()
    for page, edges in zip(pages, bands, strict=True):
        seen.update({(band, _repeat_key(page.lines[i])) for i, band in edges.items()})
    threshold = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    dropped = 0
    for page, edges in zip(pages, bands, strict=True):
        kept = []
        for index, line in enumerate(page.lines):
            band = edges.get(index)
            if band and (is_page_number(line.text) or seen[(band, _repeat_key(line))] >= threshold):
                dropped += 1
            else:
                kept.append(line)
        page.lines = kept
    return dropped


def body_size(pages: list[Page]) -> float:
    """The font size most characters are set in (ties: the smaller).

    Lines in the bottom quarter of a page are left out when there are others: long
    footnotes under a short page of text must not make the notes' size the body's.
    """
    weights: Counter[float] = Counter()
    for page in pages:
        upper = [line for line in page.lines if line.bottom < 0.75 * page.height]
        for line in upper or page.lines:
            weights[round(line.size * 2) / 2] += line.chars
    if not weights:
        return 10.0
    top = max(weights.values())
    return min(size for size, weight in weights.items() if weight == top)


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by shared baseline, top-down; each row left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda item: item.bottom):
        if rows and line.bottom - rows[-1][0].bottom <= 0.35 * max(line.size, 1.0):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda item: item.x0) for row in rows]


_LONE_MARKER = re.compile(
    r"^(?:[•◦▪▫■□●○‣⁃∙·\uf0b7\uf0a7\uf0d8➢►*–-]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]"
    r"|(?:[A-Z]|\d{1,2})(?:\.\d{1,2}){0,3}\.?)$"
)


def join_split_lines(lines: list[Line]) -> list[Line]:
    """Put back together a line the layout analysis cut in two at a wide space.

    pdfminer ends a line where the space is wider than two of its neighbouring characters,
    so a list marker or section number set off by a tab ('2.' then 'Increase …', '2.1'
    then 'Naming'), or a justified line with a
    wide word space after a narrow letter, comes out as two lines on one baseline. Pieces
    closer than most of an em (a marker: three ems) are one line; a gutter or a table's
    cell gap is wider.
    """
    out: list[Line] = []
    for row in _rows(lines):
        current = row[0]
        for piece in row[1:]:
            gap = piece.x0 - current.x1
            reach = 3.0 if _LONE_MARKER.match(current.text) else 0.8
            if 0 <= gap <= reach * current.size and abs(piece.size - current.size) < 0.6:
                current = _joined(current, piece)
            else:
                out.append(current)
                current = piece
        out.append(current)
    return out


def _joined(left: Line, right: Line) -> Line:
    chars = left.chars + right.chars
    return replace(
        left,
        text=f"{left.text} {right.text}",
        x1=right.x1,
        top=min(left.top, right.top),
        bottom=max(left.bottom, right.bottom),
        bold=(left.bold and right.bold) or (left.bold if left.chars > right.chars else right.bold),
        chars=chars,
    )


def _is_tabular(row: list[Line]) -> bool:
    """Three or more separate pieces of text on one baseline, side by side: a table row.

    Two pieces are what two columns of running text look like, so they are not enough.
    """
    return len(row) >= 3 and all(a.x1 <= b.x0 for a, b in zip(row, row[1:], strict=False))


def find_tables(lines: list[Line]) -> list[Line]:
    """The page's lines with each table row made one line whose text joins its cells with ' | '.

    A table is two or more tabular rows close together; a line between them that is not a
    row itself is a wrapped cell and joins the cell above it.
    """
    rows = _rows(lines)
    tabular = [i for i, row in enumerate(rows) if _is_tabular(row)]
    if len(tabular) < 2:
        return lines
    tables: list[list[int]] = []
    for index in tabular:
        row = rows[index]
        if tables:
            previous = rows[tables[-1][-1]]
            gap = row[0].top - max(line.bottom for line in previous)
            if gap <= 3.5 * row[0].size and index - tables[-1][-1] <= 3:
                tables[-1].append(index)
                continue
        tables.append([index])
    consumed: set[int] = set()  # id() of lines that went into a table
    made: list[Line] = []
    for table in tables:
        if len(table) < 2:
            continue
        x0 = min(line.x0 for i in table for line in rows[i])
        x1 = max(line.x1 for i in table for line in rows[i])
        for position, index in enumerate(table):
            cells = [[line] for line in rows[index]]
            starts = [line.x0 for line in rows[index]] + [x1 + 1]
            end = table[position + 1] if position + 1 < len(table) else index + 3
            for between in range(index + 1, min(end, len(rows))):
                wrapped = [_cell_of(line, starts) for line in rows[between]]
                if None in wrapped or (
                    end == index + 3 and not _close(rows[between - 1], rows[between])
                ):
                    break  # text under the table, not a wrapped cell
                for line, cell in zip(rows[between], wrapped, strict=True):
                    cells[cell or 0].append(line)
                    consumed.add(id(line))
            consumed.update(id(line) for line in rows[index])
            made.append(_table_row(cells, x0, x1))
    if not made:
        return lines
    return [line for line in lines if id(line) not in consumed] + made


def _cell_of(line: Line, starts: list[float]) -> int | None:
    """The cell a wrapped line belongs to: it starts in that cell's column and ends before
    the next one begins."""
    for index, (start, following) in enumerate(zip(starts, starts[1:], strict=False)):
        if start - 2 <= line.x0 < following and line.x1 <= following + 1:
            return index
    return None


def _close(above: list[Line], below: list[Line]) -> bool:
    return below[0].top - max(line.bottom for line in above) <= 0.6 * below[0].size


def _table_row(cells: list[list[Line]], x0: float, x1: float) -> Line:
    texts = tuple(" ".join(line.text for line in cell) for cell in cells)
    first = cells[0][0]
    return replace(
        first,
        text=" | ".join(texts),
        x0=x0,
        x1=x1,
        top=min(cell[0].top for cell in cells),
        bottom=max(line.bottom for cell in cells for line in cell),
        chars=sum(line.chars for cell in cells for line in cell),
        cells=texts,
    )


def _crosses(line: Line, x: float) -> bool:
    return line.x0 < x - 1 and line.x1 > x + 1


def find_gutter(lines: list[Line]) -> float | None:
    """The x of the gap between two columns: where the fewest lines cross the middle of the page.

    Candidates run from 30 % to 70 % of the text's width; of the run of candidates that the
    fewest lines cross, the one nearest the middle wins, and its centre is the gutter. None
    when every line crosses every candidate (one column of full lines).
    """
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width <= 0:
        return None
    xs = [left + width * (30 + step) / 100 for step in range(41)]
    counts = [sum(1 for line in lines if _crosses(line, x)) for x in xs]
    fewest = min(counts)
    if fewest == len(lines):
        return None
    runs: list[list[float]] = []
    for x, count in zip(xs, counts, strict=True):
        if count != fewest:
            continue
        if runs and math.isclose(runs[-1][-1] + width / 100, x):
            runs[-1].append(x)
        else:
            runs.append([x])
    middle = left + width / 2
    run = min(runs, key=lambda r: abs((r[0] + r[-1]) / 2 - middle))
    return (run[0] + run[-1]) / 2


def _two_columns(left: list[Line], right: list[Line]) -> bool:
    """Both sides hold text over the same stretch of the page (one line of a column that
    ends a page beside a full column is enough)."""
    if not left or not right:
        return False
    overlap = min(max(line.bottom for line in left), max(line.bottom for line in right)) - max(
        min(line.top for line in left), min(line.top for line in right)
    )
    return overlap >= 0.5 * min(line.size for line in left + right)


def reading_order(lines: list[Line]) -> list[Line]:
    """The page's lines in the order a person reads them.

    Lines that cross the gutter (a title, a full-width paragraph, a wide table) split the
    page into bands; within a band the left column is read top-down, then the right column.
    The first line of the page and of each right column is marked `new_flow`.
    """
    if not lines:
        return []
    gutter = find_gutter(lines)
    ordered: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda item: (item.top, item.x0)):
        if gutter is None or _crosses(line, gutter):
            ordered += _band_order(band, gutter)
            band = []
            ordered.append(line)
        else:
            band.append(line)
    ordered += _band_order(band, gutter)
    edges = _column_edges(lines, gutter)
    placed = [replace(line, edge=edges[_side(line, gutter)]) for line in ordered]
    placed[0] = replace(placed[0], new_flow=True)
    return placed


def _side(line: Line, gutter: float | None) -> str:
    if gutter is None or _crosses(line, gutter):
        return "full"
    return "left" if line.x1 <= gutter + 1 else "right"


def _column_edges(lines: list[Line], gutter: float | None) -> dict[str, float]:
    edges = {"full": max(line.x1 for line in lines), "left": 0.0, "right": 0.0}
    for line in lines:
        side = _side(line, gutter)
        edges[side] = max(edges[side], line.x1)
    return edges


def _band_order(band: list[Line], gutter: float | None) -> list[Line]:
    if gutter is None:
        return band
    left = [line for line in band if _side(line, gutter) == "left"]
    right = [line for line in band if _side(line, gutter) == "right"]
    if not _two_columns(left, right):
        return band  # already top-down
    right = sorted(right, key=lambda item: item.top)
    return sorted(left, key=lambda item: item.top) + [replace(right[0], new_flow=True), *right[1:]]


def footnote_zone(ordered: list[Line], size: float) -> list[bool]:
    """For each line, whether it sits in the page's footnote area.

    A footnote line is set smaller than the body and has no body-size line below it in its
    part of the page (footnotes of a two-column page may end each column).
    """
    small = size * 0.92
    big = [line for line in ordered if line.size > small and not line.cells]
    marks = []
    for line in ordered:
        if line.size > small or line.cells:
            marks.append(False)
            continue
        below = any(
            other.top > line.top and min(other.x1, line.x1) - max(other.x0, line.x0) > 0
            for other in big
        )
        marks.append(not below)
    return marks
