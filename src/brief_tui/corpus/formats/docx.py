"""Word documents (.docx): mammoth turns the text into clean HTML, the shared converter into blocks.

mammoth maps heading styles to h1–h6, keeps bold lead-ins ("Recommendation 1. Expand …") in
their paragraph and numbered and bulleted lists as lists; its footnote back-links ("↑") and
images are left out. The title, author and date come from the document's core properties
(docProps/core.xml). The creation date is used before the modification date: opening and
saving a downloaded file changes the second, not the first.
"""

from __future__ import annotations

from typing import Any

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.dates import iso_date
from brief_tui.corpus.formats.archive import open_archive, parse_xml_member, read_member
from brief_tui.corpus.formats.html_blocks import html_blocks
from brief_tui.corpus.formats.markup import local_name, parse_markup
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.sanitize import safe_line

KIND = "a Word document"
# Styles Word documents use that mammoth's default map leaves as plain paragraphs.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""
# What Word and document generators write when nobody set a title or author.
_PLACEHOLDERS = frozenset(
    (
        "python-docx",
        "microsoft office user",
        "windows user",
        "user",
        "admin",
        "administrator",
        "author",
        "unknown",
        "word document",
        "document",
        "untitled",
    )
)


def read_docx(data: bytes, name: str) -> Extracted:
    archive = open_archive(data, name, KIND)
    if "word/document.xml" not in archive.namelist():
        raise SourceError(f"{name} cannot be opened as {KIND} (it has no document text).")
    meta = _core_properties(archive, name)
    html = _to_html(data, name)
    root = parse_markup(f"<html><body>{html}</body></html>", name)
    for link in [a for a in root.iter("a") if (a.text or "").strip() == "↑"]:
        link.drop_tree()  # a footnote's way back to its reference
    blocks = html_blocks(root)
    if not blocks:
        raise SourceError(f"{name} has no readable text.")
    return Extracted(blocks, meta, structured=True)


def _to_html(data: bytes, name: str) -> str:
    import io

    import mammoth

    def no_image(image: Any) -> dict[str, str]:
        return {}  # the converter reads no images: do not decode them into the HTML

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(no_image),
        )
    except Exception as exc:  # mammoth raises KeyError, ValueError, XML errors … on damage
        raise SourceError(f"{name} cannot be opened as {KIND} (the file is damaged).") from exc
    return str(result.value)


def _core_properties(archive: Any, name: str) -> SourceMeta:
    if "docProps/core.xml" not in archive.namelist():
        return SourceMeta()
    member = "docProps/core.xml"
    root = parse_xml_member(read_member(archive, member, name, KIND), member, name, KIND)
    values: dict[str, str] = {}
    for element in root:
        text = safe_line("".join(element.itertext()))
        if text and local_name(element) not in values:
            values[local_name(element)] = text
    title = values.get("title", "")
    creators = [c.strip() for c in values.get("creator", "").split(";") if c.strip()]
    return SourceMeta(
        title="" if title.casefold() in _PLACEHOLDERS else title,
        organisations=tuple(c for c in creators if c.casefold() not in _PLACEHOLDERS),
        date=iso_date(values.get("created", "")) or iso_date(values.get("modified", "")),
    )
