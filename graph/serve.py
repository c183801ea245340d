"""``govkg serve``: Oxigraph's server, behind a front that reads every query first.

``oxigraph serve-read-only`` runs ``SERVICE`` calls itself and has no switch to refuse them.
So it listens on a private loopback port, and a small forwarding front on the public
address parses each query (``graph.query.check_network``: its algebra, not its text) and
passes on only a query that reads nothing from outside the graph; an update is refused
too.  The server's own ``--timeout-s`` stops a query that runs too long, even when the
client has gone.  The rest (its query page at ``/``, result formats) passes through as is.
"""
from __future__ import annotations

import http.client
import signal
import socket
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .query import QueryError, check_network

MAX_BODY = 1 << 20              # bytes of a POSTed query
FORWARDED_HEADERS = ("Accept", "Content-Type")


class ServeError(RuntimeError):
    """The server cannot start: the port is taken, or Oxigraph's server did not come up."""


def query_of(method: str, target: str, content_type: str, body: bytes) -> tuple[str | None, bool]:
    """The SPARQL text a request carries (None when none) and whether it is an update,
    by the SPARQL 1.1 Protocol's three ways of sending one.

    >>> query_of("GET", "/query?query=ASK%7B%7D", "", b"")
    ('ASK{}', False)
    >>> query_of("POST", "/update", "application/sparql-update", b"DROP ALL")
    ('DROP ALL', True)
    """
    form = parse_qs(urlsplit(target).query)
    kind = content_type.split(";")[0].strip().lower()
    if method == "POST" and kind == "application/x-www-form-urlencoded":
        form = {**form, **parse_qs(body.decode("utf-8", "replace"))}
    elif method == "POST" and kind in ("application/sparql-query", "application/sparql-update"):
        return body.decode("utf-8", "replace"), kind.endswith("update")
    if "update" in form:
        return form["update"][0], True
    return (form["query"][0] if "query" in form else None), False


def refusal(query: str | None, update: bool) -> str | None:
    """Why a query is not passed on, or None."""
    if update:
        return "updates are refused: this endpoint is read-only"
    if query is None:
        return None
    try:
        check_network(query)
    except QueryError as e:
        return str(e).replace("; pass --allow-network to permit it", ": refused by this endpoint")
    return None


def _handler(backend: tuple[str, int], timeout: float):
    class Front(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self._pass(b"")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._answer(413, f"a request body of at most {MAX_BODY} bytes")
            self._pass(self.rfile.read(length))

        def _pass(self, body: bytes) -> None:
            query, update = query_of(self.command, self.path, self.headers.get("Content-Type", ""), body)
            why = refusal(query, update)
            if why is not None:
                return self._answer(403 if update or "refused" in why else 400, why)
            conn = http.client.HTTPConnection(*backend, timeout=timeout + 10)
            try:
                conn.request(self.command, self.path, body or None,
                             {h: self.headers[h] for h in FORWARDED_HEADERS if self.headers.get(h)})
                reply = conn.getresponse()
                data = reply.read()
            except OSError as e:
                return self._answer(504, f"the query did not finish: {e}")
            finally:
                conn.close()
            self.send_response(reply.status, reply.reason)
            for name, value in reply.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _answer(self, status: int, text: str) -> None:
            data = (text + "\n").encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format, *args):       # noqa: A002 — the base class's name
            pass
    return Front


def listen(host: str, port: int, backend: tuple[str, int], timeout: float) -> ThreadingHTTPServer:
    """The front, bound to ``host:port`` (a clear error when the port is taken)."""
    ThreadingHTTPServer.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return ThreadingHTTPServer((host, port), _handler(backend, timeout))
    except OSError as e:
        raise ServeError(f"cannot listen on {host}:{port}: {e.strerror or e}"
                         + (" (another server is using it; pick another with --port)"
                            if e.errno in (98, 48, 10048) else "")) from None


def start_backend(argv: list[str], timeout: float) -> tuple[subprocess.Popen, tuple[str, int]]:
    """Oxigraph's server (``argv`` from ``remote.serve_command``, its --bind replaced) on a
    free loopback port, with its query time limit; waits until it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    argv = list(argv)
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    argv += ["--timeout-s", str(max(1, round(timeout)))]
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise ServeError(f"Oxigraph's server stopped: {child.stderr.read().decode('utf-8', 'replace')[-500:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return child, ("127.0.0.1", port)
        except OSError:
            time.sleep(0.1)
    child.kill()
    raise ServeError("Oxigraph's server did not start within 30 s")


def _die_with_parent() -> None:
    """In the server's process (Linux): end when govkg ends, however it ends."""
    import ctypes
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)          # PR_SET_PDEATHSIG


def serve(argv: list[str], host: str, port: int, timeout: float, ready=None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM): the front on ``host:port``, Oxigraph's
    server behind it.  ``ready(url)`` is called once both listen."""
    front = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    child, backend = start_backend(argv, timeout)
    try:
        front = listen(host, port, backend, timeout)
        if ready is not None:
            ready(f"http://{host}:{front.server_address[1]}/query")
        front.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if front is not None:
            front.server_close()
        child.terminate()
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
