"""Blocks into a document's structure: which blocks are headings, what a lead-in introduces,
and how blocks group into sections.

Reading text into blocks is done by the format readers (`blocks.text_blocks` for plain text,
with hard wraps re-flowed; `mdblocks.markdown_blocks` for Markdown). Here plain-text blocks get
their headings, decided from the shape of a line and what follows it.

One rule for headings everywhere: a heading opens its section and is the section's title; it
is also the section's first passage (so it can be read, tagged and flagged), and the reader
shows it once, as the title. Nothing else repeats it: a heading that is the document's title
is not kept as a passage, and sections the reader supplies ('Contents') have no passage of
their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from brief_tui.corpus.blocks import Block, is_hard_wrapped, text_blocks
from brief_tui.corpus.contents import CONTENTS
from brief_tui.corpus.leadins import attach_lead_ins, is_label, is_salutation
from brief_tui.corpus.mdblocks import markdown_blocks

__all__ = ["Block", "is_hard_wrapped", "markdown_blocks", "text_blocks"]

_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
# A figure or table caption, a source or a note: read as a paragraph, never a heading.
_CAPTION = re.compile(
    r"^(?:(?:figure|fig\.|table|chart|map|box|graph)\s+\d|(?:source|note)s?\s*:)", re.I
)


def looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and (line[0].isupper() or line[0] in "“\"'‘")
        and not _TERMINAL.search(line)
    )


def _is_numbered_heading(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    if not block.numbered:
        return False
    neighbours = [blocks[i] for i in (index - 1, index + 1) if 0 <= i < len(blocks)]
    if any(n.numbered for n in neighbours):
        return False
    return len(block.text.split()) <= 20


IMPERATIVE_VERBS = frozenset(
    [
        "address",
        "adopt",
        "align",
        "allow",
        "assist",
        "back",
        "bolster",
        "build",
        "combat",
        "condition",
        "continue",
        "counter",
        "create",
        "cut",
        "demilitarize",
        "design",
        "direct",
        "end",
        "enforce",
        "engage",
        "ensure",
        "establish",
        "expand",
        "extend",
        "facilitate",
        "fight",
        "finance",
        "fix",
        "focus",
        "fund",
        "guarantee",
        "halt",
        "help",
        "implement",
        "improve",
        "increase",
        "invest",
        "lift",
        "limit",
        "make",
        "partner",
        "pass",
        "prevent",
        "prioritize",
        "prioritise",
        "promote",
        "protect",
        "provide",
        "reduce",
        "reform",
        "reinstate",
        "reject",
        "remove",
        "reorient",
        "respect",
        "respond",
        "restore",
        "resume",
        "revise",
        "scale",
        "secure",
        "stop",
        "strengthen",
        "support",
        "suspend",
        "tackle",
        "target",
        "terminate",
        "uphold",
        "use",
        "work",
    ]
)


def first_word(text: str) -> str:
    match = re.match(r"[“\"'‘(]*([A-Za-z][A-Za-z-]*)", text)
    return match.group(1).lower() if match else ""


_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}|\b(?:Mr|Ms|Mrs|Dr|St|No|vs|etc|e\.g|i\.e)\.")


def count_sentences(text: str) -> int:
    """Sentence ends in `text`, not counting abbreviations such as 'U.S.'."""
    return len(re.findall(r"[.!?][\"'”’)]*(?:\s|$)", _ABBREVIATION.sub("X", text)))


def _is_imperative_heading(blocks: list[Block], index: int) -> bool:
    """A single imperative sentence standing over paragraphs: a web page's recommendation heading."""
    block = blocks[index]
    if block.kind != "paragraph" or index + 1 >= len(blocks) or index < 2:
        return False
    following = blocks[index + 1]
    sentences = count_sentences(block.text)
    return (
        first_word(block.text) in IMPERATIVE_VERBS
        and sentences <= 1
        and len(block.text.split()) <= 35
        and following.kind == "paragraph"
        and first_word(following.text) not in IMPERATIVE_VERBS
        and len(following.text) > len(block.text)
    )


def _stands_over_text(blocks: list[Block], index: int) -> bool:
    """Something follows a heading candidate that it can head (not the end of the text)."""
    return index + 1 < len(blocks)


def classify_headings(blocks: list[Block]) -> list[Block]:
    """Decide which plain-text blocks are headings, and attach lead-ins to what they introduce.

    A heading is a short title-like line (no closing punctuation) or a label ending on a colon
    ('For Congress:') that stands over other text, a numbered line such as '1.) End the ...'
    that is not part of a numbered list, or a single imperative sentence standing over
    paragraphs. A salutation ('Dear …,') is never a heading.
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        text = block.text
        listed = block.role == CONTENTS or (block.role and block.kind == "item")
        if listed or block.kind == "heading" or is_salutation(text) or _CAPTION.match(text):
            out.append(block)
        elif (
            block.kind == "paragraph"
            and (looks_like_title(text) or is_label(text))
            and _stands_over_text(blocks, index)
        ):
            out.append(replace(block, kind="heading"))
        elif block.kind == "item" and _is_numbered_heading(blocks, index):
            out.append(replace(block, kind="heading", text=f"{block.marker} {text}", marker=""))
        elif _is_imperative_heading(blocks, index):
            out.append(replace(block, kind="heading"))
        else:
            out.append(block)
    return attach_lead_ins(out)


@dataclass(frozen=True)
class RawSection:
    title: str
    blocks: tuple[Block, ...]
    about: bool = False  # an "about the organisations" block: not tagged
    level: int = 0  # its heading's level, when the source says


_ABOUT = re.compile(
    r"^(The )?[A-Z][\w&.'’() -]{1,90}? (is|are|was) (a|an|the|established|founded)\b"
)


def group_sections(blocks: list[Block], intro_title: str = "Introduction") -> list[RawSection]:
    """Sections start at headings; text before the first heading is the introduction.

    A table of contents is a section of its own ('Contents'), and the text after it starts a
    new untitled section instead of landing under its last entry. A trailing run of 'X is a
    ... organisation' paragraphs after a hard break is a press release's 'about' notes: it
    becomes its own section (under its heading when it has one), marked so the tagger leaves
    it alone.
    """
    about_start = _about_block_start(blocks)
    sections: list[RawSection] = []
    title = intro_title
    level = 0
    current: list[Block] = []

    def close() -> None:
        if current:
            sections.append(RawSection(title, tuple(current), level=level))

    for index, block in enumerate(blocks):
        if index == about_start:
            close()
            about_title = block.text if block.kind == "heading" else "About the organisations"
            sections.append(RawSection(about_title, tuple(blocks[index:]), True))
            return sections
        contents = block.role == CONTENTS
        if contents and not (current and current[-1].role == CONTENTS):
            close()
            title, level, current = "Contents", 0, []
        elif not contents and current and current[-1].role == CONTENTS:
            close()
            title, level, current = intro_title, 0, []
        if block.kind == "heading" and not contents:
            close()
            title, level = block.text, block.level
            current = [] if block.synthetic else [block]
        else:
            current.append(block)
    close()
    return sections


def _about_block_start(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks):
        if not block.hard_break or index == 0:
            continue
        tail = blocks[index:]
        if len(tail) >= 2 and all(b.kind == "paragraph" for b in tail):
            matching = sum(1 for b in tail if _ABOUT.match(b.text))
            if matching * 3 >= len(tail) * 2:
                return index - 1 if blocks[index - 1].kind == "heading" else index
    return None
