"""`brief-tui list`: every title shown literally, every id whole, and a JSON form for scripts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from brief_tui.cli import main

BUNDLED_IDS = [
    "coalition-root-causes-statement",
    "wola-beyond-the-wall-root-causes",
    "us-root-causes-strategy",
    "us-root-causes-web-page",
    "wola-central-america-trips",
]
JSON_KEYS = [
    "id",
    "title",
    "organisations",
    "date",
    "kind",
    "source_type",
    "source",
    "passages",
    "recommendations",
    "recommendation_kinds",
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def add_document(capsys, tmp_path: Path, name: str, title: str) -> None:
    source = tmp_path / name
    source.write_text(f"{title}\n\nWe should restore aid to fight corruption.\n", encoding="utf-8")
    code, _, err = run(capsys, "add", str(source))
    assert code == 0, err


def test_markup_in_a_title_is_printed_literally_never_as_a_link(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_document(capsys, tmp_path, "link.txt", "[link=https://evil.example]x[/link]")
    add_document(capsys, tmp_path, "stray.txt", "Closing tags [/] in a title")
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a real terminal, where links would be live
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert "[link=https://evil.example]x[/link]" in out
    assert "Closing tags [/] in a title" in out
    assert "\x1b]8;" not in out  # no OSC 8 hyperlink


def test_problem_lines_are_literal_and_cannot_reach_the_terminal(
    capsys, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = isolated_data_dir / "library"
    library.mkdir(parents=True)
    (library / "[link=mailto:evil]broken.toml").write_text("format = ", encoding="utf-8")
    (library / "bad-id.toml").write_text('format = 1\nid = "[/]"\n', encoding="utf-8")
    (library / "x\x1b]0;PWNED\x07.toml").write_text("format = ", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "250")
    code, out, err = run(capsys, "list")
    assert code == 0, err
    text = out + err
    assert "could not load" in text and "[link=mailto:evil]broken.toml" in text
    assert "document id “[/]” must be" in text
    assert "\x1b" not in text and "\x07" not in text
    assert "library/x.toml:1: not valid TOML" in text


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100, 120, 160, 240])
def test_every_id_is_printed_whole_at_any_width(
    capsys, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run(capsys, "list")
    assert code == 0
    for doc_id in BUNDLED_IDS:
        assert re.search(rf"(?<![\w-]){re.escape(doc_id)}(?![\w-])", out), (doc_id, out)
    words = set(re.findall(r"\w+", out))
    assert {"Central", "America", "Trips", "Shed", "Light"} <= words  # titles may fold
    # Titles fold rather than overflow: no line wider than the terminal, unless it holds an id.
    for line in out.splitlines():
        assert len(line) <= width or any(doc_id in line for doc_id in BUNDLED_IDS), line


def test_ids_are_whole_when_the_output_is_piped() -> None:
    script = Path(sys.executable).with_name("brief-tui")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    result = subprocess.run(
        [str(script), "list"], capture_output=True, text=True, check=True, env=env
    )
    for doc_id in BUNDLED_IDS:
        assert re.search(rf"(?<![\w-]){re.escape(doc_id)}(?![\w-])", result.stdout), doc_id


def test_list_json_has_exactly_the_documented_keys(capsys, tmp_path: Path) -> None:
    add_document(capsys, tmp_path, "memo.txt", "A Memo [bold]on[/] aid")
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    records = json.loads(out)
    assert [r["id"] for r in records][:5] == BUNDLED_IDS
    assert all(list(r) == JSON_KEYS for r in records)
    trips = records[BUNDLED_IDS.index("wola-central-america-trips")]
    assert trips["organisations"] == ["WOLA"] and trips["date"] == "2021-06-17"
    assert trips["kind"] == "commentary" and trips["passages"] == 69
    assert trips["recommendations"] == 40
    assert trips["source_type"] == "advocacy"
    assert sum(trips["recommendation_kinds"].values()) == 40
    assert trips["recommendation_kinds"]["ask"] and trips["recommendation_kinds"]["reported"]
    strategy = records[BUNDLED_IDS.index("us-root-causes-strategy")]
    assert strategy["source_type"] == "government"
    web = records[BUNDLED_IDS.index("us-root-causes-web-page")]
    assert web["date"] is None and isinstance(web["source"], str) and web["source"]
    memo = records[-1]
    assert memo["title"] == "A Memo [bold]on[/] aid" and memo["passages"] == 1


def test_list_reads_only_the_files_that_changed_since_last_time(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library of hundreds lists in a moment: `list` reads the catalog, and parses only
    the content files added or changed since it was last brought up to date."""
    from brief_tui.corpus import contentfile

    add_document(capsys, tmp_path, "first.txt", "Funding Local Courts")
    run(capsys, "list")  # the catalog is now up to date
    parsed: list[object] = []
    real = contentfile.parse_document

    def counted(*args, **kwargs):
        parsed.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(contentfile, "parse_document", counted)
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert "Funding Local Courts" in out and parsed == []
    add_document(capsys, tmp_path, "second.txt", "Protecting Asylum Seekers")
    parsed.clear()
    code, out, _ = run(capsys, "list")
    assert "Funding Local Courts" in out and "Protecting Asylum Seekers" in out
    assert len(parsed) <= 1  # the new file, unless `add` already brought the catalog up to date
