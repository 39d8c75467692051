"""The web server: textual-serve, with our page, our access rules and a quiet console.

textual-serve starts one reader process per websocket (one per browser tab) and relays the
terminal between it and xterm.js in the page. What we change: every request passes the
`AccessPolicy`; the page is our template, which loads only this server's files; page and
websocket addresses are relative to the address the browser used (so a reader on a network
address works from other machines); open readers are closed when the server stops; the console
shows our own lines rather than a banner and log records.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from brief_tui.serve.access import AccessPolicy

log = logging.getLogger("brief_tui.serve")
TEMPLATES = Path(__file__).resolve().parent / "templates"

# The browser enforces what the template promises: scripts, styles, fonts and connections from
# this server only, and no framing by other sites (which could trick a person into typing into
# a reader). The page's own inline script and styles, and xterm.js's, need 'unsafe-inline'.
SECURITY_HEADERS = {
    "Content-Security-Policy": "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ReaderServer(Server):
    """textual-serve's `Server` with access checks, an offline page and clean shutdown."""

    def __init__(self, command: str, host: str, port: int, policy: AccessPolicy) -> None:
        super().__init__(command, host=host, port=port, title="brief-tui", templates_path=TEMPLATES)
        self.policy = policy
        self._sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()

    def initialize_logging(self) -> None:
        """Only problems reach the console, as plain lines (no banner, no request log)."""
        logging.basicConfig(level=logging.WARNING, format="brief-tui serve: %(message)s")

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.insert(0, self.policy.middleware())
        app.on_response_prepare.append(_add_security_headers)
        app.on_cleanup.append(_finalise_readers)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; `cli_serve` prints the address instead."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every open tab's websocket, which asks its reader to quit and waits for it."""
        sockets = list(self._sockets)
        await asyncio.gather(*(socket.close() for socket in sockets), return_exceptions=True)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with addresses built from the one the browser used."""
        scheme = "wss" if request.secure else "ws"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab: start its reader, relay keys and sizes to it until either side
        closes (textual-serve's handler, with the socket remembered for shutdown)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        self._sockets.add(websocket)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except (asyncio.CancelledError, ConnectionResetError):
            pass
        except Exception:
            log.exception("a reader's connection failed")
        finally:
            await service.stop()
            await websocket.close()
        return websocket


async def _finalise_readers(_app: web.Application) -> None:
    """Let the readers' finished subprocess transports be collected while the loop still
    runs: collected after it closed, each prints 'Event loop is closed' on the way out."""
    gc.collect()
    await asyncio.sleep(0)


def _quiet_after_close(unraisable: Any) -> None:
    """After the server stopped, a transport collected late has nothing to tell the user."""
    if isinstance(unraisable.exc_value, RuntimeError) and "Event loop is closed" in str(
        unraisable.exc_value
    ):
        return
    sys.__unraisablehook__(unraisable)


async def _add_security_headers(_request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)


def run(server: ReaderServer, announce: Callable[[], None]) -> None:
    """Serve until Ctrl+C or SIGTERM; `announce` runs once the port is bound.

    Raises OSError when the address cannot be bound (port in use, address not on this machine).
    """
    server.initialize_logging()
    web.run_app(
        server._make_app(),
        host=server.host,
        port=server.port,
        access_log=None,
        shutdown_timeout=5,
        # aiohttp calls `print` once, after every socket is listening: our cue to announce.
        print=lambda _message: announce(),
    )
    sys.unraisablehook = _quiet_after_close
