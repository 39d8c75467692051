"""Text that means something in Markdown cannot change an export's structure.

Quotes, titles and names are the source's words and must render literally; notes are the
reader's Markdown and keep working, but cannot add headings, rules or HTML, or leave their
highlight's list item. Checked by parsing the export with markdown-it-py.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from export_builders import EXPORTED_AT, highlight
from export_structure import PARSER, all_tokens, assert_no_raw_html, parse, split_front_matter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_export_markdown import assert_golden

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.export import export_markdown
from brief_tui.export.escape import contained_note, literal

HOSTILE_QUOTE = (
    "# Not a heading > not a quote | a | pipe *star* _under_ `tick` <script>alert(1)</script> "
    "[x](https://example.org) ![i](y) --- &amp; &#60; ==mark== %%comment%% $math$ ^block "
    "~~gone~~ \\ backslash <!-- c --> <https://example.org>"
)
HOSTILE_STARTS = [
    "# heading",
    "> quote",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "--- rule",
    "=== underline",
    "    code",
    "<div>block</div>",
    "| a | b |",
    "```fence",
]
HOSTILE_NOTE = """# A heading in a note
Setext heading text
===
---
> a quote of mine
> # a heading inside it
<script>alert(1)</script>
- a list
  # heading in the list

    # deeper
