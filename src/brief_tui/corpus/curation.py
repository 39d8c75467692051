"""Curator corrections: `curation.toml` beside the content files.

Ingest reads it and applies it on top of what it derives from the sources, so a corrected
title, pillar tag or recommendation flag survives every re-run. Ingest also records here any
correction a curator made directly in a generated content file, editing this file in place
(line by line) so the curator's own comments and layout are kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief_tui.corpus.dates import is_valid_date
from brief_tui.corpus.ids import reserved_id_problem
from brief_tui.corpus.model import RECOMMENDATION_KINDS, SOURCE_TYPES
from brief_tui.corpus.pillars import PILLAR_IDS
from brief_tui.corpus.tomlread import TomlProblem, load_toml

CURATION_FILE = "curation.toml"
DOCUMENT_FIELDS = (
    "id",
    "title",
    "organisations",
    "date",
    "kind",
    "source",
    "partial",
    "source_type",
)
PASSAGE_FIELDS = (
    "pillars",
    "recommendation",
    "recommendation_kind",
    "actor",
    "addressee",
    "themes",
    "note",
)

HEADER = """\
# Curator corrections, applied by `brief-tui ingest` on top of what it derives from the sources.
#
# [seeds."<source file name>"]   id, title, organisations, date, kind, source, partial,
#                                source_type (advocacy, government, research, media,
#                                multilateral, other)
# [passages."<passage id>"]      pillars, recommendation, recommendation_kind (ask, commitment,
#                                reported), actor, addressee, themes, note (why you changed it)
#
# See content/README.md. Re-run `brief-tui ingest` after editing this file.
"""


class CurationError(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Curation:
    seeds: dict[str, dict[str, Any]] = field(default_factory=dict)
    passages: dict[str, dict[str, Any]] = field(default_factory=dict)


def _line_of(text: str, needle: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None


def _tables(data: dict[str, Any], key: str, noun: str, text: str) -> dict[str, dict[str, Any]]:
    """`data[key]` checked to be a table of tables, as in [seeds."…"] or [passages."…"]."""
    tables = data.get(key, {})
    if not isinstance(tables, dict):
        raise CurationError(
            _line_of(text, key), f'“{key}” must be tables such as [{key}."…"], one per {noun}.'
        )
    for name, values in tables.items():
        if not isinstance(values, dict):
            raise CurationError(
                _line_of(text, name), f'{noun} “{name}” must be a table: [{key}."{name}"].'
            )
    return tables


def parse_curation(text: str) -> Curation:
    """Validate curation text; a problem raises `CurationError` naming the line."""
    try:
        data = load_toml(text, "a curation file")
    except TomlProblem as exc:
        raise CurationError(exc.line, exc.message) from None
    unknown_tables = set(data) - {"seeds", "passages"}
    if unknown_tables:
        name = sorted(unknown_tables)[0]
        raise CurationError(
            _line_of(text, name), f'unknown table “{name}” (use [seeds."…"] or [passages."…"]).'
        )
    seeds = _tables(data, "seeds", "seed", text)
    for name, values in seeds.items():
        line = _line_of(text, f'"{name}"')
        for key, value in values.items():
            if key not in DOCUMENT_FIELDS:
                raise CurationError(
                    line,
                    f"seed “{name}”: unknown field “{key}” (use {', '.join(DOCUMENT_FIELDS)}).",
                )
            if key == "organisations":
                if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                    raise CurationError(
                        line, f"seed “{name}”: organisations must be a list of names."
                    )
            elif not isinstance(value, str):
                raise CurationError(line, f"seed “{name}”: “{key}” must be text in quotes.")
            if key == "date" and value and not is_valid_date(value):
                raise CurationError(
                    line, f"seed “{name}”: date “{value}” must be YYYY, YYYY-MM or YYYY-MM-DD."
                )
            if key == "id" and not re.match(r"^[a-z0-9][a-z0-9-]{0,79}$", value):
                raise CurationError(
                    line,
                    f"seed “{name}”: id “{value}” must be lowercase letters, digits and dashes.",
                )
            if key == "source_type" and value not in SOURCE_TYPES:
                raise CurationError(
                    line, f"seed “{name}”: source_type must be one of {', '.join(SOURCE_TYPES)}."
                )
            if key == "id" and (reserved := reserved_id_problem(value)):
                raise CurationError(line, f"seed “{name}”: {reserved}.")
    passages = _tables(data, "passages", "passage", text)
    for passage_id, values in passages.items():
        line = _line_of(text, f'"{passage_id}"')
        for key in values:
            if key not in PASSAGE_FIELDS:
                raise CurationError(
                    line,
                    f"passage {passage_id}: unknown field “{key}” (use {', '.join(PASSAGE_FIELDS)}).",
                )
        pillars = values.get("pillars")
        if pillars is not None and (
            not isinstance(pillars, list) or any(p not in PILLAR_IDS for p in pillars)
        ):
            raise CurationError(
                line, f"passage {passage_id}: pillars must be a list of {', '.join(PILLAR_IDS)}."
            )
        if "recommendation" in values and not isinstance(values["recommendation"], bool):
            raise CurationError(
                line, f"passage {passage_id}: recommendation must be true or false."
            )
        themes = values.get("themes")
        if themes is not None and not (
            isinstance(themes, list) and all(isinstance(t, str) for t in themes)
        ):
            raise CurationError(line, f"passage {passage_id}: themes must be a list of names.")
        kind = values.get("recommendation_kind")
        if kind is not None and kind not in ("", *RECOMMENDATION_KINDS):
            raise CurationError(
                line,
                f"passage {passage_id}: recommendation_kind must be one of "
                f"{', '.join(RECOMMENDATION_KINDS)}.",
            )
        for key in ("actor", "addressee"):
            if key in values and not isinstance(values[key], str):
                raise CurationError(line, f"passage {passage_id}: {key} must be text in quotes.")
        if "note" in values and not isinstance(values["note"], str):
            raise CurationError(line, f"passage {passage_id}: note must be text in quotes.")
    return Curation(seeds=seeds, passages=passages)


def load_curation(directory: Path) -> Curation:
    path = directory / CURATION_FILE
    if not path.exists():
        return Curation()
    return parse_curation(path.read_text(encoding="utf-8"))


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def set_curation_values(path: Path, table: str, values: dict[str, Any]) -> None:
    """Set `values` in `[table]` of the curation file, editing only the lines concerned."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    lines = text.splitlines()
    header = f"[{table}]"
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == header)
    except StopIteration:
        if lines and lines[-1].strip():
            lines.append("")
        lines.append(header)
        start = len(lines) - 1
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines)
    )
    for key, value in values.items():
        new_line = f"{key} = {toml_value(value)}"
        existing = next(
            (i for i in range(start + 1, end) if re.match(rf"\s*{re.escape(key)}\s*=", lines[i])),
            None,
        )
        if existing is None:
            insert_at = end
            while insert_at > start + 1 and not lines[insert_at - 1].strip():
                insert_at -= 1
            lines.insert(insert_at, new_line)
            end += 1
        else:
            lines[existing] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
