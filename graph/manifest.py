"""What the last build was made of: ``manifest.json`` in the output folder.

One entry per input file — its name, where it was read, the SHA-256 of its bytes, the IRI
of its named graph and where that graph's chunk sits in ``graph.trig`` — plus the folder
of the current store and a fingerprint of the code that made it.  An incremental build
reuses an entry whose file has the same name and bytes; a manifest written by other code
(another fingerprint), or whose outputs were changed since, is not trusted, and the build
starts over.  The manifest is renamed into place last: it is what commits a build.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

MANIFEST = "manifest.json"
FORMAT = 1                      # bump when the layout of the output folder changes
TRIG_FILE, REPORT_FILE, PAGE_FILE, ROWS_FILE = "graph.trig", "report.json", "graph.html", "rows.sqlite"
OUTPUTS = (TRIG_FILE, REPORT_FILE, ROWS_FILE)
PAGE_STAMP = '<meta name="govkg-graph" content="{}">'
"""How the page of the whole graph names the graph it shows (``Manifest.graph_digest``)."""


@dataclass(frozen=True)
class Entry:
    """One input file of a build."""

    name: str
    path: str                   # where it was read, to read it again if need be
    sha256: str | None          # None: it could not be read
    graph: str | None = None    # IRI of its named graph (None: failed, or a duplicate)
    offset: int = 0             # its chunk in graph.trig: bytes [offset, offset + length)
    length: int = 0


@dataclass(frozen=True)
class Manifest:
    fingerprint: str
    store: str                              # folder (in the output folder) of the store
    outputs: dict[str, tuple[int, int]]     # file -> (size, mtime_ns) when committed
    entries: tuple[Entry, ...]

    def graph_digest(self) -> str:
        """A digest of the graph this build holds (``graph_digest`` of its entries)."""
        return graph_digest(self.entries, self.fingerprint)

    def as_json(self) -> bytes:
        data = {"format": FORMAT, "fingerprint": self.fingerprint, "store": self.store,
                "outputs": {k: list(v) for k, v in self.outputs.items()},
                "files": [asdict(e) for e in self.entries]}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def graph_digest(entries, code: str | None = None) -> str:
    """A digest of a build's graph: its files' graphs and chunks, and the code that made them
    (this code's ``fingerprint`` unless told); the same for an unchanged rebuild."""
    import hashlib
    h = hashlib.sha256((code or fingerprint()).encode())
    for e in entries:
        h.update(f"{e.graph}\0{e.sha256}\0{e.offset}\0{e.length}\n".encode())
    return h.hexdigest()[:16]


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, or None when there is none or it cannot be read."""
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Manifest(data["fingerprint"], data["store"],
                        {k: tuple(v) for k, v in data["outputs"].items()},
                        tuple(Entry(**e) for e in data["files"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def trig_is_current(manifest: Manifest, folder: Path | str) -> bool:
    """``graph.trig`` in ``folder`` is the one the build of ``manifest`` wrote."""
    return stat_of(Path(folder) / TRIG_FILE) == manifest.outputs.get(TRIG_FILE)


def has_its_store(manifest: Manifest, folder: Path | str) -> bool:
    """The store folder ``manifest`` names is in ``folder``, or the build has none."""
    return not manifest.store or (Path(folder) / manifest.store).is_dir()


def trusted(manifest: Manifest | None, folder: Path) -> bool:
    """The manifest was written by this code, and its outputs and store are as it left them."""
    return (manifest is not None and manifest.fingerprint == fingerprint() and has_its_store(manifest, folder)
            and all(stat_of(Path(folder) / name) == manifest.outputs.get(name) for name in OUTPUTS))


def stat_of(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@cache
def fingerprint() -> str:
    """A digest of everything that decides a file's graph, its rows and the page: the package's
    code, lexicons, named queries and page assets, and the versions of the libraries that write the outputs."""
    import hashlib
    from importlib import resources
    h = hashlib.sha256(f"{FORMAT}".encode())
    for lib in ("pyoxigraph", "rdflib"):
        h.update(f"{lib} {library_version(lib)}\n".encode())
    for name, data in _code(resources.files(__package__)):
        h.update(name.encode() + b"\0" + data)
    return h.hexdigest()[:16]


def library_version(lib: str) -> str:
    """The installed version of ``lib``, as ``importlib.metadata.version`` gives it: read from
    the name of the ``<lib>-<version>.dist-info`` folder beside the package that ``import
    lib`` finds (importing ``importlib.metadata`` would cost ~20 ms, a tenth of an unchanged
    rebuild), else from ``importlib.metadata``.

    >>> from importlib import metadata
    >>> [library_version(lib) == metadata.version(lib) for lib in ("pyoxigraph", "rdflib")]
    [True, True]
    """
    import os
    from importlib.util import find_spec
    spec = find_spec(lib)
    folder = Path(spec.origin).parent.parent if spec and spec.origin else None   # site-packages/<lib>/__init__.py
    try:
        found = [e.name[len(lib) + 1:-len(".dist-info")] for e in os.scandir(folder)
                 if e.name.startswith(f"{lib}-") and e.name.endswith(".dist-info")] if folder else []
    except OSError:
        found = []
    if len(found) == 1 and "-" not in found[0] and (folder / f"{lib}-{found[0]}.dist-info" / "METADATA").is_file():
        return found[0]
    from importlib import metadata
    return metadata.version(lib)


def _code(folder, prefix: str = "") -> Iterator[tuple[str, bytes]]:
    """The package's modules, lexicons, named queries and page assets, subpackages included,
    in name order."""
    for p in sorted(folder.iterdir(), key=lambda p: p.name):
        if p.is_dir() and p.name != "__pycache__":
            yield from _code(p, f"{prefix}{p.name}/")
        elif p.name.endswith((".py", ".tsv", ".js", ".css", ".rq")):
            yield prefix + p.name, p.read_bytes()
