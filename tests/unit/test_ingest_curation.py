"""Ingest writes content files, applies curation, keeps hand edits, and is idempotent."""

from pathlib import Path

import pytest

from brief_tui.corpus.contentfile import load_document
from brief_tui.corpus.ingest import ingest_sources

SOURCE = """A Briefing on Aid

The United States should restore aid to the region to fight corruption.

Poverty and inequality are critical drivers of migration.
"""


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    (seeds / "brief.txt").write_text(SOURCE, encoding="utf-8")
    return seeds, content


def ingest(seeds: Path, content: Path, **kwargs):
    return ingest_sources(sorted(seeds.glob("*.txt")), content, **kwargs)


def only_doc(content: Path):
    [path] = [p for p in content.glob("*.toml") if p.name != "curation.toml"]
    return path, load_document(path)


def test_rerun_on_unchanged_input_changes_no_file(workspace) -> None:
    seeds, content = workspace
    assert [r.status for r in ingest(seeds, content).results] == ["created"]
    path, _ = only_doc(content)
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert [r.status for r in ingest(seeds, content).results] == ["unchanged"]
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_curation_file_corrections_survive_reingest(workspace) -> None:
    seeds, content = workspace
    ingest(seeds, content)
    _, doc = only_doc(content)
    passage = next(p for _, p in doc.passages() if p.text.startswith("Poverty"))
    (content / "curation.toml").write_text(
        '[seeds."brief.txt"]\ntitle = "Aid: A Briefing"\n\n'
        f'[passages."{passage.id}"]\npillars = ["I", "P"]\nrecommendation = true\nnote = "test"\n',
        encoding="utf-8",
    )
    ingest(seeds, content)
    _, doc = only_doc(content)
    curated = next(p for _, p in doc.passages() if p.id == passage.id)
    assert doc.title == "Aid: A Briefing"
    assert curated.pillars == ("I", "P") and curated.recommendation
    assert any(w.rule == "curator" for w in curated.why)
    assert [r.status for r in ingest(seeds, content).results] == ["unchanged"]


def test_hand_edits_to_a_content_file_survive_reingest(workspace) -> None:
    seeds, content = workspace
    ingest(seeds, content)
    path, doc = only_doc(content)
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "A Briefing on Aid"', 'title = "A Better Title"')
    text = text.replace('pillars = ["I"]', 'pillars = ["I", "P"]')
    path.write_text(text, encoding="utf-8")

    report = ingest(seeds, content)
    assert not report.errors
    assert report.results[0].lifted
    _, doc = only_doc(content)
    assert doc.title == "A Better Title"
    assert any(p.pillars == ("I", "P") for _, p in doc.passages())
    curation = (content / "curation.toml").read_text(encoding="utf-8")
    assert 'title = "A Better Title"' in curation and 'pillars = ["I", "P"]' in curation
    # And a second run is a no-op.
    assert [r.status for r in ingest(seeds, content).results] == ["unchanged"]


def test_reworded_text_is_not_overwritten(workspace) -> None:
    seeds, content = workspace
    ingest(seeds, content)
    path, _ = only_doc(content)
    edited = path.read_text(encoding="utf-8").replace("Poverty and inequality", "Poverty alone")
    path.write_text(edited, encoding="utf-8")
    report = ingest(seeds, content)
    assert report.errors and "re-worded by hand" in report.errors[0]
    assert path.read_text(encoding="utf-8") == edited
    forced = ingest(seeds, content, force=True)
    assert not forced.errors and "Poverty and inequality" in path.read_text(encoding="utf-8")


def test_curator_comments_are_kept_when_edits_are_recorded(workspace) -> None:
    seeds, content = workspace
    ingest(seeds, content)
    (content / "curation.toml").write_text("# my notes on this corpus\n", encoding="utf-8")
    path, _ = only_doc(content)
    path.write_text(
        path.read_text(encoding="utf-8").replace('pillars = ["I"]', "pillars = []"),
        encoding="utf-8",
    )
    ingest(seeds, content)
    assert (
        (content / "curation.toml")
        .read_text(encoding="utf-8")
        .startswith("# my notes on this corpus\n")
    )


def test_one_bad_source_does_not_stop_the_others(workspace) -> None:
    seeds, content = workspace
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    report = ingest(seeds, content)
    assert len(report.results) == 1
    assert len(report.errors) == 1 and "not a text file" in report.errors[0]
