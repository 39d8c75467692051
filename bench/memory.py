"""Figure 4: peak memory with the bundled corpus, against a minimal Textual app.

Peak resident memory is what decides whether the reader fits beside everything else on a
small machine, and most of it is Python and Textual themselves. So this spawns the real
`brief-tui` in a pseudo-terminal as `first_paint.py` does, waits for the library, presses
Enter to open the first briefing, waits until its status line shows, lets it settle, and reads
the child's VmHWM (peak RSS) from /proc. The minimal one-`Static` Textual app gets the same
treatment (the Enter does nothing there), interleaved run by run; the figure is the ratio.

    python bench/memory.py [--runs N] [--settle SECONDS]
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
    print_table,
    verdict,
    write_minimal_app,
)

TARGET = 1.5


def peak_rss(argv: list[str], ready: str, opened: str | None, data_dir: Path, settle: float) -> int:
    terminal = Terminal.spawn(argv, data_dir)
    try:
        terminal.wait_for(ready)
        terminal.child.send("\r")
        if opened:
            terminal.wait_for(opened)
        terminal.drain(settle)
        return terminal.peak_rss_kib()
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds to wait after opening")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        tmp_path = Path(tmp)
        subjects = {
            "brief-tui": (brief_tui_command(), "Only a Rethinking", "Passage 1 of"),
            "minimal": (write_minimal_app(tmp_path), "Hello baseline", None),
        }
        peaks: dict[str, list[int]] = {name: [] for name in subjects}
        for run in range(args.runs):
            for name, (argv, ready, opened) in subjects.items():
                data_dir = tmp_path / f"data-{name}-{run}"
                peaks[name].append(peak_rss(argv, ready, opened, data_dir, args.settle))

    for name, values in peaks.items():
        print(f"{name:>9} VmHWM: " + ", ".join(f"{v / 1024:.1f} MiB" for v in values))
    brief, minimal = median(peaks["brief-tui"]), median(peaks["minimal"])
    ratio = brief / minimal
    print_table(
        f"Peak RSS (VmHWM) after opening a briefing, {args.runs} interleaved runs, medians",
        [
            Row(
                "peak RSS, library + one briefing open",
                f"{brief / 1024:.1f} MiB",
                f"{minimal / 1024:.1f} MiB",
                f"{ratio:.2f}x",
                f"<= {TARGET}x",
                verdict(ratio <= TARGET),
            )
        ],
    )


if __name__ == "__main__":
    main()
