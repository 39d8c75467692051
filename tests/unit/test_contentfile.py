import json
from pathlib import Path

import pytest

from brief_tui.corpus.contentfile import (
    ContentError,
    edited_by_hand,
    load_document,
    parse_document,
    render_document,
)
from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.model import LoadProblem

SOURCE = (
    "A Briefing\n\nThe United States should restore aid to fight corruption.\n\n- a list item\n"
)


def rendered() -> str:
    return render_document(build_document(SOURCE, "b.txt", Curation()), "test")


def test_round_trip() -> None:
    doc = build_document(SOURCE, "b.txt", Curation())
    again = parse_document(render_document(doc, "test"), "x.toml")
    assert [
        (p.id, p.text, p.pillars, p.recommendation, p.why, p.marker) for _, p in again.passages()
    ] == [(p.id, p.text, p.pillars, p.recommendation, p.why, p.marker) for _, p in doc.passages()]
    assert again.title == "A Briefing"


def test_text_with_quotes_backslashes_and_markup_round_trips() -> None:
    tricky = 'Title\n\nHe said "\\d+" [bold]not bold[/bold] [link=x] and a tab\there.\n'
    doc = build_document(tricky, "t.txt", Curation())
    again = parse_document(render_document(doc, "test"), "x.toml")
    assert (
        next(again.passages())[1].text
        == 'He said "\\d+" [bold]not bold[/bold] [link=x] and a tab here.'
    )


def test_checksum_reveals_hand_edits() -> None:
    text = rendered()
    assert not edited_by_hand(text)
    assert edited_by_hand(text.replace('pillars = ["II"]', 'pillars = ["II", "P"]'))


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize(
    ("mutate", "needle", "message"),
    [
        (
            lambda t: t.replace('pillars = ["II"]', 'pillars = ["VII"]'),
            'pillars = ["VII"]',
            "unknown pillar “VII”",
        ),
        (
            lambda t: t.replace("recommendation = true", 'recommendation = "yes"'),
            'recommendation = "yes"',
            "must be true or false",
        ),
        (
            lambda t: t.replace('kind = "item"', 'kind = "table"'),
            'kind = "table"',
            "kind “table” must be one of",
        ),
        (
            lambda t: t.replace('date = ""', 'date = "June 2021"'),
            'date = "June 2021"',
            "must be YYYY",
        ),
        (
            lambda t: t.replace('title = "A Briefing"', 'title = "A Briefing'),
            'title = "A Briefing',
            "not valid TOML",
        ),
    ],
)
def test_validator_names_line_and_problem(mutate, needle: str, message: str) -> None:
    broken = mutate(rendered())
    with pytest.raises(ContentError) as info:
        parse_document(broken, "x.toml")
    assert message in info.value.message
    assert info.value.line == line_of(broken, needle)


def test_missing_key_is_reported() -> None:
    broken = "\n".join(x for x in rendered().splitlines() if not x.startswith("text = ")) + "\n"
    with pytest.raises(ContentError, match="missing “text”"):
        parse_document(broken, "x.toml")


def test_load_document_never_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    problem = load_document(bad)
    assert isinstance(problem, LoadProblem) and "UTF-8" in problem.message
    missing = load_document(tmp_path / "nope.toml")
    assert isinstance(missing, LoadProblem) and "cannot be read" in missing.message


HEAD = 'format = 1\nid = "a"\ntitle = "T"\nkind = "document"\norganisations = []\n'
SECTION = '[[sections]]\nid = "s-12345678"\ntitle = "S"\n'


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (HEAD + "sections = [1]\n", 6, "section 1 must be a table"),
        (HEAD + SECTION + "passages = [1]\n", 9, "each passage must be a table"),
        (HEAD + SECTION + 'passages = "abc"\n', 9, "“passages” must be a list"),
        (
            HEAD + 'sections = [{id = "s-12345678", title = "S", passages = [{}]}]\n',
            6,
            "missing “id”",
        ),
        (HEAD, 5, "missing “sections”"),
        ("", None, "unsupported format"),
        ("# only a comment\n", 1, "unsupported format"),
    ],
)
def test_wrong_shapes_are_problems_with_a_line_not_crashes(
    text: str, line: int | None, message: str
) -> None:
    with pytest.raises(ContentError) as info:
        parse_document(text, "x.toml")
    assert message in info.value.message
    assert info.value.line == line


def test_reasons_are_tables_and_a_format_1_file_still_loads(tmp_path) -> None:
    from brief_tui.corpus.contentfile import parse_document
    from brief_tui.corpus.reasons import Reason

    doc = build_document(SOURCE, "b.txt", Curation())
    text = render_document(doc, "test")
    assert "format = 2" in text and '{tag = "' in text
    again = parse_document(text, "b.toml")
    assert [p.why for _, p in again.passages()] == [p.why for _, p in doc.passages()]
    passage = next(p for _, p in doc.passages() if p.why)
    tables = (
        "why = ["
        + ", ".join(
            "{" + ", ".join(f"{k} = {json.dumps(v)}" for k, v in r.as_table().items()) + "}"
            for r in passage.why
        )
        + "]"
    )
    sentences = "why = " + json.dumps([str(r) for r in passage.why], ensure_ascii=False)
    assert tables in text
    legacy = text.replace("format = 2", "format = 1").replace(tables, sentences, 1)
    loaded = parse_document(legacy, "b.toml")
    first = next(p for _, p in loaded.passages() if p.id == passage.id)
    assert first.why == passage.why
    assert all(isinstance(r, Reason) for r in first.why)
