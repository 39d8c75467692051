"""Figure: reading a PDF the user adds, against pdfminer's own plain text extraction.

`brief-tui add report.pdf` runs `read_pdf` (pdfminer's layout analysis plus our reading
order, furniture, headings, lists, tables and footnotes) and then builds the document
(boilerplate, sections, ids, pillar tagging). The baseline is
`pdfminer.high_level.extract_text` on the same bytes: the least any pdfminer-based reader
does. Both run in this process, interleaved, on two generated reports (100 and 20 pages):
real sentences from the bundled seeds, set in one or two columns, with headings, lists,
footnotes, a table every few pages, a running header and a page-number footer.

    python bench/pdf_add.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from harness import Row, median, print_table, verdict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the PDF writer the tests use (fpdf2, a test extra)

from brief_tui.corpus.curation import Curation  # noqa: E402
from brief_tui.corpus.formats.pdf import read_pdf  # noqa: E402
from brief_tui.corpus.ingest import build_document  # noqa: E402
from brief_tui.corpus.model import Library  # noqa: E402
from brief_tui.corpus.user_library import add_source  # noqa: E402
from pdfgen import Writer  # noqa: E402

TARGETS = {100: 10.0, 20: 2.0}  # pages -> seconds


def sentences() -> list[str]:
    """Sentences of 8 to 45 words from the bundled seeds, in a fixed order."""
    found: list[str] = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = " ".join(seed.read_text(encoding="utf-8", errors="replace").split())
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
            words = sentence.split()
            if 8 <= len(words) <= 45 and sentence.isascii():
                found.append(sentence)
    return found


def report(pages: int) -> bytes:
    """A report of `pages` pages: odd sections in two columns, even ones in one."""
    pool = sentences()
    taken = 0

    def prose(count: int) -> str:
        nonlocal taken
        chosen = [pool[(taken + i) % len(pool)] for i in range(count)]
        taken += count
        return " ".join(chosen)

    w = Writer(
        header="Root Causes of Migration: A Synthetic Report",
        footer=lambda n: f"Page {n} of {pages}",
        title="Root Causes of Migration: A Synthetic Report",
        author="brief-tui benchmark",
    )
    w.title("Root Causes of Migration: A Synthetic Report")
    note = 0
    section = 0
    while w.pdf.page_no() < pages:
        section += 1
        if section % 2:
            w.two_columns()
        else:
            w.one_column()
        w.heading(f"Section {section}: {pool[section % len(pool)].split(',')[0][:50]}")
        for paragraph in range(5):
            if paragraph == 2:
                w.subheading("Findings and recommendations")
            text = prose(3)
            if paragraph % 2 == 0 and w.pdf.page_no() < pages:
                note += 1
                text += f"{{{note}}}"
                w.note(note, prose(1))
            w.paragraph(text)
        for item in range(3):
            w.item("\u2022", prose(1))
            if item == 1:
                w.item("\u2013", prose(1), depth=1)
        if section % 4 == 0:
            w.table(
                [
                    ["Country", "2019", "2020", "2021"],
                    ["Guatemala", "$120m", "$150m", "$160m"],
                    ["Honduras", "$90m", "$110m", "$118m"],
                    ["El Salvador", "$70m", "$75m", "$77m"],
                ]
            )
    path = BytesIO()
    w.pdf.output(path)
    return path.getvalue()


def add_whole(data: bytes, name: str) -> None:
    """What `brief-tui add` does: read once, build (twice), write the content file."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / name
        source.write_bytes(data)
        library = Path(folder) / "library"
        add_source(source, library, library / "sources", Library(()))


def time_once(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from pdfminer.high_level import extract_text

    rows: list[Row] = []
    for pages in (100, 20):
        data = report(pages)
        name = f"report-{pages}.pdf"
        extracted = read_pdf(data, name)
        doc = build_document(data, name, Curation(), origin="user")
        print(
            f"{name}: {len(data) / 1024:.0f} KiB, {pages} pages; {len(extracted.blocks)} blocks, "
            f"{doc.passage_count} passages in {len(doc.sections)} sections"
        )
        ours: list[float] = []
        baseline: list[float] = []
        reader_only: list[float] = []
        whole: list[float] = []
        for _ in range(args.runs):
            baseline.append(time_once(lambda data=data: extract_text(BytesIO(data))))
            ours.append(
                time_once(
                    lambda data=data, name=name: build_document(
                        data, name, Curation(), origin="user"
                    )
                )
            )
            reader_only.append(time_once(lambda data=data, name=name: read_pdf(data, name)))
            whole.append(time_once(lambda data=data, name=name: add_whole(data, name)))
        measured, base, reader = median(ours), median(baseline), median(reader_only)
        target = TARGETS[pages]
        rows.append(
            Row(
                f"{pages} pages: read_pdf + build_document",
                f"{measured:.2f} s",
                f"{base:.2f} s (extract_text)",
                f"{measured / base:.2f}x",
                f"< {target:.0f} s",
                verdict(measured < target),
            )
        )
        rows.append(
            Row(
                f"{pages} pages: read_pdf alone",
                f"{reader:.2f} s",
                f"{base:.2f} s (extract_text)",
                f"{reader / base:.2f}x",
                "-",
                "info",
            )
        )
        rows.append(
            Row(
                f"{pages} pages: the whole add (add_source)",
                f"{median(whole):.2f} s",
                f"{base:.2f} s (extract_text)",
                f"{median(whole) / base:.2f}x",
                "-",
                "info",
            )
        )
    print_table(f"Adding a PDF, medians of {args.runs} interleaved runs", rows)


if __name__ == "__main__":
    main()
