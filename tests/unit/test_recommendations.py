"""Recommendation flags read the sentence: who is asked, who commits, what was done.

Every text here is written for these tests (none is quoted from a labelled document), in the
wording of organisations the pipeline has never seen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from brief_tui.cli import main
from brief_tui.corpus.clauses import subject_before
from brief_tui.corpus.imperatives import PLAIN, imperative_opening
from brief_tui.corpus.recommendations import Context, passage_contexts, recommendation_cue
from brief_tui.corpus.tagging import tag_passage


def rule(text: str, kind: str = "paragraph", context: Context | None = None) -> str | None:
    """The rule that flags `text`, or None when it is not flagged."""
    cue = recommendation_cue(text, kind, context or Context())
    return cue.rule if cue else None


# --- asks: a modal obligation on someone who can act ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Inter-American Development Bank ought to expand concessional lending to towns.",
        "Donors need to commit multi-year funding to women's shelters.",
        "Regional governments must stop deploying soldiers to police migrants.",
        "Employers should pay fair wages and respect the right to organise.",
        "At the same time, to be credible, any new compact must include labour protections.",
        "Honduras, for its part, should publish the names of vetted police units.",
        "If the region is to keep its young people, its leaders must end impunity.",
        "Civil society should be consulted before any new agreement is signed.",
        "Shielding witnesses from reprisals should be the first task of the new prosecutor.",
    ],
)
def test_a_modal_with_an_actor_or_an_action_for_subject_asks(text: str) -> None:
    assert rule(text) == "modal"


@pytest.mark.parametrize(
    "text",
    [
        "Nobody should be forced to choose between safety and home.",
        "No family should have to pay a smuggler to reach safety.",
        "Migrants must often pay smugglers thousands of dollars.",
        "Families must pay extortion to gangs or close their shops.",
        "Growth must reach the poorest households if it is to slow migration.",
        "People leave because they must.",
        "The government should have acted sooner.",
        "It should be noted that the data cover only three countries.",
        "Washington must ask why its aid failed.",
        "Should the United States fund the new prosecutor's office?",
        "It doesn't have to be this way.",
    ],
)
def test_a_modal_about_values_history_or_people_affected_does_not_ask(text: str) -> None:
    assert rule(text) is None


def test_a_question_heading_with_should_is_a_section_title() -> None:
    assert rule("What the United States should do next", "heading") is None
    assert rule("Why Congress must act on asylum", "heading") is None


# --- asks: calls, needs and proposals ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We call upon the Honduran Congress to repeal the amnesty law.",
        "The coalition urges lawmakers to reject the proposed cuts.",
        "Our organizations respectfully request that the Committee hold hearings.",
        "Amnesty advocates demanded that authorities release the detained journalists.",
        "The report recommends tripling funding for legal aid.",
        "We are encouraging foundations to support community radio.",
        "We join their call on the authorities to protect the electoral tribunal.",
        "We are asking Congress to restore the funding.",
        "Donors are strongly encouraged to pool their funds.",
        "GAO is making two recommendations to USAID, including that it assess staffing.",
        "Key recommendations include expanding legal pathways and funding shelters.",
        "The agency is appealing for $12 million to keep the shelters open.",
    ],
)
def test_calling_on_someone_asks(text: str) -> None:
    assert rule(text) == "call"


def test_praise_and_past_requests_are_not_calls() -> None:
    assert rule("Especially encouraging is the drop in deportations of children.") is None
    assert rule("The mission asked for more staff last year but received none.") is None


@pytest.mark.parametrize(
    "text",
    [
        "It is essential that the State Department restore refugee processing in the region.",
        "Lawmakers have a responsibility to protect asylum seekers.",
        "More inspectors are urgently needed in the export zones.",
        "There is an urgent need for legal aid at the border.",
        "Ending the expulsions requires, above all, a decision by the Secretary.",
        "The labour inspectorate requires more staff and vehicles.",
        "It is time for Congress to fund the asylum offices it created.",
        "The time has come to restore protection at the border.",
    ],
)
def test_a_need_put_on_someone_asks(text: str) -> None:
    assert rule(text) == "need"


@pytest.mark.parametrize(
    "text",
    [
        "Security requires functioning courts.",
        "Investment requires a minimum of predictable rules.",
        "The agency does not require field visits before grants are made.",
        "Staff are hired locally if help is needed.",
    ],
)
def test_a_thesis_or_a_finding_with_need_words_does_not_ask(text: str) -> None:
    assert rule(text) is None


def test_what_an_actor_can_do_is_a_proposal_but_what_you_can_do_informs() -> None:
    assert rule("USAID could partner with local cooperatives to deliver credit.") == "proposal"
    assert rule("Expanding temporary work visas would help reduce irregular crossings.") == (
        "proposal"
    )
    assert rule("The end of the rule does not mean that you can enter without papers.") is None
    assert rule("There are reforms that the ministry can pursue quickly.") is None
    assert rule("Below we set out how the government can keep its promise.") is None


# --- commitments ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Secretariat will publish a progress report every six months.",
        "Our foundation will match every dollar raised for legal aid.",
        "We will not tolerate threats against our staff.",
        "We are committed to ending child labour in coffee supply chains by 2027.",
        "The Government of Guatemala reaffirms its commitment to judicial independence.",
        "This year's budget request provides $60 million for violence prevention.",
        "UNHCR plans to open three new protection centres in Honduras.",
        "We are expanding our legal clinics to two more cities.",
        "The ministry pledged to hire two hundred labour inspectors.",
        "The government said it would expand the cash transfer program to 40 towns.",
        "Officials told reporters they would open two more processing centres.",
    ],
)
def test_the_authors_side_committing_to_act_is_a_commitment(text: str) -> None:
    assert rule(text) == "commitment"


@pytest.mark.parametrize(
    "text",
    [
        "Farmers will lose their harvests again if the rains fail.",
        "These reforms will disappoint unless they are funded for a decade.",
        "We hope that the courts will respect the vote.",
        "A country that cannot protect its judges will keep losing its young people.",
        "The forum sets out the priorities it will pursue in the coming year.",
        "Our survey found that most deportees intend to migrate again.",
        "The visit, intended to ease tensions, ended without an agreement.",
        "Most respondents said they would leave again.",
        "In the next section we will turn to the role of remittances.",
    ],
)
def test_forecasts_hopes_and_descriptions_are_no_commitment(text: str) -> None:
    assert rule(text) is None


# --- reported policy actions and funding ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In March, Mexico and Guatemala signed a memorandum on labour mobility.",
        "The World Bank approved a loan for rural roads in Olancho.",
        "Canada has expanded its seasonal worker program to Honduran nationals.",
        "The Department of Labor launched a new grant program for worker rights.",
        "The Salvadoran government has reopened the regional passport offices.",
        "In 2014 the United States launched a regional prosperity plan.",
        "The commission's member states agreed in May to register climate-displaced people.",
        "The premier is leading talks on a regional labour mobility framework.",
        "Three new shelters were opened in the northern provinces.",
        "The reopening of the consular offices in Tegucigalpa was welcome news.",
        "The ministry is launching a hotline for returnees.",
        "Security cooperation increased as a result of the new initiative.",
    ],
)
def test_a_government_acting_on_policy_is_reported(text: str) -> None:
    assert rule(text) == "announcement"


@pytest.mark.parametrize(
    "text",
    [
        "In 2017, the government dissolved the anti-corruption unit.",
        "The minister met with civil society leaders on Tuesday.",
        "The framework, launched by both governments in 2021, established new dialogues.",
        "Gangs have expanded their control over bus routes.",
        "Violence against women increased sharply during the pandemic.",
        "The country's courts, which had provided some protection, were purged.",
        "The congress has not approved the budget.",
        "Critics doubt the measure will reduce crossings if implemented as written.",
        "In 2021, only 3 percent of the funds had been disbursed.",
        "USAID has not developed a plan to monitor the grants.",
        "Police in the capital have arrested dozens of gang leaders.",
        "The congress approved a law that criminalises foreign-funded NGOs.",
        "In 2020 the government extended the state of emergency for another year.",
    ],
)
def test_history_meetings_and_describing_clauses_are_not_reported_actions(text: str) -> None:
    assert rule(text) is None


def test_money_for_a_programme_is_funding_but_money_as_a_statistic_is_not() -> None:
    assert rule("A two-year, €12 million programme for returnees in the north.") == "funding"
    assert rule("An initial $3 million in grants for community radio stations.") == "funding"
    assert rule("A package of loans and guarantees for small coffee growers.", "item") == (
        "funding"
    )
    assert rule("Remittances rose to $21 billion in 2023, a record.") is None
    assert rule("Annual trade between the two countries is worth $80 billion.") is None
    assert rule("Between 2015 and 2020 the country received $3.6 billion in aid.") is None


# --- imperatives: any English verb, weighed by what follows it ---------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Guarantee safe passage for unaccompanied children.", "Guarantee"),
        ("Reinstate the family reunification program without delay.", "Reinstate"),
        ("Understand remittances as a household insurance policy.", "Understand"),
        ("Pair every new border measure with a protection measure.", "Pair"),
        ("Commit to a ten-year horizon for the justice sector.", "Commit"),
        ("Fully fund the vetting of police units.", "fund"),
        ("Do not condition emergency food aid on deportation figures.", "Do"),
        ("3. Broaden eligibility for humanitarian parole.", "Broaden"),
        ("**Labour rights.** Double the number of inspectors in export farms.", "Double"),
    ],
)
def test_any_verb_opening_an_item_is_an_imperative(text: str, verb: str) -> None:
    opening = imperative_opening(text)
    assert opening is not None and opening.verb == verb and opening.strength == PLAIN
    assert rule(text, "item") == "imperative"


@pytest.mark.parametrize(
    "text",
    [
        "Congress has cut the account twice since 2019.",
        "Women described threats from partners and gangs.",
        "Figure 2. Asylum requests by country, 2015-2023",
        "Source: national police, homicide data for 2023",
        "Pillar III: Promoting respect for human rights and labor rights",
        "Report Corruption and Abuse in the Public Sector",
        "Download the full report (PDF, 2 MB)",
        "Learn more about our work in Honduras and Guatemala.",
        "Share this page with your friends and colleagues",
        "Home | About | Programs | Donate | Contact",
        "March 14, 2024 | Press release",
        "Take the case of a coffee farmer in Copán.",
        "Ask any farmer in the Dry Corridor and you will hear the same story.",
        "While the talks stalled, deportations continued.",
    ],
)
def test_findings_labels_menus_and_rhetoric_are_not_imperatives(text: str) -> None:
    assert rule(text, "item") is None


def test_a_verb_that_is_also_a_noun_is_read_by_its_neighbours() -> None:
    topics = ["Police reform in the northern provinces", "Research shows that aid works"]
    advice = ["Fund shelters for survivors in every department", "Reject any cut to legal aid"]
    for items in (topics, advice):
        blocks = [("paragraph", "Our priorities are these.")] + [("item", t) for t in items]
        contexts = passage_contexts([("Introduction", blocks)])[0]
        flags = [rule(t, "item", c) for t, c in zip(items, contexts[1:], strict=True)]
        assert flags == ([None, None] if items is topics else ["imperative", "imperative"])


def test_a_noun_like_heading_is_a_title_unless_written_as_a_sentence() -> None:
    assert rule("Key cooperation on forensic identification", "heading") is None
    assert rule("Shift aid from central ministries to municipalities.", "heading") == "imperative"


def test_a_paragraph_opening_with_a_plain_imperative_recommends() -> None:
    text = "Sequence security before scale. Investors will not come where every shop pays rent."
    assert rule(text) is None  # 'Sequence' may be a noun: the section decides
    under = Context(section="3. What Washington should do")
    assert rule(text, "paragraph", under) == "imperative"
    assert rule("Restore the asylum offices at the border. They closed in 2020.") == "imperative"


# --- where a passage stands: lead-ins and addressees -------------------------------------------


def test_items_continue_a_recommending_lead_in() -> None:
    items = [
        "applicants whose cases were closed before 2020;",
        "siblings of children already admitted.",
    ]
    recommending = [("paragraph", "The changes announced today cover the following groups:")]
    describing = [("paragraph", "The prosecutor's office has targeted three groups:")]
    for lead, expected in ((recommending, "lead-in"), (describing, None)):
        blocks = lead + [("item", t) for t in items]
        contexts = passage_contexts([("Introduction", blocks)])[0]
        assert [rule(t, "item", c) for t, c in zip(items, contexts[1:], strict=True)] == [
            expected,
            expected,
        ]


def test_an_addressee_label_makes_the_items_under_it_advice() -> None:
    item = "Back crop insurance for smallholders in the Dry Corridor."
    blocks = [("paragraph", "For donors and the private sector:"), ("item", item)]
    context = passage_contexts([("Recommendations", blocks)])[0][1]
    assert context.lead_in == "For donors and the private sector:"
    assert rule(item, "item", context) == "imperative"


def test_subjects_are_found_behind_introductory_phrases_and_relative_clauses() -> None:
    sentence = "Governments that jail reporters, purge judges and ban protests should lose aid."
    subject = subject_before(sentence, sentence.index("should"))
    assert (subject.head, subject.kind) == ("Governments", "actor")
    sentence = "In 2019 the government closed the offices"
    assert subject_before(sentence, sentence.index("closed")).kind == "actor"
    sentence = "Stability requires investment"
    assert subject_before(sentence, sentence.index("requires")).kind == "abstract"


# --- the flag with its reason, and the pillar tagger's hint -------------------------------------


def test_each_flag_says_which_rule_and_which_words() -> None:
    tagging = tag_passage("The ministry will reopen the regional inspection offices.", "paragraph")
    assert tagging.recommendation
    assert str(tagging.why[-1]) == "recommendation: commitment (“The ministry will”)"
    tagging = tag_passage("We therefore urge the Committee to fund legal aid.", "paragraph")
    assert str(tagging.why[-1]) == "recommendation: call (“urge”)"


def test_the_pillar_tagger_hears_asks_but_not_reports() -> None:
    listing = "poverty, inequality, and violence"
    asked = tag_passage(f"Congress should act now: {listing} remain high.", "paragraph")
    reported = tag_passage(f"USAID announced that {listing} remain high.", "paragraph")
    assert asked.pillars == ("I", "IV")  # what the passage asks about
    assert reported.pillars == ()  # a stock list of root causes, framing the report


def test_the_lexicon_loads_only_when_a_passage_is_tagged() -> None:
    code = (
        "import sys\n"
        "import brief_tui.tui.app, brief_tui.cli, brief_tui.corpus.ingest\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('lemminflect', 'numpy')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


BRIEF = """Safe Harvests: A Ministry Plan for Rural Work

Most young people in the highlands leave because the harvest no longer pays.

In 2018 the previous government closed the rural employment offices.

The Ministry will reopen the rural employment offices by March.

Last year the development bank approved a loan for irrigation in three provinces.

Nobody should have to leave home to find work.

We ask donors to fund seasonal credit for five years.

Our priorities for partners:

- Guarantee a fair price for coffee sold through cooperatives.
- Pair every new visa scheme with enforceable labour rights.
"""


def test_a_brief_added_by_a_person_is_flagged_sentence_by_sentence(
    tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "harvests.txt"
    source.write_text(BRIEF, encoding="utf-8")
    assert main(["add", str(source)]) == 0
    capsys.readouterr()
    assert main(["passages", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    flags = {r["text"][:30]: r["recommendation"] for r in records if r["seed"] == "harvests.txt"}
    assert flags == {
        "Most young people in the highl": False,
        "In 2018 the previous governmen": False,
        "The Ministry will reopen the r": True,
        "Last year the development bank": True,
        "Nobody should have to leave ho": False,
        "We ask donors to fund seasonal": True,
        "Our priorities for partners:": False,
        "Guarantee a fair price for cof": True,
        "Pair every new visa scheme wit": True,
    }
