"""Figure 5 (issue 4): search as you type, per keystroke, bundled and 50,000 passages.

The search screen calls `index.search(typed_so_far)` on every keystroke, so what a person
feels is the latency of each prefix of a query, not of the finished query: each query below is
typed one character at a time and every prefix is timed with `limit=20` (the issue's figure;
the screen asks for 100, timed too). The word expansions (prefix and fuzzy matches of each
query word) are memoised inside the index; the cache is cleared before each query, so every
query is timed as if typed for the first time, then the same keystrokes again with the cache
warm, to show what expansion costs.

The bundled corpus is small (164 passages), so a synthetic corpus of 50,000 ~300-character
passages is built from it: sentences of real passages recombined, with some words swapped for
words derived from the real vocabulary (inflections, prefixes, splices, drawn Zipf-like) so the
vocabulary reaches a realistic size, spread over 200 fake briefings whose titles are indexed
too (so `d:` filters have something to match). Pillars and recommendation flags come from the
passage each synthetic one starts with.

The baseline, timed in the same run and interleaved query by query, is the naive scan the index
replaces: `rapidfuzz.process.extract` of the finished query over every passage text, with
`fuzz.partial_ratio` and with `fuzz.token_set_ratio`. Building the index is timed and its
memory measured (tracemalloc, and the change in resident memory) beside the bundled corpus'
build; the UI builds it in a worker thread, so it is reported, not held to a target.

    python bench/search.py [--runs N] [--big-runs N]
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import subprocess
import time
import tracemalloc
from pathlib import Path

from harness import Row, median, ms, percentile, print_table, verdict
from rapidfuzz import fuzz, process

from brief_tui import locations
from brief_tui.corpus.library import load_library
from brief_tui.search import Entry, SearchIndex, library_entries

LONG = (
    "the united states should suspend military and police assistance to honduras guatemala "
    "and el salvador and end training of their security forces"  # 20 words, pasted or typed
)
QUERIES = [
    "the $130 million",
    "COMAR",
    "anti-impunity",
    "corruptoin task force",
    "asylim mexico",
    "militery police asistance",
    "gender based violence",
    "remain in mexico",
    "title 42 expulsions",
    "civil society",
    "rule of law",
    "human smuggling",
    "p:II rec corruption",
    "d:wola asylum",
    '"task force"',
    LONG,
    "migration",
]
TYPOS = [
    "corruptoin task force",
    "asylim mexico",
    "militery police asistance",
    "gender based violence",
]
SCORERS = {"partial_ratio": fuzz.partial_ratio, "token_set_ratio": fuzz.token_set_ratio}
TARGETS = {"bundled": 0.005, "synthetic": 0.030}  # p95 per keystroke, seconds

PASSAGES, DOCUMENTS, LENGTH, SWAP = 50_000, 200, 300, 0.05
SUFFIXES = "s es ed ing er ers ation ations ism ist ists ity ize ized al ive ment ments".split()
PREFIXES = "re un non pre post counter inter sub co de anti trans".split()


# The synthetic corpus ---------------------------------------------------------------------


def coined_words(real: list[str], count: int, rng: random.Random) -> list[str]:
    """Words that look like the corpus': real words inflected, prefixed, or spliced."""
    known, coined = set(real), {}
    while len(coined) < count:
        a, b, roll = rng.choice(real), rng.choice(real), rng.random()
        if roll < 0.4:
            word = a + rng.choice(SUFFIXES)
        elif roll < 0.6:
            word = rng.choice(PREFIXES) + a
        else:
            word = a[: rng.randint(2, len(a) - 2)] + b[rng.randint(2, len(b) - 2) :]
        if word not in known:
            coined.setdefault(word)
    return list(coined)


def synthetic_entries(real: list[Entry], rng: random.Random) -> list[Entry]:
    """200 fake briefing titles and 50,000 passages recombined from the real ones."""
    passages = [e for e in real if e.kind == "passage" and len(e.text) > 40]
    titles = [e for e in real if e.kind == "title"]
    sentences = {e: re.split(r"(?<=[.!?;])\s+", e.text) for e in passages}
    every_sentence = [s for group in sentences.values() for s in group]
    vocabulary = sorted({w for e in passages for w in re.findall(r"[a-z]{5,}", e.text.lower())})
    pool = coined_words(vocabulary, 40_000, rng)

    def swap(match: re.Match) -> str:
        if rng.random() >= SWAP:
            return match.group(0)
        word = pool[int(10 * (len(pool) / 10) ** rng.random()) - 1]  # rank r: p ~ 1/r, r >= 10
        return word.capitalize() if match.group(0)[0].isupper() else word

    documents = []
    for j in range(DOCUMENTS):
        source = titles[j % len(titles)]
        w1, w2 = rng.sample(vocabulary, 2)
        document = f"{source.document.split('-')[0]}-{w1}-{w2}-{j:03d}"
        title = f"{w1.capitalize()} and {w2.capitalize()}: {source.document_title}"
        documents.append(Entry("title", document, title, source.organisations, "", None, title))
    entries = list(documents)
    for i in range(PASSAGES):
        source, doc = rng.choice(passages), rng.choice(documents)
        target = rng.randint(LENGTH - 100, LENGTH + 60)
        text = rng.choice(sentences[source])
        while len(text) < target:
            text += " " + rng.choice(every_sentence)
        if len(text) > target + 60:
            text = text[:target].rsplit(" ", 1)[0] + "."
        text = re.sub(r"[A-Za-z]+", swap, text)
        entries.append(
            Entry(
                "passage",
                doc.document,
                doc.document_title,
                doc.organisations,
                source.section,
                f"p-{i:08x}",
                text,
                source.pillars,
                source.recommendation,
            )
        )
    return entries


