"""Fixtures for the ingest tests: loopback servers and a test policy that lets the first one through."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingest_servers import LocalServer

from ingest.policy import FetchPolicy


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer("127.0.0.1")
    yield srv
    srv.close()


@pytest.fixture
def server2() -> Iterator[LocalServer]:
    """A second listener on another loopback address: the 'internal service' that must stay untouched."""
    srv = LocalServer("127.0.0.2")
    yield srv
    srv.close()


@pytest.fixture
def policy(server: LocalServer) -> FetchPolicy:
    """Fast test policy: the first server allowed through the guard, short back-offs and timeouts."""
    return FetchPolicy(allow_hosts=(server.hostport,), backoff=0.05, connect_timeout=2, read_timeout=3, total_timeout=8)
