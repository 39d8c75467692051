"""`brief-tui add report.pdf`: what a person gets from a PDF, and the one line when it cannot be read.

Every PDF is written here with fpdf2 the way report software lays pages out (see
tests/pdfgen.py), then added through the command line and read back with
`brief-tui passages --json`, as a user would.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from brief_tui.cli import load_all, main
from brief_tui.corpus.model import Document
from pdfgen import Writer

TITLE = "Root Causes of Migration: Options for Congress"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def write_report(path: Path) -> Path:
    """A three-page, two-column CRS-style report with everything a reader must sort out."""
    w = Writer(
        header=TITLE,
        footer=lambda n: f"CRS-{n}",
        title=TITLE,
        author="Congressional Research Service",
    )
    w.title(TITLE)
    w.paragraph(
        "This report examines why people leave El Salvador, Guatemala and Honduras, and what "
        "the United States has done about it since 2014."
    )
    w.two_columns()
    w.heading("Background")
    w.paragraph(
        "Since 2014, Mexico has experienced periodic surges in unauthorized migra-\n"
        "tion from the Northern Triangle of Central America. Many of those arriving are "
        "families and unaccompanied children seeking asylum.{1} The numbers rose again in 2021."
    )
    w.paragraph(
        "Officials on both sides of the border describe the U.S.-\n"
        "Mexico relationship as a partnership. The administration sought multi-\n"
        "year funding for the region, and a multi-year plan was published in July."
    )
    w.subheading("Economic drivers")
    w.paragraph(
        "Poverty and a lack of jobs push many young people to leave. Remittances sent home "
        "make up a large share of national income in all three countries.{2}"
    )
    w.note(1, "Department of Homeland Security, Southwest Border Encounters, 2021.")
    w.note(2, "World Bank, Personal remittances received (% of GDP), 2020.")
    w.next_column()
    w.heading("Policy Options")
    w.paragraph("Congress could consider the following measures:")
    w.item(
        "\u2022",
        "Restore assistance to the region and condition it on measurable progress against corruption.",
    )
    w.item("\u2013", "Fund the anti-impunity commissions.", depth=1)
    w.item("\u2013", "Support independent prosecutors.", depth=1)
    w.item("\u2022", "Expand legal pathways, including temporary work visas.")
    w.paragraph("Two measures have been proposed in bills before the current Congress:")
    w.item("1.", "Reinstate the Central American Minors program.")
    w.item("2.", "Increase the number of immigration judges.")
    w.page_break()
    w.two_columns()
    w.heading("Security Assistance")
    for n in range(3):
        w.paragraph(
            f"Security programme {n + 1} trains police units and prosecutors to investigate "
            "extortion by gangs; evaluations found fewer homicides where it ran for more than "
            "two years, though results varied between municipalities."
        )
    w.next_column()
    w.heading("Governance")
    w.paragraph(
        "Anti-corruption efforts depend on independent attorneys general and courts, which "
        "have been weakened in several countries since 2019.{3}"
    )
    w.note(3, "See CRS Report R46000, Central America: Governance and Corruption.")
    w.one_column()
    w.table(
        [
            ["Country", "Aid 2020", "Aid 2021", "Change"],
            ["Guatemala", "$120m", "$150m", "+25%"],
            ["Honduras", "$90m", "$110m", "+22%"],
            ["El Salvador", "$70m", "$75m", "+7%"],
        ]
    )
    w.two_columns()
    w.paragraph("Left of the table's lower band: funding rose fastest in Guatemala.")
    w.next_column()
    w.paragraph("Right of the table's lower band: Honduras followed closely.")
    w.page_break()
    w.heading("Outlook")
    w.paragraph("Congress will revisit these programmes in the next appropriations cycle.")
    return w.save(path)


@pytest.fixture
def report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    """The report's passages as `brief-tui passages --json` gives them."""
    code, out, err = run(capsys, "add", str(write_report(tmp_path / "report.pdf")))
    assert code == 0, err
    assert f"Added “{TITLE}”" in out
    code, out, _ = run(capsys, "passages", "--json")
    return [r for r in json.loads(out) if r["seed"] == "report.pdf"]


def added(isolated_data_dir: Path) -> Document:
    return next(d for d in load_all(isolated_data_dir).documents if d.origin == "user")


def texts(records: list[dict[str, object]]) -> list[str]:
    return [str(r["text"]) for r in records]


def position(records: list[dict[str, object]], start: str) -> int:
    return next(i for i, r in enumerate(records) if str(r["text"]).startswith(start))


