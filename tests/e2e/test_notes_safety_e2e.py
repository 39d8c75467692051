"""Notes from a backup, or written into the notes file by another program, cannot drive the
terminal: not in the notes panel, the note editor, the bookmark list or the briefing."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from terminal import ENTER, ESCAPE, Spawn, passage_total
from test_reader_e2e import run_cli

from brief_tui.cli import load_all
from brief_tui.notes import NoteStore, make_anchor
from brief_tui.notes.backup import export_json

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

DOC = "wola-central-america-trips"
TITLE = "\x1b]0;PWNED\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
WIPE = "\x1b[2J"
FLIP = "\u202e"


def hostile_backup(data_dir: Path, path: Path) -> None:
    """A backup of one highlight and one bookmark whose words carry escape sequences."""
    library = load_all(data_dir)
    doc = library.document(DOC)
    passage = [p for _, p in doc.passages()][1]
    anchor = make_anchor(doc, passage.id, 0, len(passage.text))
    with NoteStore.open(Path(":memory:")) as store:
        store.reanchor(library)
        highlight = store.add_highlight(anchor, "question", "x")
        bookmark = store.add_bookmark(anchor, "x")
        data = json.loads(export_json([highlight], [bookmark], [], exported_at=datetime.now(UTC)))
    data["highlights"][0]["note"] = f"Imported{TITLE} note{CLIPBOARD} text{WIPE} {FLIP}here"
    data["bookmarks"][0]["name"] = f"trips{TITLE} list{FLIP}"
    path.write_text(json.dumps(data), encoding="utf-8")


def hostile_row(data_dir: Path) -> None:
    """A highlight on the third passage, then rewritten by another program."""
    library = load_all(data_dir)
    doc = library.document(DOC)
    passage = [p for _, p in doc.passages()][2]
    with NoteStore.open(data_dir / "notes.sqlite3") as store:
        store.reanchor(library)
        store.add_highlight(make_anchor(doc, passage.id, 0, 20), "disagree", "plain")
    with sqlite3.connect(data_dir / "notes.sqlite3") as raw:
        raw.execute(
            "UPDATE highlights SET note = ?, label = ? WHERE note = 'plain'",
            (f"Foreign{CLIPBOARD} row{TITLE} note{WIPE}", f"disagree{TITLE}"),
        )


def test_hostile_notes_never_reach_the_terminal(
    spawn: Spawn, isolated_data_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "hostile.json"
    hostile_backup(isolated_data_dir, backup)
    imported = run_cli("import", str(backup), data_dir=isolated_data_dir)
    assert imported.returncode == 0, imported.stderr
    hostile_row(isolated_data_dir)

    term = spawn([DOC], size=(40, 120))
    term.wait_for(f"Passage 1 of {TOTAL}")
    term.press("j")
    term.wait_for(f"Passage 2 of {TOTAL}", "✎ question")
    term.press("j")
    term.wait_for(f"Passage 3 of {TOTAL}", "✎ disagree")
    term.press("H")
    term.wait_for("Highlights and notes", "Imported note text here", "Foreign row note")
    term.press("e")
    term.wait_for("^s saves", "Imported note text here")
    term.press(ESCAPE)
    term.wait_gone("^s saves")
    term.press(ESCAPE)
    term.wait_gone("Highlights and notes")
    term.press("'", "'")
    term.wait_for("Bookmarks", "trips list")
    term.press(ENTER)
    term.wait_for(f"Passage 2 of {TOTAL}")
    assert term.quit() == 0

    assert b"PWNED" not in term.raw
    assert b"\x1b]0;" not in term.raw and b"\x1b]2;" not in term.raw  # no retitling
    assert b"\x1b]52;" not in term.raw  # no clipboard write
    assert b"\x1b[2J" not in term.raw  # no screen wipe
    assert FLIP.encode() not in term.raw
    assert b"Traceback" not in term.raw


def test_the_exports_of_hostile_notes_are_clean(isolated_data_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "hostile.json"
    hostile_backup(isolated_data_dir, backup)
    assert run_cli("import", str(backup), data_dir=isolated_data_dir).returncode == 0
    hostile_row(isolated_data_dir)
    for args in (["export"], ["export", "--format", "json"]):
        result = run_cli(*args, data_dir=isolated_data_dir)
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "Imported note text" in out and "Foreign row note" in out and "trips list" in out
        for bad in ("\x1b", "\\u001b", "PWNED", "\x07", "\\u0007", FLIP):
            assert bad not in out, (args, bad)
