"""End to end: the real `brief-tui` in a pseudo-terminal, judged by what a person would see."""

from __future__ import annotations

import re
from pathlib import Path

from terminal import DOWN, ENTER, ESCAPE, Spawn, passage_total, pillar_counts, run_cli

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content
COALITION = "coalition-root-causes-statement"  # the first card: "Only a Rethinking …"
COALITION_TOTAL = passage_total(COALITION)
TRIPS_HERE, IN_LIBRARY = pillar_counts()
COALITION_HERE, _ = pillar_counts(COALITION)

TITLES = (
    "Only a Rethinking of U.S. Foreign Policy Can Address the ‘Root Causes’ of Migration",
    "Beyond the Wall Recommendation: Partner with Central American Countries to Address "
    "Root Causes of Migration",
    "U.S. Strategy for Addressing the Root Causes of Migration in Central America",
    "Root Causes Strategy Overview",
    "Central America Trips Shed Light on Biden Administration’s Migration Agenda",
)
LIBRARY = "Library: 5 briefings"
HELP = "brief-tui: keys"


def test_read_filter_help_and_quit_at_80x24(spawn: Spawn) -> None:
    term = spawn(size=(24, 80))
    term.wait_for(LIBRARY, "Only a Rethinking of U.S. Foreign Policy")

    term.press(ENTER)
    screen = term.wait_for(f"Passage 1 of {COALITION_TOTAL}")
    assert screen.splitlines()[0].strip().startswith("Only a Rethinking of U.S. Foreign Policy")
    assert LIBRARY not in screen

    term.press("j")
    term.wait_for(f"Passage 2 of {COALITION_TOTAL}")

    term.press("2")
    screen = term.wait_for("Filtered: Pillar II")
    assert re.search(r"Passage 1 of (\d+)", screen), screen

    term.press("?")
    term.wait_for(HELP, "next passage")

    term.press(ESCAPE)  # closes help; the filter stays
    screen = term.wait_gone(HELP)
    assert "Filtered: Pillar II" in screen

    term.press(ESCAPE)  # clears the filter, on the passage the reader was on
    screen = term.wait_gone("Filtered: Pillar II")
    assert f"of {COALITION_TOTAL}" in screen

    term.press(ESCAPE)  # back to the library
    term.wait_for(LIBRARY)

    assert term.quit() == 0
    assert b"Traceback" not in term.raw


def test_wide_terminal_shows_sidebar_and_every_title_at_160x50(spawn: Spawn) -> None:
    term = spawn(size=(50, 160))
    # Whole titles and whole pillar names on single lines: nothing truncated or wrapped.
    term.wait_for(
        *TITLES, "Economic insecurity and inequality", "Protection & migration management", "q quit"
    )
    lines = term.lines()
    assert LIBRARY in lines[0]
    assert "q quit" in lines[-1]
    assert "q quit" not in "\n".join(lines[:-1])
    for title in TITLES:
        assert sum(title in line for line in lines) == 1, title

    term.press(DOWN, DOWN, DOWN, DOWN, ENTER)  # the fifth briefing
    term.wait_for(f"Passage 1 of {TOTAL}", f"{TRIPS_HERE['P']} here · {IN_LIBRARY['P']} in library")
    lines = term.lines()
    assert lines[0].strip() == TITLES[4]
    assert LIBRARY not in term.screen_text()
    assert f"Passage 1 of {TOTAL}" in lines[-2]
    assert "q quit" in lines[-1]
    assert sum("Passage 1 of" in line for line in lines) == 1

    # The sidebar and the passages sit side by side: one unbroken divider from the first
    # pillar to the status line, so neither pane draws over the other.
    top = term.row_of("here · ")
    assert top > 0
    column = lines[top].index("│")
    body = lines[top : len(lines) - 2]
    broken = [i for i, line in enumerate(body, top) if line[column : column + 1] != "│"]
    assert not broken, f"divider broken on rows {broken}:\n{term.screen_text()}"

    assert term.quit() == 0


def test_open_a_briefing_by_id_from_the_command_line(spawn: Spawn) -> None:
    term = spawn(["wola-central-america-trips"], size=(24, 80))
    screen = term.wait_for("Central America Trips Shed Light", f"Passage 1 of {TOTAL}")
    assert LIBRARY not in screen
    assert b"5 briefings" not in term.raw  # the library was never drawn first

    term.press(ESCAPE)  # the library is underneath, for going back
    term.wait_for(LIBRARY)
    assert term.quit() == 0


def test_open_a_briefing_by_fuzzy_title_from_the_command_line(spawn: Spawn) -> None:
    term = spawn(["central america trips"], size=(24, 80))
    screen = term.wait_for("Central America Trips Shed Light", f"Passage 1 of {TOTAL}")
    assert LIBRARY not in screen
    assert b"5 briefings" not in term.raw
    assert term.quit() == 0


