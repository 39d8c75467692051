"""Titles, dates and organisations from the structure of a document's opening, as a reader of
the briefing gets them after `add`."""

from brief_tui.corpus.contentfile import parse_document, render_document
from brief_tui.corpus.curation import Curation
from brief_tui.corpus.formats.registry import SourceMeta
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.metadata import detect_front_matter
from brief_tui.corpus.model import Document
from brief_tui.corpus.segment import Block


def build(text: str, name: str = "capture.txt") -> Document:
    return build_document(text, name, Curation(), origin="user")


def everything(doc: Document) -> str:
    """All the text a reader sees: section titles and passages."""
    return "\n".join([s.title for s in doc.sections] + [p.text for _, p in doc.passages()])


WEB_PAGE = """\
Skip to content
Lakeside Refugee Network
Menu
Our Work
Get Involved
Donate
Home / News / Shelters Along the Route Are Running Out of Beds

Shelters Along the Route Are Running Out of Beds

Updated 14 February 2023 | Statement
Share: Facebook · Email · Print

Shelters in southern Mexico turned away more families in January than in any month since we began counting, because beds, food and staff ran out.

We ask the governments of the region to fund shelters run by local groups and to stop detaining families who are waiting for an answer to their claims.

Related stories
Winter Arrives at the Northern Border
Five Questions About Transit Visas

© 2023 Lakeside Refugee Network · Privacy
"""


def test_a_web_page_title_is_its_headline_not_its_site_menu_or_breadcrumb() -> None:
    doc = build(WEB_PAGE)
    assert doc.title == "Shelters Along the Route Are Running Out of Beds"
    assert not doc.title_guessed
    assert doc.date == "2023-02-14"
    assert doc.kind == "statement"
    assert doc.organisations == ("Lakeside Refugee Network",)
    seen = everything(doc)
    for junk in (
        "Skip to content",
        "Our Work",
        "Home / News",
        "Share:",
        "Related stories",
        "Winter Arrives",
        "©",
        "Updated 14 February",
    ):
        assert junk not in seen
    assert [p.text[:20] for _, p in doc.passages()] == [
        "Shelters in southern",
        "We ask the governmen",
    ]


REPORT_COVER = """\
Seasonal Work and
the Right to Organise

Ana Beltrán
Senior Researcher, Labour Programme
Institute for Regional Labour Studies
June 2022
ILS-22-07

Summary
Seasonal workers recruited in Guatemala for farms abroad paid an average of 900 dollars in
fees, although the law forbids any fee at all, and most of them did not know whom to call
when they were cheated by an agent or an employer during the season they spent abroad.
Employers who broke the rules were rarely fined, and none lost the right to hire workers
through the programme in the three years the survey covered.
"""


def test_a_cover_gives_a_title_over_two_lines_and_its_other_lines_are_metadata() -> None:
    doc = build(REPORT_COVER)
    assert doc.title == "Seasonal Work and the Right to Organise"
    assert doc.date == "2022-06"
    assert doc.organisations == ("Institute for Regional Labour Studies",)
    seen = everything(doc)
    for junk in ("Ana Beltrán", "Senior Researcher", "ILS-22-07", "June 2022"):
        assert junk not in seen
    assert doc.sections[0].title == "Summary"


def test_a_letter_is_named_by_its_subject_line_and_its_addresses_and_signatures_go() -> None:
    letter = (
        "FARMWORKER ALLIANCE\n"
        "200 Example Street, Suite 5\n"
        "Sacramento, CA 95814\n\n"
        "March 1, 2022\n\n"
        "The Honorable Jane Doe\n"
        "Secretary of Labor\n"
        "Washington, DC 20210\n\n"
        "Re: Recruitment Fees in the Seasonal Visa\n"
        "Programme\n\n"
        "Dear Secretary Doe:\n\n"
        "We write to ask the Department to enforce the ban on recruitment fees, which workers\n"
        "from Guatemala and Honduras still pay to agents in their home towns.\n\n"
        "Sincerely,\n\n"
        "Farmworker Alliance\n"
        "Workers United for Fair Visas\n"
    )
    doc = build(letter)
    assert doc.title == "Recruitment Fees in the Seasonal Visa Programme"
    assert doc.date == "2022-03-01"
    seen = everything(doc)
    for junk in ("200 Example Street", "The Honorable Jane Doe", "Sincerely", "Workers United"):
        assert junk not in seen
    assert "Dear Secretary Doe:" in seen


def test_category_labels_and_site_chrome_are_never_titles() -> None:
    doc = build(
        "News Release\n\nAbout | Library | Archive | Help\n\n"
        "Harvest Losses Push Families to Leave Highland Towns\n\n"
        "More families left the highland towns this year than in the three years before, "
        "the survey found.\n"
    )
    assert doc.title == "Harvest Losses Push Families to Leave Highland Towns"


def test_with_no_title_line_the_name_is_used_and_marked_as_guessed() -> None:
    doc = build(
        "The two delegations met on Tuesday to review their joint plan for the border.\n\n"
        "They agreed to share more information on weapons trafficking.\n",
        "delegations-meet.txt",
    )
    assert doc.title == "delegations meet"
    assert doc.title_guessed
    again = parse_document(render_document(doc, "test"), "x.toml")
    assert again.title_guessed
    assert "title_guessed = true" in render_document(doc, "test")
    assert "title_guessed" not in render_document(build(WEB_PAGE), "test")


