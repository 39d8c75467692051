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

from brief_tui.corpus.curation import (
    CURATION_FILE,
    Curation,
    load_curation,
    set_curation_values,
)
from brief_tui.corpus.formats import extract
from brief_tui.corpus.ids import document_id
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


@dataclass(frozen=True)
class Overrides:
    """What the user says about a source that it does not say itself (`add --title` …)."""

    title: str = ""
    organisations: tuple[str, ...] = ()
    date: str | None = None

    def fields(self) -> dict[str, object]:
        values: dict[str, object] = {}
        if self.title:
            values["title"] = self.title
        if self.organisations:
            values["organisations"] = list(self.organisations)
        if self.date:
            values["date"] = self.date
        return values


class UserLibrary:
    """The user's documents while adding: one load of the library and curation per batch.

    Each add updates the in-memory list of documents, so a batch of a hundred files checks
    ids and duplicates against what it has already added without reading anything again.
    """

    def __init__(self, library_dir: Path, sources_dir: Path, existing: Library) -> None:
        self.library_dir = library_dir
        self.sources_dir = sources_dir
        self.documents = list(existing.documents)
        self._curation: Curation | None = None

    @property
    def curation(self) -> Curation:
        if self._curation is None:
            self._curation = (
                load_curation(self.library_dir) if self.library_dir.is_dir() else Curation()
            )
        return self._curation

    def add_file(self, source: Path, overrides: Overrides = Overrides()) -> Added:
        """Add a file, or update the document it became when it was added before.

        Raises `IngestError` (one sentence) when it cannot be used; nothing is written then.
        """
        return self.add_bytes(read_source(source), source.name, source_identity(source), overrides)

    def add_url(self, url: str, overrides: Overrides = Overrides()) -> Added:
        """Download a web page or PDF and add it; the URL is its citation and identity."""
        from brief_tui.corpus.fetch import document_bytes, fetch
        from brief_tui.corpus.formats import format_for_media_type

        fetched = fetch(url)
        source_format = format_for_media_type(fetched.media_type)
        if source_format is None:
            raise IngestError(
                f"{url} is {fetched.media_type or 'of an unknown kind'}, not a web page or a "
                "document brief-tui reads."
            )
        name = url_file_name(fetched.final_url or url, source_format.suffixes[0])
        return self.add_bytes(document_bytes(fetched), name, url, overrides, citation=url)

    def add_bytes(
        self,
        raw: bytes,
        file_name: str,
        origin: str,
        overrides: Overrides = Overrides(),
        citation: str = "",
    ) -> Added:
        """Add a source's bytes, known by `origin` (its absolute path or URL).

        `file_name` names the format (by its suffix) and the kept copy; `citation` is where a
        reader can find the source (a URL) when the source does not say.
        """
        existing = Library(tuple(self.documents))
        previous = _added_from(existing, origin)
        if previous is None:
            twin = _same_bytes(raw, existing, self.sources_dir)
            if twin is not None:
                where = f", added from {twin.added_from}" if twin.added_from else ""
                detail = f"The same text is already in your library as {twin.id}{where}."
                return Added(UNCHANGED, twin, Path(twin.path), detail)
        # Read once: a long PDF takes seconds, and a new document is built twice below.
        extracted = extract(raw, safe_file_name(file_name))
        if previous is None:
            name = _kept_name(file_name, raw, self.sources_dir)
            doc = build_document(extracted, name, self._with_overrides(name, overrides), "user")
            previous = _legacy_match(existing, doc)
        if previous is not None:
            name = previous.seed or _kept_name(file_name, raw, self.sources_dir)
            doc_id = previous.id
        else:
            doc_id = document_id(overrides.title) if overrides.title else doc.id
            if existing.document(doc_id) is not None:
                doc_id = f"{doc.id}-{hashlib.sha1(raw).hexdigest()[:6]}"
        self._remember_overrides(name, overrides)
        curation = _with_id(self.curation, name, doc_id)
        doc = replace(build_document(extracted, name, curation, "user"), added_from=origin)
        if citation and "source" not in curation.seeds.get(name, {}):
            doc = replace(doc, source=citation)
        self.sources_dir.mkdir(parents=True, exist_ok=True)
        kept = self.sources_dir / name
        if not kept.exists() or kept.read_bytes() != raw:
            write_atomically(kept, raw)
        result = write_document(doc, self.library_dir, "Written by `brief-tui add`.")
        doc = replace(doc, path=str(result.path))
        self.documents = [d for d in self.documents if d.id != doc.id] + [doc]
        if previous is None:
            return Added(ADDED, doc, result.path)
        return Added(UNCHANGED if result.status == "unchanged" else UPDATED, doc, result.path)

    def _with_overrides(self, name: str, overrides: Overrides) -> Curation:
        """Curation as it will be once `overrides` are recorded for `name`."""
        fields = overrides.fields()
        if not fields:
            return self.curation
        seeds = dict(self.curation.seeds)
        seeds[name] = {**seeds.get(name, {}), **fields}
        return Curation(seeds=seeds, passages=self.curation.passages)

    def _remember_overrides(self, name: str, overrides: Overrides) -> None:
        """Keep what the user said in curation.toml, so re-adding the source keeps it too."""
        fields = overrides.fields()
        if fields:
            self.library_dir.mkdir(parents=True, exist_ok=True)
            set_curation_values(self.library_dir / CURATION_FILE, f'seeds."{name}"', fields)
            self._curation = None


def add_source(source: Path, library_dir: Path, sources_dir: Path, existing: Library) -> Added:
    """Add one file (see `UserLibrary.add_file`)."""
    return UserLibrary(library_dir, sources_dir, existing).add_file(source)


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


def url_file_name(url: str, suffix: str) -> str:
    """A readable file name for a downloaded source: 'www.wola.org-analysis-trips.html'."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    stem = f"{parts.netloc}{parts.path}".rstrip("/")
    stem = re.sub(r"\.(?:html?|php|aspx?|pdf)$", "", stem, flags=re.IGNORECASE)
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:120] or "page"
    return f"{stem}{suffix}"


_UNSAFE_NAME = re.compile(r"[^\w.() -]+")


def safe_file_name(name: str) -> str:
    """A file name that is one line, has no path separators and does not start with a dot."""
    cleaned = _UNSAFE_NAME.sub("-", safe_line(name)).strip(" .-")
    return cleaned or "document.txt"


def _kept_name(file_name: str, raw: bytes, sources_dir: Path) -> str:
    """The name the source is kept under: its own (made safe), unless another file has it."""
    name = safe_file_name(file_name)
    kept = sources_dir / name
    if not kept.exists() or kept.read_bytes() == raw:
        return name
    digest = hashlib.sha1(raw).hexdigest()[:6]
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{digest}.{suffix}" if dot and stem else f"{name}-{digest}"
