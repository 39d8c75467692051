"""The reader lists the library from its catalog at once and checks the content files right
after its first frame: a briefing edited while the reader was closed shows as edited."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.tui.conftest import screen_text

from brief_tui.cli import main
from brief_tui.session import load_reader_library
from brief_tui.tui.app import BriefApp

MEMO = """Justice Before Walls

Justice Team

The United States should restore access to asylum at the southern border.
"""


async def test_a_briefing_edited_while_closed_shows_as_edited(tmp_path, isolated_data_dir) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    assert main(["add", str(memo)]) == 0  # the catalog now lists it
    content = isolated_data_dir / "library" / "justice-before-walls.toml"
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace('title = "Justice Before Walls"', 'title = "Bridges"'), "utf-8")
    library = load_reader_library(isolated_data_dir, cached=True, check=False)
    assert "Justice Before Walls" in {d.title for d in library.documents}  # as last seen
    app = BriefApp(library, isolated_data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        for _ in range(40):  # the check runs half a second after the first frame
            await asyncio.sleep(0.1)
            await pilot.pause()
            if "Bridges" in screen_text(app):
                break
        shown = screen_text(app)
        assert "Bridges" in shown and "Justice Before Walls" not in shown
        assert Path(app.library.document("justice-before-walls").path) == content
