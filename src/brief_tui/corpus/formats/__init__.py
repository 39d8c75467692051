"""Source formats: each turns a source's bytes into the same blocks and metadata.

`extract(data, name)` picks the format from the file name (or a URL's media type) and
returns an `Extracted`: blocks (headings with levels, paragraphs, list items with markers,
each with the page it starts on where the source has pages) and what the source says about
itself (title, organisations, date, where it came from). Heavy libraries (pdfminer,
trafilatura, mammoth) are imported by the format that needs them, when it runs.
"""

from brief_tui.corpus.formats.registry import (
    FORMATS,
    SUFFIXES,
    Extracted,
    SourceFormat,
    SourceMeta,
    extract,
    format_for,
    format_for_media_type,
)

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "Extracted",
    "SourceFormat",
    "SourceMeta",
    "extract",
    "format_for",
    "format_for_media_type",
]
