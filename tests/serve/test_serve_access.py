"""Who may use a served reader: loopback names, the token, Origin and Host."""

from __future__ import annotations

import pytest

from brief_tui.serve.access import host_name, is_loopback, origin_allowed, token_matches


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org", ""])
def test_addresses_others_can_reach(host: str) -> None:
    assert not is_loopback(host)


def test_the_token_must_match_exactly() -> None:
    assert token_matches("s3cret", "s3cret")
    assert not token_matches("s3cre", "s3cret")
    assert not token_matches("", "s3cret")
    assert not token_matches(None, "s3cret")
    assert token_matches("clé", "clé")  # any text a person can type


def test_host_header_names() -> None:
    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("localhost") == "localhost"
    assert host_name("evil.example:8000") == "evil.example"


def test_a_websocket_comes_from_our_page_or_from_no_page() -> None:
    assert origin_allowed(None, "127.0.0.1:8000")
    assert origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not origin_allowed("http://127.0.0.1:9000", "127.0.0.1:8000")
    assert not origin_allowed("http://evil.example", "127.0.0.1:8000")
    assert not origin_allowed("null", "127.0.0.1:8000")
