"""Drop what is not part of a document: page chrome, sign-up lines, contact lines, viewer notices.

Patterns describe kinds of chrome found on policy web pages and document viewers, not the text
of particular files. Anything dropped is counted so ingest can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from brief_tui.corpus.segment import Block
from brief_tui.corpus.sentences import sentences

# A block that is nothing but page chrome.
_CHROME = re.compile(
    r"""^(
        click\ to\ share | share(\ this|\ the\ .{1,60}|\ on\ .{1,20})? | tweet(\ this)? | print
      | latest\ on\ (twitter|x|facebook) | follow\ us.{0,40}
      | sign\ up(\ for)?\ .{0,40}newsletter.{0,20} | subscribe\ to\ .{0,60} | stay\ updated
      | join\ the\ campaign.{0,40} | support\ the\ campaign | read\ (more|our\ .{1,30})
      | learn\ more(\ about\ .{1,80})? | listen\ to\ our\ podcast.{0,120}
      | download | google\ online\ preview.{0,20} | (pdf\ )?viewer.{0,30}
      | we\ need\ your\ help\ to\ support.{0,80}
      | other\ issues\ beyond\ the\ border
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Where a page's footer begins: everything from here to the end is chrome.
_FOOTER_START = re.compile(
    r"^(share\ the\ stories.*|click\ to\ share|latest\ on\ (twitter|x)|share\ this(\ page|\ post)?)$",
    re.IGNORECASE | re.VERBOSE,
)
# A campaign call-out inside the text ('... Join the Beyond the Wall campaign to learn more.').
_CAMPAIGN_CALLOUT = re.compile(r"\bjoin (the|our) [^.]{0,60}campaign\b", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"^\((AP|AFP|Reuters|Getty)?\s*Photo[^)]*\)$|^\([^)]*Photo/[^)]*\)$", re.I
)
_EMAIL = re.compile(r"\[email\s*protected\]|[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)
# Telephone numbers as written in contact lines: '(202) 555-0100', '+1 202 555 0100',
# '+502 2326 4000'; not runs of figures in a table ('12.5 13.1 14.2').
_PHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\+\d{1,3}(?:[ .-]\d{2,4}){2,4}\b"
)
_PARTIAL_NOTICE = re.compile(
    r"(only a partial (summary|excerpt|preview)|partial (text|preview))", re.I
)


@dataclass(frozen=True)
class Stripped:
    blocks: list[Block]
    dropped: int
    partial_notice: str  # the viewer's own words when it says the text is partial


def _is_contact_line(text: str) -> bool:
    return len(text) < 200 and (_EMAIL.search(text) is not None or _PHONE.search(text) is not None)


def _is_chrome_sentence(sentence: str) -> bool:
    """A sentence that is page chrome wherever it stands: a campaign call-out or contact line."""
    return _CAMPAIGN_CALLOUT.search(sentence) is not None or _is_contact_line(sentence)


def _without_chrome_sentences(block: Block) -> Block | None:
    """The block without its chrome sentences; None when nothing but chrome is left.

    A paragraph that ends with 'Join the … campaign to learn more.' or a contact line keeps
    everything else it says: only the chrome sentence goes.
    """
    text = block.text
    if not (_CAMPAIGN_CALLOUT.search(text) or _EMAIL.search(text) or _PHONE.search(text)):
        return block
    kept = [s for s in sentences(text) if not _is_chrome_sentence(s)]
    if not kept:
        return None
    rest = " ".join(kept)
    return block if rest == text else replace(block, text=rest)


def strip_boilerplate(blocks: list[Block]) -> Stripped:
    kept: list[Block] = []
    dropped = 0
    partial_notice = ""
    footer_from = len(blocks)
    for index, block in enumerate(blocks):
        if index >= len(blocks) // 2 and _FOOTER_START.match(block.text):
            footer_from = index
            break
    for block in blocks[:footer_from]:
        text = block.text
        if _PARTIAL_NOTICE.search(text) and len(text) < 200:
            partial_notice = text
            dropped += 1
        elif (
            _CHROME.match(text)
            or _PHOTO_CREDIT.match(text)
            or (rest := _without_chrome_sentences(block)) is None
        ):
            dropped += 1
        else:
            kept.append(rest)
    dropped += len(blocks) - footer_from
    return Stripped(kept, dropped, partial_notice)
