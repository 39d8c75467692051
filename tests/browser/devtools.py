"""A small DevTools-protocol client: headless Chromium, tabs, keys, screenshots, and the
terminal each tab shows.

The page draws the reader with xterm.js on a canvas, so its text is not in the DOM. Each tab
records the terminal output its websocket receives (Network events) and plays it into a pyte
screen the size the page asked for: the characters xterm.js draws. Every URL the tab
requests is kept, so tests can assert that nothing left the machine.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import pyte

WAIT = 20.0  # seconds for something to appear in a tab

# Keys as DevTools key events: (key, code, virtual key code, text, modifiers).
SPECIAL_KEYS: dict[str, tuple[str, str, int, str, int]] = {
    "enter": ("Enter", "Enter", 13, "\r", 0),
    "escape": ("Escape", "Escape", 27, "", 0),
    "down": ("ArrowDown", "ArrowDown", 40, "", 0),
    "home": ("Home", "Home", 36, "", 0),
    "ctrl+s": ("s", "KeyS", 83, "", 2),
}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium and its browser-level DevTools connection."""

    def __init__(self, executable: str, profile: Path) -> None:
        self.executable = executable
        self.profile = profile
        self.process: subprocess.Popen[bytes] | None = None
        self._http: aiohttp.ClientSession | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._next_id = 0
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._tabs: dict[str, Tab] = {}
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> Browser:
        self.profile.mkdir(parents=True, exist_ok=True)
        args = [
            self.executable,
            "--headless=new",
            "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-gpu",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--window-size=1280,800",
            "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with a sandbox
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = await self._debugger_url()
        self._http = aiohttp.ClientSession()
        self._socket = await self._http.ws_connect(url, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        return self

    async def _debugger_url(self) -> str:
        """Chromium writes its port and browser path into the profile once it listens."""
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if port_file.exists():
                lines = port_file.read_text().split()
                if len(lines) >= 2:
                    return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"Chromium exited with status {self.process.returncode}")
            await asyncio.sleep(0.1)
        raise TimeoutError("Chromium did not open its DevTools port")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self._socket is not None:
            await self._socket.close()
        if self._http is not None:
            await self._http.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    async def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        assert self._socket is not None
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[self._next_id] = future
        await self._socket.send_str(json.dumps(message))
        reply = await asyncio.wait_for(future, WAIT)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    async def _read(self) -> None:
        assert self._socket is not None
        async for message in self._socket:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(message.data)
            if "id" in data:
                future = self._pending.pop(data["id"], None)
                if future is not None and not future.done():
                    future.set_result(data)
            elif data.get("sessionId") in self._tabs:
                self._tabs[data["sessionId"]].on_event(data["method"], data.get("params", {}))

    async def new_tab(self) -> Tab:
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        tab = Tab(self, attached["sessionId"])
        self._tabs[tab.session] = tab
        for domain in ("Page.enable", "Network.enable", "Runtime.enable", "Log.enable"):
            await tab.send(domain)
        return tab


class Tab:
    """One page: what it requested, the status of its documents, and its terminal."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        self.requests: list[str] = []
        self.statuses: dict[str, int] = {}
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.received = 0
        self.errors: list[str] = []  # console errors, refused loads, uncaught exceptions

    async def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return await self.browser.send(method, params, self.session)

    def on_event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Network.webSocketCreated":
            self.requests.append(params["url"])
        elif method == "Network.responseReceived":
            response = params["response"]
            self.statuses[response["url"]] = response["status"]
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(params["entry"]["text"])
        elif method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Network.webSocketFrameSent":
            self._on_sent(params["response"]["payloadData"])
        elif method == "Network.webSocketFrameReceived":
            frame = params["response"]
            if frame["opcode"] == 2:  # binary: terminal output
                data = base64.b64decode(frame["payloadData"])
                self.received += len(data)
                self.stream.feed(data)

    def _on_sent(self, payload: str) -> None:
        with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
            kind, data = json.loads(payload)[:2]
            if kind == "resize":
                self.screen.resize(data["height"], data["width"])

    # Navigation and page state -----------------------------------------------------------

    async def open(self, url: str) -> None:
        await self.send("Page.navigate", {"url": url})

    async def evaluate(self, expression: str) -> Any:
        reply = await self.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}
        )
        return reply.get("result", {}).get("value")

    async def body_text(self) -> str:
        return str(await self.evaluate("document.body ? document.body.innerText : ''"))

    async def screenshot(self, path: Path) -> bytes:
        reply = await self.send("Page.captureScreenshot", {"format": "png"})
        data = base64.b64decode(reply["data"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data

    # The terminal ---------------------------------------------------------------------------

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def wait_until(self, condition: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if condition(self.text()):
                return self.text()
            await asyncio.sleep(0.1)
        raise AssertionError(f"the page never showed {what}; it shows:\n{self.text()}")

    async def wait_for(self, *texts: str) -> str:
        return await self.wait_until(lambda s: all(t in s for t in texts), repr(texts))

    async def focus_terminal(self) -> None:
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")

    async def press(self, *keys: str) -> None:
        """Each key as a person would type it: a special key's name, or one character."""
        for key in keys:
            if key in SPECIAL_KEYS:
                name, code, vk, text, modifiers = SPECIAL_KEYS[key]
                down = {"key": name, "code": code, "windowsVirtualKeyCode": vk}
                down["modifiers"] = modifiers
                if text:
                    down["text"] = text
                await self.send("Input.dispatchKeyEvent", {"type": "keyDown", **down})
                await self.send("Input.dispatchKeyEvent", {"type": "keyUp", **down})
            else:
                await self.type(key)

    async def type(self, text: str) -> None:
        for char in text:
            event = {"key": char, "text": char, "unmodifiedText": char}
            await self.send("Input.dispatchKeyEvent", {"type": "keyDown", **event})
            await self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
