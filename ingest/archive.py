"""Raw archive: every HTTP exchange appended to gzip WARC files, and read back as FetchResult objects.

Layout: <root>/YYYY/MM/DD/<run_id>-<n>.warc.gz, the date being the UTC fetch date. Bodies are stored
decoded (Content-Encoding removed, Content-Length set to the stored length) so any WARC tool reads them
as they are. Our own records carry X-Ceasefire-* WARC headers (source, candidate URL, kind, hop outcome);
Common Crawl News WARCs, which lack them, are read the same way.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, unquote, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ceasefire.records import FetchResult

log = logging.getLogger(__name__)

DEFAULT_MAX_FILE_BYTES = 1024**3
# Headers that describe the wire encoding, not the stored payload.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
READ_MAX_BYTES = 10 * 1024 * 1024


class WarcArchive:
    """Appends request/response record pairs to the day's WARC file of one run, rotating by size."""

    def __init__(self, root: Path, run_id: str, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES) -> None:
        self.root = Path(root)
        self.run_id = run_id
        self.max_file_bytes = max_file_bytes
        self.paths: list[Path] = []
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._day: dt.date | None = None

    def _open(self, day: dt.date) -> WARCWriter:
        """The writer for this UTC day, opening a new file on a day change or when the current one is full."""
        if self._fh is not None and self._day == day and self._fh.tell() < self.max_file_bytes:
            assert self._writer is not None
            return self._writer
        self._close_file()
        folder = self.root / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
        folder.mkdir(parents=True, exist_ok=True)
        n = 0
        # A re-run with the same run id appends new files rather than overwriting evidence.
        while (folder / f"{self.run_id}-{n}.warc.gz").exists():
            n += 1
        path = folder / f"{self.run_id}-{n}.warc.gz"
        self._fh = open(path, "xb")  # noqa: SIM115 - kept open across writes, closed in close()
        self._writer = WARCWriter(self._fh, gzip=True)
        self._day = day
        self.paths.append(path)
        info = self._writer.create_warcinfo_record(
            path.name, {"software": "ceasefire/0.1", "format": "WARC File Format 1.1", "run-id": self.run_id}
        )
        self._writer.write_record(info)
        return self._writer

    def write(
        self,
        *,
        url: str,
        method: str,
        request_headers: Iterable[tuple[str, str]],
        http_version: str,
        status: int,
        reason: str,
        response_headers: Iterable[tuple[str, str]],
        body: bytes | None,
        fetched_at: dt.datetime,
        truncated: str | None = None,
        meta: dict[str, str] | None = None,
    ) -> None:
        """Append one response record and the request record that produced it."""
        writer = self._open(fetched_at.astimezone(dt.UTC).date())
        payload = body or b""
        headers = [(k, v) for k, v in response_headers if k.lower() not in _WIRE_HEADERS]
        headers.append(("Content-Length", str(len(payload))))
        protocol = "HTTP/2" if http_version.upper().startswith("HTTP/2") else "HTTP/1.1"
        http_headers = StatusAndHeaders(f"{status} {reason or 'Unknown'}".strip(), headers, protocol=protocol)
        date = fetched_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        warc_headers: dict[str, str] = {"WARC-Date": date}
        if truncated:
            warc_headers["WARC-Truncated"] = truncated
        for key, value in (meta or {}).items():
            warc_headers[f"X-Ceasefire-{key}"] = quote(value, safe=" /:?=&,;+@()'!*$~.-_")
        response = writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=http_headers, warc_headers_dict=warc_headers
        )
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        req_headers = StatusAndHeaders(
            f"{method} {target} {protocol}", list(request_headers), protocol=protocol, is_http_request=True
        )
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=req_headers,
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        writer.write_record(response)
        writer.write_record(request)
        assert self._fh is not None
        # Flushed per exchange: a killed run leaves at most one partial record at the tail.
        self._fh.flush()

    def _close_file(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self._fh = None
        self._writer = None

    def close(self) -> None:
        """Close the current file."""
        self._close_file()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def warc_files(root: Path, since: dt.date, until: dt.date) -> list[Path]:
    """WARC files under root whose YYYY/MM/DD folder lies within [since, until], in date then name order."""
    found: list[Path] = []
    day = since
    while day <= until:
        folder = Path(root) / f"{day:%Y}" / f"{day:%m}" / f"{day:%d}"
        if folder.is_dir():
            found.extend(sorted(p for p in folder.iterdir() if p.name.endswith((".warc.gz", ".warc"))))
        day += dt.timedelta(days=1)
    return found


def _meta(record: Any, key: str) -> str | None:
    value = record.rec_headers.get_header(f"X-Ceasefire-{key}")
    return unquote(value) if value else None


def _warc_date(record: Any) -> dt.datetime | None:
    raw = record.rec_headers.get_header("WARC-Date")
    if not raw:
        return None
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).astimezone(dt.UTC)
    except ValueError:
        return None


def is_page_type(content_type: str | None) -> bool:
    """True for HTML (or no declared type, which the extractor can still sniff)."""
    if not content_type:
        return True
    return content_type.split(";", 1)[0].strip().lower() in _PAGE_TYPES


def record_to_result(record: Any, max_bytes: int = READ_MAX_BYTES) -> FetchResult | None:
    """One response record as a FetchResult; None for redirect hops and for feed/robots.txt records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    kind = _meta(record, "Kind") or "page"
    hop = _meta(record, "Outcome")
    status = record.http_headers.get_statuscode()
    status_code = int(status) if status and status.isdigit() else None
    location = record.http_headers.get_header("Location")
    if kind != "page" or hop == "redirect" or (hop is None and location and status_code and 300 <= status_code < 400):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type")
    published = _meta(record, "Feed-Published")
    result = FetchResult(
        url=_meta(record, "Candidate") or url,
        source=_meta(record, "Source") or (urlsplit(url).hostname or ""),
        outcome="ok",
        final_url=url,
        status_code=status_code,
        attempts=1,
        fetched_at=_warc_date(record),
        content_type=content_type,
        feed_title=_meta(record, "Feed-Title"),
        feed_published=dt.datetime.fromisoformat(published) if published else None,
    )
    if hop and hop != "ok":
        result.outcome = hop
    elif status_code == 304:
        result.outcome = "not_modified"
    elif status_code is None or not 200 <= status_code < 300:
        result.outcome = "http_error"
        result.error = f"HTTP {status_code}"
    elif not is_page_type(content_type):
        result.outcome = "not_html"
    elif record.rec_headers.get_header("WARC-Truncated"):
        result.outcome = "too_large"
    if result.outcome != "ok":
        return result
    # content_stream() undoes chunked/gzip transfer encodings that other archivers keep on the wire form.
    stream = record.content_stream()
    body = stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        result.outcome = "too_large"
        result.bytes = len(body)
        return result
    result.body = body
    result.bytes = len(body)
    return result


def iter_warc(paths: Iterable[Path], max_bytes: int = READ_MAX_BYTES) -> Iterator[FetchResult]:
    """FetchResults for the page responses in WARC files (ours or Common Crawl News), without the network.

    Redirect hops, feeds and robots.txt are skipped; a truncated tail (a killed run) ends that file quietly.
    """
    for path in paths:
        try:
            with open(path, "rb") as fh:
                for record in ArchiveIterator(fh):
                    result = record_to_result(record, max_bytes)
                    if result is not None:
                        yield result
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
            log.warning("stopped reading %s: %s", path, exc)
