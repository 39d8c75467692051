"""A synthetic library of 1,000 briefings / 50,000 passages, built from the bundled text.

Each briefing has 5 sections of 10 passages. A passage is a run of sentences of real bundled
passages (~300 characters), a few words swapped for words derived from the real vocabulary so
the vocabulary reaches a realistic size; its pillars and recommendation flag are those of the
passage it starts with. The briefings are written as ordinary content files into a data
directory's `library/`, as `brief-tui add` would, so the reader meets them as a user's own.

    python bench/synthetic_library.py DATA_DIR [--documents 1000] [--passages 50]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from brief_tui import locations
from brief_tui.corpus.ingest import write_document
from brief_tui.corpus.library import load_library
from brief_tui.corpus.model import Document, Passage, Section

SUFFIXES = "s es ed ing er ers ation ations ism ist ists ity ize ized al ive ment ments".split()
PREFIXES = "re un non pre post counter inter sub co de anti trans".split()
SWAP, LENGTH = 0.05, 300


def coined_words(real: list[str], count: int, rng: random.Random) -> list[str]:
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


def synthetic_documents(count: int, per_document: int, seed: int = 2021) -> list[Document]:
    rng = random.Random(seed)
    bundled = load_library((locations.content_dir(), "bundled"))
    real = [p for d in bundled.documents for _, p in d.passages() if len(p.text) > 40]
    sentences = {p.id: re.split(r"(?<=[.!?;])\s+", p.text) for p in real}
    every_sentence = [s for group in sentences.values() for s in group]
    vocabulary = sorted({w for p in real for w in re.findall(r"[a-z]{5,}", p.text.lower())})
    pool = coined_words(vocabulary, 40_000, rng)

    def swap(match: re.Match) -> str:
        if rng.random() >= SWAP:
            return match.group(0)
        word = pool[int(10 * (len(pool) / 10) ** rng.random()) - 1]
        return word.capitalize() if match.group(0)[0].isupper() else word

    documents = []
    sections_per = 5
    for j in range(count):
        source_doc = bundled.documents[j % len(bundled.documents)]
        w1, w2 = rng.sample(vocabulary, 2)
        doc_id = f"{w1}-{w2}-{j:04d}"
        sections = []
        for s in range(sections_per):
            passages = []
            for k in range(per_document // sections_per):
                source = rng.choice(real)
                target = rng.randint(LENGTH - 100, LENGTH + 60)
                text = rng.choice(sentences[source.id])
                while len(text) < target:
                    text += " " + rng.choice(every_sentence)
                if len(text) > target + 60:
                    text = text[:target].rsplit(" ", 1)[0] + "."
                text = re.sub(r"[A-Za-z]+", swap, text)
                passages.append(
                    Passage(
                        f"p-{j * 1000 + s * 100 + k:08x}",
                        "paragraph",
                        text,
                        source.pillars,
                        source.recommendation,
                    )
                )
            sections.append(
                Section(f"s-{j * 10 + s:08x}", f"Part {s + 1}: {w1} {w2}", tuple(passages))
            )
        documents.append(
            Document(
                id=doc_id,
                title=f"{w1.capitalize()} and {w2.capitalize()}: {source_doc.title}"[:120],
                organisations=source_doc.organisations,
                date=source_doc.date,
                kind="document",
                source=f"Synthetic briefing {j}",
                seed=None,
                partial="",
                sections=tuple(sections),
                origin="user",
            )
        )
    return documents


def make_library(data_dir: Path, count: int = 1000, per_document: int = 50) -> list[Document]:
    """Write the synthetic briefings into `data_dir`'s library (skipped when already there)."""
    library = locations.library_dir(data_dir)
    library.mkdir(parents=True, exist_ok=True)
    documents = synthetic_documents(count, per_document)
    if len(list(library.glob("*.toml"))) != count:
        for doc in documents:
            write_document(doc, library, "Written by bench/synthetic_library.py.")
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--passages", type=int, default=50)
    args = parser.parse_args()
    documents = make_library(args.data_dir, args.documents, args.passages)
    print(f"{len(documents)} briefings in {locations.library_dir(args.data_dir)}")


if __name__ == "__main__":
    main()
