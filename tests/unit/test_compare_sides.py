"""Advocacy asks against government commitments: who is on which side, what is paired, and
the gaps said in words, in the pure layer and in `brief-tui compare --sides`."""

from __future__ import annotations

import json

import pytest

from brief_tui import locations
from brief_tui.cli import main
from brief_tui.compare import KindCount, Similarity, kind_coverage, kind_label
from brief_tui.compare_sides import UNANSWERED, UNASKED, compare_sides, is_answer, is_ask
from brief_tui.compare_sides_output import sides_to_json, sides_to_markdown
from brief_tui.corpus.library import load_library
from brief_tui.corpus.model import Document, Library, Passage, Section


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library((locations.content_dir(), "bundled"))


def passage(n: int, text: str, kind: str | None, actor=None, addressee=None) -> Passage:
    return Passage(
        f"p-{n:08d}",
        "paragraph",
        text,
        ("II",),
        True,
        recommendation_kind=kind,
        actor=actor,
        addressee=addressee,
    )


def document(doc_id: str, source_type: str, *passages: Passage) -> Document:
    return Document(
        doc_id,
        doc_id.title(),
        (doc_id.upper(),),
        "2021",
        "document",
        "",
        None,
        "",
        (Section("s-0", "S", passages),),
        source_type=source_type,
    )


US = "U.S. government"


def test_who_is_on_which_side() -> None:
    ask = passage(1, "Fund courts.", "ask", US, US)
    promised = passage(2, "We will fund courts.", "commitment", US)
    mexico_did = passage(3, "Mexico funded courts.", "reported", "Mexico")
    nobody_did = passage(4, "Courts were funded.", "reported", None)
    ngo_promised = passage(5, "We will monitor courts.", "commitment", "WOLA")
    advocacy, research, media, government = (
        document("a", "advocacy"),
        document("r", "research"),
        document("m", "media"),
        document("g", "government"),
    )
    assert is_ask(advocacy, ask) and is_ask(research, ask)
    assert not is_ask(media, ask) and not is_ask(government, ask)
    assert is_answer(government, promised) and is_answer(advocacy, promised)
    assert is_answer(advocacy, mexico_did)  # what a government did, as advocates report it
    assert not is_answer(advocacy, nobody_did)  # whose action? nobody can say
    assert not is_answer(advocacy, ngo_promised)  # an NGO's promise is no government's
    assert is_answer(
        government, passage(6, "Partners will invest.", "commitment", "private sector")
    )
    assert not is_answer(government, ask)


def test_pairs_and_gaps_are_said_in_words() -> None:
    asks = document(
        "asks",
        "advocacy",
        passage(1, "Prosecute corruption and protect judges to strengthen the rule of law.", "ask"),
        passage(2, "Expand asylum access at the border.", "ask", US, US),
        passage(3, "Protect judges and prosecute corruption by officials.", "ask"),
    )
    answers = document(
        "answers",
        "government",
        passage(11, "We will prosecute corruption and protect judges.", "commitment", US),
        passage(12, "We will plant trees in the region.", "commitment", US),
    )
    library = Library((asks, answers))
    result = compare_sides(library, "II", Similarity(library))
    shown = [
        (
            row.ask.passage.text[:8] if row.ask else None,
            row.answer.passage.text[:8] if row.answer else None,
            row.gap,
        )
        for row in result.rows
    ]
    assert ("Expand a", None, UNANSWERED) in shown
    assert (None, "We will ", UNASKED) in shown
    paired = [row for row in result.rows if row.ask and row.answer]
    assert len(paired) == 1 and paired[0].answer.passage.text.startswith("We will prosecute")
    # The other ask on the same topic is answered too, by the commitment paired above: no gap.
    echo = next(row for row in result.rows if row.also is not None)
    assert echo.gap == "" and echo.also is paired[0].answer
    markdown = sides_to_markdown(result)
    assert f"— *{UNANSWERED}*" in markdown and f"— *{UNASKED}*" in markdown
    assert "*≈ also answered by what is paired with another ask:* “We will prosecute" in markdown
    data = json.loads(sides_to_json(result))
    assert [row["gap"] for row in data["rows"]].count(UNASKED) == 1
    assert data["sides"][0]["gaps"] == 1 and data["sides"][1]["gaps"] == 1


