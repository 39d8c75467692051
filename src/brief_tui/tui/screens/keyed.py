"""Counts and two-key commands, as less and vim users type them.

A number before a motion repeats it (`5j`); a number on its own, after a short pause, does
what its key does on that screen (a pillar filter). `m` then a letter, or `'` then a letter,
are read by asking for the next key. Both are shown in the status line while they wait.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.timer import Timer

COUNT_PAUSE = 0.6  # seconds a lone number waits for a motion before it acts as its own key
PREFIX_PAUSE = 3.0  # seconds `m` or `'` waits for the key that completes it
# Actions that use a count typed before them (5j, 3]); any other key after a lone digit makes
# the digit act as its own key first (a pillar filter), then the key.
COUNTED_ACTIONS = frozenset(
    """cursor_down cursor_up page_down page_up half_page first last next_section
    previous_section next_recommendation previous_recommendation next_hit previous_hit""".split()
)


class KeyedScreen(Screen):
    """A screen that reads counts before motions and the second key of two-key commands."""

    COUNTS = True

    def __init__(self) -> None:
        super().__init__()
        self._count = ""
        self._count_timer: Timer | None = None
        self._waiting: Callable[[str, str | None], None] | None = None
        self._waiting_timer: Timer | None = None

    # Counts --------------------------------------------------------------------------------

    def take_count(self) -> int:
        """The number typed before this motion (1 if none), which it uses up."""
        count = int(self._count) if self._count else 1
        self._clear_count()
        return max(1, min(count, 100_000))

    @property
    def pending(self) -> str:
        """What the status line shows while a count or a two-key command waits."""
        if self._waiting is not None:
            return self._waiting_hint
        return f"count {self._count}" if self._count else ""

    def _clear_count(self) -> None:
        self._count = ""
        if self._count_timer is not None:
            self._count_timer.stop()
            self._count_timer = None

    def _count_paused(self) -> None:
        """A number with no motion after it: a single digit does what its key does here."""
        digits = self._count
        self._clear_count()
        self.pending_changed()
        if len(digits) == 1:
            self._run_key(digits)

    def _run_key(self, key: str) -> None:
        active = self.active_bindings.get(key)
        if active is not None and active.enabled:
            self.call_later(self.app.run_action, active.binding.action, active.node)

    def _counted(self, key: str) -> bool:
        """True when `key` runs an action that uses a count."""
        active = self.active_bindings.get(key)
        return active is not None and active.binding.action.split("(")[0] in COUNTED_ACTIONS

    # Two-key commands ------------------------------------------------------------------------

    _waiting_hint = ""

    def wait_for_key(self, hint: str, then: Callable[[str, str | None], None]) -> None:
        """Give the next key (name, character) to `then`; Esc or a pause cancels."""
        self._clear_count()
        self._waiting, self._waiting_hint = then, hint
        if self._waiting_timer is not None:
            self._waiting_timer.stop()
        self._waiting_timer = self.set_timer(PREFIX_PAUSE, self._stop_waiting)
        self.pending_changed()

    def _stop_waiting(self) -> None:
        self._waiting = None
        if self._waiting_timer is not None:
            self._waiting_timer.stop()
            self._waiting_timer = None
        self.pending_changed()

    def pending_changed(self) -> None:
        """Hook: redraw the status line."""

    # Keys ----------------------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        """Every key bound here runs as it passes this screen, in the order typed: left to the
        app's bindings, a motion could run after the key typed straight after it ('G'q' would
        jump to the mark and then to the end; '9jmq' would mark before moving)."""
        if self._waiting is not None:
            then = self._waiting
            self._stop_waiting()
            event.prevent_default()
            event.stop()
            if event.key != "escape":
                then(event.key, event.character)
            return
        active = self.active_bindings.get(event.key)
        character = event.character or ""
        if self.COUNTS and character.isdigit() and (self._count or character != "0"):
            event.prevent_default()
            event.stop()
            self._count += character
            if self._count_timer is not None:
                self._count_timer.stop()
            self._count_timer = self.set_timer(COUNT_PAUSE, self._count_paused)
            self.pending_changed()
            return
        if self._count and event.key == "escape":
            event.prevent_default()
            event.stop()
            self._clear_count()
            self.pending_changed()
            return
        if self._count and not self._counted(event.key):
            # Another key: a lone digit first does what its key does (4 then c filters, then
            # compares); a longer number is dropped.
            digits = self._count
            self._clear_count()
            self.pending_changed()
            first = self.active_bindings.get(digits) if len(digits) == 1 else None
            if first is not None and first.enabled:
                await self.app.run_action(first.binding.action, first.node)
        if active is not None and active.enabled:
            event.prevent_default()
            event.stop()
            await self.app.run_action(active.binding.action, active.node)
