"""Command palette provider: briefings, sections and pillar filters, found with the same
search engine as `/` (typo-tolerant, prefix-aware), so ctrl+p and / agree on what matches."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from brief_tui.corpus.pillars import PILLARS, label
from brief_tui.search import Entry, SearchIndex
from brief_tui.tui.widgets.highlight import highlighted

if TYPE_CHECKING:
    from brief_tui.tui.app import BriefApp


class BriefingCommands(Provider):
    """Briefings anywhere; sections and pillar filters when a briefing is open."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from brief_tui.tui.screens.briefing import BriefingScreen

        app = cast("BriefApp", self.app)
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                f"Open briefing: {doc.title}",
                partial(app.open_briefing, doc.id),
                ", ".join(doc.organisations),
            )
            for doc in app.library.documents
        ]
        commands.append(("Search every briefing", app.action_search, "the / key"))
        screen = self.screen
        if isinstance(screen, BriefingScreen):
            title = screen.document.title
            for section in screen.document.sections:
                commands.append(
                    (
                        f"Jump to section: {section.title}",
                        partial(screen.jump_to_section, section.id),
                        title,
                    )
                )
            for key, pillar in enumerate(PILLARS, start=1):
                # The key's number is in the text: "pillar 2" finds Pillar II first.
                commands.append(
                    (
                        f"Filter: {label(pillar.id)} (key {key}), {pillar.name}",
                        partial(screen.apply_filter, pillar.id),
                        "show only its passages",
                    )
                )
            commands.append(
                (
                    "Filter: show all passages",
                    partial(screen.apply_filter, None),
                    "clear the pillar filter",
                )
            )
        return commands

    async def discover(self) -> Hits:
        for text, callback, help_text in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        commands = self._commands()
        entries = [Entry("command", "", "", "", "", None, text) for text, _, _ in commands]
        hits = SearchIndex(entries).search(query, limit=len(entries))
        best = max((hit.score for hit in hits), default=1.0) or 1.0
        by_text = {text: (callback, help_text) for text, callback, help_text in commands}
        for hit in hits:
            callback, help_text = by_text[hit.entry.text]
            yield Hit(
                hit.score / best, highlighted(hit.snippet, hit.spans), callback, help=help_text
            )
