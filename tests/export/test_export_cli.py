"""`brief-tui export` and `brief-tui import` as a reader and a script use them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from export_structure import parse, split_front_matter

from brief_tui.cli import load_all, main
from brief_tui.notes import NoteStore, make_anchor


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def first_with(library, document: str, pillar: str, without: str = "-"):
    doc = library.document(document)
    passage = next(p for _, p in doc.passages() if pillar in p.pillars and without not in p.pillars)
    return doc, passage


@pytest.fixture
def notes(isolated_data_dir: Path) -> dict[str, str]:
    """Three highlights (one on a P passage, one on II only, one in another briefing), a
    bookmark and a reading position in the reader's own notes file."""
    library = load_all(isolated_data_dir)
    ids = {}
    with NoteStore.open(isolated_data_dir / "notes.sqlite3") as store:
        store.reanchor(library)
        for name, (document, pillar, without) in {
            "protection": ("coalition-root-causes-statement", "P", "-"),
            "governance": ("wola-beyond-the-wall-root-causes", "II", "P"),
            "other": ("us-root-causes-strategy", "I", "P"),
        }.items():
            doc, passage = first_with(library, document, pillar, without)
            anchor = make_anchor(doc, passage.id, 0, 20)
            ids[name] = store.add_highlight(anchor, note=f"# {name} note\n<b>x</b>").id
        store.add_bookmark(make_anchor(doc, passage.id, 0, len(passage.text)), "Later")
        store.set_position(make_anchor(doc, passage.id, 0, 5))
    return ids


def block_ids(text: str) -> set[str]:
    return {word for word in text.split() if word.startswith("^hl-")}


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("brief-tui: ")


def test_markdown_to_stdout(capsys, notes) -> None:
    code, out, err = run(capsys, "export")
    assert (code, err) == (0, "")
    front, body = split_front_matter(out)
    assert front["title"] == "Highlights and notes"
    assert len(front["sources"]) == 3
    assert block_ids(out) == {f"^hl-{i[:8]}" for i in notes.values()}
    assert [p.tag for p in parse(body)].count("h1") == 1
    assert "<b>" not in out.replace("\\<b>", "")


def test_no_notes_file_exports_an_empty_document_and_creates_nothing(
    capsys, isolated_data_dir: Path
) -> None:
    code, out, _ = run(capsys, "export")
    assert code == 0 and "Nothing to export yet." in out
    assert not (isolated_data_dir / "notes.sqlite3").exists()


def test_output_file_then_refuse_then_force(capsys, notes, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    code, out, err = run(capsys, "export", "-o", str(target))
    assert (code, out, err) == (0, "", f"Exported to {target}.\n")
    assert block_ids(target.read_text(encoding="utf-8")) == {f"^hl-{i[:8]}" for i in notes.values()}

    target.write_text("keep me")
    code, out, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and out == ""
    assert err == f"brief-tui: {target} already exists; pass --force to replace it.\n"
    assert target.read_text() == "keep me"

    code, _, _ = run(capsys, "export", "-o", str(target), "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("---\n")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("where", ["missing/notes.md", "."])
def test_an_unwritable_path_is_one_line_and_non_zero(capsys, notes, tmp_path: Path, where) -> None:
    code, out, err = run(capsys, "export", "-o", str(tmp_path / where))
    assert code == 1 and out == "" and one_line(err), err


def test_document_filter(capsys, notes) -> None:
    code, out, _ = run(capsys, "export", "--document", "us-root-causes-strategy")
    assert code == 0
    assert block_ids(out) == {f"^hl-{notes['other'][:8]}"}
    front, _ = split_front_matter(out)
    assert front["document"] == "us-root-causes-strategy"
    assert front["title"].startswith("Highlights: U.S. Strategy")
    code, out, err = run(capsys, "export", "--document", "no-such-briefing")
    assert code == 1 and out == "" and one_line(err)


def test_pillar_filter(capsys, notes) -> None:
    code, out, _ = run(capsys, "export", "--pillar", "p")
    assert code == 0 and block_ids(out) == {f"^hl-{notes['protection'][:8]}"}
    code, out, _ = run(capsys, "export", "--pillar", "2")
    assert f"^hl-{notes['governance'][:8]}" in block_ids(out)
    assert f"^hl-{notes['protection'][:8]}" not in block_ids(out)
    code, out, err = run(capsys, "export", "--pillar", "VII")
    assert code == 2 and out == "" and one_line(err)


def test_json_backup_has_no_filters(capsys, notes) -> None:
    code, out, err = run(capsys, "export", "--format", "json", "--pillar", "II")
    assert code == 2 and out == "" and one_line(err)


def table_rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as raw:
        return {
            t: sorted(raw.execute(f"SELECT * FROM {t}").fetchall())
            for t in ("highlights", "bookmarks", "positions")
        }


def test_backup_then_import_elsewhere_twice(
    capsys, notes, tmp_path: Path, isolated_data_dir
) -> None:
    backup = tmp_path / "backup.json"
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(backup))
    assert code == 0
    assert err == f"Backed up 3 highlights, 1 bookmark, 1 reading position to {backup}.\n"

    other = tmp_path / "other"
    code, out, err = run(capsys, "--data-dir", str(other), "import", str(backup))
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "  highlights: 3 added, 0 already there, 0 updated",
        "  bookmarks: 1 added, 0 already there, 0 updated",
        "  reading positions: 1 added, 0 already there, 0 updated",
        "  none of the imported notes is orphaned.",
    ]
    once = table_rows(other / "notes.sqlite3")
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(backup))
    assert code == 0 and "highlights: 0 added, 3 already there, 0 updated" in out
    assert table_rows(other / "notes.sqlite3") == once
    assert once == table_rows(isolated_data_dir / "notes.sqlite3")

    again = tmp_path / "again.json"
    run(capsys, "--data-dir", str(other), "export", "--format", "json", "-o", str(again))
    strip = lambda text: [ln for ln in text.splitlines() if '"exported_at"' not in ln]  # noqa: E731
    assert strip(again.read_text(encoding="utf-8")) == strip(backup.read_text(encoding="utf-8"))


