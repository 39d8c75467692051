"""The one list of formats brief-tui reads; `add`, `ingest` and the CLI all derive from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import PurePath

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.segment import Block


@dataclass(frozen=True)
class SourceMeta:
    """What a source says about itself; empty fields are worked out from the text."""

    title: str = ""
    organisations: tuple[str, ...] = ()
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    source: str = ""  # a citation a reader can follow, e.g. the URL of a web page
    kind: str = ""  # e.g. "web page"; empty: decided from the text


@dataclass(frozen=True)
class Extracted:
    """A source's blocks in reading order, and its metadata."""

    blocks: list[Block]
    meta: SourceMeta = field(default_factory=SourceMeta)
    structured: bool = False  # headings come from the source's own markup, not guessed


@dataclass(frozen=True)
class SourceFormat:
    name: str  # as the user knows it: "PDF", "Word document"
    suffixes: tuple[str, ...]  # lower case, with the dot
    media_types: tuple[str, ...]  # for documents fetched from a URL
    reader: str  # "module:function", imported when a source of this format is read

    def read(self, data: bytes, name: str) -> Extracted:
        module, _, function = self.reader.partition(":")
        read: Callable[[bytes, str], Extracted] = getattr(import_module(module), function)
        return read(data, name)


_HERE = "brief_tui.corpus.formats"

FORMATS: tuple[SourceFormat, ...] = (
    SourceFormat("plain text", (".txt", ".text"), ("text/plain",), f"{_HERE}.text:read_text"),
    SourceFormat(
        "Markdown",
        (".md", ".markdown", ".mdown", ".mkd"),
        ("text/markdown", "text/x-markdown"),
        f"{_HERE}.text:read_markdown",
    ),
    SourceFormat("PDF", (".pdf",), ("application/pdf",), f"{_HERE}.pdf:read_pdf"),
)

SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS for s in f.suffixes)


def format_for(name: str) -> SourceFormat | None:
    """The format a file name's suffix says, or None."""
    suffix = PurePath(name).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def format_for_media_type(media_type: str) -> SourceFormat | None:
    """The format of a fetched document, from its Content-Type (parameters ignored)."""
    base = media_type.split(";", 1)[0].strip().lower()
    return next((f for f in FORMATS if base in f.media_types), None)


def supported() -> str:
    """The formats, as one phrase for messages: 'plain text (.txt, .text), Markdown (.md, …)'."""
    return ", ".join(f"{f.name} ({', '.join(f.suffixes)})" for f in FORMATS)


def extract(data: bytes, name: str, source_format: SourceFormat | None = None) -> Extracted:
    """The blocks and metadata of a source; `SourceError` (one sentence) when it cannot be read."""
    chosen = source_format or format_for(name)
    if chosen is None:
        raise SourceError(f"{name} is not a kind of file brief-tui reads; it reads {supported()}.")
    return chosen.read(data, name)
