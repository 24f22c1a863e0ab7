"""Offline transports: serve the bundled sample directory or a WARC file through the normal fetch path.

Nothing here opens a socket or resolves a name, so the SSRF guard (a network backend) never sees these
requests, and `.test` hosts from the sample are served as they are.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import yaml
from warcio.archiveiterator import ArchiveIterator

from ceasefire.errors import ConfigError
from ceasefire.records import Candidate
from ingest.archive import is_page_type
from transform.urls import canonical_url, url_host

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".pdf": "application/pdf",
    ".json": "application/json",
    ".txt": "text/plain",
}
# Last-Modified of sample files is derived from their content, not their mtime (which a fresh clone resets),
# so two runs over the same sample agree and the second one gets 304s.
_EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def entity_tag(body: bytes) -> str:
    """A strong ETag from the content hash."""
    return '"' + hashlib.sha256(body).hexdigest()[:20] + '"'


def content_last_modified(body: bytes) -> str:
    """A stable HTTP-date derived from the content hash (within 2025)."""
    seconds = int(hashlib.sha256(body).hexdigest()[20:28], 16) % (365 * 86400)
    return email.utils.format_datetime(_EPOCH + dt.timedelta(seconds=seconds), usegmt=True)


def _not_modified(request: httpx.Request, etag: str | None, last_modified: str | None) -> bool:
    """RFC 9110 evaluation: If-None-Match wins over If-Modified-Since."""
    inm = request.headers.get("if-none-match")
    if inm is not None:
        if etag is None:
            return False
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or etag.removeprefix("W/") in tags
    ims = request.headers.get("if-modified-since")
    if ims and last_modified:
        try:
            return email.utils.parsedate_to_datetime(last_modified) <= email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
    return False


def _response(
    request: httpx.Request, status: int, headers: dict[str, str] | list[tuple[str, str]], body: bytes
) -> httpx.Response:
    """A response with validators applied: 304 and no body when the request's condition holds."""
    h = httpx.Headers(headers)
    if 200 <= status < 300 and _not_modified(request, h.get("etag"), h.get("last-modified")):
        keep = [(k, v) for k, v in h.multi_items() if k.lower() in ("etag", "last-modified", "cache-control")]
        return httpx.Response(304, headers=keep, stream=httpx.ByteStream(b""), request=request)
    h["Content-Length"] = str(len(body))
    # A stream, not content=: the fetcher reads raw bytes incrementally, as from a socket.
    return httpx.Response(status, headers=h, stream=httpx.ByteStream(body), request=request)


