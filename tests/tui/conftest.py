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


# A lone digit waits a moment for a motion (5j) before acting as its own key. On a loaded CI
# machine Pilot can take longer than a person between two keys, so tests give it longer.
COUNT_PAUSE = 2.0
COUNT_WAIT = COUNT_PAUSE + 0.2


@pytest.fixture(autouse=True)
def patient_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    from brief_tui.tui.screens import keyed

    monkeypatch.setattr(keyed, "COUNT_PAUSE", COUNT_PAUSE)


def screen_text(app) -> str:
    """Everything on the current screen as plain text, as a person would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot) -> None:
    """Let background saves finish and what follows them (marks, messages) draw."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
