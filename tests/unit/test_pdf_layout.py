"""The PDF layout rules on lines made by hand: no PDF library, every case spelled out."""

from __future__ import annotations

from dataclasses import replace

from brief_tui.corpus.formats.pdf_blocks import join_lines, pdf_blocks
from brief_tui.corpus.formats.pdf_layout import (
    Line,
    Page,
    drop_running_lines,
    find_gutter,
    find_tables,
    join_split_lines,
    reading_order,
)
from brief_tui.corpus.formats.pdf_meta import (
    plausible_authors,
    plausible_date,
    plausible_title,
    source_meta,
)

LEFT, RIGHT = (72.0, 297.0), (315.0, 540.0)


def line(
    text: str, x: tuple[float, float], top: float, size: float = 10.0, bold: bool = False
) -> Line:
    return Line(text, x[0], x[1], top, top + size, size, bold, page=1, chars=len(text))


def test_join_lines_undoes_hyphenation_only_before_a_lower_case_letter() -> None:
    assert join_lines("unauthorized migra-", "tion from") == "unauthorized migration from"
    assert join_lines("the U.S.-", "Mexico border") == "the U.S.-Mexico border"
    assert join_lines("the COVID-", "19 pandemic") == "the COVID-19 pandemic"
    assert join_lines("a multi-", "year plan", {"multi-year"}) == "a multi-year plan"
    assert join_lines("a multi-", "year plan", {"multi-year", "multiyear"}) == "a multiyear plan"
    assert join_lines("from 2019–", "2021") == "from 2019–2021"
    assert join_lines("and so -", "in short") == "and so - in short"
    assert join_lines("docu\u00ad", "ment") == "document"
    assert join_lines("plain", "words") == "plain words"


def page_with(number: int, *lines: Line) -> Page:
    return Page(number, 612, 792, [ln if ln.page == number else _on(ln, number) for ln in lines])


def _on(item: Line, number: int) -> Line:
    return replace(item, page=number)


def test_running_headers_footers_and_page_numbers_are_dropped_across_pages() -> None:
    pages = [
        page_with(
            n,
            line("Mexico's Immigration Control Efforts", LEFT, 36, 8),
            line(f"Body text of page {n} that differs.", LEFT, 300),
            line(f"CRS-{n}", (290, 320), 760, 8),
            line(f"Page {n} of 4", (480, 540), 760, 8),
        )
        for n in range(1, 5)
    ]
    pages[0].lines.insert(0, line("Mexico's Immigration Control Efforts", LEFT, 80, 20, bold=True))
    assert drop_running_lines(pages) == 12
    assert [ln.text for ln in pages[0].lines] == [
        "Mexico's Immigration Control Efforts",  # the title, in large type, stays
        "Body text of page 1 that differs.",
    ]
    assert [ln.text for ln in pages[3].lines] == ["Body text of page 4 that differs."]


def test_a_lone_page_number_goes_even_without_repetition() -> None:
    pages = [page_with(1, line("A short statement.", LEFT, 100), line("iii", (300, 310), 765))]
    drop_running_lines(pages)
    assert [ln.text for ln in pages[0].lines] == ["A short statement."]


def test_two_columns_read_left_then_right_in_bands_split_by_full_width_lines() -> None:
    shuffled = [
        line("Right heading", RIGHT, 120, bold=True),
        line("Left heading", LEFT, 120, bold=True),
        line("right body one", RIGHT, 135),
        line("left body one", LEFT, 135),
        line("left body two", LEFT, 148),
        line("A Title Across The Page", (72, 500), 80, 18),
        line("Country | Aid | Change", (72, 540), 200),
        line("lower right", RIGHT, 230),
        line("lower left", LEFT, 230),
    ]
    ordered = reading_order(shuffled)
    assert [ln.text for ln in ordered] == [
        "A Title Across The Page",
        "Left heading",
        "left body one",
        "left body two",
        "Right heading",
        "right body one",
        "Country | Aid | Change",
        "lower left",
        "lower right",
    ]
    assert [ln.new_flow for ln in ordered] == [
        True,
        False,
        False,
        False,
        True,
        False,
        False,
        False,
        True,
    ]


def test_one_column_has_no_gutter_and_reads_top_down() -> None:
    lines = [line(f"full line {n}", (72, 540), 100 + 12 * n) for n in range(5)]
    assert find_gutter(lines) is None
    assert [ln.text for ln in reading_order(list(reversed(lines)))] == [ln.text for ln in lines]