def test_a_title_set_in_capitals_over_a_testimony_cover() -> None:
    doc = build(
        "THE BUDGET FOR REGIONAL PROTECTION PROGRAMS\n"
        "TESTIMONY OF\n"
        "ROBERTO SALINAS\n"
        "DEPUTY DIRECTOR, BUREAU OF REGIONAL AFFAIRS\n"
        "BEFORE THE\n"
        "SUBCOMMITTEE ON THE AMERICAS\n"
        "MAY 4, 2022\n"
        "Madam Chair, Ranking Member, and Members of the Subcommittee:\n"
        "Thank you for the opportunity to discuss our request for the coming fiscal year and\n"
        "what it will fund in the countries of Central America and in Mexico this year.\n"
        "The request includes new funds for shelters, for legal aid and for the courts that\n"
        "hear asylum claims in the region, which have never had the judges they need.\n"
    )
    assert doc.title == "The Budget for Regional Protection Programs"  # recased, for reading
    assert doc.date == "2022-05-04"
    seen = everything(doc)
    assert "ROBERTO SALINAS" not in seen and "SUBCOMMITTEE ON THE AMERICAS" not in seen
    assert "THE BUDGET" not in seen
    assert "Madam Chair, Ranking Member, and Members of the Subcommittee:" in seen


def test_a_viewer_record_line_carries_the_title_and_the_line_itself_goes() -> None:
    doc = build(
        "Archive | Reports | Search\n\n"
        "record id is 42/agency-1 and page is 1 text is: Displacement After the Storms\n\n"
        "Updated April 2, 2021\n\n"
        "Two storms in November 2020 left hundreds of thousands of people without homes in "
        "Honduras and Guatemala.\n"
    )
    assert doc.title == "Displacement After the Storms"
    assert doc.date == "2021-04-02"
    assert "record id" not in everything(doc)


def test_the_title_is_not_repeated_as_a_passage_or_a_running_title() -> None:
    doc = build(
        "Courts Under Pressure\n\n"
        "Judges in the region face threats when they hear cases against officials.\n\n"
        "Courts Under Pressure\n\n"
        "Some have left the country after ruling against powerful defendants.\n"
    )
    assert doc.title == "Courts Under Pressure"
    assert "Courts Under Pressure" not in everything(doc)


def test_a_source_s_own_title_is_used_unless_it_is_site_chrome() -> None:
    blocks = [
        Block("heading", "Rivers and Roads", level=1),
        Block("paragraph", "The road to the coast flooded twice this year, cutting off the port."),
    ]
    found, rest = detect_front_matter(
        blocks, "file", SourceMeta(title="Rivers and Roads | Tide Post")
    )
    assert found.title == "Rivers and Roads" and not found.title_guessed
    assert [b.text for b in rest] == [blocks[1].text]  # the headline is not also a passage
    found, _ = detect_front_matter(blocks, "file", SourceMeta(title="Home | Archive | Tide Post"))
    assert found.title == "Rivers and Roads"
    found, _ = detect_front_matter(blocks, "file", SourceMeta(title="Press Release"))
    assert found.title == "Rivers and Roads"


def test_datelines_with_places_and_review_dates_are_metadata() -> None:
    doc = build(
        "Winter Shelter Report\n\n"
        "TEGUCIGALPA, Honduras – 12 January 2023\n\n"
        "Shelters in the capital ran out of beds in the first week of the cold season.\n\n"
        "Page last reviewed: 20 January 2023\n"
    )
    assert doc.date == "2023-01-12"
    assert [p.text for _, p in doc.passages()] == [
        "Shelters in the capital ran out of beds in the first week of the cold season."
    ]


def test_a_title_in_capitals_is_shown_in_title_case_keeping_real_capitals() -> None:
    doc = build(
        "FY 2024 USAID PROGRAMS FOR THE DRY CORRIDOR\n\n"
        "USAID will fund seed banks and irrigation in forty municipalities this year.\n\n"
        "Most of the money goes through local cooperatives and municipal offices.\n"
    )
    assert doc.title == "FY 2024 USAID Programs for the Dry Corridor"


def test_a_hearing_named_in_quotes_is_titled_by_the_quoted_words() -> None:
    doc = build(
        'Hearing: "Wages, Work and the Road North"\n\n'
        "Subcommittee on the Western Hemisphere\n\n"
        "The subcommittee will come to order. Today we examine why workers in the maquilas "
        "leave for the north, and what our programmes have done about it.\n"
    )
    assert doc.title == "Wages, Work and the Road North"


def test_a_sentence_case_headline_under_a_kicker_is_the_title() -> None:
    doc = build(
        "Comunicado No. 318\n\n"
        "Guatemala and Mexico sign an agreement on seasonal work visas\n\n"
        "22 de agosto de 2024\n\n"
        "The two governments signed an agreement on Tuesday that opens twelve thousand seasonal "
        "work visas for farm workers from the western highlands.\n\n"
        "The ministry will publish the rules for applicants within thirty days.\n"
    )
    assert doc.title == "Guatemala and Mexico sign an agreement on seasonal work visas"
    assert "Comunicado No. 318" not in everything(doc)


def test_a_publisher_named_again_in_the_copyright_line_is_not_the_title() -> None:
    doc = build(
        "The Ridgeline Courier\n\n"
        "Remittances Keep Highland Towns Afloat\n\n"
        "By Marta Iriarte\n\n"
        "Money sent home from the United States paid for a third of the houses built in the "
        "highland towns last year, a survey of local builders found.\n\n"
        "© 2025 The Ridgeline Courier. All rights reserved.\n"
    )
    assert doc.title == "Remittances Keep Highland Towns Afloat"
