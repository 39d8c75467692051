"""The bundled briefings as a reader gets them: clean, structured, tagged."""

import shutil
from pathlib import Path

import pytest

from brief_tui import locations
from brief_tui.corpus.ingest import ingest_sources
from brief_tui.corpus.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library((locations.content_dir(), "bundled"))


def passage(library, doc_id: str, starts: str):
    doc = library.document(doc_id)
    return next(p for _, p in doc.passages() if p.text.startswith(starts))


def test_all_five_seeds_load_without_problems(library) -> None:
    assert not library.problems
    assert [d.seed for d in library.documents] == sorted(
        p.name for p in locations.seeds_dir().glob("*.txt")
    )


def test_content_matches_what_ingest_produces(tmp_path: Path) -> None:
    """content/ is up to date with the seeds, the curation and the code."""
    fresh = tmp_path / "content"
    fresh.mkdir()
    shutil.copy(locations.content_dir() / "curation.toml", fresh / "curation.toml")
    report = ingest_sources(sorted(locations.seeds_dir().glob("*.txt")), fresh)
    assert not report.errors
    for result in report.results:
        assert result.path.read_text(encoding="utf-8") == (
            locations.content_dir() / result.path.name
        ).read_text(encoding="utf-8"), f"{result.path.name} is stale: run `brief-tui ingest`"


@pytest.mark.parametrize(
    "chrome",
    [
        "¡",
        "¨C",
        "Click to share",
        "Subscribe to",
        "Sign Up",
        "Latest on Twitter",
        "Google Online Preview",
        "email protected",
        "Join the Beyond the Wall",
        "Stay Updated",
        "AP Photo",
        "partial summary",
        "\xa0",
    ],
)
def test_no_capture_debris_remains(library, chrome: str) -> None:
    for doc in library.documents:
        for section, p in doc.passages():
            assert chrome not in p.text and chrome not in section.title, (doc.id, p.id)


def test_strategy_is_repaired_reflowed_and_marked_partial(library) -> None:
    doc = library.document("us-root-causes-strategy")
    assert doc.title.endswith("in Central America")
    assert doc.partial.startswith("Partial excerpt")
    first = passage(library, "us-root-causes-strategy", "In Central America, the root causes")
    assert first.text == (
        "In Central America, the root causes of migration run deep—and migration from the region has a direct "
        "impact on the United States. For that reason, our nation must consistently engage with the region to "
        "address the hardships that cause people to leave Central America and come to our border."
    )
    contents = next(s for s in doc.sections if s.title == "Contents")
    entries = [p.text for p in contents.passages]
    assert entries[0] == "Strategic Environment" and len(entries) == 9
    # A contents list names the document's parts; it is read, never tagged.
    assert all(
        p.kind == "item" and not p.pillars and not p.recommendation for p in contents.passages
    )
    assert {str(p.why[0]) for p in contents.passages} == {"not tagged: a table of contents"}


def test_numbered_recommendation_headings(library) -> None:
    doc = library.document("wola-central-america-trips")
    headings = [p for _, p in doc.passages() if p.kind == "heading" and p.text[:1].isdigit()]
    assert [h.text.split(" ", 1)[0] for h in headings] == ["1.", "2.", "3.", "4."]
    assert (
        headings[0].text
        == "1. End the militarized externalization of immigration control south of the U.S. border."
    )
    assert all(h.recommendation for h in headings)
    assert "P" in headings[1].pillars


def test_numbered_asks_stay_a_list(library) -> None:
    doc = library.document("wola-beyond-the-wall-root-causes")
    asks = [p for _, p in doc.passages() if p.kind == "item"]
    assert [a.marker for a in asks] == ["1.", "2.", "3.", "4.", "5."]
    assert all(a.recommendation for a in asks)
    assert "IV" in asks[2].pillars and "II" in asks[2].pillars


def test_security_assistance_recommendations_are_pillar_iv(library) -> None:
    suspend = passage(library, "coalition-root-causes-statement", "Militarized security policy")
    assert suspend.kind == "item" and suspend.recommendation and "IV" in suspend.pillars


def test_metadata(library) -> None:
    doc = library.document("wola-central-america-trips")
    assert (doc.organisations, doc.date, doc.kind) == (("WOLA",), "2021-06-17", "commentary")
    coalition = library.document("coalition-root-causes-statement")
    assert coalition.kind == "joint statement" and "CISPES" in coalition.organisations
    about = coalition.sections[-1]
    assert about.title == "About the organisations"
    assert all(not p.pillars and not p.recommendation for p in about.passages)
