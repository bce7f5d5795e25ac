"""Downloading a feed or a page safely: every hop vetted, bytes and time capped.

Redirects are followed by hand so each new location is vetted like the first (`address.vet_url`), and
the connection goes to the address that was vetted, with the host name in the Host header and as the
TLS server name. A watchdog closes the socket when the download's time is up, so a server that drips
one byte a second cannot hold the watcher past its deadline.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin

from lanner import __version__
from lanner.errors import Code
from lanner.watch.address import AddressPolicy, Resolver, Target, system_resolver, vet_url
from lanner.watch.errors import WatchError

Kind = Literal["feed", "page"]

DEFAULT_MAX_BYTES = 10 * 2**20
DEFAULT_TIMEOUT_S = 30.0
MAX_REDIRECTS = 5
USER_AGENT = f"lanner/{__version__} (feed watcher)"

_REDIRECTS = {301, 302, 303, 307, 308}
_ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
}
_CHUNK = 65536


@dataclass(frozen=True)
class FetchLimits:
    """Caps on one download: bytes of body, seconds from first connection to last byte, redirects."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True)
class Fetched:
    """A finished download. `not_modified` is a 304 answer to a conditional request (body empty)."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str | None
    body: bytes
    hops: tuple[str, ...]  # every URL requested, in order
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def fetch(
    url: str,
    kind: Kind,
    *,
    limits: FetchLimits | None = None,
    policy: AddressPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    resolve: Resolver = system_resolver,
) -> Fetched:
    """GET `url` as a feed or a page, or raise WatchError with the reason.

    The time limit covers the whole download, redirects included. `etag` and `last_modified` (from
    an earlier download) make the request conditional, which a feed server may answer with 304.
    """
    limits = limits or FetchLimits()
    policy = policy or AddressPolicy()
    deadline = time.monotonic() + limits.timeout_s
    hops: list[str] = []
    current = url
    while True:
        target = vet_url(current, policy, resolve)
        hops.append(current)
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": _ACCEPT[kind],
            "Accept-Encoding": "identity",
            "Connection": "close",
        }
        if kind == "feed" and len(hops) == 1:
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        result = _request(target, headers, kind, limits, deadline, tuple(hops))
        if isinstance(result, Fetched):
            return result
        if len(hops) > limits.max_redirects:
            raise WatchError(
                Code.TOO_MANY_REDIRECTS, f"more than {limits.max_redirects} redirects (from {url})", origin=url
            )
        current = urljoin(current, result)


def _request(
    target: Target, headers: dict[str, str], kind: Kind, limits: FetchLimits, deadline: float, hops: tuple[str, ...]
) -> Fetched | str:
    """One hop: the download, or the Location it redirects to."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout(target.url, limits)
    connection = _PinnedConnection(target, remaining)
    watchdog = threading.Timer(remaining, connection.abort)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.request("GET", target.path, headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise WatchError(Code.FETCH_FAILED, f"HTTP {response.status} without a Location", origin=target.url)
            return location.strip()
        if response.status == 304:
            return Fetched(target.url, 304, None, b"", hops, not_modified=True)
        if response.status != 200:
            raise WatchError(Code.FETCH_FAILED, f"HTTP {response.status} {response.reason}".rstrip(), origin=target.url)
        content_type = _check_headers(response, kind, limits, target.url)
        body = _read_body(response, connection, limits, deadline, target.url)
        return Fetched(
            url=target.url,
            status=200,
            content_type=content_type,
            body=body,
            hops=hops,
            etag=response.getheader("ETag"),
            last_modified=response.getheader("Last-Modified"),
        )
    except WatchError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if time.monotonic() >= deadline or connection.aborted:
            raise _timeout(target.url, limits) from error
        raise WatchError(Code.FETCH_FAILED, f"{type(error).__name__}: {error}", origin=target.url) from error
    finally:
        watchdog.cancel()
        connection.close()


def _check_headers(response: http.client.HTTPResponse, kind: Kind, limits: FetchLimits, url: str) -> str | None:
    """Refuse, before reading the body, a response that is compressed, declared too large or not text."""
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise WatchError(Code.UNEXPECTED_CONTENT, f"the server sent {encoding}-encoded content", origin=url)
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise WatchError(
            Code.FETCH_TOO_LARGE,
            f"the response is {int(declared):,} bytes; the limit is {limits.max_bytes:,} (--max-bytes)",
            origin=url,
        )
    raw = response.getheader("Content-Type")
    content_type = raw.split(";", 1)[0].strip().lower() if raw else None
    if content_type and not _acceptable(content_type, kind):
        raise WatchError(Code.UNEXPECTED_CONTENT, f"expected a {kind}, got {content_type}", origin=url)
    return content_type


def _acceptable(content_type: str, kind: Kind) -> bool:
    """Feeds are some XML or text; pages some HTML, XML or text. Images, archives, PDFs and the like are not."""
    if content_type.startswith("text/") or "xml" in content_type:
        return True
    if kind == "feed":
        return content_type in ("application/rss", "application/atom", "application/octet-stream")
    return content_type == "application/octet-stream"


def _read_body(
    response: http.client.HTTPResponse, connection: _PinnedConnection, limits: FetchLimits, deadline: float, url: str
) -> bytes:
    """The body, read as it arrives, refused as soon as it passes the byte cap or the deadline."""
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() >= deadline:
            raise _timeout(url, limits)
        chunk = response.read1(_CHUNK)
        if not chunk:
            if connection.aborted:  # the watchdog shut the socket: what was read is a truncated body
                raise _timeout(url, limits)
            if response.length:  # bytes still owed by the Content-Length
                raise WatchError(Code.FETCH_FAILED, "the server closed the connection mid-body", origin=url)
            return b"".join(chunks)
        total += len(chunk)
        if total > limits.max_bytes:
            raise WatchError(
                Code.FETCH_TOO_LARGE,
                f"the response is more than {limits.max_bytes:,} bytes, the limit (--max-bytes)",
                origin=url,
            )
        chunks.append(chunk)


def _timeout(url: str, limits: FetchLimits) -> WatchError:
    return WatchError(
        Code.FETCH_TIMEOUT, f"the download took more than {limits.timeout_s:g} s, the limit (--timeout)", origin=url
    )


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to one of the vetted addresses, speaking to the server by its name."""

    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.default_port = 443 if target.scheme == "https" else 80  # a Host header without a needless port
        self._target = target
        self._lock = threading.Lock()
        self.aborted = False

    def connect(self) -> None:
        errors: list[str] = []
        for address in self._target.addresses:
            try:
                sock = socket.create_connection((address, self._target.port), timeout=self.timeout)
            except OSError as error:
                errors.append(f"{address}: {error}")
                continue
            self._hold(sock)
            if self._target.scheme == "https":
                context = ssl.create_default_context()
                self._hold(context.wrap_socket(sock, server_hostname=self._target.host))
            return
        raise OSError("could not connect: " + "; ".join(errors))

    def _hold(self, sock: socket.socket) -> None:
        """Make `sock` the one the watchdog shuts down (raw first, so a slow TLS handshake is covered too)."""
        with self._lock:
            self.sock = sock
            if self.aborted:
                raise OSError("time limit reached")

    def abort(self) -> None:
        """Called by the watchdog: unblock any read in progress by shutting the socket down."""
        with self._lock:
            self.aborted = True
            sock = self.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
