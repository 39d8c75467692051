"""Messages screens and widgets send up to the app: they announce, the app decides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from brief_tui.search.request import SearchRequest


@dataclass
class OpenBriefing(Message):
    """Open a briefing, at a passage if given, with a search's hits to step through."""

    document_id: str
    passage_id: str | None = None
    search: SearchRequest | None = None
