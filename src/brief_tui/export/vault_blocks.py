"""The parts of a vault note brief-tui owns, and merging a fresh export into a note a person edits.

A note is the user's text with managed blocks in it, each between two HTML comments (hidden
by Obsidian and by most Markdown renderers):

    <!-- brief-tui:begin hl-1a2b3c4d sum=0f1e2d3c -->
    …what brief-tui wrote…
    <!-- brief-tui:end hl-1a2b3c4d -->

`sum` is a digest of the block as brief-tui wrote it, so an edit the user made inside it is
noticed and never silently overwritten. Everything outside the markers is the user's and is
kept byte for byte; a new block goes after the block that precedes it in reading order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

_BLOCK = re.compile(
    r"<!-- brief-tui:begin (?P<key>[\w.-]+)(?: sum=(?P<sum>[0-9a-f]+))?(?P<removed> removed)? -->\n"
    r"(?P<body>.*?)\n?"
    r"<!-- brief-tui:end (?P=key) -->",
    re.DOTALL,
)


def digest(body: str) -> str:
    return hashlib.sha1(body.encode("utf-8")).hexdigest()[:10]


def block(key: str, body: str, *, removed: bool = False) -> str:
    """A managed block as it is written into a note."""
    flag = " removed" if removed else ""
    return (
        f"<!-- brief-tui:begin {key} sum={digest(body)}{flag} -->\n{body}\n"
        f"<!-- brief-tui:end {key} -->"
    )


@dataclass
class Block:
    key: str
    body: str
    recorded: str | None  # the digest written with it; None when missing
    removed: bool
    raw: str  # exactly as it stands in the note, markers included

    @property
    def edited(self) -> bool:
        """True when the body is no longer what brief-tui wrote."""
        return self.recorded is not None and self.recorded != digest(self.body)


Part = str | Block  # the user's text, or a managed block


def split_note(text: str) -> list[Part]:
    """The note as alternating user text and managed blocks, in order."""
    parts: list[Part] = []
    last = 0
    for match in _BLOCK.finditer(text):
        parts.append(text[last : match.start()])
        parts.append(
            Block(
                match.group("key"),
                match.group("body"),
                match.group("sum"),
                bool(match.group("removed")),
                match.group(0),
            )
        )
        last = match.end()
    parts.append(text[last:])
    return parts


@dataclass
class Merged:
    text: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    conflicts: list[Block] = field(default_factory=list)  # the user's edited versions


def merge_note(
    old: str, wanted: list[tuple[str, str]], removed_body: Callable[[str], str]
) -> Merged:
    """Bring `old` up to date with the `wanted` (key, body) blocks, in reading order.

    Blocks brief-tui no longer wants are kept, marked removed (`removed_body(old_body)` says
    how). A block the user edited is rewritten, and the user's version is returned among the
    conflicts so the caller can keep it aside. Unchanged blocks stay byte for byte.
    """
    parts = split_note(old)
    wanted_body = dict(wanted)
    present = {p.key for p in parts if isinstance(p, Block)}
    merged = Merged("")
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        gone = False
        if part.key in wanted_body:
            body, removed = wanted_body[part.key], False
        elif part.removed or not part.key.startswith("hl-"):
            body, removed = part.body, part.removed  # already marked, or a heading: keep
        else:
            body, removed, gone = removed_body(part.body), True, True
        if not part.edited and body == part.body and removed == part.removed:
            out.append(part.raw)
            continue
        if part.edited and body != part.body:
            merged.conflicts.append(part)
        (merged.removed if gone else merged.updated).append(part.key)
        out.append(block(part.key, body, removed=removed))
    text = "".join(out)
    # New blocks: after the nearest earlier wanted block already in the note, else before the
    # nearest later one, else at the end.
    order = [key for key, _ in wanted]
    for index, key in enumerate(order):
        if key in present:
            continue
        new = block(key, wanted_body[key])
        earlier = next((k for k in reversed(order[:index]) if k in present), None)
        later = next((k for k in order[index + 1 :] if k in present), None)
        if earlier is not None:
            end = _end_of(text, earlier)
            text = text[:end] + "\n\n" + new + text[end:]
        elif later is not None:
            start = _start_of(text, later)
            text = text[:start] + new + "\n\n" + text[start:]
        else:
            text = text.rstrip("\n") + "\n\n" + new + "\n"
        present.add(key)
        merged.added.append(key)
    merged.text = text
    return merged


def _end_of(text: str, key: str) -> int:
    marker = f"<!-- brief-tui:end {key} -->"
    return text.index(marker) + len(marker)


def _start_of(text: str, key: str) -> int:
    return text.index(f"<!-- brief-tui:begin {key} ")
