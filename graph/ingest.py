"""Stage 1 — ingest: find input files, read their bytes, detect the encoding.

The text is decoded and kept exactly as it is in the file (no newline or Unicode
normalisation), so that offsets into ``Source.text`` are offsets into the file's text.
Markup is left in place for the cleaner, which knows how to map around it.  PDF, DOCX,
DOC and WPS files are read by ``graph.formats``: their ``Source.text`` is the text read
from them (``govkg clean --raw FILE`` prints it), which every offset points into.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import Iterator

from .document import Source

SUFFIXES = {".txt": "text/plain", ".text": "text/plain",
            ".html": "text/html", ".htm": "text/html", ".xhtml": "text/html"}
PDF, DOCX = "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENT_SUFFIXES = {".pdf": PDF, ".docx": DOCX, ".doc": "application/msword",
                     ".wps": "application/vnd.ms-works"}
KINDS = ".txt, .html, .pdf, .docx, .doc and .wps"

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
         (b"PK\x03\x04", "a zip archive (.docx/.xlsx are zips too)"), (b"%PDF", "a PDF file"),
         (b"\x1f\x8b", "a gzip archive"), (b"\xd0\xcf\x11\xe0", "an OLE file (.doc/.xls)"),
         (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7z archive"), (b"\x7fELF", "an executable"))

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.IGNORECASE)
HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.IGNORECASE | re.DOTALL)


class SourceError(Exception):
    """A file that cannot be read as text; the message names the file and the reason."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def find_files(paths) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, name)`` for every input under ``paths``, in sorted order
    (``graph.discover.find_inputs``, less its report of what it passed over)."""
    from .discover import find_inputs
    yield from find_inputs(paths, [])


def read_source(path: Path | str, name: str | None = None) -> Source:
    """Read one file and decode it.  Raises ``SourceError`` with the reason."""
    path = Path(path)
    name = name or path.name
    try:
        size, limit = path.stat().st_size, max_file_bytes()
        if size > limit and path.suffix.lower() not in DOCUMENT_SUFFIXES:
            raise SourceError(name, f"file too large: {size / 2**20:.0f} MB of text (the limit is "
                              f"{limit / 2**20:.0f} MB: split the file, or set {LIMIT_VARIABLE})")
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(name, f"cannot read: {e.strerror or e}") from None
    kind = document_kind(path, data)
    if kind is not None:
        return read_document(data, name, kind, path.suffix.lower())
    if path.suffix and path.suffix.lower() not in SUFFIXES:
        raise SourceError(name, f"unsupported kind of file ({path.suffix}): govkg reads {KINDS} files")
    return parse_bytes(data, name, media_type_of(path, data))


LIMIT_VARIABLE = "GOVKG_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 8
"""Text and HTML files above this size are refused rather than read: a file's graph is held
in memory while it is made, and the graph of a dense text is a few times its size.  Measured
on one-line texts (the sample's texts joined, repeated): a build peaks at 0.26 GB for 4 MB,
0.45 GB for 8 MB, 0.84 GB for 16 MB — 60 MB and about 48 MB per MB of text.  PDF and
word-processor files are not bounded by their size on disk (a scan is large, its text small)."""


def max_file_bytes() -> int:
    """The size above which a file is refused: ``GOVKG_MAX_FILE_MB`` or 8 MB."""
    try:
        return int(float(os.environ.get(LIMIT_VARIABLE, DEFAULT_MAX_FILE_MB)) * 2**20)
    except ValueError:
        return DEFAULT_MAX_FILE_MB * 2**20


def document_kind(path: Path, data: bytes) -> str | None:
    """The media type of a PDF or word-processor file, by its suffix or its signature;
    None for text and HTML."""
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return DOCUMENT_SUFFIXES[suffix]
    if suffix in SUFFIXES:
        return None
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return DOCX
    return None


def read_document(data: bytes, name: str, kind: str, suffix: str) -> Source:
    """A PDF, DOCX, DOC or WPS file read by ``graph.formats``."""
    from .formats import ReadError
    try:
        if kind == PDF:
            from .formats.pdf import read_pdf
            result = read_pdf(data)
        elif kind == DOCX:
            from .formats.docx import read_docx
            result = read_docx(data)
        else:
            from .formats.office import read_office
            result = read_office(data, suffix)
    except ReadError as e:
        raise SourceError(name, str(e)) from None
    return Source(name=name, text=result.text, digest=hashlib.sha256(data).hexdigest(),
                  encoding=result.reader, media_type=kind, size=len(data), pages=result.pages,
                  ocr_pages=result.ocr_pages, warnings=result.warnings)


def media_type_of(path: Path, data: bytes) -> str:
    """HTML by suffix or by a leading <html>/<!DOCTYPE html>; plain text otherwise."""
    if SUFFIXES.get(path.suffix.lower()) == "text/html" or HTML_START.match(data[:2048]):
        return "text/html"
    return "text/plain"


def parse_bytes(data: bytes, name: str, media_type: str = "text/plain") -> Source:
    """Decode ``data``; the encoding is detected, not assumed."""
    text, encoding = decode(data, name, media_type)
    return Source(name=name, text=text, digest=hashlib.sha256(data).hexdigest(),
                  encoding=encoding, media_type=media_type, size=len(data))


def decode(data: bytes, name: str, media_type: str = "text/plain") -> tuple[str, str]:
    """Return ``(text, encoding)``.

    Order: a byte-order mark; the signature of a binary format (refused); UTF-16
    without a mark, told by its zero bytes; strict UTF-8; a charset declared in HTML;
    then GB18030 (which covers GBK and GB2312), Big5 or UTF-16, whichever reads as the
    most plausible Chinese.
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _strict(data, enc, name), enc
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise SourceError(name, f"binary file ({what}), not text")
    enc = _utf16_without_bom(data)
    if enc:
        return _strict(data, enc, name), enc
    if b"\x00" in data[:65536]:
        raise SourceError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = META_CHARSET.search(data[:4096]) if media_type == "text/html" else None
    if declared:
        try:
            enc = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return _chinese_legacy(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(name, f"invalid {encoding} at byte {e.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 told by where its zero bytes fall (ASCII-heavy text), or, when there are a
    few zero bytes, by decoding as plausible Chinese."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.2 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.2 * half and odd < 0.02 * half:
        return "utf-16-be"
    if odd or even:
        for enc in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
            try:
                text = sample.decode(enc)
            except UnicodeDecodeError:
                continue
            if plausibility(text) >= 0.9 and sum(c.isprintable() or c in "\r\n\t" for c in text) \
                    >= 0.95 * len(text):
                return enc
    return None


def _chinese_legacy(data: bytes, name: str) -> tuple[str, str]:
    """GB18030 or Big5: the strict decodings ranked by plausibility; else a lenient one."""
    decoded = {}
    candidates = ("gb18030", "big5", "utf-16-le", "utf-16-be") if len(data) % 2 == 0 \
        else ("gb18030", "big5")
    for enc in candidates:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError as e:
            if e.start >= len(data) - 4:     # a multi-byte sequence cut off at the end
                decoded[enc] = data[:e.start].decode(enc) + "\ufffd" * (len(data) - e.start)
    if decoded:
        enc = max(decoded, key=lambda e: plausibility(decoded[e]))
        if plausibility(decoded[enc]) >= 0.5:
            return decoded[enc], enc
    raise SourceError(name, "unknown encoding: not UTF-8, UTF-16, GB18030/GBK or Big5 text")


def plausibility(text: str) -> float:
    """Share of the Han characters that are among the common ones (GB2312 or Big5 level 1).

    >>> plausibility("各部门职责分工") > 0.9
    True
    """
    han = [c for c in text[:20000] if "\u3100" <= c <= "\u9fff" or "\ue000" <= c <= "\uf8ff"]
    if not han:
        return 1.0 if text.isprintable() or not text.strip("\r\n\t ") else 0.0
    common = _common_han()
    return sum(c in common for c in han) / len(han)


@cache
def _common_han() -> frozenset[str]:
    chars = set()
    for hi in range(0xB0, 0xD8):                      # GB2312 level 1
        for lo in range(0xA1, 0xFF):
            chars.add(bytes((hi, lo)).decode("gb2312", "ignore"))
    for hi in range(0xA4, 0xC7):                      # Big5 level 1
        for lo in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            chars.add(bytes((hi, lo)).decode("big5", "ignore"))
    chars.discard("")
    return frozenset(chars)
