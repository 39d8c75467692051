"""Text from files is shown literally and safely; a briefing that fails to load is shown, not fatal."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import screen_text

from brief_tui.cli import main
from brief_tui.tui.screens.briefing import BriefingScreen
from brief_tui.tui.screens.library import LibraryScreen

HOSTILE = (
    "Hostile Markup Memo\n\n"
    "The police should stop [bold]not bold[/bold] and [link=https://x]link[/link] \\d+ extortion.\n\n"
    "A title change attempt \x1b]0;PWNED\x07 and \x1b[31mred\x1b[0m text about asylum.\n\n"
    "Wide characters: 移民政策 and 🇭🇳 stay aligned, and a verylongwordwithoutanyspaces"
    "thatmustwrapsomewhereinsteadofoverflowingtheterminalwidthentirely.\n"
)


async def test_markup_like_text_appears_as_typed(make_app, tmp_path: Path, capsys) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(HOSTILE, encoding="utf-8")
    assert main(["add", str(memo)]) == 0
    capsys.readouterr()
    app = make_app(open_document="hostile-markup-memo")
    async with app.run_test(size=(80, 50)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        text = screen_text(app)
        assert "[bold]not bold[/bold]" in text
        assert "[link=https://x]link[/link] \\d+" in text
        assert "PWNED" not in text and "\x1b" not in text
        assert "A title change attempt and red text" in text
        assert "移民政策" in text
        assert all(len(line) <= 80 for line in text.splitlines())


async def test_a_broken_briefing_is_listed_with_its_error(
    make_app, isolated_data_dir: Path
) -> None:
    library = isolated_data_dir / "library"
    library.mkdir(parents=True)
    (library / "broken.toml").write_text(
        'format = 1\nid = "broken"\ntitle = "unterminated\n', encoding="utf-8"
    )
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        assert "Could not load a briefing" in text
        flat = " ".join(text.replace("▎", " ").replace("▊", " ").replace("│", " ").split())
        assert "not valid TOML" in flat and "broken.toml:3:" in flat.replace(" ", "")
        assert "5 briefings" in text and "1 could not be loaded" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_tiny_terminal_does_not_crash(make_app) -> None:
    app = make_app(open_document="us-root-causes-strategy")
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await pilot.press("j", "space", "]", "}", "2", "t")
        await pilot.pause()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
