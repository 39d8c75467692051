"""Notes survive a restart: highlight, annotate, bookmark, quit, reopen, find them all."""

from __future__ import annotations

from terminal import ENTER, ESCAPE, Spawn, passage_total

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

DOC = "wola-central-america-trips"


def test_highlight_annotate_bookmark_then_find_them_after_a_restart(spawn: Spawn) -> None:
    term = spawn([DOC], size=(40, 120))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("j")
    term.wait_for(f"Passage 2 of {TOTAL}")
    term.press("h")
    term.wait_for("Highlight as")
    term.press("3")  # disagree
    term.wait_for("Highlighted as disagree")
    term.press("a")
    term.wait_for("^s saves")
    term.send("Ask WOLA for the source.")
    term.press("\x13")  # ctrl+s
    term.wait_for("Note saved")
    term.press("j", "M")  # M names a bookmark; m then a letter sets a mark
    term.wait_for("Bookmark this passage")
    term.send("trips list")
    term.press(ENTER)
    term.wait_for("Bookmarked as “trips list”")
    assert term.quit() == 0

    again = spawn([DOC], size=(40, 120))
    again.wait_for(f"Passage 3 of {TOTAL}")  # reopened where it was left
    again.press("k")
    again.wait_for(f"Passage 2 of {TOTAL}", "✎ disagree")
    again.press("H")
    again.wait_for("Highlights and notes", "Ask WOLA for the source.", "disagree")
    again.press(ESCAPE)
    again.wait_gone("Highlights and notes")
    again.press("'", "'")  # in a briefing, '' lists bookmarks (' and a letter jumps to a mark)
    again.wait_for("trips list")
    again.press(ENTER)
    again.wait_for(f"Passage 3 of {TOTAL}")
    assert again.quit() == 0
