"""Notes at scale: 10,000 highlights over a 1,000-passage library.

Two figures the notes issue promises. Opening the notes panel (H) must feel instant: the clock
runs from pushing the panel to the first frame of the screen it settles on (`FrameClock`),
beside pushing a one-`Static` screen in the same app. Re-anchoring every highlight after the
briefings change must take under a second: one passage edited in every document so every
note has to be resolved again, beside a re-anchor pass when nothing changed.

    python bench/notes.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from harness import FrameClock, Row, median, ms, print_table, verdict
from textual.screen import Screen
from textual.widgets import Static

from brief_tui.corpus.model import Document, Library, Passage, Section
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import LABELS, NoteStore
from brief_tui.tui.app import BriefApp
from brief_tui.tui.screens.notes import NotesScreen

HIGHLIGHTS = 10_000
DOCUMENTS, SECTIONS, PER_SECTION = 20, 5, 10  # 1,000 passages
WORDS = "asylum corruption violence poverty police border migration reform justice aid".split()


def library(rng: random.Random) -> Library:
    docs = []
    for d in range(DOCUMENTS):
        sections = []
        for s in range(SECTIONS):
            passages = tuple(
                Passage(
                    f"p-{d:02x}{s:02x}{p:04x}",
                    "paragraph",
                    " ".join(rng.choice(WORDS) for _ in range(45)) + f" (passage {d}.{s}.{p}).",
                    (rng.choice(("I", "II", "IV", "P")),),
                )
                for p in range(PER_SECTION)
            )
            sections.append(Section(f"s-{d:02x}{s:06x}", f"Section {s}", passages))
        docs.append(
            Document(
                f"doc-{d}",
                f"Document {d}",
                ("Org",),
                "2024",
                "document",
                "",
                None,
                "",
                tuple(sections),
            )
        )
    return Library(tuple(docs))


def fill(store: NoteStore, lib: Library, rng: random.Random) -> None:
    passages = [(doc, p) for doc in lib.documents for _, p in doc.passages()]
    n = 0
    while n < HIGHLIGHTS:  # a span is highlighted once: a span drawn twice is drawn again
        doc, passage = rng.choice(passages)
        start = rng.randrange(0, len(passage.text) - 40)
        anchor = make_anchor(doc, passage.id, start, start + rng.randrange(10, 40))
        marked = store.mark(anchor, LABELS[n % len(LABELS)], "a note" if n % 3 == 0 else "")
        n += marked.change == "added"


def edited(lib: Library) -> Library:
    """Every document with a word inserted at the start of its first passage."""
    docs = []
    for doc in lib.documents:
        first = doc.sections[0]
        passage = first.passages[0]
        changed = replace(passage, id=passage.id[:-1] + "x", text="Edited. " + passage.text)
        sections = (replace(first, passages=(changed, *first.passages[1:])), *doc.sections[1:])
        docs.append(replace(doc, sections=sections))
    return Library(tuple(docs))


class TrivialScreen(Screen):
    def compose(self):
        yield Static("baseline")


async def panel_times(lib: Library, data: Path, runs: int) -> tuple[list[float], list[float]]:
    app = BriefApp(lib, data)
    clock = FrameClock(app, lambda screen: type(screen).__name__)
    panel: list[float] = []
    trivial: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            for times, make in ((trivial, TrivialScreen), (panel, NotesScreen)):
                started = clock.start()
                app.push_screen(make())
                await pilot.pause()
                times.append(clock.settled(started) or float("nan"))
                app.pop_screen()
                await pilot.pause()
    return panel, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(2021)
    lib = library(rng)
    with tempfile.TemporaryDirectory(prefix="brief-notes-") as tmp:
        data = Path(tmp)
        store = NoteStore.open(data / "notes.sqlite3")
        store.reanchor(lib)
        started = time.perf_counter()
        fill(store, lib, rng)
        filled = time.perf_counter() - started
        same, changed = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            store.reanchor(lib)  # nothing changed: the baseline
            same.append(time.perf_counter() - started)
            started = time.perf_counter()
            counts = store.reanchor(edited(lib))
            changed.append(time.perf_counter() - started)
            store.reanchor(lib)  # and back, so the next run re-resolves again
        store.close()
        panel, trivial = asyncio.run(panel_times(lib, data, args.runs))
    print(
        f"{HIGHLIGHTS} highlights over {DOCUMENTS * SECTIONS * PER_SECTION} passages; adding them took {filled:.1f} s"
    )
    print(f"after an edit: {counts}")
    reanchor, unchanged = median(changed), median(same)
    opened, baseline = median(panel), median(trivial)
    print_table(
        f"Notes at scale, medians of {args.runs}",
        [
            Row(
                "re-anchor every note after an edit",
                ms(reanchor),
                ms(unchanged) + " (no change)",
                f"{reanchor / unchanged:.1f}x",
                "< 1 s",
                verdict(reanchor < 1.0),
            ),
            Row(
                "open the notes panel (H), settled frame",
                ms(opened),
                ms(baseline) + " (one Static)",
                f"{opened / baseline:.1f}x",
                "< 100 ms",
                verdict(opened < 0.1),
            ),
        ],
    )


if __name__ == "__main__":
    main()
