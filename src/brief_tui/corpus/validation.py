"""What `brief-tui check` finds: every content and curation file of some directories checked
the way the reader will load them, and counted honestly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from brief_tui.corpus.curation import CURATION_FILE
from brief_tui.corpus.library import (
    check_curation,
    content_files,
    load_directory,
    without_duplicate_ids,
)
from brief_tui.corpus.model import Document, LoadProblem


@dataclass(frozen=True)
class CheckReport:
    content_files: int  # *.toml files other than curation.toml
    curation_files: int
    documents: tuple[Document, ...]  # what the reader would show
    problems: tuple[LoadProblem, ...]

    @property
    def files_with_problems(self) -> int:
        return len({problem.path for problem in self.problems})


def check_directories(directories: list[tuple[Path, str]]) -> CheckReport:
    """Load (directory, origin) pairs in order, as the reader does, keeping every problem."""
    found_files = 0
    curation_files = 0
    loaded: list[Document] = []
    problems: list[LoadProblem] = []
    for directory, origin in directories:
        found_files += len(content_files(directory))
        curation_files += (directory / CURATION_FILE).is_file()
        documents, found = load_directory(directory, origin)
        loaded += documents
        problems += found + check_curation(directory, documents)
    documents, duplicates = without_duplicate_ids(loaded)
    return CheckReport(found_files, curation_files, tuple(documents), tuple(problems + duplicates))
