"""The served reader in a real browser: it draws, takes keys, keeps notes from two tabs,
loads nothing from other hosts, and keeps out a browser without the token."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from devtools import Browser, Tab
from tests.served import Served

from brief_tui.notes.store import NoteStore

pytestmark = pytest.mark.browser

FIRST_TITLE = "Only a Rethinking of U.S. Foreign Policy"  # the first card in the library
LAST_TITLE = "Central America Trips Shed Light"
TOKEN = "correct-horse-battery-staple"


async def open_reader(browser: Browser, url: str) -> Tab:
    tab = await browser.new_tab()
    await tab.open(url)
    await tab.wait_for(FIRST_TITLE, LAST_TITLE)
    await tab.focus_terminal()
    return tab


def hosts(tab: Tab) -> set[str]:
    return {urlsplit(url).hostname or "" for url in tab.requests if not url.startswith("data:")}


async def test_the_reader_draws_and_takes_keys_in_a_browser(
    serve: Callable[..., Served], browser: Browser, artifacts: Path
) -> None:
    served = serve()
    tab = await open_reader(browser, served.url)
    assert await tab.evaluate("document.body.classList.contains('-first-byte')")

    await tab.press("enter")  # open the first briefing
    await tab.wait_for("Passage 1 of")
    await tab.press("/")
    await tab.wait_for("Search")
    await tab.type("corruption")
    await tab.wait_for("corruption")
    await tab.press("enter")  # open the first result in its briefing
    await tab.wait_for("hit 1 of")
    await tab.press("h")
    await tab.wait_for("Highlight as")
    await tab.press("3")
    await tab.wait_for("Highlighted as disagree")

    png = await tab.screenshot(artifacts / "serve-reader.png")
    assert png.startswith(b"\x89PNG") and len(png) > 10_000  # a drawn page, not a blank one
    assert hosts(tab) == {"127.0.0.1"}, f"the page reached other hosts: {tab.requests}"
    assert any(url.endswith("/fonts/RobotoMono-VariableFont_wght.ttf") for url in tab.requests)
    assert tab.errors == []  # nothing refused by the page's content security policy

    status, out, err = served.stop()
    assert (status, out.splitlines()[-1]) == (0, "Stopped."), (out, err)
    assert "Traceback" not in err


async def write_note(tab: Tab, moves: int, note: str) -> None:
    """Open the first briefing, go to passage `moves + 1`, highlight, open the note editor."""
    await tab.press("enter")
    await tab.wait_for("Passage ")
    await tab.press("home")  # the briefing reopens where the other tab left it
    await tab.wait_for("Passage 1 of")
    for _ in range(moves):
        await tab.press("j")
    await tab.wait_for(f"Passage {moves + 1} of")
    await tab.press("h")
    await tab.wait_for("Highlight as")
    await tab.press("1")
    await tab.wait_for("Highlighted as")
    await tab.press("a")
    await tab.wait_for("^s saves")
    await tab.type(note)


async def test_two_tabs_are_two_readers_whose_notes_are_both_kept(
    serve: Callable[..., Served], browser: Browser
) -> None:
    served = serve()
    first = await open_reader(browser, served.url)
    second = await open_reader(browser, served.url)
    await write_note(first, 1, "Note from the first tab.")
    await write_note(second, 2, "Note from the second tab.")
    for tab in (first, second):  # both editors were open at once; now both save
        await tab.focus_terminal()
        await tab.press("ctrl+s")
        await tab.wait_for("Note saved")

    with NoteStore.open(served.data_dir / "notes.sqlite3") as store:
        notes = sorted(h.note for h in store.highlights())
    assert notes == ["Note from the first tab.", "Note from the second tab."]
    assert hosts(first) == hosts(second) == {"127.0.0.1"}


async def test_without_the_token_the_page_is_forbidden(
    serve: Callable[..., Served], browser: Browser
) -> None:
    served = serve("--token", TOKEN)
    tab = await browser.new_tab()
    for url in (served.url, f"{served.url}?token=wrong-guess"):
        await tab.open(url)
        await tab.wait_until(lambda _, url=url: url in tab.statuses, f"a response for {url}")
        assert tab.statuses[url] == 403
    # The status arrives before the page's text is in the document: wait for the text.
    for _ in range(50):
        if "needs the link with its token" in await tab.body_text():
            break
        await asyncio.sleep(0.1)
    assert "needs the link with its token" in await tab.body_text()
    assert tab.received == 0  # no reader was started

    await tab.open(f"{served.url}?token={TOKEN}")
    await tab.wait_for(FIRST_TITLE)
    assert await tab.evaluate("location.href") == served.url  # the token left the address bar
    cookies = (await tab.send("Network.getCookies", {"urls": [served.url]}))["cookies"]
    assert [(c["value"], c["httpOnly"], c["sameSite"]) for c in cookies] == [
        (TOKEN, True, "Strict")
    ]
