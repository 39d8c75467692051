from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ids import IdAllocator, slugify
from brief_tui.corpus.ingest import build_document

SOURCE = """A Briefing on Aid

The United States should restore aid to the region.

Corruption is one of the main drivers of migration.

Poverty and inequality are critical drivers too.
"""


def ids_of(text: str) -> list[str]:
    doc = build_document(text, "brief.txt", Curation())
    return [p.id for _, p in doc.passages()]


def test_slugify() -> None:
    assert (
        slugify("Only a Rethinking of U.S. Foreign Policy Can Address")
        == "only-rethinking-us-foreign-policy-address"
    )
    assert slugify("López: ¡Hola!") == "lopez-hola"


def test_ids_are_identical_across_runs() -> None:
    assert ids_of(SOURCE) == ids_of(SOURCE)


def test_ids_survive_insertions_and_reordering_elsewhere() -> None:
    before = ids_of(SOURCE)
    edited = SOURCE.replace(
        "Corruption is one", "A brand new paragraph was inserted here.\n\nCorruption is one"
    )
    after = ids_of(edited)
    assert set(before) <= set(after)
    assert len(after) == len(before) + 1


def test_repeated_text_gets_distinct_ids() -> None:
    ids = IdAllocator("doc")
    first, second = ids.passage("These include:"), ids.passage("These include:")
    assert first != second and second == f"{first}-2"


def test_ids_depend_on_the_document() -> None:
    assert IdAllocator("a").passage("Same text.") != IdAllocator("b").passage("Same text.")


def test_read_fraction() -> None:
    from brief_tui.reading import read_fraction

    doc = build_document(SOURCE, "brief.txt", Curation())
    ids = [p.id for _, p in doc.passages()]
    assert read_fraction(doc, ids[-1]) == 1.0
    assert read_fraction(doc, ids[0]) == 1 / len(ids)
    assert read_fraction(doc, "p-unknown") is None and read_fraction(doc, None) is None
