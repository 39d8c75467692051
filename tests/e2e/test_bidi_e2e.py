"""A user's document that carries bidi override characters cannot reorder the terminal."""

from __future__ import annotations

import re
from pathlib import Path

from terminal import Spawn
from test_reader_e2e import run_cli

OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_overrides_in_an_added_document_never_reach_the_terminal(
    spawn: Spawn, isolated_data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "bidi.txt"
    source.write_text(
        "Bidi Probe Briefing\n\n"
        "An invoice line \u202egnp.exe\u202c and an unclosed override \u202eright to left "
        "that never ends.\n\n"
        f"Isolates {OVERRIDES} and every other one, then plain words after them.\n",
        encoding="utf-8",
    )
    added = run_cli("add", str(source), data_dir=isolated_data_dir)
    assert added.returncode == 0, added.stderr
    match = re.search(r" as (\S+): ", added.stdout)
    assert match, added.stdout

    term = spawn([match.group(1)], size=(24, 80))
    term.wait_for("Bidi Probe Briefing", "Passage 1 of 2", "right to left")
    term.press("j")
    term.wait_for("Passage 2 of 2", "plain words after them")
    assert term.quit() == 0
    for character in OVERRIDES:
        assert character.encode() not in term.raw, f"U+{ord(character):04X} reached the terminal"
    assert b"Traceback" not in term.raw
