"""Command palette providers: open a briefing, jump to a section, filter by pillar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from brief_tui.corpus.pillars import PILLARS, label

if TYPE_CHECKING:
    from brief_tui.tui.app import BriefApp


class BriefingCommands(Provider):
    """Briefings anywhere; sections and pillar filters when a briefing is open."""

    def _commands(self) -> list[tuple[str, object, str]]:
        from brief_tui.tui.screens.briefing import BriefingScreen

        app = cast("BriefApp", self.app)
        commands: list[tuple[str, object, str]] = [
            (
                f"Open briefing: {doc.title}",
                partial(app.open_briefing, doc.id),
                ", ".join(doc.organisations),
            )
            for doc in app.library.documents
        ]
        screen = self.screen
        if isinstance(screen, BriefingScreen):
            for section in screen.document.sections:
                commands.append(
                    (
                        f"Jump to section: {section.title}",
                        partial(screen.jump_to_section, section.id),
                        screen.document.title,
                    )
                )
            for pillar in PILLARS:
                commands.append(
                    (
                        f"Filter: {label(pillar.id)}, {pillar.name}",
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
            yield DiscoveryHit(text, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)  # type: ignore[arg-type]
