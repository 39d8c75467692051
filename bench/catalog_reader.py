"""The reader on a library of 1,000 briefings (50,000 passages) and on the bundled five.

For each library size, interleaved run by run with its baseline from the same run:

- first paint of the library in a pty, against the one-`Static` Textual app (`first_paint.py`);
- peak RSS (VmHWM) after opening a briefing, against the same app (`memory.py`);
- `j` and `space` in a briefing in a real pty, per key, from sending the key to the arrival of
  the output that changed the screen, against a one-`Static` app whose `j`/`space` update its
  text (so the baseline is Textual's own key-to-frame time);
- opening a briefing in-process, settled frame (`open_briefing.py`'s clock), against pushing
  a one-`Static` screen in the same app: at its first passage, and at its last (a place saved
  far down).

Every program keeps its data directory across runs (run 0, not counted, builds the catalog of
the large library: that is the one-off cost after `add`, reported separately).

    python bench/catalog_reader.py [--runs N] [--keys N] [--data DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import tempfile
import time
from pathlib import Path

import pexpect
from harness import (
    FrameClock,
    Row,
    Terminal,
    brief_tui_command,
    median,
    ms,
    percentile,
    print_table,
    verdict,
    write_minimal_app,
)
from open_briefing import TrivialScreen, probe, timed_push
from open_briefing import settle as settle_app
from synthetic_library import make_library

from brief_tui.session import load_reader_library

TITLE = "Only a Rethinking"
QUIET = 0.03  # seconds without output that end a frame
AT_PASSAGE = re.compile(r"Passage (\d+) of (\d+)")
KEYED_APP = """\
from textual.app import App
from textual.widgets import Static


class Baseline(App):
    BINDINGS = [("j", "step"), ("space", "step")]
    steps = 0

    def compose(self):
        yield Static("Hello baseline 0")

    def action_step(self):
        self.steps += 1
        self.query_one(Static).update(f"Hello baseline {self.steps}")


