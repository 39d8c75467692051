"""Turn cleaned text into blocks (headings, paragraphs, list items) and group them into sections.

Two kinds of input arrive here. Web captures have one paragraph per line. PDF captures are
hard-wrapped at a fixed width, often with a blank line after every line; those lines are
re-flowed into paragraphs. Markdown files are parsed with markdown-it-py instead of guessed at.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from brief_tui.corpus.clean import repair_spacing


@dataclass(frozen=True)
class Block:
    """One unit of reading text before it becomes a passage."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str
    marker: str = ""  # "•" or "1." for list items
    hard_break: bool = False  # preceded by two or more blank lines
    numbered: bool = False  # the line began with a number such as "1.)"
    synthetic: bool = False  # a heading the reader supplies (e.g. "Contents"), not source text
    level: int = 0  # a heading's level (1 is the top) when the source says; 0 when it does not
    page: int | None = None  # the 1-based page of the source where the block starts


_BULLET = re.compile(r"^\s*([•\-\*·▪◦‣●–])\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})(?:\.\)|\.|\))\s+(.*)$")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def _line_block(line: str, hard_break: bool) -> Block:
    line = repair_spacing(line)
    bullet = _BULLET.match(line)
    if bullet:
        return Block("item", bullet.group(2).strip(), "•", hard_break)
    numbered = _NUMBERED.match(line)
    if numbered:
        return Block("item", numbered.group(2).strip(), f"{numbered.group(1)}.", hard_break, True)
    return Block("paragraph", line, "", hard_break)


def _lines_with_gaps(text: str) -> list[tuple[str, int]]:
    """Non-empty lines, each with the number of blank lines before it."""
    out: list[tuple[str, int]] = []
    gap = 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((raw.rstrip(), gap))
            gap = 0
        else:
            gap += 1
    return out


def is_hard_wrapped(text: str) -> bool:
    """True when lines look wrapped at a fixed width (a PDF capture) rather than one per paragraph."""
    lengths = [len(line) for line, _ in _lines_with_gaps(text)]
    if len(lengths) < 8 or max(lengths) > 140:
        return False
    long_lines = [n for n in lengths if n >= 60]
    if len(long_lines) < len(lengths) // 3:
        return False
    open_ended = sum(1 for line, _ in _lines_with_gaps(text) if not _TERMINAL.search(line))
    return open_ended >= len(lengths) // 3 and statistics.pstdev(long_lines) < 15


def looks_like_title(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and (line[0].isupper() or line[0] in "“\"'‘")
        and not _TERMINAL.search(line)
    )


_CONNECTORS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "for",
        "with",
        "by",
        "that",
        "or",
        "as",
        "on",
        "at",
        "from",
    ]
)


def _ends_early(line: str, next_line: str, width: int) -> bool:
    """A short line followed by a capitalised one ends its paragraph, unless a name or a
    connecting word ('... push Central' / 'Americans ...') carries the sentence over."""
    if not next_line or not next_line[0].isupper() or len(line) >= 0.75 * width:
        return False
    last = line.split()[-1]
    return not (last[0].isupper() or last.lower() in _CONNECTORS)


