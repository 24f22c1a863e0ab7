"""The one httpx client configuration: guarded connections, our User-Agent, timeouts, no automatic redirects."""

from __future__ import annotations

import ssl
import time

import httpcore
import httpx

from ingest.guard import GuardedBackend
from ingest.policy import FetchPolicy


def _host_transport(policy: FetchPolicy, ssl_context: ssl.SSLContext, http2: bool) -> httpx.AsyncHTTPTransport:
    """httpx's transport whose connection pool opens sockets through the SSRF guard."""
    limits = httpx.Limits(max_connections=policy.max_total, max_keepalive_connections=policy.max_total)
    # trust_env off: a proxy from the environment would make the guard check the proxy, not the page.
    transport = httpx.AsyncHTTPTransport(verify=ssl_context, http2=http2, limits=limits, trust_env=False)
    # httpx takes no network backend argument; the pool it built is swapped for an identical one that
    # connects through the guard.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=http2,
        network_backend=GuardedBackend(policy),
    )
    return transport


class GuardedTransport(httpx.AsyncBaseTransport):
    """Guarded network transport with one small connection pool per origin.

    httpcore scans every connection of a pool on each request; with one pool for hundreds of hosts that scan
    dominates the CPU cost of a fetch. Per-origin pools keep it to the host's few connections. A pool unused
    for longer than any exchange may last (total timeout + margin) is closed, so sockets to hosts visited
    early in a long run do not pile up.
    """

    def __init__(self, policy: FetchPolicy, http2: bool = False) -> None:
        self._policy = policy
        self._http2 = http2
        self._ssl = httpx.create_ssl_context(trust_env=False)  # loading the CA bundle costs ~40 ms: once
        self._pools: dict[tuple[bytes, bytes, int | None], tuple[httpx.AsyncHTTPTransport, list[float]]] = {}
        self._grace = policy.total_timeout + 10.0

    async def _pool_for(self, url: httpx.URL) -> httpx.AsyncHTTPTransport:
        key = (url.raw_scheme, url.raw_host, url.port)
        now = time.monotonic()
        entry = self._pools.get(key)
        if entry is None:
            stale = [k for k, (_t, used) in self._pools.items() if now - used[0] > self._grace]
            for old in stale:
                transport, _used = self._pools.pop(old)
                await transport.aclose()
            entry = self._pools[key] = (_host_transport(self._policy, self._ssl, self._http2), [now])
        entry[1][0] = now
        return entry[0]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the origin's own guarded pool."""
        transport = await self._pool_for(request.url)
        return await transport.handle_async_request(request)

    async def aclose(self) -> None:
        """Close every pool."""
        pools, self._pools = self._pools, {}
        for transport, _used in pools.values():
            await transport.aclose()


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
