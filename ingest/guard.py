"""SSRF guard: an httpcore network backend that resolves once, checks every address, connects to a checked one.

Because the check happens where the socket is opened, it covers every hop of a redirect chain, robots.txt
and feeds alike, and a DNS answer cannot change between the check and the connection (no rebinding window).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import anyio
import httpcore
from httpcore import AsyncNetworkBackend, AsyncNetworkStream

from ceasefire.errors import FetchError
from ingest.policy import FetchPolicy

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedAddressError(FetchError):
    """The destination resolves to a loopback, private, link-local, multicast or reserved address."""


def is_blocked_ip(address: str) -> bool:
    """True for any address a fetcher of public news pages has no business connecting to."""
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 smuggled inside IPv6 is judged by the IPv4 address it carries.
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


async def resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """All addresses of host (an IP literal resolves to itself), in resolver order, without duplicates."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return [host]
    except ValueError:
        pass
    try:
        with anyio.fail_after(timeout):
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError as exc:
        raise httpcore.ConnectTimeout(f"DNS lookup of {host} timed out") from exc
    except OSError as exc:
        raise httpcore.ConnectError(f"DNS lookup of {host} failed: {exc}") from exc
    seen: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        addr = str(sockaddr[0])
        if addr not in seen:
            seen.append(addr)
    return seen


class GuardedBackend(AsyncNetworkBackend):
    """Network backend refusing non-public destinations unless host[:port] is on the policy's allow list."""

    def __init__(self, policy: FetchPolicy, inner: AsyncNetworkBackend | None = None) -> None:
        self._policy = policy
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> AsyncNetworkStream:
        """Resolve, check every address, then connect to the checked addresses only."""
        allowed = self._policy.is_allowed(host, port)
        addresses = await resolve(host, port, timeout)
        if not addresses:
            raise httpcore.ConnectError(f"no address for {host}")
        if not allowed:
            # One bad address condemns the name: a resolver answering public+private is a rebinding setup.
            bad = [a for a in addresses if is_blocked_ip(a)]
            if bad:
                raise BlockedAddressError(f"{host}:{port} resolves to non-public address {bad[0]}")
        last: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> AsyncNetworkStream:
        """Unix sockets are local by definition: refused."""
        raise BlockedAddressError(f"unix socket {path} refused")

    async def sleep(self, seconds: float) -> None:
        """Delegate to the wrapped backend."""
        await self._inner.sleep(seconds)
