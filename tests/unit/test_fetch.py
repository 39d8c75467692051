"""Fetching a web address: a local server on 127.0.0.1 plays every kind of web site."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.fetch import extract_url, fetch
from brief_tui.corpus.formats import registry

PAGE = (
    "<html><head><title>Asylum Access at the Border</title>"
    "<meta name='author' content='Border Policy Group'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/donate'>Donate</a></nav><main><article>"
    "<h1>Asylum Access at the Border</h1>"
    "<p>The administration should restore access to asylum at ports of entry and end "
    "expulsions that return families to danger in Guatemala and Honduras.</p>"
    "<h2>What Congress can do</h2><ol><li>Fund asylum officers.</li>"
    "<li>Require reporting on expulsions.</li></ol>"
    "<p>Peña and Núñez testified before the committee about conditions at the border.</p>"
    "</article></main><footer>© Border Policy Group</footer></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def send(self, status: int, media_type: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path
        if path == "/page.html":
            self.send(200, "text/html; charset=utf-8", PAGE.encode())
        elif path == "/latin1":
            self.send(200, "text/html; charset=iso-8859-1", PAGE.encode("latin-1"))
        elif path == "/gzipped":
            self.send(200, "text/html", gzip.compress(PAGE.encode()), Content_Encoding="gzip")
        elif path == "/moved":
            self.send(301, "text/html", b"", Location="/page.html")
        elif path == "/to-ftp":
            self.send(302, "text/html", b"", Location="ftp://127.0.0.1/file")
        elif path == "/missing":
            self.send(404, "text/html", b"<p>Nothing here</p>")
        elif path == "/broken":
            self.send(500, "text/html", b"<p>Oops</p>")
        elif path == "/logo.png":
            self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        elif path == "/report.pdf":
            self.send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        elif path == "/untyped":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(PAGE.encode())
        elif path == "/slow":
            time.sleep(2)
            self.send(200, "text/html", PAGE.encode())
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>word</p>")
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/huge":
            self.send(200, "text/html", b"<p>" + b"a" * 200_000 + b"</p>")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 2**20))
            self.end_headers()
        elif path == "/empty":
            self.send(200, "text/html", b"  \n")
        else:
            self.send(404, "text/html", b"")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (the timeout tests) is expected


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def failure(url: str, **options: float) -> str:
    with pytest.raises(SourceError) as caught:
        fetch(url, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    return message


def test_a_page_is_fetched_and_read_as_a_web_page_with_its_address_as_citation(site: str) -> None:
    extracted = extract_url(f"{site}/page.html")
    assert extracted.meta.source == f"{site}/page.html"
    assert extracted.meta.title == "Asylum Access at the Border"
    assert extracted.meta.organisations == ("Border Policy Group",)
    assert extracted.meta.kind == "web page"
    texts = [(b.kind, b.marker, b.text) for b in extracted.blocks]
    assert ("item", "1.", "Fund asylum officers.") in texts
    assert ("heading", "", "What Congress can do") in texts
    assert not any("Donate" in text or "©" in text for _, _, text in texts)


def test_the_servers_charset_compression_and_redirects_are_followed(site: str) -> None:
    for path in ("/latin1", "/gzipped", "/untyped"):
        texts = " ".join(b.text for b in extract_url(site + path).blocks)
        assert "Peña and Núñez testified" in texts, path
    moved = fetch(f"{site}/moved")
    assert moved.final_url == f"{site}/page.html" and moved.media_type == "text/html"
    assert extract_url(f"{site}/moved").meta.source == f"{site}/page.html"


def test_http_errors_are_said_with_their_status(site: str) -> None:
    assert failure(f"{site}/missing") == f"{site}/missing answered 404 Not Found."
    assert failure(f"{site}/broken") == f"{site}/broken answered 500 Internal Server Error."


def test_a_document_of_another_kind_is_refused_naming_its_media_type(site: str) -> None:
    message = failure(f"{site}/logo.png")
    assert message.startswith(f"{site}/logo.png is image/png, not a kind of document brief-tui")
    assert "web page" in message


def test_a_pdf_is_refused_until_a_pdf_format_is_registered_then_handed_to_it(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if registry.format_for_media_type("application/pdf") is None:
        assert "is application/pdf, not a kind of document" in failure(f"{site}/report.pdf")
    stand_in = registry.SourceFormat(
        "PDF", (".pdf",), ("application/pdf",), "brief_tui.corpus.formats.text:read_text"
    )
    others = tuple(f for f in registry.FORMATS if "application/pdf" not in f.media_types)
    monkeypatch.setattr(registry, "FORMATS", (*others, stand_in))
    fetched = fetch(f"{site}/report.pdf")
    assert fetched.media_type == "application/pdf" and fetched.data.startswith(b"%PDF-1.4")


def test_unreachable_slow_and_oversized_sites_each_get_one_sentence(site: str) -> None:
    assert failure(f"{site}/slow", timeout=0.3) == f"{site}/slow did not answer within 0.3 seconds."
    started = time.monotonic()
    assert failure(f"{site}/trickle", timeout=0.5).endswith("did not answer within 0.5 seconds.")
    assert time.monotonic() - started < 1.5
    assert failure(f"{site}/huge", max_bytes=10 * 1024) == (
        f"{site}/huge is larger than the 10 KB limit for a page, so it was not read."
    )
    assert "larger than the 1 MB limit" in failure(f"{site}/huge-declared", max_bytes=2**20)
    assert failure(f"{site}/empty") == f"{site}/empty sent an empty page."
    closed_port = _closed_port()
    assert failure(f"http://127.0.0.1:{closed_port}/") == (
        f"http://127.0.0.1:{closed_port}/ could not be reached (the connection was refused)."
    )


def test_addresses_that_are_not_web_addresses_are_refused_before_any_connection() -> None:
    assert "fetches http:// and https://" in failure("file:///etc/passwd")
    assert "fetches http:// and https://" in failure("ftp://127.0.0.1/x")
    assert failure("http://127.0.0.1:notaport/") == (
        "http://127.0.0.1:notaport/ is not a valid web address."
    )
    assert (
        failure("https:///path") == "https:///path is not a valid web address (it names no host)."
    )


def test_a_redirect_away_from_the_web_is_refused(site: str) -> None:
    assert "which is not a web address brief-tui can fetch" in failure(f"{site}/to-ftp")


def _closed_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
