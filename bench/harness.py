"""What the benchmark scripts share: a pty in which to watch a real terminal, a minimal Textual
app to compare against, small statistics and the results table.

The machine these run on is small and noisy, so no script prints a figure on its own: each one
measures a baseline in the same run, interleaved with the thing measured, and prints both.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pyte

COLS, ROWS = 100, 30

MINIMAL_APP = """\
from textual.app import App
from textual.widgets import Static


class Baseline(App):
    def compose(self):
        yield Static("Hello baseline")


Baseline().run()
"""


def write_minimal_app(directory: Path) -> list[str]:
    """The command that runs the minimal Textual app, with the same Python as brief-tui."""
    path = directory / "minimal_app.py"
    path.write_text(MINIMAL_APP, encoding="utf-8")
    return [sys.executable, str(path)]


def brief_tui_command() -> list[str]:
    found = shutil.which("brief-tui") or str(Path(sys.executable).with_name("brief-tui"))
    if not Path(found).exists():
        sys.exit("brief-tui is not on PATH: activate the virtualenv first.")
    return [found]


PYCACHE = Path(tempfile.gettempdir()) / "brief-bench-pycache"


@dataclass
class Terminal:
    """A child process in a pseudo-terminal, and the screen a person would see."""

    child: pexpect.spawn
    screen: pyte.Screen
    stream: pyte.ByteStream
    started: float

    @classmethod
    def spawn(cls, argv: list[str], data_dir: Path) -> Terminal:
        env = dict(os.environ)
        # As installed by `pip install .`, the program's modules are compiled once and read
        # from .pyc files at every start. This machine sets PYTHONDONTWRITEBYTECODE, which
        # would make every start compile brief-tui's source (an editable install) but not
        # Textual's (installed with .pyc): both write to, and read from, one cache instead,
        # filled by each bench's warm-up run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        env.update(
            TERM="xterm-256color",
            BRIEF_TUI_DATA_DIR=str(data_dir),
            COLUMNS=str(COLS),
            LINES=str(ROWS),
        )
        screen = pyte.Screen(COLS, ROWS)
        started = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(ROWS, COLS))
        # pexpect sleeps 50 ms before every send by default; a clock started before `send`
        # would charge that sleep to the program.
        child.delaybeforesend = None
        return cls(child, screen, pyte.ByteStream(screen), started)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        """Seconds since spawn at which the output that put `text` on the screen arrived.

        The clock stops when the bytes arrive, not after the terminal emulator has parsed
        them: every chunk waiting in the pty is read, and timed, before any is parsed. pyte is
        slow Python; parsing a chunk of a full frame before reading the next would charge its
        parsing to the program, more for a full screen of styled text than for one line.
        """
        deadline = time.perf_counter() + timeout
        while text not in self.text():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{text!r} never showed; the screen was:\n{self.text()}")
            try:
                chunks = [(self.child.read_nonblocking(65536, timeout=0.05), time.perf_counter())]
                while True:  # the rest of what is there now, each timed as it is read
                    try:
                        chunks.append(
                            (self.child.read_nonblocking(65536, timeout=0), time.perf_counter())
                        )
                    except pexpect.TIMEOUT:
                        break
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                raise RuntimeError(f"the program exited; the screen was:\n{self.text()}") from None
            for n, (chunk, arrived) in enumerate(chunks):
                self.stream.feed(chunk)
                if text in self.text():
                    for rest, _ in chunks[n + 1 :]:
                        self.stream.feed(rest)
                    return arrived - self.started
        return time.perf_counter() - self.started  # it was on the screen already

    def drain(self, seconds: float) -> None:
        """Keep reading output for `seconds`, so the child is never blocked on a full pty."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=min(left, 0.05)))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return

    def peak_rss_kib(self) -> int:
        """VmHWM: the most resident memory the child has had so far."""
        status = Path(f"/proc/{self.child.pid}/status").read_text()
        line = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
        return int(line.split()[1])

    def close(self) -> None:
        self.child.terminate(force=True)
        self.child.close(force=True)


class FrameClock:
    """When the app first rendered the frame it then settled on.

    Textual hands every frame it renders to `App._display`, which a headless app computes but
    does not write. Wrapping it on the app instance (nothing in the app changes) records, for
    each frame, the time and what `probe(screen)` says the frame shows (e.g. which passage has
    the cursor and on which screen row). The settled time is that of the first frame of the
    final, unchanging run: the moment a person sees what they will keep seeing, including any
    late scroll or layout jump, but without the idle wait that `pilot.pause()` adds on top.
    """

    def __init__(self, app, probe: Callable[[object], Hashable]) -> None:
        self.frames: list[tuple[float, Hashable]] | None = None
        display = app._display

        def timed_display(screen, renderable) -> None:
            if renderable is not None and self.frames is not None:
                self.frames.append((time.perf_counter(), probe(screen)))
            display(screen, renderable)

        app._display = timed_display

    def start(self) -> float:
        self.frames = []
        return time.perf_counter()

    def settled(self, started: float) -> float | None:
        """Seconds from `started` to the first frame showing the final state; None: no frame
        showed anything `probe` recognises."""
        frames, self.frames = self.frames or [], None
        if not frames or frames[-1][1] is None:
            return None
        index = len(frames) - 1
        while index and frames[index - 1][1] == frames[-1][1]:
            index -= 1
        return frames[index][0] - started


def screen_row(screen, widget) -> int | None:
    """The screen row of the first line of `widget`, or None if that line is not drawn."""
    placed = screen._compositor.visible_widgets.get(widget) if widget is not None else None
    if placed is None:
        return None
    region, clip = placed
    return region.y if region.height > 0 and clip.contains(region.x, region.y) else None


def passage_row(screen, view) -> int | None:
    """The screen row of the first line of the passage under `view`'s cursor, or None if
    that line is not drawn: the rows are lines of one widget, placed by the compositor."""
    placed = screen._compositor.visible_widgets.get(view.lines)
    tops = dict(view.lines.passage_tops())
    if placed is None or view.cursor not in tops:
        return None
    region, clip = placed
    y = region.y + tops[view.cursor]
    return y if clip.contains(region.x, y) else None


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: a value that was actually measured."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


@dataclass
class Row:
    figure: str
    measured: str
    baseline: str
    ratio: str
    target: str
    result: str  # PASS, FAIL, or "info" for figures without a promise


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_table(title: str, rows: list[Row]) -> None:
    header = Row("figure", "measured", "baseline", "ratio", "target", "result")
    table = [header, *rows]
    fields = list(header.__dict__)
    widths = {f: max(len(getattr(r, f)) for r in table) for f in fields}
    print(f"\n{title}")
    for index, row in enumerate(table):
        print("  ".join(getattr(row, f).ljust(widths[f]) for f in fields).rstrip())
        if index == 0:
            print("  ".join("-" * widths[f] for f in fields))