1. # numbered heading
* * *
- - -
___
<!-- an unclosed comment
<div>
| a | b |
|---|---|
| 1 | 2 |
inline <b>bold</b>, `<code>` stays code, **strong** and [a link](https://example.org)
```python
# a comment in code stays as written
<tag> too
"""


def hostile_library(text: str = HOSTILE_QUOTE, title: str = "Report <script>x</script> # 1 | *x*"):
    doc = Document(
        id="evil",
        title=title,
        organisations=("Org <b>bold</b> & co",),
        date=None,
        kind="document",
        source="",
        seed=None,
        partial="",
        sections=(
            Section("s-1", "--- ## <i>Section</i>", (Passage("p-1", "paragraph", text, ("II",)),)),
        ),
    )
    return doc, Library((doc,))


def export_one(note: str, text: str = HOSTILE_QUOTE, title: str = "Title <b>---</b>") -> str:
    doc, library = hostile_library(text)
    first = highlight(doc, "p-1", text, n=1, note=note)
    return export_markdown(library, [first], [], title=title, exported_at=EXPORTED_AT)


def assert_contained(text: str, quote: str, block_id: str = "^hl-00000001") -> None:
    """One title, one briefing, one section, one item holding everything; nothing raw."""
    _, body = split_front_matter(text)
    parts = parse(body)
    assert [p.tag for p in parts] == ["", "h1", "h2", "h3"], [(p.tag, p.title) for p in parts]
    outside = [t.type for t in parts[3].tokens if t.level == 0]
    assert outside == ["bullet_list_open", "bullet_list_close"], outside
    items = parts[3].items()
    assert len(items) == 1
    assert items[0].quote() == " ".join(quote.split())
    assert items[0].last_line().endswith(block_id)
    tokens = all_tokens(body)
    assert not [t for t in tokens if t.type == "hr"]
    assert sum(t.type == "bullet_list_open" and t.level == 0 for t in tokens) == 1
    assert_no_raw_html(body)


def test_hostile_quote_and_note_match_the_golden_file() -> None:
    assert_golden("hostile.md", export_one(HOSTILE_NOTE))


def test_hostile_quote_renders_literally_and_hostile_note_stays_in_its_item() -> None:
    text = export_one(HOSTILE_NOTE)
    assert_contained(text, HOSTILE_QUOTE)
    _, body = split_front_matter(text)
    parts = parse(body)
    assert parts[1].title == "Title <b>---</b>"
    assert parts[2].title == "Report <script>x</script> # 1 | *x*"
    assert parts[3].title == "--- ## <i>Section</i>"
    item = parts[3].items()[0]
    kinds = [t.type for t in item.tokens]
    # the note's own Markdown still works, inside the item
    assert "fence" in kinds and "blockquote_open" in kinds[1:] and "table_open" not in kinds[:1]
    fence = next(t for t in item.tokens if t.type == "fence")
    assert fence.content == "# a comment in code stays as written\n<tag> too\n"
    code = [c.content for t in item.tokens for c in t.children or () if c.type == "code_inline"]
    assert code == ["<code>"]
    rendered = PARSER.render(body)
    assert "<strong>strong</strong>" in rendered and '<a href="https://example.org">' in rendered


def test_every_hostile_line_start_in_a_quote_stays_literal() -> None:
    for start in HOSTILE_STARTS:
        text = f"{start} and then the words"
        assert_contained(export_one(start, text=text), text)


def test_every_hostile_line_start_in_a_note_stays_in_its_item() -> None:
    for start in HOSTILE_STARTS:
        note = f"before\n{start}\n\n{start}\nafter"
        assert_contained(export_one(note, text="plain words"), "plain words")


def test_a_note_cannot_swallow_the_citation_with_an_open_fence() -> None:
    for fence in ("```", "~~~~", "```python"):
        text = export_one(f"code follows\n\n{fence}\nx = 1")
        assert_contained(text, HOSTILE_QUOTE)


def test_a_fence_opened_inside_a_list_cannot_hide_a_heading() -> None:
    note = "- item\n  ```\n# would be a heading once the list item ends\n  ```"
    assert_contained(export_one(note), HOSTILE_QUOTE)


def test_code_spans_that_pair_across_lines_cannot_smuggle_html() -> None:
    note = "a ` b\n`<b>` c\n\\`<i>`"
    assert_contained(export_one(note), HOSTILE_QUOTE)
    spared = contained_note("`<b>` is a tag", "")
    assert spared == ["`<b>` is a tag"]


def test_literal_escapes_only_what_could_mean_something() -> None:
    assert literal("Aid & reform: 3.5% (2021) - done!") == "Aid & reform: 3.5% (2021) - done!"
    assert literal("1. First") == "1\\. First"
    assert literal("> x") == "\\> x"
    assert literal("a  \n  b") == "a b"
    assert literal("&amp; ==x== %%y%%") == "\\&amp; \\==x\\== \\%%y\\%%"


NOTE_PIECES = st.sampled_from(
    ["#", "##", " ", "  ", "    ", "\t", ">", "> ", "-", "- ", "*", "* ", "_", "=", "+ ", "1. ",
     "2)", "---", "===", "***", "```", "~~~", "`", "<div>", "<b>", "</p>", "<!--", "-->", "<?",
     "<!X", "|", "[a]: /u", "[a]", "text", "\\", "&lt;", "<https://x.org>", "``", "`<b>`",
     "\\`", "` `", "``<i>``"]
)  # fmt: skip
NOTE_LINES = st.lists(st.lists(NOTE_PIECES, max_size=6).map("".join), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NOTE_LINES)
def test_no_note_changes_the_structure(lines: list[str]) -> None:
    assert_contained(export_one("\n".join(lines), text="plain words"), "plain words")


QUOTE_TEXT = st.text(
    alphabet=st.sampled_from(list("#>|*_`<>[]()!-+=.)1 \\&;%$^~:/abcXYZ\t\n")), min_size=1
).filter(str.strip)


@settings(max_examples=300, deadline=None)
@given(QUOTE_TEXT, QUOTE_TEXT)
def test_any_quote_and_title_render_literally(text: str, title: str) -> None:
    doc, library = hostile_library(text, title=title)
    first = replace(highlight(doc, "p-1", text, n=1), note="")
    out = export_markdown(library, [first], [], title=title, exported_at=EXPORTED_AT)
    assert_contained(out, text)
    front, body = split_front_matter(out)
    assert front["title"] == title and front["sources"][0]["title"] == title
    parts = parse(body)
    assert parts[1].title == " ".join(title.split())
    assert parts[2].title == " ".join(title.split())


def test_front_matter_values_survive_any_characters() -> None:
    title = 'A "title"\n---\n# not a key: value\u2028\x85\x7f\\ end'
    front, _ = split_front_matter(export_one("", text="words", title=title))
    assert front["title"] == title


def test_a_heading_in_a_note_becomes_a_bold_line_in_its_item() -> None:
    note = (
        "Intro\n## Sub-heading\nmore\n> ### In a quote ###\n- # In a list item #x\n##\n# ends in \\"
    )
    assert contained_note(note, "  ") == [
        "  Intro",
        "  **Sub-heading**",
        "  more",
        "  > **In a quote**",
        "  - **In a list item #x**",
        "  \\##",  # nothing to make bold: escaped, as before
        "  **ends in \\\\**",  # the backslash stays a backslash, not an escaped `*`
    ]
    text = export_one(note, text="plain words")
    assert_contained(text, "plain words")
    _, body = split_front_matter(text)
    rendered = PARSER.render(body)
    for words in ("Sub-heading", "In a quote", "In a list item #x", "ends in \\"):
        assert f"<strong>{words}</strong>" in rendered, rendered


@pytest.mark.parametrize("note", ["# *", "# * * *", "# ***", "## **"])
def test_a_heading_of_stars_is_not_a_horizontal_rule(note: str) -> None:
    out = export_one(note, text="plain words")
    assert_contained(out, "plain words")
    assert "*****" not in out


def test_a_fence_with_a_bar_is_not_read_as_a_table_header_holding_a_heading() -> None:
    """'```|' then '---' is fenced code to some parsers and a table to others (markdown-it,
    Obsidian): the '#' after it must not become a heading of the export either way."""
    assert_contained(export_one("```|\n---\n#", text="plain words"), "plain words")
    assert_contained(export_one("```|\n---\n`````<i>``\n```#", text="plain words"), "plain words")
