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
    SourceFormat(
        "web page",
        (".html", ".htm", ".xhtml"),
        ("text/html", "application/xhtml+xml"),
        f"{_HERE}.html:read_html",
    ),
    SourceFormat(
        "Word document",
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        f"{_HERE}.docx:read_docx",
    ),
    SourceFormat("EPUB book", (".epub",), ("application/epub+zip",), f"{_HERE}.epub:read_epub"),
)

SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS for s in f.suffixes)

# Kinds of file people may try to add that brief-tui does not read: named, not sniffed.
_FOREIGN_SUFFIXES = frozenset(
    ".doc .rtf .odt .pages .xls .xlsx .ppt .pptx .png .jpg .jpeg .gif .zip .mobi .azw3".split()
)


def format_for(name: str) -> SourceFormat | None:
    """The format a file name's suffix says, or None."""
    suffix = PurePath(name).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def format_for_media_type(media_type: str) -> SourceFormat | None:
    """The format of a fetched document, from its Content-Type (parameters ignored)."""
    base = media_type.split(";", 1)[0].strip().lower()
    return next((f for f in FORMATS if base in f.media_types), None)


def sniff(data: bytes) -> SourceFormat | None:
    """The format of a file whose name does not say, from its first bytes; None if unknown.

    A file with no known suffix that is not a PDF, Word, EPUB or HTML file is read as plain
    text (decoding refuses it if it is binary).
    """
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return format_for("x.pdf")
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return format_for("x.html")
    return format_for("x.txt")


def _zip_format(data: bytes) -> SourceFormat | None:
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return format_for("x.docx")
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/epub+zip":
                return format_for("x.epub")
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def supported() -> str:
    """The formats, as one phrase for messages: 'plain text (.txt, .text), Markdown (.md, …)'."""
    return ", ".join(f"{f.name} ({', '.join(f.suffixes)})" for f in FORMATS)


def extract(data: bytes, name: str, source_format: SourceFormat | None = None) -> Extracted:
    """The blocks and metadata of a source; `SourceError` (one sentence) when it cannot be read."""
    chosen = source_format or format_for(name)
    if chosen is None and PurePath(name).suffix.lower() not in _FOREIGN_SUFFIXES:
        chosen = sniff(data)
    if chosen is None:
        raise SourceError(f"{name} is not a kind of file brief-tui reads; it reads {supported()}.")
    return chosen.read(data, name)
