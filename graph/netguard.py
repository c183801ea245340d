"""No network unless the user allows it: a Python audit hook that refuses outgoing
connections, name lookups and URL requests to anything but this machine.

rdflib can reach the network from a query (``SERVICE``, ``FROM``) or a parse (a JSON-LD
``@context``); the hook stops every such path that goes through Python's socket or urllib.
(Oxigraph's own ``SERVICE`` client is refused earlier, by ``query.check_network`` on the
parsed query.)
Audit hooks cannot be removed, so the hook reads a switch: ``offline()`` turns it on.
"""
from __future__ import annotations

import ipaddress
import sys
from contextlib import contextmanager

_state = {"installed": False, "offline": False}
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkRefused(PermissionError):
    """An attempt to reach the network while it is off."""


def _is_local(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_of_url(url: str) -> str | None:
    from urllib.parse import urlsplit
    split = urlsplit(url)
    if split.scheme in ("", "file", "data"):
        return None
    return split.hostname or ""


def _hook(event: str, args) -> None:
    if not _state["offline"]:
        return
    host = None
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple):
            host = address[0]
        else:
            return                              # a Unix socket: local by nature
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        host = args[0]
    elif event == "urllib.Request":
        host = _host_of_url(args[0])
        if host is None:
            return
    else:
        return
    if not _is_local(host):
        raise NetworkRefused(f"network access to {host} refused: govkg works offline unless "
                             "you pass --allow-network")


def offline(on: bool = True) -> None:
    """Refuse (``on``) or allow outgoing network access from this process."""
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True
    _state["offline"] = on


@contextmanager
def network_off(on: bool = True):
    """``with network_off(): …`` — offline for the block, as it was after."""
    before = _state["offline"]
    offline(on)
    try:
        yield
    finally:
        _state["offline"] = before
