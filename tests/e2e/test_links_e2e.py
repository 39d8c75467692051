"""Links back from a vault: `brief-tui DOC#PASSAGE` and `DOC#hl-…` open the reader there."""

from __future__ import annotations

from pathlib import Path

from terminal import Spawn, passage_total, run_cli

from brief_tui import locations
from brief_tui.corpus.library import load_library
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore

TOTAL = passage_total()  # passages in the WOLA trips briefing, from its content

DOC = "wola-central-america-trips"


def passages():
    library = load_library((locations.content_dir(), "bundled"))
    doc = library.document(DOC)
    assert doc is not None
    return library, doc, [p for _, p in doc.passages()]


def test_a_passage_link_opens_the_reader_at_that_passage(spawn: Spawn) -> None:
    _, _, texts = passages()
    term = spawn([f"{DOC}#{texts[20].id}"], size=(30, 110))
    term.wait_for(f"Passage 21 of {TOTAL}")
    assert term.quit() == 0


def test_a_highlight_link_opens_at_its_passage_and_the_vault_carries_it(
    spawn: Spawn, isolated_data_dir: Path, tmp_path: Path
) -> None:
    library, doc, texts = passages()
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.reanchor(library)
        highlight = store.add_highlight(make_anchor(doc, texts[30].id, 0, 12), note="See p. 3.")
    vault = tmp_path / "vault"
    vault.mkdir()
    exported = run_cli("export", "--vault", str(vault), data_dir=isolated_data_dir)
    assert exported.returncode == 0, exported.stderr
    assert "1 created, 0 updated, 0 unchanged" in exported.stdout
    note = (vault / f"{DOC}.md").read_text(encoding="utf-8")
    link = f"brief-tui {DOC}#hl-{highlight.id[:8]}"
    assert f"`{link}`" in note
    again = run_cli("export", "--vault", str(vault), data_dir=isolated_data_dir)
    assert "0 created, 0 updated, 1 unchanged" in again.stdout

    term = spawn([link.split(" ", 1)[1]], size=(30, 110))
    term.wait_for(f"Passage 31 of {TOTAL}")
    assert term.quit() == 0

    missing = run_cli(f"{DOC}#hl-ffffffff", data_dir=isolated_data_dir)
    assert missing.returncode == 2 and "no highlight or passage" in missing.stderr