def test_two_columns_are_read_column_by_column(report: list[dict[str, object]]) -> None:
    order = [
        position(report, "Background"),
        position(report, "Since 2014, Mexico"),
        position(report, "Economic drivers"),
        position(report, "Poverty and a lack"),
        position(report, "Policy Options"),
        position(report, "Congress could consider"),
        position(report, "Security Assistance"),
        position(report, "Security programme 3"),
        position(report, "Governance"),
        position(report, "Anti-corruption efforts"),
        position(report, "Country | Aid 2020"),
        position(report, "Left of the table"),
        position(report, "Right of the table"),
        position(report, "Outlook"),
    ]
    assert order == sorted(order)


def test_passages_carry_the_page_they_start_on(report: list[dict[str, object]]) -> None:
    pages = {str(r["text"])[:20]: r["page"] for r in report}
    assert pages["Background"] == 1
    assert pages["Policy Options"] == 1
    assert pages["Security Assistance"] == 2
    assert pages["Guatemala | $120m | "] == 2
    assert pages["Outlook"] == 3
    assert all(isinstance(r["page"], int) and r["page"] >= 1 for r in report)


def test_running_headers_footers_and_page_numbers_are_removed(
    report: list[dict[str, object]],
) -> None:
    for text in texts(report):
        assert "CRS-" not in text
        assert TITLE not in text  # the running header repeats the title in small type


def test_lines_are_joined_and_hyphenation_undone(report: list[dict[str, object]]) -> None:
    joined = " ".join(texts(report))
    assert "unauthorized migration from the Northern Triangle" in joined
    assert "the U.S.-Mexico relationship" in joined  # a real hyphen before a capital
    assert "sought multi-year funding" in joined  # printed whole elsewhere: kept
    assert "migra-" not in joined and "migra tion" not in joined
    paragraph = next(t for t in texts(report) if t.startswith("Since 2014"))
    assert paragraph.endswith("The numbers rose again in 2021.")


def test_headings_have_levels_from_size_and_weight(
    report: list[dict[str, object]], isolated_data_dir: Path
) -> None:
    doc = added(isolated_data_dir)
    assert doc.title == TITLE
    levels = {s.title: s.level for s in doc.sections}
    assert levels["Background"] == levels["Policy Options"] == levels["Outlook"]
    assert levels["Economic drivers"] == levels["Background"] + 1  # bold at body size
    assert levels["Notes"] == levels["Background"]
    sections = [str(r["section"]) for r in report]
    assert sections[position(report, "Poverty and a lack")] == "Economic drivers"


def test_lists_keep_their_markers_and_nesting(
    report: list[dict[str, object]], isolated_data_dir: Path
) -> None:
    doc = added(isolated_data_dir)
    items = [
        (p.marker, p.text)
        for s in doc.sections
        if s.title == "Policy Options"
        for p in s.passages
        if p.kind == "item"
    ]
    assert items == [
        (
            "•",
            "Restore assistance to the region and condition it on measurable progress against corruption.",
        ),
        ("–", "Fund the anti-impunity commissions."),
        ("–", "Support independent prosecutors."),
        ("•", "Expand legal pathways, including temporary work visas."),
        ("1.", "Reinstate the Central American Minors program."),
        ("2.", "Increase the number of immigration judges."),
    ]


def test_footnotes_are_marked_in_the_text_and_kept_in_notes(
    report: list[dict[str, object]], isolated_data_dir: Path
) -> None:
    body = [r for r in report if r["section"] != "Notes"]
    joined = " ".join(texts(body))
    assert "seeking asylum.[1] The numbers" in joined
    assert "all three countries.[2]" in joined
    assert "since 2019.[3]" in joined
    assert "asylum.1" not in joined and "Department of Homeland Security" not in joined
    doc = added(isolated_data_dir)
    notes = next(s for s in doc.sections if s.title == "Notes")
    assert [(p.kind, p.marker, p.text, p.page) for p in notes.passages] == [
        ("item", "1.", "Department of Homeland Security, Southwest Border Encounters, 2021.", 1),
        ("item", "2.", "World Bank, Personal remittances received (% of GDP), 2020.", 1),
        ("item", "3.", "See CRS Report R46000, Central America: Governance and Corruption.", 2),
    ]
    assert doc.sections[-1] is notes


def test_table_rows_stay_readable(report: list[dict[str, object]]) -> None:
    rows = [t for t in texts(report) if " | " in t]
    assert rows == [
        "Country | Aid 2020 | Aid 2021 | Change",
        "Guatemala | $120m | $150m | +25%",
        "Honduras | $90m | $110m | +22%",
        "El Salvador | $70m | $75m | +7%",
    ]


