from brief_tui.corpus.boilerplate import strip_boilerplate
from brief_tui.corpus.contents import mark_contents
from brief_tui.corpus.segment import (
    Block,
    classify_headings,
    group_sections,
    is_hard_wrapped,
    markdown_blocks,
    text_blocks,
)

WRAPPED = """\
Cover Message from the Minister

In Central America, the root causes of migration run deep and migration from the region has a direct

impact on the United States. For that reason, our nation must consistently engage with the region to address

the hardships that cause people to leave Central America and come to our border.

For decades, our nation has engaged in Central America. Often well intentioned, the engagement has often

not been consistent. And over the last few years, the United States significantly pulled back from work in

the region.

All of these factors contribute to irregular migration, and none of them can address it without

honest and inclusive democratic

governance that is responsive to the

needs of citizens in the region.
"""


def test_hard_wrapped_text_is_reflowed_into_paragraphs() -> None:
    assert is_hard_wrapped(WRAPPED)
    blocks = text_blocks(WRAPPED)
    assert [b.text[:30] for b in blocks] == [
        "Cover Message from the Ministe",
        "In Central America, the root c",
        "For decades, our nation has en",
        "All of these factors contribut",
    ]
    assert blocks[1].text.endswith("come to our border.")
    assert "without honest and inclusive democratic governance" in blocks[3].text


def test_one_paragraph_per_line_text_is_not_reflowed() -> None:
    text = "Title\n\nFirst paragraph is long enough.\n\nSecond one.\n"
    assert not is_hard_wrapped(text)
    assert [b.text for b in text_blocks(text)] == [
        "Title",
        "First paragraph is long enough.",
        "Second one.",
    ]


def test_bullets_and_numbered_items_are_list_items() -> None:
    blocks = text_blocks(
        "Intro:\n  • first point\n- second point\n1.) Target assistance.\n2.) Support jobs.\n"
    )
    assert [(b.kind, b.marker, b.text) for b in blocks[1:]] == [
        ("item", "•", "first point"),
        ("item", "•", "second point"),
        ("item", "1.", "Target assistance."),
        ("item", "2.", "Support jobs."),
    ]


def test_numbered_line_standing_over_paragraphs_is_a_heading() -> None:
    blocks = classify_headings(
        text_blocks(
            "Some context paragraph that is long.\n\n1.) End the militarized externalization of immigration control.\n\n"
            "Mexico should demilitarize migration activities and reorient its approach.\n"
        )
    )
    assert blocks[1].kind == "heading"
    assert blocks[1].text == "1. End the militarized externalization of immigration control."


def test_imperative_sentence_over_paragraphs_is_a_heading() -> None:
    text = (
        "Title line\n\nIntro paragraph that is long enough to be a paragraph.\n\nSecond intro.\n\n"
        "Restore critical aid and condition U.S. assistance on progress.\n\n"
        "President Trump has cut off hundreds of millions of dollars in critical aid to countries.\n"
    )
    blocks = classify_headings(text_blocks(text))
    assert [b.kind for b in blocks][3] == "heading"


def test_a_run_of_headings_that_come_back_later_is_a_table_of_contents() -> None:
    blocks = [
        Block("paragraph", "Where Families Go", hard_break=True),
        Block("paragraph", "Why the Harvest Failed"),
        Block("paragraph", "Part Two: Courts, prosecutors and the long wait for justice"),
        Block("paragraph", "What Donors Promised"),
        Block("paragraph", "Farmers in the highlands lost two harvests in a row last year.", True),
        Block("paragraph", "Why the Harvest Failed"),
        Block(
            "paragraph", "Rain came late and then all at once, and the maize rotted in the field."
        ),
    ]
    marked, dropped = mark_contents(blocks)
    sections = group_sections(classify_headings(marked))
    assert [s.title for s in sections] == ["Contents", "Introduction", "Why the Harvest Failed"]
    assert [b.kind for b in sections[0].blocks] == ["item"] * 4
    assert sections[1].blocks[0].text.startswith("Farmers in the highlands")
    assert dropped == 0


