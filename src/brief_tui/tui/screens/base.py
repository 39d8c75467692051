"""What the library, briefing and pillar screens share: a pillar sidebar that adapts to width."""

from __future__ import annotations

from textual import events

from brief_tui.tui.screens.keyed import KeyedScreen
from brief_tui.tui.widgets.pillar_sidebar import PillarSidebar

WIDE = 160  # columns from which the sidebar shows full pillar names
NARROW = 100  # below this the sidebar starts hidden


class SidebarScreen(KeyedScreen):
    """A screen with a `PillarSidebar` (id `sidebar`) that collapses on narrow terminals."""

    def on_resize(self, event: events.Resize) -> None:
        self.adapt_to_width(event.size.width)

    def on_screen_resume(self) -> None:
        self.adapt_to_width(self.app.size.width)

    def adapt_to_width(self, width: int) -> None:
        sidebar = self.query_one("#sidebar", PillarSidebar)
        wanted = self.app.sidebar_wanted  # type: ignore[attr-defined]
        visible = width >= NARROW if wanted is None else wanted
        sidebar.display = visible and width >= 40
        sidebar.set_style("full" if width >= WIDE else "short" if width >= NARROW else "ids")
        self.after_adapt(width)

    def after_adapt(self, width: int) -> None:
        """Hook for screens that adapt more than the sidebar."""

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#sidebar", PillarSidebar)
        self.app.sidebar_wanted = not sidebar.display  # type: ignore[attr-defined]
        self.adapt_to_width(self.app.size.width)
        if not sidebar.display and sidebar.has_focus:
            self.focus_next()
