"""Marks as vim and less have them: `m` then a letter marks the passage, `'` then the letter
returns to it. A mark is a bookmark named "mark a", so it is listed, re-anchored, exported
and backed up like any bookmark. A lower-case mark belongs to its briefing (each briefing
has its own `a`); an upper-case one is one place across the library."""

from __future__ import annotations

from collections.abc import Iterable

from brief_tui.notes.records import Bookmark

_PREFIX = "mark "


def is_mark_letter(character: str | None) -> bool:
    return (
        character is not None
        and len(character) == 1
        and character.isascii()
        and character.isalpha()
    )


def mark_name(letter: str) -> str:
    return f"{_PREFIX}{letter}"


def mark_letter(bookmark: Bookmark) -> str | None:
    """The letter of a bookmark that is a mark, else None."""
    name = bookmark.name
    if name.startswith(_PREFIX) and is_mark_letter(name[len(_PREFIX) :]):
        return name[len(_PREFIX) :]
    return None


def same_mark(bookmark: Bookmark, letter: str, document: str) -> bool:
    """True for the bookmark holding mark `letter` as seen from `document`."""
    if mark_letter(bookmark) != letter:
        return False
    return letter.isupper() or bookmark.anchor.document == document


def find_mark(bookmarks: Iterable[Bookmark], letter: str, document: str) -> Bookmark | None:
    return next((b for b in bookmarks if same_mark(b, letter, document)), None)
