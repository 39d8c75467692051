"""Read and write content files: one TOML file per document, one table per passage.

TOML because a curator can read and edit it in any editor, diffs show one changed field per
line, and Python reads it with the standard library (`tomllib`). Writing uses a tiny emitter
for this one fixed schema; JSON string escapes are valid TOML basic-string escapes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brief_tui.corpus.dates import is_valid_date
from brief_tui.corpus.ids import reserved_id_problem
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
from brief_tui.corpus.reasons import Reason, reason_from_table, reason_from_text
from brief_tui.corpus.sanitize import safe_line, safe_text
from brief_tui.corpus.tomlread import TomlProblem, load_toml

FORMAT_VERSION = 2  # 2: tag reasons are tables; files of format 1 (reasons as text) still load
READABLE_FORMATS = (1, 2)
CHECKSUM_PREFIX = "# checksum: "
_DOC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_PASSAGE_ID = re.compile(r"^p-[0-9a-f]{8}(-\d+)?$")
_SECTION_ID = re.compile(r"^s-[0-9a-f]{8}(-\d+)?$")


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _strings(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_string(v) for v in values) + "]"


def _inline_table(table: dict[str, Any]) -> str:
    """A TOML inline table of text and lists of text: {tag = "P", words = ["asylum"]}."""
    items = (
        f"{key} = {_strings(value) if isinstance(value, list) else _string(value)}"
        for key, value in table.items()
    )
    return "{" + ", ".join(items) + "}"


def render_document(doc: Document, origin_note: str) -> str:
    """The content file text for `doc`, ending with a checksum that reveals later hand edits."""
    lines = [
        f"# {safe_line(origin_note)}",
        "# Corrections belong in curation.toml beside this file (see content/README.md);",
        "# re-running ingest regenerates this file from the source and that curation.",
        "",
        f"format = {FORMAT_VERSION}",
        f"id = {_string(doc.id)}",
        f"title = {_string(doc.title)}",
        f"organisations = {_strings(doc.organisations)}",
        f"date = {_string(doc.date or '')}",
        f"kind = {_string(doc.kind)}",
        f"source = {_string(doc.source)}",
        f"seed = {_string(doc.seed or '')}",
        f"partial = {_string(doc.partial)}",
    ]
    if doc.added_from:
        lines.append(f"added_from = {_string(doc.added_from)}")
    if doc.title_guessed:
        lines.append("title_guessed = true")
    lines.append(f"source_type = {_string(doc.source_type)}")
    for section in doc.sections:
        lines += [
            "",
            "[[sections]]",
            f"id = {_string(section.id)}",
            f"title = {_string(section.title)}",
        ]
        if section.level:
            lines.append(f"level = {section.level}")
        for passage in section.passages:
            lines += [
                "",
                "[[sections.passages]]",
                f"id = {_string(passage.id)}",
                f"kind = {_string(passage.kind)}",
            ]
            if passage.marker:
                lines.append(f"marker = {_string(passage.marker)}")
            if passage.themes:
                lines.append(f"themes = {_strings(passage.themes)}")
            if passage.page is not None:
                lines.append(f"page = {passage.page}")
            lines += [
                f"pillars = {_strings(passage.pillars)}",
                f"recommendation = {'true' if passage.recommendation else 'false'}",
            ]
            for name in ("recommendation_kind", "actor", "addressee"):
                if value := getattr(passage, name):
                    lines.append(f"{name} = {_string(value)}")
            lines += [
                f"why = [{', '.join(_inline_table(r.as_table()) for r in passage.why)}]",
                f"text = {_string(passage.text)}",
            ]
    body = "\n".join(lines) + "\n"
    return body + CHECKSUM_PREFIX + checksum(body) + "\n"


def checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def split_checksum(text: str) -> tuple[str, str | None]:
    """The body of a content file and the checksum it was written with (None if missing)."""
    lines = text.splitlines(keepends=True)
    if lines and lines[-1].startswith(CHECKSUM_PREFIX):
        return "".join(lines[:-1]), lines[-1][len(CHECKSUM_PREFIX) :].strip()
    return text, None


def edited_by_hand(text: str) -> bool:
    """True when a content file no longer matches what ingest wrote."""
    body, recorded = split_checksum(text)
    return recorded is None or recorded != checksum(body)


class _Locator:
    """Finds the line of a key in the n-th section or passage table, for error messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.sections = [i for i, line in enumerate(self.lines) if line.strip() == "[[sections]]"]
        self.passages = [
            i for i, line in enumerate(self.lines) if line.strip() == "[[sections.passages]]"
        ]

    def line(self, key: str, table_start: int | None = None) -> LineRef:
        """Where `key` is, worked out only if an error needs it (loading stays fast)."""
        return LineRef(self, key, table_start)

    def table_ref(self, header: int | None, inline: LineRef) -> Callable[[str], LineRef]:
        """Line references for keys of the table whose header is at `header`; for a table
        without a header of its own (an inline one), the line of the key holding it."""
        if header is None:
            return lambda _key: inline
        return lambda key: self.line(key, header)

    def find(self, key: str, table_start: int | None = None) -> int | None:
        """1-based line of `key` in the table starting at `table_start` (top level if None).

        A missing key is reported where it belongs: at the table's header, or for the top
        level at its last line (line 1 if it has none); None only for an empty file.
        """
        start = 0 if table_start is None else table_start + 1
        last = None
        for i in range(start, len(self.lines)):
            stripped = self.lines[i].strip()
            if stripped.startswith("["):
                break
            if re.match(rf"{re.escape(key)}\s*=", stripped):
                return i + 1
            if stripped and not stripped.startswith("#"):
                last = i + 1
        if table_start is not None:
            return table_start + 1
        return last or (1 if self.lines else None)


