"""Aligning what sources recommend on a pillar."""

from __future__ import annotations

import json

import pytest

from brief_tui import locations
from brief_tui.cli import main
from brief_tui.compare import Similarity, compare, coverage, default_sources, recommendations
from brief_tui.corpus.library import load_library
from brief_tui.corpus.model import Document, Library, Passage, Section


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library((locations.content_dir(), "bundled"))


def doc(doc_id: str, *texts: str, pillars=("IV",), themes=None) -> Document:
    passages = tuple(
        Passage(
            f"p-{doc_id[:4]}{n:04d}",
            "paragraph",
            text,
            pillars,
            True,
            (),
            "",
            tuple((themes or {}).get(n, ())),
        )
        for n, text in enumerate(texts)
    )
    return Document(
        doc_id,
        doc_id.title(),
        ("Org",),
        "2021",
        "document",
        "",
        None,
        "",
        (Section("s-0", "S", passages),),
    )


def test_a_curator_theme_aligns_the_security_assistance_pair(library) -> None:
    docs = [
        library.document("coalition-root-causes-statement"),
        library.document("wola-beyond-the-wall-root-causes"),
    ]
    result = compare(library, docs, "IV")
    aligned = [row for row in result.rows if all(row.cells)]
    assert len(aligned) == 1
    left, right = aligned[0].cells
    assert left.passage.text.startswith("Militarized security policy")
    assert right.passage.text.startswith("Focus security-related funding")
    assert aligned[0].theme == "security assistance"


def test_similar_wording_aligns_and_different_wording_does_not() -> None:
    a = doc(
        "alpha",
        "Strengthen the rule of law and prosecute corruption by judges.",
        "Expand asylum access at the border.",
    )
    b = doc(
        "beta",
        "Build gang prevention programmes for youth.",
        "Prosecute corruption and protect judges to strengthen the rule of law.",
    )
    lib = Library((a, b))
    result = compare(lib, [a, b], "IV", Similarity(lib))
    pairs = [
        (
            r.cells[0].passage.text[:10] if r.cells[0] else None,
            r.cells[1].passage.text[:10] if r.cells[1] else None,
        )
        for r in result.rows
    ]
    assert ("Strengthen", "Prosecute ") in pairs
    assert ("Expand asy", None) in pairs
    assert (None, "Build gang") in pairs


def test_a_silent_source_is_reported_not_hidden(library) -> None:
    counts = coverage(library)
    speaker, silent, pillar = next(
        (a, b, p)
        for a in library.documents
        for b in library.documents
        for p in counts[a.id]
        if counts[a.id][p] and not counts[b.id][p]
    )
    result = compare(library, [speaker, silent], pillar)
    assert result.count(0) == counts[speaker.id][pillar] and result.count(1) == 0
    assert result.rows and all(row.cells[1] is None for row in result.rows)


def test_each_recommendation_appears_exactly_once(library) -> None:
    docs = list(library.documents[:3])
    result = compare(library, docs, "II")
    for column, document in enumerate(docs):
        shown = [row.cells[column].passage.id for row in result.rows if row.cells[column]]
        assert sorted(shown) == sorted(r.passage.id for r in recommendations(document, "II"))


def test_coverage_and_default_sources(library) -> None:
    counts = coverage(library)
    for document in library.documents:
        for pillar, count in counts[document.id].items():
            assert count == len(recommendations(document, pillar))
    busiest, second = default_sources(library, "P")
    assert counts[busiest.id]["P"] == max(counts[d.id]["P"] for d in library.documents) > 0
    assert counts[second.id]["P"] == max(
        counts[d.id]["P"] for d in library.documents if d.id != busiest.id
    )


def test_cli_markdown_table_and_json(capsys) -> None:
    assert (
        main(
            [
                "compare",
                "--pillar",
                "IV",
                "--left",
                "coalition-root-causes-statement",
                "--right",
                "beyond the wall",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("# Recommendations on Pillar IV")
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[1] == "| --- | --- |"
    assert any(
        "Militarized security policy" in row and "Focus security-related funding" in row
        for row in table
    )
    assert "passage p-1bfa22a7" in out
    assert (
        main(
            [
                "compare",
                "--pillar",
                "5",
                "--left",
                "wola-central-america-trips",
                "--right",
                "coalition-root-causes-statement",
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["pillar"] == "V" and data["sources"][1]["recommendations"] == 0
    assert all(row["cells"][1] is None for row in data["rows"])


def test_cli_rejects_an_unknown_pillar(capsys) -> None:
    assert main(["compare", "--pillar", "VII"]) == 2
    assert "unknown pillar" in capsys.readouterr().err


def test_busiest_pillar(library) -> None:
    from brief_tui.compare import busiest_pillar

    assert busiest_pillar(library, library.document("wola-central-america-trips")) == "P"
    assert busiest_pillar(library, library.document("wola-beyond-the-wall-root-causes")) == "II"
