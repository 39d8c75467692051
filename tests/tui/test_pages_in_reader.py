"""Pages of a paged source in the reader: status line, passage marks, copy with citation."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text
from tests.unit.test_pages import paged_document

from brief_tui.corpus.ingest import write_document


async def test_the_reader_shows_and_copies_the_page(make_app, isolated_data_dir: Path) -> None:
    doc = paged_document()
    write_document(doc, isolated_data_dir / "library", "test")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_briefing(doc.id)
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        text = screen_text(app)
        assert "Passage 3 of 5 · p. 2" in text
        assert "p. 3" in text  # where page 3 starts
        await pilot.press("y")
        assert ", p. 2, passage p-" in app.clipboard
