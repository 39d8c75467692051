"""Adding the user's own documents again, safely, and removing them: nothing lost, nothing doubled."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from brief_tui import locations
from brief_tui.cli import load_all, main
from brief_tui.corpus import ingest
from brief_tui.notes.anchor import make_anchor
from brief_tui.notes.store import NoteStore

MEMO = """Justice Before Walls

Justice Team

The United States should restore access to asylum at the southern border.

A second paragraph about corruption and the rule of law in Honduras.

A third paragraph on violence against women and the need for shelters.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def titles(capsys) -> list[str]:
    code, out, _ = run(capsys, "passages", "--json")
    assert code == 0
    return sorted({r["title"] for r in json.loads(out)})


def test_re_adding_an_unchanged_file_says_unchanged_and_writes_nothing(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    assert run(capsys, "add", str(memo))[0] == 0
    content = isolated_data_dir / "library" / "justice-before-walls.toml"
    before = content.stat().st_mtime_ns
    code, out, _ = run(capsys, "add", str(memo))
    assert code == 0
    assert out.startswith("Unchanged") and "Updated" not in out
    assert content.stat().st_mtime_ns == before


def test_re_adding_an_edited_file_replaces_it_in_place_and_its_notes_follow(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    assert run(capsys, "add", str(memo))[0] == 0
    doc = load_all(isolated_data_dir).document("justice-before-walls")
    assert doc is not None
    kept_id = next(p.id for _, p in doc.passages() if p.text.startswith("The United States"))
    gone_id = next(p.id for _, p in doc.passages() if p.text.startswith("A third"))
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.reanchor(load_all(isolated_data_dir))
        for passage_id in (kept_id, gone_id):
            passage = next(p for _, p in doc.passages() if p.id == passage_id)
            store.add_highlight(make_anchor(doc, passage_id, 0, len(passage.text)))

    memo.write_text(
        MEMO.replace("A third paragraph on violence against women", "A new paragraph on trade"),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "add", str(memo))
    assert code == 0
    assert out.startswith("Updated “Justice Before Walls” as justice-before-walls")
    assert "2 notes: 1 in place, 0 moved to the closest match, 1 orphaned" in out
    assert titles(capsys).count("Justice Before Walls") == 1
    library = load_all(isolated_data_dir)
    mine = [d for d in library.documents if d.origin == "user"]
    assert [d.id for d in mine] == ["justice-before-walls"]
    assert any("A new paragraph on trade" in p.text for _, p in mine[0].passages())
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        statuses = sorted(h.status for h in store.highlights("justice-before-walls"))
    assert statuses == ["exact", "orphaned"]  # never dropped


def test_the_same_text_from_another_path_is_not_added_twice(capsys, tmp_path: Path) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    copy = tmp_path / "elsewhere" / "memo copy.txt"
    copy.parent.mkdir()
    copy.write_text(MEMO, encoding="utf-8")
    assert run(capsys, "add", str(memo))[0] == 0
    code, out, _ = run(capsys, "add", str(copy))
    assert code == 0
    assert "already in your library as justice-before-walls" in out
    assert titles(capsys).count("Justice Before Walls") == 1


def test_a_document_titled_curation_never_overwrites_the_curation_file(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    library = isolated_data_dir / "library"
    library.mkdir(parents=True)
    corrections = '[seeds."memo.txt"]\ntitle = "My corrected title"\n'
    (library / "curation.toml").write_text(corrections, encoding="utf-8")
    doc = tmp_path / "c.txt"
    doc.write_text("Curation\n\nThis paragraph asks that we should restore asylum.\n", "utf-8")
    code, out, _ = run(capsys, "add", str(doc))
    assert code == 0, out
    assert "as curation-document" in out
    assert (library / "curation.toml").read_text(encoding="utf-8") == corrections
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    code, out, _ = run(capsys, "add", str(memo))
    assert code == 0 and "My corrected title" in out  # later adds still work


def test_a_content_file_with_a_reserved_id_is_reported(capsys, tmp_path: Path, repo: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    text = (repo / "content" / "wola-beyond-the-wall-root-causes.toml").read_text("utf-8")
    text = text.replace('id = "wola-beyond-the-wall-root-causes"', 'id = "curation"', 1)
    (folder / "other.toml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(folder))
    assert code == 1
    assert "document id “curation” is reserved" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_add_refuses_a_pipe_a_device_and_an_oversized_file(
    capsys, tmp_path: Path, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "add", str(pipe))  # would block forever if it were opened
    assert code == 1 and "is not a regular file" in err
    if Path("/dev/zero").exists():
        code, _, err = run(capsys, "add", "/dev/zero")
        assert code == 1 and "is not a regular file" in err
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("Too long. " * 20, encoding="utf-8")
    code, _, err = run(capsys, "add", str(big))
    assert code == 1 and "MB limit" in err
    assert not (isolated_data_dir / "library").exists()


def test_a_file_name_with_a_newline_gives_a_loadable_document(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    odd = tmp_path / "bad\nname\x1b[31m.txt"
    odd.write_text(MEMO, encoding="utf-8")
    code, out, err = run(capsys, "add", str(odd))
    assert code == 0, err
    assert "\x1b" not in out
    kept = [p.name for p in locations.library_sources_dir(isolated_data_dir).iterdir()]
    assert len(kept) == 1 and "\n" not in kept[0] and "\x1b" not in kept[0]
    code, out, err = run(capsys, "check")
    assert code == 0, err
    assert not load_all(isolated_data_dir).problems


def test_remove_keeps_notes_as_orphans_and_refuses_bundled_briefings(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(MEMO, encoding="utf-8")
    assert run(capsys, "add", str(memo))[0] == 0
    doc = load_all(isolated_data_dir).document("justice-before-walls")
    assert doc is not None
    _, passage = next(iter(doc.passages()))
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.add_highlight(make_anchor(doc, passage.id, 0, 5), note="keep me")

    code, _, err = run(capsys, "remove", "justice-before-walls")  # stdin is not a terminal
    assert code == 2 and "--yes" in err
    code, out, _ = run(capsys, "remove", "justice-before-walls", "--yes")
    assert code == 0
    assert "Removed “Justice Before Walls”" in out
    assert "1 note on it is kept, orphaned, in the notes panel (H)" in out
    assert "Justice Before Walls" not in titles(capsys)
    assert not (isolated_data_dir / "library" / "justice-before-walls.toml").exists()
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.reanchor(load_all(isolated_data_dir))
        [highlight] = store.highlights()
    assert highlight.note == "keep me" and highlight.status == "orphaned"

    code, _, err = run(capsys, "remove", "wola-beyond-the-wall-root-causes", "--yes")
    assert code == 1 and "bundled briefing" in err
