"""HTML to blocks: the one converter web pages, Word documents and EPUB chapters go through.

Headings keep their level, list items their marker ("•", or the number an ordered list would
show, honouring `start`, `value`, `reversed` and `type`), nested lists stay items in reading
order, block quotes become paragraphs marked "“", and a data table becomes one line per row
with its cells joined by " | " (the header row too). A table used for page layout (one column,
or cells holding headings or tables) is read as the text it lays out. Emphasis and links are
reduced to their words, `<br>` to a space; scripts, styles, forms' controls and images give
nothing. Every text goes through `safe_line` and `repair_spacing`; empty blocks are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from brief_tui.corpus.clean import repair_spacing
from brief_tui.corpus.formats.markup import local_name
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import Block

HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Elements whose content is never reading text.
SKIPPED = frozenset(
    "script style noscript template head title meta link svg math iframe object embed canvas "
    "button select option input textarea img picture video audio source map".split()
)
# Elements that start and end a block of text.
BLOCK_LEVEL = frozenset(
    "p div section article main header footer nav aside body html figure figcaption address "
    "details summary fieldset form center hgroup dl dd dt pre legend caption hr tr td th "
    "ul ol menu li blockquote table thead tbody tfoot".split()
) | frozenset(HEADINGS)
QUOTE_MARKER = "“"
# An item's marker decided before the markup was rewritten (trafilatura drops `start`).
MARKER_ATTRIBUTE = "data-brief-marker"
_QUOTE_OPENERS = "“\"'‘«„"
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def clean_inline(text: str) -> str:
    """One line of reading text: controls and escapes removed, spacing repaired."""
    return repair_spacing(safe_line(text.translate(_INVISIBLE)))


def html_blocks(root: Any) -> list[Block]:
    """The blocks of a parsed HTML document (or fragment) in reading order."""
    body = next((e for e in root.iter() if local_name(e) == "body"), root)
    converter = _Converter()
    converter.visit(body)
    converter.flush()
    return converter.blocks


@dataclass(frozen=True)
class _Open:
    """The kind of block the text being collected will become."""

    kind: str = "paragraph"
    marker: str = ""
    level: int = 0


class _Converter:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.current = _Open()

    def text(self, text: str | None) -> None:
        if text:
            self.parts.append(text)

    def flush(self) -> None:
        text = clean_inline("".join(self.parts))
        self.parts = []
        if not text:
            return
        current = self.current
        marker = current.marker
        if marker == QUOTE_MARKER and text[0] in _QUOTE_OPENERS:
            marker = ""  # the quotation already opens with its own mark
        self.blocks.append(Block(current.kind, text, marker, level=current.level))
        if current.kind != "paragraph":
            # Text after a list nested in an item (or a block in a heading) continues as a paragraph.
            self.current = _Open()

    @contextmanager
    def block(self, kind: str, marker: str = "", level: int = 0) -> Iterator[None]:
        self.flush()
        outer, self.current = self.current, _Open(kind, marker, level)
        try:
            yield
        finally:
            self.flush()
            self.current = outer

    def children(self, element: Any) -> None:
        self.text(element.text)
        for child in element:
            self.visit(child)
            self.text(child.tail)

    def visit(self, element: Any) -> None:
        tag = local_name(element)
        if not tag or tag in SKIPPED:
            return
        if tag == "br":
            self.text(" ")
        elif tag in HEADINGS:
            with self.block("heading", level=HEADINGS[tag]):
                self.children(element)
        elif tag in ("ul", "ol", "menu"):
            self.list(element, ordered=tag == "ol")
        elif tag == "li":  # an item outside any list
            with self.block("item", "•"):
                self.children(element)
        elif tag == "blockquote":
            with self.block("paragraph", QUOTE_MARKER):
                self.children(element)
        elif tag == "table":
            self.table(element)
        elif tag in BLOCK_LEVEL and self.current.kind != "paragraph":
            # A paragraph inside a list item (or a heading) continues it.
            self.text(" ")
            self.children(element)
            self.text(" ")
        elif tag in BLOCK_LEVEL:
            self.flush()
            self.children(element)
            self.flush()
        else:
            self.children(element)

    def list(self, element: Any, *, ordered: bool) -> None:
        self.flush()
        markers = iter(item_markers(element))
        for child in element:
            if local_name(child) != "li":
                self.visit(child)  # a list nested directly in a list, as editors often write
                continue
            with self.block("item", child.get(MARKER_ATTRIBUTE) or next(markers)):
                self.children(child)

    def table(self, element: Any) -> None:
        self.flush()
        rows = list(_own(element, "tr"))
        cells = [[c for c in row if local_name(c) in ("td", "th")] for row in rows]
        if _is_layout(element, cells):
            for row in cells:
                for cell in row:
                    self.flush()
                    self.children(cell)
                    self.flush()
            return
        for caption in (c for c in element if local_name(c) == "caption"):
            self.flush()
            self.children(caption)
            self.flush()
        for row in cells:
            texts = [clean_inline(inline_text(cell)) for cell in row]
            while texts and not texts[-1]:
                texts.pop()
            if any(texts):
                self.blocks.append(Block("paragraph", clean_inline(" | ".join(texts))))


def item_markers(element: Any) -> list[str]:
    """The marker of each item of a `<ul>` or `<ol>`, as a browser would number them."""
    items = [child for child in element if local_name(child) == "li"]
    if local_name(element) != "ol":
        return ["•"] * len(items)
    style = element.get("type") or "1"
    step = -1 if element.get("reversed") is not None else 1
    number = _integer(element.get("start"), len(items) if step == -1 else 1)
    markers = []
    for item in items:
        number = _integer(item.get("value"), number)
        markers.append(f"{ordinal(number, style)}.")
        number += step
    return markers


def _own(table: Any, tag: str) -> Iterator[Any]:
    """Descendants named `tag` that belong to `table` itself, not to a table nested in it."""
    for element in table.iter():
        if local_name(element) != tag:
            continue
        parent = element.getparent()
        while parent is not None and local_name(parent) != "table":
            parent = parent.getparent()
        if parent is table:
            yield element


def _is_layout(table: Any, cells: list[list[Any]]) -> bool:
    if not cells or max(len(row) for row in cells) <= 1:
        return True
    nested = ("table", *HEADINGS)
    return any(
        local_name(inner) in nested for row in cells for cell in row for inner in cell.iter()
    )


def inline_text(element: Any) -> str:
    """All the words in `element`, with a space where one block of text ends and another starts."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = local_name(node)
        if not tag or tag in SKIPPED:
            return
        if tag == "br" or tag in BLOCK_LEVEL:
            parts.append(" ")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if tag in BLOCK_LEVEL:
            parts.append(" ")

    walk(element)
    return "".join(parts)


def _integer(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return default


def ordinal(number: int, style: str) -> str:
    """How an ordered list writes its `number`th item: 3, c, C, iii or III."""
    if style in ("a", "A") and number > 0:
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if style == "A" else letters
    if style in ("i", "I") and 0 < number < 4000:
        numerals = ""
        for value, letters in _ROMAN:
            count, number = divmod(number, value)
            numerals += letters * count
        return numerals.lower() if style == "i" else numerals
    return str(number)


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
