"""The format registry: one list for add, ingest and the command line's messages."""

from __future__ import annotations

import pytest

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.formats import SUFFIXES, extract, format_for
from brief_tui.corpus.formats.registry import sniff


def test_every_markdown_suffix_is_read_as_markdown() -> None:
    for suffix in (".md", ".markdown", ".mdown"):
        assert format_for(f"memo{suffix}").name == "Markdown"
        assert suffix in SUFFIXES


def test_a_file_without_a_suffix_is_sniffed() -> None:
    assert sniff(b"Just some text\n\nwith paragraphs.").name == "plain text"
    extracted = extract(b"Title line\n\nThe United States should act.\n", "README")
    assert [b.text for b in extracted.blocks][-1] == "The United States should act."


def test_a_kind_brief_tui_does_not_read_is_named_in_one_sentence() -> None:
    with pytest.raises(SourceError) as info:
        extract(b"\xd0\xcf\x11\xe0 old word", "memo.doc")
    message = str(info.value)
    assert message.startswith("memo.doc is not a kind of file brief-tui reads; it reads ")
    assert "Markdown (.md" in message and "\n" not in message
