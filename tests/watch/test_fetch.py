"""The safe fetcher: address forms refused before any connection, redirects re-vetted, limits enforced.

A guard wraps `socket.create_connection` for every test here: a connection to anything but 127.0.0.1
fails the test, so a refusal that came too late (after connecting) cannot pass unnoticed.
"""

from __future__ import annotations

import socket
import time

import pytest
from feedserver import FeedServer, Response, article_page, rss, slow_handler

from lanner.errors import Code
from lanner.watch import AddressPolicy, FetchLimits, WatchError, fetch, vet_url

LOOPBACK_ONLY = AddressPolicy(allowed_networks=("127.0.0.1/32",))


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail the test on any attempt to connect anywhere but 127.0.0.1; count the attempts."""
    attempts: list[str] = []
    real = socket.create_connection

    def guarded(address, *args, **kwargs):
        attempts.append(address[0])
        if address[0] != "127.0.0.1":
            raise AssertionError(f"the fetcher tried to connect to {address[0]}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
    return attempts


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"the fetcher asked DNS for {host!r}; every form in the table must be read without DNS")


# Each form names a loopback, private, link-local or otherwise internal address, or a scheme that is
# not http(s). {port} is the test server's port, so a form wrongly let through would reach it.
FORBIDDEN = [
    "http://127.0.0.1:{port}/feed.xml",
    "http://2130706433:{port}/feed.xml",  # decimal
    "http://0x7f000001:{port}/feed.xml",  # hex
    "http://0177.0.0.1:{port}/feed.xml",  # octal
    "http://127.1:{port}/feed.xml",  # short
    "http://0x7f.1:{port}/feed.xml",  # short, hex
    "http://0x7f.0.0.1:{port}/feed.xml",
    "http://017700000001:{port}/feed.xml",  # octal, one number
    "http://127.000.000.001:{port}/feed.xml",
    "http://127.0.0.1.:{port}/feed.xml",  # trailing dot
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:{port}/feed.xml",  # full-width digits
    "http://[::1]:{port}/feed.xml",
    "http://[::ffff:127.0.0.1]:{port}/feed.xml",  # IPv4-mapped
    "http://[::ffff:7f00:1]:{port}/feed.xml",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:{port}/feed.xml",
    "http://[::127.0.0.1]:{port}/feed.xml",  # IPv4-compatible
    "http://[64:ff9b::127.0.0.1]:{port}/feed.xml",  # NAT64
    "http://[2002:7f00:1::]:{port}/feed.xml",  # 6to4
    "http://localhost:{port}/feed.xml",
    "http://LOCALHOST.:{port}/feed.xml",
    "http://feeds.localhost:{port}/feed.xml",
    "http://0:{port}/feed.xml",  # 0.0.0.0 reaches the local host
    "http://0.0.0.0:{port}/feed.xml",
    "http://[::]:{port}/feed.xml",
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://2852039166/latest/meta-data/",  # the same, decimal
    "http://0xa9fea9fe/latest/meta-data/",  # the same, hex
    "http://0251.0376.0251.0376/latest/meta-data/",  # the same, octal
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://10.0.0.1/",
    "http://10.1/",  # short for 10.0.0.1
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://192.0.2.1/",  # documentation
    "http://198.18.0.1/",  # benchmarking
    "http://224.0.0.1/",  # multicast
    "http://255.255.255.255/",
    "http://[fe80::1]/",
    "http://[fe80::1%25eth0]/",  # zone id
    "http://[fc00::1]/",
    "http://[fd12:3456::1]/",
    "http://[fec0::1]/",  # site-local
    "http://[ff02::1]/",
    "http://256.0.0.1/",  # not an address in any form, and not a name either
    "http://user:secret@example.com/",  # credentials
    "http://example.com@127.0.0.1/",
    "file:///etc/passwd",
    "ftp://127.0.0.1/",
    "gopher://127.0.0.1:70/",
    "javascript:alert(1)",
    "data:text/html,<p>hi</p>",
    "//127.0.0.1/feed.xml",
]


def test_the_table_has_at_least_thirty_forms():
    assert len(FORBIDDEN) >= 30


@pytest.mark.parametrize("form", FORBIDDEN)
def test_forbidden_forms_are_refused_before_connecting(form, feed_server: FeedServer, loopback_only):
    feed_server.routes["/feed.xml"] = Response(rss([("afgoye", "/a")]), headers={"Content-Type": "application/xml"})
    with pytest.raises(WatchError) as refused:
        fetch(form.format(port=feed_server.port), "feed", resolve=no_dns)
    assert refused.value.code == Code.URL_REFUSED, refused.value.render()
    assert loopback_only == []  # not even a connection attempt
    assert feed_server.requests == []


REDIRECT_TARGETS = [
    "http://10.0.0.1/feed.xml",
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://0xa9fea9fe/latest/meta-data/",
    "http://192.168.1.1/admin",
    "http://[::1]:{port}/feed.xml",  # loopback, but not the one address allowed
    "http://127.0.0.2:{port}/feed.xml",
    "http://2130706434:{port}/feed.xml",  # 127.0.0.2, decimal
    "http://0x7f000002:{port}/feed.xml",
    "http://[::ffff:10.0.0.1]/",
    "http://localhost:{port}/feed.xml",  # also ::1
    "http://[fe80::1]/",
    "file:///etc/passwd",
    "ftp://127.0.0.1/feed.xml",
]


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_redirect_to_a_forbidden_address_is_refused(target, status, feed_server: FeedServer, loopback_only):
    """The first hop, to 127.0.0.1, is allowed explicitly; where it redirects to is vetted again, and refused."""
    location = target.format(port=feed_server.port)
    feed_server.routes["/feed.xml"] = Response(rss([("afgoye", "/a")]), headers={"Content-Type": "application/xml"})
    feed_server.routes["/moved"] = Response(b"", status, {"Location": location})
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/moved"), "feed", policy=LOOPBACK_ONLY, resolve=no_dns)
    assert refused.value.code == Code.URL_REFUSED, refused.value.render()
    assert refused.value.origin == location
    assert feed_server.paths() == ["/moved"]
    assert loopback_only == ["127.0.0.1"]


def test_a_redirect_to_an_allowed_address_is_followed(feed_server: FeedServer):
    feed_server.routes["/feed.xml"] = Response(rss([("afgoye", "/a")]), headers={"Content-Type": "application/xml"})
    feed_server.routes["/old"] = Response(b"", 301, {"Location": "/moved"})
    feed_server.routes["/moved"] = Response(b"", 302, {"Location": feed_server.url("/feed.xml")})
    fetched = fetch(feed_server.url("/old"), "feed", policy=LOOPBACK_ONLY, resolve=no_dns)
    assert fetched.body.startswith(b"<?xml")
    assert fetched.url == feed_server.url("/feed.xml")
    assert len(fetched.hops) == 3
    assert feed_server.paths() == ["/old", "/moved", "/feed.xml"]


def test_default_policy_refuses_the_test_server_and_allow_private_reaches_it(feed_server: FeedServer):
    feed_server.routes["/feed.xml"] = Response(rss([("afgoye", "/a")]), headers={"Content-Type": "application/xml"})
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/feed.xml"), "feed")
    assert refused.value.code == Code.URL_REFUSED
    assert "loopback" in refused.value.message
    fetched = fetch(feed_server.url("/feed.xml"), "feed", policy=AddressPolicy(allow_private=True))
    assert b"Horn Monitor" in fetched.body


def test_a_name_is_resolved_once_and_the_vetted_address_is_dialled_with_the_name_as_host(feed_server: FeedServer):
    """What DNS says at check time is what is connected to; the server still sees its own name."""
    answers = []

    def resolver(host: str, port: int) -> list[str]:
        answers.append(host)
        return ["127.0.0.1"]

    feed_server.routes["/feed.xml"] = Response(rss([("afgoye", "/a")]), headers={"Content-Type": "application/xml"})
    fetch(f"http://news.example:{feed_server.port}/feed.xml", "feed", policy=LOOPBACK_ONLY, resolve=resolver)
    assert answers == ["news.example"]
    assert feed_server.requests == [("/feed.xml", f"news.example:{feed_server.port}")]


@pytest.mark.parametrize(
    "answer",
    [["93.184.216.34", "10.0.0.1"], ["::ffff:169.254.169.254"], ["2606:2800:220:1::1", "fd00::1"], ["127.0.0.1"]],
)
def test_a_name_with_any_internal_address_is_refused(answer, loopback_only):
    with pytest.raises(WatchError) as refused:
        fetch("http://feeds.example/rss", "feed", resolve=lambda host, port: answer)
    assert refused.value.code == Code.URL_REFUSED
    assert loopback_only == []


def test_public_addresses_pass_the_check_without_a_connection():
    """The check itself lets the public internet through (vetting only: nothing is fetched here)."""
    for url in ("http://93.184.216.34/", "https://[2606:2800:220:1::1]/", "http://[::ffff:8.8.8.8]/"):
        target = vet_url(url, AddressPolicy(), no_dns)
        assert target.addresses
    target = vet_url("https://news.example/feed?x=1#top", AddressPolicy(), lambda host, port: ["93.184.216.34"])
    assert (target.host, target.port, target.path) == ("news.example", 443, "/feed?x=1")
    assert target.addresses == ("93.184.216.34",)


# -- limits ------------------------------------------------------------------------------------------


def test_a_declared_oversize_body_is_refused_unread(feed_server: FeedServer):
    feed_server.routes["/big.html"] = Response(b"x" * 300_000, headers={"Content-Type": "text/html"})
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/big.html"), "page", policy=LOOPBACK_ONLY, limits=FetchLimits(max_bytes=100_000))
    assert refused.value.code == Code.FETCH_TOO_LARGE


def test_an_undeclared_oversize_body_is_cut_off(feed_server: FeedServer):
    def endless(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        try:
            for _ in range(1000):  # 64 MB if nobody stops reading
                request.wfile.write(b"<p>" + b"a" * 65530 + b"</p>")
        except OSError:
            pass

    feed_server.routes["/endless.html"] = endless
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/endless.html"), "page", policy=LOOPBACK_ONLY, limits=FetchLimits(max_bytes=1_000_000))
    assert refused.value.code == Code.FETCH_TOO_LARGE


def test_a_slow_body_hits_the_time_limit(feed_server: FeedServer):
    feed_server.routes["/slow.html"] = slow_handler(chunks=40, pause_s=0.25)  # 10 s in all
    started = time.monotonic()
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/slow.html"), "page", policy=LOOPBACK_ONLY, limits=FetchLimits(timeout_s=1.0))
    assert refused.value.code == Code.FETCH_TIMEOUT
    assert time.monotonic() - started < 3.0


def test_slow_headers_hit_the_time_limit(feed_server: FeedServer):
    """A server that drips its header lines is cut off too (the watchdog, not only socket timeouts)."""

    def drip_headers(request):
        request.wfile.write(b"HTTP/1.1 200 OK\r\n")
        try:
            for number in range(40):
                time.sleep(0.2)
                request.wfile.write(f"X-Pad-{number}: 1\r\n".encode())
                request.wfile.flush()
        except OSError:
            pass

    feed_server.routes["/drip"] = drip_headers
    started = time.monotonic()
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/drip"), "feed", policy=LOOPBACK_ONLY, limits=FetchLimits(timeout_s=1.0))
    assert refused.value.code == Code.FETCH_TIMEOUT
    assert time.monotonic() - started < 3.0


def test_redirect_loops_stop(feed_server: FeedServer):
    feed_server.routes["/a"] = Response(b"", 302, {"Location": "/b"})
    feed_server.routes["/b"] = Response(b"", 302, {"Location": "/a"})
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/a"), "feed", policy=LOOPBACK_ONLY)
    assert refused.value.code == Code.TOO_MANY_REDIRECTS
    assert len(feed_server.requests) == 6  # the first request and five redirects


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({"Content-Type": "image/png"}, Code.UNEXPECTED_CONTENT),
        ({"Content-Type": "application/pdf"}, Code.UNEXPECTED_CONTENT),
        ({"Content-Type": "text/html", "Content-Encoding": "gzip"}, Code.UNEXPECTED_CONTENT),
    ],
)
def test_content_that_is_not_a_page_is_refused(headers, code, feed_server: FeedServer):
    feed_server.routes["/thing"] = Response(b"\x89PNG\r\n", headers=headers)
    with pytest.raises(WatchError) as refused:
        fetch(feed_server.url("/thing"), "page", policy=LOOPBACK_ONLY)
    assert refused.value.code == code


def test_http_errors_are_reported_with_their_status(feed_server: FeedServer):
    with pytest.raises(WatchError) as failed:
        fetch(feed_server.url("/missing"), "page", policy=LOOPBACK_ONLY)
    assert failed.value.code == Code.FETCH_FAILED
    assert "404" in failed.value.message


def test_a_conditional_request_is_answered_not_modified(feed_server: FeedServer):
    def conditional(request):
        if request.headers.get("If-None-Match") == '"v1"':
            request.send_response(304)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        body = rss([("afgoye", "/a")])
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("ETag", '"v1"')
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    feed_server.routes["/feed.xml"] = conditional
    first = fetch(feed_server.url("/feed.xml"), "feed", policy=LOOPBACK_ONLY)
    assert (first.etag, first.not_modified) == ('"v1"', False)
    again = fetch(feed_server.url("/feed.xml"), "feed", policy=LOOPBACK_ONLY, etag=first.etag)
    assert again.not_modified and again.body == b""


def test_a_page_is_fetched_whole(feed_server: FeedServer):
    page = article_page("afgoye")
    feed_server.routes["/a.html"] = Response(page, headers={"Content-Type": "text/html; charset=utf-8"})
    fetched = fetch(feed_server.url("/a.html"), "page", policy=LOOPBACK_ONLY)
    assert fetched.content_type == "text/html"
    assert fetched.body == page


def test_a_body_cut_short_is_an_error_not_a_page(feed_server: FeedServer):
    def cut_short(request):
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", "5000")
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(b"<html><body><p>Gunmen attacked")
        request.close_connection = True

    feed_server.routes["/cut.html"] = cut_short
    with pytest.raises(WatchError) as failed:
        fetch(feed_server.url("/cut.html"), "page", policy=LOOPBACK_ONLY)
    assert failed.value.code == Code.FETCH_FAILED


def test_https_dials_the_vetted_address_and_names_the_host_in_tls(tmp_path):
    """A TLS server on 127.0.0.1 sees the feed's host name as SNI; its self-signed certificate is refused."""
    import shutil
    import ssl
    import subprocess
    import threading

    openssl = shutil.which("openssl")
    assert openssl, "openssl is needed to make the test certificate"
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example"]
    subprocess.run(
        [openssl, *request, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def accept_one() -> None:
        conn, _ = listener.accept()
        try:
            context.wrap_socket(conn, server_side=True).close()
        except (ssl.SSLError, OSError):
            pass  # the client rejects the certificate mid-handshake
        finally:
            conn.close()

    thread = threading.Thread(target=accept_one, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    try:
        with pytest.raises(WatchError) as failed:
            fetch(f"https://news.example:{port}/feed", "feed", policy=LOOPBACK_ONLY, resolve=lambda h, p: ["127.0.0.1"])
    finally:
        thread.join(timeout=5)
        listener.close()
    assert names == ["news.example"]
    assert failed.value.code == Code.FETCH_FAILED
    assert "CERTIFICATE_VERIFY_FAILED" in failed.value.message
