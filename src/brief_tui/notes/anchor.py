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
import threading
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass

from brief_tui.corpus.model import Document

CONTEXT_CHARS = 32  # prefix/suffix length kept with each quote
# No offset can be larger: SQLite keeps no text longer than this (SQLITE_MAX_LENGTH, in bytes,
# so in characters too), and an offset past it would not even fit a SQLite integer for long.
MAX_OFFSET = 1_000_000_000
MAX_CANDIDATES = 200  # verbatim occurrences weighed per search; bounds pathological quotes
_SEPARATOR = "\x00"  # joins passage texts for a document-wide search

EXACT, MOVED, ORPHANED = "exact", "moved", "orphaned"


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
_CACHE_LOCK = threading.Lock()  # the UI resolves on its thread and re-anchors in a worker


def _text_of(doc: Document) -> _DocumentText:
    """The indexed text of `doc`, cached by object identity (documents are immutable)."""
    with _CACHE_LOCK:
        cached = _CACHE.get(id(doc))
        if cached is not None and cached[0] is doc:
            _CACHE.move_to_end(id(doc))
            return cached[1]
    indexed = _DocumentText(doc)
    with _CACHE_LOCK:
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
    # rapidfuzz is imported only when a note actually needs fuzzy matching.
    from brief_tui.notes.fuzzy import find_approximately

    found = find_approximately(anchor.quote, anchor.prefix, anchor.suffix, indexed.texts)
    if found is None:
        return None
    index, start, end = found
    return Resolution(MOVED, indexed.ids[index], start, end)
