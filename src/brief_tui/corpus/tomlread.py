"""Read TOML that anyone may have written: any failure is one sentence and, if known, a line."""

from __future__ import annotations

import re
import tomllib
from typing import Any

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_AT_END = re.compile(r"\s*\(at end of document\)")


class TomlProblem(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_toml(text: str, what: str) -> dict[str, Any]:
    """`tomllib.loads`, raising `TomlProblem`; `what` names the file ("a content file")."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        line: int | None = None
        if match := _AT_LINE.search(detail):
            line = int(match.group(1))
        elif _AT_END.search(detail):  # a truncated file: the problem is on its last line
            line = len(text.splitlines()) or None
        message = _AT_END.sub(" at the end of the file", _AT_LINE.sub("", detail))
        raise TomlProblem(line, f"not valid TOML: {message}.") from None
    except RecursionError:  # tomllib recurses once per level: 1 KB of "[" exhausts the stack
        raise TomlProblem(None, f"nested too deeply to be {what}.") from None
