"""Nothing gets out and nothing is lost: no network, no files outside --out, a killed
build leaves the last output whole, the server answers this machine only and never writes,
and text from a document can never run in the page."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from click.testing import CliRunner

from graph.build import sample_corpus
from graph.cli import main
from test_remote import free_port, running

GOVKG = [sys.executable, "-m", "graph"]


def _refuse(*args, **kwargs):
    raise AssertionError(f"a network call was attempted: {args[:2]}")


def test_build_query_and_views_work_with_sockets_blocked(tmp_path, monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    out = str(tmp_path / "out")
    runner = CliRunner()
    for args in (["build", "--out", out, "-q"],
                 ["query", "memberships", "--graph", out, "--format", "csv"],
                 ["query", "documents", "--graph", out, "--backend", "rdflib"],
                 ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", out],
                 ["viz", "--graph", out, "--focus", "鄂尔多斯市应急管理局", "-o", str(tmp_path / "v.html")],
                 ["analyze", "--graph", out, "--top", "3"],
                 ["export", "--graph", out, "--format", "gexf", "-o", str(tmp_path / "g.gexf")]):
        result = runner.invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)


def test_govkg_writes_only_under_out(tmp_path):
    work = tmp_path / "cwd"
    work.mkdir()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for args in (["build", "--out", "result", "-q"],
                 ["viz", "--graph", "result", "--focus", "鄂尔多斯市应急管理局"],
                 ["export", "--graph", "result", "--format", "csv"],
                 ["query", "documents", "--graph", "result"]):
        subprocess.run(GOVKG + args, cwd=work, env=env, check=True, capture_output=True)
    assert sorted(p.name for p in work.iterdir()) == ["result"]          # no lib/, no stray file
    assert {"graph.trig", "graph.html", "report.json", "manifest.json", "view.html", "csv"} \
        <= {p.name for p in (work / "result").iterdir()}


def _corpus(folder: Path, copies: int) -> Path:
    """``copies`` distinct gazettes: the samples with their 文号 years shifted."""
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p, _ in sample_corpus()]
    for i in range(copies):
        text = texts[i % len(texts)].replace("2024", str(1900 + i)).replace("2023", str(1800 + i))
        (folder / f"gazette_{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_build_killed_midway_leaves_the_previous_output_whole_and_usable(tmp_path):
    out = tmp_path / "out"
    subprocess.run(GOVKG + ["build", str(_corpus(tmp_path / "v1", 3)), "--out", str(out), "-q"], check=True)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != ".lock"}
    answer = subprocess.run(GOVKG + ["query", "documents", "--graph", str(out), "--format", "csv"],
                            check=True, capture_output=True, text=True).stdout
    big = _corpus(tmp_path / "v2", 40)
    proc = subprocess.Popen(GOVKG + ["build", str(big), "--out", str(out), "-q", "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("graph.trig.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)                   # wait until the build is writing …
    time.sleep(1.0)                        # … and well into it
    assert proc.poll() is None, "the build finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.name != ".lock"
             and not p.name.endswith(".tmp")}
    assert after == before                 # graph.trig, manifest, report, page: untouched
    again = subprocess.run(GOVKG + ["query", "documents", "--graph", str(out), "--format", "csv"],
                           check=True, capture_output=True, text=True).stdout
    assert again == answer
    # and the next build completes (its page is not what this test is about)
    subprocess.run(GOVKG + ["build", str(big), "--out", str(out), "-q", "--prune", "--no-html", "--jobs", "2"],
                   check=True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["files"] == 40 and not list(out.glob("*.tmp"))


def test_serve_answers_this_machine_only_and_never_writes(sample_build):
    port = free_port()
    argv = GOVKG + ["serve", "--graph", str(sample_build[0]), "--port", str(port)]
    with running(argv, port):
        ask = urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", timeout=5).read()
        assert b"true" in ask
        listening = [c for c in _listeners(port)]
        assert listening and all(addr.startswith("127.0.0.1") for addr in listening)
        update = Request(f"http://127.0.0.1:{port}/update", method="POST",
                         data=b"update=INSERT%20DATA%20%7B%3Curn%3Aa%3E%20%3Curn%3Ab%3E%20%3Curn%3Ac%3E%7D",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(HTTPError) as refused:
            urlopen(update, timeout=5)
        assert 400 <= refused.value.code < 500
        gone = urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%3Curn%3Aa%3E%20%3Fp%20%3Fo%7D", timeout=5).read()
        assert b"false" in gone


def _listeners(port: int) -> list[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:
                found.append(_address(addr))
    return found


def _address(hex_addr: str) -> str:
    if len(hex_addr) == 8:
        return ".".join(str(int(hex_addr[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return "::" if set(hex_addr) == {"0"} else hex_addr
