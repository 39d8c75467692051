"""Tables of contents and lists of links: read, but never tagged.

A table of contents lists the document's own headings: its lines end in page numbers after
dot leaders, or stand under a 'Contents' line, or name headings that come back later in the
text. A list of links is a run of short, capitalised titles with no text between them
(reports, related stories, resources). Neither says anything itself: pillar words in a link's
title ('Extortion and Flight in …') are not the document's subject.

Lists of links that are only marked by line breaks are page navigation and are dropped;
a marked list (bullets, numbers) is the page's own list of resources and is kept, untagged.
"""

from __future__ import annotations

import re
from dataclasses import replace

from brief_tui.corpus.blocks import Block
from brief_tui.corpus.chrome import announces_points, table_rows
from brief_tui.corpus.titles import capitalised_share

_LEADER = re.compile(r"^(?P<entry>.*?\S)\s*(?:\.{3,}|…{2,}|·{3,}|\s{3,}|\t+)\s*(?P<page>\d{1,4})$")
_CONTENTS_HEADER = re.compile(
    r"^(?:table of contents|contents|in this (?:report|issue|brief))$", re.I
)
_TERMINAL = re.compile(r"[.!:;][\"'”’)\]]*$")
_FILE_HINT = re.compile(
    r"\((?:pdf|docx?|xlsx?|csv|zip)\b[^)]*\)|\[\s*pdf\s*\]|\(\d[\d.,]*\s*[kmg]b\)", re.I
)

CONTENTS = "contents"
LINKS = "links"


def _entry_text(block: Block) -> str:
    match = _LEADER.match(block.text)
    return match.group("entry").strip() if match else block.text


def is_title_line(text: str, max_words: int = 22) -> bool:
    """A line shaped like a heading or a link's title: not a sentence, mostly capitalised."""
    words = text.split()
    if not words or len(words) > max_words or _TERMINAL.search(text.rstrip(")")):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘"):
        return False
    return capitalised_share(text) >= 0.5 or len(words) <= 4


def mark_contents(blocks: list[Block]) -> tuple[list[Block], int]:
    """Blocks with tables of contents marked (entries as items, page numbers dropped); the
    'Contents' line itself is dropped (the reader shows its own heading). Also returns how
    many lines were dropped."""
    later = [" ".join(b.text.lower().split()) for b in blocks]
    out: list[Block] = []
    dropped = 0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        header = _CONTENTS_HEADER.match(block.text.strip()) is not None
        start = index + 1 if header else index
        end = start
        # Entries are all set with leaders and page numbers, or (under a header) none is.
        leadered = start < len(blocks) and _LEADER.match(blocks[start].text) is not None
        while end < len(blocks) and (
            _LEADER.match(blocks[end].text)
            or (header and not leadered and is_title_line(_entry_text(blocks[end])))
        ):
            end += 1
        leaders = sum(1 for b in blocks[start:end] if _LEADER.match(b.text))
        if not (header and end - start >= 2) and leaders < 2:
            end = _reappearing_run(blocks, index, later)
            start = index
        if end - start >= 2 or (header and end > start):
            dropped += header
            out.extend(
                replace(b, kind="item", text=_entry_text(b), marker=b.marker or "•", role=CONTENTS)
                for b in blocks[start:end]
            )
            index = end
            continue
        out.append(block)
        index += 1
    return out, dropped


def _entry_like(text: str) -> bool:
    """A line a contents list could hold: a heading's words, in whatever case."""
    words = text.split()
    return 0 < len(words) <= 25 and text[0].isupper() and not _TERMINAL.search(text)


def _reappearing_run(blocks: list[Block], start: int, texts: list[str]) -> int:
    """The end of a run of four or more heading-like lines starting at `start` after a wide
    gap, one of which comes back later as a line of its own; `start` when there is none."""
    if not blocks[start].hard_break:
        return start
    end = start
    while (
        end < len(blocks)
        and blocks[end].kind != "item"
        and _entry_like(blocks[end].text)
        and not (end > start and blocks[end].hard_break)  # a wide gap ends a list
    ):
        end += 1
    if end - start < 4:
        return start
    run = set(texts[start:end])
    if any(t in run for t in texts[end:]):
        return end
    return start


def _is_link_line(block: Block) -> bool:
    text = block.text
    if _FILE_HINT.search(text):
        return True
    return is_title_line(text, 20) and capitalised_share(text) >= 0.6 and len(text.split()) >= 2


def mark_link_lists(blocks: list[Block]) -> tuple[list[Block], int]:
    """Runs of two or more link titles: a marked run is kept as a list of links (untagged),
    an unmarked run is navigation and dropped, and so is a lone download link ('… (PDF,
    2 MB)'). A run introduced by a lead-in ('… include:') is content; a last line standing
    over a paragraph is that paragraph's heading. Returns the blocks and how many were dropped."""
    out: list[Block] = []
    dropped = 0
    index = 0
    rows = table_rows(blocks)
    while index < len(blocks):
        end = index
        while (
            end < len(blocks)
            and blocks[end].role == ""
            and end not in rows
            and _is_link_line(blocks[end])
            and (blocks[end].kind == "item") == (blocks[index].kind == "item")  # one kind
        ):
            end += 1
        run = blocks[index:end]
        introduced = bool(out) and announces_points(out[-1].text)
        if run and not introduced:
            if len(run) >= 2 and all(b.kind == "item" for b in run):
                if out and out[-1].kind == "paragraph" and is_title_line(out[-1].text, 45):
                    out[-1] = replace(out[-1], role=LINKS)  # the title of the list
                out.extend(replace(b, role=LINKS) for b in run)
                index = end
                continue
            after = blocks[end] if end < len(blocks) else None
            unmarked = run[:-1] if _heads(run[-1], after) else run
            navigation = len(unmarked) >= 2 or (
                len(unmarked) == 1 and _FILE_HINT.search(unmarked[0].text) is not None
            )
            if navigation and not any(b.kind == "item" for b in unmarked):
                dropped += len(unmarked)
                index += len(unmarked)
                continue
        out.append(blocks[index])
        index += 1
    return out, dropped


def _heads(block: Block, after: Block | None) -> bool:
    """A short line standing over a paragraph of running text is its heading."""
    if _FILE_HINT.search(block.text):
        return False  # a download link heads nothing
    return after is not None and after.kind == "paragraph" and len(after.text.split()) >= 8
