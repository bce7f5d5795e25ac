"""Which URLs the watcher may fetch: http(s) only, and never an address inside the machine or its network.

A feed is data from strangers, and so is every link in it. Without these checks a feed item linking to
`http://169.254.169.254/` or `http://2130706433/` would make Lanner read a cloud metadata service or a
loopback admin page on the author's behalf. Host names are turned into addresses here, once per hop, and
the connection is then made to exactly the address that was checked, so a DNS answer that changes
between the check and the connection cannot slip a private address in.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from lanner.errors import Code
from lanner.watch.errors import WatchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]

SCHEMES = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SIXTOFOUR = ipaddress.ip_network("2002::/16")
_LOOPBACK_NAMES = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class AddressPolicy:
    """What may be fetched. The default refuses everything that is not a public internet address.

    `allow_private` lifts the address check altogether (a feed server on the local network);
    `allowed_networks` lifts it for the networks listed only, e.g. ("127.0.0.1/32",) for a test server.
    """

    allow_private: bool = False
    allowed_networks: tuple[str, ...] = ()

    def allows(self, address: IPAddress) -> bool:
        if self.allow_private:
            return True
        return any(address in ipaddress.ip_network(network, strict=False) for network in self.allowed_networks)


@dataclass(frozen=True)
class Target:
    """One vetted hop: where to connect (`addresses`, all checked) and what to ask for."""

    url: str
    scheme: str
    host: str  # the name as the server should see it (Host header, TLS server name)
    port: int
    path: str  # path and query, never empty
    addresses: tuple[str, ...]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (TCP), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise WatchError(Code.FETCH_FAILED, f"cannot resolve {host}: {error}", origin=host) from error
    return [str(info[4][0]) for info in infos]


def vet_url(url: str, policy: AddressPolicy, resolve: Resolver = system_resolver) -> Target:
    """The hop to make for `url`, or URL_REFUSED before any connection is attempted.

    Refused: schemes other than http and https, credentials in the URL, IPv6 zone ids, and any host
    with at least one address that is loopback, private, link-local, multicast, reserved, unspecified
    or otherwise not globally routable, whatever form the address is written in (decimal, hex, octal,
    shortened, IPv4-mapped, NAT64, 6to4, full-width digits) — unless the policy allows it.
    """
    parts = _split(url)
    host = _ascii_host(parts, url)
    try:
        port = parts.port or SCHEMES[parts.scheme.lower()]
    except ValueError as error:
        raise WatchError(Code.URL_REFUSED, f"bad port in {url!r}", origin=url) from error
    literal = _literal_address(host, url)
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    elif host == "localhost" or host.endswith(".localhost"):
        addresses = [ipaddress.ip_address(name) for name in _LOOPBACK_NAMES]  # RFC 6761: never ask DNS
    else:
        found = resolve(host, port)
        if not found:
            raise WatchError(Code.FETCH_FAILED, f"{host} has no address", origin=url)
        addresses = [_parse_resolved(address, url) for address in found]
    for address in addresses:
        reason = forbidden_reason(address)
        if reason and not policy.allows(address):
            shown = host if str(address) == host else f"{host} ({address})"
            raise WatchError(
                Code.URL_REFUSED,
                f"refused {shown}: a {reason} address (use --allow-private to fetch from a local network)",
                origin=url,
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(
        url=url,
        scheme=parts.scheme.lower(),
        host=str(literal) if literal is not None else host,
        port=port,
        path=path,
        addresses=tuple(dict.fromkeys(str(address) for address in addresses)),
    )


def forbidden_reason(address: IPAddress) -> str | None:
    """Why an address is not a public internet address (None when it is one).

    IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by the IPv4 address they reach.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            inner = forbidden_reason(embedded)
            return f"{inner} (embedded in IPv6)" if inner else None
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
        ("site-local", isinstance(address, ipaddress.IPv6Address) and address.is_site_local),
        ("non-global", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _SIXTOFOUR:
        return address.sixtofour
    return None


def _split(url: str) -> SplitResult:
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:
        raise WatchError(Code.URL_REFUSED, f"not a URL: {url!r}", origin=url) from error
    if parts.scheme.lower() not in SCHEMES:
        shown = parts.scheme or "no scheme"
        raise WatchError(Code.URL_REFUSED, f"refused {shown}: only http and https URLs are fetched", origin=url)
    if parts.username is not None or parts.password is not None:
        raise WatchError(Code.URL_REFUSED, "refused: URLs with credentials (user@host) are not fetched", origin=url)
    return parts


def _ascii_host(parts: SplitResult, url: str) -> str:
    """The host in ASCII and lower case, without a trailing dot (IDNA mapping also folds full-width digits)."""
    host = parts.hostname or ""
    if "%" in host:
        raise WatchError(Code.URL_REFUSED, "refused: IPv6 zone ids name a local interface", origin=url)
    if ":" not in host:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as error:
            raise WatchError(Code.URL_REFUSED, f"not a valid host name: {parts.hostname!r}", origin=url) from error
    host = host.lower().rstrip(".")
    if not host:
        raise WatchError(Code.URL_REFUSED, f"no host in {url!r}", origin=url)
    return host


def _literal_address(host: str, url: str) -> IPAddress | None:
    """The address a host written as an address means, in every form resolvers accept (else None).

    Besides dotted quads, the C library reads `2130706433`, `0x7f000001`, `0177.0.0.1` and `127.1` as
    127.0.0.1; they are read the same way here, so no form gets past the check by looking like a name.
    """
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            return None
    labels = host.split(".")
    if not _numeric_label(labels[-1]):
        return None  # a name (a name's last label is never a number)
    values = [_label_value(label) if _numeric_label(label) else -1 for label in labels]
    *leading, last = values
    if len(values) > 4 or any(not 0 <= value <= 255 for value in leading) or last >= 256 ** (5 - len(values)):
        raise WatchError(Code.URL_REFUSED, f"refused {host}: neither a host name nor a valid address", origin=url)
    number = last
    for position, value in enumerate(leading):
        number |= value << (8 * (3 - position))
    return ipaddress.IPv4Address(number)


def _numeric_label(label: str) -> bool:
    lowered = label.lower()
    if lowered.startswith("0x"):
        return all(ch in "0123456789abcdef" for ch in lowered[2:])
    return label.isascii() and label.isdigit()


def _label_value(label: str) -> int:
    lowered = label.lower()
    if lowered.startswith("0x"):
        return int(lowered[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8) if all(ch in "01234567" for ch in label) else 256**4
    return int(label)


def _parse_resolved(address: str, url: str) -> IPAddress:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError as error:
        raise WatchError(Code.FETCH_FAILED, f"the resolver gave a bad address {address!r}", origin=url) from error
