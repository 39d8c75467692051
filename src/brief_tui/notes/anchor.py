"""Anchors: where a note points, recorded so it can be found again after the text is edited.

Modelled on W3C Web Annotation selectors: a position (passage id and code-point offsets into
the passage's plain text) backed by a quote with a little context either side. Passage ids
come from passage text, so any edit to a passage gives it a new id; the quote is what lets a
note follow its words. Resolution tries the cheap, certain steps first (same text, then a
verbatim search) and only falls back to fuzzy matching when those fail.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from brief_tui.corpus.model import Document

CONTEXT_CHARS = 32  # prefix/suffix length kept with each quote
FUZZY_THRESHOLD = 80  # rapidfuzz score (0-100) a fuzzy match must reach
SHORT_QUOTE = 12  # quotes shorter than this need their context to match too
MAX_CANDIDATES = 200  # verbatim occurrences weighed per search; bounds pathological quotes
_FUZZY_SHORTLIST = 8  # best-scoring passages checked in detail
_PIECE = 64  # longest needle rapidfuzz scores quickly
_MAX_PIECES = 8  # bounds the work for very long quotes
_PIECE_THRESHOLD = 70  # a piece's score may dip below the whole's
_MAX_REACH = 16  # how far a fuzzy span's ends may be nudged
_SEPARATOR = "\x00"  # joins passage texts for a document-wide search

EXACT, MOVED, ORPHANED = "exact", "moved", "orphaned"


@dataclass(frozen=True)
class Anchor:
    """A span of one passage: where it was, and what it said."""

    document: str
    content_hash: str  # document_hash() of the document when the anchor was made
    passage: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Resolution:
    """Where an anchor points in the current text; passage is None when it is orphaned."""

    status: str  # "exact" | "moved" | "orphaned"
    passage: str | None
    start: int
    end: int


_ORPHANED = Resolution(ORPHANED, None, 0, 0)


class _DocumentText:
    """One document's passage texts, indexed once so thousands of anchors resolve quickly."""

    __slots__ = ("ids", "texts", "position", "joined", "starts", "hash")

    def __init__(self, doc: Document) -> None:
        self.ids = [p.id for _, p in doc.passages()]
        self.texts = [p.text for _, p in doc.passages()]
        self.position: dict[str, int] = {}
        for index, passage_id in enumerate(self.ids):
            self.position.setdefault(passage_id, index)
        self.joined = _SEPARATOR.join(self.texts)
        self.starts: list[int] = []
        offset = 0
        for text in self.texts:
            self.starts.append(offset)
            offset += len(text) + len(_SEPARATOR)
        digest = hashlib.blake2b(digest_size=8)
        for text in self.texts:
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\x1e")
        self.hash = digest.hexdigest()


_CACHE: OrderedDict[int, tuple[Document, _DocumentText]] = OrderedDict()
_CACHE_SIZE = 64


def _text_of(doc: Document) -> _DocumentText:
    """The indexed text of `doc`, cached by object identity (documents are immutable)."""
    cached = _CACHE.get(id(doc))
    if cached is not None and cached[0] is doc:
        return cached[1]
    indexed = _DocumentText(doc)
    _CACHE[id(doc)] = (doc, indexed)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return indexed


def document_hash(doc: Document) -> str:
    """A short, stable fingerprint of the document's passage texts in reading order."""
    return _text_of(doc).hash


def passage_index(doc: Document, passage_id: str) -> int | None:
    """The passage's place in reading order, or None; the store sorts notes by it."""
    return _text_of(doc).position.get(passage_id)


