"""Web pages: the main content only, as trafilatura finds it, with the page's own metadata.

trafilatura drops navigation, cookie banners, share links and footers. Its XML output is
used because it keeps heading levels and says whether a list is ordered (its HTML output
turns every list into `<ul>`); numbers an ordered list shows (`start`, `value`) are carried
through it on the items. When trafilatura finds nothing, or keeps a short page's text but
drops its headings or flattens it into one paragraph, the page's `<body>` is read instead,
without its navigation, header, footer and banners.
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from lxml import etree, html

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.formats.html_blocks import (
    MARKER_ATTRIBUTE,
    html_blocks,
    item_markers,
)
from brief_tui.corpus.formats.markup import decode_markup, local_name, parse_markup
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.formats.web_meta import page_meta
from brief_tui.corpus.segment import Block

KIND = "web page"
# trafilatura and htmldate log warnings about pages they skip; with no handler configured,
# Python would print them on the command line's stderr next to brief-tui's own sentence.
for _library in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
_NOT_TEXT = ("script", "style", "noscript", "template")
_MARKER_REND = "brief-marker:"  # trafilatura keeps an item's `rend` attribute, nothing else


def read_html(data: bytes, name: str) -> Extracted:
    """A web page saved as a file (or fetched: `name` is then its URL)."""
    if not data.strip():
        raise SourceError(f"{name} is empty.")
    text = decode_markup(data)
    root = _as_html(parse_markup(text, name))
    blocks = _main_content(root)
    if not blocks:
        if any(True for _ in root.iter("script")):
            raise SourceError(
                f"{name} has no readable text (the page may build its text with JavaScript, "
                "which brief-tui does not run)."
            )
        raise SourceError(f"{name} has no readable text.")
    meta = page_meta(root, blocks, url=name if "://" in name else None)
    return Extracted(blocks, SourceMeta(**meta, kind=KIND), structured=True)


def _as_html(root: Any) -> Any:
    """trafilatura wants an lxml.html tree; well-formed XHTML was parsed as XML."""
    if isinstance(root, html.HtmlElement):
        return root
    return html.document_fromstring(etree.tostring(root, encoding="unicode", method="html"))


def _main_content(root: Any) -> list[Block]:
    import trafilatura

    marked = _without_chrome(copy.deepcopy(root))
    for element in [e for e in marked.iter(*_NOT_TEXT)]:
        element.drop_tree()
    for ordered in marked.iter("ol"):
        for item, marker in zip(
            (c for c in ordered if local_name(c) == "li"), item_markers(ordered), strict=True
        ):
            item.set("rend", _MARKER_REND + marker)
    found = trafilatura.extract(
        marked,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
    )
    main = html_blocks(_xml_to_html(found)) if found else []
    page = html_blocks(_without_chrome(copy.deepcopy(root), whole_page=True))
    if not main:
        return page
    return _restructured(page, main) or main


def _words(text: str) -> str:
    return " ".join(text.split())


def _restructured(page: list[Block], main: list[Block]) -> list[Block] | None:
    """trafilatura's text in the page's own structure, when that structure is richer.

    On short pages trafilatura drops headings, or rescues the page as one flattened
    paragraph. The page read whole has them; its blocks are kept when trafilatura kept their
    text (headings when the text after them is kept), so nothing it left out comes back.
    Used only when it has more headings (or main is one block) and says at least four
    fifths of what trafilatura kept.
    """

    def headings(blocks: list[Block]) -> int:
        return sum(b.kind == "heading" for b in blocks)

    if headings(page) <= headings(main) and len(main) > 1:
        return None  # the usual case: trafilatura kept the structure
    kept = " ".join(_words(b.text) for b in main)
    chosen: list[Block] = []
    for index, block in enumerate(page):
        if block.kind == "heading":
            after = next((b for b in page[index + 1 :] if b.kind != "heading"), None)
            if after is not None and _words(after.text) in kept:
                chosen.append(block)
        elif _words(block.text) in kept:
            chosen.append(block)
    richer = headings(chosen) > headings(main) or len(main) == 1 < len(chosen)
    said = sum(len(_words(b.text)) + 1 for b in chosen)
    return chosen if richer and said >= 0.8 * len(kept) else None


# trafilatura's XML vocabulary, and the HTML the converter reads.
_TAGS = {
    "doc": "div",
    "main": "div",
    "quote": "blockquote",
    "lb": "br",
    "hi": "span",
    "ref": "a",
    "row": "tr",
    "code": "pre",
    "graphic": "img",
    "del": "span",
}


def _xml_to_html(text: str) -> Any:
    root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False))
    for comments in [e for e in root.iter("comments")]:
        comments.getparent().remove(comments)
    for element in root.iter():
        tag = local_name(element)
        rend = element.get("rend") or ""
        if tag == "head":
            level = rend[1:] if re.fullmatch(r"h[1-6]", rend) else "3"
            element.tag = f"h{level}"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag == "item":
            element.tag = "li"
            if rend.startswith(_MARKER_REND):
                element.set(MARKER_ATTRIBUTE, rend[len(_MARKER_REND) :])
        elif tag == "cell":
            element.tag = "th" if element.get("role") == "head" else "td"
        elif tag in _TAGS:
            element.tag = _TAGS[tag]
    return root


# Chrome named as such: removed before trafilatura looks (it keeps a cookie notice on a
# short page) and from a page read whole.
_NAMED_CHROME = re.compile(
    r"cookie|consent|gdpr|newsletter|subscribe|share|sharing|social|breadcrumb|skip-?link",
    re.IGNORECASE,
)
_CHROME_ROLES = frozenset(("navigation", "search", "dialog", "alertdialog"))
# Taken out too when the page is read whole, with nothing to say where its content is.
_LAYOUT_CHROME = re.compile(r"banner|menu|navbar|sidebar|popup|modal|advert|promo|related", re.I)
_LAYOUT_TAGS = frozenset(("header", "footer", "aside", "dialog"))
_LAYOUT_ROLES = frozenset(("banner", "contentinfo", "complementary"))
_CONTENT = frozenset(("html", "body", "main", "article", "h1"))


def _without_chrome(root: Any, *, whole_page: bool = False) -> Any:
    """The page without navigation, cookie notices and share links (and, when it is to be
    read whole, without its header, footer, sidebars and banners). An element holding the
    page's main content, its title or half its text is never taken out."""
    doomed = []
    whole = len(root.text_content())
    for element in root.iter():
        tag = local_name(element)
        if not tag or tag in _CONTENT:
            continue
        names = f"{element.get('id') or ''} {element.get('class') or ''}"
        role = (element.get("role") or "").lower()
        chrome = tag == "nav" or role in _CHROME_ROLES or _NAMED_CHROME.search(names)
        if whole_page and not chrome:
            chrome = tag in _LAYOUT_TAGS or role in _LAYOUT_ROLES or _LAYOUT_CHROME.search(names)
        if (
            chrome
            and not any(local_name(e) in _CONTENT for e in element.iterdescendants())
            and len(element.text_content()) * 2 < whole  # a wrapper named oddly is not chrome
        ):
            doomed.append(element)
    for element in doomed:
        element.drop_tree()  # keeps the text that follows it
    return root
