"""Pillar tags from the pillars' own vocabulary, weighed, with a careful reader's restraints.

The texts are written for these tests in the wording policy documents use in general; none is
taken from the seeds or the labelled sets.
"""

from __future__ import annotations

import json
import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from brief_tui.cli import main
from brief_tui.corpus.pillar_tags import tag_pillars
from brief_tui.corpus.pillar_vocabulary import build_vocabulary, term_pattern, vocabulary
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.reasons import Reason
from brief_tui.corpus.tagging import tag_passage


def pillars(text: str, asks: bool = False) -> tuple[str, ...]:
    return tag_pillars(text, asks)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Border management must become humane, orderly and fast.", ("P",)),
        ("Securing our borders cannot mean turning away people who ask for asylum.", ("P",)),
        ("Processing capacity at the ports has not kept pace with arrivals for a decade.", ("P",)),
        ("Deterrence has not reduced irregular crossings in any year we studied.", ("P",)),
        ("Designate the country for Temporary Protected Status without further delay.", ("P",)),
        ("Expand seasonal work visas and family reunification for the region's families.", ("P",)),
        ("Donors should back civil society groups that monitor public spending.", ("II",)),
        ("We will work with our democratic partners to protect the coming elections.", ("II",)),
        ("Judges and prosecutors need protection from reprisals for their rulings.", ("II",)),
        ("Fund climate adaptation for smallholder farmers in the Dry Corridor.", ("I",)),
        ("Remittances now exceed exports and foreign direct investment combined.", ("I",)),
        ("Labour inspectors should visit every export farm at least once a year.", ("III",)),
        ("Reporters who cover local land disputes are often threatened or sued.", ("III",)),
        ("Expand community violence prevention programmes in the poorest districts.", ("IV",)),
        ("Street gangs charge shopkeepers a weekly extortion fee.", ("IV",)),
        ("Open shelters and hotlines for survivors of domestic violence.", ("V",)),
        ("Femicide cases rarely reach a courtroom in the capital.", ("V",)),
        ("Many women told us they left because of violence by a partner.", ("V",)),
        ("The port city took in 30,000 returned migrants last year.", ("P",)),
        ("Half of the displaced households had moved twice inside the country.", ("P",)),
        ("Workers who try to join a union at the plant are fired within weeks.", ("III",)),
        ("Officials recorded 9,000 encounters with people in an irregular situation.", ("P",)),
        ("The conference will open with a welcome from the host.", ()),
    ],
)
def test_ordinary_policy_wording_is_tagged(text: str, expected: tuple[str, ...]) -> None:
    assert pillars(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anti-corruption units need steady funding.",
        "Anticorruption units need steady funding.",
        "Anti corruption units need steady funding.",
    ],
)
def test_a_hyphen_in_a_term_matches_a_hyphen_a_space_or_nothing(text: str) -> None:
    assert pillars(text) == ("II",)


def test_a_space_in_a_term_matches_a_hyphen_and_a_plural_is_allowed() -> None:
    assert pillars("Ten-year justice-sector support.") == ("II",)
    assert re.fullmatch(term_pattern("refugee camp"), "refugee-camps", re.IGNORECASE)
    assert re.fullmatch(term_pattern("corrupt*"), "corruption", re.IGNORECASE)
    assert not re.search(term_pattern("gang"), "gangway", re.IGNORECASE)


def test_a_term_in_capitals_is_matched_as_written() -> None:
    assert pillars("Frost and ICE damaged the coffee crop.") == ("I", "P")
    assert pillars("Frost and ice damaged the coffee crop.") == ("I",)


def test_the_longer_of_two_overlapping_terms_counts() -> None:
    assert pillars("Food security has worsened in every province this year.") == ("I",)
    assert pillars("It is in our national security interest to help.") == ()


def test_terms_of_two_pillars_that_overlap_both_count() -> None:
    assert pillars("Prosecutors ignore violent crimes against migrants in transit.") == (
        "II",
        "IV",
        "P",
    )


def test_a_passing_mention_is_dwarfed_by_the_subject() -> None:
    about_asylum = (
        "People fleeing violence must be able to reach asylum officers, refugee protection "
        "and legal pathways without waiting months at ports of entry."
    )
    assert pillars(about_asylum) == ("P",)
    # Two distinct words of a second pillar make it a second subject, not a passing mention.
    two_subjects = (
        "People fleeing gangs and extortion must be able to reach asylum officers, refugee "
        "protection and legal pathways without waiting months at ports of entry."
    )
    assert pillars(two_subjects) == ("IV", "P")


def test_a_few_words_in_a_passage_about_something_else_are_dwarfed_too() -> None:
    text = (
        "Prosecutors charged the minister with embezzling funds meant for schools and "
        "healthcare; the anti-corruption unit, the attorney general and an independent "
        "judiciary are needed to end impunity and restore the rule of law."
    )
    assert pillars(text) == ("II",)


def test_weak_words_alone_do_not_make_a_subject_except_in_a_heading() -> None:
    long_sentence = "Many families cross the border each year and describe the journey in detail."
    assert pillars(long_sentence) == ()
    assert pillars("Border") == ("P",)
    # ... unless the heading names another pillar outright.
    assert pillars("Women in the workforce") == ("I",)


