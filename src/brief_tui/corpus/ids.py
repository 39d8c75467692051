"""Stable identifiers derived from content, so they survive re-ingest and reordering."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_STOP = frozenset(["a", "an", "and", "the", "of", "to", "in", "for", "on", "with", "by", "can"])


def slugify(text: str, max_words: int = 6) -> str:
    """'Only a Rethinking of U.S. Foreign Policy' -> 'only-rethinking-us-foreign-policy'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace(".", ""))
    kept = [w for w in words if w not in _STOP] or words
    return "-".join(kept[:max_words]) or "document"


# Names a content directory keeps for itself: a document may never be written over them.
RESERVED_DOCUMENT_IDS = frozenset({"curation"})


def document_id(title: str) -> str:
    """A document id from its title, never one of the content directory's own file names."""
    slug = slugify(title)
    return f"{slug}-document" if slug in RESERVED_DOCUMENT_IDS else slug


def reserved_id_problem(doc_id: str) -> str | None:
    """Why `doc_id` cannot name a document, when it is one of the reserved names."""
    if doc_id in RESERVED_DOCUMENT_IDS:
        return f"document id “{doc_id}” is reserved for the library's own {doc_id}.toml file"
    return None


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def normalise_for_id(text: str) -> str:
    return " ".join(text.lower().split())


class IdAllocator:
    """Hands out `p-xxxxxxxx` / `s-xxxxxxxx` ids from content, disambiguating repeats."""

    def __init__(self, doc_id: str) -> None:
        self._doc_id = doc_id
        self._seen: dict[str, int] = {}

    def _unique(self, base: str) -> str:
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}-{count}"

    def passage(self, text: str) -> str:
        return self._unique("p-" + _digest(self._doc_id, "p", normalise_for_id(text)))

    def section(self, title: str) -> str:
        return self._unique("s-" + _digest(self._doc_id, "s", normalise_for_id(title)))
