"""A title that was guessed (no title line in the source) says so in the briefing header and
on the library card; a title the source gives does not."""

from dataclasses import replace

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.tui.widgets.doc_header import header_content
from brief_tui.tui.widgets.library_list import card

UNTITLED = (
    "The two delegations met on Tuesday to review their joint plan for the border.\n\n"
    "They agreed to share more information on weapons trafficking.\n"
)


def test_the_header_and_the_card_say_title_guessed() -> None:
    doc = build_document(UNTITLED, "meeting-notes.txt", Curation(), origin="user")
    assert doc.title_guessed
    assert "title guessed" in header_content(doc).plain
    assert "title guessed" in header_content(doc, compact=True).plain
    assert "title guessed" in card(doc, 80).plain


def test_a_title_from_the_source_is_not_marked() -> None:
    doc = build_document(UNTITLED, "meeting-notes.txt", Curation(), origin="user")
    named = replace(doc, title="Border Talks", title_guessed=False)
    assert "guessed" not in header_content(named).plain
    assert "guessed" not in card(named, 80).plain
