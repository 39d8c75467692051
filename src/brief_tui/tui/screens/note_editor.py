"""The note editor, which keeps what is typed as a draft until the note is saved.

A note can take minutes to write, and a crash, a closed terminal or a killed process must
not lose it. A moment after each pause in typing, and whenever the editor closes without a
save or a deliberate discard, the text is kept in the store as the highlight's draft. The
next time the editor opens on that highlight it offers the draft and says so; saving the
note or discarding the draft (Esc twice) removes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from brief_tui.corpus.sanitize import safe_text
from brief_tui.notes.store import Draft, Highlight
from brief_tui.tui.keymap import bindings_by_id, keys_shown

AUTOSAVE_SECONDS = 0.5  # a pause in typing this long keeps the draft


def edit_note(
    owner: Screen,
    highlight: Highlight,
    then: Callable[[Highlight], None],
    discarded: Callable[[], None] | None = None,
) -> None:
    """Open the note editor on `highlight`, offering its draft if it has one; a note saved
    there is written, then `then(saved)` runs (while `owner` is still open); `discarded()`
    runs once a draft the reader threw away is gone from the store."""
    app = owner.app
    draft = app.notes_call(lambda s: s.draft(highlight.id), quiet=True)  # type: ignore[attr-defined]

    def save(note: str | None) -> None:
        if note is not None:  # saving the note removes its draft, in the same transaction
            app.write_notes(  # type: ignore[attr-defined]
                lambda s: s.update_highlight(highlight.id, note=note), then, owner=owner
            )

    editor = NoteEditor(highlight.anchor.quote, highlight.note, highlight.id, draft)
    if discarded is not None:
        editor.discarded = (owner, discarded)
    app.push_screen(editor, save)


def _when(stamp: str) -> str:
    """A stored UTC stamp as local time: today's as 14:03, older ones with the date."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


class NoteEditor(ModalScreen[str | None]):
    """A multi-line Markdown note. ctrl+s saves; Esc cancels, asking once if there are changes."""

    BINDINGS = bindings_by_id("note-save", "note-cancel")

    def __init__(
        self,
        quote: str,
        note: str = "",
        highlight: str | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__()
        self.quote = quote
        self.original = note
        self.highlight = highlight  # whose draft this editor keeps; None keeps no draft
        self.offered = draft if draft is not None and draft.text != note else None
        self._kept = draft.text if draft is not None else None  # what the store holds
        self._typed = note if self.offered is None else self.offered.text
        self._timer: Timer | None = None
        self._finished = False  # saved or discarded: nothing more to keep
        self._warned = False
        # Who to tell once a discarded draft is gone from the store, while it is still open.
        self.discarded: tuple[Screen, Callable[[], None]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            quote = self.quote if len(self.quote) <= 300 else self.quote[:299] + "…"
            yield Static(Content.styled(f"“{quote}”", "italic"), id="note-quote", markup=False)
            if self.offered is not None:
                yield Static(
                    Content.styled(
                        f"Unsaved draft from {_when(self.offered.updated)} restored: "
                        f"{keys_shown(self.app, 'note-save')} saves it as the note, "
                        f"{keys_shown(self.app, 'note-cancel')} twice discards it.",
                        "bold $warning",
                    ),
                    id="note-draft",
                    markup=False,
                )
            yield TextArea(self._typed, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Content.styled(self.hint(), "dim"), id="note-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note-editor").border_title = "Note"
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def _text(self) -> str:
        # Pasted text can carry escape sequences: none is kept, so none is shown or exported.
        return safe_text(self._typed)

    # Drafts --------------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._typed = event.text_area.text  # kept here: the widget is gone once unmounting
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_SECONDS, self.keep_draft)

    def unsaved(self) -> str | None:
        """The text to keep as a draft now, or None when the store already has it (or it is
        the saved note itself)."""
        if self._finished or self.highlight is None:
            return None
        text = self._text()
        if text == self._kept or (self._kept is None and text.strip() == self.original.strip()):
            return None
        return text

    def keep_draft(self) -> None:
        """Keep what is typed as the highlight's draft, off the UI thread."""
        text, highlight = self.unsaved(), self.highlight
        if text is None or highlight is None:
            return
        self._kept = text
        self.app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.save_draft(highlight, text), lambda draft: self._show_kept(draft)
        )

    def kept(self, text: str) -> None:
        """The app kept `text` as the draft itself (on SIGTERM or SIGHUP)."""
        self._kept = text

    def _show_kept(self, draft: Draft) -> None:
        if self.is_mounted:
            hint = f"{self.hint()} · draft kept {_when(draft.updated)}"
            self.query_one("#note-hint", Static).update(Content.styled(hint, "dim"))

    def on_unmount(self) -> None:
        """Closed without a save or a discard (the app quit, a signal): keep the draft."""
        if self._timer is not None:
            self._timer.stop()
        self.keep_draft()

    def hint(self) -> str:
        save, cancel = keys_shown(self.app, "note-save"), keys_shown(self.app, "note-cancel")
        return f"Markdown welcome. {save} saves · {cancel} cancels"

    # Keys ----------------------------------------------------------------------------------

    def action_save(self) -> None:
        self._finish()
        self.dismiss(self._text().strip())

    def action_cancel(self) -> None:
        if self._text().strip() != self.original.strip() and not self._warned:
            self._warned = True
            save, cancel = keys_shown(self.app, "note-save"), keys_shown(self.app, "note-cancel")
            self.notify(
                f"This note has changes: {save} saves them, {cancel} again discards them.",
                timeout=4,
            )
            return
        highlight = self.highlight
        if highlight is not None and self._kept is not None:  # a deliberate discard
            owner, then = self.discarded or (None, None)
            self.app.write_notes(  # type: ignore[attr-defined]
                lambda s: s.discard_draft(highlight),
                None if then is None else lambda _: then(),
                owner=owner,
                quiet=True,
            )
        self._finish()
        self.dismiss(None)

    def _finish(self) -> None:
        self._finished = True
        if self._timer is not None:
            self._timer.stop()
