"""Who is on the other end of a request: the socket peer, or the client a *trusted* proxy names (issue #12, 10).

``X-Forwarded-For`` is a list every proxy appends the address it saw to; anything left of the last trusted proxy's
entry was written by the client and proves nothing. So the header is used only when the socket peer is a
configured trusted proxy, and then read from the right: trusted proxies are skipped and the first address that is
not one is the client. Without configured proxies the header is ignored and the socket peer is the client.

Trusted proxies come from ``$WALKTHROUGH_TRUSTED_PROXIES``: addresses or networks separated by commas or spaces
(``127.0.0.1``, ``10.0.0.0/8``, ``::1``). A malformed entry raises ``ValueError`` naming it, so a typo never
silently trusts nothing or everything.
"""

from __future__ import annotations

import ipaddress
import os
import re

ENV_VAR = "WALKTHROUGH_TRUSTED_PROXIES"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_proxies(value: str | None = None) -> tuple[Network, ...]:
    """The configured trusted proxies (``value`` or ``$WALKTHROUGH_TRUSTED_PROXIES``); empty when none."""
    text = os.environ.get(ENV_VAR, "") if value is None else value
    networks = []
    for item in re.split(r"[\s,]+", text.strip()):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item.strip("[]"), strict=False))
        except ValueError as exc:
            raise ValueError(
                f"{ENV_VAR}：{item!r} 不是 IP 位址或網段 / {ENV_VAR}: {item!r} is not an IP address or network "
                f"(use e.g. 127.0.0.1 or 10.0.0.0/8, separated by commas)"
            ) from exc
    return tuple(networks)


def parse_address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An IP address from a header hop or socket peer (``1.2.3.4``, ``1.2.3.4:5678``, ``[::1]:80``), else None."""
    value = (text or "").strip()
    if value.startswith("["):  # [v6]:port
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _trusted(address, proxies: tuple[Network, ...]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(peer: str | None, forwarded_for: str | None, proxies: tuple[Network, ...]) -> str | None:
    """The client's address: ``peer`` unless it is a trusted proxy, then the nearest untrusted ``X-Forwarded-For`` hop.

    A trusted proxy that sent no usable header leaves the proxy itself as the answer (never a client-written value).
    """
    peer_address = parse_address(peer)
    if peer_address is None:
        return peer or None
    if not proxies or not _trusted(peer_address, proxies):
        return str(peer_address)
    hops = [hop for hop in (forwarded_for or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:  # a proxy we trust wrote something that is no address: stop trusting the header
            return str(peer_address)
        if not _trusted(address, proxies):
            return str(address)
    # Every hop is a trusted proxy: the leftmost one is the farthest we can vouch for.
    first = parse_address(hops[0]) if hops else None
    return str(first or peer_address)


def peer_is_trusted(peer: str | None, proxies: tuple[Network, ...]) -> bool:
    """Whether the socket peer is a configured trusted proxy (so its X-Forwarded-* headers may be believed)."""
    address = parse_address(peer)
    return address is not None and bool(proxies) and _trusted(address, proxies)


# Streamlit serves through uvicorn, whose ProxyHeadersMiddleware is on by default: for a peer it trusts
# ($FORWARDED_ALLOW_IPS, default 127.0.0.1 and ::1) it *replaces* the peer by an X-Forwarded-For hop before the app
# sees it. So on a loopback-bound dashboard any local process could name its own address. ``socket_peer`` undoes
# that: when the address the app was given is a hop of the header and the server trusts some peers, the real peer
# was one of those (a loopback address by default), and our own rule (``client_address``) decides from there.
SERVER_ENV_VAR = "FORWARDED_ALLOW_IPS"
_SERVER_DEFAULT = "127.0.0.1,::1"


def server_trusted(value: str | None = None) -> tuple[Network, ...]:
    """The peers uvicorn believes X-Forwarded-For from (``value`` or ``$FORWARDED_ALLOW_IPS``, its default)."""
    text = os.environ.get(SERVER_ENV_VAR, _SERVER_DEFAULT) if value is None else value
    networks = []
    for item in re.split(r"[\s,]+", text.strip()):
        if item == "*":
            networks += [ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")]
        elif item:
            try:
                networks.append(ipaddress.ip_network(item.strip("[]"), strict=False))
            except ValueError:  # uvicorn also takes literal host names (unix sockets): nothing to undo for them
                continue
    return tuple(networks)


def socket_peer(seen: str | None, forwarded_for: str | None, server: tuple[Network, ...]) -> str | None:
    """The TCP peer, given the (possibly rewritten) address the ASGI server handed to the app."""
    seen_address = parse_address(seen)
    if seen_address is None or not forwarded_for or not server:
        return seen
    hops = {parse_address(hop) for hop in forwarded_for.split(",")}
    if seen_address not in hops:
        return seen
    loopback = [net for net in server if net.network_address.is_loopback]
    return str((loopback or list(server))[0].network_address)
