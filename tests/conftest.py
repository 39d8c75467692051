"""Shared fixtures: every test gets its own empty data and config directories, never the
developer's."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("BRIEF_TUI_DATA_DIR", str(data))
    # The developer's keymap.toml never reaches a test: each gets its own, empty, config dir.
    monkeypatch.setenv("BRIEF_TUI_CONFIG_DIR", str(tmp_path / "config"))
    return data


@pytest.fixture
def repo() -> Path:
    return REPO
