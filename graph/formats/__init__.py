"""Readers of the files users get gazettes as, other than text and HTML: PDF (a text
layer, or scanned pages through OCR), DOCX, and DOC/WPS through LibreOffice.

Each reader turns the file's bytes into an ``Extraction``: the text that every offset of
the file's facts points into, and where each page starts in it.  ``graph.ingest`` makes
the ``Source``.  The libraries are imported only when such a file is read.
"""
from __future__ import annotations

from dataclasses import dataclass


class ReadError(Exception):
    """A file of a known kind that cannot be read (encrypted, broken, a converter or the
    OCR engine missing); the message says why."""


@dataclass(frozen=True)
class Extraction:
    """The text read from a file, and where it came from.

    ``pages`` holds the offset in ``text`` where each page starts (page 1 first; empty
    for formats without pages); ``ocr_pages`` the 1-based numbers of the pages read by
    OCR; ``warnings`` what the reader could not do (a page left unread, say).
    """

    text: str
    reader: str
    pages: tuple[int, ...] = ()
    ocr_pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