DEEP = "[" * 100_000 + "]" * 100_000
BACKUP_START = '{"format": "brief-tui-notes", "version": 1, "x": '


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{ broken", "it is not valid JSON (line 1, column 3)."),
        ('{"format": "brief-tui-notes", "version": 99}', "backup format version 99"),
        ("\udcff", "it is not UTF-8 text."),
        (DEEP, "it is nested too deeply to be a brief-tui notes backup."),
        (BACKUP_START + DEEP + "}", "it is nested too deeply to be a brief-tui notes backup."),
        (
            BACKUP_START + "1" + "0" * 5000 + "}",
            "it holds a number too long to be part of a brief-tui notes backup.",
        ),
    ],
    ids=["broken", "version", "not-utf8", "deep", "deep-inside", "long-number"],
)
def test_a_bad_file_is_one_line_and_writes_nothing(
    capsys, tmp_path: Path, isolated_data_dir: Path, content: str, says: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    code, out, err = run(capsys, "import", str(bad))
    assert code == 1 and out == "" and one_line(err) and says in err
    assert err.startswith(f"brief-tui: cannot import {bad}: ")
    assert not (isolated_data_dir / "notes.sqlite3").exists()


@pytest.mark.parametrize(
    ("where", "key", "says"),
    [
        ("anchor", "start", "the anchor of highlight 1 has a “start” too large for any passage"),
        ("anchor", "end", "the anchor of highlight 1 has a “end” too large for any passage"),
        ("record", "start", "highlight 1 has a “start” too large for any passage"),
        ("record", "end", "highlight 1 has a “end” too large for any passage"),
    ],
)
def test_an_offset_beyond_any_passage_is_refused_and_nothing_is_written(
    capsys, notes, tmp_path: Path, isolated_data_dir: Path, where: str, key: str, says: str
) -> None:
    import json

    path = isolated_data_dir / "notes.sqlite3"
    before = path.read_bytes()
    code, out, _ = run(capsys, "export", "--format", "json")
    data = json.loads(out)
    record = data["highlights"][0]
    (record["anchor"] if where == "anchor" else record)[key] = 10**20
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad))
    assert code == 1 and out == "" and one_line(err), err
    assert err == f"brief-tui: cannot import {bad}: {says}.\n"
    assert path.read_bytes() == before


def test_a_missing_file_is_one_line(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.json"))
    assert code == 1 and one_line(err) and "no such file or directory" in err


def test_export_and_backup_never_import_textual() -> None:
    code = (
        "import sys, brief_tui.export, brief_tui.notes.backup, brief_tui.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("format", ["markdown", "json"])
def test_export_while_another_process_holds_the_write_lock(
    capsys, notes, isolated_data_dir: Path, monkeypatch, format: str
) -> None:
    from brief_tui.notes import opening as notes_opening

    monkeypatch.setattr(notes_opening, "BUSY_SECONDS", 0.5)
    other = sqlite3.connect(isolated_data_dir / "notes.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "export", "--format", format)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 0, err
    assert all(f"{i[:8]}" in out for i in notes.values())
    [line] = err.splitlines()
    assert line.startswith("warning: ") and "re-anchored" in line and line.endswith("."), err
