"""kind: and type: in the query language, and the kind and who in citations and tags."""

from brief_tui.corpus.citation import citation
from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.model import Library
from brief_tui.export.markdown import recommendation_tag
from brief_tui.search import SearchIndex, library_entries, parse_query

ADVOCATE = """\
Shelters Are Full

By Marta Iriarte, Lakeside Refugee Network

We urge Congress to fund shelters for asylum seekers along the route.

Families waited three weeks for a bed in January.

Last week USAID announced new funding for asylum shelters in the south.
"""
MINISTRY = """\
Ministry of Labour and Social Welfare

Labour Ministry Opens Shelter Jobs Programme

The Ministry will fund 200 jobs in asylum shelters this year.
"""


def library() -> Library:
    return Library(
        (
            build_document(ADVOCATE, "shelters.txt", Curation(), origin="user"),
            build_document(MINISTRY, "ministry.txt", Curation(), origin="user"),
        )
    )


def test_kind_and_type_are_filters_and_a_prefix_is_enough() -> None:
    query = parse_query("shelters kind:c type:gov ")
    assert query.kinds == ("commitment",) and query.source_types == ("government",)
    assert query.words == ("shelters",)
    assert parse_query("kind:wish shelters ").words == ("kind", "wish", "shelters")


def test_search_keeps_only_the_kind_and_source_type_asked_for() -> None:
    index = SearchIndex.build(library_entries(library()))

    def found(text: str) -> list[str]:
        return [hit.entry.text for hit in index.search(text + " ")]

    asks = found("asylum kind:ask")
    assert asks == ["We urge Congress to fund shelters for asylum seekers along the route."]
    reports = found("asylum kind:reported")
    assert reports and all("USAID announced" in t for t in reports)
    government = found("asylum type:government")
    assert government and all("Ministry will fund" in t for t in government)
    assert found("asylum kind:commitment type:advocacy") == []
    ministry = library().documents[1]
    pledge = next(p for _, p in ministry.passages() if p.recommendation)
    assert (pledge.recommendation_kind, pledge.actor) == (
        "commitment",
        "Ministry of Labour and Social Welfare",
    )


def test_a_citation_and_a_tag_say_the_kind_and_who() -> None:
    doc = library().documents[0]
    section, ask = next((s, p) for s, p in doc.passages() if p.text.startswith("We urge"))
    assert citation(doc, section, ask).endswith(f"passage {ask.id} (ask · Congress).")
    assert recommendation_tag(ask) == "#recommendation/ask"
    plain = next(p for _, p in doc.passages() if not p.recommendation)
    assert citation(doc, section, plain).endswith(f"passage {plain.id}.")