def test_dot_leaders_and_page_numbers_make_a_contents_list_without_them() -> None:
    blocks = [
        Block("paragraph", "Contents"),
        Block("paragraph", "Summary ........................ 1"),
        Block("item", "Where People Go ................ 4", "1.", numbered=True),
        Block("paragraph", "Summary"),
        Block("paragraph", "Most of those who left last year were under thirty years old."),
    ]
    marked, dropped = mark_contents(blocks)
    assert [(b.text, b.role) for b in marked[:2]] == [
        ("Summary", "contents"),
        ("Where People Go", "contents"),
    ]
    assert dropped == 1  # the 'Contents' line: the reader names the section itself


def test_about_notes_become_their_own_untagged_section() -> None:
    blocks = [
        Block("paragraph", "We urge the administration to act."),
        Block("paragraph", "Win Without War is a diverse network of activists.", hard_break=True),
        Block("paragraph", "CISPES is a grassroots solidarity organization."),
    ]
    sections = group_sections(blocks)
    assert sections[-1].title == "About the organisations" and sections[-1].about


def test_page_chrome_is_dropped() -> None:
    blocks = [
        Block("paragraph", t)
        for t in [
            "Real paragraph one about aid.",
            "Subscribe to the weekly border update",
            "(AP Photo/Eduardo Verdugo)",
            "Win Without War, Michael Galant, [email protected], +1 (203) 260-4654",
            "The U.S. government can work with Mexico. Join the Beyond the Wall campaign to learn more.",
            "Real paragraph two about asylum.",
            "Share the Stories Beyond the Wall",
            "Click to share",
            "Latest on Twitter",
            "Footer text that belongs to the page, not the document.",
        ]
    ]
    result = strip_boilerplate(blocks)
    assert [b.text for b in result.blocks] == [
        "Real paragraph one about aid.",
        "The U.S. government can work with Mexico.",
        "Real paragraph two about asylum.",
    ]
    assert result.dropped == 7


def test_a_chrome_sentence_goes_and_the_rest_of_its_paragraph_stays() -> None:
    blocks = [
        Block(
            "paragraph",
            "To ensure the rights of asylum seekers, the United States must fix its broken "
            "asylum system. Join the Beyond the Wall campaign to learn more.",
        ),
        Block(
            "paragraph",
            "The Justice Team is a coalition of ten groups working on migration in Honduras. "
            "Write to press@justice.example or call +1 202 555 0100.",
        ),
        Block("paragraph", "Contact: press@justice.example, (202) 555-0100"),
        Block("paragraph", "Homicides fell from 12.5 13.1 to 14.2 15.0 per 100,000 in the table."),
    ]
    assert [b.text for b in strip_boilerplate(blocks).blocks] == [
        "To ensure the rights of asylum seekers, the United States must fix its broken "
        "asylum system.",
        "The Justice Team is a coalition of ten groups working on migration in Honduras.",
        "Homicides fell from 12.5 13.1 to 14.2 15.0 per 100,000 in the table.",
    ]


def test_viewer_notice_is_dropped_and_remembered() -> None:
    blocks = [
        Block("paragraph", "Text."),
        Block(
            "paragraph",
            "In order to avoid copyright disputes, this page is only a partial summary.",
        ),
        Block("paragraph", "Google Online Preview Download"),
    ]
    result = strip_boilerplate(blocks)
    assert [b.text for b in result.blocks] == ["Text."]
    assert "partial summary" in result.partial_notice


def test_markdown_blocks_use_a_real_parser() -> None:
    md = "# Title\n\nSome *emphasis* and a [link](http://x).\n\n## Asks\n\n1. First ask\n2. Second ask\n\n- bullet [b]\n"
    blocks = markdown_blocks(md)
    assert [(b.kind, b.marker, b.text) for b in blocks] == [
        ("heading", "", "Title"),
        ("paragraph", "", "Some emphasis and a link."),
        ("heading", "", "Asks"),
        ("item", "1.", "First ask"),
        ("item", "2.", "Second ask"),
        ("item", "•", "bullet [b]"),
    ]
