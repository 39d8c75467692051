"""Search per keystroke and the first search after start, on the 1,000-briefing catalog.

The synthetic library of `synthetic_library.py` (1,000 briefings, 50,000 passages) is put in
a data directory and listed once, which builds its catalog (timed: that is what the first
start after `add` pays, once). Then, as in `search.py`, each query is typed a character at a
time and every prefix is timed with `limit=20`, interleaved query by query with the baseline:
the in-memory index of issue 4 over the same entries (which the reader had to build, ~2 s,
at every start). Before each query every cache of the catalog index is dropped, so each is
timed as if typed for the first time since start.

"First search after start" runs in a fresh process: list the library from the catalog (as the
reader has when it is on screen), then time one search of a typo'd two-word query from the
moment it is asked, nothing cached; the baseline is the in-memory index, which has to be built
first. At 5 briefings both are measured too.

    python bench/catalog_search.py [--runs N] [--data DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Row, median, ms, percentile, print_table, verdict
from search import LONG, QUERIES
from synthetic_library import make_library

from brief_tui.search import SearchIndex, library_entries
from brief_tui.session import library_index, load_reader_library

TARGET_KEY, TARGET_FIRST = 0.015, 0.100

FIRST = """
import sys, time
from pathlib import Path
from brief_tui.session import load_reader_library, library_index
from brief_tui.search import SearchIndex, library_entries
import brief_tui.search.index, brief_tui.catalog.fts_index, rapidfuzz.process
library = load_reader_library(Path(sys.argv[1]), cached=True)
started = time.perf_counter()  # the reader is up: the person types
if sys.argv[2] == "catalog":
    index = library_index(library)
else:
    index = SearchIndex.build(library_entries(library))
hits = index.search(sys.argv[3], limit=20)
assert hits
print(time.perf_counter() - started)
"""


def first_search(data: Path, engine: str, query: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", FIRST, str(data), engine, query],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def cold(index) -> None:
    if hasattr(index, "catalog"):
        index._generation = -1  # as after a start: nothing cached
        index._fresh()
    else:
        index.forget()


def type_all(index, runs: int) -> tuple[list[float], list[float]]:
    """Per-keystroke times, cold per query, then again warm."""
    typed, warm = [], []
    for run in range(runs):
        for query in QUERIES if run % 2 == 0 else QUERIES[::-1]:
            cold(index)
            prefixes = [query[:k] for k in range(1, len(query) + 1)]
            for clock in (typed, warm):
                for prefix in prefixes:
                    started = time.perf_counter()
                    index.search(prefix, limit=20)
                    clock.append(time.perf_counter() - started)
    return typed, warm


def measure(data: Path, name: str, runs: int, first_runs: int) -> list[Row]:
    started = time.perf_counter()
    library = load_reader_library(data, cached=True)
    listed = time.perf_counter() - started
    catalog = library_index(library)
    passages = sum(d.passage_count for d in library.documents)
    print(
        f"{name}: {len(library.documents)} briefings, {passages:,} passages; listed in {ms(listed)}"
    )
    started = time.perf_counter()
    memory = SearchIndex.build(library_entries(library))
    built = time.perf_counter() - started
    results = {"catalog": ([], []), "memory": ([], [])}
    for run in range(runs):
        order = [("catalog", catalog), ("memory", memory)]
        for key, index in order if run % 2 == 0 else order[::-1]:
            typed, warm = type_all(index, 1)
            results[key][0].extend(typed)
            results[key][1].extend(warm)
    # Which keystrokes belong to the 20-word query, in the order `type_all(index, 1)` typed them.
    flags = [query == LONG for query in QUERIES for _ in query] * runs
    print(f"  ({len(QUERIES) - 1} short queries and one of 20 words)")
    firsts = {"catalog": [], "memory": []}
    for run in range(first_runs + 1):
        for engine in ("catalog", "memory") if run % 2 else ("memory", "catalog"):
            seconds = first_search(data, engine, "migratoin asylum")
            if run:
                firsts[engine].append(seconds)
    c_typed, c_warm = results["catalog"]
    m_typed, m_warm = results["memory"]
    c_short = [t for t, long in zip(c_typed, flags, strict=True) if not long]
    m_short = [t for t, long in zip(m_typed, flags, strict=True) if not long]

    def row(figure: str, a: float, b: float, target: float | None) -> Row:
        return Row(
            f"{name}: {figure}",
            ms(a),
            ms(b),
            f"{a / b:.2f}x",
            f"<= {ms(target)}" if target else "-",
            verdict(a <= target) if target else "info",
        )

    first_c, first_m = median(firsts["catalog"]), median(firsts["memory"])
    return [
        row(
            f"keystroke x{len(c_typed)} p50, cold per query", median(c_typed), median(m_typed), None
        ),
        row(
            f"keystroke x{len(c_typed)} p95, cold per query",
            percentile(c_typed, 95),
            percentile(m_typed, 95),
            TARGET_KEY,
        ),
        row("keystroke max, cold per query", max(c_typed), max(m_typed), None),
        row(
            f"keystroke x{len(c_short)} p95, without the 20-word query",
            percentile(c_short, 95),
            percentile(m_short, 95),
            TARGET_KEY,
        ),
        row("keystroke p95, warm", percentile(c_warm, 95), percentile(m_warm, 95), TARGET_KEY),
        row(
            f"first search after start (list + search, fresh process, median of {first_runs})",
            first_c,
            first_m,
            None,
        ),
        Row(f"{name}: in-memory index build (no longer done)", ms(built), "-", "-", "-", "info"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--first-runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="keep the synthetic library here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        data = args.data or Path(tmp) / "big"
        make_library(data)
        started = time.perf_counter()
        load_reader_library(data, cached=True)
        print(
            f"catalog of 1,000 briefings built (or found) in {time.perf_counter() - started:.1f} s"
        )
        small = Path(tmp) / "small"
        rows = measure(data, "1,000 briefings", args.runs, args.first_runs)
        rows += measure(small, "5 briefings", args.runs * 3, args.first_runs)
    # The first search is judged as a time: the baseline had to build its index first.
    for row in rows:
        if "first search" in row.figure:
            seconds = float(row.measured.split()[0]) / 1000
            row.target, row.result = f"< {ms(TARGET_FIRST)}", verdict(seconds < TARGET_FIRST)
    print_table(
        "Search on the catalog (FTS5) vs the in-memory index over the same entries, limit=20",
        rows,
    )


if __name__ == "__main__":
    main()