def test_table_rows_become_one_line_each_and_wrapped_cells_join() -> None:
    lines = [
        line("Country", (72, 110), 100),
        line("Aid 2021", (250, 290), 100),
        line("Change", (400, 440), 100),
        line("El Salvador and", (72, 150), 112),
        line("$75m", (250, 275), 112),
        line("+7%", (400, 420), 112),
        line("its neighbours", (72, 140), 124),
        line("Text under the table.", (72, 300), 150),
    ]
    rows = sorted(find_tables(lines), key=lambda ln: ln.top)
    assert [ln.text for ln in rows] == [
        "Country | Aid 2021 | Change",
        "El Salvador and its neighbours | $75m | +7%",
        "Text under the table.",
    ]


def test_a_marker_cut_off_from_its_item_is_joined_back() -> None:
    pieces = [line("2.", (72, 80), 100), line("Increase the number of judges.", (86, 250), 100)]
    assert [ln.text for ln in join_split_lines(pieces)] == ["2. Increase the number of judges."]
    columns = [line("left column ends", (72, 290), 100), line("right starts", (315, 400), 100)]
    assert len(join_split_lines(columns)) == 2


def test_footnotes_at_the_page_bottom_become_notes_and_marks_stay_in_the_text() -> None:
    page = page_with(
        1,
        line("Heading", LEFT, 90, 14, bold=True),
        line("People seek asylum.[12] Numbers rose", LEFT, 110),
        line("again in 2021.", LEFT, 122),
        line("12 Department of Homeland Security,", LEFT, 700, 8),
        line("Southwest Border Encounters.", LEFT, 710, 8),
    )
    blocks = pdf_blocks([page])
    assert [(b.kind, b.text, b.marker, b.level) for b in blocks] == [
        ("heading", "Heading", "", 1),
        ("paragraph", "People seek asylum.[12] Numbers rose again in 2021.", "", 0),
        ("heading", "Notes", "", 1),
        ("item", "Department of Homeland Security, Southwest Border Encounters.", "12.", 0),
    ]
    assert blocks[2].synthetic


def test_heading_levels_rank_sizes_and_put_bold_body_lines_last() -> None:
    body = [line(f"Body sentence number {n} goes on.", (72, 540), 300 + 12 * n) for n in range(8)]
    page = page_with(
        1,
        line("Part One", (72, 200), 100, 16, bold=True),
        line("Chapter", (72, 200), 140, 13, bold=True),
        line("A bold lead", (72, 200), 180, bold=True),
        line("A bold sentence that ends.", (72, 300), 220, bold=True),
        *body,
    )
    blocks = pdf_blocks([page])
    assert [(b.kind, b.level) for b in blocks[:4]] == [
        ("heading", 1),
        ("heading", 2),
        ("heading", 3),
        ("paragraph", 0),
    ]


def test_metadata_left_by_software_is_not_believed() -> None:
    assert plausible_title("Microsoft Word - draft3.docx") == ""
    assert plausible_title("C:\\Users\\jsmith\\report.pdf") == ""
    assert plausible_title("final_report_v2") == ""
    assert plausible_title("U.S. Strategy for Addressing the Root Causes of Migration") != ""
    assert plausible_authors("jsmith; Administrator; Congressional Research Service") == (
        "Congressional Research Service",
    )
    assert plausible_date("D:20210729120000-04'00'") == "2021-07-29"
    assert plausible_date("D:19700101000000Z") is None
    assert plausible_date("D:2021") == "2021"


def test_xmp_fills_in_what_the_info_dictionary_lacks() -> None:
    xmp = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmp:CreateDate="2021-06-17T09:00:00-04:00">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Central America Trips</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>WOLA</rdf:li><rdf:li>Adam Isacson</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""
    meta = source_meta({"Title": "untitled"}, xmp)
    assert (meta.title, meta.organisations, meta.date) == (
        "Central America Trips",
        ("WOLA", "Adam Isacson"),
        "2021-06-17",
    )


def test_a_table_of_contents_becomes_a_list_of_entries() -> None:
    entries = [
        ("2.1", "ASN.1 syntax . . . . . . . . . . . . . 2"),
        ("2.2", "Naming . . . . . . . . . . . . . . . . . 3"),
        ("2.3", "Simple parsing . . . . . . . . . . . . 4"),
    ]
    lines = [line("Table of Contents", (90, 240), 90, 17, bold=True)]
    for n, (number, title) in enumerate(entries):
        lines += [line(number, (105, 119), 130 + 13 * n), line(title, (130, 450), 130 + 13 * n)]
    lines += [
        line("Body text that runs the full width of the page.", (90, 522), 200 + 12 * n)
        for n in range(6)
    ]
    blocks = pdf_blocks([page_with(1, *lines)])
    assert [(b.kind, b.marker, b.text) for b in blocks[1:4]] == [
        ("item", "•", "2.1 ASN.1 syntax … 2"),
        ("item", "•", "2.2 Naming … 3"),
        ("item", "•", "2.3 Simple parsing … 4"),
    ]
