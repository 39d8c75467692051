"""The HTML-to-blocks converter that web pages, Word documents and EPUB chapters share."""

from brief_tui.corpus.formats.html_blocks import html_blocks, ordinal
from brief_tui.corpus.formats.markup import decode_markup, parse_markup


def blocks(markup: str) -> list[tuple[str, int, str, str]]:
    root = parse_markup(f"<html><body>{markup}</body></html>", "test.html")
    return [(b.kind, b.level, b.marker, b.text) for b in html_blocks(root)]


def test_headings_keep_their_level_and_inline_markup_is_reduced_to_words() -> None:
    assert blocks(
        "<h1>Root <em>causes</em></h1><h4>Pillar&nbsp;II</h4>"
        "<p>Fund the <a href='/x'>CICIG</a> <b>now</b>.<br>Then act.</p><p>Prosperity,<b>Combat</b></p>"
    ) == [
        ("heading", 1, "", "Root causes"),
        ("heading", 4, "", "Pillar II"),
        ("paragraph", 0, "", "Fund the CICIG now. Then act."),
        ("paragraph", 0, "", "Prosperity, Combat"),  # spacing repaired as for captures
    ]


def test_ordered_lists_number_as_a_browser_would_and_nested_lists_stay_items() -> None:
    assert blocks(
        "<ol start='3'><li>Restore aid<ul><li>to civil society</li></ul>so it lasts</li>"
        "<li value='7'>Protect judges</li><li>Fund prosecutors</li></ol>"
        "<ol type='a'><li>first</li><li>second</li></ol>"
        "<ol reversed><li>two</li><li>one</li></ol>"
    ) == [
        ("item", 0, "3.", "Restore aid"),
        ("item", 0, "•", "to civil society"),
        ("paragraph", 0, "", "so it lasts"),
        ("item", 0, "7.", "Protect judges"),
        ("item", 0, "8.", "Fund prosecutors"),
        ("item", 0, "a.", "first"),
        ("item", 0, "b.", "second"),
        ("item", 0, "2.", "two"),
        ("item", 0, "1.", "one"),
    ]


def test_paragraphs_inside_an_item_continue_it() -> None:
    assert blocks("<ul><li><p>Expand asylum.</p><p>Keep the border open.</p></li></ul>") == [
        ("item", 0, "•", "Expand asylum. Keep the border open.")
    ]


def test_block_quotes_are_marked_paragraphs_unless_they_open_with_a_quotation_mark() -> None:
    assert blocks(
        "<blockquote><p>Corruption drives migration.</p><p>So does violence.</p></blockquote>"
        "<blockquote>“We will act,” she said.</blockquote>"
    ) == [
        ("paragraph", 0, "“", "Corruption drives migration."),
        ("paragraph", 0, "“", "So does violence."),
        ("paragraph", 0, "", "“We will act,” she said."),
    ]


def test_a_data_table_is_one_line_per_row_with_its_header() -> None:
    assert blocks(
        "<table><caption>Aid by country</caption>"
        "<thead><tr><th>Country</th><th>2020</th><th>Note</th></tr></thead>"
        "<tbody><tr><td>Honduras</td><td><p>120</p></td><td></td></tr>"
        "<tr><td>Guatemala</td><td>200</td><td>cut <b>later</b></td></tr>"
        "<tr><td></td><td></td></tr></tbody></table>"
    ) == [
        ("paragraph", 0, "", "Aid by country"),
        ("paragraph", 0, "", "Country | 2020 | Note"),
        ("paragraph", 0, "", "Honduras | 120"),
        ("paragraph", 0, "", "Guatemala | 200 | cut later"),
    ]


def test_a_layout_table_is_read_as_the_text_it_lays_out() -> None:
    assert blocks(
        "<table><tr><td><h2>Findings</h2><p>Aid fell.</p></td><td><p>Sidebar</p></td></tr></table>"
        "<table><tr><td><p>A boxed note.</p></td></tr></table>"
    ) == [
        ("heading", 2, "", "Findings"),
        ("paragraph", 0, "", "Aid fell."),
        ("paragraph", 0, "", "Sidebar"),
        ("paragraph", 0, "", "A boxed note."),
    ]


def test_scripts_controls_escapes_and_empty_blocks_give_nothing() -> None:
    assert blocks(
        "<script>alert('x')</script><style>p{}</style><p>  </p><div><!-- c --></div>"
        "<p>Safe\x1b]0;pwned\x07 text\u00ad here</p><button>Accept</button><img alt='logo'>"
        "<div>Loose text <span>in a div</span><p>and a paragraph</p>after it</div>"
    ) == [
        ("paragraph", 0, "", "Safe text here"),
        ("paragraph", 0, "", "Loose text in a div"),
        ("paragraph", 0, "", "and a paragraph"),
        ("paragraph", 0, "", "after it"),
    ]


def test_well_formed_xhtml_is_read_as_xml_and_declared_encodings_are_honoured() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p/><h2>Sección</h2>'
        "<p>Texto</p></body></html>"
    ).encode()
    root = parse_markup(xhtml, "chapter.xhtml")
    assert [(b.kind, b.text) for b in html_blocks(root)] == [
        ("heading", "Sección"),
        ("paragraph", "Texto"),
    ]
    latin = '<meta charset="iso-8859-1"><p>Peña</p>'.encode("latin-1")
    assert decode_markup(latin).endswith("<p>Peña</p>")
    assert decode_markup("<p>Peña “x”</p>".encode()) == "<p>Peña “x”</p>"
    assert decode_markup("<p>Peña</p>".encode("cp1252")) == "<p>Peña</p>"


def test_ordinals() -> None:
    assert [ordinal(n, "i") for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert [ordinal(n, "A") for n in (1, 26, 27)] == ["A", "Z", "AA"]
    assert ordinal(5, "1") == "5"


def test_external_entities_are_never_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xhtml = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret}">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Before &leak; after</p></body></html>'
    )
    texts = [b.text for b in html_blocks(parse_markup(xhtml.encode(), "x.xhtml"))]
    assert texts and not any("TOP-SECRET" in t for t in texts)
