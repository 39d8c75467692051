"""Dialogs for notes: pick a highlight label, name a bookmark, list bookmarks. (The note
editor has a module of its own: `note_editor`.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from brief_tui.corpus.sanitize import safe_line
from brief_tui.notes.records import ADDED, CHANGED
from brief_tui.notes.store import LABELS, Bookmark, Marked
from brief_tui.tui.widgets.badges import LABEL_STYLES
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import clip


class LabelPicker(ModalScreen[str | None]):
    """Choose what a highlight means: 1-4 or Enter; Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "cancel", id="label-cancel"),
        *[
            Binding(str(n), f"pick({n - 1})", show=False, id=f"label-{n}")
            for n in range(1, len(LABELS) + 1)
        ],
    ]

    def __init__(self, current: str = LABELS[0], *, changing: bool = False) -> None:
        super().__init__()
        self.current = current
        self.changing = changing  # the words are highlighted already: this changes the label

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Content.assemble((f" {n} ", "bold"), (f" {label} ", LABEL_STYLES[label])), id=label
            )
            for n, label in enumerate(LABELS, start=1)
        ]
        picker = KeyList(*options, id="label-picker", markup=False)
        if self.changing:
            picker.border_title = f"Now {self.current}: change to… (1-4; Esc cancels)"
        else:
            picker.border_title = "Highlight as… (1-4, Enter; Esc cancels)"
        yield picker

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        picker.highlighted = LABELS.index(self.current) if self.current in LABELS else 0
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        self.dismiss(LABELS[index])

    def action_cancel(self) -> None:
        self.dismiss(None)


def marked_message(marked: Marked) -> str:
    """What highlighting did, in one sentence."""
    label = marked.highlight.label
    if marked.change == ADDED:
        return f"Highlighted as {label}."
    if marked.change == CHANGED and marked.previous is not None:
        return f"Label changed from {marked.previous.label} to {label}."
    return f"Already highlighted as {label}; nothing changed."


class BookmarkName(ModalScreen[str | None]):
    """An optional name for a bookmark; Enter saves (empty is fine), Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="bookmark-cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmark-name"):
            yield Input(placeholder="name (optional), then Enter", id="bookmark-input")

    def on_mount(self) -> None:
        self.query_one("#bookmark-name").border_title = "Bookmark this passage"
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(safe_line(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class BookmarkList(ModalScreen[Bookmark | None]):
    """Every bookmark across the briefings; Enter jumps, d deletes."""

    BINDINGS = [
        Binding("escape,apostrophe", "cancel", "close", id="bookmarks-close"),
        Binding("d", "delete", "delete", id="bookmarks-delete"),
    ]

    def __init__(self, bookmarks: list[Bookmark], titles: dict[str, str]) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.titles = titles

    def compose(self) -> ComposeResult:
        options = []
        for n, bookmark in enumerate(self.bookmarks):
            title = self.titles.get(bookmark.anchor.document, bookmark.anchor.document)
            state = (
                "" if bookmark.status != "orphaned" else "  (its text is gone from the briefing)"
            )
            name = bookmark.name or clip(bookmark.anchor.quote, 60)
            options.append(
                Option(
                    Content.assemble((name, "bold"), "\n", (title, "dim italic"), (state, "red")),
                    id=str(n),
                )
            )
        listing = KeyList(*options, id="bookmark-list", markup=False)
        listing.border_title = "Bookmarks: Enter jumps · d deletes · Esc closes"
        yield listing

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if not self.bookmarks:
            listing.add_option(
                Option("No bookmarks yet: press m on a passage to add one.", disabled=True)
            )
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.bookmarks[int(event.option.id or 0)])

    def action_delete(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not self.bookmarks:
            return
        index = int(listing.get_option_at_index(listing.highlighted).id or 0)
        bookmark = self.bookmarks[index]

        def deleted(_: object) -> None:
            self.notify("Bookmark deleted.", timeout=2)
            self.dismiss(None)

        self.app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.delete_bookmark(bookmark.id), deleted, owner=self
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
