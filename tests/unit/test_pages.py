"""Page numbers from paged sources, in every citation a reader takes away."""

from __future__ import annotations

import json
from pathlib import Path

from brief_tui.cli import main
from brief_tui.corpus.citation import citation
from brief_tui.corpus.curation import Curation
from brief_tui.corpus.formats import Extracted, SourceMeta
from brief_tui.corpus.ingest import build_document, write_document
from brief_tui.corpus.segment import Block
from brief_tui.reading import ReadingPlan

BLOCKS = [
    Block("heading", "Findings", level=1, page=1),
    Block("paragraph", "Corruption undermines the rule of law in the region.", page=1),
    Block("paragraph", "The United States should fund anti-corruption prosecutors.", page=2),
    Block("item", "Expand access to asylum at ports of entry.", "•", page=2),
    Block("paragraph", "Violence by gangs drives families to leave.", page=3),
]


def paged_document():
    meta = SourceMeta(title="A Paged Report", organisations=("CRS",), date="2024-01")
    return build_document(Extracted(BLOCKS, meta, structured=True), "report.pdf", Curation())


def test_passages_keep_their_page_through_a_content_file(tmp_path: Path) -> None:
    doc = paged_document()
    assert [p.page for _, p in doc.passages()] == [1, 1, 2, 2, 3]
    assert doc.sections[0].level == 1
    written = write_document(doc, tmp_path, "test")
    text = written.path.read_text(encoding="utf-8")
    assert "page = 2" in text and "level = 1" in text


def test_citations_say_the_page(tmp_path: Path) -> None:
    doc = paged_document()
    section, passage = list(doc.passages())[2]
    assert ", p. 2, passage p-" in citation(doc, section, passage)


def test_a_page_shows_where_it_starts(tmp_path: Path) -> None:
    plan = ReadingPlan(paged_document())
    starts = [row.passage.page for row in plan.rows if row.passage is not None and row.new_page]
    assert starts == [1, 2, 3]


def test_passages_json_and_export_carry_pages(capsys, isolated_data_dir: Path) -> None:
    doc = paged_document()
    write_document(doc, isolated_data_dir / "library", "test")
    assert main(["passages", "--json", "--document", doc.id]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["page"] for r in records] == [1, 1, 2, 2, 3]
    assert main(["passages", "--json", "--document", "wola-central-america-trips"]) == 0
    assert {r["page"] for r in json.loads(capsys.readouterr().out)} == {None}
