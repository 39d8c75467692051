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

from brief_tui.corpus.model import Document, LoadProblem, Passage, Section
from brief_tui.corpus.sanitize import safe_line, safe_text

CACHE_VERSION = 3


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
    """The cached documents if the cache matches `key`; None on any mismatch or damage."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION or data.get("key") != key:
            return None
        documents = [_document(d) for d in data["documents"]]
        problems = [
            LoadProblem(safe_line(p), line, safe_line(m)) for p, line, m in data["problems"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
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
                        list(p.why),
                        p.marker,
                        list(p.themes),
                    ]
                    for p in s.passages
                ],
            ]
            for s in doc.sections
        ],
    }


def _document(data: dict[str, Any]) -> Document:
    sections = tuple(
        Section(
            safe_line(section_id),
            safe_line(title),
            tuple(
                Passage(
                    safe_line(pid),
                    kind,
                    safe_text(text),
                    tuple(pillars),
                    bool(rec),
                    tuple(safe_line(w) for w in why),
                    safe_line(marker),
                    tuple(safe_line(t) for t in themes),
                )
                for pid, kind, text, pillars, rec, why, marker, themes in passages
            ),
        )
        for section_id, title, passages in data["sections"]
    )
    return Document(
        id=safe_line(data["id"]),
        title=safe_line(data["title"]),
        organisations=tuple(safe_line(o) for o in data["organisations"]),
        date=data["date"],
        kind=safe_line(data["kind"]),
        source=safe_line(data["source"]),
        seed=data["seed"],
        partial=safe_line(data["partial"]),
        sections=sections,
        origin=data["origin"],
        path=data["path"],
        added_from=safe_line(data["added_from"]),
    )