def test_kind_label_says_what_and_who() -> None:
    assert kind_label(passage(1, "x", "ask", US, "Congress")) == "▶ Ask · Congress"
    assert kind_label(passage(1, "x", "commitment", US)) == "▶ Commitment · U.S. government"
    assert kind_label(passage(1, "x", "reported", "Mexico")) == "▷ Reported · Mexico"
    assert kind_label(passage(1, "x", "reported")) == "▷ Reported"
    assert kind_label(passage(1, "x", None)) == "▶ Recommendation"


def test_the_matrix_counts_asks_and_commitments_apart(library) -> None:
    counts = kind_coverage(library)
    assert counts["wola-beyond-the-wall-root-causes"]["II"].label == "9a"
    assert counts["us-root-causes-web-page"]["II"].label == "1c"
    assert KindCount(3, 2).label == "3a·2c" and KindCount().label == "·"
    assert KindCount(1, 0, 2).label == "1a·2?"
    whole = counts["wola-central-america-trips"][None]
    document = library.document("wola-central-america-trips")
    assert whole.asks + whole.answers + whole.unknown == document.recommendation_count


def test_cli_sides_markdown(capsys, library) -> None:
    assert main(["compare", "--pillar", "II", "--sides"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "# Advocacy asks vs government commitments on Pillar II (Corruption, democratic"
    )
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0] == "| Advocacy asks | Government commitments and reported actions |"
    assert any(row.endswith(f"— *{UNANSWERED}* |") for row in table)
    assert any(
        row.startswith(f"| — *{UNASKED}* | **▶ Commitment · U.S. government**") for row in table
    )
    assert "**▶ Ask · U.S. government** <br>" in out
    asks = sum(1 for row in table[2:] if row.startswith("| **▶ Ask"))
    assert f"- {asks} asks from advocacy and research documents" in out


def test_cli_sides_json_and_by_side(capsys) -> None:
    assert main(["compare", "--pillar", "6", "--by-side", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "sides" and data["pillar"] == "P"
    cells = [cell for row in data["rows"] for cell in row["cells"] if cell]
    assert {"recommendation_kind", "actor", "addressee", "source_type"} <= set(cells[0])
    lefts = [row["cells"][0] for row in data["rows"] if row["cells"][0]]
    rights = [row["cells"][1] for row in data["rows"] if row["cells"][1]]
    assert {c["recommendation_kind"] for c in lefts} == {"ask"}
    assert {c["source_type"] for c in lefts} <= {"advocacy", "research"}
    assert {c["recommendation_kind"] for c in rights} <= {"commitment", "reported"}
    assert any(c["source_type"] == "advocacy" for c in rights)  # governments' actions, reported
    assert any(row["cells"][0] and row["cells"][1] for row in data["rows"])


def test_cli_sides_refuses_documents(capsys) -> None:
    assert main(["compare", "--pillar", "II", "--sides", "--left", "wola-beyond"]) == 2
    assert "--sides compares sides" in capsys.readouterr().err


def test_documents_mode_says_each_cells_kind_and_who(capsys) -> None:
    args = ["compare", "--pillar", "I", "--left", "wola-central", "--right", "us-root-causes-s"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "**▶ Ask · U.S. government** <br>" in out
    assert "**▷ Reported · Mexico** <br>" in out
    assert "**▶ Commitment · U.S. government** <br>" in out
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    cells = [cell for row in data["rows"] for cell in row["cells"] if cell]
    assert {(c["recommendation_kind"], c["actor"]) for c in cells} >= {
        ("ask", "U.S. government"),
        ("reported", "Mexico"),
        ("commitment", "U.S. government"),
    }
    assert all("addressee" in c for c in cells)


def test_the_sides_layer_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, brief_tui.compare_sides, brief_tui.compare_sides_output\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_silent_pillar_says_so(capsys) -> None:
    assert main(["compare", "--pillar", "V", "--sides"]) == 0
    out = capsys.readouterr().out
    assert "- No advocacy or research document asks anything on Pillar V" in out
    assert "- No government commitment or reported action on Pillar V" in out
