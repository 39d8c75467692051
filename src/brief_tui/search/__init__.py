"""Search every passage, title and note as you type (pure: no Textual).

`SearchIndex.build(entries)` once, then `index.search("corruptoin task force")` per keystroke.
The names below load on first use, so a module that needs only `search.text` (the reader's
highlighting) does not pay for the index at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brief_tui.search.entries import Entry, library_entries
    from brief_tui.search.index import Hit, SearchIndex
    from brief_tui.search.query import Query, parse_query
    from brief_tui.search.request import SearchRequest

_WHERE = {
    "Entry": "entries",
    "library_entries": "entries",
    "Hit": "index",
    "SearchIndex": "index",
    "Query": "query",
    "parse_query": "query",
    "SearchRequest": "request",
}

__all__ = [
    "Entry",
    "Hit",
    "Query",
    "SearchIndex",
    "SearchRequest",
    "library_entries",
    "parse_query",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"brief_tui.search.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'brief_tui.search' has no attribute {name!r}")
