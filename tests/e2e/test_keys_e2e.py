"""The keys less and vim users reach for, and a user's own keymap, in a real terminal."""

from __future__ import annotations

import os
import re
from pathlib import Path

from terminal import ENTER, ESCAPE, Spawn, passage_total

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

LIBRARY = "Library: 5 briefings"
TRIPS = "Central America Trips Shed Light"
CTRL_D, CTRL_U, CTRL_F, CTRL_B = "\x04", "\x15", "\x06", "\x02"
HOME, END, TAB = "\x1b[H", "\x1b[F", "\t"


def test_motions_counts_marks_and_search_in_a_briefing(spawn: Spawn) -> None:
    term = spawn(["wola-central-america-trips"], size=(30, 110))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("5", "j")
    term.wait_for(f"Passage 6 of {TOTAL}")
    term.press("1", "2", "G")
    term.wait_for(f"Passage 12 of {TOTAL}")
    term.press("g", "g")
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press(CTRL_D)
    term.wait_until(lambda s: f"Passage 1 of {TOTAL}" not in s and "Passage " in s)
    term.press(CTRL_U)
    term.press(END)
    term.wait_for(f"Passage {TOTAL} of {TOTAL}")
    term.press(HOME, CTRL_F)
    term.wait_until(lambda s: f"Passage 1 of {TOTAL}" not in s and "Passage " in s)
    term.press(CTRL_B, "g")
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("9", "j", "m", "q")  # marks are letters: q is a mark here, not quit
    term.wait_for("Mark q set")
    term.press("G", "'", "q")
    term.wait_for(f"Passage 10 of {TOTAL}")
    term.press("/")
    term.wait_for("Search in “Central America Trips")
    term.send("task force")
    term.wait_for("10 results ·")
    term.press(ENTER)
    term.wait_for("hit 4 of 10")  # the best result, fourth of the briefing's hits in reading order
    for _ in range(7):
        term.press("n")
    term.wait_for("hit 1 of 10")
    assert "wrapped around to the first hit" in term.flat_text()
    assert term.alive


def test_every_list_moves_with_j_k_g_G_home_and_end(spawn: Spawn) -> None:
    term = spawn(size=(30, 110))
    term.wait_for(LIBRARY)
    term.press("G", ENTER)  # the library's last card
    term.wait_for(TRIPS, f"Passage 1 of {TOTAL}")
    term.press("t", "G", ENTER)  # the outline's last section
    term.wait_for("section 13 of 13")
    term.press("h", "1")  # a highlight, for the notes panel
    term.wait_for("Highlighted as key finding")
    term.press("H")
    term.wait_for("Highlights and notes")
    term.press("G", "g", "j", "k", ESCAPE)
    term.press(ESCAPE)
    term.wait_for(LIBRARY)
    term.press("4")  # Pillar IV across the library
    term.wait_for("Pillar IV", "passages in")
    term.press(END, HOME, "G", ENTER)  # its last passage, in its briefing
    term.wait_for(TRIPS)
    term.press(ESCAPE, ESCAPE)
    term.wait_for(LIBRARY)
    term.press("/")
    term.send("asylum")
    term.wait_for("results")
    term.press(TAB, "G", "k", "g", "j", ENTER)  # the second result
    term.wait_for("hit ")
    term.press(ESCAPE, ESCAPE)
    term.wait_for(LIBRARY)
    term.press("C")
    term.wait_for("Coverage matrix")
    term.press("l", "j", "h", "l", ENTER)  # second source, Pillar II
    term.wait_for("Compare recommendations on", "Pillar II")
    assert term.quit() == 0


def test_a_users_keymap_works_and_shows_in_a_real_terminal(spawn: Spawn) -> None:
    config = Path(os.environ["BRIEF_TUI_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "keymap.toml").write_text('"next-passage" = "x"\n"outline" = "o"\n', "utf-8")
    term = spawn(["wola-central-america-trips"], size=(30, 110))
    term.wait_for(f"Passage 1 of {TOTAL}", "o outline")
    term.press("x", "x")
    term.wait_for(f"Passage 3 of {TOTAL}")
    term.press("?")
    screen = term.wait_for("brief-tui: keys", "next passage")
    row = next(line for line in screen.splitlines() if "next passage" in line)
    assert re.search(r"\bx\s+next passage", row), row
    term.press(ESCAPE)
    term.wait_gone("brief-tui: keys")
    assert term.quit() == 0
