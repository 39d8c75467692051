"""Markdown, parsed with markdown-it-py rather than guessed at: headings (with their levels),
paragraphs and list items as the author marked them.

A paragraph whose every line is a 'Field: value' line (a memo's To/From/Date/Re block, front
matter written in the body) is split into one block per line: those are header fields, not
prose, and cleaning judges each on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from brief_tui.corpus.blocks import Block
from brief_tui.corpus.clean import repair_spacing

_FIELD_LINE = re.compile(r"^[A-Z][A-Za-z ]{0,20}:\s+\S")


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
            raw = _inline_text(token, keep_breaks=True) if kind == "inline" else token.content
            fields = [line.strip() for line in raw.split("\n") if line.strip()]
            if (
                not heading_level
                and not lists
                and len(fields) >= 2
                and all(_FIELD_LINE.match(f) for f in fields)
            ):
                blocks.extend(Block("paragraph", repair_spacing(f)) for f in fields)
                continue
            content = " ".join(raw.split())
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


def _inline_text(token: object, keep_breaks: bool = False) -> str:
    """Plain text of an inline token: emphasis and links reduced to their words."""
    children = getattr(token, "children", None) or []
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if keep_breaks else " ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
