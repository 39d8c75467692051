"""Who recommends what to whom: asks, commitments and reported actions, with their actor and
addressee, as a reader gets them after `add` (texts written for these tests)."""

from pathlib import Path

import pytest

from brief_tui.corpus.contentfile import parse_document, render_document
from brief_tui.corpus.curation import Curation, parse_curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.model import Document, Passage
from brief_tui.corpus.source_types import source_type


def build(text: str, name: str = "doc.txt", curation: Curation | None = None) -> Document:
    return build_document(text, name, curation or Curation(), origin="user")


def passage(doc: Document, start: str) -> Passage:
    return next(p for _, p in doc.passages() if p.text.startswith(start))


COMMENTARY = """\
Harvest Visits Leave the Hard Questions Open

By Marta Iriarte, Lakeside Refugee Network

Last week USAID announced a $40 million, three-year initiative for coffee cooperatives in the western highlands.

The administration has cut legal aid at the border twice this year. It should restore that funding before the summer.

We urge Congress to fund asylum officers for at least five years, not one budget at a time.

Lakeside Refugee Network will publish a monthly tracker of shelter capacity from March.

UNHCR called on the United States to end expulsions at the border without a hearing.
"""


def test_an_advocates_text_asks_commits_and_reports_with_who() -> None:
    doc = build(COMMENTARY, "harvest-visits.txt")
    assert doc.source_type == "advocacy"
    reported = passage(doc, "Last week USAID announced")
    assert (reported.recommendation_kind, reported.actor) == ("reported", "U.S. government")
    pronoun = passage(doc, "The administration has cut")
    assert (pronoun.recommendation_kind, pronoun.addressee) == ("ask", "U.S. government")
    ask = passage(doc, "We urge Congress")
    assert (ask.recommendation_kind, ask.addressee, ask.actor) == ("ask", "Congress", "Congress")
    own = passage(doc, "Lakeside Refugee Network will publish")
    assert own.recommendation_kind == "commitment"
    assert own.actor and "Lakeside Refugee Network" in own.actor
    relayed = passage(doc, "UNHCR called on")
    assert relayed.recommendation_kind == "reported"
    assert relayed.actor == "multilateral bodies" and relayed.addressee == "U.S. government"
    assert any(r.tag == "kind" and "Congress" in str(r) for r in ask.why)  # `i` says why


RELEASE = """\
For Immediate Release

Media contact: press@usaid.gov

USAID Announces Support for Survivors of Violence in Honduras

TEGUCIGALPA — USAID will provide $12 million over three years to shelters and legal clinics for survivors of violence.

The Government of Honduras pledged to open four new specialised prosecutors' offices this year.

The program provides psychosocial care and safe housing in six municipalities.
"""


def test_a_governments_release_commits_its_own_side_and_reports_the_other() -> None:
    doc = build(RELEASE, "usaid-honduras.txt")
    assert doc.source_type == "government"
    own = passage(doc, "TEGUCIGALPA")
    assert (own.recommendation_kind, own.actor) == ("commitment", "U.S. government")
    other = passage(doc, "The Government of Honduras pledged")
    assert (other.recommendation_kind, other.actor) == ("reported", "Honduras")
    programme = passage(doc, "The program provides")
    assert programme.recommendation_kind == "commitment"


LISTS = """\
What Washington and Its Partners Should Do

The region's governments have asked for patience, and donors for results.

For Congress:

- Fund labour inspection in export agriculture for at least five years.
- Require a yearly report on prosecutions of officials.

To donors and the private sector:

- Back crop insurance for smallholder farmers in the Dry Corridor.
"""


def test_an_imperative_takes_the_addressee_its_list_names() -> None:
    doc = build(LISTS, "partners.txt")
    fund = passage(doc, "Fund labour inspection")
    assert (fund.recommendation_kind, fund.addressee) == ("ask", "Congress")
    assert passage(doc, "Require a yearly").addressee == "Congress"
    assert passage(doc, "Back crop insurance").addressee == "donors"


MEMO = """\
Five Decisions for the First Hundred Days

To: The incoming administration
From: Policy staff

Recommendations

- Double the number of asylum officers at the border.
- Keep the regional processing offices open.
"""


def test_a_memo_header_names_whom_its_recommendations_are_for() -> None:
    doc = build(MEMO, "memo.txt")
    item = passage(doc, "Double the number")
    assert (item.recommendation_kind, item.addressee) == ("ask", "U.S. government")


def test_passages_that_recommend_nothing_carry_no_kind_or_parties() -> None:
    doc = build(COMMENTARY, "harvest-visits.txt")
    for _, p in doc.passages():
        if not p.recommendation:
            assert (p.recommendation_kind, p.actor, p.addressee) == (None, None, None)


def test_kind_parties_and_source_type_survive_the_content_file() -> None:
    doc = build(COMMENTARY, "harvest-visits.txt")
    text = render_document(doc, "test")
    assert 'source_type = "advocacy"' in text and 'recommendation_kind = "ask"' in text
    again = parse_document(text, "x.toml")
    assert again.source_type == "advocacy"
    assert [(p.recommendation_kind, p.actor, p.addressee) for _, p in again.passages()] == [
        (p.recommendation_kind, p.actor, p.addressee) for _, p in doc.passages()
    ]


def test_a_curator_corrects_kind_parties_and_source_type(tmp_path: Path) -> None:
    doc = build(COMMENTARY, "harvest-visits.txt")
    target = passage(doc, "We urge Congress")
    curation = parse_curation(
        '[seeds."harvest-visits.txt"]\nsource_type = "research"\n\n'
        f'[passages."{target.id}"]\nrecommendation_kind = "commitment"\n'
        'actor = "Lakeside Refugee Network"\naddressee = ""\nnote = "they fund it themselves"\n'
    )
    fixed = build(COMMENTARY, "harvest-visits.txt", curation)
    assert fixed.source_type == "research"
    changed = passage(fixed, "We urge Congress")
    assert changed.recommendation_kind == "commitment"
    assert (changed.actor, changed.addressee) == ("Lakeside Refugee Network", None)
    assert any("curator" in str(r) and r.tag == "kind" for r in changed.why)


@pytest.mark.parametrize(
    "bad",
    [
        '[passages."p-12345678"]\nrecommendation_kind = "wish"\n',
        '[seeds."a.txt"]\nsource_type = "blog"\n',
        '[passages."p-12345678"]\nactor = 3\n',
    ],
)
def test_a_wrong_kind_or_type_in_curation_is_one_clear_error(bad: str) -> None:
    with pytest.raises(ValueError, match="must be"):
        parse_curation(bad)


@pytest.mark.parametrize(
    ("organisations", "kind", "expected"),
    [
        (("Ministry of Labour and Social Welfare",), "document", "government"),
        (("Secretaría de Relaciones Exteriores",), "document", "government"),
        (("Congressional Research Service",), "document", "government"),
        (("International Organization for Migration",), "document", "multilateral"),
        (("The Ridgeline Courier",), "document", "media"),
        (("Northbridge Institute for Hemispheric Studies",), "document", "research"),
        (("Lakeside Refugee Network",), "document", "advocacy"),
        (("Washington Office on Latin America",), "commentary", "advocacy"),
        ((), "joint statement", "advocacy"),
        ((), "document", "other"),
    ],
)
def test_source_type_from_how_a_body_names_itself(
    organisations: tuple[str, ...], kind: str, expected: str
) -> None:
    assert source_type(organisations, kind) == expected