# Measuring --------------------------------------------------------------------------------


def engine_version() -> str:
    """The commit measured, and whether the search package had uncommitted changes."""
    git = ["git", "-C", str(Path(__file__).parent)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "../src/brief_tui/search"],
        capture_output=True,
        text=True,
    )
    changed = " ".join(line[3:] for line in dirty.stdout.splitlines())
    return f"{head.stdout.strip()}" + (f" + uncommitted {changed}" if changed else "")


def rss_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(r for r in status.splitlines() if r.startswith("VmRSS:")).split()[1])


def build_cost(entries: list[Entry], runs: int) -> dict[str, float]:
    """Median build time; resident memory gained by the first build; tracemalloc peak and
    what the index keeps (measured in a separate build, as tracing slows building down)."""
    times, rss = [], None
    for _ in range(runs):
        gc.collect()
        before, started = rss_kib(), time.perf_counter()
        index = SearchIndex.build(entries)
        times.append(time.perf_counter() - started)
        rss = (rss_kib() - before) * 1024 if rss is None else rss
        del index
    gc.collect()
    tracemalloc.start()
    index = SearchIndex.build(entries)  # kept alive until measured
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return {"time": median(times), "rss": rss, "peak": peak, "kept": kept}


def type_queries(index: SearchIndex, texts: list[str], runs: int) -> dict:
    """Each query typed a keystroke at a time (expansions cold, then warm, then warm with the
    search screen's limit=100), interleaved with the naive scans of the finished query; which
    goes first alternates."""
    typed: dict[str, list[float]] = {q: [] for q in QUERIES}
    warm: list[float] = []
    wide: list[float] = []  # limit=100, as the search screen asks
    naive: dict[str, dict[str, list[float]]] = {s: {q: [] for q in QUERIES} for s in SCORERS}

    def engine(query: str) -> None:
        index.expand.cache_clear()
        prefixes = [query[:k] for k in range(1, len(query) + 1)]
        for clock, limit in ((typed[query], 20), (warm, 20), (wide, 100)):
            for prefix in prefixes:
                started = time.perf_counter()
                index.search(prefix, limit=limit)
                clock.append(time.perf_counter() - started)

    def scan(query: str) -> None:
        for name, scorer in SCORERS.items():
            started = time.perf_counter()
            process.extract(query, texts, scorer=scorer, limit=20)
            naive[name][query].append(time.perf_counter() - started)

    for run in range(runs):
        for n, query in enumerate(QUERIES if run % 2 == 0 else QUERIES[::-1]):
            for step in (engine, scan) if (run + n) % 2 == 0 else (scan, engine):
                step(query)
    return {"typed": typed, "warm": warm, "wide": wide, "naive": naive}


def stats(values: list[float]) -> tuple[float, float, float]:
    return median(values), percentile(values, 95), max(values)


