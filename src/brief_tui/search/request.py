"""What a search asks for besides its words: the screen's pillar, recommendations, kind and
source-type toggles,
kept with the query so a briefing opened from a result can step through the same hits."""

from __future__ import annotations

from dataclasses import dataclass, replace

from brief_tui.search.query import Query, parse_query


@dataclass(frozen=True)
class SearchRequest:
    text: str
    pillar: str | None = None
    recommendations_only: bool = False
    kind: str | None = None  # only recommendations of this kind
    source_type: str | None = None  # only documents of this source type

    def query(self) -> Query:
        """The parsed query with the toggles added to what was typed."""
        query = parse_query(self.text)
        if self.pillar and self.pillar not in query.pillars:
            query = replace(query, pillars=(*query.pillars, self.pillar))
        if self.recommendations_only:
            query = replace(query, recommendations_only=True)
        if self.kind and self.kind not in query.kinds:
            query = replace(query, kinds=(*query.kinds, self.kind))
        if self.source_type and self.source_type not in query.source_types:
            query = replace(query, source_types=(*query.source_types, self.source_type))
        return query
