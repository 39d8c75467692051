"""Exporting notes: Markdown for memos and note-taking apps, JSON as a lossless backup.

Pure functions, no Textual: the command line (`brief-tui export`, `brief-tui import`) and the
reader's export dialog call the same ones. Build the text with `export_markdown` or
`export_json`, then save it with `write_export`; `read_backup` and `import_backup` bring a JSON
backup back into a store.
"""

from brief_tui.export.files import ExportError, ExportExists, write_export
from brief_tui.export.markdown import export_markdown, pillar_id
from brief_tui.locations import NOTES_FILE
from brief_tui.notes.backup import (
    BackupError,
    MergeReport,
    export_json,
    import_backup,
    read_backup,
)

__all__ = [
    "NOTES_FILE",
    "BackupError",
    "ExportError",
    "ExportExists",
    "MergeReport",
    "export_json",
    "export_markdown",
    "import_backup",
    "pillar_id",
    "read_backup",
    "write_export",
]
