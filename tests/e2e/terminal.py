"""Drive the real `brief-tui` in a pseudo-terminal and read its screen as a person would.

Everything the app writes is fed into a pyte screen of the same size as the pty, so tests
assert on the characters a terminal would actually show, and the raw bytes are kept for
checks on escape sequences.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pexpect
import pyte

BRIEF_TUI = Path(sys.executable).with_name("brief-tui")

WAIT = 10.0  # seconds to wait for something to appear on screen
POLL = 0.05
SETTLE = 0.15  # seconds of silence after which a frame is taken as fully drawn

# Keys as the bytes a terminal sends for them.
ENTER = "\r"
ESCAPE = "\x1b"
DOWN = "\x1b[B"
UP = "\x1b[A"


def app_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(TERM="xterm-256color", BRIEF_TUI_DATA_DIR=str(data_dir))
    for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"):
        env.pop(name, None)
    return env


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """A `brief-tui` command line run to completion, output captured."""
    return subprocess.run(
        [str(BRIEF_TUI), *args],
        env=app_env(data_dir),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


class Terminal:
    """One `brief-tui` process in a pty of `rows` x `cols`, mirrored onto a pyte screen."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.child: pexpect.spawn | None = None
        self.screen: pyte.Screen | None = None
        self.stream: pyte.ByteStream | None = None
        self.raw = bytearray()
        self.eof = False

    # Process ------------------------------------------------------------------------------

    def start(self, args: Sequence[str] = (), size: tuple[int, int] = (24, 80)) -> Terminal:
        rows, cols = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            str(BRIEF_TUI),
            list(args),
            env=app_env(self.data_dir),
            dimensions=(rows, cols),
            timeout=WAIT,
        )
        return self

    @property
    def alive(self) -> bool:
        return self.child is not None and self.child.isalive()

    def resize(self, rows: int, cols: int) -> None:
        assert self.child is not None and self.screen is not None
        self.pump()
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)  # the pty sends SIGWINCH to the app

    def quit(self, timeout: float = WAIT) -> int | None:
        """Press q and wait for the app to exit; its exit status (None if killed by a signal)."""
        assert self.child is not None
        if self.alive:
            self.send("q")
        self.wait_exit(timeout)
        return self.exit_status

    def wait_exit(self, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while not self.eof and time.monotonic() < deadline:
            self.pump(POLL)
        assert self.child is not None
        if self.eof:
            self.child.wait()

    @property
    def exit_status(self) -> int | None:
        assert self.child is not None
        return None if self.child.isalive() else self.child.exitstatus

    def close(self) -> None:
        """Quit politely if possible, and make sure no process is left behind."""
        if self.child is None:
            return
        if self.alive:
            self.quit(timeout=3)
        if self.alive:
            self.child.terminate(force=True)
        self.child.close(force=True)

    # Input and output ---------------------------------------------------------------------

    def send(self, keys: str) -> None:
        assert self.child is not None
        self.child.send(keys)

    def press(self, *keys: str) -> None:
        """Send keys one at a time; a lone Escape gets a pause so it is not read as Alt+key."""
        for key in keys:
            self.send(key)
            if key == ESCAPE:
                time.sleep(0.3)

    def pump(self, timeout: float = 0.0) -> bool:
        """Feed whatever the app has written to the screen; True if anything arrived."""
        assert self.child is not None and self.stream is not None
        got = False
        while not self.eof:
            try:
                data = self.child.read_nonblocking(65536, timeout=timeout)
            except pexpect.TIMEOUT:
                break
            except pexpect.EOF:
                self.eof = True
                break
            self.raw.extend(data)
            self.stream.feed(data)
            got = True
            timeout = 0.0  # drain what is buffered, then return
        return got

    def wait_until(self, condition: Callable[[str], bool], timeout: float = WAIT) -> str:
        """Poll the screen until `condition(screen_text)` holds on a settled screen.

        A frame can arrive in several reads, so once the condition holds the app gets a
        moment to finish drawing, and the condition must still hold afterwards.
        """
        deadline = time.monotonic() + timeout
        while True:
            self.pump(POLL)
            if condition(self.screen_text()):
                while self.pump(SETTLE):
                    pass
                text = self.screen_text()
                if condition(text):
                    return text
            text = self.screen_text()
            if self.eof or time.monotonic() > deadline:
                state = "exited" if self.eof else f"still running after {timeout:.0f}s"
                raise AssertionError(f"app {state}; the condition never held. Screen:\n{text}")

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until every one of `texts` is on screen."""
        return self.wait_until(lambda screen: all(t in screen for t in texts), timeout)

    def wait_gone(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until none of `texts` is on screen."""
        return self.wait_until(lambda screen: not any(t in screen for t in texts), timeout)

    # The screen ---------------------------------------------------------------------------

    def lines(self) -> list[str]:
        assert self.screen is not None
        return [line.rstrip() for line in self.screen.display]

    def screen_text(self) -> str:
        return "\n".join(self.lines())

    def row_of(self, text: str) -> int:
        """The index of the first screen line containing `text`, or -1."""
        return next((i for i, line in enumerate(self.lines()) if text in line), -1)

    def flat_text(self) -> str:
        """The screen with runs of whitespace collapsed, for text that may wrap."""
        return re.sub(r"\s+", " ", self.screen_text())


Spawn = Callable[..., Terminal]  # the `spawn` fixture: spawn(args, size=(rows, cols))


# --- what the bundled briefings hold, so tests follow the content rather than fixed numbers ---

TRIPS_ID = "wola-central-america-trips"


def bundled_library():  # type: ignore[no-untyped-def]
    from brief_tui import locations
    from brief_tui.corpus.library import load_library

    return load_library((locations.content_dir(), "bundled"))


def passage_total(document_id: str = TRIPS_ID) -> int:
    """How many passages the reader's status line counts in a bundled briefing."""
    document = bundled_library().document(document_id)
    assert document is not None, document_id
    return sum(1 for _ in document.passages())


def pillar_counts(document_id: str = TRIPS_ID) -> tuple[dict[str, int], dict[str, int]]:
    """Passages per pillar in one bundled briefing and in the library, as the sidebar shows."""
    library = bundled_library()
    document = library.document(document_id)
    assert document is not None, document_id
    return document.pillar_counts(), library.pillar_counts()
