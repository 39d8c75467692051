"""The Markdown export of a fixed set of notes: compared with golden files, then read back as
Markdown to check its shape. Set UPDATE_GOLDEN=1 to rewrite the golden files after a change
that is meant."""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from export_builders import BOOKMARKS, EXPORTED_AT, HIGHLIGHTS, LIBRARY, hid, orphan
from export_structure import parse, split_front_matter

from brief_tui.export import export_markdown, pillar_id

GOLDEN = Path(__file__).parent / "golden"
TITLE = "Highlights and notes"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="export_markdown()",
            )
        )
        pytest.fail(f"the export differs from golden/{name} (UPDATE_GOLDEN=1 rewrites it):\n{diff}")


def export(**filters) -> str:
    return export_markdown(
        LIBRARY, HIGHLIGHTS, BOOKMARKS, title=TITLE, exported_at=EXPORTED_AT, **filters
    )


def test_everything_matches_the_golden_file() -> None:
    assert_golden("all.md", export())


def test_one_briefing_matches_the_golden_file() -> None:
    assert_golden("document-wola-trips.md", export(document="wola-trips"))


def test_one_pillar_matches_the_golden_file() -> None:
    assert_golden("pillar-P.md", export(pillar="P"))


def test_nothing_to_export_still_gives_a_valid_document() -> None:
    text = export_markdown(LIBRARY, [], [], title=TITLE, exported_at=EXPORTED_AT)
    assert_golden("empty.md", text)
    front, body = split_front_matter(text)
    assert front["sources"] == []
    assert [(p.tag, p.title) for p in parse(body)[1:]] == [("h1", TITLE)]


def test_front_matter_names_the_title_time_and_cited_sources() -> None:
    front, _ = split_front_matter(export())
    assert front["title"] == TITLE
    assert front["exported"] == "2026-11-22T12:05:00Z"
    assert front["sources"] == [
        {
            "id": "wola-trips",
            "organisation": "WOLA",
            "title": "Central America Trips Shed Light on the Migration Agenda",
            "date": "2021-06-17",
        },
        {
            "id": "coalition",
            "organisation": "Win Without War, CISPES",
            "title": "Only a Rethinking of U.S. Foreign Policy Can Address the ‘Root Causes’ of Migration",
            "date": "2021-02",
        },
    ]
    filtered, _ = split_front_matter(export(pillar="P"))
    assert [s["id"] for s in filtered["sources"]] == ["wola-trips"]
    assert filtered["pillar"] == "P"


def test_grouped_by_briefing_then_section_with_bookmarks_and_orphans_last() -> None:
    _, body = split_front_matter(export())
    outline = [(p.tag, p.title) for p in parse(body)[1:]]
    assert outline == [
        ("h1", TITLE),
        ("h2", "Central America Trips Shed Light on the Migration Agenda"),
        ("h3", "Summary"),
        ("h3", "Context"),
        (
            "h2",
            "Only a Rethinking of U.S. Foreign Policy Can Address the ‘Root Causes’ of Migration",
        ),
        ("h3", "Statement"),
        ("h2", "Bookmarks"),
        ("h2", "Orphaned highlights"),
    ]


def test_each_highlight_is_one_item_quote_first_citation_tags_and_block_id_last() -> None:
    _, body = split_front_matter(export())
    parts = {p.title: p for p in parse(body)}
    summary = parts["Summary"].items()
    assert [item.quote() for item in summary] == [
        "anticorruption task force",
        "expand refugee processing",
    ]
    assert summary[1].last_line() == (
        "— WOLA, “Central America Trips Shed Light on the Migration Agenda”, 17 June 2021, "
        "section “Summary”, passage p-0000bbbb (ask · U.S. government). #pillar-IV #protection "
        "#recommendation/ask "
        "#question ^hl-00000002"
    )
    assert (
        parts["Statement"]
        .items()[0]
        .last_line()
        .endswith("#pillar-III #pillar-V #disagree ^hl-00000004")
    )
    orphans = parts["Orphaned highlights"].items()
    assert [item.quote() for item in orphans] == [
        "words that were cut in the latest edition",
        "a report no longer in the library",
    ]
    assert "was passage p-0000eeee" in orphans[0].last_line()
    assert "old-report (no longer in the library)" in orphans[1].last_line()
    assert len(parts["Bookmarks"].items()) == 2


def test_the_note_stays_markdown_inside_its_item() -> None:
    _, body = split_front_matter(export())
    item = parse(body)[3].items()[1]  # "expand refugee processing", a note with a list
    kinds = [t.type for t in item.tokens]
    assert "bullet_list_open" in kinds and "link_open" in [
        c.type for t in item.tokens for c in t.children or ()
    ]


def test_output_and_block_ids_do_not_depend_on_order_or_filters() -> None:
    notes = [*HIGHLIGHTS, orphan("wola-trips", "p-0000abab", "another lost passage", n=9)]
    forwards, backwards = (
        export_markdown(LIBRARY, hs, BOOKMARKS, title=TITLE, exported_at=EXPORTED_AT)
        for hs in (notes, list(reversed(notes)))
    )
    assert forwards == backwards
    assert (
        export_markdown(
            LIBRARY, HIGHLIGHTS, list(reversed(BOOKMARKS)), title=TITLE, exported_at=EXPORTED_AT
        )
        == export()
    )
    assert "^hl-00000001" in export(document="wola-trips")
    assert "^hl-00000002" in export(pillar="P")


def test_block_ids_that_would_collide_use_the_whole_id() -> None:
    twin = replace(HIGHLIGHTS[2], id=hid(1)[:8] + "f" * 24)
    text = export_markdown(LIBRARY, [HIGHLIGHTS[0], twin], [], title=TITLE, exported_at=EXPORTED_AT)
    assert f"^hl-{hid(1)}\n" in text
    assert f"^hl-{twin.id}\n" in text
    assert "^hl-00000001\n" not in text


def test_filters_keep_only_their_briefing_or_pillar() -> None:
    _, body = split_front_matter(export(document="coalition"))
    titles = [p.title for p in parse(body)[1:]]
    assert "Central America Trips Shed Light on the Migration Agenda" not in titles
    assert "Orphaned highlights" not in titles
    assert "Bookmarks" in titles
    _, body = split_front_matter(export(pillar="II"))
    quotes = [item.quote() for part in parse(body) if part.tag == "h3" for item in part.items()]
    assert quotes == ["anticorruption task force"]
    assert "Bookmarks" not in [p.title for p in parse(body)]


def test_a_moved_highlight_quotes_the_current_words() -> None:
    moved = replace(HIGHLIGHTS[2], status="moved", passage="p-0000aaaa", start=0, end=9)
    text = export_markdown(LIBRARY, [moved], [], title=TITLE, exported_at=EXPORTED_AT)
    _, body = split_front_matter(text)
    assert parse(body)[3].items()[0].quote() == "Officials"


@pytest.mark.parametrize(
    ("given", "pillar"), [("II", "II"), ("ii", "II"), ("2", "II"), ("p", "P"), ("6", "P")]
)
def test_pillar_ids_are_read_leniently(given: str, pillar: str) -> None:
    assert pillar_id(given) == pillar


@pytest.mark.parametrize("given", ["VI", "0", "7", "", "pillar"])
def test_unknown_pillars_are_refused_in_one_sentence(given: str) -> None:
    with pytest.raises(ValueError, match=r"^“.*” is not a pillar; .*\.$"):
        pillar_id(given)
