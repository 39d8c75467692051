"""How the command line prints: text exactly as written, never read as markup or escapes.

Titles, file names and problem messages come from files anyone can write. Printed through
Rich as plain strings, `[link=…]` would become a live hyperlink and a stray `[/]` would
crash the command; escape sequences would reach the terminal. Everything Rich prints here
goes through `Text` objects on a console with markup, highlighting and emoji turned off,
and every line is passed through the same sanitising as document text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from brief_tui.corpus.sanitize import safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from brief_tui.corpus.model import LoadProblem


def literal_console(*, stderr: bool = False) -> Console:
    """A Rich console that shows every string as typed: no markup, highlighting or emoji."""
    from rich.console import Console

    return Console(stderr=stderr, markup=False, highlight=False, emoji=False)


def error(message: str) -> None:
    """One line on stderr, prefixed like every other brief-tui error, escapes removed."""
    print(f"brief-tui: {safe_line(message)}", file=sys.stderr)


def print_problems(problems: Iterable[LoadProblem], label: str = "could not load") -> None:
    """One line per content file that could not be loaded, on stderr, shown literally."""
    problems = list(problems)
    if not problems:
        return
    from rich.text import Text

    console = literal_console(stderr=True)
    for problem in problems:
        console.print(Text.assemble((label, "red"), " ", str(problem)), soft_wrap=True)
