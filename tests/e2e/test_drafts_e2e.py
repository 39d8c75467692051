"""A note being written survives the process being killed, and SIGTERM or SIGHUP close the
reader properly: the terminal is restored and the draft kept."""

from __future__ import annotations

import os
import signal

import pytest
from terminal import Spawn, passage_total

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

DOC = "wola-central-america-trips"
WORDS = "Unsaved thoughts on the task force"


def start_a_note(spawn: Spawn):
    term = spawn([DOC], size=(40, 120))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("j")
    term.wait_for(f"Passage 2 of {TOTAL}")
    term.press("a")
    term.wait_for("^s saves")
    term.send(WORDS)
    term.wait_for(WORDS)
    return term


def reopen_and_find_the_draft(spawn: Spawn) -> None:
    again = spawn([DOC], size=(40, 120))
    again.wait_for("1 unsaved note draft", f"Passage 2 of {TOTAL}")  # reopened where it was left
    again.press("a")
    screen = again.wait_for("Unsaved draft from", WORDS)
    assert "restored" in screen
    again.press("\x13")  # ctrl+s
    again.wait_for("Note saved")
    assert again.quit() == 0


def test_a_draft_survives_sigkill(spawn: Spawn) -> None:
    term = start_a_note(spawn)
    term.wait_for("draft kept")  # kept a moment after typing stopped
    assert term.child is not None
    os.kill(term.child.pid, signal.SIGKILL)
    term.wait_exit()
    assert not term.alive
    reopen_and_find_the_draft(spawn)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_restore_the_terminal_and_keep_the_draft(
    spawn: Spawn, number: int
) -> None:
    term = start_a_note(spawn)  # no pause: the draft is kept by the signal handler
    assert term.child is not None
    before = len(term.raw)
    os.kill(term.child.pid, number)
    term.wait_exit()
    assert not term.alive
    assert term.exit_status == 128 + number
    tail = bytes(term.raw[before:])
    assert b"\x1b[?1049l" in tail  # left the alternate screen
    assert b"\x1b[?1000l" in tail and b"\x1b[?1006l" in tail  # mouse reporting off
    assert b"Traceback" not in term.raw
    reopen_and_find_the_draft(spawn)