def test_names_of_offices_committees_and_conferences_are_not_topics() -> None:
    assert (
        pillars(
            "The Subcommittee on Western Hemisphere, Transnational Crime, Civilian Security, "
            "Democracy, Human Rights, and Global Women's Issues held its annual budget hearing."
        )
        == ()
    )
    assert pillars("THE SUBCOMMITTEE ON CRIME, CIVILIAN SECURITY AND DEMOCRACY MET TODAY.") == ()
    assert pillars("Ministers met at the Regional Conference on Employment and Migration.") == ()


def test_partners_listed_as_actors_are_not_topics() -> None:
    listed = (
        "The plan was written with governments, businesses, foundations, universities and "
        "civil society over eight months of meetings."
    )
    assert pillars(listed) == ()
    assert pillars("Fund civil society groups that hold governments to account.") == ("II",)


def test_whoever_is_called_on_is_an_actor_not_a_topic() -> None:
    text = "We urge the private sector to adopt ethical recruitment and end recruitment fees."
    assert pillars(text, asks=True) == ("III",)
    # What the addressee is asked to do is the topic.
    assert pillars("We urge donors to fund civil society monitors.", asks=True) == ("II",)


def test_a_stock_list_acted_on_is_what_the_passage_is_about() -> None:
    acted_on = (
        "The grant lets local groups address the root causes of migration, such as poverty, "
        "corruption, and violence."
    )
    assert pillars(acted_on) == ("I", "II", "IV")
    framing = "Families described how poverty, corruption, and violence shaped their choices."
    assert pillars(framing) == ()


def test_a_stock_list_named_as_a_cause_frames_even_a_call_for_action() -> None:
    text = "We must acknowledge the part our trade policy played in fueling poverty and violence."
    assert pillars(text, asks=True) == ()
    assert pillars("Donors should fund work on poverty and violence.", asks=True) == ("I", "IV")


def test_a_stated_objective_frames_rather_than_tags() -> None:
    objective = "The plan's objective is a democratic, prosperous and safe region for everyone."
    assert pillars(objective) == ()


def test_the_reason_lists_the_words_heaviest_first() -> None:
    tagged, why = tag_pillars("The border stays closed to asylum seekers and refugees this year.")
    assert tagged == ("P",)
    assert why == [Reason("P", "mentions", ("asylum seekers", "refugees", "border"))]
    assert str(why[0]) == "P: mentions “asylum seekers”, “refugees”, “border”"


def test_an_acronym_is_shown_as_written() -> None:
    _, why = tag_pillars("Funding for GBV prevention doubled.")
    assert why == [Reason("V", "mentions", ("GBV",))]


def test_every_group_of_the_vocabulary_names_its_source() -> None:
    path = files("brief_tui.corpus").joinpath("pillar_vocabulary.toml")
    text = path.read_text("utf-8")
    data = tomllib.loads(text)
    assert set(PILLAR_IDS) <= set(data)
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if re.match(r"^\[(I|II|III|IV|V|P)\.\w+\]$", line)]
    assert len(headers) >= 18
    for i in headers:
        comment = lines[i + 1]
        assert comment.startswith("# ") and ("Strategy" in comment or "policy" in comment), lines[i]


def test_every_term_compiles_and_matches_itself() -> None:
    data = tomllib.loads(files("brief_tui.corpus").joinpath("pillar_vocabulary.toml").read_text())
    for pillar in PILLAR_IDS:
        for group in data[pillar].values():
            for strength in ("strong", "medium", "weak"):
                for term in group.get(strength, []):
                    sample = term.replace("*", "")
                    assert re.fullmatch(term_pattern(term), sample, re.IGNORECASE), term
    assert vocabulary().find("asylum")


def test_a_vocabulary_is_built_from_its_data() -> None:
    words = build_vocabulary(
        {"I": {"growth": {"strong": ["cacao"]}}, "neutral": {"names": {"terms": ["cacao fund"]}}}
    )
    assert [f.term.pillar for f in words.find("cacao exports")] == ["I"]
    assert words.find("the cacao fund") == []


def test_added_documents_carry_weighed_tags_with_their_words(capsys, tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(
        "Notes on the Northern Border\n\n"
        "Border management at the ports needs processing capacity and more asylum officers.\n\n"
        "We urge the private sector to adopt ethical recruitment for seasonal workers.\n",
        encoding="utf-8",
    )
    assert main(["add", str(memo)]) == 0
    capsys.readouterr()
    assert main(["passages", "--json", "--document", "notes-northern-border"]) == 0
    rows = {r["text"][:16]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["Border managemen"]["pillars"] == ["P"]
    assert rows["We urge the priv"]["pillars"] == ["III", "P"]
    tagging = tag_passage(rows["Border managemen"]["text"], "paragraph")
    assert [str(w) for w in tagging.why if w.tag == "P"] == [
        "P: mentions “border management”, “processing capacity”, “asylum officers”"
    ]