def test_metadata_gives_title_organisation_and_date(
    report: list[dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", "--json")
    mine = next(d for d in json.loads(out) if d["title"] == TITLE)
    assert mine["organisations"] == ["Congressional Research Service"]
    assert mine["date"] == "2021-07-29"


def test_software_metadata_is_ignored_for_the_printed_title_and_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = Writer(title="Microsoft Word - draft3.docx", author="jsmith", created=datetime(1970, 1, 1))
    w.title("Strengthening Asylum Access in Mexico")
    w.paragraph("July 2021")
    w.paragraph("Asylum seekers face long waits for a first appointment with COMAR.")
    code, out, err = run(capsys, "add", str(w.save(tmp_path / "draft3.pdf")))
    assert code == 0, err
    code, out, _ = run(capsys, "list", "--json")
    mine = next(d for d in json.loads(out) if d["title"] == "Strengthening Asylum Access in Mexico")
    assert mine["organisations"] == [] and mine["date"] == "2021-07"
    code, out, _ = run(capsys, "passages", "--json")
    assert [r["text"] for r in json.loads(out) if r["seed"] == "draft3.pdf"] == [
        "Asylum seekers face long waits for a first appointment with COMAR."
    ]


def test_lone_page_numbers_go_even_on_a_single_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = Writer(footer=lambda n: f"Page {n} of 1", title="Joint Statement on Migration")
    w.title("Joint Statement on Migration")
    w.paragraph("We urge the administration to expand legal pathways for people fleeing violence.")
    code, _, err = run(capsys, "add", str(w.save(tmp_path / "statement.pdf")))
    assert code == 0, err
    code, out, _ = run(capsys, "passages", "--json")
    assert [r["text"] for r in json.loads(out) if r["seed"] == "statement.pdf"] == [
        "We urge the administration to expand legal pathways for people fleeing violence."
    ]


def test_a_pdf_that_only_restricts_editing_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = Writer(title="Asylum Caseload Projections")
    w.title("Asylum Caseload Projections")
    w.paragraph("Caseloads are projected to rise through 2022 in both countries.")
    w.pdf.set_encryption(owner_password="only-the-owner-may-edit")  # no password to open
    code, _, err = run(capsys, "add", str(w.save(tmp_path / "restricted.pdf")))
    assert code == 0, err
    code, out, _ = run(capsys, "passages", "--json")
    assert [r["text"] for r in json.loads(out) if r["seed"] == "restricted.pdf"] == [
        "Caseloads are projected to rise through 2022 in both countries."
    ]


def scanned(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("L", (850, 1100), 255)
    ImageDraw.Draw(image).rectangle((100, 100, 750, 140), fill=0)
    w = Writer()
    w.pdf.image(image, x=0, y=0, w=612, h=792)
    return w.save(tmp_path / "scan.pdf")


def encrypted(tmp_path: Path) -> Path:
    w = Writer()
    w.paragraph("Confidential: asylum caseload projections for 2022.")
    w.encrypt("secret")
    return w.save(tmp_path / "locked.pdf")


def truncated(tmp_path: Path) -> Path:
    whole = write_report(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def not_a_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"<html><body>This is a web page saved with the wrong name.</body></html>")
    return path


def blank(tmp_path: Path) -> Path:
    return Writer().save(tmp_path / "blank.pdf")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            scanned,
            "scan.pdf has no text layer (it looks scanned): run OCR on it first, for example with ocrmypdf, and add the result.",
        ),
        (
            encrypted,
            "locked.pdf is protected with a password: open it in a PDF reader, save a copy without the password, and add that.",
        ),
        (
            truncated,
            "cut.pdf is incomplete (the file stops before the end of the PDF): download or export it again.",
        ),
        (not_a_pdf, "notes.pdf is not a PDF (it does not start like one), or it is damaged."),
        (blank, "blank.pdf has no text to read: its pages are blank or drawn as shapes."),
    ],
)
def test_a_pdf_that_cannot_be_read_is_one_line_and_nothing_is_written(
    make, expected: str, tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "add", str(make(tmp_path)))
    assert code == 1
    assert out == ""
    assert err == f"brief-tui: {expected}\n"
    written = (
        [p for p in isolated_data_dir.rglob("*") if p.is_file()]
        if isolated_data_dir.exists()
        else []
    )
    assert written == []
