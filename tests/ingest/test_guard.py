"""SSRF guard: non-public destinations refused on every hop and after DNS, with nothing sent to them."""

from __future__ import annotations

import dataclasses
import socket

import pytest
from ingest_servers import LocalServer, page, send

from ceasefire.records import Candidate
from ingest import guard
from ingest.fetch import fetch_sync
from ingest.policy import FetchPolicy


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.9.9.9",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.251",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "not-an-ip",
    ],
)
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert guard.is_blocked_ip(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "151.101.0.81", "2606:4700::6810:84e5", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert not guard.is_blocked_ip(address)


def test_loopback_is_blocked_by_default(server: LocalServer) -> None:
    server.routes["/a"] = page("a")
    [result] = fetch_sync([Candidate(server.url("/a"), "T")], FetchPolicy(retries=0))
    assert result.outcome == "blocked_private" and result.attempts == 1
    assert server.log == []  # not even robots.txt


def test_allow_list_by_host_without_port(server: LocalServer) -> None:
    server.routes["/a"] = page("a")
    [result] = fetch_sync([Candidate(server.url("/a"), "T")], FetchPolicy(allow_hosts=("127.0.0.1",)))
    assert result.outcome == "ok"


def test_redirect_to_other_loopback_listener_is_refused(
    server: LocalServer, server2: LocalServer, policy: FetchPolicy
) -> None:
    server2.routes["/admin"] = page("internal")
    server.routes["/go"] = lambda h: send(h, 302, b"", {"Location": server2.url("/admin")})
    [result] = fetch_sync([Candidate(server.url("/go"), "T")], policy)
    assert result.outcome == "blocked_private"
    assert result.final_url == server2.url("/admin")
    assert server2.log == []


def test_direct_request_to_unlisted_listener_is_refused(server2: LocalServer, policy: FetchPolicy) -> None:
    server2.routes["/admin"] = page("internal")
    [result] = fetch_sync([Candidate(server2.url("/admin"), "T")], policy)
    assert result.outcome == "blocked_private"
    assert server2.log == []


def test_hostname_is_checked_after_dns(server: LocalServer, policy: FetchPolicy) -> None:
    # The allow list names 127.0.0.1:port; "localhost" is another name, checked by what it resolves to.
    server.routes["/a"] = page("a")
    [result] = fetch_sync([Candidate(f"http://localhost:{server.port}/a", "T")], policy)
    assert result.outcome == "blocked_private"
    assert server.log == []
    allowed = dataclasses.replace(policy, allow_hosts=(f"localhost:{server.port}",))
    [result] = fetch_sync([Candidate(f"http://localhost:{server.port}/a", "T")], allowed)
    assert result.outcome == "ok"


def test_name_with_any_private_answer_is_refused(monkeypatch: pytest.MonkeyPatch, policy: FetchPolicy) -> None:
    """A resolver answering public and private addresses (rebinding set-up) condemns the name."""

    async def fake_getaddrinfo(host: str, port: int, **kwargs: object) -> list:
        assert host == "rebind.example"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]

    monkeypatch.setattr(guard.anyio, "getaddrinfo", fake_getaddrinfo)
    [result] = fetch_sync([Candidate("http://rebind.example/x", "T")], dataclasses.replace(policy, retries=0))
    assert result.outcome == "blocked_private"
    assert "127.0.0.1" in (result.error or "")


def test_connection_goes_to_the_checked_address(monkeypatch: pytest.MonkeyPatch, server: LocalServer) -> None:
    """The socket is opened to the address that was checked, whatever a second lookup would say."""
    server.routes["/a"] = page("a")
    lookups: list[str] = []

    async def fake_getaddrinfo(host: str, port: int, **kwargs: object) -> list:
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(guard.anyio, "getaddrinfo", fake_getaddrinfo)
    # Resolving "news.example" again through the system resolver would fail: only our answer is used.
    policy = FetchPolicy(allow_hosts=(f"news.example:{server.port}",), respect_robots=False)
    [result] = fetch_sync([Candidate(f"http://news.example:{server.port}/a", "T")], policy)
    assert result.outcome == "ok"
    assert lookups == ["news.example"]
    assert server.log[0].headers["host"] == f"news.example:{server.port}"
