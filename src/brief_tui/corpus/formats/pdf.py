"""PDF sources, read with pdfminer.six (MIT): text, with where and in what font it is printed.

pdfminer is imported here only, when a PDF is read, so the reader starts without it. Its
layout analysis groups characters into lines; the order of the lines, page furniture, tables
and footnotes are worked out by `pdf_layout` and `pdf_blocks` (pdfminer's own box order lists
both columns' headings before their bodies). A PDF that cannot give text (scanned, locked
with a password, damaged) is refused with one sentence saying what to do.
"""

from __future__ import annotations

import logging
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from io import BytesIO
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTContainer, LTImage, LTPage, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.utils import decode_text

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.dates import parse_date
from brief_tui.corpus.formats.pdf_blocks import pdf_blocks
from brief_tui.corpus.formats.pdf_layout import Line, Page
from brief_tui.corpus.formats.pdf_meta import source_meta
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import Block

# Lines and boxes only: pdfminer's own box ordering (boxes_flow) is replaced by ours and is
# its slowest step. Text inside figures (form XObjects) is read too.
LAYOUT = LAParams(boxes_flow=None, all_texts=True)
_BOLD_FONT = re.compile(r"bold|black|heavy|demi|,b$", re.IGNORECASE)
_MARK = re.compile(r"^[\d,–*†‡-]+$")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_UNICODE_MARK = re.compile(r"(?<=[^\s\d])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
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
    device = PDFPageAggregator(manager, laparams=LAYOUT)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    unreadable = 0
    try:
        for number, pdf_page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(pdf_page)
            page, unknown = _page(device.get_result(), number)
            pages.append(page)
            unreadable += unknown
    except Exception as exc:  # a broken stream or object anywhere in the file
        raise _damaged(name, exc) from exc
    if not pages:
        raise SourceError(f"{name} has no pages.")
    return pages, unreadable


def _page(layout: LTPage, number: int) -> tuple[Page, int]:
    page = Page(number, layout.width, layout.height)
    unknown = 0
    stack: list[LTContainer[Any]] = [layout]
    while stack:
        for item in stack.pop():
            if isinstance(item, LTTextLine):
                line, missing = _line(item, number, layout.y1)
                unknown += missing
                if line is not None:
                    page.lines.append(line)
            elif isinstance(item, LTImage):
                page.images += 1
            elif isinstance(item, LTContainer):
                stack.append(item)
    return page, unknown


def _line(item: LTTextLine, number: int, page_top: float) -> tuple[Line | None, int]:
    """One printed line: its text (superscript numbers as '[12]'), box, size and weight."""
    chars = [c for c in item if isinstance(c, LTChar) and c.upright]
    unknown = sum(1 for c in chars if c.get_text().startswith("(cid:"))
    visible = [c for c in chars if c.get_text().strip() and not c.get_text().startswith("(cid:")]
    if not visible:
        return None, unknown
    size = Counter(round(c.size, 1) for c in visible).most_common(1)[0][0]
    main = [c for c in visible if abs(c.size - size) < 0.5]
    baseline = statistics.median(c.y0 for c in main)

    def raised(c: LTChar) -> bool:
        return c.size < 0.8 * size and c.y0 > baseline + 0.2 * size

    parts: list[str] = []
    lifted: list[str] = []

    def flush() -> None:
        if lifted:
            mark = "".join(lifted)
            parts.append(f"[{mark}]" if _MARK.match(mark) else mark)
            lifted.clear()

    for piece in item:
        if isinstance(piece, LTChar):
            text = piece.get_text()
            if not piece.upright or text.startswith("(cid:"):
                continue
            if raised(piece) and text.strip():
                lifted.append(text)
                continue
            flush()
            parts.append(text)
        elif isinstance(piece, LTAnno) and piece.get_text() != "\n":
            flush()
            parts.append(piece.get_text())
    flush()
    text = safe_line("".join(parts).translate(_LIGATURES))
    text = _UNICODE_MARK.sub(lambda m: f"[{m.group(1).translate(_SUPERSCRIPT_DIGITS)}]", text)
    if not text:
        return None, unknown
    body = [c for c in visible if not raised(c)] or visible
    bold = sum(1 for c in body if _BOLD_FONT.search(c.fontname)) >= 0.6 * len(body)
    return (
        Line(
            text=text,
            x0=min(c.x0 for c in visible),
            x1=max(c.x1 for c in visible),
            top=page_top - max(c.y1 for c in main),
            bottom=page_top - min(c.y0 for c in main),
            size=size,
            bold=bold,
            page=number,
            chars=len(body),
        ),
        unknown,
    )


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
