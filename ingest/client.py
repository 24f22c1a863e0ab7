"""The one httpx client configuration: guarded connections, our User-Agent, timeouts, no automatic redirects."""

from __future__ import annotations

import httpcore
import httpx

from ingest.guard import GuardedBackend
from ingest.policy import FetchPolicy


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport whose connection pool opens sockets through the SSRF guard."""

    def __init__(self, policy: FetchPolicy, http2: bool = False) -> None:
        limits = httpx.Limits(max_connections=policy.max_total, max_keepalive_connections=policy.max_total)
        # trust_env off: a proxy from the environment would make the guard check the proxy, not the page.
        super().__init__(http2=http2, limits=limits, trust_env=False)
        # httpx takes no network backend argument; the pool it built is swapped for an identical one that
        # connects through the guard (reusing its TLS context: loading the CA bundle twice costs ~50 ms).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=self._pool._ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=GuardedBackend(policy),
        )


def make_client(
    policy: FetchPolicy, transport: httpx.AsyncBaseTransport | None = None, http2: bool = False
) -> httpx.AsyncClient:
    """An AsyncClient for fetch_all/poll_feeds: guarded network transport unless a replay transport is given."""
    timeout = httpx.Timeout(
        connect=policy.connect_timeout,
        read=policy.read_timeout,
        write=policy.read_timeout,
        pool=policy.total_timeout,
    )
    return httpx.AsyncClient(
        transport=transport or GuardedTransport(policy, http2=http2),
        headers={
            "User-Agent": policy.user_agent,
            # Only encodings the size-capped decoder understands; bodies are decompressed by us, in bounded steps.
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en",
        },
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
    )
