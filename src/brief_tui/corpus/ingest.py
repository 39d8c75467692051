"""Sources in, content files out: clean, segment, tag, apply curation, write.

The same path serves the bundled seeds (`brief-tui ingest`) and a user's own files
(`brief-tui add`). Writing is careful: unchanged output leaves files untouched, hand edits
of a content file are moved into curation.toml instead of being overwritten, and every file
is replaced atomically.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from brief_tui.corpus.attribution import ATTRIBUTION_FIELDS, attribute_document
from brief_tui.corpus.boilerplate import strip_boilerplate
from brief_tui.corpus.contentfile import (
    ContentError,
    edited_by_hand,
    parse_document,
    render_document,
)
from brief_tui.corpus.contents import CONTENTS, LINKS, mark_contents, mark_link_lists
from brief_tui.corpus.curation import CURATION_FILE, Curation, load_curation, set_curation_values
from brief_tui.corpus.formats import Extracted, extract
from brief_tui.corpus.ids import IdAllocator, document_id, reserved_id_problem
from brief_tui.corpus.metadata import detect_front_matter
from brief_tui.corpus.model import Document, Passage, Section
from brief_tui.corpus.reasons import CURATOR, KIND, PILLARS, RECOMMENDATION, UNTAGGED, Reason
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import classify_headings, group_sections
from brief_tui.corpus.source_types import source_type
from brief_tui.corpus.tagging import passage_contexts, tag_passage
from brief_tui.corpus.voice import voice_hints

# Why a passage of a contents list or a list of links carries no tags (see reasons.RULE_WORDS).
_UNTAGGED_RULES = {CONTENTS: "contents list", LINKS: "list of links"}


class IngestError(ValueError):
    """A source that cannot become a document; the message is one sentence for the user."""


def build_document(
    source: str | bytes | Extracted,
    source_name: str,
    curation: Curation,
    origin: str = "bundled",
) -> Document:
    """The document a source yields, with curation applied.

    `source` is the source's text or bytes (read in the format its name says) or what a
    format already extracted (a fetched web page, say).
    """
    if isinstance(source, Extracted):
        extracted = source
    else:
        data = source.encode("utf-8") if isinstance(source, str) else source
        extracted = extract(data, source_name)
    stripped = strip_boilerplate(extracted.blocks)
    blocks, _ = mark_contents(stripped.blocks)
    fallback_title = (
        Path(source_name).stem.replace("_", " ").replace("-", " ").strip() or source_name
    )
    found, rest = detect_front_matter(blocks, fallback_title, extracted.meta, stripped.notes)
    rest, _ = mark_link_lists(rest)
    if not extracted.structured:
        rest = classify_headings(rest)
    raw_sections = group_sections(rest)
    if not any(s.blocks for s in raw_sections):
        raise IngestError(f"{source_name} has no readable text after cleaning.")

    doc_curation = curation.seeds.get(source_name, {})
    doc_id = doc_curation.get("id") or document_id(found.title)
    ids = IdAllocator(doc_id)
    sections: list[Section] = []
    contexts = passage_contexts(
        [(s.title, [(b.kind, b.text) for b in s.blocks]) for s in raw_sections]
    )
    for raw_section, section_contexts in zip(raw_sections, contexts, strict=True):
        passages: list[Passage] = []
        for block, context in zip(raw_section.blocks, section_contexts, strict=True):
            passage_id = ids.passage(block.text)
            if raw_section.about or block.role:
                rule = _UNTAGGED_RULES.get(block.role, "about the organisations")
                passage = Passage(
                    passage_id,
                    block.kind,
                    block.text,
                    why=(Reason(UNTAGGED, rule),),
                    marker=block.marker,
                    page=block.page,
                )
            else:
                tagging = tag_passage(block.text, block.kind, context)
                passage = Passage(
                    passage_id,
                    block.kind,
                    block.text,
                    tagging.pillars,
                    tagging.recommendation,
                    tagging.why,
                    block.marker,
                    page=block.page,
                )
            passages.append(_apply_passage_curation(passage, curation))
        section_id = ids.section(raw_section.title)
        sections.append(Section(section_id, raw_section.title, tuple(passages), raw_section.level))

    partial = (
        f"Partial excerpt: the source says “{stripped.partial_notice}”"
        if stripped.partial_notice
        else ""
    )
    organisations = tuple(doc_curation.get("organisations") or found.organisations)
    kind = doc_curation.get("kind") or found.kind
    opening = tuple(line for b in extracted.blocks[:40] for line in b.text.splitlines())
    voice = voice_hints(list(opening), found.title)
    document = Document(
        id=doc_id,
        title=doc_curation.get("title") or found.title,
        organisations=organisations,
        date=doc_curation.get("date") or found.date,
        kind=kind,
        source=doc_curation.get("source") or extracted.meta.source or source_name,
        seed=source_name,
        partial=doc_curation.get("partial", partial),
        sections=tuple(sections),
        origin=origin,
        title_guessed=found.title_guessed and not doc_curation.get("title"),
        source_type=doc_curation.get("source_type") or source_type(organisations or voice, kind),
    )
    return _apply_attribution_curation(attribute_document(document, voice, opening), curation)


def _apply_attribution_curation(doc: Document, curation: Curation) -> Document:
    """A curator's kind, actor or addressee for a passage, over what attribution found."""
    fixes = {
        pid: {k: v for k, v in fix.items() if k in ATTRIBUTION_FIELDS}
        for pid, fix in curation.passages.items()
    }
    if not any(fixes.values()):
        return doc
    sections = []
    for section in doc.sections:
        passages = []
        for passage in section.passages:
            if fix := fixes.get(passage.id):
                kind = fix.get("recommendation_kind", passage.recommendation_kind) or None
                passage = replace(
                    passage,
                    recommendation=passage.recommendation or kind is not None,
                    recommendation_kind=kind,
                    actor=fix.get("actor", passage.actor) or None,
                    addressee=fix.get("addressee", passage.addressee) or None,
                )
                why = [w for w in passage.why if w.tag != KIND]
                note = str(curation.passages[passage.id].get("note", ""))
                why.append(Reason(KIND, CURATOR, (passage.recommendation_kind or "none",), note))
                passage = replace(passage, why=tuple(why))
            passages.append(passage)
        sections.append(replace(section, passages=tuple(passages)))
    return replace(doc, sections=tuple(sections))


