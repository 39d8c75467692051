"""A start-up cache of parsed content files, so the reader paints sooner.

Parsing TOML is the slowest part of loading the library. The cache keeps the parsed
documents as JSON in the user's data directory, keyed by each content file's name, size and
modification time; any change to any file, or a cache that cannot be read, means a normal
load. Text read back from the cache passes through the same sanitising as content files.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from brief_tui.corpus.model import (
    PASSAGE_KINDS,
    RECOMMENDATION_KINDS,
    SOURCE_TYPES,
    Document,
    LoadProblem,
    Passage,
    Section,
)
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.reasons import Reason, reason_from_table
from brief_tui.corpus.sanitize import safe_line, safe_text

CACHE_VERSION = 7


def cache_path(cache_dir: Path, directory: Path) -> Path:
    digest = hashlib.sha1(str(directory.resolve()).encode()).hexdigest()[:12]
    return cache_dir / f"content-{digest}.json"


def fingerprint(files: list[Path]) -> list[list[object]]:
    key: list[list[object]] = []
    for path in files:
        stat = path.stat()
        key.append([path.name, stat.st_size, stat.st_mtime_ns])
    return key


def read_cache(
    path: Path, key: list[list[object]]
) -> tuple[list[Document], list[LoadProblem]] | None:
    """The cached documents if the cache matches `key`; None on any mismatch or damage.

    The file may hold anything (a crash mid-write, a hand edit, another version): every value
    is checked to be what `write_cache` writes before it becomes part of a `Document`.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: nested absurdly deep
        return None
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return None
    if data.get("key") != key:
        return None
    try:
        documents = [_document(d) for d in _list(data.get("documents"))]
        problems = [_problem(p) for p in _list(data.get("problems"))]
    except DamagedCache:
        return None
    return documents, problems


def write_cache(
    path: Path, key: list[list[object]], documents: list[Document], problems: list[LoadProblem]
) -> None:
    """Best effort: a read-only or full disk just means no cache next time."""
    data = {
        "version": CACHE_VERSION,
        "key": key,
        "documents": [_plain(d) for d in documents],
        "problems": [[p.path, p.line, p.message] for p in problems],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temp.replace(path)
    except OSError:
        pass


def _plain(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "organisations": list(doc.organisations),
        "date": doc.date,
        "kind": doc.kind,
        "source": doc.source,
        "seed": doc.seed,
        "partial": doc.partial,
        "origin": doc.origin,
        "path": doc.path,
        "added_from": doc.added_from,
        "title_guessed": doc.title_guessed,
        "source_type": doc.source_type,
        "sections": [
            [
                s.id,
                s.title,
                [
                    [
                        p.id,
                        p.kind,
                        p.text,
                        list(p.pillars),
                        p.recommendation,
                        [r.as_table() for r in p.why],
                        p.marker,
                        list(p.themes),
                        p.page,
                        p.recommendation_kind,
                        p.actor,
                        p.addressee,
                    ]
                    for p in s.passages
                ],
                s.level,
            ]
            for s in doc.sections
        ],
    }


def plain_document(doc: Document) -> dict[str, Any]:
    """A document as plain JSON values (the catalog keeps documents this way too)."""
    return _plain(doc)


def document_from_plain(data: object) -> Document:
    """`plain_document` read back, every value checked; DamagedCache when it does not fit."""
    return _document(data)


def sections_from_plain(value: object) -> tuple[Section, ...]:
    """The `sections` of `plain_document`, read back and checked."""
    return tuple(_section(s) for s in _list(value))


class DamagedCache(ValueError):
    """The cache file does not hold what `write_cache` writes: ignore it and load normally."""


def _list(value: object, length: int | None = None) -> list[Any]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise DamagedCache
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise DamagedCache
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(value))


def _choice(value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise DamagedCache
    return _text(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise DamagedCache
    return value


def _problem(value: object) -> LoadProblem:
    path, line, message = _list(value, 3)
    if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
        raise DamagedCache
    return LoadProblem(safe_line(_text(path)), line, safe_line(_text(message)))


def _passage(value: object) -> Passage:
    pid, kind, text, pillars, rec, why, marker, themes, page, rec_kind, actor, addressee = _list(
        value, 12
    )
    return Passage(
        safe_line(_text(pid)),
        _choice(kind, PASSAGE_KINDS),
        safe_text(_text(text)),
        tuple(_choice(p, PILLAR_IDS) for p in _list(pillars)),
        _flag(rec),
        tuple(_reason(r) for r in _list(why)),
        safe_line(_text(marker)),
        tuple(safe_line(t) for t in _texts(themes)),
        _optional_count(page),
        None if rec_kind is None else _choice(rec_kind, RECOMMENDATION_KINDS),
        _clean_optional(actor),
        _clean_optional(addressee),
    )


def _clean_optional(value: object) -> str | None:
    text = _optional_text(value)
    return None if text is None else safe_line(text)


def _reason(value: object) -> Reason:
    reason = reason_from_table(value)
    if reason is None:
        raise DamagedCache
    words = tuple(safe_line(w) for w in reason.words)
    return Reason(safe_line(reason.tag), safe_line(reason.rule), words, safe_line(reason.note))


def _optional_count(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DamagedCache
    return value


def _section(value: object) -> Section:
    section_id, title, passages, level = _list(value, 4)
    return Section(
        safe_line(_text(section_id)),
        safe_line(_text(title)),
        tuple(_passage(p) for p in _list(passages)),
        _optional_count(level) or 0,
    )


def _document(data: object) -> Document:
    if not isinstance(data, dict):
        raise DamagedCache
    try:
        return Document(
            id=safe_line(_text(data["id"])),
            title=safe_line(_text(data["title"])),
            organisations=tuple(safe_line(o) for o in _texts(data["organisations"])),
            date=_optional_text(data["date"]),
            kind=safe_line(_text(data["kind"])),
            source=safe_line(_text(data["source"])),
            seed=_optional_text(data["seed"]),
            partial=safe_line(_text(data["partial"])),
            sections=tuple(_section(s) for s in _list(data["sections"])),
            origin=_choice(data["origin"], ("bundled", "user")),
            path=_text(data["path"]),
            added_from=safe_line(_text(data["added_from"])),
            title_guessed=data.get("title_guessed") is True,
            source_type=_choice(data.get("source_type", "other"), SOURCE_TYPES),
        )
    except KeyError:
        raise DamagedCache from None
