"""The start-up cache gives the same library as a fresh load, and never a stale or unsafe one."""

import shutil
from pathlib import Path

from brief_tui import locations
from brief_tui.corpus.cache import cache_path
from brief_tui.corpus.library import load_library


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(locations.content_dir(), content)
    return content


def test_cached_load_equals_fresh_load(tmp_path: Path) -> None:
    content, cache = copy_content(tmp_path), tmp_path / "cache"
    fresh = load_library((content, "bundled"))
    first = load_library((content, "bundled"), cache_dir=cache)
    assert cache_path(cache, content).exists()
    second = load_library((content, "bundled"), cache_dir=cache)
    assert first == fresh and second == fresh


def test_an_edited_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    content, cache = copy_content(tmp_path), tmp_path / "cache"
    load_library((content, "bundled"), cache_dir=cache)
    target = content / "wola-central-america-trips.toml"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "Central America Trips Shed Light", "Trips Shed Light", 1
        ),
        encoding="utf-8",
    )
    again = load_library((content, "bundled"), cache_dir=cache)
    assert again.document("wola-central-america-trips").title.startswith("Trips Shed Light")


def test_a_damaged_or_hostile_cache_is_harmless(tmp_path: Path) -> None:
    content, cache = copy_content(tmp_path), tmp_path / "cache"
    load_library((content, "bundled"), cache_dir=cache)
    path = cache_path(cache, content)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Only a Rethinking", "Only a \\u001b]0;PWNED\\u0007Rethinking"
        ),
        encoding="utf-8",
    )
    tampered = load_library((content, "bundled"), cache_dir=cache)
    assert "\x1b" not in tampered.documents[0].title
    path.write_text("{not json", encoding="utf-8")
    assert load_library((content, "bundled"), cache_dir=cache) == load_library((content, "bundled"))


def test_a_read_only_cache_directory_still_loads(tmp_path: Path) -> None:
    content, cache = copy_content(tmp_path), tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        assert len(load_library((content, "bundled"), cache_dir=cache).documents) == 5
    finally:
        cache.chmod(0o700)
