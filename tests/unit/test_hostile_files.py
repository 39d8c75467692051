"""Files nested absurdly deep, or of the wrong shape, are reported or ignored; nothing crashes."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief_tui import locations
from brief_tui.cli import load_all, main
from brief_tui.corpus.cache import cache_path, fingerprint, read_cache
from brief_tui.corpus.library import content_files, load_library
from brief_tui.corpus.model import Document, LoadProblem
from brief_tui.settings import Settings

DEEP_TOML = "x = " + "[" * 500 + "]" * 500 + "\n"  # about 1 KB
DEEP_JSON = "[" * 5000 + "]" * 5000


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def deep_library_file(data: Path) -> Path:
    library = data / "library"
    library.mkdir(parents=True, exist_ok=True)
    path = library / "deep.toml"
    path.write_text(DEEP_TOML, encoding="utf-8")
    return path


def test_a_deep_content_file_is_one_problem_in_list_check_and_passages(
    capsys, isolated_data_dir: Path
) -> None:
    deep = deep_library_file(isolated_data_dir)
    expected = f"{deep}: nested too deeply to be a content file."
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 5 and expected in err
    code, out, err = run(capsys, "passages", "--json")
    assert code == 0 and json.loads(out) and expected in err
    code, out, err = run(capsys, "check")
    assert code == 1 and expected in err and "5 documents loaded" in out
    assert "Traceback" not in err


def test_a_deep_curation_file_is_one_problem_and_the_rest_is_checked(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(locations.content_dir(), content)
    (content / "curation.toml").write_text(DEEP_TOML, encoding="utf-8")
    code, out, err = run(capsys, "check", str(content))
    assert code == 1
    assert f"{content / 'curation.toml'}: nested too deeply to be a curation file." in err
    assert "5 documents loaded" in out
    # Adding a document to a library whose curation file is that deep says so in one line.
    library = isolated_data_dir / "library"
    library.mkdir(parents=True)
    (library / "curation.toml").write_text(DEEP_TOML, encoding="utf-8")
    source = tmp_path / "memo.txt"
    source.write_text("Memo\n\nWe should restore aid.\n", encoding="utf-8")
    code, _, err = run(capsys, "add", str(source))
    assert code == 1
    assert (
        err == f"brief-tui: {library / 'curation.toml'}: nested too deeply to be a curation file.\n"
    )


def test_start_up_survives_a_deep_content_file_and_a_deep_or_wrong_cache(
    isolated_data_dir: Path,
) -> None:
    deep_library_file(isolated_data_dir)
    fresh = load_all(isolated_data_dir)
    cache = locations.cache_dir(isolated_data_dir)
    assert load_all(isolated_data_dir, cached=True) == fresh  # writes the cache
    for damage in (DEEP_JSON, "[]", "null", '"text"', "{}", '{"version": 2, "key": []}'):
        for directory in (locations.content_dir(), locations.library_dir(isolated_data_dir)):
            cache_path(cache, directory).write_text(damage, encoding="utf-8")
        again = load_all(isolated_data_dir, cached=True)
        assert again == fresh, damage
        assert len(again.documents) == 5
        assert [p.message for p in again.problems] == ["nested too deeply to be a content file."]


def test_deep_settings_are_unreadable_not_a_crash(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True)
    (isolated_data_dir / "settings.json").write_text(DEEP_JSON, encoding="utf-8")
    loaded = Settings.load(isolated_data_dir)
    assert loaded.unreadable and loaded.get("theme") is None


# Any JSON at all in the cache file: the right documents, or None (a normal load follows).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def written_cache(tmp_path_factory) -> tuple[list[list[object]], dict]:
    """The key and the content of a cache file as `load_library` writes it."""
    content, cache = locations.content_dir(), tmp_path_factory.mktemp("cache")
    load_library((content, "bundled"), cache_dir=cache)
    path = cache_path(cache, content)
    return fingerprint(content_files(content)), json.loads(path.read_text(encoding="utf-8"))


def _well_formed(result: tuple[list[Document], list[LoadProblem]] | None) -> None:
    if result is None:
        return
    documents, problems = result
    for doc in documents:
        assert isinstance(doc, Document)
        assert all(isinstance(v, str) for v in (doc.id, doc.title, doc.kind, doc.source))
        assert all(isinstance(o, str) for o in doc.organisations)
        for section, passage in doc.passages():
            assert isinstance(section.title, str) and isinstance(passage.text, str)
            assert all(p in ("I", "II", "III", "IV", "V", "P") for p in passage.pillars)
            assert isinstance(passage.recommendation, bool)
    assert all(isinstance(p.path, str) and isinstance(p.message, str) for p in problems)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=JSON_VALUES, where=st.sampled_from(["whole", "documents", "document", "problems"]))
def test_read_cache_never_raises_whatever_the_file_holds(
    tmp_path: Path, written_cache, value: object, where: str
) -> None:
    key, written = written_cache
    data = copy.deepcopy(written)
    if where == "whole":
        data = value
    elif where == "documents":
        data["documents"] = value
    elif where == "document":
        data["documents"][0] = value
    else:
        data["problems"] = value
    path = tmp_path / "content-cache.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    _well_formed(read_cache(path, key))


def test_read_cache_still_reads_what_it_wrote(tmp_path: Path, written_cache) -> None:
    key, written = written_cache
    path = tmp_path / "content-cache.json"
    path.write_text(json.dumps(written), encoding="utf-8")
    result = read_cache(path, key)
    assert result is not None and len(result[0]) == 5


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("seeds = 1\n", 1, "“seeds” must be tables"),
        ("passages = []\n", 1, "“passages” must be tables"),
        ("[seeds]\nx = 1\n", 2, "seed “x” must be a table"),
        ('[passages."p-1"]\nthemes = 1\n', 1, "themes must be a list of names"),
        ('[passages."p-1"]\nnote = 1\n', 1, "note must be text in quotes"),
    ],
)
def test_a_curation_file_of_the_wrong_shape_is_a_problem_with_a_line(
    capsys, content_copy: Path, text: str, line: int, message: str
) -> None:
    curation = content_copy / "curation.toml"
    curation.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", str(content_copy))
    assert code == 1 and "5 documents" in out
    assert err.startswith(f"error: {curation}:{line}: ") and message in err, err
    assert err.count("\n") == 1


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(locations.content_dir(), copy)
    return copy
