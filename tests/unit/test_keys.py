"""The key registry and the user's keymap file, without a screen."""

from __future__ import annotations

import json
from pathlib import Path

from brief_tui.cli import main
from brief_tui.keys import CONTEXTS, KEYS, KEYS_BY_ID, read_keymap


def test_every_binding_has_a_unique_stable_id_a_context_and_a_description() -> None:
    assert len(KEYS_BY_ID) == len(KEYS)
    for spec in KEYS:
        assert spec.context in CONTEXTS and spec.description and spec.key_list
        assert spec.id == spec.id.lower() and " " not in spec.id


def test_a_keymap_remaps_by_id_and_reports_each_bad_entry_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text(
        '"next-passage" = ["x", "ctrl+n"]\n"outline" = "o"\n"no-such-binding" = "z"\n'
        '"help" = 5\n"quit" = "ctrl q"\n',
        encoding="utf-8",
    )
    keymap = read_keymap(path)
    assert keymap.keys == {"next-passage": ("x", "ctrl+n"), "outline": ("o",)}
    assert keymap.keys_for(KEYS_BY_ID["next-passage"]) == ("x", "ctrl+n")
    assert keymap.keys_for(KEYS_BY_ID["previous-passage"]) == ("k", "up")  # untouched
    assert len(keymap.problems) == 3
    assert all(str(path) in p and "\n" not in p for p in keymap.problems)
    assert "“no-such-binding” is not a binding id" in keymap.problems[0]


def test_a_broken_or_missing_keymap_leaves_the_default_keys(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "absent.toml").keys == {}
    broken = tmp_path / "keymap.toml"
    broken.write_text('"next-passage" = [', encoding="utf-8")
    keymap = read_keymap(broken)
    assert keymap.keys == {} and "not valid TOML" in keymap.problems[0]


def test_brief_tui_keys_lists_every_binding_after_the_users_keymap(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keymap.toml").write_text('"next-passage" = "x"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEF_TUI_CONFIG_DIR", str(config))
    assert main(["keys", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [list(r) for r in records][0] == ["id", "keys", "context", "description"]
    assert len(records) == len(KEYS)
    by_id = {r["id"]: r for r in records}
    assert by_id["next-passage"]["keys"] == ["x"]
    assert by_id["next-passage"]["context"] == "briefing"
    assert main(["keys"]) == 0
    text = capsys.readouterr().out
    assert "next-passage" in text and " x " in text
