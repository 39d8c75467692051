"""Reader friction a less/vim user meets at once, checked in a real terminal at 80x24."""

from __future__ import annotations

from terminal import DOWN, ENTER, Spawn, pillar_counts

TRIPS_HERE, _ = pillar_counts()

LIBRARY = "Library: 5 briefings"


def test_filter_start_list_ends_and_the_partial_badge_at_80x24(spawn: Spawn) -> None:
    term = spawn(size=(24, 80))
    term.wait_for(LIBRARY)
    term.press("G")  # the last card: the WOLA commentary
    term.press(ENTER)
    term.wait_for("Central America Trips Shed Light", "Passage 1 of")
    term.press(*"j" * 25)
    term.wait_for("Passage 26 of")
    term.press("2")  # a filter starts at its first passage, on screen
    screen = term.wait_for("Filtered: Pillar II", f"Passage 1 of {TRIPS_HERE['II']}")
    assert "Promising investments and support for anti-corruption" in term.flat_text(), screen

    term.press("q")
    term.wait_exit()
    again = spawn(size=(24, 80))
    again.wait_for(LIBRARY)
    again.press("g", DOWN, DOWN, ENTER)  # the Strategy, a partial excerpt
    lines = again.wait_for("U.S. Strategy for Addressing").splitlines()
    assert "PARTIAL EXCERPT" in lines[0]