@dataclass(frozen=True)
class LineRef:
    locator: _Locator
    key: str
    table_start: int | None

    def resolve(self) -> int | None:
        return self.locator.find(self.key, self.table_start)


def key_line(text: str, key: str) -> int | None:
    """The 1-based line of a top-level key of content-file text, for messages about it."""
    return _Locator(text).find(key)


class ContentError(ValueError):
    def __init__(self, line: int | LineRef | None, message: str) -> None:
        super().__init__(message)
        self._line = line
        self.message = message

    @property
    def line(self) -> int | None:
        return self._line.resolve() if isinstance(self._line, LineRef) else self._line


def _require(table: dict[str, Any], key: str, kind: type, where: str, line: LineRef | None) -> Any:
    if key not in table:
        raise ContentError(line, f"{where} is missing “{key}”.")
    value = table[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        expected = {str: "text in quotes", list: "a list", bool: "true or false", int: "a number"}
        raise ContentError(line, f"{where}: “{key}” must be {expected[kind]}.")
    return value


def _string_list(table: dict[str, Any], key: str, where: str, line: LineRef | None) -> list[str]:
    values = _require(table, key, list, where, line)
    if not all(isinstance(v, str) for v in values):
        raise ContentError(line, f"{where}: every entry of “{key}” must be text in quotes.")
    return values


def parse_document(text: str, path: str, origin: str = "bundled") -> Document:
    """Build a `Document` from content-file text, or raise `ContentError` with the line at fault."""
    try:
        data = load_toml(text, "a content file")
    except TomlProblem as exc:
        raise ContentError(exc.line, exc.message) from None
    where = _Locator(text)
    fmt = data.get("format")
    if fmt not in READABLE_FORMATS or isinstance(fmt, bool):
        raise ContentError(
            where.line("format"),
            f"unsupported format {fmt!r} (this brief-tui reads formats 1 and {FORMAT_VERSION}).",
        )
    doc_id = _require(data, "id", str, "the document", where.line("id"))
    if not _DOC_ID.match(doc_id):
        raise ContentError(
            where.line("id"),
            f"document id “{doc_id}” must be lowercase letters, digits and dashes.",
        )
    if reserved := reserved_id_problem(doc_id):
        raise ContentError(where.line("id"), f"{reserved}.")
    title = safe_line(_require(data, "title", str, "the document", where.line("title")))
    if not title:
        raise ContentError(where.line("title"), "the document title is empty.")
    date = _require(data, "date", str, "the document", where.line("date")) if "date" in data else ""
    if date and not is_valid_date(date):
        raise ContentError(
            where.line("date"), f"date “{date}” must be YYYY, YYYY-MM or YYYY-MM-DD."
        )
    kind = safe_line(_require(data, "kind", str, "the document", where.line("kind")))
    sections_data = _require(data, "sections", list, "the document", where.line("sections"))
    if not sections_data:
        raise ContentError(where.line("sections"), "the document has no sections.")
    seen: set[str] = set()
    sections: list[Section] = []
    passage_index = 0
    for s_index, s_data in enumerate(sections_data):
        s_line = where.sections[s_index] if s_index < len(where.sections) else None
        s_where = f"section {s_index + 1}"
        s_ref = where.table_ref(s_line, where.line("sections"))
        if not isinstance(s_data, dict):
            raise ContentError(s_ref("id"), f"{s_where} must be a table ([[sections]]).")
        s_id = _require(s_data, "id", str, s_where, s_ref("id"))
        if not _SECTION_ID.match(s_id):
            raise ContentError(
                s_ref("id"), f"{s_where}: id “{s_id}” is not of the form s-1234abcd."
            )
        s_title = safe_line(_require(s_data, "title", str, s_where, s_ref("title")))
        passages_data = (
            _require(s_data, "passages", list, s_where, s_ref("passages"))
            if "passages" in s_data
            else []
        )
        passages: list[Passage] = []
        for p_data in passages_data:
            p_line = where.passages[passage_index] if passage_index < len(where.passages) else None
            passage_index += 1
            p_ref = where.table_ref(p_line, s_ref("passages"))
            if not isinstance(p_data, dict):
                raise ContentError(
                    p_ref("id"), f"{s_where}: each passage must be a table ([[sections.passages]])."
                )
            passages.append(_parse_passage(p_data, p_ref, seen))
        level = _optional_number(s_data, "level", s_where, s_ref("level"), 0, 6) or 0
        sections.append(Section(s_id, s_title, tuple(passages), level))
    return Document(
        id=doc_id,
        title=title,
        organisations=tuple(
            safe_line(o)
            for o in _string_list(
                data, "organisations", "the document", where.line("organisations")
            )
        ),
        date=date or None,
        kind=kind,
        source=safe_line(data.get("source", "")) if isinstance(data.get("source", ""), str) else "",
        seed=safe_line(data["seed"])
        if isinstance(data.get("seed"), str) and data["seed"]
        else None,
        partial=safe_line(data.get("partial", ""))
        if isinstance(data.get("partial", ""), str)
        else "",
        sections=tuple(sections),
        origin=origin,
        path=path,
        added_from=_optional_text(data, "added_from"),
        title_guessed=data.get("title_guessed") is True,
        source_type=_source_type(data, where),
    )


def _optional_number(
    table: dict[str, Any], key: str, where: str, line: LineRef, lowest: int, highest: int
) -> int | None:
    """An optional whole number in [lowest, highest]; None when absent."""
    if key not in table:
        return None
    value = _require(table, key, int, where, line)
    if not lowest <= value <= highest:
        raise ContentError(line, f"{where}: “{key}” must be from {lowest} to {highest}.")
    return int(value)


def _optional_text(data: dict[str, Any], key: str) -> str:
    """An optional one-line field; anything but text counts as absent."""
    value = data.get(key, "")
    return safe_line(value) if isinstance(value, str) else ""


def _parse_passage(
    p_data: dict[str, Any], ref: Callable[[str], LineRef], seen: set[str]
) -> Passage:
    p_id = _require(p_data, "id", str, "a passage", ref("id"))
    label = f"passage {p_id}"
    if not _PASSAGE_ID.match(p_id):
        raise ContentError(ref("id"), f"passage id “{p_id}” is not of the form p-1234abcd.")
    if p_id in seen:
        raise ContentError(ref("id"), f"passage id “{p_id}” appears twice.")
    seen.add(p_id)
    kind = _require(p_data, "kind", str, label, ref("kind"))
    if kind not in PASSAGE_KINDS:
        raise ContentError(
            ref("kind"),
            f"{label}: kind “{kind}” must be one of {', '.join(PASSAGE_KINDS)}.",
        )
    pillars = _string_list(p_data, "pillars", label, ref("pillars"))
    unknown = [p for p in pillars if p not in PILLAR_IDS]
    if unknown:
        raise ContentError(
            ref("pillars"),
            f"{label}: unknown pillar “{unknown[0]}” (use {', '.join(PILLAR_IDS)}).",
        )
    recommendation = _require(p_data, "recommendation", bool, label, ref("recommendation"))
    text = safe_text(_require(p_data, "text", str, label, ref("text"))).strip()
    if not text:
        raise ContentError(ref("text"), f"{label}: the text is empty.")
    why = _reasons(p_data, label, ref("why"))
    marker = p_data.get("marker", "")
    themes = _string_list(p_data, "themes", label, ref("themes")) if "themes" in p_data else []
    rec_kind = _optional_field(p_data, "recommendation_kind", label, ref("recommendation_kind"))
    if rec_kind and rec_kind not in RECOMMENDATION_KINDS:
        raise ContentError(
            ref("recommendation_kind"),
            f"{label}: recommendation_kind “{rec_kind}” must be one of "
            f"{', '.join(RECOMMENDATION_KINDS)}.",
        )
    return Passage(
        id=p_id,
        kind=kind,
        text=text,
        pillars=tuple(p for p in PILLAR_IDS if p in pillars),
        recommendation=recommendation,
        why=why,
        marker=safe_line(marker) if isinstance(marker, str) else "",
        themes=tuple(safe_line(t) for t in themes),
        page=_optional_number(p_data, "page", label, ref("page"), 1, 1_000_000),
        recommendation_kind=(rec_kind or None) if recommendation else None,
        actor=_optional_field(p_data, "actor", label, ref("actor")) or None,
        addressee=_optional_field(p_data, "addressee", label, ref("addressee")) or None,
    )


def _optional_field(table: dict[str, Any], key: str, where: str, line: LineRef | None) -> str:
    """An optional text field, cleaned for display; "" when absent."""
    if key not in table:
        return ""
    return safe_line(_require(table, key, str, where, line)).strip()


def _source_type(data: dict[str, Any], where: _Locator) -> str:
    value = _optional_field(data, "source_type", "the document", where.line("source_type"))
    if value and value not in SOURCE_TYPES:
        raise ContentError(
            where.line("source_type"),
            f"source_type “{value}” must be one of {', '.join(SOURCE_TYPES)}.",
        )
    return value or "other"


def _reasons(p_data: dict[str, Any], label: str, line: LineRef) -> tuple[Reason, ...]:
    """The passage's tag reasons: tables (format 2) or sentences (format 1)."""
    values = _require(p_data, "why", list, label, line) if "why" in p_data else []
    reasons: list[Reason] = []
    for value in values:
        reason = reason_from_text(value) if isinstance(value, str) else reason_from_table(value)
        if reason is None:
            raise ContentError(
                line, f"{label}: each entry of “why” must be a table with “tag” and “rule”."
            )
        reasons.append(
            Reason(
                safe_line(reason.tag),
                safe_line(reason.rule),
                tuple(safe_line(w) for w in reason.words),
                safe_line(reason.note),
            )
        )
    return tuple(reasons)


def load_document(path: Path, origin: str = "bundled") -> Document | LoadProblem:
    """Load one content file; any problem comes back as a `LoadProblem`, never an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return LoadProblem(str(path), None, "is not UTF-8 text.")
    except OSError as exc:
        return LoadProblem(str(path), None, f"cannot be read ({exc.strerror or exc}).")
    try:
        return parse_document(text, str(path), origin)
    except ContentError as exc:
        return LoadProblem(str(path), exc.line, exc.message)
