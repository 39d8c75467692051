"""What a search asks for besides its words: the screen's pillar and recommendations toggles,
kept with the query so a briefing opened from a result can step through the same hits."""

from __future__ import annotations

from dataclasses import dataclass, replace

from brief_tui.search.query import Query, parse_query


@dataclass(frozen=True)
class SearchRequest:
    text: str
    pillar: str | None = None
    recommendations_only: bool = False

    def query(self) -> Query:
        """The parsed query with the toggles added to what was typed."""
        query = parse_query(self.text)
        if self.pillar and self.pillar not in query.pillars:
            query = replace(query, pillars=(*query.pillars, self.pillar))
        if self.recommendations_only:
            query = replace(query, recommendations_only=True)
        return query
