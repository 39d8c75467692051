from __future__ import annotations

from pathlib import Path

import pytest

from brief_tui import locations
from brief_tui.tui.app import create_app


@pytest.fixture
def make_app(isolated_data_dir: Path):
    def make(**kwargs):
        return create_app(locations.content_dir(), isolated_data_dir, **kwargs)

    return make


COUNT_WAIT = 0.7  # a lone digit waits this long for a motion (5j) before acting as its own key


def screen_text(app) -> str:
    """Everything on the current screen as plain text, as a person would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot) -> None:
    """Let background saves finish and what follows them (marks, messages) draw."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
