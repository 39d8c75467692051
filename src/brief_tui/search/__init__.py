"""Search every passage, title and note as you type (pure: no Textual).

`SearchIndex.build(entries)` once, then `index.search("corruptoin task force")` per keystroke.
"""

from brief_tui.search.entries import Entry, library_entries
from brief_tui.search.index import Hit, SearchIndex
from brief_tui.search.query import Query, parse_query

__all__ = ["Entry", "Hit", "Query", "SearchIndex", "library_entries", "parse_query"]
