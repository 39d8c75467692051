"""The notes package belongs to the pure layer: it must never import Textual."""

import subprocess
import sys


def test_notes_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import brief_tui.notes, brief_tui.notes.store, brief_tui.notes.migrations\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
