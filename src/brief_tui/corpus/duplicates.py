"""Documents that share an id: the reader can show only one of them."""

from __future__ import annotations

from pathlib import Path

from brief_tui.corpus.model import Document, LoadProblem


def without_duplicate_ids(
    documents: list[Document],
) -> tuple[list[Document], list[LoadProblem]]:
    """The first document with each id; any later one is a problem naming both files, since
    the reader could only ever show one of them."""
    kept: dict[str, Document] = {}
    problems: list[LoadProblem] = []
    for doc in documents:
        first = kept.get(doc.id)
        if first is None:
            kept[doc.id] = doc
            continue
        problems.append(
            LoadProblem(
                doc.path,
                _id_line(doc.path),
                f"document id “{doc.id}” is already used by {first.path}; "
                "give one of them another id.",
            )
        )
    return list(kept.values()), problems


def _id_line(path: str) -> int | None:
    from brief_tui.corpus.contentfile import key_line  # only for a duplicate: not at start-up

    try:
        return key_line(Path(path).read_text(encoding="utf-8"), "id")
    except (OSError, UnicodeDecodeError):
        return None
