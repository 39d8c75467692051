"""Exporting notes from inside the reader."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tui.conftest import settle
from textual.widgets import Input, RadioSet

from brief_tui.tui.screens.export_dialog import ExportDialog


def status(pilot) -> str:
    """The dialog's one-line message to the person."""
    return str(pilot.app.screen.query_one("#export-status").render())


async def highlight_something(pilot) -> None:
    pilot.app.open_briefing("wola-central-america-trips")
    await settle(pilot)
    await pilot.press("j", "h", "2", "a", *"Check the source.", "ctrl+s")
    await settle(pilot)


async def export_to(pilot, path: Path) -> None:
    field = pilot.app.screen.query_one(Input)
    field.value = str(path)
    await pilot.press("enter")
    await settle(pilot)


async def test_e_exports_markdown_and_says_where(make_app, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    async with make_app().run_test(size=(100, 40)) as pilot:
        await highlight_something(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportDialog)
        await export_to(pilot, target)
        assert not isinstance(pilot.app.screen, ExportDialog)
        assert any(str(target) in n.message for n in pilot.app._notifications)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert "Check the source." in text and "#question" in text and "^hl-" in text


async def test_an_existing_file_is_replaced_only_after_asking(make_app, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("my own memo", encoding="utf-8")
    async with make_app().run_test(size=(100, 40)) as pilot:
        await highlight_something(pilot)
        await pilot.press("e")
        await settle(pilot)
        await export_to(pilot, target)
        assert isinstance(pilot.app.screen, ExportDialog)
        assert "exists: press Enter again to replace it" in status(pilot)
        assert target.read_text(encoding="utf-8") == "my own memo"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, ExportDialog)
    assert "Check the source." in target.read_text(encoding="utf-8")


async def test_json_backup_and_unwritable_folder(make_app, tmp_path: Path) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        await highlight_something(pilot)
        await pilot.press("e")
        await settle(pilot)
        formats = pilot.app.screen.query_one("#export-format", RadioSet)
        formats.query_one("#format-json").value = True
        await settle(pilot)
        assert pilot.app.screen.query_one(Input).value.endswith(".json")
        await export_to(pilot, tmp_path / "missing-folder" / "backup.json")
        assert isinstance(pilot.app.screen, ExportDialog)
        assert "does not exist" in status(pilot)
        await export_to(pilot, tmp_path / "backup.json")
    backup = json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))
    assert len(backup["highlights"]) == 1 and backup["highlights"][0]["note"] == "Check the source."
