"""Adding an EPUB book: chapters in spine order, each a section, metadata from the package."""

import json
import zipfile
from pathlib import Path

from brief_tui.cli import main
from brief_tui.corpus.formats import extract

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1234</dc:identifier>
    <dc:title>Roots of Migration</dc:title>
    <dc:creator>Ana Morales</dc:creator>
    <dc:publisher>Central America Policy Institute</dc:publisher>
    <dc:date>2022-03-01</dc:date>
    <dc:language>en</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="images/cover.png" media-type="image/png"/>
    <item id="c2" href="text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c3" href="text/chapter3.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine>
    <itemref idref="nav"/>
    <itemref idref="c1"/>
    <itemref idref="c2"/>
    <itemref idref="c3" linear="no"/>
  </spine>
</package>"""

NAV = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<body><nav epub:type="toc"><h1>Contents</h1><ol>
<li><a href="text/chapter1.xhtml">Violence and Extortion</a></li>
<li><a href="text/chapter%202.xhtml#start">Corruption and <em>Impunity</em></a></li>
</ol></nav></body></html>"""

CHAPTER_1 = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter 1</title></head><body>
<h2>Violence and Extortion</h2>
<p>Gangs extort small businesses and bus drivers across Honduras and El Salvador.</p>
<h3>What donors should do</h3>
<ul><li>Fund violence prevention programmes run by municipalities.</li></ul>
</body></html>"""

CHAPTER_2 = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter 2</title></head><body>
<p class="lead">Impunity rates for homicide exceed ninety percent in Guatemala.</p>
<p>The closure of the CICIG left prosecutors without international support.</p>
</body></html>"""

CHAPTER_3 = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>A note outside the reading order.</p></body></html>"""


def write_book(path: Path, **replace: str) -> Path:
    files = {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": PACKAGE,
        "OEBPS/nav.xhtml": NAV,
        "OEBPS/text/chapter1.xhtml": CHAPTER_1,
        "OEBPS/text/chapter 2.xhtml": CHAPTER_2,
        "OEBPS/text/chapter3.xhtml": CHAPTER_3,
        "OEBPS/images/cover.png": "\x89PNG",
        **replace,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in files.items():
            if text:
                book.writestr(name, text)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_epub_is_read_chapter_by_chapter_in_spine_order(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    book = write_book(tmp_path / "roots.epub")
    code, out, err = run(capsys, "add", str(book))
    assert code == 0, err
    assert "Roots of Migration" in out
    code, out, _ = run(capsys, "passages", "--json")
    mine = [r for r in json.loads(out) if r["seed"] == "roots.epub"]
    assert {r["title"] for r in mine} == {"Roots of Migration"}
    sections = [(r["section"], r["text"]) for r in mine]
    assert sections == [
        ("Violence and Extortion", "Violence and Extortion"),
        (
            "Violence and Extortion",
            "Gangs extort small businesses and bus drivers across Honduras and El Salvador.",
        ),
        ("What donors should do", "What donors should do"),
        ("What donors should do", "Fund violence prevention programmes run by municipalities."),
        # Chapter 2 has no heading: the table of contents names it.
        (
            "Corruption and Impunity",
            "Impunity rates for homicide exceed ninety percent in Guatemala.",
        ),
        (
            "Corruption and Impunity",
            "The closure of the CICIG left prosecutors without international support.",
        ),
    ]
    content = next((isolated_data_dir / "library").glob("*.toml")).read_text(encoding="utf-8")
    assert 'organisations = ["Ana Morales", "Central America Policy Institute"]' in content
    assert 'date = "2022-03-01"' in content


def test_chapter_levels_and_a_chapter_without_any_title(tmp_path: Path) -> None:
    book = write_book(
        tmp_path / "b.epub",
        **{"OEBPS/nav.xhtml": NAV.replace("chapter%202.xhtml#start", "elsewhere.xhtml")},
    )
    extracted = extract(book.read_bytes(), "b.epub")
    with_blank = write_book(
        tmp_path / "c.epub",
        **{
            "OEBPS/nav.xhtml": NAV.replace("chapter%202.xhtml#start", "elsewhere.xhtml"),
            "OEBPS/content.opf": PACKAGE.replace(' linear="no"', ""),
            "OEBPS/text/chapter3.xhtml": " ",  # an empty file in the reading order is skipped
        },
    )
    assert extract(with_blank.read_bytes(), "c.epub").blocks == extracted.blocks
    headings = [(b.text, b.level, b.synthetic) for b in extracted.blocks if b.kind == "heading"]
    assert headings == [
        ("Violence and Extortion", 1, False),  # its <h2>, now the top of its section
        ("What donors should do", 2, False),
        ("Chapter 2", 1, True),
    ]
    assert extracted.meta.title == "Roots of Migration" and extracted.structured


def test_font_obfuscation_is_not_drm_but_encrypted_chapters_are(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    def encryption(algorithm: str) -> str:
        return (
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            f'<enc:EncryptionMethod Algorithm="{algorithm}"/><enc:CipherData>'
            '<enc:CipherReference URI="OEBPS/text/chapter1.xhtml"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>"
        )

    fonts = write_book(
        tmp_path / "fonts.epub",
        **{"META-INF/encryption.xml": encryption("http://www.idpf.org/2008/embedding")},
    )
    assert extract(fonts.read_bytes(), "fonts.epub").blocks
    locked = write_book(
        tmp_path / "locked.epub",
        **{"META-INF/encryption.xml": encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc")},
    )
    code, out, err = run(capsys, "add", str(locked))
    assert (code, out) == (1, "")
    assert err == (
        "brief-tui: locked.epub is protected by DRM (its text is encrypted), so brief-tui "
        "cannot read it.\n"
    )
    assert not isolated_data_dir.exists()


def test_damaged_books_are_refused_in_one_sentence(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    whole = write_book(tmp_path / "whole.epub").read_bytes()
    cases = {
        "cut.epub": (
            whole[:300],
            "cannot be opened as an EPUB book (the file is damaged or is not one)",
        ),
        "no-container.epub": (
            write_book(tmp_path / "x.epub", **{"META-INF/container.xml": ""}).read_bytes(),
            "the file is damaged: META-INF/container.xml is missing",
        ),
        "bad-package.epub": (
            write_book(tmp_path / "y.epub", **{"OEBPS/content.opf": "<package><oops"}).read_bytes(),
            "the file is damaged: OEBPS/content.opf is not valid XML",
        ),
        "empty.epub": (
            write_book(
                tmp_path / "z.epub",
                **{"OEBPS/text/chapter1.xhtml": "<html/>", "OEBPS/text/chapter 2.xhtml": "<html/>"},
            ).read_bytes(),
            "has no readable text",
        ),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "add", str(tmp_path / name))
        assert (code, out) == (1, ""), name
        assert err.startswith(f"brief-tui: {name} ") and expected in err, err
        assert err.count("\n") == 1
    assert not isolated_data_dir.exists()
