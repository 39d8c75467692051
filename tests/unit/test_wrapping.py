"""Hard wraps are found from the lengths of a capture's lines, whatever the column width, and
re-flowed; text with one paragraph per line is never joined."""

from brief_tui.corpus.blocks import text_blocks
from brief_tui.corpus.boilerplate import strip_boilerplate
from brief_tui.corpus.segment import is_hard_wrapped

NARROW = """\
Background
Cooperatives in the western highlands have lost
members every year since the coffee rust arrived,
and the young people who stayed now work for day
wages on larger farms or leave for the capital.
A cooperative in Huehuetenango lost half its
members in three years; most of them went north.
Credit for replanting reached few of the families
that needed it.
"""

WIDE = """\
Summary

Municipal violence-prevention programmes have been funded in fits and starts, one budget at a
time, and the towns that ran them rarely kept the staff they had trained once the money ended.
Where funding lasted five years or more, school attendance rose and homicides fell faster than
in comparable towns, according to the evaluations reviewed for this paper.

The paper recommends multi-year grants to municipalities, a shared register of what each
programme measured, and an independent evaluation in every third year of funding.
"""


def texts(text: str) -> list[str]:
    return [b.text for b in strip_boilerplate(text_blocks(text)).blocks]


def test_a_narrow_column_is_reflowed_into_paragraphs() -> None:
    assert is_hard_wrapped(NARROW)
    assert texts(NARROW) == [
        "Background",
        "Cooperatives in the western highlands have lost members every year since the coffee "
        "rust arrived, and the young people who stayed now work for day wages on larger farms "
        "or leave for the capital.",
        "A cooperative in Huehuetenango lost half its members in three years; most of them "
        "went north.",
        "Credit for replanting reached few of the families that needed it.",
    ]


def test_a_wide_column_is_reflowed_into_paragraphs() -> None:
    """Where blank lines part the paragraphs, a sentence ending at a line's end goes on."""
    assert is_hard_wrapped(WIDE)
    paragraphs = texts(WIDE)
    assert paragraphs[0] == "Summary"
    assert len(paragraphs) == 3
    assert "once the money ended. Where funding lasted" in paragraphs[1]
    assert paragraphs[1].endswith("reviewed for this paper.")
    assert paragraphs[2].startswith("The paper recommends multi-year grants")


def test_without_blank_lines_a_sentence_ending_a_line_ends_its_paragraph() -> None:
    """Nothing else marks paragraphs there; a sentence is never cut, a paragraph may be."""
    paragraphs = texts(WIDE.replace("\n\n", "\n"))
    assert paragraphs[1].endswith("once the money ended.")
    assert paragraphs[2].startswith("Where funding lasted five years")


def test_one_paragraph_per_line_is_never_joined_however_lines_are_separated() -> None:
    web = (
        "Farm incomes fell by a third in the dry corridor last year\n"
        "and aid reached one family in ten\n"
        "The ministry promised seed and credit before the next planting season\n"
        "Nobody in the village had heard of the programme\n"
        "Officials said the lists of beneficiaries were still being checked\n"
        "Most families had already sold their animals to buy food\n"
    )
    assert not is_hard_wrapped(web)
    assert len(texts(web)) == 6
    blank_separated = web.replace("\n", "\n\n")
    assert len(texts(blank_separated)) == 6


def test_a_paragraph_runs_on_across_page_furniture() -> None:
    text = (
        "Returnees describe the same obstacles again and again: no papers, no\n"
        "work, and debts that were taken on to pay for the journey north and\n"
        "\n"
        "Returning Home | Page 4\n"
        "\n"
        "that still have to be paid when they come back with nothing at all.\n"
        "Municipal offices that help returnees exist in only a handful of towns\n"
        "and most of them have no budget of their own for this kind of work,\n"
        "so they depend on grants from churches and from the families abroad\n"
        "who send money home to the same towns that their relatives now leave.\n"
    )
    paragraphs = texts(text)
    assert paragraphs[0].endswith(
        "journey north and that still have to be paid when they come back with nothing at all."
    )
    assert not any("Page 4" in p for p in paragraphs)


def test_running_heads_and_chart_residue_are_dropped() -> None:
    text = (
        "Harvest Report 2022\n"
        "Rainfall arrived three weeks late in most of the eastern departments,\n"
        "and the first planting failed in nearly every municipality surveyed.\n"
        "Figure 2. Maize yields by department\n"
        "Yield (t/ha)        Loss\n"
        "2.1      1.4\n"
        "80%\n"
        "2019       2020      2021\n"
        "Yields recovered only where farmers had irrigation or crop insurance,\n"
        "which fewer than one in twenty smallholders could afford last year.\n"
        "                                               7\n"
        "Harvest Report 2022\n"
        "Seed banks run by cooperatives helped some families plant a second time,\n"
        "but most of them ran out of seed before the second rains arrived.\n"
        "                                               8\n"
    )
    paragraphs = texts(text)
    assert "Figure 2. Maize yields by department" in paragraphs
    assert not any("2019" in p or "Loss" in p or p == "Harvest Report 2022" for p in paragraphs)
    assert any(p.startswith("Yields recovered only") for p in paragraphs)


def test_capitals_on_a_cover_stay_apart_and_ocr_spacing_stays() -> None:
    text = (
        "STATEMENT OF\n"
        "MARIA ELENA TORRES\n"
        "DIRECTOR, OFFICE OF REGIONAL AFFAIRS\n"
        "Thank you for the invitation to testify today on the regional response to\n"
        "displacement inthe northern countries of Central America, which has grown\n"
        "every year since the storms of 2020 destroyed crops and homes.\n"
        "The Office will ask for more staff at the border and for funds to open two\n"
        "new reception centres before the end of the fiscal year.\n"
    )
    paragraphs = texts(text)
    assert paragraphs[:2] == [
        "STATEMENT OF MARIA ELENA TORRES",
        "DIRECTOR, OFFICE OF REGIONAL AFFAIRS",
    ]
    assert "inthe northern countries" in paragraphs[2]  # OCR spacing is left as it is


def test_list_items_keep_their_indented_continuations() -> None:
    text = (
        "The coalition asks the committee to do three things this year, in the\n"
        "following order of priority:\n"
        "1. Restore the funding for community centres that was cut in the last\n"
        "   budget, and keep it for at least three years.\n"
        "2. Require a report on every shelter that closed for lack of money\n"
        "   during the past two years of the programme.\n"
        "3. Fund legal aid for families who ask for protection at the border\n"
        "   and for the children who travel alone.\n"
    )
    blocks = text_blocks(text)
    items = [b for b in blocks if b.kind == "item"]
    assert [b.marker for b in items] == ["1.", "2.", "3."]
    assert items[0].text.endswith("keep it for at least three years.")


def test_a_word_broken_by_a_hyphen_at_a_line_end_is_joined_with_its_hyphen() -> None:
    text = (
        "Credit for small-\n"
        "holder farmers and for anti-\n"
        "corruption offices in the regional capitals was cut by a third in the\n"
        "last budget, and most of the offices closed within the year that followed.\n"
        "Farmers who had borrowed to replant lost their land when the loans came\n"
        "due, and many of them left for the cities or went north with their sons.\n"
    )
    paragraph = texts(text)[0]
    assert "small-holder farmers and for anti-corruption offices" in paragraph
