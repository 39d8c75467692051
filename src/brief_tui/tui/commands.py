"""Command palette provider: briefings, sections and pillar filters, found with the same
search engine as `/` (typo-tolerant, prefix-aware), so ctrl+p and / agree on what matches."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from brief_tui.corpus.model import Library
from brief_tui.corpus.pillars import PILLARS, label
from brief_tui.search import Entry, SearchIndex
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.widgets.highlight import highlighted


class BriefingCommands(Provider):
    """Briefings anywhere; sections and pillar filters when a briefing is open."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from brief_tui.tui.screens.briefing import BriefingScreen

        library: Library = getattr(self.app, "library", Library(()))
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                f"Open briefing: {doc.title}",
                partial(self.screen.post_message, OpenBriefing(doc.id)),
                ", ".join(doc.organisations),
            )
            for doc in library.documents
        ]
        search = partial(self.app.run_action, "search")
        commands.append(("Search", search, "the / key"))
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
