"""Drop what is not part of a document: page chrome, sign-up and contact blocks, letter
furniture, author bios, captions, viewer notices.

A block is judged by the kind of text it is (`chrome.chrome_reason`) and by where it stands:
share buttons in the second half of a page, after its running text, begin the footer; after
the last paragraph of running text, short lines that are not sentences are footer links; a
letter's closing and signatures, a press release's contact block, the titles under 'Related
stories' and an author's bio are recognised by their shape. A chrome sentence closing a
paragraph (a credit, a sign-up line, a contact line, a campaign call-out) is removed and the
rest of the paragraph kept. Anything dropped is counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from brief_tui.corpus.blocks import Block
from brief_tui.corpus.chrome import (
    RELATED,
    SIGNATORIES,
    announces_points,
    chrome_reason,
    is_sentence,
    table_rows,
    words_of,
)
from brief_tui.corpus.sentences import sentences
from brief_tui.corpus.titles import capitalised_share
from brief_tui.corpus.wrapping import VALEDICTION

# Where a page's footer begins: a share widget after the middle of the page.
_SHARE = frozenset("share shares sharing tweet facebook twitter linkedin whatsapp".split())
# A campaign call-out inside the text ('... Join the Beyond the Wall campaign to learn more.').
_CAMPAIGN_CALLOUT = re.compile(r"\bjoin (the|our) [^.]{0,60}campaign\b", re.IGNORECASE)
_EMAIL = re.compile(r"\[email\s*protected\]|[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)
# Telephone numbers as written in contact lines: '(202) 555-0100', '+1 202 555 0100',
# '+502 2326 4000'; not runs of figures in a table ('12.5 13.1 14.2').
_PHONE = re.compile(
    r"(?:\+\d{1,3}[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\+\d{1,3}(?:[ .-]\d{2,4}){2,4}\b"
)
# A web address left at the end of a paragraph by a capture ('… region. (https://www.…').
_TRAILING_URL = re.compile(r"(?:^|\s+)\(?(?:https?://|www\.)\S+\)?\s*$")
_PARTIAL_NOTICE = re.compile(
    r"(only a partial (summary|excerpt|preview)|partial (text|preview))", re.I
)
_VIEWER = re.compile(r"^(google online preview|(pdf )?viewer)\b.{0,40}$", re.I)
_CONTACT_HEADER = re.compile(r"\bcontacts?\s*:?$|^for more information\b", re.IGNORECASE)
_BIO = re.compile(
    r"\bviews (?:expressed )?(?:here )?are (?:his|her|their|the author'?s?'?) own\b|"
    r"^the author is\b|\bcontributed reporting\b",
    re.IGNORECASE,
)
_AUXILIARY = frozenset(
    "is are was were be been has have had will would can could should must may might do does did "
    "shall".split()
)


# Kinds of chrome that can close a paragraph of real text as one sentence of it.
_SENTENCE_KINDS = frozenset(
    ("caption or credit", "sign-up line", "donation appeal", "copyright line", "disclaimer")
)
# Dropped lines that say who published the document and when.
_TELLING = frozenset(
    (
        "dateline",
        "copyright line",
        "byline",
        "field line",
        "press office line",
        "document number",
        "signature or contact",
    )
)


@dataclass(frozen=True)
class Stripped:
    blocks: list[Block]
    dropped: int
    partial_notice: str  # the viewer's own words when it says the text is partial
    authors: tuple[str, ...] = ()  # names from bylines
    # What was dropped that says something about the document (datelines, copyright, bylines):
    # (how many kept blocks came before it, why it was dropped, its text).
    notes: tuple[tuple[int, str, str], ...] = ()


def _is_contact_line(text: str) -> bool:
    return len(text) < 200 and (_EMAIL.search(text) is not None or _PHONE.search(text) is not None)


def _is_chrome_sentence(sentence: str) -> bool:
    """A sentence that is page chrome wherever it stands: a campaign call-out, a contact line,
    a photo credit, a sign-up or donation appeal, a copyright line."""
    return (
        _CAMPAIGN_CALLOUT.search(sentence) is not None
        or _is_contact_line(sentence)
        or chrome_reason(sentence) in _SENTENCE_KINDS
    )


def _without_chrome_sentences(block: Block) -> Block | None:
    """The block without its chrome sentences; None when nothing but chrome is left."""
    text = _TRAILING_URL.sub("", block.text).rstrip()
    if not text:
        return None
    parts = sentences(text)
    if len(parts) < 2 and not (_CAMPAIGN_CALLOUT.search(text) or _is_contact_line(text)):
        return block if text == block.text else replace(block, text=text)
    kept = [s for s in parts if not _is_chrome_sentence(s)]
    if not kept:
        return None
    rest = " ".join(kept)
    return block if rest == block.text else replace(block, text=rest)


def is_body_paragraph(block: Block) -> bool:
    """Running text: a sentence of five words or more, or a long passage cut off mid-sentence."""
    words = len(block.text.split())
    return block.kind != "heading" and (
        (words >= 5 and is_sentence(block.text + " ")) or words >= 20
    )


def _short_line(block: Block) -> bool:
    """A line that is not running text: short, and not a sentence (a title asking a question
    is a title, not a sentence)."""
    text = block.text.strip()
    if len(text.split()) > 15:
        return False
    question_title = text.endswith("?") and capitalised_share(text) >= 0.6
    return question_title or not is_sentence(text + " ")


def _is_share_widget(text: str) -> bool:
    words = words_of(text)
    return 0 < len(words) <= 8 and bool(_SHARE & set(words)) and not is_sentence(text + " ")


def _looks_like_alt_text(text: str) -> bool:
    """An image description: a noun phrase led by a participle ('A farmer pointing to ...')."""
    words = text.split()
    if not 3 <= len(words) <= 30 or words[0].lower().endswith("ing"):
        return False
    if any(w.lower().strip(",.") in _AUXILIARY or w.lower().endswith("n't") for w in words):
        return False
    return any(w.islower() and w.endswith("ing") for w in words[1:4])


def _author_bio(text: str, authors: tuple[str, ...]) -> bool:
    if _BIO.search(text):
        return True
    return any(
        re.match(rf"{re.escape(name)},? (?:is|was|serves|covers|writes)\b", text)
        for name in authors
    )


def strip_boilerplate(blocks: list[Block]) -> Stripped:
    """The blocks that are the document, and how many were dropped as chrome."""
    partial_notice = ""
    authors: list[str] = []
    footer_from = len(blocks)
    seen_text = False
    for index, block in enumerate(blocks):
        if seen_text and index >= len(blocks) // 2 and _is_share_widget(block.text):
            footer_from = index  # share buttons after the running text: the page's footer
            break
        seen_text = seen_text or is_body_paragraph(block)
    kept: list[Block] = []
    notes: list[tuple[int, str, str]] = []
    dropped = len(blocks) - footer_from
    skip_short = False  # inside a contact block or a letter's signatures
    rows = table_rows(blocks)
    last_line: Block | None = None  # the source's last block, when it is kept
    for index, block in enumerate(blocks[:footer_from]):
        text = block.text
        reason = block.chrome or ("" if index in rows else chrome_reason(text))
        if _PARTIAL_NOTICE.search(text) and len(text) < 200:
            partial_notice = text
            reason = "viewer notice"
        elif _VIEWER.match(text):
            reason = "viewer"
        elif VALEDICTION.match(text):
            reason, skip_short = "letter closing", True
        elif skip_short and not reason and _short_line(block):
            reason = "signature or contact"
        elif reason == "byline":
            names = re.sub(r"^by:?\s+", "", text, flags=re.I)
            authors.extend(n.strip() for n in re.split(r",|\band\b|&", names) if n.strip())
        skip_short = skip_short and bool(reason)
        if (reason == "press office line" and _CONTACT_HEADER.search(text)) or reason in (
            RELATED,
            SIGNATORIES,
        ):
            skip_short = True  # the contact lines, or the link titles, under it go too
        if not reason and block.kind == "paragraph" and _looks_like_alt_text(text):
            neighbours = blocks[max(0, index - 1) : index] + blocks[index + 1 : index + 2]
            if any(
                _looks_like_alt_text(n.text) or chrome_reason(n.text) == "caption or credit"
                for n in neighbours
            ):
                reason = "image description"
        if reason in _SENTENCE_KINDS and len(sentences(text)) >= 2:
            reason = ""  # a credit or a sign-up sentence closing a paragraph: only it goes
        rest = None if reason else _without_chrome_sentences(block)
        if rest is None:
            dropped += 1
            if reason in _TELLING:
                notes.append((len(kept), reason, text))
        else:
            kept.append(rest)
            last_line = rest if index == len(blocks) - 1 else None
    kept, bios = _without_bios(kept, tuple(authors))
    # A capture that ends mid-sentence ends on a line of running text: it stays.
    long_enough = last_line is not None and len(last_line.text.split()) >= 8
    cut_off = last_line if long_enough else None
    kept, tail = _without_tail_links(kept, cut_off)
    return Stripped(kept, dropped + bios + tail, partial_notice, tuple(authors), tuple(notes))


def _without_bios(blocks: list[Block], authors: tuple[str, ...]) -> tuple[list[Block], int]:
    """An author's bio in the last third of the text is about the author, not the subject."""
    start = len(blocks) * 2 // 3
    kept = [
        b
        for i, b in enumerate(blocks)
        if i < start or b.kind != "paragraph" or not _author_bio(b.text, authors)
    ]
    return kept, len(blocks) - len(kept)


