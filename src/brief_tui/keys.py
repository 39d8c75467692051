"""Every key binding of the reader, in one registry, and the user's keymap file.

Each binding has a stable id (what `keymap.toml` names; it never changes when an action is
renamed), the keys it has by default, the action it runs, what it does, and the context where
it applies. The reader's screens, its footer, the help screen, the hints in status lines and
`brief-tui keys` all come from here, so they agree with each other and with the user's keymap.
Pure data: no Textual, so the command line can list the keys without starting a UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

KEYMAP_FILE = "keymap.toml"


@dataclass(frozen=True)
class KeySpec:
    id: str  # stable: users name it in keymap.toml
    context: str  # where it applies, as the help screen groups it
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    show: bool = False  # in the footer
    footer: str = ""  # a shorter description for the footer
    label: str = ""  # how help writes the default keys, when not the names themselves

    @property
    def key_list(self) -> tuple[str, ...]:
        return tuple(k.strip() for k in self.keys.split(",") if k.strip())


# Contexts, in the order the help screen and `brief-tui keys` list them.
BRIEFING, LISTS, LIBRARY, PILLAR_VIEW, SEARCH, NOTES, BOOKMARKS = (
    "briefing",
    "lists",
    "library",
    "pillar view",
    "search",
    "notes panel",
    "bookmarks",
)
COMPARE, MATRIX, DIALOGS, EVERYWHERE = "compare", "coverage matrix", "dialogs", "everywhere"
CONTEXTS = (
    BRIEFING,
    LISTS,
    LIBRARY,
    PILLAR_VIEW,
    SEARCH,
    NOTES,
    BOOKMARKS,
    COMPARE,
    MATRIX,
    DIALOGS,
    EVERYWHERE,
)

_PILLAR_KEYS = (("1", "I"), ("2", "II"), ("3", "III"), ("4", "IV"), ("5", "V"), ("6", "P"))


def _briefing() -> list[KeySpec]:
    keys = [
        KeySpec("next-passage", BRIEFING, "j,down", "cursor_down", "next passage (5j: five)"),
        KeySpec("previous-passage", BRIEFING, "k,up", "cursor_up", "previous passage"),
        KeySpec("page-down", BRIEFING, "space,pagedown,ctrl+f", "page_down", "page down"),
        KeySpec("page-up", BRIEFING, "b,pageup,ctrl+b", "page_up", "page up"),
        KeySpec("half-page-down", BRIEFING, "ctrl+d", "half_page(1)", "half a page down"),
        KeySpec("half-page-up", BRIEFING, "ctrl+u", "half_page(-1)", "half a page up"),
        KeySpec("first-passage", BRIEFING, "g,home", "first", "first passage (gg too)"),
        KeySpec("last-passage", BRIEFING, "G,end", "last", "last passage"),
        KeySpec("next-section", BRIEFING, "right_square_bracket", "next_section", "next section"),
        KeySpec(
            "previous-section",
            BRIEFING,
            "left_square_bracket",
            "previous_section",
            "previous section",
        ),
        KeySpec(
            "next-recommendation",
            BRIEFING,
            "right_curly_bracket",
            "next_recommendation",
            "next recommendation",
        ),
        KeySpec(
            "previous-recommendation",
            BRIEFING,
            "left_curly_bracket",
            "previous_recommendation",
            "previous recommendation",
        ),
        KeySpec(
            "recommendation-kind",
            BRIEFING,
            "r",
            "cycle_recommendation_kind",
            "} and { visit: every recommendation, asks, commitments or reports (cycles)",
        ),
        KeySpec("outline", BRIEFING, "t", "outline", "outline of sections", True, "outline"),
    ]
    for key, pillar in _PILLAR_KEYS:
        what = "the P group (protection)" if pillar == "P" else f"Pillar {pillar}"
        keys.append(
            KeySpec(
                f"filter-{pillar.lower()}", BRIEFING, key, f"filter('{pillar}')", f"filter {what}"
            )
        )
    keys += [
        KeySpec("clear-filter", BRIEFING, "0", "filter('')", "clear the filter"),
        KeySpec("next-hit", BRIEFING, "n", "next_hit", "next search hit (says when it wraps)"),
        KeySpec("previous-hit", BRIEFING, "N", "previous_hit", "previous search hit"),
        KeySpec(
            "highlight",
            BRIEFING,
            "h",
            "highlight",
            "highlight the passage or the selection (again: change its label)",
            True,
            "highlight",
        ),
        KeySpec(
            "select",
            BRIEFING,
            "v",
            "select",
            "select by sentence: j/k extend or shrink, h or Enter highlights, Esc cancels",
        ),
        KeySpec("confirm-selection", BRIEFING, "enter", "confirm", "highlight the selection"),
        KeySpec(
            "annotate",
            BRIEFING,
            "a",
            "annotate",
            "write or edit a note on the highlight (highlights first)",
            True,
            "note",
        ),
        KeySpec(
            "set-mark",
            BRIEFING,
            "m",
            "set_mark",
            "then a letter: set a mark (a-z in this briefing, A-Z anywhere)",
        ),
        KeySpec(
            "jump-to-mark",
            BRIEFING,
            "apostrophe",
            "jump_mark",
            "then a letter: jump to it; ' again lists bookmarks",
        ),
        KeySpec("bookmark", BRIEFING, "M", "bookmark", "bookmark the passage with a name"),
        KeySpec("why", BRIEFING, "i", "why", "why this passage has its tags"),
        KeySpec("copy", BRIEFING, "y", "copy", "copy passage with citation"),
        KeySpec("back", BRIEFING, "escape,backspace", "back", "back (clear filter, then library)"),
    ]
    return keys


def _lists() -> list[KeySpec]:
    return [
        KeySpec("list-down", LISTS, "j", "cursor_down", "next item (5j: five)", True, "down"),
        KeySpec("list-up", LISTS, "k", "cursor_up", "previous item", True, "up"),
        KeySpec("list-first", LISTS, "g", "first", "first item (gg too; Home)"),
        KeySpec("list-last", LISTS, "G", "last", "last item (End)"),
        KeySpec("list-half-down", LISTS, "ctrl+d", "half_page(1)", "half a page down"),
        KeySpec("list-half-up", LISTS, "ctrl+u", "half_page(-1)", "half a page up"),
        KeySpec("list-page-down", LISTS, "ctrl+f", "page_down", "a page down (PgDn)"),
        KeySpec("list-page-up", LISTS, "ctrl+b", "page_up", "a page up (PgUp)"),
    ]


def _library_and_pillar_view() -> list[KeySpec]:
    keys = [
        KeySpec(
            "open-briefing",
            LIBRARY,
            "enter",
            "open",
            "open the briefing or pillar",
            True,
            "open",
            "Enter",
        ),
        KeySpec(
            "remove-document",
            LIBRARY,
            "x",
            "remove",
            "remove a document you added (asks first; its notes are kept)",
        ),
    ]
    for key, pillar in _PILLAR_KEYS:
        what = "the P group" if pillar == "P" else f"Pillar {pillar}"
        keys.append(
            KeySpec(
                f"library-pillar-{pillar.lower()}",
                LIBRARY,
                key,
                f"pillar('{pillar}')",
                f"{what} across the library",
            )
        )
        keys.append(
            KeySpec(
                f"pillar-view-{pillar.lower()}",
                PILLAR_VIEW,
                key,
                f"pillar('{pillar}')",
                f"show {what} instead",
            )
        )
    keys += [
        KeySpec(
            "pillar-view-kind",
            PILLAR_VIEW,
            "r",
            "cycle_kind",
            "only asks, commitments or reports (cycles)",
        ),
        KeySpec(
            "pillar-view-type",
            PILLAR_VIEW,
            "y",
            "cycle_type",
            "only one source type: advocacy, government, research… (cycles)",
        ),
    ]
    keys.append(KeySpec("pillar-view-back", PILLAR_VIEW, "escape,backspace", "back", "back"))
    return keys


def _search() -> list[KeySpec]:
    return [
        KeySpec("search-down", SEARCH, "down", "move(1)", "next result", label="↓"),
        KeySpec("search-up", SEARCH, "up", "move(-1)", "previous result", label="↑"),
        KeySpec("search-page-down", SEARCH, "pagedown", "move(8)", "results a page down"),
        KeySpec("search-page-up", SEARCH, "pageup", "move(-8)", "results a page up"),
        KeySpec(
            "search-recommendations",
            SEARCH,
            "ctrl+r",
            "toggle_recommendations",
            "recommendations only (on/off)",
            True,
            "recs only",
        ),
        KeySpec(
            "search-kind",
            SEARCH,
            "ctrl+o",
            "cycle_kind",
            "only asks, commitments or reports (cycles)",
            True,
            "kind",
        ),
        KeySpec(
            "search-type",
            SEARCH,
            "ctrl+y",
            "cycle_type",
            "only one source type: advocacy, government, research… (cycles)",
        ),
        KeySpec(
            "search-pillar",
            SEARCH,
            "ctrl+g",
            "cycle_pillar",
            "cycle the pillar filter",
            True,
            "pillar",
        ),
        KeySpec(
            "search-scope",
            SEARCH,
            "ctrl+t",
            "toggle_scope",
            "this briefing or every briefing",
            True,
            "scope",
        ),
        KeySpec("search-close", SEARCH, "escape", "close", "back", True, "close"),
    ]


def _notes_and_bookmarks() -> list[KeySpec]:
    return [
        KeySpec("notes-edit", NOTES, "e,a", "edit", "edit its note", True, "note"),
        KeySpec("notes-label", NOTES, "l", "label", "change its label", True, "label"),
        KeySpec("notes-delete", NOTES, "d", "delete", "delete it", True, "delete"),
        KeySpec("notes-undo", NOTES, "u", "undo", "undo the last delete", True, "undo"),
        KeySpec(
            "notes-group", NOTES, "p", "regroup", "group by pillar or by briefing", True, "group"
        ),
        KeySpec("notes-filter", NOTES, "f", "filter", "filter by words", True, "filter"),
        KeySpec("notes-to-list", NOTES, "down", "to_list", "from the filter back to the list"),
        KeySpec("notes-back", NOTES, "escape", "back", "back", True, "back"),
        KeySpec(
            "bookmarks-delete", BOOKMARKS, "d", "delete", "delete the bookmark", True, "delete"
        ),
        KeySpec(
            "bookmarks-close", BOOKMARKS, "escape,apostrophe", "cancel", "close", True, "close"
        ),
    ]


def _compare() -> list[KeySpec]:
    keys = [
        KeySpec("compare-side", COMPARE, "tab", "switch_side", "switch side", True, "side"),
        KeySpec("compare-down", COMPARE, "j,down", "row(1)", "next row"),
        KeySpec("compare-up", COMPARE, "k,up", "row(-1)", "previous row"),
        KeySpec(
            "compare-left-previous",
            COMPARE,
            "left_square_bracket",
            "cycle(0, -1)",
            "previous source on the left",
            label="[",
        ),
        KeySpec(
            "compare-left-next",
            COMPARE,
            "right_square_bracket",
            "cycle(0, 1)",
            "next source on the left",
            label="]",
        ),
        KeySpec(
            "compare-right-previous",
            COMPARE,
            "left_curly_bracket",
            "cycle(1, -1)",
            "previous source on the right",
            label="{",
        ),
        KeySpec(
            "compare-right-next",
            COMPARE,
            "right_curly_bracket",
            "cycle(1, 1)",
            "next source on the right",
            label="}",
        ),
    ]
    for key, pillar in _PILLAR_KEYS:
        keys.append(
            KeySpec(
                f"compare-pillar-{pillar.lower()}",
                COMPARE,
                key,
                f"pillar('{pillar}')",
                f"compare on {'the P group' if pillar == 'P' else 'Pillar ' + pillar}",
            )
        )
    keys += [
        KeySpec("compare-any-pillar", COMPARE, "0", "pillar('')", "compare on any pillar"),
        KeySpec("compare-swap", COMPARE, "s", "swap", "swap the sides"),
        KeySpec(
            "compare-mode",
            COMPARE,
            "m",
            "mode",
            "documents or sides: advocacy asks vs government commitments",
            True,
            "sides",
        ),
        KeySpec(
            "compare-open",
            COMPARE,
            "enter",
            "open",
            "open the recommendation in its briefing",
            True,
            "open",
        ),
        KeySpec("compare-highlight", COMPARE, "h", "highlight", "highlight it", True, "highlight"),
        KeySpec(
            "compare-annotate", COMPARE, "a", "annotate", "write or edit its note", True, "note"
        ),
        KeySpec("compare-add", COMPARE, "plus", "third(True)", "add a third source (160 columns)"),
        KeySpec("compare-remove", COMPARE, "minus", "third(False)", "remove the third source"),
        KeySpec("compare-matrix", COMPARE, "C", "matrix", "the coverage matrix"),
        KeySpec(
            "compare-explain", COMPARE, "question_mark", "explain", "about this pane", True, "about"
        ),
        KeySpec("compare-back", COMPARE, "escape,backspace", "back", "back", True, "back"),
        KeySpec("matrix-left", MATRIX, "h", "cursor_left", "previous column"),
        KeySpec("matrix-down", MATRIX, "j", "cursor_down", "next source"),
        KeySpec("matrix-up", MATRIX, "k", "cursor_up", "previous source"),
        KeySpec("matrix-right", MATRIX, "l", "cursor_right", "next column"),
        KeySpec("matrix-first", MATRIX, "g", "scroll_top", "first source"),
        KeySpec("matrix-last", MATRIX, "G", "scroll_bottom", "last source"),
        KeySpec("matrix-back", MATRIX, "escape,backspace,C", "back", "back", True, "back"),
    ]
    return keys


def _dialogs() -> list[KeySpec]:
    keys = [
        KeySpec("close", DIALOGS, "escape,q", "close", "close the outline, the tags or help"),
        KeySpec("help-down", DIALOGS, "j,down", "scroll(1)", "help: scroll down"),
        KeySpec("help-up", DIALOGS, "k,up", "scroll(-1)", "help: scroll up"),
        KeySpec(
            "help-page-down",
            DIALOGS,
            "space,pagedown,ctrl+f,ctrl+d",
            "scroll(10)",
            "help: page down",
        ),
        KeySpec("help-page-up", DIALOGS, "b,pageup,ctrl+b,ctrl+u", "scroll(-10)", "help: page up"),
        KeySpec("help-end", DIALOGS, "G,end", "scroll(1000)", "help: the end"),
        KeySpec("help-start", DIALOGS, "g,home", "scroll(-1000)", "help: the start"),
        KeySpec("label-cancel", DIALOGS, "escape", "cancel", "label picker: cancel"),
        KeySpec("note-save", DIALOGS, "ctrl+s", "save", "note editor: save", True, "save"),
        KeySpec(
            "note-cancel",
            DIALOGS,
            "escape",
            "cancel",
            "note editor: cancel (twice: discard)",
            True,
            "cancel",
        ),
        KeySpec("bookmark-cancel", DIALOGS, "escape", "cancel", "bookmark name: cancel"),
        KeySpec("confirm-yes", DIALOGS, "y,enter", "answer(True)", "confirm: yes", True, "yes"),
        KeySpec("confirm-no", DIALOGS, "n,escape", "answer(False)", "confirm: no", True, "no"),
        KeySpec("export-cancel", DIALOGS, "escape", "cancel", "export: cancel", True, "cancel"),
        KeySpec(
            "explain-close",
            DIALOGS,
            "escape,question_mark,q",
            "close",
            "about the compare pane: close",
        ),
    ]
    for n in range(1, 5):
        keys.append(
            KeySpec(f"label-{n}", DIALOGS, str(n), f"pick({n - 1})", f"label picker: label {n}")
        )
    return keys


def _everywhere() -> list[KeySpec]:
    return [
        KeySpec(
            "search",
            EVERYWHERE,
            "slash",
            "search",
            "search (in a briefing: that briefing)",
            True,
            "search",
            "/",
        ),
        KeySpec(
            "bookmarks",
            EVERYWHERE,
            "apostrophe",
            "bookmarks",
            "list bookmarks and marks, jump to one",
            label="'",
        ),
        KeySpec("notes", EVERYWHERE, "H", "notes", "all highlights and notes"),
        KeySpec("export", EVERYWHERE, "e", "export", "export notes to Markdown or a JSON backup"),
        KeySpec(
            "compare",
            EVERYWHERE,
            "c",
            "compare",
            "compare recommendations of two sources on a pillar",
        ),
        KeySpec(
            "matrix",
            EVERYWHERE,
            "C",
            "matrix",
            "coverage matrix: recommendations per source and pillar",
        ),
        KeySpec("next-pane", EVERYWHERE, "tab", "focus_next", "next pane", label="Tab"),
        KeySpec(
            "previous-pane",
            EVERYWHERE,
            "shift+tab",
            "focus_previous",
            "previous pane",
            label="Shift+Tab",
        ),
        KeySpec(
            "sidebar",
            EVERYWHERE,
            "s",
            "toggle_sidebar",
            "show or hide the pillar sidebar",
            True,
            "sidebar",
        ),
        KeySpec("help", EVERYWHERE, "question_mark", "help", "help: every key", True, "help", "?"),
        KeySpec("command-palette", EVERYWHERE, "ctrl+p", "command_palette", "command palette"),
        KeySpec("quit", EVERYWHERE, "q", "quit", "quit", True, "quit"),
    ]


KEYS: tuple[KeySpec, ...] = tuple(
    _briefing()
    + _lists()
    + _library_and_pillar_view()
    + _search()
    + _notes_and_bookmarks()
    + _compare()
    + _dialogs()
    + _everywhere()
)
KEYS_BY_ID: dict[str, KeySpec] = {k.id: k for k in KEYS}


def keys_in(context: str) -> tuple[KeySpec, ...]:
    return tuple(k for k in KEYS if k.context == context)


# The user's keymap ------------------------------------------------------------------------

_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta)\+)*[^\s,+]+$|^\+$")


@dataclass(frozen=True)
class UserKeymap:
    """What keymap.toml says: binding id -> keys, and one sentence per entry it could not use."""

    keys: dict[str, tuple[str, ...]]
    problems: tuple[str, ...] = ()

    def keys_for(self, spec: KeySpec) -> tuple[str, ...]:
        """The keys a binding has after the user's keymap."""
        return self.keys.get(spec.id, spec.key_list)