def test_unknown_briefing_is_a_one_line_error_with_closest_titles(isolated_data_dir: Path) -> None:
    result = run_cli("zzzzqqq", data_dir=isolated_data_dir)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "zzzzqqq" in lines[0]
    assert "closest" in lines[0]
    assert sum(title in lines[0] for title in TITLES) >= 1, lines[0]
    assert "\x1b" not in result.stderr


SAFETY_TITLE = "Text Safety Probe Briefing"
MARKUP = r"[bold]not bold[/bold] and [link=https://x]link[/link] and \d+ backslashes"


def test_document_text_is_shown_literally_and_cannot_drive_the_terminal(
    spawn: Spawn, isolated_data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "safety.txt"
    source.write_text(
        f"Text Safety \x1b[31mProbe\x1b[0m Briefing\n\n"
        f"This paragraph has {MARKUP} in it.\n\n"
        "A second paragraph tries to retitle the terminal \x1b]0;PWNED\x07 and to turn "
        "\x1b[31mthese words red\x1b[0m before it ends.\n",
        encoding="utf-8",
    )
    added = run_cli("add", str(source), data_dir=isolated_data_dir)
    assert added.returncode == 0, added.stderr
    match = re.search(r" as (\S+): ", added.stdout)
    assert match, added.stdout
    doc_id = match.group(1)

    term = spawn([doc_id], size=(40, 160))
    term.wait_for(SAFETY_TITLE, "Passage 1 of 2", MARKUP)  # literal, not bold, not a link
    assert "retitle the terminal" in term.flat_text()
    term.press("j")
    screen = term.wait_for("Passage 2 of 2")
    assert "[31m" not in screen and "PWNED" not in screen and "]0;" not in screen

    # The words after the colour code are not drawn in the terminal's own red.
    assert term.screen is not None
    row = term.row_of("these words red")
    assert row >= 0, screen
    start = term.lines()[row].index("these words red")
    cells = [term.screen.buffer[row][x] for x in range(start, start + len("these words red"))]
    assert all(cell.fg != "red" for cell in cells), [cell.fg for cell in cells]

    assert term.alive
    assert term.quit() == 0
    assert b"PWNED" not in term.raw
    assert b"\x1b]0;" not in term.raw and b"\x1b]2;" not in term.raw  # no retitling at all
    assert b"Traceback" not in term.raw


def test_tiny_terminal_survives_keys_and_resizes_at_40x12(spawn: Spawn) -> None:
    term = spawn(size=(12, 40))
    term.wait_for("5 briefings", "Only a Rethinking")
    term.press(ENTER)
    term.wait_for(f"Passage 1 of {COALITION_TOTAL}")
    term.press("j", "j", "k")
    term.wait_for(f"Passage 2 of {COALITION_TOTAL}")
    term.press("2")
    term.wait_for("Filtered: Pillar II", f"Passage 1 of {COALITION_HERE['II']}")
    term.press("0")  # all passages again, still on the one the reader was on
    screen = term.wait_until(lambda s: "Filtered" not in s and f"of {COALITION_TOTAL}" in s)
    match = re.search(rf"Passage (\d+) of {COALITION_TOTAL}", screen)
    assert match, screen
    status = match.group(0)

    term.resize(8, 30)  # smaller still: header, a few lines of text, status and footer
    lines = term.wait_until(lambda s: status in s.splitlines()[-2]).splitlines()
    assert lines[0].strip().startswith("Only a Rethinking")
    assert lines[-1].strip(), "the footer is still drawn"
    assert term.alive

    term.resize(30, 120)  # and large again: the sidebar comes back
    lines = term.wait_for(f"here · {IN_LIBRARY['I']} in library").splitlines()
    assert status in lines[-2], "\n".join(lines)
    assert "q quit" in lines[-1]
    assert term.alive

    assert term.quit() == 0
    assert b"Traceback" not in term.raw


def test_current_passage_stays_in_view_after_resize(spawn: Spawn) -> None:
    term = spawn(size=(24, 80))
    term.wait_for(LIBRARY)
    term.press(ENTER)
    term.wait_for(f"Passage 1 of {COALITION_TOTAL}")
    term.press("j", "j", "j", "j")
    assert any(
        line.startswith(" █ ")
        for line in term.wait_for(f"Passage 5 of {COALITION_TOTAL}").splitlines()
    )

    term.resize(12, 100)  # wide enough for the sidebar: the passages re-wrap narrower
    lines = term.wait_until(
        lambda s: "here · " in s and f"Passage 5 of {COALITION_TOTAL}" in s
    ).splitlines()
    body = lines[3:-2]  # between the header's rule and the status line
    assert any("│ █ " in line for line in body), "\n".join(lines)
    assert term.quit() == 0