@dataclass(frozen=True, slots=True)
class Route:
    """An override from sample/routes.yaml."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str | None = None
    file: str | None = None


def load_routes(path: Path) -> dict[str, Route]:
    """sample/routes.yaml as {URL: Route}; empty when the file is absent."""
    if not path.exists():
        return {}
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {path}: {str(exc).splitlines()[0]}") from None
    routes: dict[str, Route] = {}
    for row in doc.get("routes") or []:
        if not isinstance(row, dict) or not row.get("url"):
            raise ConfigError(f"{path}: every route needs a 'url'")
        routes[str(row["url"])] = Route(
            status=int(row.get("status", 200)),
            headers=tuple((str(k), str(v)) for k, v in (row.get("headers") or {}).items()),
            content_type=row.get("content_type"),
            file=row.get("file"),
        )
    return routes


class SampleTransport(httpx.AsyncBaseTransport):
    """Serves sample/sites/<host>/<path> at http(s)://<host>/<path>, with sample/routes.yaml overrides."""

    def __init__(self, root: Path) -> None:
        root = Path(root)
        self.sites = (root / "sites") if (root / "sites").is_dir() else root
        self.sites_resolved = self.sites.resolve()
        self.routes = load_routes(root / "routes.yaml")
        self.requests: list[str] = []

    def _file_for(self, relative: str) -> Path | None:
        """A file under sites/, refusing paths that climb out of it."""
        path = (self.sites / relative).resolve()
        if not path.is_relative_to(self.sites_resolved) or not path.is_file():
            return None
        return path

    def _mapped(self, url: httpx.URL) -> Path | None:
        path = unquote(url.path) or "/"
        if path.endswith("/"):
            path += "index.html"
        return self._file_for(f"{url.host}{path}")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer from routes.yaml, else from the file tree; 404 when neither has the URL."""
        url = request.url
        self.requests.append(str(url))
        no_query = str(url.copy_with(query=None, fragment=None))
        route = self.routes.get(str(url)) or self.routes.get(no_query)
        file = self._mapped(url)
        if route is not None:
            if route.file:
                file = self._file_for(route.file)
            body = file.read_bytes() if file is not None else b""
            headers = dict(route.headers)
            content_type = route.content_type or (CONTENT_TYPES.get(file.suffix.lower()) if file else None)
            if content_type:
                headers["Content-Type"] = content_type
            if body:
                headers.setdefault("ETag", entity_tag(body))
                headers.setdefault("Last-Modified", content_last_modified(body))
            return _response(request, route.status, headers, body)
        if file is None:
            return _response(request, 404, {"Content-Type": "text/plain"}, b"not found")
        body = file.read_bytes()
        headers = {
            "Content-Type": CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream"),
            "ETag": entity_tag(body),
            "Last-Modified": content_last_modified(body),
        }
        return _response(request, 200, headers, body)


_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class WarcTransport(httpx.AsyncBaseTransport):
    """Serves the responses recorded in WARC files by URL (ours or Common Crawl's); 404 for anything else.

    Only offsets are indexed, so a multi-gigabyte archive costs memory per URL, not per byte.
    """

    def __init__(self, *paths: Path) -> None:
        self.paths = [Path(p) for p in paths]
        self.index: dict[str, tuple[int, int]] = {}
        self._pages: dict[str, Candidate] = {}
        for number, path in enumerate(self.paths):
            self._index(number, path)

    def _index(self, number: int, path: Path) -> None:
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                status = record.http_headers.get_statuscode()
                offset = records.get_record_offset()
                self._note_page(record, url, status)
                # A later capture replaces an earlier one (a retry's success after a 500), but a bare 304
                # never hides a capture that has a body.
                for key in {url, canonical_url(url)}:
                    if status == "304" and key in self.index:
                        continue
                    self.index[key] = (number, offset)

    def _note_page(self, record: Any, url: str, status: str | None) -> None:
        """Remember an HTML 2xx capture as a candidate (WARCs with no feeds, e.g. Common Crawl News)."""
        kind = record.rec_headers.get_header("X-Ceasefire-Kind") or "page"
        if kind != "page" or not (status or "").startswith("2"):
            return
        if not is_page_type(record.http_headers.get_header("Content-Type")):
            return
        source = record.rec_headers.get_header("X-Ceasefire-Source")
        candidate = record.rec_headers.get_header("X-Ceasefire-Candidate")
        key = canonical_url(unquote(candidate) if candidate else url)
        self._pages.setdefault(key, Candidate(url=key, source=unquote(source) if source else url_host(url)))

    def candidates(self) -> list[Candidate]:
        """One candidate per HTML page captured in the archive, in file order, with canonical URLs."""
        return list(self._pages.values())

    def _load(self, number: int, offset: int) -> tuple[int, list[tuple[str, str]], bytes]:
        with open(self.paths[number], "rb") as fh:
            fh.seek(offset)
            record: Any = next(iter(ArchiveIterator(fh)))
            status = int(record.http_headers.get_statuscode())
            headers = [(k, v) for k, v in record.http_headers.headers if k.lower() not in _WIRE_HEADERS]
            return status, headers, record.content_stream().read()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The recorded response for this URL (validators honoured), else 404."""
        url = str(request.url)
        entry = self.index.get(url) or self.index.get(canonical_url(url))
        if entry is None:
            return _response(request, 404, {"Content-Type": "text/plain"}, b"not in archive")
        status, headers, body = self._load(*entry)
        return _response(request, status, headers, body)


def replay_transport(path: Path) -> httpx.AsyncBaseTransport:
    """SampleTransport for a directory, WarcTransport for a .warc or .warc.gz file."""
    path = Path(path)
    if path.is_dir():
        return SampleTransport(path)
    if path.is_file() and path.name.endswith((".warc", ".warc.gz")):
        return WarcTransport(path)
    raise ConfigError(f"--replay needs a sample directory or a .warc/.warc.gz file: {path}")
