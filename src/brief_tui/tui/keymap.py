"""The reader's keymap, in one place: bindings, the help screen and the README all use it.

This keymap is a contract: tests assert each key, and people build habits on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str
    description: str  # what the help screen says
    group: str
    show: bool = False  # shown in the footer
    label: str = ""  # how the help screen writes the keys, when not the names themselves
    footer: str = ""  # a shorter description for the footer

    @property
    def id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.action.lower()).strip("-")


READER_KEYS: tuple[Key, ...] = (
    Key("j,down", "cursor_down", "next passage", "Move", label="j ↓"),
    Key("k,up", "cursor_up", "previous passage", "Move", label="k ↑"),
    Key("space,pagedown", "page_down", "page down", "Move", label="space PgDn"),
    Key("b,pageup", "page_up", "page up", "Move", label="b PgUp"),
    Key("g,home", "first", "first passage", "Move", label="g Home"),
    Key("G,end", "last", "last passage", "Move", label="G End"),
    Key("right_square_bracket", "next_section", "next section", "Move", label="]"),
    Key("left_square_bracket", "previous_section", "previous section", "Move", label="["),
    Key("right_curly_bracket", "next_recommendation", "next recommendation", "Move", label="}"),
    Key(
        "left_curly_bracket",
        "previous_recommendation",
        "previous recommendation",
        "Move",
        label="{",
    ),
    Key("t", "outline", "outline of sections", "Move", show=True, footer="outline"),
    Key("1", "filter('I')", "filter Pillar I", "Filter", label="1"),
    Key("2", "filter('II')", "filter Pillar II", "Filter", label="2"),
    Key("3", "filter('III')", "filter Pillar III", "Filter", label="3"),
    Key("4", "filter('IV')", "filter Pillar IV", "Filter", label="4"),
    Key("5", "filter('V')", "filter Pillar V", "Filter", label="5"),
    Key("6", "filter('P')", "filter the P group (protection)", "Filter", label="6"),
    Key("0", "filter('')", "clear the filter", "Filter", label="0"),
    Key("n", "next_hit", "next search hit", "Move"),
    Key("N", "previous_hit", "previous search hit", "Move"),
    Key(
        "h",
        "highlight",
        "highlight the passage or the selection",
        "Notes",
        show=True,
        footer="highlight",
    ),
    Key(
        "v",
        "select",
        "select by sentence: j/k extend or shrink, h or Enter highlights, Esc cancels",
        "Notes",
    ),
    Key(
        "a",
        "annotate",
        "write or edit a note on the highlight (highlights first)",
        "Notes",
        show=True,
        footer="note",
    ),
    Key("m", "bookmark", "bookmark the passage", "Notes", footer="bookmark"),
    Key("i", "why", "why this passage has its tags", "Passage"),
    Key("y", "copy", "copy passage with citation", "Passage"),
    Key(
        "escape,backspace",
        "back",
        "back (clear filter, then library)",
        "App",
        label="Esc Backspace",
    ),
)

SEARCH_KEYS: tuple[Key, ...] = (
    Key("up,down", "move", "choose a result", "Search", label="↑ ↓"),
    Key("enter", "open", "open the result in its briefing", "Search", label="Enter"),
    Key("ctrl+r", "toggle_recommendations", "recommendations only (on/off)", "Search"),
    Key("ctrl+g", "cycle_pillar", "cycle the pillar filter", "Search"),
    Key("ctrl+t", "toggle_scope", "only the briefing you came from (on/off)", "Search"),
    Key("escape", "close", "back", "Search", label="Esc"),
)

LIBRARY_KEYS: tuple[Key, ...] = (
    Key("j,down", "cursor_down", "next briefing", "Library", label="j ↓"),
    Key("k,up", "cursor_up", "previous briefing", "Library", label="k ↑"),
    Key(
        "enter",
        "open",
        "open the briefing or pillar",
        "Library",
        show=True,
        label="Enter",
        footer="open",
    ),
    Key("x", "remove", "remove a document you added (asks first; its notes are kept)", "Library"),
    Key("1", "pillar('I')", "Pillar I across the library", "Library"),
    Key("2", "pillar('II')", "Pillar II across the library", "Library"),
    Key("3", "pillar('III')", "Pillar III across the library", "Library"),
    Key("4", "pillar('IV')", "Pillar IV across the library", "Library"),
    Key("5", "pillar('V')", "Pillar V across the library", "Library"),
    Key("6", "pillar('P')", "the P group across the library", "Library"),
)

APP_KEYS: tuple[Key, ...] = (
    Key("slash", "search", "search every briefing", "App", show=True, label="/", footer="search"),
    Key("apostrophe", "bookmarks", "list bookmarks and jump to one", "App", label="'"),
    Key("H", "notes", "all highlights and notes", "App", label="H", footer="notes"),
    Key("e", "export", "export notes to Markdown or a JSON backup", "App", label="e"),
    Key("c", "compare", "compare recommendations of two sources on a pillar", "App", label="c"),
    Key("C", "matrix", "coverage matrix: recommendations per source and pillar", "App", label="C"),
    Key("tab", "focus_next", "next pane", "App", label="Tab"),
    Key("shift+tab", "focus_previous", "previous pane", "App", label="Shift+Tab"),
    Key(
        "s", "toggle_sidebar", "show or hide the pillar sidebar", "App", show=True, footer="sidebar"
    ),
    Key("question_mark", "help", "help: every key", "App", show=True, label="?", footer="help"),
    Key("ctrl+p", "command_palette", "command palette", "App", label="ctrl+p"),
    Key("q", "quit", "quit", "App", show=True),
)


def bindings(keys: tuple[Key, ...]) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Textual bindings for `keys` (the palette and focus keys are Textual's own)."""
    return [
        Binding(
            k.keys,
            k.action,
            k.footer or k.description,
            show=k.show,
            id=k.id,
            key_display=(k.label or None) if k.show else None,
        )
        for k in keys
        if k.action not in ("focus_next", "focus_previous", "command_palette")
    ]
