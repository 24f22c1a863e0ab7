"""The bundled sample served as a real local news site over HTTP on 127.0.0.1.

`http://127.0.0.1:PORT/<host>/<path>` answers with `sample/sites/<host>/<path>` (`index.html` for a folder),
with `sample/routes.yaml` overrides (status, headers, content type, another file). Absolute
`http(s)://<name>.test/...` URLs inside bodies and headers, and root-relative links in HTML, are rewritten so
every link stays on this server. Responses carry a content-derived ETag and Last-Modified and honour
conditional requests with 304.

robots.txt lives at the origin root, shared by every host folder: the server answers `/robots.txt` with the
hosts' own robots.txt files merged per user-agent, each rule prefixed with `/<host>`, so a path a host
disallows stays disallowed here. Per-host robots semantics on distinct origins are covered by the ingest
tests against the replay transport; this server only has to keep the same pages out of reach.

For humans: `python -m tests.support.newsite --port 8765 [--feeds-out feeds.local.yaml]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ingest.replay import CONTENT_TYPES as REPLAY_TYPES
from ingest.replay import Route, content_last_modified, entity_tag, load_routes

SAMPLE = Path(__file__).resolve().parents[2] / "sample"

# Served types: the replay transport's, plus what a browser fetches when a person opens the site.
CONTENT_TYPES = {
    **REPLAY_TYPES,
    ".css": "text/css",
    ".js": "text/javascript",
    ".png": "image/png",
    ".jpg": "image/jpeg",
}
_TEST_URL = re.compile(rb"https?://((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\.test)(?![A-Za-z0-9.-])")
_ROOT_RELATIVE = re.compile(rb"""((?:href|src|action)\s*=\s*["'])/(?!/)""", re.IGNORECASE)


def rewrite_urls(body: bytes, base_url: str) -> bytes:
    """Point every absolute `http(s)://<name>.test` URL in `body` at `base_url/<name>.test`."""
    prefix = base_url.rstrip("/").encode()
    return _TEST_URL.sub(lambda m: prefix + b"/" + m.group(1), body)


def local_url(url: str, base_url: str) -> str:
    """The local-server address of one sample URL (`http://a.test/x` -> `BASE/a.test/x`)."""
    return rewrite_urls(url.encode(), base_url).decode()


def write_feeds_file(base_url: str, out_path: Path, sample_dir: Path = SAMPLE) -> Path:
    """Write `sample/feeds.yaml` with every feed URL pointing at the local server; return `out_path`."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(rewrite_urls((Path(sample_dir) / "feeds.yaml").read_bytes(), base_url))
    return out_path


def manifest_items(since: dt.date, until: dt.date, sample_dir: Path = SAMPLE) -> list[dict]:
    """Feed items of `sample/manifest.yaml` published in [since, until], plus undated ones."""
    items = yaml.safe_load((Path(sample_dir) / "manifest.yaml").read_text(encoding="utf-8"))["items"]
    return [i for i in items if i["published"] is None or since.isoformat() <= str(i["published"]) <= str(until)]


def expected_articles(base_url: str, since: dt.date, until: dt.date, sample_dir: Path = SAMPLE) -> set[str]:
    """Local canonical URLs of the good pages (fetched ok, or after a redirect) published in [since, until]."""
    good = [i for i in manifest_items(since, until, sample_dir) if i["expect"] in ("ok", "redirect")]
    return {local_url(i["canonical"] or i["redirect_to"] or i["url"], base_url) for i in good}


def merged_robots(sites: Path, routes: dict[str, Route]) -> bytes:
    """One robots.txt for the shared origin: each host's groups merged per user-agent, paths under /<host>."""
    groups: dict[str, list[str]] = {}
    for host_dir in sorted(p for p in sites.iterdir() if p.is_dir()):
        host = host_dir.name
        route = routes.get(f"http://{host}/robots.txt") or routes.get(f"https://{host}/robots.txt")
        if route is not None and route.status >= 500:  # RFC 9309: unreachable robots.txt disallows all
            groups.setdefault("*", []).append(f"Disallow: /{host}/")
            continue
        robots = host_dir / "robots.txt"
        if not robots.is_file() or (route is not None and route.status >= 400):
            continue
        agents: list[str] = []
        in_rules = False
        for raw in robots.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key == "user-agent":
                if in_rules:
                    agents, in_rules = [], False
                agents.append(value)
            elif key in ("allow", "disallow") and value:
                in_rules = True
                for agent in agents:
                    groups.setdefault(agent, []).append(f"{key.capitalize()}: /{host}{value}")
    lines = []
    for agent in sorted(groups, key=lambda a: (a == "*", a)):  # specific agents first, as parsers expect
        lines += [f"User-agent: {agent}", *groups[agent], ""]
    return "\n".join(lines).encode() or b"User-agent: *\nDisallow:\n"


class NewsSite:
    """A threaded HTTP server for the sample; use as a context manager or call start()/stop()."""

    def __init__(self, sample_dir: Path = SAMPLE, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sample_dir = Path(sample_dir)
        self.sites = self.sample_dir / "sites"
        self.routes = load_routes(self.sample_dir / "routes.yaml")
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def host_port(self) -> str:
        """`127.0.0.1:PORT`, as CEASEFIRE_ALLOW_HOSTS wants it."""
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://{self.host_port}"

    def url(self, original: str) -> str:
        """The local address of a sample URL."""
        return local_url(original, self.base_url)

    def start(self) -> NewsSite:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self._server.serve_forever, name="newsite", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> NewsSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def record(self, path: str) -> None:
        """Remember a served path (tests assert on traffic)."""
        with self._lock:
            self.requests.append(path)

    def respond(self, raw_path: str) -> tuple[int, list[tuple[str, str]], bytes]:
        """(status, headers, body) for a request path, before conditional-request handling."""
        path = unquote(urlsplit(raw_path).path)
        if path == "/robots.txt":
            return 200, [("Content-Type", "text/plain; charset=utf-8")], merged_robots(self.sites, self.routes)
        host, _, rest = path.lstrip("/").partition("/")
        original = f"http://{host}/{rest}"
        query = urlsplit(raw_path).query
        route = self.routes.get(f"{original}?{query}" if query else original) or self.routes.get(original)
        file = self._file(host, rest)
        if route is not None:
            if route.file:
                file = self._safe(self.sites / route.file)
            headers = [(k, self._rewrite_header(v)) for k, v in route.headers]
            body = file.read_bytes() if file is not None else b""
            content_type = route.content_type or (self._content_type(file) if file else None)
            if content_type:
                headers.append(("Content-Type", content_type))
            return route.status, headers, self._rewrite_body(body, host, content_type)
        if file is None:
            return 404, [("Content-Type", "text/plain; charset=utf-8")], b"not found"
        content_type = self._content_type(file)
        body = self._rewrite_body(file.read_bytes(), host, content_type)
        return 200, [("Content-Type", content_type)], body

    def _file(self, host: str, rest: str) -> Path | None:
        if not host:
            return None
        candidate = self.sites / host / rest
        if rest == "" or rest.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return self._safe(candidate)

    def _safe(self, path: Path) -> Path | None:
        """The file if it exists inside sites/, never a path that climbs out of it."""
        resolved = path.resolve()
        if not resolved.is_relative_to(self.sites.resolve()) or not resolved.is_file():
            return None
        return resolved

    @staticmethod
    def _content_type(file: Path) -> str:
        return CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")

    def _rewrite_header(self, value: str) -> str:
        return local_url(value, self.base_url)

    def _rewrite_body(self, body: bytes, host: str, content_type: str | None) -> bytes:
        body = rewrite_urls(body, self.base_url)
        if content_type and "html" in content_type:
            body = _ROOT_RELATIVE.sub(lambda m: m.group(1) + b"/" + host.encode() + b"/", body)
        return body


def _not_modified(headers, etag: str, last_modified: str) -> bool:
    """RFC 9110: If-None-Match, when present, decides; else If-Modified-Since."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag in tags
    ims = headers.get("If-Modified-Since")
    if ims:
        try:
            return email.utils.parsedate_to_datetime(last_modified) <= email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
    return False


def _handler_for(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "ceasefire-newsite/1"

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def _serve(self, send_body: bool) -> None:
            site.record(self.path)
            status, headers, body = site.respond(self.path)
            names = {k.lower() for k, _ in headers}
            if 200 <= status < 300 and body:
                if "etag" not in names:
                    headers.append(("ETag", entity_tag(body)))
                if "last-modified" not in names:
                    headers.append(("Last-Modified", content_last_modified(body)))
                values = {k.lower(): v for k, v in headers}
                if _not_modified(self.headers, values["etag"], values["last-modified"]):
                    status, body = 304, b""
                    headers = [(k, v) for k, v in headers if k.lower() in ("etag", "last-modified")]
            self.send_response(status)
            for key, value in headers:
                if key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet under pytest
            return

    return Handler


def main(argv: list[str] | None = None) -> None:
    """Serve the sample until interrupted."""
    parser = argparse.ArgumentParser(description="Serve the bundled sample as a local news site.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--sample", type=Path, default=SAMPLE)
    parser.add_argument("--feeds-out", type=Path, help="also write the sample feeds file pointing here")
    args = parser.parse_args(argv)
    site = NewsSite(args.sample, args.host, args.port)
    print(f"serving {args.sample} at {site.base_url}/<host>/<path>  (robots: {site.base_url}/robots.txt)")
    if args.feeds_out:
        write_feeds_file(site.base_url, args.feeds_out, args.sample)
        print(f"feeds file: {args.feeds_out}  (set CEASEFIRE_FEEDS to it, CEASEFIRE_ALLOW_HOSTS={site.host_port})")
    try:
        site._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        site._server.server_close()


if __name__ == "__main__":
    main()
