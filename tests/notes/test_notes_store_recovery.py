"""A damaged, foreign, future or read-only notes file never loses a byte and never stops the app."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from pathlib import Path

import pytest
from notes_builders import document, library, passage_ids

from brief_tui.notes import NoteStore, StoreError, make_anchor
from brief_tui.notes import opening as notes_opening
from brief_tui.notes.migrations import current_version

DOC = document(
    "The migration crisis does not begin at the border; it begins in communities.",
    "Aid should be tied to anti-corruption benchmarks and independent monitoring.",
)
ANCHOR = make_anchor(DOC, passage_ids(DOC)[1], 0, 3)


def anchor(n: int):
    """A different span for each n (a span is highlighted once)."""
    return make_anchor(DOC, passage_ids(DOC)[1], n % 40, n % 40 + 3 + n // 40)


def one_sentence(message: str) -> bool:
    return message.endswith(".") and ". " not in message and "\n" not in message


def saved_store(path: Path, highlights: int = 3) -> list[str]:
    """A healthy notes file holding a few highlights; their ids."""
    with NoteStore.open(path) as store:
        return [store.add_highlight(anchor(n), note=f"note {n}").id for n in range(highlights)]


def user_version(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("PRAGMA user_version").fetchone()[0]
    finally:
        raw.close()


def assert_works(store: NoteStore) -> None:
    added = store.add_highlight(ANCHOR, note="after recovery")
    assert [h.id for h in store.highlights()] == [added.id]


def assert_refuses_writes(store: NoteStore, why: str) -> None:
    highlight = store.highlights()[0] if store.highlights() else None
    attempts = [
        lambda: store.add_highlight(ANCHOR),
        lambda: store.add_bookmark(ANCHOR),
        lambda: store.set_position(ANCHOR),
    ]
    if highlight is not None:
        attempts += [
            lambda: store.update_highlight(highlight.id, note="x"),
            lambda: store.delete_highlight(highlight.id),
            lambda: store.restore_highlight(highlight),
        ]
    for attempt in attempts:
        with pytest.raises(StoreError) as caught:
            attempt()
        message = str(caught.value)
        assert "cannot save" in message and why in message and one_sentence(message)


def scrambled(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    noise = random.Random(3).randbytes(len(data) - 4096)
    data[4096:] = noise  # header intact, every later page garbage
    return bytes(data)


def truncated(path: Path) -> bytes:
    return path.read_bytes()[: path.stat().st_size // 2]


def random_bytes(_: Path) -> bytes:
    return random.Random(7).randbytes(20_000)


def text_file(_: Path) -> bytes:
    return b"These are my notes, typed by hand.\n" * 40


@pytest.mark.parametrize("damage", [random_bytes, text_file, truncated, scrambled])
def test_a_damaged_file_is_kept_aside_byte_for_byte_and_a_new_store_works(
    tmp_path: Path, damage
) -> None:
    path = tmp_path / "notes.db"
    saved_store(path, highlights=300)  # big enough for several pages
    original = damage(path)
    path.write_bytes(original)

    with NoteStore.open(path) as store:
        [kept] = tmp_path.glob("notes.db.corrupt-*")
        assert store.warning and str(kept) in store.warning and one_sentence(store.warning)
        assert not store.read_only
        assert kept.read_bytes() == original
        assert_works(store)
    assert user_version(path) == current_version()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_setting_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    for content in (b"first broken file" * 100, b"second broken file" * 100):
        path.write_bytes(content)
        NoteStore.open(path).close()
    kept = sorted(p.read_bytes() for p in tmp_path.glob("notes.db.corrupt-*"))
    assert kept == sorted([b"first broken file" * 100, b"second broken file" * 100])


def test_a_stale_wal_file_is_kept_with_the_damaged_file_not_replayed(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database" * 100)
    (tmp_path / "notes.db-wal").write_bytes(b"old log" * 100)
    with NoteStore.open(path) as store:
        [kept] = tmp_path.glob("notes.db.corrupt-*[0-9Z]")
        assert (tmp_path / f"{kept.name}-wal").read_bytes() == b"old log" * 100
        assert_works(store)


def test_an_empty_file_is_simply_initialised(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"")
    with NoteStore.open(path) as store:
        assert (store.warning, store.read_only) == (None, False)
        assert_works(store)
    assert not list(tmp_path.glob("*corrupt*"))
    assert user_version(path) == current_version()


def test_a_file_from_a_newer_brief_tui_is_read_only_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    ids = saved_store(path)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 7")
    before = path.read_bytes()

    with NoteStore.open(path) as store:
        assert store.read_only
        assert store.warning and "newer version" in store.warning and one_sentence(store.warning)
        assert [h.id for h in store.highlights()] == ids
        assert_refuses_writes(store, "newer version of brief-tui")
        assert store.reanchor(library(DOC)) == {"exact": 3, "moved": 0, "orphaned": 0}
    assert path.read_bytes() == before
    assert user_version(path) == 7


def test_simulated_read_only_folder_with_notes(tmp_path: Path, monkeypatch) -> None:
    """The read-only path, reached by making the permission check say no (works as root)."""
    path = tmp_path / "notes.db"
    ids = saved_store(path)
    before = path.read_bytes()
    monkeypatch.setattr(notes_opening.os, "access", lambda *_args, **_kw: False)
    with NoteStore.open(path) as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert [h.id for h in store.highlights()] == ids
        assert_refuses_writes(store, "read-only")
    assert path.read_bytes() == before


def test_simulated_read_only_folder_without_notes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(notes_opening.os, "access", lambda *_args, **_kw: False)
    with NoteStore.open(tmp_path / "notes.db") as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert store.highlights() == [] and store.positions() == {}
        assert_refuses_writes(store, "read-only")
    assert not (tmp_path / "notes.db").exists()


def test_a_damaged_file_that_cannot_be_moved_is_left_alone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"garbage" * 500)
    monkeypatch.setattr(notes_opening.os, "access", lambda *_args, **_kw: False)
    with NoteStore.open(path) as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert store.highlights() == []
    assert path.read_bytes() == b"garbage" * 500
    assert not list(tmp_path.glob("*corrupt*"))


def test_a_damaged_file_whose_move_fails_is_left_alone(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"garbage" * 500)

    def refuse(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(notes_opening.os, "link", refuse)
    monkeypatch.setattr(notes_opening.os, "rename", refuse)
    with NoteStore.open(path) as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert "moved aside" in store.warning
        assert_refuses_writes(store, "moved aside")
    assert path.read_bytes() == b"garbage" * 500


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with NoteStore.open(blocker / "notes.db") as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert_refuses_writes(store, "cannot be created")


def _make_read_only(target: Path, probe_dir: Path) -> None:
    """chmod `target` read-only, or skip when this user can write regardless (root)."""
    target.chmod(stat.S_IRUSR | stat.S_IXUSR if target.is_dir() else stat.S_IRUSR)
    probe = probe_dir / "probe"
    try:
        with open(target if target.is_file() else probe, "ab"):
            pass
    except PermissionError:
        return
    probe.unlink(missing_ok=True)
    target.chmod(0o700 if target.is_dir() else 0o600)
    pytest.skip(
        "running as root, where chmod does not stop writes; the simulated read-only tests "
        "cover the same code path"
    )


@pytest.fixture
def locked_folder(tmp_path: Path):
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    folder.chmod(0o700)
    for child in folder.iterdir():
        child.chmod(0o600)


def test_read_only_folder_with_notes(locked_folder: Path) -> None:
    path = locked_folder / "notes.db"
    ids = saved_store(path)
    before = path.read_bytes()
    _make_read_only(locked_folder, locked_folder)
    with NoteStore.open(path) as store:
        assert store.read_only and store.warning and one_sentence(store.warning)
        assert [h.id for h in store.highlights()] == ids
        assert_refuses_writes(store, "read-only")
    assert path.read_bytes() == before


def test_read_only_folder_without_notes(locked_folder: Path) -> None:
    _make_read_only(locked_folder, locked_folder)
    with NoteStore.open(locked_folder / "notes.db") as store:
        assert store.read_only and store.highlights() == []
        assert_refuses_writes(store, "read-only")
    assert not os.path.exists(locked_folder / "notes.db")


def test_read_only_file(locked_folder: Path) -> None:
    path = locked_folder / "notes.db"
    ids = saved_store(path)
    _make_read_only(path, locked_folder)
    with NoteStore.open(path) as store:
        assert store.read_only and [h.id for h in store.highlights()] == ids
        assert_refuses_writes(store, "read-only")