def make_anchor(doc: Document, passage_id: str, start: int, end: int) -> Anchor:
    """An anchor for text[start:end] of one passage; ValueError for a bad id or offsets."""
    indexed = _text_of(doc)
    index = indexed.position.get(passage_id)
    if index is None:
        raise ValueError(f"Document {doc.id!r} has no passage {passage_id!r}.")
    text = indexed.texts[index]
    if not 0 <= start < end <= len(text):
        raise ValueError(
            f"Offsets {start}..{end} are not a non-empty span of passage {passage_id!r}, "
            f"which has {len(text)} characters."
        )
    return Anchor(
        document=doc.id,
        content_hash=indexed.hash,
        passage=passage_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def resolve(anchor: Anchor, doc: Document | None) -> Resolution:
    """Where `anchor` points in `doc` now: exact, moved, or orphaned when it cannot be found."""
    if doc is None or not anchor.quote:
        return _ORPHANED
    indexed = _text_of(doc)
    old_index = indexed.position.get(anchor.passage)
    if (
        old_index is not None
        and anchor.content_hash == indexed.hash
        and indexed.texts[old_index][anchor.start : anchor.end] == anchor.quote
    ):
        return Resolution(EXACT, anchor.passage, anchor.start, anchor.end)
    found = _verbatim(anchor, indexed, old_index)
    if found is not None:
        return found
    return _fuzzy(anchor, indexed) or _ORPHANED


def _verbatim(anchor: Anchor, indexed: _DocumentText, old_index: int | None) -> Resolution | None:
    """The best verbatim occurrence: in the anchor's own passage first, then anywhere."""
    candidates: list[tuple[int, int]] = []
    if old_index is not None:
        text = indexed.texts[old_index]
        candidates = [(old_index, s) for s in _occurrences(text, anchor.quote)]
    if not candidates:
        size = len(anchor.quote)
        for g in _occurrences(indexed.joined, anchor.quote):
            index = bisect_right(indexed.starts, g) - 1
            local = g - indexed.starts[index]
            if local + size <= len(indexed.texts[index]):  # not across two passages
                candidates.append((index, local))
    if not candidates:
        return None

    def rank(candidate: tuple[int, int]) -> tuple[int, int, int]:
        index, start = candidate
        agreement = _agreement(anchor, indexed.texts[index], start, start + len(anchor.quote))
        distance = abs(index - old_index) if old_index is not None else 0
        return (-agreement, distance, abs(start - anchor.start))

    index, start = candidates[0] if len(candidates) == 1 else min(candidates, key=rank)
    end = start + len(anchor.quote)
    passage_id = indexed.ids[index]
    unchanged = (
        passage_id == anchor.passage
        and start == anchor.start
        and _agreement(anchor, indexed.texts[index], start, end)
        == len(anchor.prefix) + len(anchor.suffix)
    )
    return Resolution(EXACT if unchanged else MOVED, passage_id, start, end)


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `haystack`, overlapping ones included, at most a bounded few."""
    found: list[int] = []
    at = haystack.find(needle)
    while at != -1 and len(found) < MAX_CANDIDATES:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _agreement(anchor: Anchor, text: str, start: int, end: int) -> int:
    """How many characters of the anchor's prefix and suffix still sit around text[start:end]."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    tail = len(os.path.commonprefix([anchor.prefix[::-1], before[::-1]]))
    head = len(os.path.commonprefix([anchor.suffix, after]))
    return tail + head


def _fuzzy(anchor: Anchor, indexed: _DocumentText) -> Resolution | None:
    """The closest approximate match; short quotes must bring their context along."""
    if len(anchor.quote) < SHORT_QUOTE:
        return _fuzzy_short(anchor, indexed)
    span = _best_alignment(anchor.quote, indexed)
    if span is None:
        return None
    index, start, end = span
    return Resolution(MOVED, indexed.ids[index], start, end)


def _fuzzy_short(anchor: Anchor, indexed: _DocumentText) -> Resolution | None:
    """Find quote-with-context approximately, then the quote inside that window."""
    if not anchor.prefix and not anchor.suffix:  # a whole short passage: match whole passages
        best = process.extractOne(
            anchor.quote, indexed.texts, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        if best is None or not indexed.texts[best[2]]:
            return None
        index = best[2]
        return Resolution(MOVED, indexed.ids[index], 0, len(indexed.texts[index]))
    span = _best_alignment(anchor.prefix + anchor.quote + anchor.suffix, indexed)
    if span is None:
        return None
    index, window_start, window_end = span
    slack = len(anchor.quote)
    lo = max(0, window_start - slack)
    window = indexed.texts[index][lo : window_end + slack]
    inner = fuzz.partial_ratio_alignment(anchor.quote, window, score_cutoff=FUZZY_THRESHOLD)
    if inner is None or inner.dest_end <= inner.dest_start:
        return None
    start, end = _refine(anchor.quote, window, inner.dest_start, inner.dest_end)
    return Resolution(MOVED, indexed.ids[index], lo + start, lo + end)


def _best_alignment(needle: str, indexed: _DocumentText) -> tuple[int, int, int] | None:
    """(passage index, start, end) of the best approximate match of `needle`, or None.

    rapidfuzz's partial ratio slows down sharply for needles over 64 characters, so long
    needles are shortlisted by their 64-character pieces (an edit that keeps the whole at 80%
    leaves some piece close to that too) and only the shortlist is scored in full. A passage
    shorter than the needle can only match as a whole, so it is scored by plain ratio.
    """
    cutoff, limit = FUZZY_THRESHOLD, _FUZZY_SHORTLIST
    shortlist: dict[int, float] = {}
    shorter = {i: t for i, t in enumerate(indexed.texts) if 0 < len(t) < len(needle)}
    for _, score, index in process.extract(
        needle, shorter, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
    ):
        shortlist[index] = score
    pieces = _pieces(needle)
    shortest = min(len(piece) for piece in pieces)
    pool = {i: t for i, t in enumerate(indexed.texts) if len(t) >= shortest}
    for piece in pieces:
        for _, score, index in process.extract(
            piece, pool, scorer=fuzz.partial_ratio, score_cutoff=_PIECE_THRESHOLD, limit=limit
        ):
            shortlist[index] = shortlist.get(index, 0.0) + score
    best: tuple[float, int, int, int] | None = None
    for index in sorted(shortlist, key=lambda i: (-shortlist[i], i))[:limit]:
        text = indexed.texts[index]
        if len(text) < len(needle):
            score, start, end = fuzz.ratio(needle, text), 0, len(text)
        else:
            aligned = fuzz.partial_ratio_alignment(needle, text, score_cutoff=cutoff)
            if aligned is None:
                continue
            start, end = _refine(needle, text, aligned.dest_start, aligned.dest_end)
            score = aligned.score
        if score >= cutoff and end > start and (best is None or score > best[0]):
            best = (score, index, start, end)
    return None if best is None else best[1:]


def _pieces(needle: str) -> list[str]:
    """Up to _MAX_PIECES evenly spread pieces of at most _PIECE characters covering `needle`."""
    count = -(-len(needle) // _PIECE)
    size = -(-len(needle) // count)
    starts = list(range(0, len(needle), size))
    if len(starts) > _MAX_PIECES:
        step = len(starts) / _MAX_PIECES
        starts = [starts[int(k * step)] for k in range(_MAX_PIECES)]
    return [needle[start : start + size] for start in starts]


def _refine(needle: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Nudge the ends of an aligned span to fit `needle` best.

    partial_ratio aligns a window exactly as long as the needle, so after an insertion or a
    deletion the window cuts a word short or takes a character too many.
    """
    reach = min(_MAX_REACH, max(3, len(needle) // 10))

    def misfit(s: int, e: int) -> int:  # edits needed; a substitution counts once
        return Levenshtein.distance(needle, text[s:e])

    ends = range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
    end = min(ends, key=lambda e: (misfit(start, e), abs(e - end)))
    starts = range(max(0, start - reach), min(end - 1, start + reach) + 1)
    start = min(starts, key=lambda s: (misfit(s, end), abs(s - start)))
    return start, end