def _apply_passage_curation(passage: Passage, curation: Curation) -> Passage:
    fix = curation.passages.get(passage.id)
    if not fix:
        return passage
    why = list(passage.why)
    note = str(fix.get("note", ""))
    if "pillars" in fix:
        pillars = tuple(p for p in ("I", "II", "III", "IV", "V", "P") if p in fix["pillars"])
        why = [w for w in why if w.tag == RECOMMENDATION]
        why.insert(0, Reason(PILLARS, CURATOR, note=note))
        passage = replace(passage, pillars=pillars)
    if fix.get("themes"):
        passage = replace(passage, themes=tuple(str(t) for t in fix["themes"]))
    if "recommendation" in fix:
        why = [w for w in why if w.tag != RECOMMENDATION]
        flag = "a recommendation" if fix["recommendation"] else "not a recommendation"
        why.append(Reason(RECOMMENDATION, CURATOR, (flag,), note))
        passage = replace(passage, recommendation=bool(fix["recommendation"]))
    return replace(passage, why=tuple(why))


MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a source larger than this is refused (README says so)


def read_source(path: Path) -> bytes:
    """A source file's bytes, or `IngestError` saying in one sentence why it cannot be used.

    Only regular files are read: a FIFO would block forever and a device never ends. The
    size is checked before reading and the read itself is bounded, in case the file grows.
    """
    shown = safe_line(str(path))
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise IngestError(f"{shown} does not exist.") from exc
    except OSError as exc:
        raise IngestError(f"{shown} cannot be read ({exc.strerror or exc}).") from exc
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{shown} is a folder, not a text file.")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(
            f"{shown} is not a regular file (a device, pipe or socket), so it was not read."
        )
    if info.st_size > MAX_SOURCE_BYTES:
        raise IngestError(
            f"{shown} is larger than the {MAX_SOURCE_BYTES // 2**20} MB limit for a source."
        )
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise IngestError(f"{shown} cannot be read ({exc.strerror or exc}).") from exc
    if len(data) > MAX_SOURCE_BYTES:
        raise IngestError(
            f"{shown} is larger than the {MAX_SOURCE_BYTES // 2**20} MB limit for a source."
        )
    if not data.strip():
        raise IngestError(f"{shown} is empty.")
    return data


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write text (UTF-8, LF) or bytes to `path` whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class WriteResult:
    path: Path
    status: str  # "unchanged" | "written" | "created"
    lifted: tuple[str, ...] = ()  # corrections moved from the content file into curation.toml