def _without_tail_links(blocks: list[Block], cut_off: Block | None) -> tuple[list[Block], int]:
    """After the last paragraph of running text, short lines are footer links and labels.

    What stays: a marked list (bullets or numbers), with the lines heading it (a page's own
    list of resources is read, and left untagged); a fragment of prose (mostly lower-case
    words); and `cut_off`, the source's very last line when it is text: a capture that ends
    mid-sentence ends with it.
    """
    last = max((i for i, b in enumerate(blocks) if is_body_paragraph(b)), default=-1)
    if last < 0:
        return blocks, 0
    kept = blocks[: last + 1]
    tail = blocks[last + 1 :]
    rows = table_rows(tail)
    announced = announces_points(kept[-1].text)  # '… three asks:', 'Our recommendations'
    for index, block in enumerate(tail):
        heads_list = any(b.kind == "item" for b in tail[index + 1 : index + 4])
        prose = len(block.text.split()) >= 6 and capitalised_share(block.text) < 0.5
        announcing = announces_points(block.text) and index + 1 < len(tail)
        announced = announced and block.tight  # the points run on, line after line
        if (
            block.kind == "item"
            or index in rows
            or announced
            or announcing
            or (heads_list and _short_line(block))
            or prose
            or block is cut_off
            or not _short_line(block)
        ):
            kept.append(block)
            announced = announced or announcing
    return kept, len(blocks) - len(kept)
