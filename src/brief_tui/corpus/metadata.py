"""A document's title, date, organisation and kind, from what the source says about itself and
from the structure of its opening: the masthead or cover before the running text begins.

The opening is everything before the first paragraph of running text (or a letter's
salutation). Its title line is chosen by `titles.choose_title`; what comes before the title
on a page top (site names, menus, banners) is dropped, and so are the cover and byline lines
between the title and the text (names, job titles, report numbers, category labels), which
are metadata rather than passages. A heading over the text, a deck sentence and a table of
contents stay. When the opening names no title, the first heading near the top is used, and
failing that the file name; either way the title is marked as guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from brief_tui.corpus.blocks import Block
from brief_tui.corpus.boilerplate import is_body_paragraph
from brief_tui.corpus.chrome import chrome_reason, is_sentence
from brief_tui.corpus.datelines import date_line, dateline_label, find_date
from brief_tui.corpus.formats.registry import SourceMeta
from brief_tui.corpus.leadins import is_salutation
from brief_tui.corpus.segment import looks_like_title
from brief_tui.corpus.titles import (
    Candidate,
    Dropped,
    capitalised_share,
    choose_title,
    is_address,
    is_caps,
    is_category_label,
    is_front_matter_line,
    is_job_title,
    is_organisation,
    is_section_label,
    recased,
    subject_of,
)

# 'WOLA: Advocacy for Human Rights in the Americas' - a site's name and tagline.
_SITE_TAGLINE = re.compile(r"^([A-Z][A-Za-z&.]{1,20}): ([A-Z].{5,80})$")
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([^|·•.]+)", re.I
)
_FROM = re.compile(r"^from\s*:\s*(.+)$", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|–—]\s+|\s+-\s+")
_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
_PLACE = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?$"
)  # 'Panama City, Panama'
_HEAD_LIMIT = 60  # blocks searched for the start of the running text
_CONFIDENT = 8  # a title line scoring less than this (a word or two) is shown as guessed


@dataclass
class Detected:
    title: str = ""
    date: str | None = None
    kind: str = "document"
    organisations: list[str] = field(default_factory=list)
    title_guessed: bool = False  # no title line was found: it comes from a heading or the name
    dropped: int = 0  # opening lines dropped as metadata


def body_start(blocks: list[Block]) -> int:
    """Where the running text begins: the first paragraph of eight words or more that is a
    sentence, or a letter's salutation."""
    for index, block in enumerate(blocks[:_HEAD_LIMIT]):
        if block.role or block.kind != "paragraph":
            continue
        if is_salutation(block.text) or (
            is_body_paragraph(block)
            and len(block.text.split()) >= 8
            and capitalised_share(block.text) < 0.6  # a sentence, not a title in capitals
        ):
            return index
    # A short text: its first sentence, or its first list item.
    for index, block in enumerate(blocks[:_HEAD_LIMIT]):
        if block.kind == "item" or (block.kind == "paragraph" and is_sentence(block.text + " ")):
            return index
    return 0


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _kept_in_opening(between: list[Block]) -> list[Block]:
    """What stays between the title and the text: anything but the lines a cover or a page
    top carries about the document (names, job titles, organisations, addresses, labels,
    memo fields, report numbers), and a run of capitals set as a cover ('TESTIMONY OF /
    … / BEFORE THE COMMITTEE')."""
    kept: list[Block] = []
    for index, block in enumerate(between):
        text = block.text
        following = between[index + 1].text if index + 1 < len(between) else ""
        neighbours = between[max(0, index - 1) : index] + between[index + 1 : index + 2]
        cover = is_caps(text) and any(
            is_caps(n.text) and (n.tight or block.tight) for n in neighbours
        )
        structure = block.role or block.kind == "heading" or is_salutation(text)
        # A heading standing over the text, set off by a blank line: 'Summary', 'Background'.
        metadata = bool(
            cover or _PLACE.match(text) or find_date(text) or is_front_matter_line(text, following)
        )
        over_text = (
            index == len(between) - 1
            and not block.tight
            and looks_like_title(text)
            and (is_category_label(text) or not metadata)
        )
        if structure or over_text or not metadata:
            kept.append(block)
    return kept


def _first_line(blocks: list[Block], start: int) -> Candidate | None:
    """A text's first line standing alone before its first sentence is its title, even when
    it does not look like one (it is then marked as guessed)."""
    if start < 1 or blocks[0].kind == "item" or len(blocks[0].text.split()) > 20:
        return None
    if is_sentence(blocks[0].text + " ") or blocks[0].role or is_section_label(blocks[0].text):
        return None
    return Candidate(0, 1, blocks[0].text, 0.0, False)


def _usable_title(title: str, blocks: list[Block], end: int) -> str:
    """The title a source's metadata gives, unless it is site chrome or a category label
    ('About | … Library', 'Press Release'); 'Headline | Site Name' is cut to the headline
    when the page shows the headline on its own."""
    title = title.strip()
    if not title or chrome_reason(title) or is_category_label(title) or is_section_label(title):
        return ""
    for part in _SITE_SUFFIX.split(title):
        if part.strip() != title and _meta_title_block(blocks, part.strip(), end) is not None:
            return part.strip()
    return title


def _meta_title_block(blocks: list[Block], title: str, end: int) -> int | None:
    key = _key(title)
    return next((i for i, b in enumerate(blocks[:end]) if _key(b.text) == key), None)


