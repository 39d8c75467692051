"""`brief-tui check`: one line per problem, then a summary that says exactly what was checked."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from brief_tui.cli_output import error
from brief_tui.wording import plural

if TYPE_CHECKING:
    from pathlib import Path

    from brief_tui.corpus.validation import CheckReport


def summary(report: CheckReport) -> str:
    """'checked 6 files (5 content files and curation.toml): 5 documents loaded, no problems.'"""
    checked = plural(report.content_files, "content file")
    if report.curation_files:
        curation = plural(report.curation_files, "curation.toml file")
        if report.curation_files == 1:
            curation = "curation.toml"
        files = plural(report.content_files + report.curation_files, "file")
        checked = f"{files} ({checked} and {curation})"
    found = "no problems"
    if report.problems:
        found = f"{plural(len(report.problems), 'problem')} in "
        found += plural(report.files_with_problems, "file")
    loaded = plural(len(report.documents), "document") + " loaded"
    return f"checked {checked}: {loaded}, {found}."


def run_check(directories: list[tuple[Path, str]]) -> int:
    from brief_tui.corpus.validation import check_directories

    report = check_directories(directories)
    if not report.content_files:
        where = " or ".join(str(directory) for directory, _ in directories)
        error(f"no content files (*.toml) in {where}, so nothing was checked.")
        return 1
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    print(summary(report))
    return 1 if report.problems else 0
