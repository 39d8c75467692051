"""The briefing's note keys: highlight (h), select by sentence (v), annotate (a), bookmark (m),
and the reading position. Screens decide; the pure `brief_tui.notes` layer stores and anchors."""

from __future__ import annotations

from brief_tui.corpus.model import Document, Passage, Section
from brief_tui.notes.anchor import Anchor, make_anchor
from brief_tui.notes.marks import find_mark, is_mark_letter
from brief_tui.notes.store import Highlight, Marked
from brief_tui.reading import ReadingPlan, locate, sentence_spans
from brief_tui.tui.keymap import keys_shown
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.base import SidebarScreen
from brief_tui.tui.widgets.passage_text import Mark
from brief_tui.tui.widgets.passage_view import PassageView


class BriefingNotes(SidebarScreen):
    """The part of `BriefingScreen` that deals with notes; the screen itself subclasses it."""

    document: Document
    plan: ReadingPlan
    _sentences: list[tuple[int, int]] = []
    _selected: tuple[int, int] | None = None  # sentence indexes, first and last

    _passage_view: PassageView

    @property
    def view(self) -> PassageView:
        """The passage view, kept by reference so it is still there while unmounting."""
        return self._passage_view

    def _current(self) -> tuple[Section, Passage] | None:
        return self.plan.passages[self.view.cursor] if len(self.plan) else None

    # Loading -------------------------------------------------------------------------------

    def load_marks(self) -> None:
        """Saved highlights of this briefing, keyed by the passage they now resolve to."""
        marks: dict[str, list[Mark]] = {}
        for highlight in self.app.notes_call(lambda s: s.highlights(self.document.id)) or []:  # type: ignore[attr-defined]
            if highlight.passage and highlight.status != "orphaned":
                marks.setdefault(highlight.passage, []).append(
                    Mark(highlight.start, highlight.end, highlight.label, bool(highlight.note))
                )
        self.view.marks = {pid: tuple(sorted(m, key=lambda x: x.start)) for pid, m in marks.items()}

    # Reading position ----------------------------------------------------------------------
    #
    # Several screens of one briefing can be open at once (a search result opens another above
    # the first), and each saves as it closes. So a screen saves only when its cursor is not
    # on what it last saved or loaded: an older screen left untouched below cannot overwrite
    # where the reader went since. Back on top, a screen cannot know what others saved
    # meanwhile, so it saves again (see `forget_saved_position`).

    _stored: str | None = None  # the passage this screen last saved or loaded; None: unknown

    def load_position(self) -> str | None:
        """The saved reading position of this briefing, remembered as what the store holds."""
        position = self.app.notes_call(lambda s: s.position(self.document.id))  # type: ignore[attr-defined]
        if position is not None and position.status != "orphaned":
            self._stored = position.passage
        else:
            self._stored = None
        return self._stored

    def forget_saved_position(self) -> None:
        """Another screen may have saved a position since: the next chance saves this one."""
        self._stored = None

    def remember_position(self) -> None:
        """Save the passage under the cursor, unless this screen saved or loaded it last."""
        current = self._current()
        if current is None or current[1].id == self._stored:
            return
        self._stored = current[1].id
        anchor = make_anchor(self.document, current[1].id, 0, len(current[1].text))
        app = self.app
        # No owner: the library shows the new progress even after this screen has closed.
        app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.set_position(anchor),
            lambda _: app.show_reading_progress(),  # type: ignore[attr-defined]
            quiet=True,
        )

    # Highlighting --------------------------------------------------------------------------

    def _span_to_highlight(self, passage: Passage) -> tuple[int, int]:
        if self._selected is not None:
            first, last = self._selected
            return self._sentences[first][0], self._sentences[last][1]
        if any(row.passage is passage for row in self.view.selected_passages()):
            selected = self.screen.get_selected_text() or ""
            if span := locate(selected, passage.text):
                return span
        return 0, len(passage.text)

    def action_highlight(self) -> None:
        """Highlight the passage or the selection; words already highlighted get a new label."""
        current = self._current()
        if current is None:
            return
        passage = current[1]
        start, end = self._span_to_highlight(passage)
        anchor = make_anchor(self.document, passage.id, start, end)
        existing = self.app.notes_call(lambda s: s.highlight_on(anchor), quiet=True)  # type: ignore[attr-defined]

        from brief_tui.tui.screens.note_dialogs import LabelPicker, marked_message

        def save(label: str | None) -> None:
            self._end_selection()
            self.screen.clear_selection()
            if label is None:
                return

            def saved(marked: Marked) -> None:
                self._refresh_marks(passage)
                self.notify(marked_message(marked), timeout=2)

            self.app.write_notes(lambda s: s.mark(anchor, label), saved, owner=self)  # type: ignore[attr-defined]

        if existing is None:
            self.app.push_screen(LabelPicker(), save)
        else:
            self.app.push_screen(LabelPicker(existing.label, changing=True), save)

    def action_annotate(self) -> None:
        """Edit the note of the highlight on these words, else on this passage; highlight
        first if there is none."""
        current = self._current()
        if current is None:
            return
        passage = current[1]
        anchor = make_anchor(self.document, passage.id, *self._span_to_highlight(passage))
        existing = self.app.notes_call(lambda s: s.note_target(anchor), quiet=True)  # type: ignore[attr-defined]
        if existing is not None:
            self._end_selection()
            self._edit_note(passage, existing)
            return

        def highlighted(marked: Marked) -> None:
            self._end_selection()
            self._refresh_marks(passage)
            self._edit_note(passage, marked.highlight)

        self.app.write_notes(lambda s: s.mark(anchor), highlighted, owner=self)  # type: ignore[attr-defined]

    def _edit_note(self, passage: Passage, highlight: Highlight) -> None:
        from brief_tui.tui.screens.note_editor import edit_note

        def saved(changed: Highlight) -> None:
            self._refresh_marks(passage)
            self.notify("Note saved." if changed.note else "Note removed.", timeout=2)

        edit_note(self, highlight, saved)

    def action_bookmark(self) -> None:
        current = self._current()
        if current is None:
            return
        passage = current[1]
        anchor: Anchor = make_anchor(self.document, passage.id, 0, len(passage.text))

        def save(name: str | None) -> None:
            if name is None:
                return

            def saved(_: object) -> None:
                named = f" as “{name}”" if name else ""
                lists = " ".join([keys_shown(self.app, "jump-to-mark")] * 2)
                self.notify(f"Bookmarked{named}: {lists} lists bookmarks.", timeout=3)

            self.app.write_notes(lambda s: s.add_bookmark(anchor, name), saved, owner=self)  # type: ignore[attr-defined]

        from brief_tui.tui.screens.note_dialogs import BookmarkName

        self.app.push_screen(BookmarkName(), save)

    # Marks: m then a letter sets one, ' then the letter jumps back -------------------------

    def action_set_mark(self) -> None:
        if self._current() is None:
            return
        self.wait_for_key("m: a letter marks this passage", self._set_mark)

    def _set_mark(self, key: str, character: str | None) -> None:
        current = self._current()
        if current is None:
            return
        if not is_mark_letter(character):
            self.notify(
                "A mark is a letter: a–z in this briefing, A–Z across the library.", timeout=3
            )
            return
        letter = str(character)
        passage = current[1]
        anchor = make_anchor(self.document, passage.id, 0, len(passage.text))
        jump = keys_shown(self.app, "jump-to-mark")
        self.app.write_notes(  # type: ignore[attr-defined]
            lambda s: s.set_mark(anchor, letter),
            lambda _: self.notify(f"Mark {letter} set: {jump}{letter} comes back here.", timeout=3),
            owner=self,
        )

    def action_jump_mark(self) -> None:
        again = keys_shown(self.app, "jump-to-mark")
        self.wait_for_key(
            f"': a mark's letter jumps to it, {again} again lists bookmarks", self._jump
        )

    def _jump(self, key: str, character: str | None) -> None:
        if key in ("apostrophe", "enter"):
            self.app.action_bookmarks()  # type: ignore[attr-defined]
            return
        if not is_mark_letter(character):
            return
        letter = str(character)
        bookmarks = self.app.notes_call(lambda s: s.bookmarks()) or []  # type: ignore[attr-defined]
        mark = find_mark(bookmarks, letter, self.document.id)
        if mark is None:
            self.notify(f"No mark {letter} here yet: m{letter} sets it.", timeout=3)
        elif mark.passage is None or mark.status == "orphaned":
            self.notify(f"Mark {letter}'s text is no longer in its briefing.", severity="warning")
        elif mark.anchor.document == self.document.id:
            position = self.plan.position_of(mark.passage)
            if position is None:  # hidden by the filter: show everything, then go there
                self.apply_filter(None)  # type: ignore[attr-defined]
                position = self.plan.position_of(mark.passage)
            self._jump_to(position)
        else:
            self.post_message(OpenBriefing(mark.anchor.document, mark.passage))

    def _jump_to(self, position: int | None) -> None:
        """Hook: the screen moves its cursor there."""

    def _refresh_marks(self, passage: Passage) -> None:
        self.load_marks()
        position = self.plan.position_of(passage.id)
        if position is not None:
            self.view.redraw(position)

    # Selecting by sentence -----------------------------------------------------------------

    def action_select(self) -> None:
        current = self._current()
        if current is None:
            return
        self._sentences = sentence_spans(current[1].text) or [(0, len(current[1].text))]
        self._selected = (0, 0)
        self._show_selection()
        self.notify(
            f"Selecting: {keys_shown(self.app, 'next-passage')} / "
            f"{keys_shown(self.app, 'previous-passage')} extend or shrink by sentence, "
            f"{keys_shown(self.app, 'highlight')} or Enter highlights, "
            f"{keys_shown(self.app, 'back')} cancels.",
            timeout=4,
        )

    @property
    def selecting(self) -> bool:
        return self._selected is not None

    def extend_selection(self, step: int) -> None:
        assert self._selected is not None
        first, last = self._selected
        self._selected = (first, max(first, min(len(self._sentences) - 1, last + step)))
        self._show_selection()

    def _show_selection(self) -> None:
        if self._selected is None:
            self.view.selection = None
        else:
            first, last = self._selected
            self.view.selection = (
                self.view.cursor,
                self._sentences[first][0],
                self._sentences[last][1],
            )
        self.view.redraw(self.view.cursor)

    def _end_selection(self) -> None:
        if self._selected is not None:
            self._selected = None
            self._show_selection()
