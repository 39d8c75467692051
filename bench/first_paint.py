"""Figure 1: time to first paint of the library, against a minimal Textual app.

What a person waits for is the time from pressing Enter on `brief-tui` to seeing a briefing's
title, so this spawns the real console script in a pseudo-terminal of a fixed size and reads the
screen through a terminal emulator (pyte) until the first title is there. Python's start-up and
Textual's import and first render are costs brief-tui cannot avoid, so the figure that says
something about brief-tui is the ratio to a one-`Static` Textual app started the same way, with
the same Python, interleaved run by run so that machine noise falls on both.

    python bench/first_paint.py [--runs N]

Both programs keep one data directory across runs, so brief-tui starts as it does on every
launch after the first: with its start-up cache of parsed content files in place.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from harness import (
    Row,
    Terminal,
    brief_tui_command,
    median,
    ms,
    print_table,
    verdict,
    write_minimal_app,
)

TITLE = "Only a Rethinking"  # the first briefing in the library
TARGET = 1.3


def first_paint(argv: list[str], text: str, data_dir: Path) -> float:
    terminal = Terminal.spawn(argv, data_dir)
    try:
        return terminal.wait_for(text)
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        tmp_path = Path(tmp)
        subjects = {
            "brief-tui": (brief_tui_command(), TITLE),
            "minimal": (write_minimal_app(tmp_path), "Hello baseline"),
        }
        times: dict[str, list[float]] = {name: [] for name in subjects}
        for run in range(args.runs + 1):  # run 0 warms the disk cache and .pyc files
            order = list(subjects.items())
            if run % 2:
                order.reverse()  # neither program always runs right after the other
            for name, (argv, text) in order:
                # One data directory per program across runs, as on a person's machine: run 0
                # (not counted) fills brief-tui's start-up cache like a first launch would.
                data_dir = tmp_path / f"data-{name}"
                seconds = first_paint(argv, text, data_dir)
                if run:
                    times[name].append(seconds)

    brief, minimal = median(times["brief-tui"]), median(times["minimal"])
    ratio = brief / minimal
    for name, values in times.items():
        print(f"{name:>9} runs: " + ", ".join(ms(v) for v in values))
    print_table(
        f"Time to first paint, {args.runs} interleaved runs, medians",
        [
            Row(
                "first paint of the library",
                ms(brief),
                ms(minimal),
                f"{ratio:.2f}x",
                f"<= {TARGET}x",
                verdict(ratio <= TARGET),
            )
        ],
    )


if __name__ == "__main__":
    main()
