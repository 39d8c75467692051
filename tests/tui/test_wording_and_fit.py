"""What a reader sees at common sizes: counts that agree, wrapped help, footers that fit."""

from __future__ import annotations

from tests.tui.conftest import screen_text

from brief_tui.tui.screens.search import SearchScreen
from brief_tui.wording import agree, clip, plural


def test_counted_nouns_and_clipped_text() -> None:
    assert plural(1, "result") == "1 result" and plural(2, "result") == "2 results"
    assert agree(1, "is") == "is" and agree(3, "is") == "are"
    assert clip("short", 10) == "short"
    cut = clip("Protect the rights of people who migrate and seek asylum", 30)
    assert cut.endswith("…") and len(cut) <= 30 and not cut[:-1].endswith(" ")


async def test_one_search_result_is_one_result(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"caravans")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "1 result ·" in screen_text(app)
        assert "1 results" not in screen_text(app)


async def test_a_wrapped_help_line_keeps_its_indent(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark", *"j" * 22)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "select by sentence" in line)
        column = lines[first].index("select by sentence")
        follow = lines[first + 1]
        assert follow[column - 1] == " " and follow[column] != " ", "\n".join(lines)


async def test_the_compare_footer_fits_80_and_120_columns(make_app) -> None:
    for width in (80, 120):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
            for hint in ("tab side", "open", "h highlight", "a note", "? about", "esc back"):
                assert hint in footer, (width, footer)


async def test_palette_pillar_2_ranks_pillar_ii_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_briefing("wola-central-america-trips")
        await pilot.pause()
        await pilot.press("ctrl+p", *"pillar 2")
        await pilot.pause(0.5)
        await pilot.pause()
        lines = [line for line in screen_text(app).splitlines() if "Filter:" in line]
        assert lines and "Pillar II (key 2)" in lines[0], "\n".join(lines)


async def test_the_partial_excerpt_badge_shows_at_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_briefing("us-root-causes-strategy")
        await pilot.pause()
        await pilot.pause()
        assert "PARTIAL EXCERPT" in screen_text(app).splitlines()[0]


async def test_the_notes_header_counts_what_the_filter_shows(make_app, isolated_data_dir) -> None:
    from brief_tui.notes.anchor import make_anchor
    from brief_tui.notes.store import NoteStore

    app = make_app()
    doc = app.library.document("wola-central-america-trips")
    passages = [p for _, p in doc.passages()][:3]
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        for n, passage in enumerate(passages):
            store.add_highlight(
                make_anchor(doc, passage.id, 0, 8), note=f"note {n} zebra" * (n == 1)
            )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        assert "3 in all" in screen_text(app)
        await pilot.press("f", *"zebra")
        await pilot.pause()
        assert "1 of 3 match the filter" in screen_text(app)


async def test_a_bookmark_named_by_its_words_ends_in_an_ellipsis(
    make_app, isolated_data_dir
) -> None:
    from brief_tui.notes.anchor import make_anchor
    from brief_tui.notes.store import NoteStore

    app = make_app()
    doc = app.library.document("wola-central-america-trips")
    passage = next(p for _, p in doc.passages() if len(p.text) > 100)
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.add_bookmark(make_anchor(doc, passage.id, 0, len(passage.text)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("apostrophe")
        await pilot.pause()
        line = next(row for row in screen_text(app).splitlines() if passage.text[:20] in row)
        assert "…" in line
