"""The user's own documents: add one (new, updated in place, or unchanged) and remove one.

A document remembers the file it was added from (`added_from`). Adding from that path again
replaces the document in place: same id and same kept-source name, so the user's notes and
curator corrections follow it (the caller re-anchors the notes). The very same bytes added
from another path is recognised as already there rather than added twice. Documents added
before paths were remembered are matched by kept-source name, title and organisations.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from brief_tui.corpus.curation import Curation, load_curation
from brief_tui.corpus.formats import Extracted, extract
from brief_tui.corpus.ingest import (
    IngestError,
    build_document,
    read_source,
    write_atomically,
    write_document,
)
from brief_tui.corpus.model import Document, Library
from brief_tui.corpus.sanitize import safe_line

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"


@dataclass(frozen=True)
class Added:
    status: str  # ADDED | UPDATED | UNCHANGED
    document: Document
    path: Path  # its content file
    detail: str = ""  # one sentence more, e.g. where the same text already is


def source_identity(source: Path) -> str:
    """The absolute path a source is known by, so re-adding it finds its document."""
    return str(source.expanduser().resolve())


def add_source(source: Path, library_dir: Path, sources_dir: Path, existing: Library) -> Added:
    """Add `source` to the user's library, or update the document it became last time.

    Raises `IngestError` (one sentence) when the source cannot be used; nothing is written then.
    """
    raw = read_source(source)
    origin = source_identity(source)
    read: list[Extracted] = []

    def extracted() -> Extracted:
        """The source read once: a long PDF takes seconds, and it may be built twice below."""
        if not read:
            read.append(extract(raw, safe_file_name(source.name)))
        return read[0]

    curation = load_curation(library_dir) if library_dir.is_dir() else Curation()
    previous = _added_from(existing, origin)
    if previous is None:
        twin = _same_bytes(raw, existing, sources_dir)
        if twin is not None:
            where = f", added from {twin.added_from}" if twin.added_from else ""
            detail = f"The same text is already in your library as {twin.id}{where}."
            return Added(UNCHANGED, twin, Path(twin.path), detail)
        name = _kept_name(source, raw, sources_dir)
        doc = build_document(extracted(), name, curation, origin="user")
        previous = _legacy_match(existing, doc)
    if previous is not None:
        name = previous.seed or _kept_name(source, raw, sources_dir)
        curation = _with_id(curation, name, previous.id)
    else:
        clash = existing.document(doc.id)
        if clash is not None:
            suffix = hashlib.sha1(raw).hexdigest()[:6]
            curation = _with_id(curation, name, f"{doc.id}-{suffix}")
    doc = replace(build_document(extracted(), name, curation, origin="user"), added_from=origin)
    sources_dir.mkdir(parents=True, exist_ok=True)
    kept = sources_dir / name
    if not kept.exists() or kept.read_bytes() != raw:
        write_atomically(kept, raw)
    result = write_document(doc, library_dir, "Written by `brief-tui add`.")
    if previous is None:
        return Added(ADDED, doc, result.path)
    return Added(UNCHANGED if result.status == "unchanged" else UPDATED, doc, result.path)


def remove_document(doc: Document, library: Library, sources_dir: Path) -> None:
    """Delete a user's document: its content file and its kept source (unless shared).

    Notes are not touched: they stay in the note store, orphaned, until the user deletes them.
    """
    if problem := removal_problem(doc):
        raise IngestError(problem)
    try:
        Path(doc.path).unlink(missing_ok=True)
        shared = any(d.seed == doc.seed for d in library.documents if d.id != doc.id)
        if doc.seed and not shared:
            (sources_dir / doc.seed).unlink(missing_ok=True)
    except OSError as exc:
        raise IngestError(
            f"{doc.path} could not be removed ({exc.strerror or exc}); nothing else was changed."
        ) from exc


def removal_problem(doc: Document) -> str | None:
    """Why `doc` cannot be removed (a bundled briefing), or None."""
    if doc.origin != "user":
        return f"“{doc.title}” is a bundled briefing; only documents you added can be removed."
    return None


def _added_from(library: Library, origin: str) -> Document | None:
    return next(
        (d for d in library.documents if d.origin == "user" and d.added_from == origin), None
    )


def _legacy_match(library: Library, fresh: Document) -> Document | None:
    """A document added before paths were remembered: same kept name, title and organisations."""
    return next(
        (
            d
            for d in library.documents
            if d.origin == "user"
            and not d.added_from
            and d.seed == fresh.seed
            and d.title == fresh.title
            and d.organisations == fresh.organisations
        ),
        None,
    )


def _same_bytes(raw: bytes, library: Library, sources_dir: Path) -> Document | None:
    """A user's document whose kept source holds exactly `raw` (sizes compared first)."""
    for doc in library.documents:
        if doc.origin != "user" or not doc.seed:
            continue
        kept = sources_dir / doc.seed
        try:
            if kept.stat().st_size == len(raw) and kept.read_bytes() == raw:
                return doc
        except OSError:
            continue
    return None


def _with_id(curation: Curation, name: str, doc_id: str) -> Curation:
    seeds = {**curation.seeds, name: dict(curation.seeds.get(name, {}), id=doc_id)}
    return Curation(seeds=seeds, passages=curation.passages)


_UNSAFE_NAME = re.compile(r"[^\w.() -]+")


def safe_file_name(name: str) -> str:
    """A file name that is one line, has no path separators and does not start with a dot."""
    cleaned = _UNSAFE_NAME.sub("-", safe_line(name)).strip(" .-")
    return cleaned or "document.txt"


def _kept_name(source: Path, raw: bytes, sources_dir: Path) -> str:
    """The name the source is kept under: its own (made safe), unless another file has it."""
    name = safe_file_name(source.name)
    kept = sources_dir / name
    if not kept.exists() or kept.read_bytes() == raw:
        return name
    digest = hashlib.sha1(raw).hexdigest()[:6]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{digest}.{suffix}" if dot and stem else f"{name}-{digest}"