def lift_hand_edits(existing_text: str, fresh: Document, curation_path: Path) -> list[str]:
    """Record corrections made directly in a content file into curation.toml.

    Titles and other document fields, pillar tags and recommendation flags can be carried
    over. If passage text itself was edited, nothing is carried and `IngestError` explains,
    because text comes from the source and would be lost on the next run.
    """
    try:
        edited = parse_document(existing_text, str(curation_path.parent))
    except ContentError as exc:
        raise IngestError(
            f"the hand-edited content file for {fresh.seed} no longer loads (line {exc.line}: {exc.message}); "
            "fix or remove it, then run ingest again."
        ) from exc
    fresh_passages = {p.id: p for _, p in fresh.passages()}
    edited_passages = {p.id: p for _, p in edited.passages()}
    fresh_texts = {(p.id, p.text) for p in fresh_passages.values()}
    if fresh_texts != {(p.id, p.text) for p in edited_passages.values()}:
        raise IngestError(
            f"passages of {fresh.id} were added, removed or re-worded by hand; text comes from "
            f"{fresh.seed}, so the file was left as it is (use --force to regenerate it)."
        )
    lifted: list[str] = []
    doc_changes: dict[str, object] = {}
    for name in ("title", "organisations", "date", "kind", "source", "partial", "source_type"):
        before, after = getattr(fresh, name), getattr(edited, name)
        if (before or None) != (after or None):
            doc_changes[name] = list(after) if isinstance(after, tuple) else (after or "")
    if edited.id != fresh.id:
        raise IngestError(
            f"the id of {fresh.id} was changed by hand; ids are kept stable for notes, so set "
            f'“id” under [seeds."{fresh.seed}"] in {CURATION_FILE} instead.'
        )
    if doc_changes:
        set_curation_values(curation_path, f'seeds."{fresh.seed}"', doc_changes)
        lifted += [f"{fresh.id}: {name}" for name in doc_changes]
    for passage_id, after in edited_passages.items():
        before = fresh_passages[passage_id]
        changes: dict[str, object] = {}
        if after.pillars != before.pillars:
            changes["pillars"] = list(after.pillars)
        if after.recommendation != before.recommendation:
            changes["recommendation"] = after.recommendation
        for name in ("recommendation_kind", "actor", "addressee"):
            if getattr(after, name) != getattr(before, name):
                changes[name] = getattr(after, name) or ""
        if changes:
            set_curation_values(curation_path, f'passages."{passage_id}"', changes)
            lifted += [f"{passage_id}: {name}" for name in changes]
    return lifted


def write_document(doc: Document, directory: Path, origin_note: str) -> WriteResult:
    """Write `doc` as `<id>.toml` in `directory` unless the file already says exactly that."""
    if reserved := reserved_id_problem(doc.id):
        raise IngestError(f"{reserved}; nothing was written.")
    path = directory / f"{doc.id}.toml"
    text = render_document(doc, origin_note)
    if path.exists():
        if path.read_text(encoding="utf-8") == text:
            return WriteResult(path, "unchanged")
        write_atomically(path, text)
        return WriteResult(path, "written")
    write_atomically(path, text)
    return WriteResult(path, "created")


@dataclass(frozen=True)
class IngestReport:
    results: tuple[WriteResult, ...]
    errors: tuple[str, ...]


def ingest_sources(
    sources: list[Path], content_dir: Path, *, origin: str = "bundled", force: bool = False
) -> IngestReport:
    """Ingest each source into `content_dir`; one bad source does not stop the others."""
    curation_path = content_dir / CURATION_FILE
    results: list[WriteResult] = []
    errors: list[str] = []
    try:
        curation = load_curation(content_dir)
    except ValueError as exc:
        line = getattr(exc, "line", None)
        return IngestReport((), (f"{curation_path}:{line or '?'}: {exc}",))
    for source in sources:
        try:
            raw = read_source(source)
            doc = build_document(raw, source.name, curation, origin)
            target = content_dir / f"{doc.id}.toml"
            lifted: list[str] = []
            if target.exists() and not force:
                existing = target.read_text(encoding="utf-8")
                if edited_by_hand(existing):
                    lifted = lift_hand_edits(existing, doc, curation_path)
                    curation = load_curation(content_dir)
                    doc = build_document(raw, source.name, curation, origin)
            result = write_document(doc, content_dir, _origin_note(source))
            results.append(replace(result, lifted=tuple(lifted)))
        except (IngestError, OSError, ValueError) as exc:
            errors.append(f"{source}: {exc}")
    return IngestReport(tuple(results), tuple(errors))


def _origin_note(source: Path) -> str:
    return f"Written by `brief-tui ingest` from {source.parent.name}/{source.name}."
