"""Textual bindings built from the key registry (`brief_tui.keys`), and the keys a person sees.

Every screen's BINDINGS come from here, each carrying its registry id, so the user's keymap
(`App.set_keymap`) reaches every binding. `keys_shown` gives the keys a binding has now, as the
footer writes them, for hints in status lines and the help screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.binding import Binding

from brief_tui.keys import KEYS_BY_ID, KeySpec, keys_in

if TYPE_CHECKING:
    from textual.app import App

# Keys Textual binds itself; listed in the registry so help and `brief-tui keys` show them.
_TEXTUAL_OWN = frozenset({"focus_next", "focus_previous", "command_palette"})


def binding(spec: KeySpec) -> Binding:
    return Binding(
        spec.keys,
        spec.action,
        spec.footer or spec.description,
        show=spec.show,
        id=spec.id,
        key_display=spec.label if spec.show and spec.label else None,
    )


BindingList = list[Binding | tuple[str, str] | tuple[str, str, str]]


def bindings(context: str, *, leave_out: Iterable[str] = ()) -> BindingList:
    """The bindings of one context of the registry, minus the ids in `leave_out`."""
    skip = set(leave_out)
    return [
        binding(spec)
        for spec in keys_in(context)
        if spec.id not in skip and spec.action not in _TEXTUAL_OWN
    ]


def bindings_by_id(*ids: str) -> BindingList:
    return [binding(KEYS_BY_ID[i]) for i in ids]


def keys_shown(app: App[object], binding_id: str) -> str:
    """The keys a binding has now (after the user's keymap), as the footer writes them: 'j ↓'."""
    spec = KEYS_BY_ID[binding_id]
    keymap: dict[str, str] = getattr(app, "_keymap", {})
    keys = keymap.get(binding_id, spec.keys).split(",")
    return " ".join(
        app.get_key_display(Binding(key.strip(), spec.action)) for key in keys if key.strip()
    )


def hint(app: App[object], *pairs: tuple[str, str]) -> str:
    """A status-line hint from (binding id, what it does) pairs: 'Enter opens · e note'."""
    return " · ".join(f"{keys_shown(app, binding_id)} {what}" for binding_id, what in pairs)
