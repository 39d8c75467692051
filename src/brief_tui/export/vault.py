"""Exporting notes into a vault: one Markdown note per briefing, updated in place.

Each briefing with highlights gets a note (named after its document id, found again by the
`brief-tui-document` key of its front matter if the user renamed it) holding its highlights
by section, each in a managed block (see `vault_blocks`) with its quote, note, label, kind,
pillars as tags, page, a stable `^hl-` block id and the command that opens it in the reader.
Exporting again rewrites only what changed, adds new highlights where they belong, marks
deleted ones as removed (their block and id stay, so links to them still land), keeps
everything the user wrote, and keeps aside a block the user edited. A note that would not
change is not written, so its modification time stays too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from brief_tui.corpus.citation import citation, format_date
from brief_tui.corpus.model import Document, Library
from brief_tui.corpus.pillars import sort_pillars
from brief_tui.export.escape import literal, yaml_string
from brief_tui.export.files import write_export
from brief_tui.export.markdown import (
    Place,
    Places,
    block_ids,
    highlight_item,
    label_tag,
    organisations_of,
    pillar_tag,
    recommendation_tag,
)
from brief_tui.export.vault_blocks import Block, merge_note
from brief_tui.notes.anchor import ORPHANED
from brief_tui.notes.backup import stamp
from brief_tui.notes.records import Highlight

DOCUMENT_KEY = "brief-tui-document"
ORPHANED_SECTION = "section-orphaned"


@dataclass
class VaultReport:
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    conflicts: list[tuple[Path, str, Path]] = field(default_factory=list)  # note, block, kept in
    removed: int = 0  # highlights marked removed this time

    def summary(self) -> str:
        parts = [
            f"{len(self.created)} created",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        lines = [f"Vault: {', '.join(parts)}."]
        if self.removed:
            lines.append(
                f"{self.removed} highlight(s) deleted in brief-tui are marked removed in their "
                "notes (struck through, with their block id kept)."
            )
        for note, key, kept in self.conflicts:
            lines.append(
                f"You had edited block {key} in {note.name}: brief-tui wrote its own version "
                f"and kept yours in {kept.name}."
            )
        return "\n".join(lines)


def command_link(document: str, target: str) -> str:
    """The command that opens the reader there, as the note shows it."""
    return f"`brief-tui {document}#{target}`"


def export_vault(
    library: Library,
    highlights: list[Highlight],
    vault: Path,
    *,
    exported_at: datetime,
    document: str | None = None,
) -> VaultReport:
    """Write or update one note per briefing that has highlights (or `document` only)."""
    if not vault.is_dir():
        from brief_tui.export.files import ExportError

        raise ExportError(f"The vault folder {vault} does not exist.")
    places = Places(library)
    by_document: dict[str, list[Highlight]] = {}
    for highlight in highlights:
        if document is None or highlight.anchor.document == document:
            by_document.setdefault(highlight.anchor.document, []).append(highlight)
    existing = _notes_by_document(vault)
    ids = block_ids([h.id for h in highlights])
    report = VaultReport()
    for doc in library.documents:
        if doc.id not in by_document and doc.id not in existing:
            continue
        if document is not None and doc.id != document:
            continue
        wanted = _blocks(doc, by_document.get(doc.id, []), places, ids)
        path = existing.get(doc.id) or vault / f"{doc.id}.md"
        _write_note(path, doc, wanted, exported_at, report)
    return report


def _blocks(
    doc: Document, highlights: list[Highlight], places: Places, ids: dict[str, str]
) -> list[tuple[str, str]]:
    """(key, body) of every managed block of a briefing's note, in reading order."""
    placed: list[tuple[Place, Highlight]] = []
    orphans: list[Highlight] = []
    for highlight in highlights:
        place = places.find(doc.id, highlight.passage) if highlight.status != ORPHANED else None
        if place is None:
            orphans.append(highlight)
        else:
            placed.append((place, highlight))
    placed.sort(key=lambda e: (e[0].index, e[1].start, e[1].end, e[1].created, e[1].id))
    orphans.sort(key=lambda h: (h.created, h.id))
    blocks: list[tuple[str, str]] = []
    section = None
    for place, highlight in placed:
        if place.section is not section:
            section = place.section
            title = literal(section.title or "Untitled section")
            blocks.append((f"section-{section.id}", f"## {title}"))
        blocks.append((_key(ids, highlight), _highlight_body(doc, place, highlight, ids)))
    if orphans:
        blocks.append((ORPHANED_SECTION, "## Orphaned highlights"))
        for highlight in orphans:
            cite = literal(f"was passage {highlight.anchor.passage} of {doc.title}.")
            line = f"— {cite} {label_tag(highlight.label)} {ids[highlight.id]}"
            body = highlight_item(highlight.anchor.quote, highlight.note, line)
            blocks.append((_key(ids, highlight), "\n".join(body).rstrip("\n")))
    return blocks


def _key(ids: dict[str, str], highlight: Highlight) -> str:
    return ids[highlight.id].removeprefix("^")


