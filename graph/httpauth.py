"""One HTTP request to a SPARQL server, answering its Basic or Digest challenge.

The server's challenge decides the scheme: a request goes out without credentials, a
``401`` names the scheme (``WWW-Authenticate``), and the request goes again with them.
The challenge is remembered in the ``Login``, so the next requests of a push carry
credentials at once (a Digest nonce the server no longer takes is answered afresh).
urllib's own handlers, chained, answer one scheme or the other depending on their order and
on whether Basic credentials went first: Virtuoso's ``/sparql-graph-crud-auth`` (Digest
only) refused such a chain with ``401`` while ``curl --digest`` was let in.
Basic: RFC 7617; Digest: RFC 7616 (MD5, SHA-256 and their ``-sess`` forms, ``qop=auth``).
"""
from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.request import parse_http_list, parse_keqv_list

TIMEOUT = 300                   # seconds for one HTTP request
HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


class RemoteError(RuntimeError):
    """A server that cannot be reached, or that refused a request; the message says which."""


class Unreachable(RemoteError):
    """No answer at all (refused, unknown host, timed out): later requests would fare the same."""


class Unauthorized(RemoteError):
    """The server refused the credentials (or wants some): later requests would fare the same."""


@dataclass
class Login:
    """A user's credentials and the last challenge their server sent (scheme, parameters)."""

    user: str
    password: str = ""
    scheme: str | None = None
    params: dict = field(default_factory=dict)
    count: int = 0                  # Digest: requests made with the current nonce

    def answer(self, challenges: list[str]) -> bool:
        """Take the server's challenges (``WWW-Authenticate`` values); Digest is preferred
        to Basic.  False when neither is offered."""
        offered = parse_challenges(challenges)
        for scheme in ("digest", "basic"):
            if scheme in offered:
                self.scheme, self.params, self.count = scheme, offered[scheme], 0
                return True
        return False

    def header(self, method: str, url: str) -> str | None:
        """The ``Authorization`` value for a request, once a challenge is known."""
        if self.scheme == "basic":
            pair = f"{self.user}:{self.password}".encode("utf-8")
            return "Basic " + base64.b64encode(pair).decode("ascii")
        if self.scheme == "digest":
            self.count += 1
            parts = urlsplit(url)
            uri = parts.path + (f"?{parts.query}" if parts.query else "")
            return digest_authorization(self.user, self.password, method, uri, self.params,
                                        self.count, secrets.token_hex(8))
        return None


def parse_challenges(values: list[str]) -> dict[str, dict[str, str]]:
    """Each scheme of ``WWW-Authenticate`` values (lower case) with its parameters.

    >>> parse_challenges(['Digest realm="SPARQL", nonce="ab", qop="auth"', 'Basic realm="x, y"'])
    {'digest': {'realm': 'SPARQL', 'nonce': 'ab', 'qop': 'auth'}, 'basic': {'realm': 'x, y'}}
    """
    out: dict[str, dict[str, str]] = {}
    current = None
    for value in values:
        for item in parse_http_list(value):
            head, _, rest = item.strip().partition(" ")
            if "=" not in head:             # "Digest realm=…" opens a challenge
                current = out.setdefault(head.lower(), {})
                item = rest.strip()
            if current is not None and "=" in item:
                current.update(parse_keqv_list([item]))
    return out


def digest_authorization(user: str, password: str, method: str, uri: str, params: dict,
                         count: int, cnonce: str) -> str:
    """The ``Authorization`` value answering a Digest challenge ``params``.

    The example of RFC 2617, section 3.5:

    >>> h = digest_authorization("Mufasa", "Circle Of Life", "GET", "/dir/index.html",
    ...     {"realm": "testrealm@host.com", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
    ...      "qop": "auth,auth-int", "opaque": "5ccc069c403ebaf9f0171e9517f40e41"}, 1, "0a4f113b")
    >>> 'response="6629fae49393a05397450978507c4ef1"' in h
    True
    """
    algorithm = params.get("algorithm", "MD5")
    base = algorithm.upper().removesuffix("-SESS")
    if base not in HASHES:
        raise RemoteError(f"the server asks for Digest {algorithm}, which govkg does not speak")

    def h(text: str) -> str:
        return HASHES[base](text.encode("utf-8")).hexdigest()
    realm, nonce, nc = params.get("realm", ""), params.get("nonce", ""), f"{count:08x}"
    secret = h(f"{user}:{realm}:{password}")
    if algorithm.upper().endswith("-SESS"):
        secret = h(f"{secret}:{nonce}:{cnonce}")
    qop = "auth" if "auth" in [q.strip() for q in params.get("qop", "").split(",")] else None
    target = h(f"{method}:{uri}")
    response = h(f"{secret}:{nonce}:{nc}:{cnonce}:{qop}:{target}" if qop else f"{secret}:{nonce}:{target}")
    fields = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"',
              f"algorithm={algorithm}", f'response="{response}"']
    if "opaque" in params:
        fields.append(f'opaque="{params["opaque"]}"')
    if qop:
        fields += [f"qop={qop}", f"nc={nc}", f'cnonce="{cnonce}"']
    return "Digest " + ", ".join(fields)


def request(url: str, body: bytes | None, method: str, headers: dict, login: Login | None = None) -> bytes:
    """The body of the server's answer; with a ``login``, a 401 is answered once with the
    credentials its challenge asks for.  Before a first request with a body, a ``HEAD``
    learns the challenge and tries the credentials: Virtuoso closes the connection on a
    request it will not authorise without reading its body (a broken pipe, not a 401)."""
    if login is not None and login.scheme is None and body:
        _exchange(url, None, "HEAD", {}, login, probe=True)
    return _exchange(url, body, method, headers, login)


def _exchange(url: str, body: bytes | None, method: str, headers: dict, login: Login | None,
              probe: bool = False) -> bytes:
    import urllib.request as ur                       # only when a server is used
    from urllib.error import HTTPError, URLError
    fresh = False                   # credentials made from the challenge just received
    for _ in range(2):
        auth = login.header(method, url) if login else None
        sent = {**headers, "Authorization": auth} if auth else headers
        try:
            with ur.urlopen(ur.Request(url, data=body, method=method, headers=sent), timeout=TIMEOUT) as r:
                return r.read()
        except HTTPError as e:
            challenges = e.headers.get_all("WWW-Authenticate") or []
            if e.code == 401 and login is not None and not fresh and login.answer(challenges):
                fresh = True
                continue
            if probe and e.code != 401:
                return b""          # past authentication (the server need not implement HEAD)
            _raise_for(e, method, url, login)
        except (URLError, OSError) as e:
            raise Unreachable(f"{method} {url}: {getattr(e, 'reason', e)}") from None
        except ValueError as e:                         # not a URL urllib can open
            raise RemoteError(f"{method} {url}: {e}") from None
    raise AssertionError("unreachable: the second 401 is raised above")


def _raise_for(e, method: str, url: str, login: Login | None):
    detail = e.read(500).decode("utf-8", "replace").strip().splitlines()
    message = f"{method} {url}: HTTP {e.code} {e.reason}" + (f": {detail[0]}" if detail else "")
    if e.code == 401:
        raise Unauthorized(message + (f" (user {login.user!r} was refused)" if login else
                                      " (give a user name and password)")) from None
    raise RemoteError(message) from None
