"""Adding many small files: one `brief-tui add FOLDER` against one `brief-tui add FILE` each.

The baseline is what a user would otherwise do (a command per file, in a fresh process each
time); both run in the same session on the same files, each into its own empty data
directory. Prints both times and the ratio (the target is at least 5x).

    python bench/add_batch.py [--files 100]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from harness import brief_tui_command

from brief_tui import locations


def make_files(folder: Path, count: int) -> list[Path]:
    """`count` small documents cut from the bundled seeds, each with its own title."""
    text = " ".join(
        p.read_text(encoding="utf-8", errors="replace") for p in locations.seeds_dir().glob("*.txt")
    )
    words = text.split()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n in range(count):
        start = (n * 97) % max(1, len(words) - 400)
        body = " ".join(words[start : start + 300])
        path = folder / f"memo-{n:03d}.txt"
        path.write_text(f"Briefing memo number {n}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    return files


def timed(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    args = parser.parse_args()
    brief = brief_tui_command()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        files = make_files(root / "docs", args.files)
        one = [[*brief, "--data-dir", str(root / "batch"), "add", str(root / "docs")]]
        each = [[*brief, "--data-dir", str(root / "single"), "add", str(f)] for f in files]
        batch = timed(one)
        separate = timed(each)
    print(f"files: {args.files}")
    print(f"one `add FOLDER` command:       {batch:7.2f} s")
    print(f"baseline, one `add` per file:   {separate:7.2f} s")
    print(f"speed-up: {separate / batch:.1f}x (target: at least 5x)")


if __name__ == "__main__":
    main()
