"""`brief-tui add` in a terminal: a progress bar while it works, a line per source, a summary."""

from __future__ import annotations

from pathlib import Path

import pexpect
from terminal import BRIEF_TUI, app_env


def test_adding_a_folder_in_a_terminal_shows_progress_and_a_summary(
    tmp_path: Path, isolated_data_dir: Path
) -> None:
    folder = tmp_path / "memos"
    folder.mkdir()
    for n in range(3):
        (folder / f"memo-{n}.txt").write_text(
            f"Memo number {n}\n\nThe United States should restore access to asylum.\n",
            encoding="utf-8",
        )
    child = pexpect.spawn(
        str(BRIEF_TUI),
        ["add", str(folder)],
        env=app_env(isolated_data_dir),
        dimensions=(24, 100),
        timeout=30,
    )
    output = child.read().decode("utf-8", "replace")
    child.close()
    assert child.exitstatus == 0, output
    assert "Adding" in output  # the bar, drawn while it works
    assert "Added “Memo number 0” as memo-number-0" in output
    assert "3 sources: 3 added." in output
