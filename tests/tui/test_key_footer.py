"""The footer shows each screen's keys, and is rebuilt once per change, not once per signal."""

from __future__ import annotations

from tests.tui.conftest import screen_text
from textual.widgets import Footer

from brief_tui.tui.screens.briefing import BriefingScreen


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_footer_follows_the_screen_and_is_rebuilt_once_on_open(
    make_app, monkeypatch
) -> None:
    rebuilds: list[Footer] = []
    recompose = Footer.recompose

    async def counted(self: Footer) -> None:
        rebuilds.append(self)
        await recompose(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "? help" in footer_line(app) and "outline" not in footer_line(app)
        rebuilds.clear()
        app.open_briefing("wola-central-america-trips")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert "t outline" in footer_line(app)
        # Focus, the screen stack and the bindings all signal on open: one rebuild answers them.
        assert len(rebuilds) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert "outline" not in footer_line(app) and "? help" in footer_line(app)
