"""From 100 briefings the library's cards are made when drawn: they still show each
briefing, follow the terminal's width and show how far each has been read."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.tui.app import BriefApp
from brief_tui.tui.widgets.library_list import FIXED_CARDS_FROM, LibraryList


def many(count: int = FIXED_CARDS_FROM + 20) -> Library:
    docs = []
    for n in range(count):
        passages = tuple(
            Passage(id=f"p-{n:04x}{i:04x}", kind="paragraph", text=f"Passage {i} on asylum.")
            for i in range(4)
        )
        docs.append(
            Document(
                f"doc-{n:03d}",
                f"Briefing number {n:03d} on the protection of people who move",
                ("Test Org",),
                "2024",
                "report",
                "",
                None,
                "",
                (Section(f"s-{n:08x}", "Section", passages),),
            )
        )
    return Library(tuple(docs))


async def test_cards_made_when_drawn_follow_width_and_progress(tmp_path: Path) -> None:
    app = BriefApp(many(), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Briefing number 000" in text and "4 passages" in text
        listing = app.screen.query_one(LibraryList)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        narrow = screen_text(app)
        assert "Briefing number 000" in narrow
        assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 60
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        listing.progress = {"doc-000": 0.5}
        listing.render_cards(listing.card_width, force=True)
        await pilot.pause()
        assert "read to 50%" in screen_text(app)
