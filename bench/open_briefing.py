"""Figure 2: opening a bundled briefing, from the call until its first screen is painted.

A reader presses Enter on a card and waits for the briefing; that wait is `open_briefing`
(which builds the reading plan and pushes the briefing screen) plus Textual composing, mounting,
laying out and rendering that screen. It is measured in-process, headless, with
`App.run_test()`: the clock runs from the call until `await pilot.pause()` returns, which waits
for the screen to process its pending messages and for the app to be idle.

`pilot.pause()` itself has a floor (it sleeps in 20 ms steps until the process looks idle), so
the same clock is run in the same app over pushing a trivial screen of one `Static`, right
before each briefing, and both are printed. The first open in a process also pays for lazy
imports and for parsing the briefing widgets' CSS: it is shown on its own row, because the
first Enter after start-up is the one a person notices.

    python bench/open_briefing.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import Row, median, ms, print_table, verdict
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


async def timed_push(pilot, push: Callable[[], None]) -> float:
    """Seconds from `push()` until `pilot.pause()` returns; then back to the library."""
    started = time.perf_counter()
    push()
    await pilot.pause()
    seconds = time.perf_counter() - started
    pilot.app.pop_screen()
    await pilot.pause()
    return seconds


async def measure(runs: int, data_dir: Path) -> tuple[dict[str, list[float]], list[float], tuple]:
    app: BriefApp = create_app(locations.content_dir(), data_dir)
    opened: dict[str, list[float]] = {doc: [] for doc in DOCUMENTS}
    trivial: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = (
            await timed_push(pilot, lambda: app.push_screen(TrivialScreen())),
            await timed_push(pilot, lambda: app.open_briefing(DOCUMENTS[0])),
        )
        for _ in range(runs):
            for doc in DOCUMENTS:
                trivial.append(await timed_push(pilot, lambda: app.push_screen(TrivialScreen())))
                opened[doc].append(await timed_push(pilot, lambda doc=doc: app.open_briefing(doc)))
        await check_painted(pilot, app)
    return opened, trivial, first


async def check_painted(pilot, app: BriefApp) -> None:
    """The clock is only worth something if the briefing is really on the screen."""
    for doc in DOCUMENTS:
        app.open_briefing(doc)
        await pilot.pause()
        text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        title = app.library.document(doc).title
        if title[:30] not in text or "Passage 1 of" not in text:
            raise SystemExit(f"{doc}: the briefing was not painted; the screen was:\n{text}")
        app.pop_screen()
        await pilot.pause()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        opened, trivial, (first_trivial, first_open) = asyncio.run(measure(args.runs, Path(tmp)))

    baseline = median(trivial)
    rows = [
        Row(
            "first open in the process (cold)",
            ms(first_open),
            ms(first_trivial),
            f"{first_open / first_trivial:.2f}x",
            f"< {ms(TARGET)}",
            verdict(first_open < TARGET),
        )
    ]
    for doc, values in opened.items():
        value = median(values)
        rows.append(
            Row(
                f"open {doc}",
                ms(value),
                ms(baseline),
                f"{value / baseline:.2f}x",
                f"< {ms(TARGET)}",
                verdict(value < TARGET),
            )
        )
    print_table(
        f"Open a bundled briefing until painted ({args.runs} runs each, medians; "
        f"baseline: push a one-Static screen, {len(trivial)} runs interleaved)",
        rows,
    )


if __name__ == "__main__":
    main()
