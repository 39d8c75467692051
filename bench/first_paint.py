"""Figure 1: time to first paint of the library, against a minimal Textual app.

What a person waits for is the time from pressing Enter on `brief-tui` to seeing a briefing's
title, so this spawns the real console script in a pseudo-terminal of a fixed size and reads the
screen through a terminal emulator (pyte) until the first title is there. Python's start-up and
Textual's import and first render are costs brief-tui cannot avoid, so the figure that says
something about brief-tui is the ratio to a one-`Static` Textual app started the same way, with
the same Python, interleaved run by run so that machine noise falls on both.

    python bench/first_paint.py [--runs N]
    python bench/first_paint.py --against OTHER/src [--runs N]

`--against` compares this checkout's reader with another version's source tree (say a
`git worktree add /tmp/old <commit>`; it runs through PYTHONPATH with the same Python and
packages) instead of with the minimal app: "did first paint change?".

Both programs keep one data directory across runs, so brief-tui starts as it does on every
launch after the first: with its start-up cache of parsed content files in place.
"""

from __future__ import annotations

import argparse
import os
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


def against(other_src: str, runs: int) -> None:
    """This reader against another version's, interleaved, each with a warm start-up cache."""
    brief = brief_tui_command()
    times: dict[str, list[float]] = {"this version": [], other_src: []}
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        for run in range(runs + 1):
            names = list(times) if run % 2 else list(reversed(times))
            for name in names:
                env_path = os.environ.pop("PYTHONPATH", None)
                if name == other_src:
                    os.environ["PYTHONPATH"] = other_src
                try:
                    data_dir = Path(tmp) / f"data-{len(name)}-{abs(hash(name))}"
                    seconds = first_paint(brief, TITLE, data_dir)
                finally:
                    os.environ.pop("PYTHONPATH", None)
                    if env_path is not None:
                        os.environ["PYTHONPATH"] = env_path
                if run:
                    times[name].append(seconds)
    this, other = median(times["this version"]), median(times[other_src])
    for name, values in times.items():
        print(f"{name}: " + ", ".join(ms(v) for v in values))
    print(
        f"first paint, medians of {runs}: this version {ms(this)}, {other_src} {ms(other)}, "
        f"ratio {this / other:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", metavar="SRC", help="another version's src/ directory")
    args = parser.parse_args()
    if args.against:
        against(args.against, args.runs)
        return

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
