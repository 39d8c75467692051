"""Highlights, notes and bookmarks as one Markdown document to paste into a memo or a vault.

The shape, top to bottom: YAML front matter (title, export time, the cited sources); one `##`
heading per briefing in library order and one `###` per section; each highlight a list item
holding a blockquote of its words, the reader's note, and a citation line with `#tags` and a
stable block id `^hl-<8 hex>`, so links into the file survive re-exports; then the bookmarks,
then the highlights whose text is no longer in the library, with the words they last quoted.
Everything built from user or source text goes through `escape`, so nothing in a quote, a
note or a title can add a heading, break out of its item or inject HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from brief_tui.corpus.citation import citation, format_date
from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.export.escape import contained_note, literal, yaml_string
from brief_tui.notes.anchor import ORPHANED
from brief_tui.notes.backup import stamp
from brief_tui.notes.records import Bookmark, Highlight

ITEM = "  "  # continuation indent of a `- ` list item: keeps a note inside its highlight
BLOCK_ID_LENGTH = 8


def pillar_id(value: str) -> str:
    """'II', 'ii', '2', 'p', '6' -> the canonical pillar id; ValueError for anything else."""
    text = value.strip().upper()
    if text.isdigit() and 1 <= int(text) <= len(PILLAR_IDS):
        return PILLAR_IDS[int(text) - 1]
    if text in PILLAR_IDS:
        return text
    raise ValueError(f"“{value}” is not a pillar; use one of {', '.join(PILLAR_IDS)} (or 1–6).")


def pillar_tag(pillar: str) -> str:
    return "#protection" if pillar == "P" else f"#pillar-{pillar}"


def recommendation_tag(passage: Passage) -> str:
    """'#recommendation/ask': a nested tag, so a search for #recommendation still finds it."""
    kind = passage.recommendation_kind
    return f"#recommendation/{kind}" if kind else "#recommendation"


