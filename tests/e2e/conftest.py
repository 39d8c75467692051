"""Fixtures for end-to-end tests: real `brief-tui` processes in pseudo-terminals."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from terminal import Spawn, Terminal

if sys.platform == "win32":  # pragma: no cover - pexpect.spawn needs a POSIX pty
    pytest.skip("pexpect cannot spawn in a pty on Windows", allow_module_level=True)


@pytest.fixture
def spawn(isolated_data_dir: Path) -> Iterator[Spawn]:
    """Start `brief-tui` in a pty: `spawn(args, size=(rows, cols))`; all closed at teardown."""
    started: list[Terminal] = []

    def start(args: Sequence[str] = (), size: tuple[int, int] = (24, 80)) -> Terminal:
        terminal = Terminal(isolated_data_dir).start(args, size)
        started.append(terminal)
        return terminal

    yield start
    for terminal in started:
        terminal.close()
