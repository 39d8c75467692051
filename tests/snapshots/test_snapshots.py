"""What the reader looks like, at 80x24 and 160x50. Regenerate deliberately with
`pytest tests/snapshots --snapshot-update` after a visual change, and look at the report."""

from __future__ import annotations

import pytest

from brief_tui import locations
from brief_tui.tui.app import create_app

SIZES = [(80, 24), (160, 50)]


async def settle(pilot) -> None:
    """Let the second frame land (the library adds its footer and sidebar counts after the
    first), as a person looking at the screen would."""
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def reader(isolated_data_dir):
    def make(**kwargs):
        return create_app(locations.content_dir(), isolated_data_dir, **kwargs)

    return make


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, reader, size) -> None:
    assert snap_compare(reader(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_briefing(snap_compare, reader, size) -> None:
    assert snap_compare(
        reader(open_document="wola-central-america-trips"), press=["j", "j"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_filtered_briefing(snap_compare, reader, size) -> None:
    assert snap_compare(
        reader(open_document="wola-central-america-trips"), press=["6"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES)
def test_pillar_across_library(snap_compare, reader, size) -> None:
    assert snap_compare(reader(), press=["4"], terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, reader, size) -> None:
    assert snap_compare(reader(), press=["question_mark"], terminal_size=size, run_before=settle)


async def search_asylum(pilot) -> None:
    """Type a query with a typo and wait for the worker's results."""
    await pilot.pause()
    await pilot.press("slash", *"asylim mexico")
    for _ in range(60):
        await pilot.pause(0.05)
        status = pilot.app.screen.query_one("#search-status").render()
        if "results" in str(status):
            break


@pytest.mark.parametrize("size", SIZES)
def test_search_screen_with_results(snap_compare, reader, size) -> None:
    assert snap_compare(reader(), terminal_size=size, run_before=search_asylum)


@pytest.mark.parametrize("size", SIZES)
def test_compare_pane(snap_compare, reader, size) -> None:
    assert snap_compare(
        reader(open_document="coalition-root-causes-statement"),
        press=["4", "c"],
        terminal_size=size,
    )


async def sides_on_pillar_ii(pilot) -> None:
    """Compare on Pillar II, then sides; wait for every row to be laid out."""
    await pilot.press("2", "c", "m")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_compare_sides(snap_compare, reader, size) -> None:
    """Advocacy asks vs government commitments on Pillar II: the gaps said where they are."""
    assert snap_compare(
        reader(open_document="wola-beyond-the-wall-root-causes"),
        terminal_size=size,
        run_before=sides_on_pillar_ii,
    )


@pytest.mark.parametrize("size", SIZES)
def test_coverage_matrix(snap_compare, reader, size) -> None:
    assert snap_compare(reader(), press=["C"], terminal_size=size, run_before=settle)
