"""Adding a saved web page: what a person reads afterwards, and what they are told when it fails."""

import json
from pathlib import Path

from brief_tui.cli import main
from brief_tui.corpus.formats import extract

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Restoring Aid to Central America | Policy Watch</title>
<meta name="author" content="Latin America Policy Office">
<meta property="og:site_name" content="Policy Watch">
<meta property="article:published_time" content="2021-06-17T10:00:00Z">
<script>window.analytics = "tracking";</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on
our site.</p><button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/donate">Donate now</a></li></ul></nav></header>
<main><article>
<h1>Restoring Aid to Central America</h1>
<p>The United States should <em>restore</em> assistance to civil society in
<a href="/hn">Honduras</a>, Guatemala and El Salvador.<br>Aid must reach local groups directly.</p>
<h2>Our asks</h2>
<p>We ask Congress to act on the following points without delay this year.</p>
<ol start="3">
<li>Fund the anti-corruption bodies.
  <ul><li>Support the prosecutors' offices.</li><li>Protect judges under threat.</li></ul>
</li>
<li>Expand access to asylum at the border.</li>
</ol>
<blockquote><p>Corruption is a driver of migration, not a side issue.</p></blockquote>
<h3>Funding by country</h3>
<table><thead><tr><th>Country</th><th>2020</th><th>2021</th></tr></thead>
<tbody><tr><td>Honduras</td><td>120</td><td>150</td></tr>
<tr><td>Guatemala</td><td>200</td><td>210</td></tr></tbody></table>
<p>These figures come from the State Department's own budget requests for those years.</p>
</article>
<div class="share-links"><a href="https://twitter.com/share">Share on Twitter</a>
<a href="https://facebook.com/share">Share on Facebook</a></div>
</main>
<footer><p>© 2021 Policy Watch. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

CHROME = ("cookies", "Home", "About us", "Donate", "Share on", "All rights reserved", "Privacy")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def passages(capsys, seed: str) -> list[dict]:
    code, out, _ = run(capsys, "passages", "--json")
    assert code == 0
    return [r for r in json.loads(out) if r["seed"] == seed]


