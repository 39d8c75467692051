"""Asks, commitments and reports in the reader: labels that say what and who, `r` to choose
which `}`/`{` visit, filters in the pillar view and search, citations that say the kind."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import COUNT_WAIT, screen_text

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document, write_document
from brief_tui.tui.screens.pillar import PillarPassages, PillarScreen
from brief_tui.tui.screens.search import SearchScreen

TEXT = """\
Harvest Visits Leave the Hard Questions Open

By Marta Iriarte, Lakeside Refugee Network

Last week USAID announced a $40 million, three-year initiative for asylum seekers' legal aid in the western highlands.

Shelters along the route filled in January, and families waited weeks for an asylum appointment.

We urge Congress to fund asylum officers for at least five years, not one budget at a time.

Lakeside Refugee Network will publish a monthly tracker of asylum shelter capacity from March.

The Government of Mexico should stop detaining families who are waiting for an asylum decision.
"""


def add_commentary(data_dir: Path) -> str:
    doc = build_document(TEXT, "harvest-visits.txt", Curation(), origin="user")
    write_document(doc, data_dir / "library", "test")
    return doc.id


async def test_labels_say_what_and_who_and_r_limits_the_jumps(
    make_app, isolated_data_dir: Path
) -> None:
    doc_id = add_commentary(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_briefing(doc_id)
        await pilot.pause()
        text = screen_text(app)
        assert "▷ Reported · U.S. government" in text
        assert "▶ Ask · Congress" in text
        assert "▶ Ask · Mexico" in text
        assert "▶ Commitment · Lakeside Refugee Network" in text
        await pilot.press("r")  # } and { now visit asks only
        await pilot.pause()
        assert any("now visit asks (2 here)" in n.message for n in app._notifications)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert "Passage 3 of" in screen_text(app)  # the first ask, past the report
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert "Passage 5 of" in screen_text(app)  # past the commitment, to the next ask
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert any(n.message == "No later ask." for n in app._notifications)
        await pilot.press("r")  # commitments
        await pilot.press("left_curly_bracket")
        await pilot.pause()
        assert "Passage 4 of" in screen_text(app)
        await pilot.press("y")
        assert "(commitment · Lakeside Refugee Network)." in app.clipboard


async def test_the_pillar_view_and_search_filter_by_kind_and_type(
    make_app, isolated_data_dir: Path
) -> None:
    add_commentary(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("6")  # P across the library
        await pilot.pause(COUNT_WAIT)  # a digit waits a moment for a motion first
        assert isinstance(app.screen, PillarScreen)
        await pilot.press("r")  # asks only
        await pilot.pause()
        assert " · asks · " in screen_text(app)  # the title says the filter
        passages = app.screen.query_one(PillarPassages)
        listed = "\n".join(
            str(passages.get_option_at_index(i).prompt) for i in range(passages.option_count)
        )
        assert "▶ Ask · Congress" in listed and "▶ Ask · Mexico" in listed
        assert "▷ Reported" not in listed and "▶ Commitment" not in listed
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"asylum kind:commitment")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "monthly tracker" in text and "We urge Congress" not in text
        for _ in "kind:commitment":
            await pilot.press("backspace")
        await pilot.press("ctrl+o")  # asks only, from the screen's key
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "asks only" in text and "We urge Congress" in text and "monthly tracker" not in text