def _highlight_body(doc: Document, place: Place, highlight: Highlight, ids: dict[str, str]) -> str:
    passage = place.passage
    quote = passage.text[highlight.start : highlight.end] or highlight.anchor.quote
    tags = [pillar_tag(p) for p in passage.pillars]
    if passage.recommendation:
        tags.append(recommendation_tag(passage))
    tags.append(label_tag(highlight.label))
    cite = literal(citation(doc, place.section, passage))
    link = command_link(doc.id, _key(ids, highlight))
    line = f"— {cite} {' '.join(tags)} · open: {link} {ids[highlight.id]}"
    return "\n".join(highlight_item(quote, highlight.note, line)).rstrip("\n")


def removed_body(old: str) -> str:
    """What a deleted highlight's block becomes: its quote struck through, its id kept."""
    quote = next((ln[4:] for ln in old.splitlines() if ln.startswith("- > ")), "…")
    block_id = re.search(r"\^hl-[\w-]+", old)
    ident = f" {block_id.group(0)}" if block_id else ""
    return f"- ~~{quote}~~ *(this highlight was deleted in brief-tui)*{ident}"


# The note as a whole ---------------------------------------------------------------------


def _front_matter(doc: Document) -> dict[str, str]:
    """brief-tui's keys of a note's front matter, each one line of YAML."""
    pillars = sort_pillars({p for _, passage in doc.passages() for p in passage.pillars})
    tags = ["brief-tui", *(pillar_tag(p)[1:] for p in pillars)]
    return {
        "title": yaml_string(doc.title),
        "organisation": yaml_string(organisations_of(doc)),
        "date": yaml_string(doc.date) if doc.date else "null",
        "source": yaml_string(doc.source),
        "source-type": yaml_string(doc.kind),
        "pillars": "[" + ", ".join(yaml_string(p) for p in pillars) + "]",
        "tags": "[" + ", ".join(yaml_string(t) for t in tags) + "]",
        DOCUMENT_KEY: yaml_string(doc.id),
    }


def _new_note(doc: Document, fields: dict[str, str]) -> str:
    lines = ["---", *(f"{key}: {value}" for key, value in fields.items()), "---", ""]
    byline = f"{organisations_of(doc)}, {format_date(doc.date)}."
    lines += [f"# {literal(doc.title)}", "", literal(byline), ""]
    return "\n".join(lines)


_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def _with_front_matter(text: str, fields: dict[str, str]) -> str:
    """The note with brief-tui's front matter keys set; the user's own keys and lines kept."""
    match = _FRONT.match(text)
    if match is None:
        head = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n"
        return head + text
    lines = match.group(1).splitlines(keepends=True)
    seen: set[str] = set()
    out: list[str] = []
    for line in lines:
        key = line.split(":", 1)[0].strip()
        if key in fields and ":" in line and not line.startswith((" ", "\t", "-")):
            out.append(f"{key}: {fields[key]}\n")
            seen.add(key)
        else:
            out.append(line)
    out += [f"{k}: {v}\n" for k, v in fields.items() if k not in seen]
    return "---\n" + "".join(out) + "---\n" + text[match.end() :]


def _write_note(
    path: Path,
    doc: Document,
    wanted: list[tuple[str, str]],
    exported_at: datetime,
    report: VaultReport,
) -> None:
    fields = _front_matter(doc)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    base = _new_note(doc, fields) if old is None else _with_front_matter(old, fields)
    merged = merge_note(base, wanted, removed_body)
    report.removed += len(merged.removed)
    if merged.conflicts:
        kept = _keep_aside(path, merged.conflicts, exported_at)
        report.conflicts += [(path, block.key, kept) for block in merged.conflicts]
    if old is None:
        write_export(path, merged.text)
        report.created.append(path)
    elif merged.text != old:
        write_export(path, merged.text, force=True)
        report.updated.append(path)
    else:
        report.unchanged.append(path)


def _keep_aside(path: Path, blocks: list[Block], exported_at: datetime) -> Path:
    """Write the user's edited versions of blocks beside the note; never replace a file."""
    when = stamp(exported_at).replace(":", "")
    kept = path.with_name(f"{path.stem} (your edits {when}).md")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.stem} (your edits {when} {number}).md")
    lines = [
        f"# Your edits in {path.name}, kept by brief-tui",
        "",
        "brief-tui rewrote these blocks of the note on export; this is how you had left them.",
        "",
    ]
    for block in blocks:
        lines += [f"## {block.key}", "", block.body, ""]
    write_export(kept, "\n".join(lines))
    return kept


def _notes_by_document(vault: Path) -> dict[str, Path]:
    """Notes brief-tui wrote before, wherever they are now, by the document they are about."""
    found: dict[str, Path] = {}
    for path in sorted(vault.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(vault).parts):
            continue
        try:
            with path.open(encoding="utf-8") as file:
                head = file.read(4096)
        except (OSError, UnicodeDecodeError):
            continue
        match = _FRONT.match(head)
        if match is None:
            continue
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip() == DOCUMENT_KEY:
                document = value.strip().strip('"')
                found.setdefault(document, path)
    return found


__all__ = ["DOCUMENT_KEY", "VaultReport", "command_link", "export_vault", "stamp"]