def read_keymap(path: Path) -> UserKeymap:
    """Read `keymap.toml`; a bad entry is one sentence and the rest still applies."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UserKeymap({})
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "it is not UTF-8 text"
        return UserKeymap({}, (f"{path}: cannot be read ({reason}); the default keys apply.",))
    import tomllib  # only when there is a keymap file: most starts have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return UserKeymap({}, (f"{path}: not valid TOML ({exc}); the default keys apply.",))
    except RecursionError:
        return UserKeymap({}, (f"{path}: nested too deeply; the default keys apply.",))
    keys: dict[str, tuple[str, ...]] = {}
    problems: list[str] = []
    for binding_id, value in data.items():
        where = f"{path}: “{binding_id}”"
        if binding_id not in KEYS_BY_ID:
            problems.append(f"{where} is not a binding id (brief-tui keys lists them); ignored.")
            continue
        values = [value] if isinstance(value, str) else value
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            problems.append(
                f'{where} must be a key or a list of keys, such as "x" or ["x", "ctrl+n"]; ignored.'
            )
            continue
        bad = [v for v in values if not _KEY_NAME.match(v.strip())]
        if bad:
            problems.append(
                f"{where}: “{bad[0]}” is not a key name (write x, ctrl+n, f5, question_mark); ignored."
            )
            continue
        keys[binding_id] = tuple(v.strip() for v in values)
    return UserKeymap(keys, tuple(problems))
