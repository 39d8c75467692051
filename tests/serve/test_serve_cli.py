"""`brief-tui serve` as a person runs it: refusals in one sentence, an offline page, the
access rules on every route, and Ctrl+C that stops it cleanly with readers open."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pexpect
import pytest
from tests.served import BRIEF_TUI, Served, free_port, start_server

TOKEN = "a-long-random-token"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BRIEF_TUI), *args],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


def one_sentence(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("brief-tui: ") and lines[0].endswith(".")
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture
def served(isolated_data_dir: Path) -> Iterator[Served]:
    server = start_server(isolated_data_dir)
    yield server
    server.stop()


@pytest.fixture
def served_with_token(isolated_data_dir: Path) -> Iterator[Served]:
    server = start_server(isolated_data_dir, "--token", TOKEN)
    yield server
    server.stop()


async def status(url: str, **headers: str) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        return response.status


async def websocket_status(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as socket_:
                await socket_.close()
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


# Refusals ----------------------------------------------------------------------------------


def test_a_network_address_needs_a_token(isolated_data_dir: Path) -> None:
    result = run("serve", "--host", "0.0.0.0", "--data-dir", str(isolated_data_dir))
    assert result.returncode == 2
    assert "without --token" in one_sentence(result.stderr)


def test_a_port_in_use_is_said_in_one_sentence(isolated_data_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--port", str(port), "--data-dir", str(isolated_data_dir))
    assert result.returncode == 1
    assert "the port is in use" in one_sentence(result.stderr)


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a directory")
    result = run("serve", "--port", str(free_port()), "--data-dir", str(file))
    assert result.returncode == 2
    assert "it is not a directory" in one_sentence(result.stderr)


def test_an_empty_token_is_refused(isolated_data_dir: Path) -> None:
    result = run("serve", "--token", "", "--data-dir", str(isolated_data_dir))
    assert result.returncode == 2
    assert "--token cannot be empty" in one_sentence(result.stderr)


# The page ----------------------------------------------------------------------------------


async def test_the_page_loads_nothing_from_another_host(served: Served) -> None:
    async with aiohttp.ClientSession() as session, session.get(served.url) as response:
        html = await response.text()
    assert response.status == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "fonts.googleapis" not in html
    hosts = set(re.findall(r"(?:https?|wss?)://([^/\"'\s:]+)", html))
    assert hosts <= {"127.0.0.1"}, hosts
    assets = re.findall(r'(?:href|src|url)\(?="?([^"\s)]+)', html)
    assert "/static/js/textual.js" in assets
    assert "/static/fonts/RobotoMono-VariableFont_wght.ttf" in html
    for asset in ("/static/js/textual.js", "/static/css/xterm.css"):
        assert await status(served.url.rstrip("/") + asset) == 200
    assert await status(served.url + "static/fonts/RobotoMono-VariableFont_wght.ttf") == 200


async def test_a_page_from_another_site_cannot_drive_a_reader(served: Served) -> None:
    ws = served.url.replace("http", "ws") + "ws"
    assert await websocket_status(ws, Origin="http://evil.example") == 403
    # A name rebound to 127.0.0.1 by another site is not this machine's name.
    assert await status(served.url, Host="evil.example") == 403


async def test_the_token_is_checked_on_every_route(served_with_token: Served) -> None:
    url = served_with_token.url
    for path in ("", "static/js/textual.js", "ws"):
        assert await status(url + path) == 403
        assert await status(f"{url}{path}?token=wrong") == 403
    assert await status(f"{url}?token={TOKEN}") == 303  # swapped for a cookie
    assert await websocket_status(f"{url.replace('http', 'ws')}ws?token={TOKEN}") == 101


def test_the_printed_link_carries_the_token(served_with_token: Served) -> None:
    assert f"?token={TOKEN}" in served_with_token.first_lines[0]


# Stopping ----------------------------------------------------------------------------------


async def test_ctrl_c_stops_it_cleanly_with_a_reader_open(isolated_data_dir: Path) -> None:
    port = free_port()
    child = pexpect.spawn(
        str(BRIEF_TUI),
        ["serve", "--port", str(port), "--data-dir", str(isolated_data_dir)],
        encoding="utf-8",
        timeout=30,
    )
    try:
        child.expect("Press Ctrl\\+C to stop")
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(f"ws://127.0.0.1:{port}/ws") as tab,
        ):
            await tab.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
            drawn = 0
            while drawn < 5000:
                message = await asyncio.wait_for(tab.receive(), 20)
                if message.type != aiohttp.WSMsgType.BINARY:
                    break
                drawn += len(message.data)
            assert drawn >= 5000  # the reader is on screen
            child.sendcontrol("c")  # Ctrl+C in the terminal: the whole foreground group
            while (await asyncio.wait_for(tab.receive(), 20)).type in (
                aiohttp.WSMsgType.BINARY,
                aiohttp.WSMsgType.TEXT,
            ):
                pass
        child.expect(pexpect.EOF)
        assert child.before.strip().endswith("Stopped.")
        assert "Traceback" not in child.before
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
