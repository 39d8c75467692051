"""What a PDF says about itself (info dictionary, XMP), kept only where it is believable.

Metadata is often left by the software that made the file: 'Microsoft Word - draft3.docx' as
the title, a login name as the author, the date a file was re-saved. Such values are dropped
so the title and date are worked out from the text instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import date

from brief_tui.corpus.dates import is_valid_date
from brief_tui.corpus.formats.registry import SourceMeta
from brief_tui.corpus.sanitize import safe_line

_SOFTWARE_TITLE = re.compile(
    r"^(microsoft (word|powerpoint|excel)\b|untitled|document\d*$|title$|slide \d+|"
    r"powerpoint presentation|print$)",
    re.IGNORECASE,
)
_FILE_NAME = re.compile(r"\.(docx?|pdf|indd|qxd|rtf|odt|pptx?|xlsx?|txt|html?)$|[\\/]", re.I)
_NOT_AN_AUTHOR = re.compile(
    r"^(user|owner|admin(istrator)?|author|unknown|windows user|microsoft office user|"
    r"hp authorized customer|valued customer|default|staff|guest)$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_XMP_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_XMP_FIELDS = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://ns.adobe.com/xap/1.0/}CreateDate",
}
MAX_XMP_BYTES = 1_000_000


def plausible_title(text: str) -> str:
    """The title, or '' when it is a file name, a template's placeholder or not words."""
    title = safe_line(text)
    if (
        not 3 <= len(title) <= 250
        or _SOFTWARE_TITLE.match(title)
        or _FILE_NAME.search(title)
        or sum(ch.isalpha() for ch in title) < 3
        or (" " not in title and ("_" in title or title.islower()))
    ):
        return ""
    return title


def plausible_authors(text: str) -> tuple[str, ...]:
    """Names from an author field ('A; B'), without login names and placeholders."""
    names = []
    for part in re.split(r"[;\n]", text):
        name = safe_line(part)
        if (
            len(name) < 2
            or len(name) > 120
            or _NOT_AN_AUTHOR.match(name)
            or sum(ch.isalpha() for ch in name) < 2
            or (" " not in name and name.islower())
        ):
            continue
        names.append(name)
    return tuple(dict.fromkeys(names))


def plausible_date(text: str, pattern: re.Pattern[str] = _PDF_DATE) -> str | None:
    """An ISO date from 'D:20210729…' (or XMP's '2021-07-29T…'), if it names a real date
    between 1990 and next year."""
    match = pattern.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if not 1990 <= int(year) <= date.today().year + 1:
        return None
    found = year
    for part in (month, day):
        if not part:
            break
        candidate = f"{found}-{part}"
        if not is_valid_date(candidate):
            break
        found = candidate
    return found


def source_meta(info: dict[str, str], xmp: bytes | None) -> SourceMeta:
    """Metadata from the info dictionary (decoded strings), filled in from XMP."""
    fields = _xmp_fields(xmp) if xmp else {}
    title = plausible_title(info.get("Title", "")) or plausible_title(fields.get("title", ""))
    authors = plausible_authors(info.get("Author", "")) or plausible_authors(
        fields.get("creator", "")
    )
    when = plausible_date(info.get("CreationDate", "")) or plausible_date(
        fields.get("created", ""), _XMP_DATE
    )
    return SourceMeta(title=title, organisations=authors, date=when)


def _xmp_fields(xmp: bytes) -> dict[str, str]:
    """dc:title, dc:creator (joined with '; ') and xmp:CreateDate from an XMP packet."""
    if len(xmp) > MAX_XMP_BYTES or b"<!ENTITY" in xmp:
        return {}
    try:
        root = ElementTree.fromstring(xmp.strip())
    except ElementTree.ParseError:
        return {}
    found: dict[str, str] = {}
    for key, tag in _XMP_FIELDS.items():
        for element in root.iter(tag):
            values = [item.text or "" for item in element.iter() if item.text and item.text.strip()]
            if not values and element.text:
                values = [element.text]
            if values:
                found[key] = "; ".join(v.strip() for v in values) if key == "creator" else values[0]
                break
        if key == "created" and key not in found:
            for element in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
                if value := element.get(tag):
                    found[key] = value
                    break
    return found
