"""Every path the app uses, in one place.

Bundled content ships inside the wheel (`brief_tui/_bundled/`); a source checkout or editable
install reads the repository's `content/` and `seeds/` directly. User data lives in the
platform's user data directory unless `--data-dir` or `BRIEF_TUI_DATA_DIR` says otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "brief-tui"
DATA_DIR_ENV = "BRIEF_TUI_DATA_DIR"
CONFIG_DIR_ENV = "BRIEF_TUI_CONFIG_DIR"
_PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    """Where `content/` and `seeds/` are: inside the installed package, or the checkout."""
    packaged = _PACKAGE / "_bundled"
    if (packaged / "content").is_dir():
        return packaged
    return _PACKAGE.parents[1]


def content_dir() -> Path:
    return bundled_root() / "content"


def seeds_dir() -> Path:
    return bundled_root() / "seeds"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data directory: explicit override, then the environment, then platformdirs."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir  # imported only when needed: start-up time

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's configuration (keymap.toml): the environment, then platformdirs."""
    from_env = os.environ.get(CONFIG_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_dir  # imported only when needed: start-up time

    return Path(user_config_dir(APP_NAME, appauthor=False))


NOTES_FILE = "notes.sqlite3"


def notes_path(data: Path) -> Path:
    """The note store: highlights, notes, bookmarks, marks, reading positions, drafts."""
    return data / NOTES_FILE


def library_dir(data: Path) -> Path:
    """Content files of the user's own documents."""
    return data / "library"


def library_sources_dir(data: Path) -> Path:
    """Copies of the files the user added, kept so they can be re-ingested."""
    return data / "library" / "sources"


def cache_dir(data: Path) -> Path:
    """Disposable caches: deleting this directory loses nothing."""
    return data / "cache"
