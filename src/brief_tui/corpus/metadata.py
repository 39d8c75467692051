"""Detect a document's title, date, organisation and kind from its opening lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief_tui.corpus.dates import parse_date
from brief_tui.corpus.formats.registry import SourceMeta
from brief_tui.corpus.segment import Block, looks_like_title

# 'WOLA: Advocacy for Human Rights in the Americas' - a site's name and tagline.
_SITE_TAGLINE = re.compile(r"^([A-Z][A-Za-z&.]{1,20}): ([A-Z].{5,80})$")


@dataclass
class Detected:
    title: str = ""
    date: str | None = None
    kind: str = "document"
    organisations: list[str] = field(default_factory=list)


def detect_front_matter(
    blocks: list[Block], fallback_title: str, meta: SourceMeta | None = None
) -> tuple[Detected, list[Block]]:
    """Take the dateline, site tagline and title off the top of the document.

    Returns what was found and the remaining blocks. The title is the first block when it is
    short and not a sentence (it is then removed); otherwise the first title-like line near the
    top (which stays, as a heading); failing that, the file name.
    """
    found = Detected()
    rest = list(blocks)
    for _ in range(4):
        if not rest:
            break
        text = rest[0].text
        parts = [part.strip() for part in text.split("|")]
        if date := parse_date(parts[0]):
            found.date = found.date or date
            if len(parts) == 2 and 0 < len(parts[1]) <= 30:
                found.kind = parts[1].lower()
            rest.pop(0)
        elif (
            (tagline := _SITE_TAGLINE.match(text))
            and len(rest) > 1
            and parse_date(rest[1].text.split("|")[0].strip())
        ):
            found.organisations.append(tagline.group(1))
            rest.pop(0)
        else:
            break
    if meta is not None and meta.title:
        # The source names itself: its heading saying the same is not a passage too.
        found.title = meta.title
        if rest and rest[0].kind == "heading" and _same_words(rest[0].text, meta.title):
            rest.pop(0)
    elif (
        rest
        and rest[0].kind != "item"
        and len(rest[0].text) <= 160
        and not rest[0].text.endswith(".")
    ):
        found.title = rest.pop(0).text
    else:
        heading = next((b for b in rest[:6] if looks_like_title(b.text)), None)
        found.title = heading.text if heading else fallback_title
    if meta is not None:
        found.organisations = list(meta.organisations) or found.organisations
        found.date = meta.date or found.date
        found.kind = meta.kind or found.kind
    return found, rest


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()
