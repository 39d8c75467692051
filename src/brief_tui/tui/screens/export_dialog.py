"""The export dialog (e): what to export (all notes, this briefing, this pillar), in which
format, and where; it says where it wrote, and asks before replacing a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from brief_tui.corpus.model import Document
from brief_tui.corpus.pillars import label
from brief_tui.tui.keymap import bindings_by_id, keys_shown


def default_folder() -> Path:
    """The user's documents folder when there is one, else their home."""
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


class ExportDialog(ModalScreen[str | None]):
    BINDINGS = bindings_by_id("export-cancel")

    def __init__(self, document: Document | None = None, pillar: str | None = None) -> None:
        super().__init__()
        self.document = document
        self.pillar = pillar
        self._confirm_replace = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Content.styled("What", "bold"), markup=False)
            with RadioSet(id="export-scope"):
                yield RadioButton("All highlights, notes and bookmarks", value=True, id="scope-all")
                if self.document is not None:
                    yield RadioButton(f"This briefing: {self.document.title}", id="scope-document")
                if self.pillar is not None:
                    yield RadioButton(f"This pillar: {label(self.pillar)}", id="scope-pillar")
            yield Static(Content.styled("Format", "bold"), markup=False)
            with RadioSet(id="export-format"):
                yield RadioButton(
                    "Markdown (for a memo or an Obsidian vault)", value=True, id="format-markdown"
                )
                yield RadioButton(
                    "JSON (a complete backup; brief-tui import restores it)", id="format-json"
                )
                yield RadioButton(
                    "Vault folder (a note per briefing, updated in place)", id="format-vault"
                )
            yield Static(Content.styled("File (Enter exports)", "bold"), markup=False)
            yield Input(str(self._default_path("md")), id="export-path")
            yield Static(id="export-status", markup=False)

    def on_mount(self) -> None:
        cancel = keys_shown(self.app, "export-cancel")
        self.query_one("#export-dialog").border_title = f"Export notes ({cancel} cancels)"
        self.query_one(Input).focus()

    def _default_path(self, suffix: str) -> Path:
        day = datetime.now(UTC).date().isoformat()
        return default_folder() / f"brief-tui-notes-{day}.{suffix}"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._confirm_replace = False
        if event.radio_set.id == "export-format":
            path_input = self.query_one(Input)
            current = Path(path_input.value)
            if self._format() == "vault":
                path_input.value = str(current.parent if current.suffix else current)
            else:
                suffix = ".json" if self._format() == "json" else ".md"
                base = current if current.suffix else self._default_path("md")
                path_input.value = str(base.with_suffix(suffix))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm_replace = False

    def _format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        chosen = pressed.id if pressed is not None else None
        return {"format-json": "json", "format-vault": "vault"}.get(chosen or "", "markdown")

    def _scope(self) -> tuple[str | None, str | None]:
        pressed = self.query_one("#export-scope", RadioSet).pressed_button
        if pressed is not None and pressed.id == "scope-document" and self.document is not None:
            return self.document.id, None
        if pressed is not None and pressed.id == "scope-pillar":
            return None, self.pillar
        return None, None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from brief_tui.export.files import ExportError, ExportExists

        document, pillar = self._scope()
        path = Path(event.value.strip()).expanduser()
        status = self.query_one("#export-status", Static)
        try:
            written = self.app.export_notes(  # type: ignore[attr-defined]
                path, self._format(), document=document, pillar=pillar, force=self._confirm_replace
            )
        except ExportExists:
            self._confirm_replace = True
            status.update(
                Content.styled(f"{path} exists: press Enter again to replace it.", "bold $warning")
            )
            return
        except ExportError as error:
            status.update(Content.styled(str(error), "bold $error"))
            return
        if written is not None:
            self.dismiss(str(written))

    def action_cancel(self) -> None:
        self.dismiss(None)
