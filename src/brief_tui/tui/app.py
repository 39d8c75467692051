"""The Textual application: thin. It loads nothing itself; `create_app` hands it a library."""

from __future__ import annotations

import asyncio
import gc
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.message_pump import MessagePump

    from brief_tui.notes.store import Bookmark, NoteStore
    from brief_tui.search.ranking import RankedSearch
    from brief_tui.search.request import SearchRequest
    from brief_tui.tui.note_writes import NoteSaved, NoteWriter

from brief_tui import locations
from brief_tui.corpus.model import Document, Library
from brief_tui.keys import EVERYWHERE, KEYMAP_FILE, read_keymap
from brief_tui.session import ReaderSession, load_reader_library
from brief_tui.tui.keymap import bindings
from brief_tui.tui.messages import OpenBriefing
from brief_tui.tui.screens.library import LibraryScreen
from brief_tui.tui.textual_fixes import apply as fix_textual

T = TypeVar("T")

fix_textual()


def briefing_commands() -> type[Provider]:
    """The palette provider, imported when the palette first opens, not at start-up."""
    from brief_tui.tui.commands import BriefingCommands

    return BriefingCommands


class BriefApp(App[None]):
    TITLE = "brief-tui"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {briefing_commands}
    BINDINGS = bindings(EVERYWHERE)

    def __init__(
        self,
        library: Library,
        data_dir: Path,
        *,
        open_document: str | None = None,
        open_passage: str | None = None,
        content_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.session = ReaderSession(data_dir, content_dir, library=library)
        self.data_dir = data_dir
        self.content_dir = self.session.content_dir
        self.settings = self.session.settings
        self.sidebar_wanted: bool | None = None  # None: decided by terminal width
        self._counts: tuple[Library, dict[str, int]] | None = None
        self._open_document = open_document
        self._open_passage = open_passage
        self.notes: NoteStore | None = None
        self._notes_tried = False
        self._writer: NoteWriter | None = None
        self.unsaved: list[str] = []  # saves that failed as the app closed, for the command line
        self.user_keymap = read_keymap(locations.config_dir() / KEYMAP_FILE)
        if self.user_keymap.keys:
            self.set_keymap({i: ",".join(keys) for i, keys in self.user_keymap.keys.items()})

    @property
    def library(self) -> Library:
        return self.session.library

    @property
    def library_counts(self) -> dict[str, int]:
        """Passages per pillar across the library (asked for after the first frame: a
        library listed from its first page is read in full here)."""
        library = self.library
        if self._counts is None or self._counts[0] is not library:
            self._counts = (library, library.pillar_counts())
        return self._counts[1]

    def on_mount(self) -> None:
        theme = self.settings.get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._open_document:
            self._open_notes()  # the briefing needs its highlights and position right away
        else:
            # The library paints first; the notes (reading progress) follow a frame later.
            self.call_after_refresh(self._open_notes_for_library)
        # Just after the first frame, not in its way: its bytes are written by another
        # thread, which a collection or an import (holding the interpreter) would keep waiting.
        self.call_after_refresh(self.set_timer, 0.05, self._after_first_frame)
        self.set_timer(0.5, self._settle)
        if self.settings.unreadable:
            self.notify(
                f"Your settings file {self.settings.path} could not be read; using defaults.",
                severity="warning",
            )
        for problem in self.user_keymap.problems:
            self.notify(problem, severity="warning", timeout=12)
        if self._open_document:
            self.open_briefing(self._open_document, self._open_passage)
        self._handle_signals()

    # Notes ---------------------------------------------------------------------------------

    @property
    def notes_path(self) -> Path:
        return self.session.notes_path

    def _open_notes(self) -> None:
        if self._notes_tried:
            return
        self._notes_tried = True
        self.notes = self.session.notes()
        if self.notes is None:
            warning = self.session.notes_warning or "the note store could not be opened."
            self.notify(f"{warning} You can still read.", severity="error", timeout=15)
            return
        if self.notes.warning:
            self.notify(self.notes.warning, severity="warning", timeout=15)
        self._mention_drafts()

    def _mention_drafts(self) -> None:
        """Notes left unsaved last time (a crash, a closed terminal): say where they are."""
        drafts = self.notes_call(lambda s: s.drafts(), quiet=True)
        if drafts:
            many = len(drafts) > 1
            self.notify(
                f"You have {len(drafts)} unsaved note draft{'s' if many else ''} from last time: "
                f"the notes panel (H) marks {'them' if many else 'it'}, and e there "
                f"opens {'one' if many else 'it'} again.",
                timeout=12,
            )

    def _open_notes_for_library(self) -> None:
        if self.notes is None:
            self._open_notes()
        self.show_reading_progress()

    def show_reading_progress(self) -> None:
        """Redraw how far each briefing is read, if the library is showing."""
        if isinstance(self.screen, LibraryScreen) and self.screen.is_attached:
            self.screen.show_progress()

    def notes_call(self, action: Callable[[NoteStore], T], *, quiet: bool = False) -> T | None:
        """Run one store action; a problem becomes a one-sentence message, never a crash."""
        from brief_tui.notes.store import StoreError

        if self.notes is None:
            self._open_notes()  # asked for before the deferred opening came round
        if self.notes is None:
            if not quiet:
                self.notify(
                    "Notes are unavailable: the note store could not be opened.", severity="error"
                )
            return None
        try:
            return action(self.notes)
        except StoreError as error:
            if not quiet:
                self.notify(str(error), severity="error", timeout=8)
            return None

    def write_notes(
        self,
        action: Callable[[NoteStore], T],
        then: Callable[[T], None] | None = None,
        *,
        owner: MessagePump | None = None,
        quiet: bool = False,
    ) -> bool:
        """Save with `action` off the UI thread, then call `then(result)` on it.

        Writes are saved in the order they are asked for; a failure becomes a one-sentence
        message (unless `quiet`) and `then` is not called. `then` is skipped too once `owner`
        (the screen that asked) is gone. False when notes are unavailable (said so).
        """
        from brief_tui.tui.note_writes import NoteWrite, NoteWriter

        if self.notes is None:
            self._open_notes()
        if self.notes is None:
            if not quiet:
                self.notify(
                    "Notes are unavailable: the note store could not be opened.", severity="error"
                )
            return False
        if self._writer is None:
            self._writer = NoteWriter(self, self.notes)
        self._writer.submit(NoteWrite(action, then, owner, quiet))
        return True

    def on_note_saved(self, message: NoteSaved) -> None:
        write = message.write
        if message.error is not None:
            if not write.quiet:
                self.notify(message.error, severity="error", timeout=8)
        elif write.then is not None and (write.owner is None or write.owner.is_attached):
            write.then(message.result)

    def on_unmount(self) -> None:
        """Save what is still queued (a screen remembers its position as it closes)."""
        if self._writer is not None:
            self.unsaved += self._writer.flush()
        self._handle_signals(stop=True)

    # Signals -------------------------------------------------------------------------------

    _SIGNALS = tuple(
        getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
    )

    def _handle_signals(self, *, stop: bool = False) -> None:
        """SIGTERM and SIGHUP close the reader properly rather than kill it mid-frame."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for number in self._SIGNALS:
            try:
                if stop:
                    loop.remove_signal_handler(number)
                else:
                    loop.add_signal_handler(number, self._terminated, number)
            except (NotImplementedError, RuntimeError, ValueError):  # not on this platform
                pass

    def _terminated(self, number: int) -> None:
        """Keep any note being written, then exit the usual way, which restores the terminal
        (leaves the alternate screen, turns mouse reporting off)."""
        self._keep_drafts_now()
        self.exit(return_code=128 + number)

    def _keep_drafts_now(self) -> None:
        """Save open editors' text as drafts right away: the process is about to end."""
        from brief_tui.notes.store import StoreError
        from brief_tui.tui.screens.note_editor import NoteEditor

        for screen in self.screen_stack:
            if not isinstance(screen, NoteEditor) or self.notes is None:
                continue
            text, highlight = screen.unsaved(), screen.highlight
            if text is not None and highlight is not None:
                try:
                    self.notes.save_draft(highlight, text)
                except StoreError:  # the editor tries again as it closes, and says if it fails
                    continue
                screen.kept(text)

    @work(thread=True, group="reanchor")
    def _reanchor_notes(self) -> None:
        """Re-attach every highlight, bookmark and position to the current text, off the UI
        thread (the store is safe to share): after content changes, some may have moved."""
        counts = self.notes_call(lambda s: s.reanchor(self.library), quiet=True)
        if counts and counts.get("orphaned"):
            self.call_from_thread(
                self.notify,
                f"{counts['orphaned']} note(s) no longer match the text of their briefing; they "
                "are kept in the notes panel (H) under “Orphaned”.",
                severity="warning",
                timeout=10,
            )

    def action_bookmarks(self) -> None:
        from brief_tui.tui.screens.note_dialogs import BookmarkList

        bookmarks = self.notes_call(lambda s: s.bookmarks())
        if bookmarks is None:
            return
        titles = {d.id: d.title for d in self.library.documents}

        def jump(bookmark: Bookmark | None) -> None:
            if bookmark is not None and bookmark.passage and bookmark.status != "orphaned":
                self.open_briefing(bookmark.anchor.document, bookmark.passage)
            elif bookmark is not None:
                self.notify(
                    "That bookmark's text is no longer in the briefing.", severity="warning"
                )

        self.push_screen(BookmarkList(bookmarks, titles), jump)

    # What the screen in view is about: the briefing and the pillar, where it has them.

    def _in_view(self) -> tuple[Document | None, str | None]:
        screen = self.screen
        return getattr(screen, "current_document", None), getattr(screen, "current_pillar", None)

    def action_compare(self) -> None:
        """Compare on the pillar in view: the filter, else the passage's, else the busiest."""
        from brief_tui.compare import busiest_pillar
        from brief_tui.tui.screens.compare import open_compare

        first, pillar = self._in_view()
        if pillar is None:
            pillar = busiest_pillar(self.library, first)
        open_compare(self, self.library, pillar, first)

    def action_matrix(self) -> None:
        from brief_tui.tui.screens.compare import MatrixScreen

        if not isinstance(self.screen, MatrixScreen):
            self.push_screen(MatrixScreen(self.library))

    def action_export(self) -> None:
        """e: export notes, offering the open briefing and its pillar as narrower choices."""
        from brief_tui.tui.screens.briefing import BriefingScreen
        from brief_tui.tui.screens.export_dialog import ExportDialog

        document, pillar = self._in_view()
        if not isinstance(self.screen, BriefingScreen):
            document, pillar = None, None  # from the library, export everything

        def done(path: str | None) -> None:
            if path:
                self.notify(f"Exported your notes to {path}.", timeout=8)

        self.push_screen(ExportDialog(document, pillar), done)

    def export_notes(
        self,
        path: Path,
        format: str,
        *,
        document: str | None = None,
        pillar: str | None = None,
        force: bool = False,
    ) -> Path | None:
        """Write the notes to `path`; raises the export module's errors for the dialog."""

        from brief_tui.export import write_export

        def gather(store: NoteStore) -> tuple[list, list, list]:
            return store.highlights(), store.bookmarks(), list(store.positions().values())

        contents = self.notes_call(gather)
        if contents is None:
            return None
        highlights, bookmarks, positions = contents
        if format == "vault":
            report = self.session.export_vault(path, highlights, document=document)
            self.notify(report.summary(), timeout=10)
            return path
        text = self.session.export_text(
            format, highlights, bookmarks, positions, document=document, pillar=pillar
        )
        return write_export(path, text, force=force)

    def remove_document(self, document: Document) -> None:
        """Remove a user's document, then show the library without it; notes stay, orphaned."""
        from brief_tui.corpus.ingest import IngestError
        from brief_tui.corpus.user_library import remove_document

        try:
            remove_document(document, self.library, locations.library_sources_dir(self.data_dir))
        except IngestError as error:
            self.notify(str(error), severity="error", timeout=8)
            return
        self.replace_library(self._load_library())
        self.notify(f"Removed “{document.title}”.", timeout=4)

    def _load_library(self) -> Library:
        return self.session.load_library()

    def replace_library(self, library: Library) -> None:
        """Use `library` from now on: counts, search and notes follow; the library screen redraws."""
        self.session.replace_library(library)
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.set_library(library)
        self._reanchor_notes()

    def action_notes(self) -> None:
        from brief_tui.tui.screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen())

    def get_default_screen(self) -> LibraryScreen:
        """The library is the first screen, so its first frame is the app's first frame;
        it may draw it from the library's first page, and asks for the rest after."""
        return LibraryScreen(self.session.listed)

    def _after_first_frame(self) -> None:
        self._collect_garbage()
        if not self._open_document:
            self._prepare_briefings()

    def _prepare_briefings(self) -> None:
        """Once the library is on screen, import the briefing screen's modules in a thread:
        the first briefing opened then waits only for its own text, not for ~50 ms of
        imports (Python's import lock makes an open that comes sooner wait for the thread)."""
        threading.Thread(target=_import_briefing_screen, name="brief-imports", daemon=True).start()

    def _collect_garbage(self) -> None:
        """Just after the first frame: collect start-up's garbage, move its long-lived objects
        out of the collector's way (so later full collections do not stall paging), and
        collect as usual from now on. Left for half a second, the garbage of start-up and of
        a briefing opened at once piled up: ~1 MiB more at the peak (bench/catalog_reader.py)."""
        gc.collect()
        gc.freeze()
        gc.enable()

    def _settle(self) -> None:
        """Soon after start-up, off the way of the first frames: the work that can wait."""
        # A large library's index takes seconds to build: start it now, off the UI thread. A
        # small one builds in milliseconds when the first search asks for it.
        if sum(doc.passage_count for doc in self.library.documents) > 2000:
            self._warm_search_index()
        if self.library.catalog is not None:
            self._check_catalog()
        self._reanchor_notes()

    @work(thread=True, group="catalog")
    def _check_catalog(self) -> None:
        """After the first frame: re-read the content files that changed while the reader
        was closed (a curator's edit, an `add` elsewhere), and show the library as it is."""
        library = self.session.check_catalog()
        if library is not None:
            self.call_from_thread(self.replace_library, library)

    @work(thread=True, group="index")
    def _warm_search_index(self) -> None:
        """Build the search index in the background, after the first paint."""
        self.search_index()

    def search_index(self) -> RankedSearch:
        """The search index over the library, built once (in whichever thread asks first)."""
        return self.session.search_index()

    def _remember_theme(self, theme: object) -> None:
        problem = self.settings.set("theme", self.theme)
        if problem:
            self.notify(problem, severity="warning")

    def on_open_briefing(self, message: OpenBriefing) -> None:
        """Every screen asks for a briefing the same way; this is the one place that opens it."""
        message.stop()
        self.open_briefing(message.document_id, message.passage_id, message.search)

    def open_briefing(
        self, document_id: str, passage_id: str | None = None, search: SearchRequest | None = None
    ) -> None:
        from brief_tui.tui.screens.briefing import BriefingScreen

        document = self.library.document(document_id)
        if document is None:
            self.notify(f"No briefing with id {document_id}.", severity="error")
            return
        self.push_screen(BriefingScreen(self.library, document, passage_id, search=search))

    def action_search(self) -> None:
        from brief_tui.tui.screens.briefing import BriefingScreen
        from brief_tui.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            return
        document = self.screen.document if isinstance(self.screen, BriefingScreen) else None
        # In a briefing, / searches that briefing first; a key widens it to the library.
        self.push_screen(SearchScreen(document, scoped=document is not None))

    def action_help(self) -> None:
        from brief_tui.tui.screens.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        active = {
            a.binding.id for a in screen.active_bindings.values() if a.binding.id and a.enabled
        }
        self.push_screen(HelpScreen(getattr(screen, "KEY_CONTEXT", None), active))

    def action_toggle_sidebar(self) -> None:
        toggle = getattr(self.screen, "action_toggle_sidebar", None)
        if toggle is not None:
            toggle()


def create_app(
    content_dir: Path | None = None,
    data_dir: Path | None = None,
    *,
    open_document: str | None = None,
    open_passage: str | None = None,
) -> BriefApp:
    """Build the reader over a content directory and a user data directory."""
    data = data_dir or locations.data_dir()
    content = content_dir or locations.content_dir()
    library = load_reader_library(data, content, cached=False)
    return BriefApp(
        library, data, open_document=open_document, open_passage=open_passage, content_dir=content
    )


def _import_briefing_screen() -> None:
    import brief_tui.tui.screens.briefing  # noqa: F401  (loaded ahead of the first open)
