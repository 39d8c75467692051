"""Figure 2: opening a bundled briefing, from the call until its first screen is painted.

A reader presses Enter on a card and waits for the briefing; that wait is `open_briefing`
(which builds the reading plan and pushes the briefing screen) plus Textual composing, mounting,
laying out and rendering that screen. It is measured in-process, headless, with
`App.run_test()` at 100x30, on two clocks that start at the call:

- "pause returned": until `await pilot.pause()` returns, as the issue specifies. It waits for
  the screen's pending messages and then for the process to look idle for a whole 20 ms step,
  so it also waits out what Textual does after the screen is shown (the footer recomposing,
  late layout passes) and has a floor of its own: see the baseline.
- "settled frame": until the first frame the app rendered of the screen it then kept, with the
  cursor passage drawn at its final row (`harness.FrameClock`). This is what a person sees.

The baseline is the same clock, in the same app, over pushing a trivial screen of one `Static`,
right before each briefing. The first open in a process also pays for lazy imports and for the
briefing widgets' CSS, so it gets a row of its own: it is the first Enter after start-up.

    python bench/open_briefing.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from harness import FrameClock, Row, median, ms, passage_row, print_table, screen_row, verdict
from textual.screen import Screen
from textual.widgets import Static

from brief_tui import locations
from brief_tui.tui.app import BriefApp, create_app

DOCUMENTS = (
    "coalition-root-causes-statement",
    "wola-beyond-the-wall-root-causes",
    "us-root-causes-strategy",
    "us-root-causes-web-page",
    "wola-central-america-trips",
)
TARGET = 0.100  # seconds
SIZE = (100, 30)


class TrivialScreen(Screen):
    def compose(self):
        yield Static("Hello baseline")


def probe(screen) -> tuple[str, int] | None:
    """What a frame shows: which screen, and the row of its first line of text."""
    if isinstance(screen, TrivialScreen):
        name, row = "trivial", screen_row(screen, screen.query_one(Static))
    elif (document := getattr(screen, "document", None)) is not None:
        name, row = document.id, passage_row(screen, screen.view)
    else:
        return None
    return None if row is None else (name, row)


async def settle(pilot) -> None:
    await pilot.pause()
    await asyncio.sleep(0.1)  # the library screen's footer and layout catch up after a pop


async def timed_push(pilot, clock: FrameClock, push) -> tuple[float, float]:
    """Seconds from `push()` to (the settled frame, `pilot.pause()` returning)."""
    started = clock.start()
    push()
    await pilot.pause()
    returned = time.perf_counter() - started
    frame = clock.settled(started)
    if frame is None:
        raise SystemExit(f"no frame showed the pushed screen; the screen is {pilot.app.screen}")
    pilot.app.pop_screen()
    await settle(pilot)
    return frame, returned


async def measure(runs: int, data_dir: Path) -> dict[str, list[tuple[float, float]]]:
    """Timings per subject: "trivial", each document, and "cold" (trivial, first open)."""
    app: BriefApp = create_app(locations.content_dir(), data_dir)
    clock = FrameClock(app, probe)
    times: dict[str, list[tuple[float, float]]] = {"trivial": [], "cold": []}
    times.update({doc: [] for doc in DOCUMENTS})

    def trivial():
        return timed_push(pilot, clock, lambda: app.push_screen(TrivialScreen()))

    def briefing(doc: str):
        return timed_push(pilot, clock, lambda: app.open_briefing(doc))

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        times["cold"] = [await trivial(), await briefing(DOCUMENTS[0])]
        for _ in range(runs):
            for doc in DOCUMENTS:
                times["trivial"].append(await trivial())
                times[doc].append(await briefing(doc))
        await check_painted(pilot, app)
    return times


async def check_painted(pilot, app: BriefApp) -> None:
    """The clocks are only worth something if the briefing is really on the screen."""
    for doc in DOCUMENTS:
        app.open_briefing(doc)
        await pilot.pause()
        text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        title = app.library.document(doc).title
        if title[:30] not in text or "Passage 1 of" not in text:
            raise SystemExit(f"{doc}: the briefing was not painted; the screen was:\n{text}")
        app.pop_screen()
        await settle(pilot)


def row(figure: str, value: float, baseline: float) -> Row:
    return Row(
        figure,
        ms(value),
        ms(baseline),
        f"{value / baseline:.2f}x",
        f"< {ms(TARGET)}",
        verdict(value < TARGET),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        times = asyncio.run(measure(args.runs, Path(tmp)))

    for clock, name in ((0, "settled frame"), (1, "pause returned")):
        baseline = median([t[clock] for t in times["trivial"]])
        (cold_trivial, cold_open) = (t[clock] for t in times["cold"])
        rows = [row("first open in the process (cold)", cold_open, cold_trivial)]
        for doc in DOCUMENTS:
            rows.append(row(f"open {doc}", median([t[clock] for t in times[doc]]), baseline))
        print_table(
            f"Open a bundled briefing, clock: {name} ({args.runs} runs each, medians; "
            f"baseline: push a one-Static screen, {len(times['trivial'])} runs, interleaved)",
            rows,
        )


if __name__ == "__main__":
    main()
