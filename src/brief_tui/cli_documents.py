"""One way for every command to turn a briefing named on the command line into a document.

`brief-tui DOC`, `compare --left/--right`, `passages --document` and `export --document` all
accept the same things (an id, the start of one, words of a title) and all refuse an
ambiguous or unknown name with the same message.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from brief_tui.corpus.sanitize import safe_line

if TYPE_CHECKING:
    from brief_tui.corpus.model import Document, Library


def choose_document(library: Library, query: str) -> Document | None:
    """The briefing `query` names; otherwise None, after saying why on stderr."""
    from brief_tui.corpus.lookup import find_document

    found = find_document(library, query)
    if found.document is not None:
        return found.document
    typed = safe_line(query)
    if found.candidates:
        lines = [
            f"brief-tui: “{typed}” could be {len(found.candidates)} briefings; "
            "type more of its id or title:"
        ]
        lines += [f"  {doc.id}  {doc.title}" for doc in found.candidates]
        print("\n".join(lines), file=sys.stderr)
    else:
        closest = "; ".join(f"“{doc.title}” ({doc.id})" for doc in found.closest) or "none"
        print(f"brief-tui: no briefing matches “{typed}”; closest: {closest}.", file=sys.stderr)
    return None
