"""Lead-ins, labels, lists of links and contents lists, as passages a reader gets."""

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.leadins import attach_lead_ins, is_label, is_lead_in, is_salutation
from brief_tui.corpus.model import Document
from brief_tui.corpus.segment import Block


def build(text: str) -> Document:
    return build_document(text, "structure.txt", Curation(), origin="user")


def test_a_lead_in_is_read_with_the_first_point_it_introduces() -> None:
    blocks = attach_lead_ins(
        [
            Block("paragraph", "The network made three demands at the hearing."),
            Block("paragraph", "They include:"),
            Block("item", "An end to detention of children.", "•"),
            Block("item", "Interpreters in every court.", "•"),
        ]
    )
    assert [b.text for b in blocks] == [
        "The network made three demands at the hearing.",
        "They include: An end to detention of children.",
        "Interpreters in every court.",
    ]
    assert blocks[1].kind == "item" and blocks[1].marker == "•"


def test_only_an_unfinished_clause_is_a_lead_in() -> None:
    assert is_lead_in(Block("paragraph", "Our audit of the programme found:"))
    assert is_lead_in(Block("paragraph", "We call on the ministry to:"))
    assert is_lead_in(Block("paragraph", "Changes this year include the following for families:"))
    # A statement that happens to end on a colon says something by itself.
    assert not is_lead_in(Block("paragraph", "The ministry has broken its own rules on detention:"))
    assert not is_lead_in(Block("paragraph", "For local governments:"))  # a label
    assert not is_lead_in(Block("paragraph", "Dear Minister Ortiz:"))  # a salutation


def test_labels_and_salutations() -> None:
    assert is_label("For donors and lenders:")
    assert is_label("Violence Against Journalists and Judges:")
    assert not is_label("The courts have stopped hearing these cases:")
    assert is_salutation("Dear colleagues,")
    assert is_salutation("Chairwoman Ruiz, Ranking Member Park, and members of the committee:")


def test_a_label_heads_its_group_and_a_salutation_stays_a_paragraph() -> None:
    doc = build(
        "Dear Minister Ortiz,\n\n"
        "We are writing about the closure of the reception centre in the southern province.\n\n"
        "For the ministry:\n\n"
        "- Reopen the centre before the harvest season brings more people north.\n"
        "- Publish the number of people it turned away.\n"
    )
    kinds = {p.text: p.kind for _, p in doc.passages()}
    assert kinds["Dear Minister Ortiz,"] == "paragraph"
    assert kinds["For the ministry:"] == "heading"


def test_an_unmarked_run_of_link_titles_is_navigation_and_goes() -> None:
    doc = build(
        "Water and Migration in the Highlands\n\n"
        "Wells dried up in six of the ten villages we visited, and families began to leave.\n\n"
        "Droughts, Debts and Departures\n"
        "What the Census Missed About Return Migration\n"
        "Three Towns That Kept Their Young People\n\n"
        "The next survey will cover the coastal departments.\n"
    )
    seen = [p.text for _, p in doc.passages()]
    assert not any("Droughts, Debts" in t or "Census Missed" in t for t in seen)
    assert seen[-1] == "The next survey will cover the coastal departments."


def test_a_marked_list_of_links_is_read_but_never_tagged() -> None:
    doc = build(
        "Documents on Corruption and Violence\n\n"
        "This page lists the reports the office has published on extortion and corruption.\n\n"
        "Reports\n"
        "- Extortion of Bus Drivers in the Capital\n"
        "- Corruption in Prison Contracts\n"
        "- Gang Violence and School Closures\n"
    )
    links = [p for _, p in doc.passages() if p.kind == "item"]
    assert len(links) == 3
    assert all(not p.pillars and not p.recommendation for p in links)
    assert {str(p.why[0]) for p in links} == {"not tagged: a list of links"}


def test_a_contents_list_is_read_but_never_tagged() -> None:
    doc = build(
        "Safe Routes North\n\n"
        "Contents\n"
        "Violence Against Women on the Route ........ 2\n"
        "Corruption at Checkpoints .................. 5\n\n"
        "Violence Against Women on the Route\n\n"
        "Women travelling alone told us of assaults at every stage of the journey north.\n"
    )
    contents = next(s for s in doc.sections if s.title == "Contents")
    assert [p.text for p in contents.passages] == [
        "Violence Against Women on the Route",
        "Corruption at Checkpoints",
    ]
    assert all(not p.pillars for p in contents.passages)
    heading = next(p for s, p in doc.passages() if s.title != "Contents" and p.kind == "heading")
    assert heading.text == "Violence Against Women on the Route"
    assert heading.pillars  # the same words heading the text are tagged


def test_a_heading_opens_its_section_once() -> None:
    doc = build(
        "Notes From the Border\n\n"
        "Crossings fell in the spring and rose again in the summer months.\n\n"
        "Shelters\n\n"
        "Most shelters were full by the end of June.\n"
    )
    section = next(s for s in doc.sections if s.title == "Shelters")
    assert [p.kind for p in section.passages] == ["heading", "paragraph"]
    assert [p.text for _, p in doc.passages()].count("Shelters") == 1


def test_title_case_points_under_a_heading_that_announces_them_are_kept() -> None:
    doc = build(
        "A Plan for the Border Towns\n\n"
        "The towns along the border need help now, and the coalition has three asks.\n\n"
        "Our recommendations\n"
        "Fund Legal Aid for Children\n"
        "Expand Refugee Processing in the Region\n"
        "End the Detention of Families\n\n"
        "We will report on progress every six months.\n"
    )
    texts = [p.text for _, p in doc.passages()]
    assert "Expand Refugee Processing in the Region" in texts


def test_points_announced_at_the_end_of_a_text_are_not_footer_links() -> None:
    doc = build(
        "A Plan for the Border Towns\n\n"
        "The towns along the border need help now, and the coalition has three asks.\n\n"
        "Our recommendations\n"
        "Fund Legal Aid for Children\n"
        "Expand Refugee Processing in the Region\n"
    )
    texts = [p.text for _, p in doc.passages()]
    assert texts[-2:] == ["Fund Legal Aid for Children", "Expand Refugee Processing in the Region"]
