"""Theme switching is remembered; the mouse opens a briefing; a broken settings file is kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.widgets.library_list import LibraryList


async def test_theme_is_remembered_between_runs(make_app, isolated_data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert json.loads((isolated_data_dir / "settings.json").read_text())["theme"] == "nord"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


@pytest.mark.parametrize(
    "unreadable", ["{not json", "[" * 5000 + "]" * 5000], ids=["not-json", "nested-too-deep"]
)
async def test_unreadable_settings_are_set_aside_not_overwritten(
    make_app, isolated_data_dir: Path, unreadable: str
) -> None:
    isolated_data_dir.mkdir(parents=True)
    (isolated_data_dir / "settings.json").write_text(unreadable, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
        await pilot.pause()
    kept = list(isolated_data_dir.glob("settings.json.unreadable-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == unreadable
    assert json.loads((isolated_data_dir / "settings.json").read_text())["theme"] == "gruvbox"


async def test_clicking_a_briefing_opens_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        library = app.screen.query_one(LibraryList)
        await pilot.click(library, offset=(10, 2))  # the first card's title
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
