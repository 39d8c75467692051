"""A small fixed library and fixed notes for the export tests: literal ids and timestamps, so
the Markdown export is the same on every run and can be compared with golden files."""

from __future__ import annotations

from datetime import UTC, datetime

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.notes import Bookmark, Highlight, make_anchor
from brief_tui.notes.anchor import Anchor

EXPORTED_AT = datetime(2026, 11, 22, 12, 5, tzinfo=UTC)

TRIPS = Document(
    id="wola-trips",
    title="Central America Trips Shed Light on the Migration Agenda",
    organisations=("WOLA",),
    date="2021-06-17",
    kind="commentary",
    source="https://www.wola.org/",
    seed=None,
    partial="",
    sections=(
        Section(
            "s-summary",
            "Summary",
            (
                Passage(
                    "p-0000aaaa",
                    "paragraph",
                    "Officials promised an anticorruption task force and more aid to civil society.",
                    ("II",),
                ),
                Passage(
                    "p-0000bbbb",
                    "item",
                    "The United States should expand refugee processing and protect asylum at the border.",
                    ("IV", "P"),
                    recommendation=True,
                    marker="•",
                    recommendation_kind="ask",
                    actor="U.S. government",
                    addressee="U.S. government",
                ),
            ),
        ),
        Section(
            "s-context",
            "Context",
            (
                Passage(
                    "p-0000cccc",
                    "paragraph",
                    "Poverty and drought push families to leave the Dry Corridor.",
                    ("I",),
                ),
            ),
        ),
    ),
)

STATEMENT = Document(
    id="coalition",
    title="Only a Rethinking of U.S. Foreign Policy Can Address the ‘Root Causes’ of Migration",
    organisations=("Win Without War", "CISPES"),
    date="2021-02",
    kind="joint statement",
    source="https://winwithoutwar.org/",
    seed=None,
    partial="",
    sections=(
        Section(
            "s-statement",
            "Statement",
            (
                Passage(
                    "p-0000dddd",
                    "paragraph",
                    "Gender-based violence and attacks on journalists go unpunished.",
                    ("III", "V"),
                ),
            ),
        ),
    ),
)

LIBRARY = Library((TRIPS, STATEMENT))


def hid(n: int) -> str:
    """A fixed 32-hex id whose first 8 characters differ per n."""
    return f"{n:08x}" + "c0ffee" * 4


def stamp(minute: int) -> str:
    return f"2026-11-20T09:{minute:02d}:00.000000Z"


def highlight(
    doc: Document, passage: str, phrase: str, *, n: int, label: str = "key finding", note: str = ""
) -> Highlight:
    text = next(p.text for _, p in doc.passages() if p.id == passage)
    start = text.index(phrase)
    anchor = make_anchor(doc, passage, start, start + len(phrase))
    return Highlight(
        hid(n), anchor, label, note, stamp(n), stamp(n), "exact", passage, anchor.start, anchor.end
    )


def orphan(document: str, passage: str, quote: str, *, n: int, note: str = "") -> Highlight:
    anchor = Anchor(document, "0" * 16, passage, 0, len(quote), quote, "", "")
    return Highlight(hid(n), anchor, "evidence", note, stamp(n), stamp(n), "orphaned", None, 0, 0)


def bookmark(doc: Document, passage: str, *, n: int, name: str = "") -> Bookmark:
    text = next(p.text for _, p in doc.passages() if p.id == passage)
    anchor = make_anchor(doc, passage, 0, len(text))
    return Bookmark(hid(n), anchor, name, stamp(n), "exact", passage, 0, len(text))


HIGHLIGHTS = (
    highlight(TRIPS, "p-0000aaaa", "anticorruption task force", n=1, note="Follow the *money*."),
    highlight(
        TRIPS,
        "p-0000bbbb",
        "expand refugee processing",
        n=2,
        label="question",
        note="Which countries?\n\n- Guatemala\n- Honduras\n\nSee [the strategy](https://example.org).",
    ),
    highlight(TRIPS, "p-0000cccc", "drought", n=3, label="evidence"),
    highlight(STATEMENT, "p-0000dddd", "attacks on journalists", n=4, label="disagree"),
    orphan("wola-trips", "p-0000eeee", "words that were cut in the latest edition", n=5,
           note="Gone after the re-ingest."),
    orphan("old-report", "p-0000ffff", "a report no longer in the library", n=6),
)  # fmt: skip

BOOKMARKS = (
    bookmark(TRIPS, "p-0000bbbb", n=7, name="Pathways"),
    bookmark(STATEMENT, "p-0000dddd", n=8),
)
