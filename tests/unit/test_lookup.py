"""Finding a briefing from what a person types: never silently the wrong one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief_tui import locations
from brief_tui.cli import main
from brief_tui.corpus.library import load_library
from brief_tui.corpus.lookup import find_document
from brief_tui.corpus.model import Library

TRIPS = "wola-central-america-trips"
WALL = "wola-beyond-the-wall-root-causes"
STRATEGY = "us-root-causes-strategy"
WEB_PAGE = "us-root-causes-web-page"
COALITION = "coalition-root-causes-statement"
JUSTICE_SOURCE = "Justice Before Walls\n\nWe should restore aid to fight corruption.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def bundled() -> Library:
    return load_library((locations.content_dir(), "bundled"))


@pytest.fixture
def with_justice(capsys, tmp_path: Path, isolated_data_dir: Path) -> Library:
    """The bundled briefings and the user's own "Justice Before Walls"."""
    source = tmp_path / "justice.txt"
    source.write_text(JUSTICE_SOURCE, encoding="utf-8")
    assert run(capsys, "add", str(source))[0] == 0
    return load_library(
        (locations.content_dir(), "bundled"), (locations.library_dir(isolated_data_dir), "user")
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (STRATEGY, STRATEGY),  # an exact id
        ("wola-central", TRIPS),  # a unique id prefix
        ("us-root-causes-w", WEB_PAGE),
        ("central america trips", TRIPS),  # title words
        ("beyond the wal", WALL),  # the last one unfinished
        ("Rethinking Foreign Policy", COALITION),
        ("strategy overview", WEB_PAGE),
        ("justice", COALITION),  # only an organisation says it, and nothing else does
        ("commentary", TRIPS),  # the kind
        ("centrl amerca trps", TRIPS),  # typos, clearly one briefing
    ],
)
def test_what_people_type_finds_the_briefing_they_mean(
    bundled: Library, query: str, expected: str
) -> None:
    found = find_document(bundled, query)
    assert found.document is not None and found.document.id == expected, found


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ("wola", {TRIPS, WALL}),
        ("us-root-causes", {STRATEGY, WEB_PAGE}),
        ("strategy", {STRATEGY, WEB_PAGE}),
        ("stratgy", {STRATEGY, WEB_PAGE}),  # a typo that fits both equally
    ],
)
def test_an_ambiguous_query_names_the_candidates_instead_of_guessing(
    bundled: Library, query: str, candidates: set[str]
) -> None:
    found = find_document(bundled, query)
    assert found.document is None
    assert {doc.id for doc in found.candidates} == candidates


def test_a_title_word_beats_an_organisation_word(with_justice: Library) -> None:
    found = find_document(with_justice, "justice")
    assert found.document is not None and found.document.title == "Justice Before Walls"


def test_nothing_close_lists_the_closest(bundled: Library) -> None:
    found = find_document(bundled, "zzzz")
    assert found.document is None and not found.candidates and len(found.closest) == 3


def opened_by(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What `brief-tui DOC` would open, without starting the terminal app."""
    from brief_tui.tui.app import BriefApp

    opened: list[str | None] = []
    monkeypatch.setattr(BriefApp, "run", lambda self: opened.append(self._open_document))
    return opened


def test_brief_tui_doc_opens_the_briefing_meant(
    capsys, monkeypatch: pytest.MonkeyPatch, with_justice: Library
) -> None:
    opened = opened_by(monkeypatch)
    assert run(capsys, "wola-central")[0] == 0
    assert run(capsys, "justice")[0] == 0
    assert opened[0] == TRIPS
    assert opened[1] == find_document(with_justice, "Justice Before Walls").document.id
    assert opened[1].startswith("justice-before-walls")


def test_an_ambiguous_briefing_lists_id_and_title_and_opens_nothing(
    capsys, monkeypatch: pytest.MonkeyPatch, bundled: Library
) -> None:
    opened = opened_by(monkeypatch)
    code, out, err = run(capsys, "wola")
    assert code != 0 and not opened and out == ""
    lines = err.splitlines()
    assert lines[0] == "brief-tui: “wola” could be 2 briefings; type more of its id or title:"
    assert lines[1:] == [
        f"  {WALL}  {bundled.document(WALL).title}",
        f"  {TRIPS}  {bundled.document(TRIPS).title}",
    ]


def test_every_command_taking_a_briefing_accepts_the_same_words(
    capsys, with_justice: Library
) -> None:
    code, out, _ = run(capsys, "passages", "--json", "--document", "wola-central")
    assert code == 0 and {r["document"] for r in json.loads(out)} == {TRIPS}
    code, out, _ = run(capsys, "passages", "--json", "--document", "justice")
    assert code == 0 and {r["title"] for r in json.loads(out)} == {"Justice Before Walls"}
    code, out, _ = run(capsys, "export", "--document", "beyond the wall")
    assert code == 0 and f'document: "{WALL}"' in out
    code, out, _ = run(
        capsys, "compare", "--pillar", "IV", "--left", "rethinking", "--right", "wola-beyond"
    )
    assert code == 0 and "Only a Rethinking" in out and "Beyond the Wall" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("passages", "--document", "wola"),
        ("export", "--document", "wola"),
        ("compare", "--pillar", "IV", "--left", "wola"),
    ],
)
def test_every_command_refuses_an_ambiguous_briefing_the_same_way(capsys, argv) -> None:
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    assert err.startswith("brief-tui: “wola” could be 2 briefings; type more of its id or title:\n")
    assert f"  {TRIPS}  " in err and f"  {WALL}  " in err
