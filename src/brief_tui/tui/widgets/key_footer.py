"""The footer of keys, redrawn only when the keys it shows change.

Textual's footer rebuilds all its keys on every bindings signal: focus moving, a screen
pushed, a binding refreshed. Opening a briefing sends half a dozen of them, and each rebuild
mounts and styles every key again (measured: the app was busy ~200 ms longer after an open).
This footer waits for the signals of one refresh to arrive, then rebuilds once, and only
if what it would show differs from what it shows.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A `Footer` that coalesces rebuilds and skips the ones that would change nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None
        self._pending = False

    def shown_keys(self) -> tuple[object, ...]:
        """What the footer would show now: each shown binding's key, label, and state."""
        return tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, enabled)
            for (_, binding, enabled, _) in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self.shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
