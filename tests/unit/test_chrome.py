"""Page chrome is recognised by the kind of line it is, and ordinary text never is."""

import pytest

from brief_tui.corpus.boilerplate import strip_boilerplate
from brief_tui.corpus.chrome import chrome_reason, table_rows
from brief_tui.corpus.segment import Block


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to navigation", "skip link"),
        ("Jump To:", "skip link"),
        ("Programs | Regions | Publications | Donate", "menu or breadcrumb"),
        ("Home > Newsroom > Speeches > A Speech on Harvests", "menu or breadcrumb"),
        ("Español | English", "widget"),
        ("Tweet  Email  Print", "widget"),
        ("Contact Us", "widget"),
        ("57 comments", "widget"),
        ("Was this page helpful? Yes No", "widget"),
        ("© 2019 Lakeside Refugee Network. All rights reserved.", "copyright line"),
        ("We use cookies to improve this site. Accept or manage your settings.", "cookie notice"),
        ("Please verify you are a human before continuing.", "verification notice"),
        ("Official websites use .gov", "official website banner"),
        ("Subscribe to the Tuesday digest", "sign-up line"),
        ("Get our weekly briefing in your inbox.", "sign-up line"),
        ("For Immediate Release", "press office line"),
        ("Media contacts:", "press office line"),
        ("The following is attributable to the Deputy Spokesperson:", "press office line"),
        ("###", "press office line"),
        ("Photo: Volunteers sort donated clothing at a shelter.", "caption or credit"),
        ("Families queue for water in Choloma. (AP Photo/R. Diaz)", "caption or credit"),
        ("Source: Ministry figures. Adapted by the author.", "caption or credit"),
        ("By Teresa Ocampo and Luis Bran", "byline"),
        ("Tags: Asylum, Courts, Mexico", "field line"),
        ("Location: San Salvador", "field line"),
        ("Last updated: 9 August 2022", "dateline"),
        ("Posted on Nov. 3, 2021 at 10:00 am", "dateline"),
        ("NOV 3, 2021 | Op-ed", "dateline"),
        ("https://www.example.org/reports/harvest-2022", "address of a web page"),
        ("R47125", "report number"),
        ("Second:", "enumerator"),
        ("Download the full report (PDF)", "download or print link"),
        ("Related stories", "links to other pages"),
        ("Read more:", "links to other pages"),
        ("Your gift helps families reach safety.", "donation appeal"),
        ("Inicio › Sala de prensa › 2024", "menu or breadcrumb"),
        ("Listen (6 min)", "widget"),
        ("▶ Watch the video (1:28:40)", "widget"),
        ("Gift this article", "widget"),
        ("The opinions expressed in this column are the author's own.", "disclaimer"),
        ("Comunicados relacionados / Related press releases", "links to other pages"),
        ("Signatory organizations:", "list of signatories"),
        ("Organizaciones firmantes", "list of signatories"),
        ("[10:14]", "transcript timing or stage direction"),
        ("(Laughter.)", "transcript timing or stage direction"),
        ("Uncorrected transcript: may contain errors.", "transcript notice"),
        ("END OF EXCERPT", "transcript notice"),
        ("Comunicado No. 318", "document number"),
        ("Situation Report No. 27", "document number"),
        ("Begin text:", "press office line"),
        ("For further information, please contact:", "press office line"),
        (
            "VerDate Mar 15 2010  09:12 Feb 02, 2023  Jkt 012345  PO 00000  Frm 00004",
            "printer's furniture",
        ),
        ("[GRAPHIC] [TIFF OMITTED] T1234.005", "printer's furniture"),
        ("==========================================", "printer's furniture"),
        ("[The prepared statement of Mr. Ochoa follows:]", "editorial note"),
        ("Printed for the use of the Committee on Foreign Affairs", "publication note"),
        ("Suggested citation: Ruiz, A. (2023). Harvests and Departures.", "publication note"),
        ("This story has been updated to correct the number of flights.", "publication note"),
        ("(Unofficial translation from the Spanish original)", "translation note"),
        (
            "This report was prepared under the Institute's open access policy.",
            "publication note",
        ),
    ],
)
def test_a_kind_of_chrome_is_named(line: str, kind: str) -> None:
    assert chrome_reason(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share of remittances in household income rose to 40 percent.",
        "The bill expands tax credits: families with children would receive more.",
        "Subscribing states to the regional compact would require a treaty vote in each congress.",
        "Honduras: Protect Journalists Under Threat",
        "By 2030, the region will need twice as many inspectors.",
        "Official statistics undercount returnees.",
        "About the Authors",
        "Our Work in the Dry Corridor",
        "COVID-19",
        "In May 2021, the ministry opened four new offices.",
        "The U.S. government should fund legal aid, shelters and courts.",
        "Crossings rose > 20 percent in the spring, and shelters filled.",
        "Law No. 45 of 2019 created the anti-corruption court in the capital.",
        "The transcript of the hearing shows the minister did not answer.",
        "Translation services remain scarce in the asylum courts.",
        "The minister spoke for 40 minutes about wages in the maquilas.",
        "Signatories to the compact must report on returns every year.",
        "The statement of the minister follows the model of last year's accord.",
        "Printed ballots arrived late in three departments.",
        "This report is the first to count returns by municipality.",
    ],
)
def test_text_is_not_chrome(line: str) -> None:
    assert chrome_reason(line) == ""


def test_rows_of_a_table_are_never_a_menu() -> None:
    rows = [
        Block("paragraph", "Crossings fell in the spring."),
        Block("paragraph", "Country | Spring | Summer"),
        Block("paragraph", "Belize | 12 | 14"),
        Block("paragraph", "Figures are rounded to the nearest thousand."),
        Block("paragraph", "Home | Team | Contact"),
    ]
    assert table_rows(rows) == {1, 2}
    kept = [b.text for b in strip_boilerplate(rows).blocks]
    assert "Country | Spring | Summer" in kept and "Home | Team | Contact" not in kept


def test_a_credit_or_appeal_closing_a_paragraph_goes_and_the_paragraph_stays() -> None:
    blocks = [
        Block(
            "paragraph",
            "Inspectors visited forty farms in the first month of the season. "
            "Credit: Ministry of Labour.",
        ),
        Block(
            "paragraph",
            "Our new survey covers every border town in the region. Sign up for updates.",
        ),
        Block(
            "paragraph",
            "The views expressed here do not necessarily reflect those of the funders.",
        ),
    ]
    assert [b.text for b in strip_boilerplate(blocks).blocks] == [
        "Inspectors visited forty farms in the first month of the season.",
        "Our new survey covers every border town in the region.",
    ]
