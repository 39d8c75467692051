"""Adding a Word document: headings, lists and bold lead-ins as a person reads them."""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx

from brief_tui.cli import main
from brief_tui.corpus.formats import extract


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def write_memo(path: Path, *, author: str = "Latin America Working Group") -> Path:
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Protecting Families at the Border"
    properties.author = author
    properties.created = dt.datetime(2021, 7, 14, 9, 30, tzinfo=dt.UTC)
    properties.modified = dt.datetime(2023, 1, 2, tzinfo=dt.UTC)
    document.add_paragraph("Protecting Families at the Border", style="Title")
    document.add_paragraph(
        "This memo sets out what the administration and Congress should do for families "
        "arriving from Central America."
    )
    document.add_heading("Recommendations", level=1)
    lead = document.add_paragraph()
    lead.add_run("Recommendation 1.").bold = True
    lead.add_run(" Expand access to asylum at ports of entry.")
    document.add_heading("Funding", level=2)
    document.add_paragraph("Fund legal services for children.", style="List Number")
    document.add_paragraph("Fund shelters in Guatemala.", style="List Number")
    document.add_paragraph("Protect judges under threat.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {
        (0, 0): "Programme",
        (0, 1): "Budget",
        (1, 0): "Legal services",
        (1, 1): "$20 million",
    }.items():
        table.cell(row, column).text = text
    document.save(path)
    return path


def test_a_word_document_is_read_with_its_headings_lists_and_properties(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    memo = write_memo(tmp_path / "memo.docx")
    code, out, err = run(capsys, "add", str(memo))
    assert code == 0, err
    assert "Protecting Families at the Border" in out
    code, out, _ = run(capsys, "passages", "--json")
    mine = [r for r in json.loads(out) if r["seed"] == "memo.docx"]
    assert {r["title"] for r in mine} == {"Protecting Families at the Border"}
    by_text = {r["text"]: r for r in mine}
    # The Title paragraph names the document and is not repeated as a passage.
    assert "Protecting Families at the Border" not in by_text
    lead = by_text["Recommendation 1. Expand access to asylum at ports of entry."]
    assert lead["section"] == "Recommendations" and lead["pillars"] == ["P"]
    assert by_text["Fund shelters in Guatemala."]["section"] == "Funding"
    assert "Programme | Budget" in by_text and "Legal services | $20 million" in by_text
    content = next((isolated_data_dir / "library").glob("*.toml")).read_text(encoding="utf-8")
    assert 'organisations = ["Latin America Working Group"]' in content
    assert 'date = "2021-07-14"' in content  # created, not the later modified date
    assert 'marker = "1."' in content and 'marker = "2."' in content and 'marker = "•"' in content


def test_a_placeholder_author_is_not_an_organisation(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "memo.docx", author="python-docx")
    extracted = extract(memo.read_bytes(), "memo.docx")
    assert extracted.meta.organisations == ()
    assert extracted.meta.title == "Protecting Families at the Border"
    headings = [(b.text, b.level) for b in extracted.blocks if b.kind == "heading"]
    assert headings == [
        ("Protecting Families at the Border", 1),
        ("Recommendations", 1),
        ("Funding", 2),
    ]


def test_damaged_and_protected_word_files_are_refused_in_one_sentence(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    whole = write_memo(tmp_path / "whole.docx").read_bytes()
    no_body = io.BytesIO()
    with zipfile.ZipFile(no_body, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    cases = {
        "truncated.docx": (whole[: len(whole) // 2], "cannot be opened as a Word document"),
        "text.docx": (b"Just some text, renamed.", "cannot be opened as a Word document"),
        "locked.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
            "is password-protected or an old-style Word (.doc) file",
        ),
        "hollow.docx": (no_body.getvalue(), "it has no document text"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "add", str(tmp_path / name))
        assert code == 1 and out == "", name
        assert err.startswith(f"brief-tui: {name} ") and expected in err, err
        assert err.count("\n") == 1 and err.rstrip().endswith(".")
    assert not isolated_data_dir.exists()