def report(name: str, corpus: str, result: dict, target: float) -> list[Row]:
    typed = [t for times in result["typed"].values() for t in times]
    short = [t for q, times in result["typed"].items() if q != LONG for t in times]
    last = [times[len(q) - 1 :: len(q)] for q, times in result["typed"].items()]
    full = [t for times in last for t in times]  # the finished query, as the naive scan has it
    p50, p95, top = stats(typed)
    print(f"\n{name}: {corpus}")
    print(f"  {'query':<34} {'keys':>4} {'p50':>9} {'p95':>9} {'max':>9} {'>target':>7}  max at")
    for query, times in result["typed"].items():
        slowest = max(range(len(times)), key=times.__getitem__) % len(query)
        shown = query if len(query) <= 34 else query[:31] + "..."
        print(
            f"  {shown:<34} {len(query):>4} {ms(median(times)):>9} "
            f"{ms(percentile(times, 95)):>9} {ms(max(times)):>9} "
            f"{sum(t >= target for t in times):>7}  {query[: slowest + 1]!r:.40}"
        )
    for scorer, per_query in result["naive"].items():
        values = [t for times in per_query.values() for t in times]
        slowest = max(per_query, key=lambda q: max(per_query[q]))
        print(
            f"  naive {scorer:<16} per finished query: p50 {ms(median(values))}, "
            f"p95 {ms(percentile(values, 95))}, max {ms(max(values))} ({slowest[:30]!r})"
        )
        speed = median(values) / p50, percentile(values, 95) / p95
        print(
            f"    speed-up (naive / engine per keystroke): p50 {speed[0]:.1f}x, p95 {speed[1]:.1f}x"
        )
    naive = [t for times in result["naive"]["partial_ratio"].values() for t in times]
    tokens = [t for times in result["naive"]["token_set_ratio"].values() for t in times]
    warm, wide = stats(result["warm"]), stats(result["wide"])

    def row(figure: str, measured: float, baseline: float, goal: float | None = None) -> Row:
        return Row(
            f"{name}: {figure}",
            ms(measured),
            ms(baseline),
            f"{measured / baseline:.3f}x",
            f"< {ms(goal)}" if goal else "-",
            verdict(measured < goal) if goal else "info",
        )

    keys = f"x{len(typed)}"
    return [
        row(f"keystroke {keys} p50 / partial_ratio p50", p50, median(naive)),
        row(f"keystroke {keys} p95 / partial_ratio p95", p95, percentile(naive, 95), target),
        row(f"keystroke {keys} max / partial_ratio max", top, max(naive)),
        row(f"keystroke x{len(short)} p95, without the 20-word query", percentile(short, 95), p95),
        row(f"keystroke {keys} p95 / token_set_ratio p95", p95, percentile(tokens, 95)),
        row(f"finished query x{len(full)} p50 / partial_ratio p50", median(full), median(naive)),
        row("keystroke p95, expansions cached / as typed", warm[1], p95),
        row("keystroke max, expansions cached / as typed", warm[2], top),
        row("keystroke p95, limit=100 (cached) / limit=20 (cached)", wide[1], warm[1]),
    ]


def show_top(index: SearchIndex) -> None:
    print("\nTop 3 on the bundled corpus for the queries with typos:")
    for query in TYPOS:
        print(f"  {query!r}")
        for hit in index.search(query, limit=3):
            print(f"    {hit.score:7.2f}  {hit.entry.document[:24]:<24} {hit.snippet[:110]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="typings of each query, bundled")
    parser.add_argument("--big-runs", type=int, default=2, help="typings of each, synthetic")
    args = parser.parse_args()

    library = load_library((locations.content_dir(), "bundled"))
    bundled = library_entries(library)
    started = time.perf_counter()
    synthetic = synthetic_entries(bundled, random.Random(2021))
    made = time.perf_counter() - started
    corpora = {"bundled": bundled, "synthetic": synthetic}

    costs = {"bundled": build_cost(bundled, 21), "synthetic": build_cost(synthetic, 3)}
    indexes = {name: SearchIndex.build(entries) for name, entries in corpora.items()}
    texts = {n: [e.text for e in entries if e.kind == "passage"] for n, entries in corpora.items()}
    describe = {}
    for name, entries in corpora.items():
        lengths = [len(t) for t in texts[name]]
        describe[name] = (
            f"{len(texts[name]):,} passages, {len(entries) - len(lengths)} titles/sections, "
            f"mean {sum(lengths) / len(lengths):.0f} chars, "
            f"{len(indexes[name].vocabulary):,} distinct index words"
        )
    print(f"engine: {engine_version()}")
    print(f"synthetic corpus made in {made:.1f} s: {describe['synthetic']}")

    show_top(indexes["bundled"])
    rows = []
    for name, runs in (("bundled", args.runs), ("synthetic", args.big_runs)):
        result = type_queries(indexes[name], texts[name], runs)
        rows += report(name, describe[name], result, TARGETS[name])

    small, big = costs["bundled"], costs["synthetic"]
    mib = 1024 * 1024
    for figure, key in (("time", "time"), ("RSS gained", "rss"), ("tracemalloc peak", "peak")):
        to_text = ms if key == "time" else (lambda b: f"{b / mib:.1f} MiB")
        rows.append(
            Row(
                f"build {figure}, synthetic / bundled",
                to_text(big[key]),
                to_text(small[key]),
                f"{big[key] / small[key]:.0f}x" if small[key] > 0 else "-",
                "-",
                "info",
            )
        )
    rows.append(
        Row(
            "index kept (tracemalloc), synthetic / bundled",
            f"{big['kept'] / mib:.1f} MiB",
            f"{small['kept'] / mib:.1f} MiB",
            f"{big['kept'] / small['kept']:.0f}x",
            "-",
            "info",
        )
    )
    print_table(
        "Search per keystroke (limit=20, expansions cleared per query) vs the naive scan of "
        f"the finished query; runs: bundled {args.runs}, synthetic {args.big_runs}; "
        "build: median of 21 / 3",
        rows,
    )


if __name__ == "__main__":
    main()
