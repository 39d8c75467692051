"""The reading position survives opening a search result: the briefing reopens where the
reader last was, not where an older screen of the same briefing was left."""

from __future__ import annotations

from terminal import ENTER, Spawn, passage_total

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

DOC = "wola-central-america-trips"


def test_position_after_opening_a_search_hit_then_quitting(spawn: Spawn) -> None:
    term = spawn([DOC], size=(40, 120))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("/")
    term.wait_for("Search")
    term.send("reinvigorate the fight")
    term.wait_for("reinvigorate")
    term.press(ENTER)  # a second screen of the same briefing, above the first
    term.wait_for(f"Passage 21 of {TOTAL}", "hit 1 of")
    term.press("j")
    term.wait_for(f"Passage 22 of {TOTAL}")
    term.press("j")
    term.wait_for(f"Passage 23 of {TOTAL}")
    assert term.quit() == 0

    again = spawn([DOC], size=(40, 120))
    again.wait_for(f"Passage 23 of {TOTAL}")
    assert again.quit() == 0


def test_position_after_going_back_from_a_search_hit(spawn: Spawn) -> None:
    """Back on the first screen, the reader is where that screen shows: it reopens there."""
    term = spawn([DOC], size=(40, 120))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("j", "j", "j")
    term.wait_for(f"Passage 4 of {TOTAL}")
    term.press("/")
    term.wait_for("Search")
    term.send("reinvigorate the fight")
    term.wait_for("reinvigorate")
    term.press(ENTER)
    term.wait_for(f"Passage 21 of {TOTAL}", "hit 1 of")
    term.press("j")
    term.wait_for(f"Passage 22 of {TOTAL}")
    term.press("\x1b")  # back to the results
    term.wait_gone(f"Passage 22 of {TOTAL}")
    term.press("\x1b")  # and to the first screen
    term.wait_for(f"Passage 4 of {TOTAL}")
    assert term.quit() == 0

    again = spawn([DOC], size=(40, 120))
    again.wait_for(f"Passage 4 of {TOTAL}")
    assert again.quit() == 0
