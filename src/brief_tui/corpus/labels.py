"""Scoring the corpus pipeline against a careful human reading of documents (`labels.json`).

A labels file names, per document, its right title, organisation and date, the junk lines
that must not survive, and quoted items with their recommendation flag and pillars (see the
development set's README). `score_labels` runs the pipeline on each document exactly as
`brief-tui add` would and counts what a reader would notice: a wrong title, junk left in the
text, a recommendation missed or invented, a pillar missing or out of place.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.model import Document

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


def fold(text: str) -> str:
    """Text as the labels compare it: NFKC, lower case, straight quotes and dashes, one space."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).lower().split())


@dataclass
class Counts:
    """True/false positives and negatives of one judgement, summed over items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    file: str
    shape: str
    title: str  # what the pipeline made of it
    title_checkable: bool  # the right title is in the captured text at all
    title_right: bool
    junk: int = 0
    junk_left: list[str] = field(default_factory=list)
    items: int = 0
    items_found: int = 0  # items whose quote lies inside one passage
    recommendations: Counts = field(default_factory=Counts)
    pillars: Counts = field(default_factory=Counts)  # fp: outside `ok`; fn: `primary` missed
    split_sentences: int = 0  # quotes that the pipeline cut across two passages
    failure: str = ""  # the document could not be built at all


def _find(doc: Document, quote: str) -> tuple[tuple[str, ...], bool] | None:
    """(pillars, recommendation) of the passage (or heading's section) holding the quote."""
    wanted = fold(quote)
    for _, passage in doc.passages():
        if wanted in fold(passage.text):
            return passage.pillars, passage.recommendation
    for section in doc.sections:
        if wanted in fold(section.title) and section.passages:
            first = section.passages[0]
            return first.pillars, first.recommendation
    return None


def _split_across(doc: Document, quote: str) -> bool:
    """True when the quote is in the text, but cut between two neighbouring passages."""
    texts = [fold(p.text) for _, p in doc.passages()]
    wanted = fold(quote)
    return any(wanted in f"{a} {b}" for a, b in zip(texts, texts[1:], strict=False))


def _junk_left(doc: Document, junk: str) -> bool:
    wanted = fold(junk)
    if not wanted:
        return False
    texts = [fold(doc.title)] + [fold(s.title) for s in doc.sections]
    texts += [fold(p.text) for _, p in doc.passages()]
    if len(re.findall(r"[^\W\d_]{2,}", wanted)) < 3:
        # 'Home', '2', 'Human Rights': words any text may use; left only when they stand alone.
        return any(t.strip(" .:|") == wanted.strip(" .:|") for t in texts)
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    return any(pattern.search(t) for t in texts)


def score_document(labels: dict[str, Any], root: Path) -> DocumentScore:
    path = root / labels["file"]
    data = path.read_bytes()
    source = fold(data.decode("utf-8", "replace"))
    right_title = fold(labels["title"])
    score = DocumentScore(
        file=labels["file"],
        shape=labels.get("shape", ""),
        title="",
        title_checkable=right_title in source,
        title_right=False,
        junk=len(labels.get("junk", [])),
        items=len(labels.get("items", [])),
    )
    try:
        doc = build_document(data, path.name, Curation(), origin="user")
    except ValueError as exc:
        score.failure = str(exc)
        return score
    score.title = doc.title
    score.title_right = fold(doc.title) == right_title
    score.junk_left = [j for j in labels.get("junk", []) if _junk_left(doc, j)]
    for item in labels.get("items", []):
        found = _find(doc, item["quote"])
        # A label set may leave a part unjudged: "rec": null, or no "ok" pillars.
        judges_rec, judges_pillars = item.get("rec") is not None, item.get("ok") is not None
        rec = bool(item.get("rec"))
        primary, ok = set(item.get("primary") or []), set(item.get("ok") or [])
        if found is None:
            score.split_sentences += _split_across(doc, item["quote"])
            score.recommendations.fn += rec
            score.pillars.fn += len(primary)
            continue
        score.items_found += 1
        pillars, flagged = found
        if judges_rec:
            score.recommendations.add(
                Counts(tp=rec and flagged, fp=flagged and not rec, fn=rec and not flagged)
            )
        tagged = set(pillars)
        if judges_pillars:
            score.pillars.add(
                Counts(tp=len(tagged & ok), fp=len(tagged - ok), fn=len(primary - tagged))
            )
    return score


def score_labels(labels_file: Path) -> list[DocumentScore]:
    """Score every document a labels file describes (paths are relative to the file)."""
    labels = json.loads(labels_file.read_text(encoding="utf-8"))
    return [score_document(doc, labels_file.parent) for doc in labels["documents"]]


@dataclass
class Summary:
    documents: int = 0
    titles_checkable: int = 0
    titles_right: int = 0
    junk: int = 0
    junk_left: int = 0
    items: int = 0
    items_found: int = 0
    split_sentences: int = 0
    recommendations: Counts = field(default_factory=Counts)
    pillars: Counts = field(default_factory=Counts)


def summarise(scores: list[DocumentScore]) -> Summary:
    total = Summary()
    for s in scores:
        total.documents += 1
        total.titles_checkable += s.title_checkable
        total.titles_right += s.title_checkable and s.title_right
        total.junk += s.junk
        total.junk_left += len(s.junk_left)
        total.items += s.items
        total.items_found += s.items_found
        total.split_sentences += s.split_sentences
        total.recommendations.add(s.recommendations)
        total.pillars.add(s.pillars)
    return total
