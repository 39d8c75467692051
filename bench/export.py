"""Export at scale: 10,000 highlights over a 1,000-passage library.

The export issue promises that exporting 10,000 highlights takes under a second. Each figure
runs from the note store to the finished text, beside a baseline measured in the same run,
interleaved: just reading the 10,000 highlights (and the bookmarks) out of the store, which
every export has to do. Also shown, without a promise: the Markdown export when every note
is real Markdown (lists, emphasis, code, a heading to neutralise), writing the file, and
importing the JSON backup into an empty store.

    python bench/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from harness import Row, median, ms, print_table, verdict

from brief_tui.export import export_json, export_markdown, import_backup, read_backup, write_export
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore
from notes import HIGHLIGHTS, fill, library

MARKDOWN_NOTE = (
    "Compare with the *2019* figures:\n\n- aid cut by **half**\n- see `<table 3>`\n\n"
    "# Follow up\n> ask the ministry\n---"
)
NOW = datetime.now(UTC)


def timed(action, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = action(*args)
    return time.perf_counter() - started, result


def restore_into(target: NoteStore, text: str, lib) -> None:
    import_backup(target, read_backup(text), lib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(2021)
    lib = library(rng)
    with tempfile.TemporaryDirectory(prefix="brief-export-") as tmp:
        data = Path(tmp)
        store = NoteStore.open(data / "notes.sqlite3")
        store.reanchor(lib)
        fill(store, lib, rng)
        for doc in lib.documents[:5]:
            _, passage = next(doc.passages())
            anchor = make_anchor(doc, passage.id, 0, len(passage.text))
            store.add_bookmark(anchor, f"Bookmark in {doc.title}")
        store.reanchor(lib)

        def read():
            return store.highlights(), store.bookmarks()

        def markdown():
            highlights, bookmarks = read()
            return export_markdown(lib, highlights, bookmarks, title="Bench", exported_at=NOW)

        def backup():
            highlights, bookmarks = read()
            positions = store.positions().values()
            return export_json(highlights, bookmarks, positions, exported_at=NOW)

        rich = [replace(h, note=MARKDOWN_NOTE) for h in store.highlights()]

        def markdown_rich():
            _, bookmarks = read()
            return export_markdown(lib, rich, bookmarks, title="Bench", exported_at=NOW)

        baseline, md, js, md_rich, write, restore = [], [], [], [], [], []
        for run in range(args.runs):
            baseline.append(timed(read)[0])
            seconds, text = timed(markdown)
            md.append(seconds)
            seconds, backup_text = timed(backup)
            js.append(seconds)
            md_rich.append(timed(markdown_rich)[0])
            write.append(timed(write_export, data / f"out-{run}.md", text)[0])
            with NoteStore.open(data / f"restored-{run}.sqlite3") as target:
                target.reanchor(lib)
                restore.append(timed(restore_into, target, backup_text, lib)[0])
        store.close()
    count = text.count(" ^hl-")
    print(
        f"{HIGHLIGHTS} highlights ({count} in the Markdown) over "
        f"{sum(d.passage_count for d in lib.documents)} passages; Markdown "
        f"{len(text.encode()) / 1e6:.1f} MB, JSON {len(backup_text.encode()) / 1e6:.1f} MB"
    )
    read_ms = median(baseline)
    rows = [
        ("Markdown export, store to text", median(md), "< 1 s", verdict(median(md) < 1.0)),
        ("JSON backup, store to text", median(js), "< 1 s", verdict(median(js) < 1.0)),
        ("Markdown export, every note real Markdown", median(md_rich), "-", "info"),
        ("write the Markdown file (atomic, fsync)", median(write), "-", "info"),
        ("import the backup into an empty store", median(restore), "-", "info"),
    ]
    print_table(
        f"Export at scale, medians of {args.runs}",
        [
            Row(
                figure,
                ms(seconds),
                ms(read_ms) + " (read from store)",
                f"{seconds / read_ms:.1f}x",
                target,
                result,
            )
            for figure, seconds, target, result in rows
        ],
    )


if __name__ == "__main__":
    main()
