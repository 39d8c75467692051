"""How the notes panel lists highlights: filtered by words, grouped by briefing or by pillar,
orphans last. Pure, so it is tested without a screen."""

from __future__ import annotations

from collections.abc import Callable

from brief_tui.corpus.pillars import PILLARS, label
from brief_tui.notes.records import Highlight

ORPHANED_GROUP = "Orphaned: their text is no longer in the briefing (kept, never dropped)"


def matches(highlight: Highlight, needle: str, titles: dict[str, str]) -> bool:
    """True when every word of `needle` is in the quote, note, label or briefing title."""
    if not needle:
        return True
    haystack = " ".join(
        (
            highlight.anchor.quote,
            highlight.note,
            highlight.label,
            titles.get(highlight.anchor.document, ""),
        )
    ).lower()
    return all(word in haystack for word in needle.lower().split())


def group_highlights(
    highlights: list[Highlight],
    titles: dict[str, str],
    *,
    by_pillar: bool,
    pillars_of: Callable[[Highlight], tuple[str, ...]],
) -> list[tuple[str, list[Highlight]]]:
    """(heading, highlights) groups in the panel's order; one highlight may sit under several
    pillars; orphans form the last group."""
    live = [h for h in highlights if h.status != "orphaned"]
    orphaned = [h for h in highlights if h.status == "orphaned"]
    groups: list[tuple[str, list[Highlight]]] = []
    if by_pillar:
        for pillar in PILLARS:
            members = [h for h in live if pillar.id in pillars_of(h)]
            if members:
                groups.append((f"{label(pillar.id)}: {pillar.name}", members))
        untagged = [h for h in live if not pillars_of(h)]
        if untagged:
            groups.append(("No pillar", untagged))
    else:
        by_doc: dict[str, list[Highlight]] = {}
        for h in live:
            by_doc.setdefault(h.anchor.document, []).append(h)
        groups = [(titles.get(doc, doc), members) for doc, members in by_doc.items()]
    if orphaned:
        groups.append((ORPHANED_GROUP, orphaned))
    return groups
