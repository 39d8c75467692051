"""PDF sources, read with pdfminer.six (MIT): text, with where and in what font it is printed.

pdfminer is imported by this module and `pdf_glyphs` only, when a PDF is read, so the reader
starts without it. pdfminer parses the file and draws each page; `pdf_glyphs` groups the
characters into lines; the order of the lines, page furniture, tables and footnotes are
worked out by `pdf_layout` and `pdf_blocks` (pdfminer's own box order lists both columns'
headings before their bodies). A PDF that cannot give text (scanned, locked with a password,
damaged) is refused with one sentence saying what to do.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from io import BytesIO

from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.utils import decode_text

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.dates import parse_date
from brief_tui.corpus.formats.pdf_blocks import pdf_blocks
from brief_tui.corpus.formats.pdf_glyphs import GlyphDevice, page_lines
from brief_tui.corpus.formats.pdf_layout import Page
from brief_tui.corpus.formats.pdf_meta import source_meta
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import Block

_DATELINE = re.compile(r"^(?:(?:updated|published|issued|released|dated)\s*:?\s+)?(.+)$", re.I)


def read_pdf(data: bytes, name: str) -> Extracted:
    """The blocks of a PDF in reading order, each with its page, and its believable metadata."""
    _check_whole(data, name)
    with _quiet_pdfminer():
        document = _open(data, name)
        meta = _document_meta(document)
        pages, unreadable = _read_pages(document, name)
    readable = sum(line.chars for page in pages for line in page.lines)
    if unreadable > readable:
        raise SourceError(
            f"{name} uses fonts that do not say which letters they draw, so its text cannot "
            "be read: run OCR on it first, for example with ocrmypdf, and add the result."
        )
    if not readable:
        if any(page.images for page in pages):
            raise SourceError(
                f"{name} has no text layer (it looks scanned): run OCR on it first, "
                "for example with ocrmypdf, and add the result."
            )
        raise SourceError(f"{name} has no text to read: its pages are blank or drawn as shapes.")
    blocks, printed_date = _without_dateline(pdf_blocks(pages))
    if meta.date is None and printed_date:
        meta = replace(meta, date=printed_date)
    return Extracted(blocks, meta, structured=True)


def _check_whole(data: bytes, name: str) -> None:
    """Refuse what is not a PDF, or a PDF cut short (a download that stopped)."""
    if b"%PDF-" not in data[:1024]:
        raise SourceError(f"{name} is not a PDF (it does not start like one), or it is damaged.")
    if b"%%EOF" not in data[-16384:]:
        raise SourceError(
            f"{name} is incomplete (the file stops before the end of the PDF): "
            "download or export it again."
        )


def _damaged(name: str, exc: BaseException) -> SourceError:
    reason = safe_line(str(exc))[:80] or type(exc).__name__
    return SourceError(f"{name} is damaged and cannot be read as a PDF ({reason}).")


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs and warns about every odd file; the user gets one sentence instead."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _open(data: bytes, name: str) -> PDFDocument:
    try:
        return PDFDocument(PDFParser(BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise SourceError(
            f"{name} is protected with a password: open it in a PDF reader, save a copy "
            "without the password, and add that."
        ) from exc
    except PDFEncryptionError as exc:
        raise SourceError(
            f"{name} is encrypted in a way brief-tui cannot open: save a copy without "
            "encryption and add that."
        ) from exc
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a broken file
        raise _damaged(name, exc) from exc


def _read_pages(document: PDFDocument, name: str) -> tuple[list[Page], int]:
    """Every page's text lines, and how many characters had no known letter."""
    manager = PDFResourceManager(caching=True)
    device = GlyphDevice(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    unreadable = 0
    try:
        for number, pdf_page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(pdf_page)
            box = device.get_result()
            page = Page(number, box.width, box.height, images=device.images)
            page.lines = page_lines(device.glyphs, number, box.y1)
            pages.append(page)
            unreadable += device.unknown
    except Exception as exc:  # a broken stream or object anywhere in the file
        raise _damaged(name, exc) from exc
    if not pages:
        raise SourceError(f"{name} has no pages.")
    return pages, unreadable


def _document_meta(document: PDFDocument) -> SourceMeta:
    info: dict[str, str] = {}
    for entries in document.info:
        for key in ("Title", "Author", "CreationDate"):
            value = resolve1(entries.get(key))
            if isinstance(value, bytes):
                info.setdefault(key, decode_text(value))
            elif isinstance(value, str):
                info.setdefault(key, value)
    xmp = None
    try:
        stream = resolve1(document.catalog.get("Metadata"))
        if isinstance(stream, PDFStream):
            xmp = stream.get_data()
    except Exception:  # metadata is optional: a broken packet is ignored
        xmp = None
    return source_meta(info, xmp)


def _without_dateline(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """A lone date near the top of page 1 ('July 2021', 'Updated May 28, 2021') is the
    document's date, not a passage."""
    for index, block in enumerate(blocks[:6]):
        if block.page != 1 or block.kind == "item":
            continue
        match = _DATELINE.match(block.text)
        if match and (found := parse_date(match.group(1))):
            return blocks[:index] + blocks[index + 1 :], found
    return blocks, None
