"""Real threaded HTTP servers on loopback addresses, with a request log and an in-flight counter."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Logged:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class InFlight:
    """Concurrent requests in progress, shared by any number of servers."""

    now: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


class LocalServer:
    """A ThreadingHTTPServer on host:random-port whose paths are served by Python callables."""

    def __init__(self, host: str = "127.0.0.1", in_flight: InFlight | None = None) -> None:
        self.host = host
        self.routes: dict[str, Handler] = {}
        self.log: list[Logged] = []
        self.in_flight = in_flight or InFlight()
        self.bytes_sent = 0
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.log.append(Logged("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
                left = False

                def leave() -> None:
                    nonlocal left
                    if not left:
                        left = True
                        server.in_flight.leave()

                # counted out as the answer starts, before the client can see it and send its next request
                self.leave_in_flight = leave
                server.in_flight.enter()
                try:
                    handler = server.routes.get(self.path) or server.routes.get(self.path.split("?", 1)[0])
                    if handler is None:
                        send(self, 404, b"no such page", {"Content-Type": "text/plain"})
                    else:
                        handler(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                finally:
                    leave()

        self.httpd = ThreadingHTTPServer((host, 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        # A client hanging up on purpose (size cap, timeout) is expected here, not an error to print.
        self.httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def hostport(self) -> str:
        return f"{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h: BaseHTTPRequestHandler, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
    """A complete response with Content-Length."""
    getattr(h, "leave_in_flight", lambda: None)()
    h.send_response(status)
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


def html(text: str = "hello") -> bytes:
    return f"<html><head><title>{text}</title></head><body><p>{text}</p></body></html>".encode()


def page(text: str = "hello", delay: float = 0.0) -> Handler:
    """A handler answering a small HTML page after an optional delay."""

    def handler(h: BaseHTTPRequestHandler) -> None:
        if delay:
            time.sleep(delay)
        send(h, 200, html(text), {"Content-Type": "text/html; charset=utf-8"})

    return handler
