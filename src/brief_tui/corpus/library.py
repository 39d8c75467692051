"""Load every content file of the bundled corpus and the user's library into one `Library`."""

from __future__ import annotations

from pathlib import Path

from brief_tui.corpus.contentfile import load_document
from brief_tui.corpus.curation import CURATION_FILE, CurationError, load_curation
from brief_tui.corpus.duplicates import without_duplicate_ids
from brief_tui.corpus.model import Document, Library, LoadProblem


def content_files(directory: Path) -> list[Path]:
    """The document files of a content directory, in a stable order."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if p.name != CURATION_FILE)


def load_directory(directory: Path, origin: str) -> tuple[list[Document], list[LoadProblem]]:
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    for path in content_files(directory):
        loaded = load_document(path, origin)
        if isinstance(loaded, LoadProblem):
            problems.append(loaded)
        else:
            documents.append(loaded)
    documents.sort(key=lambda d: (d.seed or "", d.id))
    return documents, problems


def check_curation(directory: Path, documents: list[Document]) -> list[LoadProblem]:
    """Problems with `curation.toml`: invalid entries, or passages no document has any more."""
    path = directory / CURATION_FILE
    try:
        curation = load_curation(directory)
    except CurationError as exc:
        return [LoadProblem(str(path), exc.line, exc.message)]
    except (OSError, UnicodeDecodeError) as exc:
        return [LoadProblem(str(path), None, f"cannot be read ({exc}).")]
    known = {p.id for d in documents for _, p in d.passages()}
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    problems = []
    for passage_id in curation.passages:
        if passage_id not in known:
            line = next(
                (n for n, text_line in enumerate(text.splitlines(), 1) if passage_id in text_line),
                None,
            )
            problems.append(
                LoadProblem(str(path), line, f"passage {passage_id} is not in any document here.")
            )
    return problems


def load_directory_cached(
    directory: Path, origin: str, cache_dir: Path | None
) -> tuple[list[Document], list[LoadProblem]]:
    """`load_directory`, answered from the start-up cache when no file has changed."""
    if cache_dir is None:
        return load_directory(directory, origin)
    from brief_tui.corpus import cache

    files = content_files(directory)
    try:
        key = cache.fingerprint(files)
    except OSError:
        return load_directory(directory, origin)
    path = cache.cache_path(cache_dir, directory)
    cached = cache.read_cache(path, key)
    if cached is not None:
        return cached
    documents, problems = load_directory(directory, origin)
    cache.write_cache(path, key, documents, problems)
    return documents, problems


def load_library(*directories: tuple[Path, str], cache_dir: Path | None = None) -> Library:
    """Load (directory, origin) pairs in order; a document id seen twice keeps its first copy."""
    loaded: list[Document] = []
    problems: list[LoadProblem] = []
    for directory, origin in directories:
        documents, found = load_directory_cached(directory, origin, cache_dir)
        loaded += documents
        problems += found
    documents, duplicates = without_duplicate_ids(loaded)
    return Library(tuple(documents), tuple(problems + duplicates))
