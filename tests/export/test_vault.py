"""A vault that updates in place: export, edit as a user would, change notes, export again."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from export_builders import EXPORTED_AT, HIGHLIGHTS, LIBRARY, STATEMENT, TRIPS, highlight

from brief_tui.export.csl import export_csl
from brief_tui.export.vault import export_vault
from brief_tui.export.vault_blocks import split_note

GOLDEN = Path(__file__).parent / "golden"
LIVE = [h for h in HIGHLIGHTS if h.status != "orphaned" or h.anchor.document == "wola-trips"]


def export(vault: Path, highlights=LIVE, **options):
    return export_vault(LIBRARY, list(highlights), vault, exported_at=EXPORTED_AT, **options)


def test_a_first_export_writes_one_note_per_briefing_as_the_golden_files_show(
    tmp_path: Path,
) -> None:
    report = export(tmp_path)
    assert sorted(p.name for p in report.created) == ["coalition.md", "wola-trips.md"]
    for name in ("wola-trips.md", "coalition.md"):
        expected = (GOLDEN / f"vault-{name}").read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == expected, name


def test_exporting_again_without_changes_touches_no_file(tmp_path: Path) -> None:
    export(tmp_path)
    note = tmp_path / "wola-trips.md"
    os.utime(note, ns=(1_000_000_000, 1_000_000_000))
    report = export(tmp_path)
    assert report.created == [] and report.updated == []
    assert note.stat().st_mtime_ns == 1_000_000_000


def test_the_users_text_survives_byte_for_byte_and_changes_land_where_they_belong(
    tmp_path: Path,
) -> None:
    export(tmp_path)
    original = tmp_path / "wola-trips.md"
    text = original.read_text(encoding="utf-8")
    # The user renames the note, adds front matter and prose outside the blocks, and edits
    # inside the block of the first highlight.
    mine_top = "\nMy reading notes, written in Obsidian. [[Memo draft]]\n"
    mine_between = "\n> [!question] Ask the author about this one.\n"
    mine_end = "\n## My conclusions\n\nThe task force matters most.\n"
    text = text.replace("---\n", "---\naliases: [trips]\n", 1)
    first_end = "<!-- brief-tui:end hl-00000001 -->"
    text = text.replace(first_end, first_end + mine_between, 1)
    heading_end = "WOLA, 17 June 2021.\n"
    text = text.replace(heading_end, heading_end + mine_top, 1)
    text = text.replace("Follow the *money*.", "Follow the *money* — and the contracts.", 1)
    text += mine_end
    renamed = tmp_path / "Trips (my copy).md"
    renamed.write_text(text, encoding="utf-8")
    original.unlink()

    # In brief-tui: the second highlight is deleted, a new one is made, a note is changed.
    new = highlight(TRIPS, "p-0000aaaa", "more aid to civil society", n=9, label="evidence")
    changed = [h for h in LIVE if h.id != HIGHLIGHTS[1].id]
    changed = [
        replace(h, note="Drought years matter.") if h.id == HIGHLIGHTS[2].id else h for h in changed
    ]
    report = export(tmp_path, [*changed, new])

    assert not original.exists(), "the renamed note is found and updated, not written anew"
    after = renamed.read_text(encoding="utf-8")
    for mine in (mine_top, mine_between, mine_end, "aliases: [trips]\n"):
        assert mine in after
    # The deleted highlight keeps its block and id, struck through.
    assert (
        "~~expand refugee processing~~ *(this highlight was deleted in brief-tui)* ^hl-00000002"
        in after
    )
    # The new highlight comes right after the one before it in reading order.
    parts = [p.key for p in split_note(after) if not isinstance(p, str)]
    assert parts.index("hl-00000009") == parts.index("hl-00000001") + 1
    assert "Drought years matter." in after
    # The user's edit inside a managed block is kept aside, and reported.
    assert "Follow the *money*." in after and "and the contracts" not in after
    [(note, key, kept)] = report.conflicts
    assert note == renamed and key == "hl-00000001"
    assert "Follow the *money* — and the contracts." in kept.read_text(encoding="utf-8")
    assert "kept yours in" in report.summary()
    assert renamed in report.updated and report.removed == 1

    # And once more with nothing changed: no file is touched.
    os.utime(renamed, ns=(2_000_000_000, 2_000_000_000))
    again = export(tmp_path, [*changed, new])
    assert again.updated == [] and again.conflicts == []
    assert renamed.stat().st_mtime_ns == 2_000_000_000


def test_a_missing_vault_folder_is_one_sentence(tmp_path: Path) -> None:
    from brief_tui.export import ExportError

    with pytest.raises(ExportError, match="does not exist"):
        export(tmp_path / "nowhere")


def test_csl_json_lists_the_sources_for_a_reference_manager() -> None:
    items = json.loads(export_csl([TRIPS, STATEMENT]))
    assert [i["id"] for i in items] == ["wola-trips", "coalition"]
    trips = items[0]
    assert trips["type"] == "article" and trips["title"] == TRIPS.title
    assert trips["author"] == [{"literal": "WOLA"}]
    assert trips["issued"] == {"date-parts": [[2021, 6, 17]]}
    assert trips["URL"] == "https://www.wola.org/"
    assert items[1]["issued"] == {"date-parts": [[2021, 2]]}
