"""What a web page says about itself: title, author or site, and the date it was published.

Title, author and site name come from trafilatura's metadata reader. The date does not: with
no date declared, htmldate reads a US "Last Updated: 04/12/2023" as 4 December and, searching
extensively, turns "© 2023" into 1 January. A citation is better with no date than a wrong
one, so the date is the one the page declares for machines (JSON-LD, `<meta>`, a `<time>`
marked as the publication date) or prints in a dateline at the top ("Release Date: April 12,
2023"), and nothing otherwise.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from brief_tui.corpus.dates import iso_date, parse_date
from brief_tui.corpus.formats.markup import local_name
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import Block

# <meta name|property=...> that carry a publication date, most specific first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
)
_JSON_LD_KEYS = ("datePublished", "dateCreated")
_DATELINE = re.compile(
    r"^(?:release date|released|published(?: on)?|posted(?: on)?|date|issued|for immediate release)"
    r"\s*[:\-–]?\s*(.{6,40}?)\.?$",
    re.IGNORECASE,
)


def page_meta(root: Any, blocks: list[Block], url: str | None = None) -> dict[str, Any]:
    """`SourceMeta` fields for a page: title, organisations (authors, else the site), date."""
    import trafilatura

    found = trafilatura.extract_metadata(copy.deepcopy(root), default_url=url, extensive=False)
    authors = [a for a in (safe_line(p) for p in (found.author or "").split(";")) if a]
    site = safe_line(found.sitename or "")
    return {
        "title": safe_line(found.title or ""),
        "organisations": tuple(authors or ([site] if site else [])),
        "date": declared_date(root) or dateline_date(blocks),
    }


def declared_date(root: Any) -> str | None:
    """The publication date the page declares in JSON-LD, `<meta>` or `<time>`, as ISO."""
    meta: dict[str, str] = {}
    for element in root.iter():
        tag = local_name(element)
        if tag == "script" and "ld+json" in (element.get("type") or ""):
            if date := _json_ld_date(element.text or ""):
                return date
        elif tag == "meta":
            key = (element.get("property") or element.get("name") or "").strip().lower()
            key = key or (element.get("itemprop") or "").strip().lower()
            if key and element.get("content"):
                meta.setdefault(key, element.get("content"))
        elif tag == "time" and (
            element.get("itemprop") == "datePublished" or element.get("pubdate") is not None
        ):
            meta.setdefault("datepublished", element.get("datetime") or element.text or "")
    for key in _DATE_META:
        if key in meta and (date := iso_date(meta[key])):
            return date
    return None


def _json_ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key in _JSON_LD_KEYS:
                if isinstance(item.get(key), str) and (date := iso_date(item[key])):
                    return date
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


def dateline_date(blocks: list[Block]) -> str | None:
    """A 'Release Date: April 12, 2023' line among the first few blocks, as ISO."""
    for block in blocks[:4]:
        match = _DATELINE.match(block.text)
        if match and (date := parse_date(match.group(1).strip())):
            return date
    return None
