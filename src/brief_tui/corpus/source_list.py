"""What `brief-tui add` was given, expanded: files as they are, folders walked for the kinds
of file brief-tui reads, web addresses kept as they are."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from brief_tui.corpus.formats import SUFFIXES

_URL = re.compile(r"^https?://", re.IGNORECASE)


def is_url(text: str) -> bool:
    return _URL.match(text) is not None


@dataclass
class SourceList:
    sources: list[str | Path] = field(default_factory=list)  # in the order given
    skipped: list[Path] = field(default_factory=list)  # files in folders of other kinds


def expand_sources(given: list[str]) -> SourceList:
    """Files and URLs as given; each folder replaced by the files under it that brief-tui
    reads (by suffix), in name order, hidden files and folders left out. A path that does not
    exist is kept: adding it reports that, with the others still added."""
    found = SourceList()
    seen: set[str] = set()

    def keep(source: str | Path) -> None:
        key = str(source)
        if key not in seen:
            seen.add(key)
            found.sources.append(source)

    for item in given:
        if is_url(item):
            keep(item)
            continue
        path = Path(item).expanduser()
        if not path.is_dir():
            keep(path)
            continue
        for folder, folders, files in os.walk(path):
            folders[:] = sorted(d for d in folders if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                file = Path(folder) / name
                if file.suffix.lower() in SUFFIXES:
                    keep(file)
                else:
                    found.skipped.append(file)
    return found