def test_a_saved_web_page_becomes_its_main_content_in_sections(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    page = tmp_path / "aid.html"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run(capsys, "add", str(page))
    assert code == 0, err
    assert "Restoring Aid to Central America" in out
    mine = passages(capsys, "aid.html")
    assert {r["title"] for r in mine} == {"Restoring Aid to Central America"}
    texts = [r["text"] for r in mine]
    # The page title (its <h1>) names the document; it is not repeated as a passage.
    assert texts[0] == (
        "The United States should restore assistance to civil society in Honduras, "
        "Guatemala and El Salvador. Aid must reach local groups directly."
    )
    assert [r["section"] for r in mine if r["text"].startswith("Fund the")] == ["Our asks"]
    assert "Support the prosecutors' offices." in texts and "Protect judges under threat." in texts
    assert "Corruption is a driver of migration, not a side issue." in texts
    assert [t for t in texts if " | " in t] == [
        "Country | 2020 | 2021",
        "Honduras | 120 | 150",
        "Guatemala | 200 | 210",
    ]
    assert {r["section"] for r in mine if " | " in r["text"]} == {"Funding by country"}
    assert not [t for t in texts if any(word in t for word in CHROME)]
    assert "tracking" not in json.dumps(mine)
    content = next((isolated_data_dir / "library").glob("*.toml")).read_text(encoding="utf-8")
    assert 'marker = "3."' in content and 'marker = "4."' in content
    assert 'organisations = ["Latin America Policy Office"]' in content
    assert 'date = "2021-06-17"' in content and 'kind = "web page"' in content


def test_without_an_author_the_site_names_the_page_and_a_dateline_dates_it() -> None:
    page = PAGE.replace('<meta name="author" content="Latin America Policy Office">', "")
    page = page.replace(
        '<meta property="article:published_time" content="2021-06-17T10:00:00Z">', ""
    )
    page = page.replace(
        "<h1>Restoring Aid to Central America</h1>",
        "<h1>Restoring Aid to Central America</h1><p>Release Date: June 18, 2021</p>"
        "<p>Last Updated: 04/12/2023</p>",
    )
    extracted = extract(page.encode(), "aid.htm")
    assert extracted.meta.organisations == ("Policy Watch",)
    # "04/12/2023" is ambiguous (April or December): the printed dateline is used.
    assert extracted.meta.date == "2021-06-18"
    assert extracted.meta.kind == "web page" and extracted.structured


def test_a_page_trafilatura_flattens_is_read_from_its_own_markup_without_chrome() -> None:
    page = (
        "<html><head><title>Memo</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='cookie-notice'>We use cookies. Accept</div>"
        "<h1>Memo on asylum</h1><p>Expand access to asylum at the border now.</p>"
        "<ul><li>Restore the asylum system.</li><li>End the expulsions.</li></ul>"
        "<footer>© Policy Watch</footer></body></html>"
    )
    extracted = extract(page.encode(), "memo.html")
    assert [(b.kind, b.marker, b.text) for b in extracted.blocks] == [
        ("heading", "", "Memo on asylum"),
        ("paragraph", "", "Expand access to asylum at the border now."),
        ("item", "•", "Restore the asylum system."),
        ("item", "•", "End the expulsions."),
    ]


def test_a_page_with_no_text_is_refused_in_one_sentence_and_nothing_is_written(
    capsys, tmp_path: Path, isolated_data_dir: Path
) -> None:
    for name, markup in (
        ("blank.html", "<html><head><title>x</title></head><body> </body></html>"),
        (
            "app.htm",
            "<html><body><nav><a href='/'>Home</a></nav><div id='root'></div>"
            "<noscript>You need to enable JavaScript.</noscript><script>var a;</script></body></html>",
        ),
    ):
        page = tmp_path / name
        page.write_text(markup, encoding="utf-8")
        code, out, err = run(capsys, "add", str(page))
        assert code == 1 and out == ""
        assert err.startswith(f"brief-tui: {name} has no readable text") and err.count("\n") == 1
        assert ("JavaScript, which brief-tui does not run" in err) == (name == "app.htm")
    assert not isolated_data_dir.exists()


def test_a_real_capture_of_a_government_page_loses_its_banner_and_breadcrumbs() -> None:
    # Built from the chrome of a captured DHS press release (devset B6): the .gov banner,
    # breadcrumbs, a share block and "Last Updated" around the release itself.
    page = (
        "<html><head><title>DHS and State Announce Enhancements to the Central American Minors "
        "Program | Homeland Security</title></head><body>"
        "<section class='usa-banner'><p>An official website of the United States government</p>"
        "<p><strong>Official websites use .gov</strong><br>A .gov website belongs to an official "
        "government organization in the United States.</p><p><strong>Secure .gov websites use "
        "HTTPS</strong><br>A lock or https:// means you've safely connected to the .gov website."
        "</p></section><main><nav class='breadcrumb'><ol><li>Home</li><li>News</li>"
        "<li>Press Releases</li></ol></nav><article><h1>DHS and State Announce Enhancements to "
        "the Central American Minors Program</h1><p>Release Date: April 12, 2023</p>"
        "<p>WASHINGTON – The Department of Homeland Security (DHS) and the Department of State are "
        "announcing changes to enhance the Central American Minors (CAM) program. These changes "
        "build on continued efforts to provide alternatives to irregular migration.</p>"
        "<p>Enhancements announced today include the following for CAM applicants:</p><ul>"
        "<li>Applicants interviewed between August 2017 and January 2018 may reapply.</li>"
        "<li>Eligible relatives may now include legal guardians.</li></ul></article>"
        "<div class='social-share'><p>Share this page</p></div>"
        "<p>Last Updated: 04/12/2023</p></main></body></html>"
    )
    extracted = extract(page.encode(), "cam.html")
    texts = " ".join(b.text for b in extracted.blocks)
    assert "Applicants interviewed" in texts and "legal guardians" in texts
    for chrome in (".gov", "Press Releases", "Share this page", "Last Updated"):
        assert chrome not in texts
    assert extracted.meta.date == "2023-04-12"
    assert extracted.meta.title.startswith("DHS and State Announce")


def test_an_oddly_named_wrapper_holding_the_text_is_not_taken_for_chrome() -> None:
    page = (
        "<html><head><title>Memo</title></head><body><div class='page has-share-bar'>"
        "<h2>Protection at the border</h2><p>Expand access to asylum at ports of entry and "
        "restore the refugee programme for children from Honduras and Guatemala.</p>"
        "<h2>Security assistance</h2><p>Suspend assistance to police units accused of abuses "
        "until independent investigations have concluded.</p>"
        "<div class='share-buttons'><a href='#'>Share on Facebook</a></div></div></body></html>"
    )
    texts = [b.text for b in extract(page.encode(), "memo.html").blocks]
    assert "Protection at the border" in texts and "Security assistance" in texts
    assert not [t for t in texts if "Share on" in t]


def test_a_hostile_title_and_author_reach_the_library_without_escapes() -> None:
    hostile = "Restoring\x1b]0;pwned\x07 Aid to Central\x1b[2J America"
    page = PAGE.replace("Restoring Aid to Central America", hostile).replace(
        "Latin America Policy Office", "Policy\x1b[31m Office"
    )
    extracted = extract(page.encode(), "hostile.html")
    fields = [extracted.meta.title, *extracted.meta.organisations]
    fields += [b.text for b in extracted.blocks]
    assert not [f for f in fields if "\x1b" in f or "\x07" in f or "pwned" in f]
    assert extracted.meta.title == "Restoring Aid to Central America"
