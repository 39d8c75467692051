"""Reading an export back as Markdown, to check its structure rather than its bytes.

The front matter is split off by hand (it must be the first thing in the file and contain
nothing but `key: value` lines whose values are JSON-style scalars); the body is parsed with
markdown-it-py, CommonMark plus GFM tables and strikethrough, the most a reader's app adds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The front matter as a dict (sources as a list of dicts) and the body after it."""
    assert text.startswith("---\n"), "the export must start with YAML front matter"
    end = text.index("\n---\n", 3)
    lines = text[4:end].split("\n")
    body = text[end + len("\n---\n") :]
    front: dict[str, object] = {}
    sources: list[dict[str, object]] = []
    for line in lines:
        assert line.strip() != "---" and not line.startswith("#"), line
        if line.startswith("  - "):
            sources.append({})
            line = "    " + line[4:]
        key, sep, value = line.strip().partition(": ")
        assert sep or line.endswith(":"), f"not a key: value line: {line!r}"
        parsed = json.loads(value) if sep else None
        if line.startswith("    "):
            sources[-1][key] = parsed
        elif key.rstrip(":") == "sources":
            front["sources"] = sources
        else:
            front[key] = parsed
    return front, body


@dataclass
class Item:
    """One top-level list item: its tokens, without the open and close."""

    tokens: list[Token]

    @property
    def first(self) -> Token:
        return self.tokens[0]

    def quote(self) -> str:
        """The plain text of the item's opening blockquote: it must be text tokens only."""
        assert self.first.type == "blockquote_open", "the item must open with its quote"
        inline = next(t for t in self.tokens if t.type == "inline")
        kinds = {child.type for child in inline.children or ()}
        assert kinds <= {"text"}, f"the quote was read as Markdown: {kinds}"
        return "".join(child.content for child in inline.children or ())

    def last_line(self) -> str:
        """The text of the item's last paragraph at its own level (the citation line)."""
        level = self.first.level
        inlines = [t for t in self.tokens if t.type == "inline" and t.level == level + 1]
        assert inlines, "the item has no paragraph of its own"
        return inlines[-1].content.split("\n")[-1]


@dataclass
class Part:
    """A heading and what follows it up to the next heading."""

    tag: str
    title: str
    tokens: list[Token] = field(default_factory=list)

    def items(self) -> list[Item]:
        items: list[Item] = []
        depth = 0
        for token in self.tokens:
            if token.type == "list_item_open" and token.level == 1:
                items.append(Item([]))
                depth = 1
                continue
            if token.type == "list_item_close" and token.level == 1:
                depth = 0
                continue
            if depth:
                items[-1].tokens.append(token)
        return items


def parse(body: str) -> list[Part]:
    tokens = PARSER.parse(body)
    parts = [Part("", "")]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            title = "".join(child.content for child in tokens[index + 1].children or ())
            parts.append(Part(token.tag, title))
            index += 3
            continue
        parts[-1].tokens.append(token)
        index += 1
    return parts


def all_tokens(body: str) -> list[Token]:
    """Every token, inline children included."""
    out: list[Token] = []
    for token in PARSER.parse(body):
        out.append(token)
        out.extend(token.children or ())
    return out


def assert_no_raw_html(body: str) -> None:
    kinds = [t.type for t in all_tokens(body) if t.type in ("html_block", "html_inline")]
    assert not kinds, f"user text became raw HTML: {kinds}"
    assert "<script" not in PARSER.render(body)