def detect_front_matter(
    blocks: list[Block],
    fallback_title: str,
    meta: SourceMeta | None = None,
    notes: tuple[tuple[int, str, str], ...] = (),
) -> tuple[Detected, list[Block]]:
    """Take the title and the opening's metadata lines off the top of the document.

    Returns what was found and the remaining blocks. `notes` are the lines cleaning dropped
    (datelines, copyright lines) with their places: they give the date, kind and publisher.
    """
    found = Detected()
    start = body_start(blocks)
    opening_date: str | None = None
    candidate: Candidate | None = None
    meta_title = _usable_title(meta.title if meta is not None else "", blocks, max(start, 1))
    if meta_title:
        found.title = meta_title
        at = _meta_title_block(blocks, meta_title, max(start, 1))
        if at is not None:
            candidate = Candidate(at, at + 1, meta_title, 30.0, True)
    else:
        dropped = tuple(Dropped(*note) for note in notes)
        candidate = choose_title(blocks, start, dropped) or _first_line(blocks, start)
        if candidate is not None:
            prose = " ".join(b.text for b in blocks[start : start + 40] if not is_caps(b.text))
            found.title = recased(candidate.text, prose)
            found.title_guessed = not candidate.sure and candidate.score < _CONFIDENT
    rest = list(blocks)
    if candidate is not None:
        opening = blocks[: candidate.index]
        between = blocks[candidate.end : start]
        title_key = _key(found.title)
        kept = [b for b in _kept_in_opening(between) if _key(b.text) != title_key]
        _organisations(found, opening, between, notes)
        found.dropped = len(opening) + len(between) - len(kept)
        dropped_dates = (find_date(b.text) for b in between if b not in kept)
        opening_date = next((d for d in dropped_dates if d), None)
        body = [b for b in blocks[max(start, candidate.end) :] if _key(b.text) != title_key]
        found.dropped += len(blocks[max(start, candidate.end) :]) - len(body)
        rest = [b for b in opening if b.role] + kept + body
    elif not found.title:
        heading = next(
            (b for b in blocks[:6] if looks_like_title(b.text) and not is_section_label(b.text)),
            None,
        )
        found.title = heading.text if heading else fallback_title
        found.title_guessed = True
        _organisations(found, blocks[:start], [], notes)
    _dates(found, blocks, start, notes)
    found.date = found.date or opening_date
    prose = " ".join(b.text for b in blocks[start : start + 40] if not is_caps(b.text))
    found.organisations = [recased(o, prose) for o in found.organisations]
    if meta is not None:
        found.organisations = list(meta.organisations) or found.organisations
        found.date = meta.date or found.date
        found.kind = meta.kind or found.kind
    return found, rest


def _dates(
    found: Detected, blocks: list[Block], start: int, notes: tuple[tuple[int, str, str], ...]
) -> None:
    """The first dateline near the top gives the date (and a category label, the kind)."""
    limit = max(start, 1) + 12
    for position, reason, text in notes:
        if position > limit:
            break
        if reason in ("dateline", "field line", "press office line") and (date := find_date(text)):
            found.date = found.date or date
            label = dateline_label(text)
            if label and is_category_label(label) and found.kind == "document":
                found.kind = label.lower()
    if found.date is None:
        for block in blocks[: max(start, 1)]:
            if date_line(block.text) and (date := find_date(block.text)):
                found.date = date
                break


def _organisations(
    found: Detected,
    before_title: list[Block],
    after_title: list[Block],
    notes: tuple[tuple[int, str, str], ...],
) -> None:
    """Who published it, most telling first: a memo's 'From:' affiliation, a byline's
    affiliation, an organisation
    the cover names under the title (not an addressee's address block, not a job title), the
    holder of the page's copyright, the site or letterhead named above the title."""
    for block in after_title:
        if from_line := _FROM.match(block.text):
            parts = [p.strip() for p in from_line.group(1).split(",")]
            if is_organisation(parts[-1]):
                found.organisations.append(parts[-1])
                return
    for _, reason, text in notes:
        # 'By Marta Iriarte, Lakeside Refugee Network': an author's affiliation.
        parts = [p.strip() for p in text.split(",")]
        if reason == "byline" and len(parts) > 1 and is_organisation(parts[-1]):
            found.organisations.append(parts[-1])
            return
    for index, block in enumerate(after_title):
        near = after_title[max(0, index - 1) : index + 2]
        addressee = any(is_address(b.text) for b in near)
        if is_organisation(block.text) and not addressee and not is_job_title(block.text):
            found.organisations.append(block.text.strip())
            return
    holders = (_COPYRIGHT_HOLDER.search(t) for _, r, t in notes if r == "copyright line")
    if holder := next((h for h in holders if h), None):
        found.organisations.append(holder.group(1).strip(" ,"))
        return
    for block in before_title:
        if tagline := _SITE_TAGLINE.match(block.text):
            found.organisations.append(tagline.group(1))
            return
        parts = [p.strip() for p in _SPLIT.split(block.text) if p.strip()]
        named = [p for p in parts if is_organisation(p) and not subject_of(p)]
        if named and not any(is_address(b.text) for b in before_title[:3] if b is block):
            found.organisations.append(max(named, key=len))
            return