Baseline().run()
"""


def keyed_app(directory: Path) -> list[str]:
    path = directory / "keyed_app.py"
    path.write_text(KEYED_APP, encoding="utf-8")
    return [write_minimal_app(directory)[0], str(path)]


def first_paint(argv: list[str], text: str, data: Path) -> float:
    terminal = Terminal.spawn(argv, data)
    try:
        return terminal.wait_for(text)
    finally:
        terminal.close()


def peak_rss(argv: list[str], ready: str, opened: str | None, data: Path) -> int:
    terminal = Terminal.spawn(argv, data)
    try:
        terminal.wait_for(ready)
        terminal.child.send("\r")
        if opened:
            terminal.wait_for(opened)
        terminal.drain(1.0)
        return terminal.peak_rss_kib()
    finally:
        terminal.close()


def changed_after(terminal: Terminal, key: str, timeout: float = 5.0) -> float:
    """Seconds from sending `key` until the screen's output for it is done.

    Output is done at the arrival of the last chunk before 30 ms without output (the quiet
    wait is not counted). Chunks are read as they come and given to the terminal emulator
    only then: pyte parses a full frame slower than the program writes it, and a chunk read
    after parsing its predecessor would be timed by the parser, not the program.
    """
    before = terminal.text()
    sent = time.perf_counter()
    terminal.child.send(key)
    deadline = sent + timeout
    done = None
    chunks: list[bytes] = []
    while time.perf_counter() < deadline:
        try:
            chunks.append(terminal.child.read_nonblocking(65536, timeout=QUIET))
            done = time.perf_counter()
            continue
        except pexpect.TIMEOUT:
            if not chunks:
                continue
        terminal.stream.feed(b"".join(chunks))
        chunks = []
        if done is not None and terminal.text() != before:
            return done - sent
    raise TimeoutError(f"{key!r} changed nothing on the screen")


def key_times(argv: list[str], ready: str, data: Path, presses: int, home: str = "") -> list[float]:
    """Key-to-output times of `j` and `space`, from the top: `home` (the reader's `g`) first,
    since a briefing reopens where the last run left it."""
    terminal = Terminal.spawn(argv, data)
    try:
        terminal.wait_for(ready)
        if home:
            terminal.child.send(home)
            terminal.wait_for(ready + " 1 of")
        terminal.drain(1.0)
        times = []
        down = True
        for n in range(presses):
            if home and (at := AT_PASSAGE.search(terminal.text())):
                # At either end, read back the other way: every key measured moves the cursor.
                here, last = int(at[1]), int(at[2])
                down = here < last if here in (1, last) else down
            key = ("j" if n % 4 else " ") if down else ("k" if n % 4 else "b")
            times.append(changed_after(terminal, key))
            time.sleep(0.02)  # a fast typist: keys do not queue up behind each other
        return times
    finally:
        terminal.close()


async def open_times(
    data: Path, documents: list[str], runs: int
) -> tuple[list[float], list[float], list[float]]:
    """Settled-frame times of opening each briefing at its first passage and at its last
    (a place saved far down: the view scrolls there before its first frame), and of pushing
    a one-Static screen, interleaved. Each open saves its place, so both are named."""
    from brief_tui.reading import ReadingPlan
    from brief_tui.tui.app import BriefApp

    app = BriefApp(load_reader_library(data, cached=True), data)
    clock = FrameClock(app, probe)
    at_top: list[float] = []
    at_end: list[float] = []
    trivial: list[float] = []
    ends = {}
    for doc in documents:
        document = app.library.document(doc)
        assert document is not None, doc
        passages = [row.passage for row in ReadingPlan(document).rows if row.passage]
        ends[doc] = (passages[0].id, passages[-1].id)

    async def open_at(doc: str, end: int) -> float:
        push = lambda: app.open_briefing(doc, ends[doc][end])  # noqa: E731
        return (await timed_push(pilot, clock, push))[0]

    async with app.run_test(size=(100, 30)) as pilot:
        await settle_app(pilot)
        await open_at(documents[0], 0)  # warm
        for _ in range(runs):
            for doc in documents:
                trivial.append(
                    (await timed_push(pilot, clock, lambda: app.push_screen(TrivialScreen())))[0]
                )
                at_top.append(await open_at(doc, 0))
                at_end.append(await open_at(doc, -1))
    return at_top, at_end, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=60, help="key presses per run")
    parser.add_argument("--data", type=Path, help="keep the 1,000-briefing data directory here")
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        root = Path(tmp)
        big = args.data or root / "big"
        documents = make_library(big)
        started = time.perf_counter()
        load_reader_library(big, cached=True)
        built = time.perf_counter() - started
        print(f"catalog of {len(documents)} briefings built (or found) in {built:.1f} s")
        libraries = {"1,000 briefings": big, "5 briefings": root / "small"}
        minimal, keyed = write_minimal_app(root), keyed_app(root)
        brief = brief_tui_command()
        sample = [documents[n].id for n in (0, 333, 666, 999)]
        for name, data in libraries.items():
            paints: dict[str, list[float]] = {"brief": [], "minimal": []}
            peaks: dict[str, list[int]] = {"brief": [], "minimal": []}
            keys: dict[str, list[float]] = {"brief": [], "minimal": []}
            target_doc = sample[1] if data == big else "wola-central-america-trips"
            for run in range(args.runs + 1):
                pairs = [
                    ("brief", brief, TITLE, data),
                    ("minimal", minimal, "Hello baseline", root / "m"),
                ]
                for who, argv, text, where in pairs if run % 2 else pairs[::-1]:
                    seconds = first_paint(argv, text, where)
                    if run:
                        paints[who].append(seconds)
                        opened = "Passage 1 of" if who == "brief" else None
                        peaks[who].append(peak_rss(argv, text, opened, where))
                        if who == "brief":
                            keys[who] += key_times(
                                [*brief, target_doc], "Passage", data, args.keys, home="g"
                            )
                        else:
                            keys[who] += key_times(keyed, "Hello baseline", where, args.keys)
            p, m = median(paints["brief"]), median(paints["minimal"])
            rows.append(
                Row(
                    f"{name}: first paint (pty)",
                    ms(p),
                    ms(m),
                    f"{p / m:.2f}x",
                    "<= 1.3x",
                    verdict(p / m <= 1.3),
                )
            )
            a, b = median(peaks["brief"]), median(peaks["minimal"])
            rows.append(
                Row(
                    f"{name}: peak RSS, briefing open",
                    f"{a / 1024:.1f} MiB",
                    f"{b / 1024:.1f} MiB",
                    f"{a / b:.2f}x",
                    "<= 1.5x",
                    verdict(a / b <= 1.5),
                )
            )
            k, kb = percentile(keys["brief"], 95), percentile(keys["minimal"], 95)
            rows.append(
                Row(
                    f"{name}: j/space in a pty x{len(keys['brief'])}, p95",
                    ms(k),
                    ms(kb),
                    f"{k / kb:.2f}x",
                    "< 16.0 ms",
                    verdict(k < 0.016),
                )
            )
            k, kb = median(keys["brief"]), median(keys["minimal"])
            rows.append(
                Row(f"{name}: j/space in a pty, p50", ms(k), ms(kb), f"{k / kb:.2f}x", "-", "info")
            )
            docs = (
                sample if data == big else ["wola-central-america-trips", "us-root-causes-strategy"]
            )
            at_top, at_end, trivial = asyncio.run(open_times(data, docs, args.runs))
            for how, times in (("", at_top), (" at its last passage", at_end)):
                o, t = median(times), median(trivial)
                rows.append(
                    Row(
                        f"{name}: open a briefing{how}, settled frame, x{len(times)} median",
                        ms(o),
                        ms(t),
                        f"{o / t:.2f}x",
                        "< 100.0 ms",
                        verdict(o < 0.1),
                    )
                )
                o, t = max(times), max(trivial)
                rows.append(
                    Row(
                        f"{name}: open a briefing{how}, settled frame, max",
                        ms(o),
                        ms(t),
                        f"{o / t:.2f}x",
                        "< 100.0 ms",
                        verdict(o < 0.1),
                    )
                )
    print_table(
        f"The reader at 1,000 and at 5 briefings, {args.runs} interleaved runs (medians unless said); "
        "baselines: one-Static app (pty), pushing a one-Static screen (open)",
        rows,
    )


if __name__ == "__main__":
    main()
