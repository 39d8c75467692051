"""Dialogs for notes: pick a highlight label, name a bookmark, list bookmarks. (The note
editor has a module of its own: `note_editor`.)"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from brief_tui.corpus.sanitize import safe_line
from brief_tui.keys import BOOKMARKS
from brief_tui.notes.marks import mark_letter
from brief_tui.notes.records import ADDED, CHANGED
from brief_tui.notes.store import LABELS, Bookmark, Marked
from brief_tui.tui.keymap import bindings, bindings_by_id, hint, keys_shown
from brief_tui.tui.widgets.badges import LABEL_STYLES
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import clip


class LabelPicker(ModalScreen[str | None]):
    """Choose what a highlight means: 1-4 or Enter; Esc cancels."""

    BINDINGS = bindings_by_id("label-cancel", *(f"label-{n}" for n in range(1, len(LABELS) + 1)))

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
        cancel = keys_shown(self.app, "label-cancel")
        if self.changing:
            picker.border_title = f"Now {self.current}: change to… (1-4; {cancel} cancels)"
        else:
            picker.border_title = f"Highlight as… (1-4, Enter; {cancel} cancels)"
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

    BINDINGS = bindings_by_id("bookmark-cancel")

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


class BookmarkOption(Option):
    """A bookmark (or mark) in the list, carrying it."""

    def __init__(self, bookmark: Bookmark, prompt: Content) -> None:
        super().__init__(prompt)
        self.bookmark = bookmark


class BookmarkList(ModalScreen[Bookmark | None]):
    """Every bookmark across the briefings; Enter jumps, d deletes."""

    BINDINGS = bindings(BOOKMARKS)

    def __init__(self, bookmarks: list[Bookmark], titles: dict[str, str]) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.titles = titles

    def compose(self) -> ComposeResult:
        options = []
        for bookmark in self.bookmarks:
            title = self.titles.get(bookmark.anchor.document, bookmark.anchor.document)
            state = (
                "" if bookmark.status != "orphaned" else "  (its text is gone from the briefing)"
            )
            letter = mark_letter(bookmark)
            if letter is not None:
                name = f"'{letter}  {clip(bookmark.anchor.quote, 56)}"
            else:
                name = bookmark.name or clip(bookmark.anchor.quote, 60)
            prompt = Content.assemble((name, "bold"), "\n", (title, "dim italic"), (state, "red"))
            options.append(BookmarkOption(bookmark, prompt))
        listing = KeyList(*options, id="bookmark-list", markup=False)
        listing.border_title = "Bookmarks: Enter jumps · " + hint(
            self.app, ("bookmarks-delete", "deletes"), ("bookmarks-close", "closes")
        )
        yield listing

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        if not self.bookmarks:
            listing.add_option(
                Option(
                    f"No bookmarks yet: {keys_shown(self.app, 'bookmark')} on a passage names one, "
                    f"{keys_shown(self.app, 'set-mark')} and a letter marks it.",
                    disabled=True,
                )
            )
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option, BookmarkOption):
            self.dismiss(event.option.bookmark)

    def action_delete(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if not isinstance(option, BookmarkOption):
            return
        bookmark = option.bookmark

        def deleted(_: object) -> None:
            self.notify("Bookmark deleted.", timeout=2)
            self.dismiss(None)

        self.app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.delete_bookmark(bookmark.id), deleted, owner=self
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
