"""The notes panel (H): every highlight and note, grouped by briefing or by pillar, filterable,
with jump to context, edit, delete and undo. Orphaned highlights have a group of their own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from brief_tui.keys import NOTES
from brief_tui.notes.grouping import group_highlights, matches
from brief_tui.notes.store import Highlight
from brief_tui.tui.keymap import bindings, hint, keys_shown
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.keyed import KeyedScreen
from brief_tui.tui.screens.note_dialogs import LabelPicker
from brief_tui.tui.screens.note_editor import edit_note
from brief_tui.tui.widgets.badges import LABEL_STYLES
from brief_tui.tui.widgets.key_footer import KeyFooter
from brief_tui.tui.widgets.key_list import KeyList
from brief_tui.wording import clip

SHOWN_AT_MOST = 60  # several screenfuls; the filter narrows the rest


class HighlightOption(Option):
    """A highlight in the panel, carrying it (grouped by pillar, one may be listed twice)."""

    def __init__(self, highlight: Highlight, prompt: Content) -> None:
        super().__init__(prompt)
        self.highlight = highlight


class NotesScreen(KeyedScreen):
    KEY_CONTEXT = NOTES
    BINDINGS = bindings(NOTES)

    def __init__(self) -> None:
        super().__init__()
        self.by_pillar = False
        self._highlights: list[Highlight] = []
        self._undo: list[Highlight] = []
        self._drafts: set[str] = set()  # highlights with a note draft not saved yet
        self._pillars: dict[str, tuple[str, ...]] = {}  # passage id -> pillars, built on demand
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield Static(id="notes-title", markup=False)
        yield Input(
            placeholder="filter by words in the quote, note, label or briefing (f; ↓ or Enter back to the list)",
            id="notes-filter",
        )
        yield KeyList(id="notes-list", markup=False)
        yield Static(id="notes-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        self._highlights = self.app.notes_call(lambda s: s.highlights()) or []  # type: ignore[attr-defined]
        drafts = self.app.notes_call(lambda s: s.drafts(), quiet=True) or []  # type: ignore[attr-defined]
        self._drafts = {draft.highlight for draft in drafts}
        self.render_list()

    # Listing -------------------------------------------------------------------------------

    def _pillars_of(self, highlight: Highlight) -> tuple[str, ...]:
        if highlight.passage is None:
            return ()
        if not self._pillars:
            self._pillars = {
                p.id: p.pillars
                for doc in self.app.library.documents  # type: ignore[attr-defined]
                for _, p in doc.passages()
            }
        return self._pillars.get(highlight.passage, ())

    def render_list(self) -> None:
        titles = {d.id: d.title for d in self.app.library.documents}  # type: ignore[attr-defined]
        needle = self.query_one(Input).value.strip()
        shown = [h for h in self._highlights if matches(h, needle, titles)]
        options: list[Option | None] = []
        count = 0
        groups = group_highlights(
            shown, titles, by_pillar=self.by_pillar, pillars_of=self._pillars_of
        )
        for title, members in groups:
            options.append(
                Option(
                    Content.assemble((title, "bold underline"), (f"  {len(members)}", "dim")),
                    disabled=True,
                )
            )
            for h in members:
                if count >= SHOWN_AT_MOST:
                    break
                count += 1
                options.append(HighlightOption(h, self._prompt(h)))
            options.append(None)
        listing = self.query_one(OptionList)
        previous = listing.highlighted
        listing.clear_options()
        if not options:
            empty = (
                "No highlights yet: press h on a passage."
                if not self._highlights
                else "Nothing matches the filter."
            )
            listing.add_option(Option(empty, disabled=True))
        else:
            listing.add_options(options[:-1])
            enabled = [
                i for i, o in enumerate(o for o in options if o is not None) if not o.disabled
            ]
            if enabled:
                listing.highlighted = previous if previous in enabled else enabled[0]
        grouping = "pillar" if self.by_pillar else "briefing"
        more = (
            f" · showing {SHOWN_AT_MOST}: filter to see the rest"
            if len(shown) > SHOWN_AT_MOST
            else ""
        )
        total = len(self._highlights)
        counted = f"{len(shown)} of {total} match the filter" if needle else f"{total} in all"
        self.query_one("#notes-title", Static).update(
            Content.assemble(
                ("Highlights and notes", "bold"),
                f"  {counted} · grouped by {grouping} ({keys_shown(self.app, 'notes-group')}){more}",
            )
        )
        self.query_one("#notes-status", Static).update(
            Content(
                "Enter jumps to it · "
                + hint(
                    self.app,
                    ("notes-edit", "note"),
                    ("notes-label", "label"),
                    ("notes-delete", "deletes"),
                    ("notes-undo", "undoes"),
                    ("notes-filter", "filters"),
                    ("notes-back", "back"),
                )
            )
        )

    def _prompt(self, h: Highlight) -> Content:
        quote = clip(h.anchor.quote, 220)
        parts: list[Content] = [
            Content.assemble(
                (f" {h.label} ", LABEL_STYLES.get(h.label, "reverse")),
                " ",
                (f"“{quote}”", "italic"),
            )
        ]
        if h.note:
            note = h.note if len(h.note) <= 300 else h.note[:299] + "…"
            parts.append(Content.assemble(("✎ ", "bold"), note))
        if h.id in self._drafts:
            parts.append(
                Content.styled(
                    "✎ unsaved draft of this note: e opens it to finish", "bold $warning"
                )
            )
        if h.status == "moved":
            parts.append(
                Content.styled(
                    "moved: the text around it changed; re-attached to the closest match", "dim"
                )
            )
        return Content("\n").join(parts)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.render_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    # Actions -------------------------------------------------------------------------------

    def _selected(self) -> Highlight | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return option.highlight if isinstance(option, HighlightOption) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        highlight = self._selected()
        if highlight is None:
            return
        if highlight.status == "orphaned" or highlight.passage is None:
            self.notify(
                "This highlight's text is no longer in the briefing; its quote is kept here.",
                timeout=4,
            )
            return
        self.post_message(OpenBriefing(highlight.anchor.document, highlight.passage))

    def on_screen_resume(self) -> None:
        # Back from a briefing or the note editor: notes may have changed. (The first resume
        # comes with mounting, which has just loaded them.)
        if self._resumed:
            self.reload()
        self._resumed = True

    def action_edit(self) -> None:
        highlight = self._selected()
        if highlight is not None:
            edit_note(self, highlight, lambda _: self.reload(), discarded=self.reload)

    def action_label(self) -> None:
        """Change what the highlight means, from the label picker."""
        highlight = self._selected()
        if highlight is None:
            return

        def save(label: str | None) -> None:
            if label is None or label == highlight.label:
                if label is not None:
                    self.notify(f"Still {label}; nothing changed.", timeout=2)
                return

            def saved(_: object) -> None:
                self.notify(f"Label changed from {highlight.label} to {label}.", timeout=2)
                self.reload()

            self.app.write_notes(  # type: ignore[attr-defined]
                lambda s: s.update_highlight(highlight.id, label=label), saved, owner=self
            )

        self.app.push_screen(LabelPicker(highlight.label, changing=True), save)

    def action_delete(self) -> None:
        highlight = self._selected()
        if highlight is None:
            return

        def deleted(old: Highlight) -> None:
            self._undo.append(old)
            self.notify("Highlight deleted: u brings it back.", timeout=3)
            self.reload()

        self.app.write_notes(lambda s: s.delete_highlight(highlight.id), deleted, owner=self)  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.", timeout=2)
            return
        highlight = self._undo[-1]  # taken off only once it is back: a failed undo can be retried

        def restored(_: object) -> None:
            if highlight in self._undo:
                self._undo.remove(highlight)
            self.notify("Restored.", timeout=2)
            self.reload()

        self.app.write_notes(lambda s: s.restore_highlight(highlight), restored, owner=self)  # type: ignore[attr-defined]

    def action_regroup(self) -> None:
        self.by_pillar = not self.by_pillar
        self.render_list()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_to_list(self) -> None:
        """Down from the filter goes to the list; in the list it moves down."""
        listing = self.query_one(OptionList)
        if listing.has_focus:
            listing.action_cursor_down()
        else:
            listing.focus()

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(OptionList).focus()
            return
        self.app.pop_screen()
