import pytest

from brief_tui.corpus.tagging import tag_passage


@pytest.mark.parametrize(
    ("text", "pillars"),
    [
        ("The United States should suspend military and police assistance to Honduras.", ("IV",)),
        (
            "Prioritize anti-impunity, rule of law, and governance reforms in Central America.",
            ("II",),
        ),
        ("Support evidence-based employment creation and job training programs.", ("I",)),
        (
            "A $130 million investment in supporting labor reforms and addressing child and forced labor.",
            ("III",),
        ),
        ("Ensure access to asylum in Mexico.", ("P",)),
        ("Pillar V: Combating sexual, gender-based, and domestic violence", ("V",)),
        ("Pillar IV: Countering and preventing violence, extortion, and other crimes", ("IV",)),
        ("Survivors of gender-based violence need shelters.", ("V",)),
        ("It doesn’t have to be this way.", ()),
    ],
)
def test_pillar_tags(text: str, pillars: tuple[str, ...]) -> None:
    assert tag_passage(text, "paragraph").pillars == pillars


def test_gender_violence_is_not_also_general_violence() -> None:
    assert (
        "IV"
        not in tag_passage("Combating domestic violence and sexual violence.", "paragraph").pillars
    )


def test_every_tag_is_explained_with_its_words() -> None:
    tagging = tag_passage(
        "The United States should restore aid to fight corruption and poverty.", "paragraph"
    )
    assert tagging.pillars == ("I", "II")
    assert str(tagging.why[0]) == "I: mentions “poverty”"
    assert str(tagging.why[1]) == "II: mentions “corruption”"
    assert str(tagging.why[2]) == "recommendation: modal (“should”)"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The United States should restore aid to the region.", "paragraph", True),
        ("We applaud the willingness and urge it to go deeper.", "paragraph", True),
        ("Target assistance to expand community-level programs.", "item", True),
        ("Restore critical aid that will improve conditions.", "heading", True),
        ("A $40 million, three-year initiative for young women.", "item", True),
        (
            "The administration announced the creation of an anti-corruption task force.",
            "paragraph",
            True,
        ),
        ("President Trump has cut off hundreds of millions of dollars in aid.", "paragraph", False),
        ("Guatemala’s leaders killed a highly successful initiative in 2019.", "paragraph", False),
        ("Executive Summary", "item", False),
        ("Collaborating with Mexico", "heading", False),
    ],
)
def test_recommendation_flag(text: str, kind: str, expected: bool) -> None:
    tagging = tag_passage(text, kind)
    assert tagging.recommendation is expected
    assert any(w.tag == "recommendation" for w in tagging.why) is expected


def test_office_names_are_not_topics() -> None:
    text = (
        "The State Department’s Bureaus for International Narcotics and Law Enforcement and "
        "Democracy, Human Rights, and Labor have supported the search for the disappeared."
    )
    assert tag_passage(text, "paragraph").pillars == ("III",)


def test_quoted_words_alone_do_not_make_a_topic() -> None:
    text = (
        "The task force will address “the threats posed by corruption” as well as smuggling "
        "networks that prey on migrants."
    )
    assert tag_passage(text, "paragraph").pillars == ("IV",)


def test_a_stock_list_of_root_causes_frames_rather_than_tags() -> None:
    framing = "Many migrants are motivated by spiraling poverty, inequality, and violence."
    assert tag_passage(framing, "paragraph").pillars == ()
    asking = "The United States should fund programs on corruption, poverty, and violence."
    assert tag_passage(asking, "paragraph").pillars == ("I", "II", "IV")


def test_law_enforcement_against_corruption_is_pillar_ii() -> None:
    text = "We will launch a task force of prosecutors and law enforcement experts to investigate corruption cases."
    assert tag_passage(text, "paragraph").pillars == ("II",)


def test_questions_and_adjectival_announcements_are_not_recommendations() -> None:
    assert not tag_passage(
        "What additional steps are needed to address migration", "paragraph"
    ).recommendation
    assert not tag_passage(
        "The visit culminated a series of announced actions.", "paragraph"
    ).recommendation
    assert tag_passage(
        "She is “committed to making sure we provide a safe haven.”", "paragraph"
    ).recommendation