def _reflow(text: str) -> list[Block]:
    """Join hard-wrapped lines into paragraphs; keep short title-like lines as their own blocks."""
    lines = _lines_with_gaps(text)
    lengths = sorted(len(line.strip()) for line, _ in lines)
    width = lengths[int(len(lengths) * 0.95) - 1] if lengths else 80
    blocks: list[Block] = []
    current: list[str] = []
    current_break = False

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(_line_block(" ".join(current), current_break))
            current = []

    for index, (line, gap) in enumerate(lines):
        stripped = line.strip()
        next_line = lines[index + 1][0].strip() if index + 1 < len(lines) else ""
        next_gap = lines[index + 1][1] if index + 1 < len(lines) else 2
        if not current or gap >= 2 or _BULLET.match(stripped) or _NUMBERED.match(stripped):
            flush()
            current_break = gap >= 2
        standalone = (
            not current
            and looks_like_title(stripped)
            and (not next_line or not next_line[0].islower() or next_gap >= 2)
        )
        current.append(stripped)
        if standalone or _TERMINAL.search(stripped) or _ends_early(stripped, next_line, width):
            flush()
    flush()
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text capture, re-flowing it first when it is hard-wrapped."""
    if is_hard_wrapped(text):
        return _reflow(text)
    return [_line_block(line, gap >= 2) for line, gap in _lines_with_gaps(text)]


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown file: headings, paragraphs and list items as markdown-it-py sees them."""
    from markdown_it import MarkdownIt

    blocks: list[Block] = []
    heading_level = 0  # the level of the heading being read; 0 outside headings
    lists: list[int | None] = []  # next number of each open ordered list, None for bullets
    marker = ""
    item_started = False
    for token in MarkdownIt("commonmark").parse(text):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif kind == "bullet_list_open":
            lists.append(None)
        elif kind == "ordered_list_open":
            lists.append(int(token.attrs.get("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1]
            marker = "•" if number is None else f"{number}."
            if number is not None:
                lists[-1] = number + 1
            item_started = False
        elif kind in ("inline", "fence", "code_block"):
            content = " ".join((_inline_text(token) if kind == "inline" else token.content).split())
            if not content:
                continue
            content = repair_spacing(content)
            if heading_level:
                blocks.append(Block("heading", content, level=heading_level))
                heading_level = 0
            elif lists and item_started:
                # A second paragraph inside the same list item continues it.
                blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text} {content}")
            elif lists:
                blocks.append(Block("item", content, marker))
                item_started = True
            else:
                blocks.append(Block("paragraph", content))
    return blocks


def _inline_text(token: object) -> str:
    """Plain text of an inline token: emphasis and links reduced to their words."""
    children = getattr(token, "children", None) or []
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


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


def classify_headings(blocks: list[Block]) -> list[Block]:
    """Decide which plain-text blocks are headings.

    A heading is a short title-like line (no closing punctuation) that stands over other text, a
    numbered line such as '1.) End the ...' that is not part of a numbered list, or a single
    imperative sentence standing over paragraphs.
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        next_block = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "paragraph" and looks_like_title(block.text) and next_block is not None:
            out.append(replace(block, kind="heading"))
        elif block.kind == "item" and _is_numbered_heading(blocks, index):
            out.append(
                replace(block, kind="heading", text=f"{block.marker} {block.text}", marker="")
            )
        elif _is_imperative_heading(blocks, index):
            out.append(replace(block, kind="heading"))
        else:
            out.append(block)
    return _contents_lists(out)


def _is_listing_line(block: Block) -> bool:
    return (
        block.kind == "heading"
        and not block.numbered
        or (
            block.kind == "paragraph"
            and len(block.text.split()) <= 30
            and not _TERMINAL.search(block.text)
        )
    )


def _contents_lists(blocks: list[Block]) -> list[Block]:
    """A run of title-like lines with no text between them (three or more headings) is a table
    of contents: it becomes a list under a 'Contents' heading, and the text after it starts a
    new untitled section instead of landing under the last entry."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        end = index
        while end < len(blocks) and _is_listing_line(blocks[end]):
            end += 1
        run = blocks[index:end]
        if sum(1 for b in run if b.kind == "heading") >= 3:
            out.append(Block("heading", "Contents", hard_break=run[0].hard_break, synthetic=True))
            out.extend(replace(b, kind="item", marker="•") for b in run)
            if end < len(blocks):
                out.append(Block("heading", "Introduction", synthetic=True))
            index = end
        else:
            out.append(blocks[index])
            index += 1
    return out


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

    A trailing run of 'X is a ... organisation' paragraphs after a hard break is a press
    release's 'about' notes: it becomes its own section, marked so the tagger leaves it alone.
    """
    about_start = _about_block_start(blocks)
    sections: list[RawSection] = []
    title = intro_title
    level = 0
    current: list[Block] = []
    for index, block in enumerate(blocks):
        if index == about_start:
            if current:
                sections.append(RawSection(title, tuple(current), level=level))
            sections.append(RawSection("About the organisations", tuple(blocks[index:]), True))
            return sections
        if block.kind == "heading":
            if current:
                sections.append(RawSection(title, tuple(current), level=level))
            title, level = block.text, block.level
            current = [] if block.synthetic else [block]
        else:
            current.append(block)
    if current:
        sections.append(RawSection(title, tuple(current), level=level))
    return sections


def _about_block_start(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks):
        if not block.hard_break or index == 0:
            continue
        tail = blocks[index:]
        if len(tail) >= 2 and all(b.kind == "paragraph" for b in tail):
            matching = sum(1 for b in tail if _ABOUT.match(b.text))
            if matching * 3 >= len(tail) * 2:
                return index
    return None
