"""The command line as scripts and curators use it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from brief_tui.cli import main

EXPECTED_KEYS = [
    "document",
    "title",
    "seed",
    "section",
    "id",
    "text",
    "pillars",
    "recommendation",
    "recommendation_kind",
    "actor",
    "addressee",
    "source_type",
    "page",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_passages_json_has_exactly_the_documented_keys(capsys) -> None:
    code, out, _ = run(capsys, "passages", "--json")
    assert code == 0
    records = json.loads(out)
    assert records and all(list(r) == EXPECTED_KEYS for r in records)
    assert {r["seed"] for r in records} == {
        "000_567d4b7daf97d888.txt",
        "001_dd3d6b31c7230dc2.txt",
        "002_3b8923e11171c00d.txt",
        "003_1047fc18ca4d57d2.txt",
        "004_34741492cc8173b1.txt",
    }
    assert len({r["id"] for r in records}) == len(records)


def test_check_passes_on_bundled_content(capsys) -> None:
    code, out, err = run(capsys, "check")
    assert code == 0, err
    assert "5 documents loaded" in out


def test_check_fails_clearly_on_a_broken_copy(capsys, repo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "content"
    shutil.copytree(repo / "content", broken)
    victim = broken / "wola-central-america-trips.toml"
    lines = victim.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("pillars = ["))
    lines[index] = 'pillars = ["IX"]'
    victim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(broken))
    assert code == 1
    assert f"{victim}:{index + 1}: passage" in err and "unknown pillar “IX”" in err
    assert "4 documents loaded" in out


def test_add_puts_a_document_beside_the_bundled_ones(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    note = tmp_path / "my-memo.md"
    note.write_text(
        "# Memo on Security Assistance\n\nWe should suspend police assistance to Honduras.\n\n"
        "- Expand access to asylum.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "add", str(note))
    assert code == 0, err
    assert "Memo on Security Assistance" in out
    code, out, _ = run(capsys, "passages", "--json")
    mine = [r for r in json.loads(out) if r["title"] == "Memo on Security Assistance"]
    # The Markdown title becomes the document title, not a passage.
    assert [(r["pillars"], r["recommendation"]) for r in mine] == [(["IV"], True), (["P"], True)]
    assert mine[0]["seed"] == "my-memo.md"
    assert (isolated_data_dir / "library" / "sources" / "my-memo.md").exists()


def test_add_rejects_binary_and_missing_files_and_writes_nothing(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run(capsys, "add", str(image))
    assert code == 1 and "not a text file" in err
    code, _, err = run(capsys, "add", str(tmp_path / "missing.txt"))
    assert code == 1 and "does not exist" in err
    assert not isolated_data_dir.exists()


def test_data_dir_flag_overrides_environment(capsys, tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("Notes\n\nThe police should stop extortion.\n", encoding="utf-8")
    target = tmp_path / "elsewhere"
    assert run(capsys, "--data-dir", str(target), "add", str(note))[0] == 0
    assert (target / "library").is_dir()


def test_console_script_and_module_both_run() -> None:
    script = Path(sys.executable).with_name("brief-tui")
    for command in ([str(script), "--version"], [sys.executable, "-m", "brief_tui", "--version"]):
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        assert result.stdout.startswith("brief-tui ")


def test_unknown_briefing_is_a_one_line_error_with_the_closest_titles(capsys) -> None:
    code, out, err = run(capsys, "zzzqqq-no-such-briefing")
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("brief-tui: no briefing matches “zzzqqq-no-such-briefing”; closest: “")


def test_find_document_by_id_or_fuzzy_title() -> None:
    from brief_tui import locations
    from brief_tui.corpus.library import load_library
    from brief_tui.corpus.lookup import find_document

    library = load_library((locations.content_dir(), "bundled"))
    assert (
        find_document(library, "us-root-causes-strategy").document.id == "us-root-causes-strategy"
    )
    assert (
        find_document(library, "central america trips").document.id == "wola-central-america-trips"
    )
    assert (
        find_document(library, "beyond the wal").document.id == "wola-beyond-the-wall-root-causes"
    )
    assert (
        find_document(library, "rethinking foreign policy").document.id
        == "coalition-root-causes-statement"
    )
    missing = find_document(library, "zzzz")
    assert missing.document is None and len(missing.closest) == 3


def test_readme_documents_every_reader_key(repo: Path) -> None:
    from brief_tui.keys import BRIEFING, EVERYWHERE, keys_in

    readme = (repo / "README.md").read_text(encoding="utf-8")
    for key in keys_in(BRIEFING) + keys_in(EVERYWHERE):
        assert key.description in readme, key.description


def test_search_json_has_exactly_the_documented_keys(capsys) -> None:
    code, out, _ = run(capsys, "search", "asylim", "mexico", "--json", "--limit", "3")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 3
    assert all(
        list(h) == ["document", "id", "section", "score", "snippet", "pillars", "recommendation"]
        for h in hits
    )
    assert hits[0]["snippet"] == "2. Ensure access to asylum in Mexico."
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_search_text_output_and_no_results(capsys) -> None:
    code, out, _ = run(capsys, "search", '"task force"')
    assert code == 0 and "Task Force" in out
    code, out, err = run(capsys, "search", "zzqxv")
    assert code == 1 and "No results" in err


def test_output_into_a_pipe_that_closes_early_is_not_a_traceback() -> None:
    command = f"{sys.executable} -m brief_tui passages | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