def label_tag(label: str) -> str:
    return "#" + label.replace(" ", "-")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a passage sits: its document, section and reading-order index."""

    document: Document
    section: Section
    passage: Passage
    index: int


class Places:
    """Passage lookups, built once per document that has something to place."""

    def __init__(self, library: Library) -> None:
        self.documents = {doc.id: doc for doc in library.documents}
        self._by_document: dict[str, dict[str, Place]] = {}

    def find(self, document: str, passage: str | None) -> Place | None:
        doc = self.documents.get(document)
        if doc is None or passage is None:
            return None
        places = self._by_document.get(document)
        if places is None:
            places = {}
            for index, (section, p) in enumerate(doc.passages()):
                places.setdefault(p.id, Place(doc, section, p, index))
            self._by_document[document] = places
        return places.get(passage)


def export_markdown(
    library: Library,
    highlights: Iterable[Highlight],
    bookmarks: Iterable[Bookmark],
    *,
    title: str,
    exported_at: datetime,
    document: str | None = None,
    pillar: str | None = None,
) -> str:
    """The Markdown export of `highlights` and `bookmarks`, as they sit in `library` now.

    Records carry their latest resolution (re-anchor the store first for current places):
    a highlight is placed in the passage it resolves to and quotes that passage's current
    words; an orphaned one, or one whose briefing is gone, goes under "Orphaned highlights"
    with its last known quote. `document` keeps one briefing (by id); `pillar` (an id from
    `pillar_id`) keeps the highlights and bookmarks whose passage carries that pillar, which
    leaves out orphans, whose passage is unknown. Output is deterministic for given records.
    """
    places = Places(library)
    placed, orphans = _select_highlights(highlights, places, document, pillar)
    marks = _select_bookmarks(bookmarks, places, document, pillar)
    order = {doc.id: n for n, doc in enumerate(library.documents)}
    placed.sort(key=lambda e: (order[e[0].document.id], e[0].index, *_within(e[1])))
    orphans.sort(
        key=lambda h: (order.get(h.anchor.document, len(order)), h.anchor.document, h.created, h.id)
    )
    marks.sort(key=lambda e: _bookmark_order(e, order))
    ids = block_ids([h.id for _, h in placed] + [h.id for h in orphans])

    cited = {p.document.id for p, _ in placed} | {h.anchor.document for h in orphans}
    cited |= {b.anchor.document for _, b in marks}
    sources = [doc for doc in library.documents if doc.id in cited]

    out: list[str] = _front_matter(title, exported_at, sources, document, pillar)
    out += [f"# {literal(title)}", ""]
    if not placed and not orphans and not marks:
        out += ["Nothing to export" + (" matches." if document or pillar else " yet."), ""]
    out += _highlights(placed, ids)
    out += _bookmarks(marks)
    out += _orphans(orphans, places, ids)
    return "\n".join(out).rstrip("\n") + "\n"


def _select_highlights(
    highlights: Iterable[Highlight], places: Places, document: str | None, pillar: str | None
) -> tuple[list[tuple[Place, Highlight]], list[Highlight]]:
    """The highlights the filters keep: those placed in the current text, and the orphans."""
    placed: list[tuple[Place, Highlight]] = []
    orphans: list[Highlight] = []
    for highlight in highlights:
        if document is not None and highlight.anchor.document != document:
            continue
        place = None
        if highlight.status != ORPHANED:
            place = places.find(highlight.anchor.document, highlight.passage)
        if place is None:
            if pillar is None:
                orphans.append(highlight)
        elif pillar is None or pillar in place.passage.pillars:
            placed.append((place, highlight))
    return placed, orphans


def _select_bookmarks(
    bookmarks: Iterable[Bookmark], places: Places, document: str | None, pillar: str | None
) -> list[tuple[Place | None, Bookmark]]:
    """The bookmarks the filters keep, each with its place (None when orphaned)."""
    marks: list[tuple[Place | None, Bookmark]] = []
    for bookmark in bookmarks:
        if document is not None and bookmark.anchor.document != document:
            continue
        place = None
        if bookmark.status != ORPHANED:
            place = places.find(bookmark.anchor.document, bookmark.passage)
        if pillar is None or (place is not None and pillar in place.passage.pillars):
            marks.append((place, bookmark))
    return marks


def _within(h: Highlight) -> tuple[int, int, str, str]:
    return (h.start, h.end, h.created, h.id)


def _bookmark_order(entry: tuple[Place | None, Bookmark], order: dict[str, int]) -> tuple:
    place, b = entry
    rank = order.get(b.anchor.document, len(order))
    return (place is None, rank, b.anchor.document, place.index if place else 0, b.created, b.id)


def block_ids(ids: list[str]) -> dict[str, str]:
    """`^hl-` plus the first 8 characters of each id; the whole id where 8 would collide.

    Ids are uuid hex; anything else a backup brought in is cut down to what Obsidian allows.
    """
    clean = {i: "".join(c for c in i if c.isascii() and (c.isalnum() or c == "-")) for i in ids}
    short = {i: clean[i][:BLOCK_ID_LENGTH] for i in ids}
    taken = Counter(short.values())
    return {i: "^hl-" + (short[i] if taken[short[i]] == 1 else clean[i]) for i in ids}


def _front_matter(
    title: str,
    exported_at: datetime,
    sources: list[Document],
    document: str | None,
    pillar: str | None,
) -> list[str]:
    lines = ["---", f"title: {yaml_string(title)}", f"exported: {yaml_string(stamp(exported_at))}"]
    if document is not None:
        lines.append(f"document: {yaml_string(document)}")
    if pillar is not None:
        lines.append(f"pillar: {yaml_string(pillar)}")
    lines.append("sources:" if sources else "sources: []")
    for doc in sources:
        lines += [
            f"  - id: {yaml_string(doc.id)}",
            f"    organisation: {yaml_string(', '.join(doc.organisations))}",
            f"    title: {yaml_string(doc.title)}",
            f"    date: {yaml_string(doc.date) if doc.date else 'null'}",
        ]
    return [*lines, "---", ""]


def organisations_of(doc: Document) -> str:
    return ", ".join(doc.organisations) or "Unknown organisation"


def _highlights(placed: list[tuple[Place, Highlight]], block_ids: dict[str, str]) -> list[str]:
    out: list[str] = []
    document = section = None
    for place, highlight in placed:
        if place.document is not document:
            document, section = place.document, None
            byline = f"{organisations_of(document)}, {format_date(document.date)}."
            out += [f"## {literal(document.title)}", "", literal(byline), ""]
        if place.section is not section:
            section = place.section
            out += [f"### {literal(section.title or 'Untitled section')}", ""]
        passage = place.passage
        quote = passage.text[highlight.start : highlight.end] or highlight.anchor.quote
        tags = [pillar_tag(p) for p in passage.pillars]
        if passage.recommendation:
            tags.append(recommendation_tag(passage))
        tags.append(label_tag(highlight.label))
        cite = literal(citation(document, section, passage))
        out += highlight_item(
            quote, highlight.note, f"— {cite} {' '.join(tags)} {block_ids[highlight.id]}"
        )
    return out


def highlight_item(quote: str, note: str, citation_line: str) -> list[str]:
    """One highlight: its words as a blockquote, the note, the citation, all in one list item."""
    lines = [f"- > {literal(quote) or '…'}", ""]
    if note.strip():
        lines += [*contained_note(note, ITEM), ""]
    return [*lines, ITEM + citation_line, ""]


def _bookmarks(marks: list[tuple[Place | None, Bookmark]]) -> list[str]:
    if not marks:
        return []
    out = ["## Bookmarks", ""]
    for place, bookmark in marks:
        name = bookmark.name.strip()
        if place is None:
            words = literal(_excerpt(bookmark.anchor.quote))
            where = f"orphaned; it last marked “{words}” in {literal(bookmark.anchor.document)}"
            out.append(f"- {literal(name) or 'Bookmark'} ({where})")
        else:
            cite = literal(citation(place.document, place.section, place.passage))
            label = literal(name) if name else f"“{literal(_excerpt(place.passage.text))}”"
            out.append(f"- {label} — {cite}")
    return [*out, ""]


def _excerpt(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _orphans(orphans: list[Highlight], places: Places, block_ids: dict[str, str]) -> list[str]:
    if not orphans:
        return []
    out = [
        "## Orphaned highlights",
        "",
        "Their text is no longer in the briefings; each shows the words it last quoted.",
        "",
    ]
    for highlight in orphans:
        anchor = highlight.anchor
        doc = places.documents.get(anchor.document)
        if doc is None:
            where = f"briefing {anchor.document} (no longer in the library)"
        else:
            where = f"{organisations_of(doc)}, “{doc.title}”, {format_date(doc.date)}"
        cite = literal(f"{where}, was passage {anchor.passage}.")
        line = f"— {cite} {label_tag(highlight.label)} {block_ids[highlight.id]}"
        out += highlight_item(anchor.quote, highlight.note, line)
    return out
