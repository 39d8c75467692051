"""Who may use a served reader: the token, the cookie that carries it, and where requests
come from.

Anyone who reaches the server can read the library and write notes, so every request is
checked here before textual-serve sees it. Without a token the server only listens on this
machine, and the Host header must name this machine (a web page that rebinds its own name to
127.0.0.1 cannot talk to it). With a token, the first link carries it (`?token=…`); the server
swaps it for an HttpOnly, SameSite=Strict cookie and sends the browser to the same address
without it. The websocket that drives a reader must come from a page this server served
(Origin), so another site open in the same browser cannot type into it.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Middleware

LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})
WEBSOCKET_PATH = "/ws"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response times do not reveal how much of a guess is right."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def host_name(host_header: str) -> str:
    """The name in a Host header, without the port: `[::1]:8000` -> `::1`."""
    return urlsplit(f"//{host_header}").hostname or ""


def origin_allowed(origin: str | None, host_header: str) -> bool:
    """A websocket may come from a non-browser client (no Origin) or from our own page."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.lower()


@dataclass(frozen=True)
class AccessPolicy:
    """The rules for one server: its token (None on loopback without one) and its port."""

    token: str | None
    port: int
    loopback_only: bool

    @property
    def cookie_name(self) -> str:
        # Cookies ignore ports: one name per port keeps two servers on one machine apart.
        return f"brief_tui_token_{self.port}"

    def refusal(self, request: web.Request) -> str | None:
        """Why `request` is refused, in one sentence, or None when it may proceed."""
        if self.loopback_only and not is_loopback(host_name(request.host)):
            return "This reader only answers to addresses of this machine (localhost, 127.0.0.1)."
        if self.token is not None:
            given = request.query.get("token") or request.cookies.get(self.cookie_name)
            if not token_matches(given, self.token):
                return "This reader needs the link with its token, as printed when it started."
        if request.path == WEBSOCKET_PATH and not origin_allowed(
            request.headers.get("Origin"), request.host
        ):
            return "This reader only accepts connections from its own page."
        return None

    def middleware(self) -> Middleware:
        """An aiohttp middleware enforcing this policy on every route."""

        @web.middleware
        async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
            reason = self.refusal(request)
            if reason is not None:
                return web.Response(status=403, text=f"403 Forbidden: {reason}\n")
            if (
                self.token is not None
                and "token" in request.query
                and request.path != WEBSOCKET_PATH
            ):
                return self._swap_token_for_cookie(request)
            return await handler(request)

        return check

    def _swap_token_for_cookie(self, request: web.Request) -> web.StreamResponse:
        """Keep the token out of the address bar and history: cookie, then the same URL."""
        query = request.rel_url.query.copy()
        del query["token"]
        response = web.Response(
            status=303, headers={"Location": str(request.rel_url.with_query(query))}
        )
        assert self.token is not None
        response.set_cookie(
            self.cookie_name, self.token, httponly=True, samesite="Strict", path="/"
        )
        response.headers["Cache-Control"] = "no-store"
        return response
