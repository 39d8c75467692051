"""The reader's first frame lists the library's first page of briefings; the rest are read
just after it, and nothing that needs the whole library sees only the page."""

from __future__ import annotations

import json

from tests.tui.conftest import screen_text, settle

from brief_tui.cli import main
from brief_tui.session import ReaderSession, load_reader_library
from brief_tui.tui.app import BriefApp
from brief_tui.tui.screens.library import LibraryScreen
from brief_tui.tui.widgets.library_list import DocumentOption, LibraryList


def test_a_first_page_says_what_the_whole_library_holds(isolated_data_dir) -> None:
    whole = load_reader_library(isolated_data_dir, cached=True)
    page = load_reader_library(isolated_data_dir, cached=True, first=2)
    assert [d.id for d in page.documents] == [d.id for d in whole.documents[:2]]
    assert page.listing is not None and whole.listing is None
    assert page.listing.documents == len(whole.documents) == 5
    assert page.listing.passages == sum(d.passage_count for d in whole.documents)
    assert page.listing.recommendations == sum(d.recommendation_count for d in whole.documents)
    assert page.listing.scale == max(n for d in whole.documents for n in d.pillar_counts().values())
    # What the library screen's first frame says, drawn from the page alone.
    assert "Library: 5 briefings" in LibraryScreen(page)._summary().plain


def whole_figures(library) -> tuple[int, int, int, int]:
    documents = library.documents
    return (
        len(documents),
        sum(d.passage_count for d in documents),
        sum(d.recommendation_count for d in documents),
        max(n for d in documents for n in d.pillar_counts().values()),
    )


def page_figures(data_dir) -> tuple[int, int, int, int]:
    listing = load_reader_library(data_dir, cached=True, check=False, first=2).listing
    assert listing is not None
    return listing.documents, listing.passages, listing.recommendations, listing.scale


def test_what_the_whole_library_holds_follows_an_added_briefing(
    isolated_data_dir, tmp_path
) -> None:
    """The whole library's figures are noted when the catalog changes, and read back."""
    memo = tmp_path / "memo.txt"
    memo.write_text(
        "Courts First\n\nJustice Team\n\nThe United States should fund courts.\n",
        encoding="utf-8",
    )
    assert main(["add", str(memo)]) == 0
    whole = load_reader_library(isolated_data_dir, cached=True)
    assert len(whole.documents) == 6
    assert page_figures(isolated_data_dir) == whole_figures(whole)


def test_a_catalog_without_the_figures_noted_works_them_out(isolated_data_dir) -> None:
    """A catalog synced before the figures were noted, or with them damaged, still lists."""
    whole = load_reader_library(isolated_data_dir, cached=True)
    catalog = whole.catalog
    assert catalog is not None
    for damage in (
        "DELETE FROM meta WHERE key = 'listing'",
        "INSERT OR REPLACE INTO meta VALUES ('listing', '[1, 2')",
    ):
        catalog.run(lambda c, sql=damage: c.execute(sql))
        assert page_figures(isolated_data_dir) == whole_figures(whole)
    catalog.run(lambda c: c.execute("DELETE FROM meta WHERE key = 'listing'"))
    session = ReaderSession(isolated_data_dir, library=whole)
    assert session.check_catalog() is None  # nothing changed, but the figures are noted again
    noted = catalog.run(lambda c: c.execute("SELECT value FROM meta WHERE key = 'listing'"))
    assert tuple(json.loads(noted.fetchone()[0])) == whole_figures(whole)


def test_a_first_page_that_holds_everything_is_the_whole_library(isolated_data_dir) -> None:
    for first in (5, 60):
        page = load_reader_library(isolated_data_dir, cached=True, first=first)
        assert page.listing is None and len(page.documents) == 5


def test_the_session_reads_the_rest_when_the_library_is_asked_for(isolated_data_dir) -> None:
    page = load_reader_library(isolated_data_dir, cached=True, first=2)
    session = ReaderSession(isolated_data_dir, library=page)
    assert session.listed is page
    assert len(session.library.documents) == 5 and session.library.listing is None
    assert session.listed is session.library


async def test_the_library_screen_shows_the_whole_count_then_every_briefing(
    isolated_data_dir,
) -> None:
    app = BriefApp(load_reader_library(isolated_data_dir, cached=True, first=2), isolated_data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(LibraryList)
        shown = [o.document.id for o in listing._options if isinstance(o, DocumentOption)]
        assert len(shown) == 5
        assert "Library: 5 briefings" in screen_text(app)
        await pilot.press("G", "enter")  # the last briefing, not on the first page
        await settle(pilot)
        assert app.screen.document.id == shown[-1]  # type: ignore[attr-defined]
