"""Bytes of an HTML or XHTML file to an element tree, with the encoding the file declares.

Web pages, EPUB chapters and Word documents (through mammoth) all arrive as markup. The
encoding is taken, in the order browsers use, from a byte-order mark, the XML declaration or a
`<meta charset>`; otherwise UTF-8, falling back to Windows-1252. XHTML is parsed as XML when it
is well formed (so `<p/>` stays empty) and as HTML otherwise; namespaces are dropped so the
converter sees plain tag names. The XML parser never resolves entities or reaches the network.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from lxml import etree, html

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.sanitize import safe_text

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding=[\"']([\w.:-]+)[\"']", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def decode_markup(data: bytes) -> str:
    """The text of a markup file, decoded as the file itself says (see module docstring)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    declared = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
            # A page that says UTF-16 but has no byte-order mark is really an ASCII superset.
            if not name.startswith("utf-16"):
                return data.decode(name, errors="replace")
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_markup(data: bytes | str, name: str) -> Any:
    """The root element of an HTML or XHTML document; `SourceError` when there is none."""
    text = decode_markup(data) if isinstance(data, bytes) else data
    # Escapes go before parsing: some libxml2 versions drop a bare ESC and keep the rest.
    text = safe_text(_DECLARATION_TEXT.sub("", text, count=1))
    if not text.strip():
        raise SourceError(f"{name} is empty.")
    if "xmlns" in text[:2000]:
        root = _parse_xml(text)
        if root is not None:
            return root
    try:
        return html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(f"{name} has no readable text (its markup could not be read).") from exc


def xml_parser() -> Any:
    """A parser that reads only the bytes it is given: no entities, DTDs or network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
    )


def _parse_xml(text: str) -> Any | None:
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=xml_parser())
    except etree.XMLSyntaxError:
        return None
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = etree.QName(element).localname
    return root


def local_name(element: Any) -> str:
    """An element's tag without namespace, lower case; '' for comments and processing
    instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()
