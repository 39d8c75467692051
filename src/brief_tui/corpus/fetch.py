"""Fetching a document from a web address, with one sentence for everything that can go wrong.

Only http and https are fetched, and only documents of a kind brief-tui reads (the media types
in the format registry; a PDF once its format is registered). The type is checked before the
body is read, the body is read up to a limit and no further, and the whole exchange has a
deadline, so a slow or endless server cannot hold the reader. Standard library only.
"""

from __future__ import annotations

import codecs
import contextlib
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, replace
from http import HTTPStatus
from urllib.parse import urlsplit

from brief_tui import __version__
from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.formats import registry
from brief_tui.corpus.formats.registry import Extracted, format_for, format_for_media_type
from brief_tui.corpus.sanitize import safe_line

MAX_FETCH_BYTES = 32 * 1024 * 1024
TIMEOUT = 20.0
_CHUNK = 64 * 1024
_USER_AGENT = f"brief-tui/{__version__} (terminal reader for policy briefings)"


@dataclass(frozen=True)
class Fetched:
    data: bytes
    media_type: str  # the base type, lower case: "text/html"
    final_url: str  # after redirects
    charset: str | None = None  # as the server declared it


def extract_url(
    url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_FETCH_BYTES
) -> Extracted:
    """Fetch `url` and read it in the format its media type says; the URL is its citation."""
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    source_format = format_for_media_type(fetched.media_type)
    if source_format is None:  # fetch only returns readable types; kept for type checkers
        raise SourceError(_unreadable(safe_line(url), fetched.media_type))
    extracted = source_format.read(document_bytes(fetched), fetched.final_url)
    return replace(extracted, meta=replace(extracted.meta, source=fetched.final_url))


def document_bytes(fetched: Fetched) -> bytes:
    """The fetched bytes as a file would hold them: text the server declared in a charset is
    re-encoded as UTF-8 with a byte-order mark, since the server outranks the page's <meta>."""
    data = fetched.data
    textual = fetched.media_type.startswith("text/") or fetched.media_type.endswith("+xml")
    unmarked = not data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff"))
    if textual and unmarked and fetched.charset:
        with contextlib.suppress(LookupError):
            data = codecs.BOM_UTF8 + data.decode(fetched.charset, errors="replace").encode()
    return data


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_FETCH_BYTES) -> Fetched:
    """The document at `url`, or `SourceError` with one sentence saying why not."""
    shown = safe_line(url)
    _check_url(url, shown)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": _USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            media_type, charset = _content_type(response.headers.get("Content-Type", ""))
            if media_type in ("", "application/octet-stream"):
                media_type = _guess_type(final_url)
            if media_type and format_for_media_type(media_type) is None:
                raise SourceError(_unreadable(shown, media_type))
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise SourceError(_too_large(shown, max_bytes))
            data = _read(response, shown, max_bytes, deadline, timeout)
    except urllib.error.HTTPError as exc:
        reason = exc.reason if isinstance(exc.reason, str) and exc.reason else _phrase(exc.code)
        raise SourceError(f"{shown} answered {exc.code} {safe_line(reason)}.") from exc
    except urllib.error.URLError as exc:
        raise SourceError(_unreachable(shown, exc.reason, timeout)) from exc
    except TimeoutError as exc:
        raise SourceError(_late(shown, timeout)) from exc
    except (http.client.HTTPException, ConnectionError) as exc:
        raise SourceError(f"{shown} closed the connection before the page was complete.") from exc
    except OSError as exc:
        raise SourceError(_unreachable(shown, exc, timeout)) from exc
    data = _decompressed(data, response.headers.get("Content-Encoding", ""), shown, max_bytes)
    if not data.strip():
        raise SourceError(f"{shown} sent an empty page.")
    if not media_type:
        media_type = _sniff(data)
        if format_for_media_type(media_type) is None:
            raise SourceError(_unreadable(shown, media_type or "an unnamed type"))
    return Fetched(data, media_type, final_url, charset)


def _check_url(url: str, shown: str) -> None:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise SourceError(f"{shown} is not a valid web address.") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(
            f"{shown} is not a web address brief-tui can fetch; it fetches http:// and https:// "
            "addresses."
        )
    if not parts.hostname:
        raise SourceError(f"{shown} is not a valid web address (it names no host).")
    if any(ch.isspace() for ch in url.strip()):
        raise SourceError(f"{shown} is not a valid web address (it contains spaces).")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only (urllib would also follow ftp://)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise SourceError(
                f"{safe_line(req.full_url)} redirects to {safe_line(newurl)}, which is not a web "
                "address brief-tui can fetch."
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read(response: object, shown: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        # read1 returns what has arrived, so a server that trickles bytes meets the deadline.
        read = getattr(response, "read1", None) or response.read  # type: ignore[attr-defined]
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise SourceError(_too_large(shown, max_bytes))
        if time.monotonic() > deadline:
            raise SourceError(_late(shown, timeout))
        chunks.append(chunk)


def _decompressed(data: bytes, encoding: str, shown: str, max_bytes: int) -> bytes:
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return data
    # 47: a gzip or zlib header, detected; -15 for the raw deflate some servers send.
    for wbits in (47, -15):
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise SourceError(_too_large(shown, max_bytes))
        return out
    raise SourceError(f"{shown} sent a compressed page that could not be unpacked.")


def _content_type(header: str) -> tuple[str, str | None]:
    base, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return base.strip().lower(), charset


def _guess_type(url: str) -> str:
    """The media type an address's file name suggests, for servers that send none."""
    chosen = format_for(urlsplit(url).path)
    return chosen.media_types[0] if chosen and chosen.media_types else ""


def _sniff(data: bytes) -> str:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "text/html"
    return ""


def _readable_kinds() -> str:
    return ", ".join(f.name for f in registry.FORMATS if f.media_types)


def _unreadable(shown: str, media_type: str) -> str:
    return (
        f"{shown} is {safe_line(media_type)}, not a kind of document brief-tui reads "
        f"(from the web it reads: {_readable_kinds()})."
    )


def _too_large(shown: str, max_bytes: int) -> str:
    return f"{shown} is larger than the {_size(max_bytes)} limit for a page, so it was not read."


def _late(shown: str, timeout: float) -> str:
    return f"{shown} did not answer within {timeout:g} seconds."


def _unreachable(shown: str, reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError | socket.timeout):
        return _late(shown, timeout)
    if isinstance(reason, socket.gaierror):
        return f"{shown} could not be reached (no such host, or no network)."
    if isinstance(reason, ConnectionRefusedError):
        return f"{shown} could not be reached (the connection was refused)."
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"{shown} could not be reached securely (its certificate is not valid)."
    if isinstance(reason, SourceError):
        return str(reason)
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return f"{shown} could not be reached ({safe_line(str(detail))})."


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "an error"


def _size(count: int) -> str:
    for unit, factor in (("MB", 2**20), ("KB", 2**10)):
        if count >= factor:
            return f"{round(count / factor, 1):g} {unit}"
    return f"{count} bytes"
