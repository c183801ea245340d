"""Real SPARQL servers on loopback ports for tests and benchmarks, each stopped by its own
process handle when its block ends: any server command (``running``), and a throw-away
Virtuoso (Debian's ``virtuoso-opensource``) with its own database in a temporary folder.

The configuration is the README's (section "Virtuoso"): both listeners bound to 127.0.0.1,
the dba password set before the server first answers, no row cap on SPARQL results and no
time cap (Virtuoso's defaults, 10,000 rows and 60 s, cut answers short without an error).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.error import URLError
from urllib.request import urlopen

CONFIG = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
DirsAllowed        = {folder}

[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {folder}
ServerThreads      = 4

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 0
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running server: its SPARQL query URL, its authenticated Graph Store URL, dba's password."""

    port: int
    password: str

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    @property
    def graph_store(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql-graph-crud-auth"


def binary() -> str | None:
    return shutil.which("virtuoso-t")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(argv: list[str], port: int) -> Iterator[subprocess.Popen]:
    """A server process that answers ``/query`` on ``port`` (Oxigraph's), stopped after."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        answering(f"http://127.0.0.1:{port}/query", proc, 20, 0.1,
                  lambda: f"server did not start: {proc.stderr.read().decode()[:500]}")
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def virtuoso(folder: Path, password: str = "govkg-test") -> Iterator[Virtuoso]:
    """A fresh Virtuoso whose database lives in ``folder``; stopped (by its own process
    handle) when the block ends."""
    program = binary()
    if program is None:
        raise RuntimeError("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(CONFIG.format(folder=folder, sql_port=free_port(), http_port=http_port), encoding="utf-8")
    # creates the database, sets dba's password, checkpoints and exits
    subprocess.run([program, "+foreground", "+configfile", str(ini), "+pwdold", "dba", "+pwddba", password,
                    "+checkpoint-only"], check=True, capture_output=True, timeout=300)
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], stdout=log,
                            stderr=subprocess.STDOUT, cwd=folder)
    try:
        server = Virtuoso(http_port, password)
        _wait_for(server, proc, folder)
        yield server
    finally:
        proc.terminate()                # Virtuoso checkpoints and exits on SIGTERM
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _wait_for(server: Virtuoso, proc: subprocess.Popen, folder: Path) -> None:
    answering(server.sparql, proc, 120, 0.3, lambda: "Virtuoso did not start: " + (
        folder / "server.log").read_text(encoding="utf-8", errors="replace")[-1500:])


def answering(endpoint: str, proc: subprocess.Popen, seconds: float, pause: float,
              failure: Callable[[], str]) -> None:
    """Wait until ``endpoint`` answers ASK {}; ``failure()`` says why when the process
    ends or the time runs out first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urlopen(f"{endpoint}?query=ASK%7B%7D", timeout=5).read()
            return
        except (URLError, OSError):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(failure()) from None
            time.sleep(pause)
